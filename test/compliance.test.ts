// The compliance check: every rule caught in Chinese and English, the honest negations passed.
import { checkText, complianceSummary, Finding, RISK_WARNING } from "../src/core/compliance";
import { englishClauseFindings } from "../src/core/compliance-en";

const rules = (text: string, opts = {}) => checkText(text, opts).map((f) => [f.rule, f.text, f.severity]);

describe("a clean text passes", () => {
  test("Chinese reply with the honest statements", () => {
    const t = "王伟您好，理解您的心情。稳盈增利1号亏损30,000.00元（20.00%），未达预期，主要受市场波动影响。本产品不保本，我们不承诺收益。周晓燕将在24小时内致电。";
    expect(checkText(t)).toEqual([]);
  });
  test("English reply with the honest statements", () => {
    const t = "Dear Wang Wei, we understand how you feel. The product does not guarantee principal or returns, and we will do our best to help. Best regards.";
    expect(checkText(t)).toEqual([]);
  });
  test("summary of a clean text", () => {
    expect(complianceSummary([], "zh-CN")).toBe("通过");
    expect(complianceSummary([], "en-US")).toBe("clean");
  });
});

describe("promise-words", () => {
  test.each([
    ["本产品保本", "保本"], ["保收益", "保收益"], ["保证收益8%", "保证收益"], ["稳赚不赔", "稳赚"], ["这是无风险的投资", "无风险"],
    ["零风险", "零风险"], ["我们坚持刚性兑付", "刚性兑付"], ["承诺收益5%", "承诺收益"],
  ])("zh %s", (text, hit) => {
    expect(rules(text)).toEqual([["promise-words", hit, "error"]]);
  });
  test("zh: several in one text, in order", () => {
    expect(rules("本产品保本保收益，稳赚不赔")).toEqual([
      ["promise-words", "保本", "error"], ["promise-words", "保收益", "error"], ["promise-words", "稳赚", "error"],
    ]);
  });
  test.each([
    ["This product guarantees your principal.", "guarantees your principal"],
    ["Guaranteed returns of 5% a year", "Guaranteed returns"],
    ["It is risk-free.", "risk-free"],
    ["There is no risk.", "no risk"],
    ["A principal-protected product", "principal-protected"],
    ["Your principal is guaranteed.", "principal is guaranteed"],
  ])("en %s", (text, hit) => {
    expect(rules(text)).toEqual([["promise-words", hit, "error"]]);
  });
  test.each([
    "本产品不保本", "我们不承诺保本、保收益", "本产品是非保本浮动收益型产品", "投资并非无风险", "本产品不保证收益",
    "资管新规打破刚性兑付", "我们无法承诺收益", "确保本次沟通顺利",
  ])("zh negation passes: %s", (text) => {
    expect(checkText(text)).toEqual([]);
  });
  test.each([
    "The product does not guarantee principal or returns.", "Your principal is not guaranteed.", "Investing is not without risk.",
    "It is not risk-free.", "We cannot guarantee returns.",
  ])("en negation passes: %s", (text) => {
    expect(checkText(text)).toEqual([]);
  });
});

describe("compensation-promise", () => {
  test.each([
    ["我们会赔偿您的损失", "会赔偿"], ["保证赔付", "保证赔付"], ["全额补偿", "全额补偿"], ["由银行兜底", "兜底"], ["我们会弥补您的损失", "会弥补您的损失"],
    ["我们将对您进行补偿", "将对您进行补偿"],
  ])("zh %s", (text, hit) => {
    expect(rules(text)).toEqual([["compensation-promise", hit, "error"]]);
  });
  test.each([
    ["We will compensate you for the loss.", "We will compensate"], ["You will receive full compensation.", "full compensation"],
    ["The bank will reimburse your losses.", "The bank will reimburse"],
  ])("en %s", (text, hit) => {
    expect(rules(text)).toEqual([["compensation-promise", hit, "error"]]);
  });
  test.each(["您提出的赔偿诉求我们已记录", "我们无法承诺赔偿", "我们不会赔偿", "我们会认真对待您的赔偿诉求", "关于赔偿的问题，我们将依法依规处理"])(
    "zh neutral mention passes: %s", (text) => { expect(checkText(text)).toEqual([]); },
  );
  test.each(["We cannot promise compensation.", "We will not compensate losses.", "Your request for compensation has been recorded.", "We cannot offer full compensation."])(
    "en neutral mention passes: %s", (text) => { expect(checkText(text)).toEqual([]); },
  );
});

describe("superlative (a warning: a person decides whether it is supported)", () => {
  test.each([
    ["这是最好的产品", "最好"], ["唯一的选择", "唯一"], ["业绩名列前茅", "名列前茅"], ["同类产品排名第一", "排名第一"], ["最佳配置", "最佳"],
  ])("zh %s", (text, hit) => {
    expect(rules(text)).toEqual([["superlative", hit, "warning"]]);
  });
  test.each([
    ["This is the best product.", "best"], ["the only product you need", "the only product"], ["market-leading returns", "market-leading"],
    ["We are number one in the region.", "number one"],
  ])("en %s", (text, hit) => {
    expect(rules(text)).toEqual([["superlative", hit, "warning"]]);
  });
  test.each(["您最好先别急着赎回", "我们会第一时间联系您", "We will do our best.", "Best regards", "in your best interests"])(
    "not a claim: %s", (text) => { expect(checkText(text)).toEqual([]); },
  );
});

describe("benchmark-as-return", () => {
  test.each([
    ["业绩比较基准为5%，即预期收益", "业绩比较基准为5%，即预期收益"],
    ["预期收益为业绩比较基准上限", "预期收益为业绩比较基准"],
    ["预期收益率6%", "预期收益率"],
  ])("zh %s", (text, hit) => {
    expect(rules(text)).toEqual([["benchmark-as-return", hit, "error"]]);
  });
  test.each([
    ["The benchmark is the expected return.", "benchmark is the expected return"],
    ["With the benchmark of 5%, you will earn 5%.", "benchmark of 5%, you will earn"],
    ["an expected return of 6.5% a year", "expected return of 6.5%"],
  ])("en %s", (text, hit) => {
    expect(rules(text)).toEqual([["benchmark-as-return", hit, "error"]]);
  });
  test.each(["业绩比较基准不代表预期收益", "业绩比较基准不是预期收益率", "The benchmark is not an expected return.", "业绩比较基准为5.00%-7.50%"])(
    "honest: %s", (text) => { expect(checkText(text)).toEqual([]); },
  );
});

describe("missing-risk-warning (letters)", () => {
  test("zh letter without the warning", () => {
    expect(checkText("尊敬的王伟：您好！……周晓燕将于24小时内与您联系。", { letter: true, locale: "zh-CN" })).toEqual([
      { rule: "missing-risk-warning", text: "理财非存款、产品有风险、投资须谨慎、过往业绩不代表其未来表现", severity: "error" },
    ]);
  });
  test("zh letter with half of it names the missing half", () => {
    expect(rules("尊敬的王伟：……理财非存款、产品有风险、投资须谨慎。", { letter: true, locale: "zh-CN" })).toEqual([
      ["missing-risk-warning", "过往业绩不代表其未来表现", "error"],
    ]);
  });
  test("en letter without the warning", () => {
    expect(rules("Dear Wang Wei, ... Yours sincerely", { letter: true, locale: "en-US" })).toEqual([
      ["missing-risk-warning", "not deposits; carry risks; invest prudently; past performance does not represent future performance", "error"],
    ]);
  });
  test("with the standard warning, in either language, it passes; non-letters need none", () => {
    expect(checkText(`尊敬的王伟：……\n\n${RISK_WARNING["zh-CN"]}`, { letter: true, locale: "zh-CN" })).toEqual([]);
    expect(checkText(`Dear Wang Wei, ...\n\n${RISK_WARNING["en-US"]}`, { letter: true, locale: "en-US" })).toEqual([]);
    expect(checkText("王伟您好，周晓燕将在24小时内致电。")).toEqual([]);
  });
  test("the language is guessed when not given", () => {
    expect(rules("尊敬的王伟：您好！", { letter: true })[0][1]).toBe("理财非存款、产品有风险、投资须谨慎、过往业绩不代表其未来表现");
  });
});

test("findings carry the template cell, and the summary names rule and excerpt", () => {
  const f: Finding[] = checkText("我们保证收益，这是最好的产品", { cell: "话术模板!E7" });
  expect(f).toEqual([
    { rule: "promise-words", text: "保证收益", severity: "error", cell: "话术模板!E7" },
    { rule: "superlative", text: "最好", severity: "warning", cell: "话术模板!E7" },
  ]);
  expect(complianceSummary(f, "zh-CN")).toBe("不通过：保本保收益类用语「保证收益」(promise-words)（话术模板!E7）；无依据的绝对化用语「最好」(superlative)（话术模板!E7）");
  expect(complianceSummary(checkText("This is the best product."), "en-US")).toBe('review: unsupported superlative "best" (superlative)');
});

// Round 4 (issue 9): promises modelled as certainty + outcome, impossibility of a loss, the bank
// making good; and the honest look-alikes (hedges, conditions, negations) those forms must leave.
describe("round 4 forms", () => {
  test.each([
    ["Your fund is bound to be back in the black next year.", "certain-outcome", "bound to be back in the black"],
    ["It'll rebound, trust me.", "certain-outcome", "It'll rebound"],
    ["The fund will recover.", "certain-outcome", "The fund will recover"],
    ["The bank will absorb your losses.", "compensation-promise", "The bank will absorb your losses"],
    ["We will make you whole.", "compensation-promise", "We will make you whole"],
    ["There's zero risk of you losing money.", "no-loss-promise", "zero risk of you losing"],
    ["You literally can't possibly lose.", "no-loss-promise", "can't possibly lose"],
    ["This is a no-lose plan.", "no-loss-promise", "no-lose"],
    ["Your money is safe with us.", "no-loss-promise", "Your money is safe with us"],
    ["您这钱肯定跑不了。", "no-loss-promise", "钱肯定跑不了"],
    ["怎么可能亏呢？", "no-loss-promise", "怎么可能亏"],
    ["收益十拿九稳。", "certain-outcome", "收益十拿九稳"],
    ["亏了多少我们补多少。", "compensation-promise", "亏了多少我们补多少"],
    ["行里会兜着的。", "compensation-promise", "行里会兜着"],
  ])("flagged: %s", (text, rule, excerpt) => {
    expect(checkText(text).map((f) => [f.rule, f.text])).toEqual([[rule, excerpt]]);
  });
  test.each([
    ["If the market improves, the fund will recover."],
    ["We hope the fund will recover this year."],
    ["I am not sure the fund will recover."],
    ["Nobody can say whether it will come back."],
    ["There's no way to lose track of your statements online."],
    ["I will definitely be back in touch next week."],
    ["You'll surely end up paying a small fee if you redeem early."],
    ["This product is not as safe as a deposit."],
    ["We cannot absorb the loss on your behalf."],
    ["The bank will not top up your account."],
    ["确定能否回本要看后市。"],
    ["并不是没有亏损的可能。"],
    ["理财并不像存款一样安全。"],
    ["您问哪会亏这么多，主要是债市下跌。"],
    ["银行不会给您补上差额。"],
    ["损失由您自行承担。"],
    ["我们不能替您兜着损失。"],
  ])("honest: %s", (text) => {
    expect(checkText(text)).toEqual([]);
  });
});

// Round 6 of issue 9: classes the rules did not model (written for round 6, rows 638-736 are more of them).
describe("round 6 classes", () => {
  const rules = (text: string) => [...new Set(checkText(text).map((f) => f.rule))];
  test.each([
    // certainty fused with the outcome, one-way forecasts, flat forecasts, idioms of certainty
    ["明年这只必涨。", "certain-outcome"],
    ["调整过后只会往上走。", "certain-outcome"],
    ["等降息落地，净值马上就能涨回来。", "certain-outcome"],
    ["您的本钱迟早会回来的。", "certain-outcome"],
    ["今年回正是板上钉钉的事。", "certain-outcome"],
    ["From here the price can only go up.", "certain-outcome"],
    ["This will definitely bounce after the holiday.", "certain-outcome"],
    ["You'll be back in the black by autumn.", "certain-outcome"],
    ["It's a sure thing that the NAV recovers.", "certain-outcome"],
    // no loss asserted as a fact or in negative form
    ["放在这里压根不存在亏本的问题。", "no-loss-promise"],
    ["您的钱只会多不会少。", "no-loss-promise"],
    ["跌得再多也动不了您的本金。", "no-loss-promise"],
    ["You simply cannot lose here.", "no-loss-promise"],
    ["You will never walk away with less than you put in.", "no-loss-promise"],
    // yields as the client's
    ["到期您稳拿4.1%的收益。", "benchmark-as-return"],
    ["半年后账户上会多出3%。", "benchmark-as-return"],
    ["It offers a yield you can count on.", "benchmark-as-return"],
    ["Your 4% is locked in.", "benchmark-as-return"],
    ["It pays a guaranteed 3.5% a year.", "promise-words"],
    // make-good with the loss as its measure
    ["差多少我们就补多少。", "compensation-promise"],
  ])("flag: %s -> %s", (text, rule) => {
    expect(rules(text)).toContain(rule);
  });
  test.each([
    ["您说的“保本”并不准确，本产品不保本。"],
    ["客户称员工承诺过“保本”，经核实员工并未作出此承诺。"],
    ["净值什么时候能涨回来，目前无法判断。"],
    ["不出意外的话，我们会在周五前回复。"],
    ["You said you were promised a guaranteed return; no such promise was made."],
    ["Anyone who told you it was risk-free was wrong to say so."],
    ["The price could only go up if yields fall, and nobody knows whether they will."],
    ["There's no way to lose track of your statements online."],
    ["You can count on us to reply within 15 days."],
    ["We'll be back in touch on Friday."],
  ])("honest: %s", (text) => {
    expect(checkText(text)).toEqual([]);
  });
});

// Round 9 (issue 9): classes rather than phrases; a few of each, and their honest look-alikes.
describe("round 9 classes", () => {
  test.each([
    "下个月就回来了", "它自己就涨起来了", "这行情走完，净值肯定往上走", "还能不涨回来？您就拿着吧", "过完年准回来",
    "本金不受损失", "跌破本金的可能性为零", "您这钱放我们这儿，一分都跑不掉", "到期后本金原数奉还",
    "差的那部分我来补上", "下次我们用高收益给您找回来", "真亏了算我的", "银行不会让客户吃亏的",
    "哥，年化5个点稳稳的", "每万元每年能多拿300块", "您买十万，一年下来收益四千块是稳的", "业绩比较基准4.5%，到期您就拿这个数",
    "这是全国最牛的基金经理", "这款是全市独一份的好产品",
    "It's only a matter of time before it's back above 1.50.", "It's gonna bounce, 100%, these dips always reverse.",
    "Your original capital will not be eroded by this decline.", "You're not going to lose a penny.", "Not a single dollar of your HK$500,000 is at risk.",
    "Any gap at maturity gets made up by the bank.", "We'll credit your account with the amount you lost.",
    "It pays 5 percent a year, locked in.", "Expected return is 3.6% p.a. and thats what u will get.", "You'll pocket a cool 5% on this each year.",
    "This is hands down the most secure investment you could own.", "It's a can't-lose setup.", "which is fully guranteed",
  ])("flags %s", (s) => expect(checkText(s).length).toBeGreaterThan(0));
  test.each([
    "产品到期后，资金将于3个工作日内回到您的银行卡。", "我明天就回来上班，到时候当面给您解释。", "净值回到1.0以上需要多久，目前无法预测。",
    "以下为禁用话术示例：“跌了也不怕，到年底肯定回本”。", "您所說的「保底收益」在本產品合同中並不存在。", "亏损的部分行里不会补，我也补不了。",
    "您提到的“每万元能拿420元”是按比较基准算的，实际到手多少要看到期净值，可能比这个低。", "本金安全与否取决于底层资产的表现。",
    "We'll definitely look into this and get back to you as soon as possible.", "Happy to chat whenever suits u best.", "The best thing to do is to read the documents.",
    "Example of a prohibited script: \"Don't worry, it'll definitely be back by year-end.\"", "The number one thing I'd suggest is reading the risk disclosure.",
    "The benchmark of 4% is a target, not a promise, and you could receive less.", "We'll credit your account with the redemption proceeds on Friday.",
  ])("passes %s", (s) => expect(checkText(s)).toEqual([]));
});

// Round 10 (issue 9): the structural English clause model (src/core/compliance-en.ts). Paraphrases
// written for this round, in none of the labelled files: each names the class it must raise, and
// the model alone (without the phrase patterns) must raise it, so the class is caught by its shape.
describe("round 10: the English clause model", () => {
  test.each([
    ["certain-outcome", "Hang in there, the unit price is going to climb past your entry level before the summer."],
    ["certain-outcome", "Mark my words, it recovers."],
    ["certain-outcome", "Believe me, your portfolio turns positive within a quarter."],
    ["certain-outcome", "The fund is set to regain all of its losses by Easter."],
    ["certain-outcome", "Take it from me, prices are coming back up next month."],
    ["certain-outcome", "I assure you the dip reverses within weeks."],
    ["certain-outcome", "Honestly, your investment will be worth more than you paid by next summer."],
    ["no-loss-promise", "The principal stays intact whatever the market does."],
    ["no-loss-promise", "There's no way this ends below what you paid."],
    ["no-loss-promise", "None of your savings are at risk here."],
    ["no-loss-promise", "The market swings won't dent your capital at all."],
    ["no-loss-promise", "Don't worry, you'll never come out behind on this one."],
    ["no-loss-promise", "Nothing bad will happen to your principal."],
    ["no-loss-promise", "Your savings will stay completely untouched by this correction."],
    ["compensation-promise", "The bank will top you up."],
    ["compensation-promise", "I'll personally make sure you are reimbursed."],
    ["compensation-promise", "If the fund is still under water at maturity, our branch will settle the difference with you."],
    ["compensation-promise", "Rest easy, the bank will foot the bill for the drop."],
    ["compensation-promise", "Leave it with me, the bank will refund the whole amount you lost."],
    ["benchmark-as-return", "The 3.8% benchmark is what lands in your account."],
    ["benchmark-as-return", "Your holding is going to pay you 3.6% a year until maturity."],
    ["benchmark-as-return", "Your return is fixed at 4% for the full term."],
    ["benchmark-as-return", "Count on getting 3.5% each year from this note."],
    ["compensation-promise", "Please be advised that any shortfall on redemption will be met by the Bank."],
    ["compensation-promise", "The Branch undertakes to restore your holding to its original value at maturity."],
    ["compensation-promise", "you're covered, the bank eats any loss on this"],
    ["no-loss-promise", "Your capital is fully insured against any loss by the parent company."],
    ["no-loss-promise", "Your initial 500k will stay whole, whatever the bond market does."],
    ["certain-outcome", "Your portfolio is on its way back to where you bought it, no doubt about it."],
    ["certain-outcome", "Once rates drop this thing rockets back up, 100%."],
    ["certain-outcome", "By spring the loss will be gone, I'm certain."],
    ["certain-outcome", "The fund can't fail to recover once the rate cycle turns."],
    ["no-loss-promise", "Not one cent of your savings is going to disappear."],
    ["no-loss-promise", "Your money isn't at any risk here."],
    ["compensation-promise", "We've agreed internally to cover the 20% you're down."],
    ["compensation-promise", "I've arranged for the bank to refund you the loss next week."],
    ["benchmark-as-return", "Expect 3.8% a year credited straight to you."],
  ] as const)("%s: %s", (rule, text) => {
    expect(englishClauseFindings(text).map((h) => h.rule)).toContain(rule);
    expect(checkText(text).map((f) => f.rule)).toContain(rule);
  });
  // The honest look-alikes: a hedge, a negation with its scope, a condition, a question, a
  // reported belief, due process, a past fact, a redemption value.
  test.each([
    "It may recover, but we cannot promise that.", "No one can promise it will recover.", "We do not guarantee you won't lose money.",
    "Nobody can say the value will come good before maturity.", "Whether your holding will bounce back depends on the bond market.",
    "If markets recover, you may be back in the black, but there is no guarantee.",
    "Some clients think prices will go back up once rates are cut; that is not certain.",
    "The fall has affected your capital, and we are sorry for that.", "Your savings are not protected from market movements.",
    "Is your money protected? No, this product is not a deposit.", "The bank will not make up the shortfall at maturity.",
    "If the review finds the sale was unsuitable, you may be entitled to redress under the rules.",
    "If the complaint is upheld, the difference may be paid back to you.",
    "You asked whether you will be reimbursed for the fall in value; we are looking into it.",
    "The NAV recovered in 2022, but past performance does not indicate future results.",
    "Last year the plan paid 3.9%, but past performance is no guide.", "Do not count on getting 3.5% each year from this note.",
    "If you redeem today you will receive about 97,300 yuan.", "Your account will be credited with the redemption proceeds within three working days.",
    "We'll cover the key points of the product terms when we meet.", "I will get back to you by Friday.",
    "The market went up last week and then fell again.", "We will make sure your complaint is handled within 15 days.",
    "The brochure's phrase 'capital-protected' referred to a different product series and never applied to your holding.",
    "This product is non-principal-protected with floating returns.",
    // settlement, custody and fees: the client's money paid or kept, not a promise about its value
    "Your money will be returned to your account within three working days after redemption.",
    "You will get your money back on the maturity date, at the NAV of that day.",
    "Your holding will be back in your account after the transfer is complete.",
    "Your units will be safe in the custodian's account, separate from the bank's own assets.",
    "Your investment is covered by the terms set out in the product prospectus.",
    "We will refund the handling fee that was charged in error.",
    // everyday futures: a weak verb (be fine, come back, grow) is a recovery only about the market
    "That will be fine, see you on Monday.", "You'll come back to the branch on Monday to sign the form.",
    "Your understanding of the product will grow as we go through the documents.", "It will turn around your request in two working days.",
    "I promise I'll come back to you with the numbers.", "You'll be up to date once you read the new disclosure.",
    // what is lost, safe or counted is not money; making good a delay, not a loss
    "You won't lose your place in the queue.", "You won't lose access to the app during the upgrade.",
    "Your money is safe to withdraw at any time after maturity.", "It won't fall on you to fill in the form.",
    "It won't go below the minimum subscription of 10,000.", "None of your documents are at risk.",
    "We will make it right by reviewing the sale properly.", "You'll receive 2 statements a year.",
    "We'll compensate for the delay in replying by calling you first thing.", "There's no way to lose your login details, they're stored securely.",
    "Under the rules the bank bears no loss on your holding.", "The Branch will restore your online access once the password reset is complete.",
    "Your capital is not insured against loss; this product is not a deposit.", "Please be advised that any shortfall on redemption is borne by the investor.",
    "Your original investment is not ring-fenced and can shrink.", "Do not expect 3.8% a year; the benchmark is only a reference.",
    "We have not agreed to cover any loss, and the rules do not allow it.", "No fund can be sure to recover once the rate cycle turns.",
  ])("honest: %s", (text) => {
    expect(checkText(text)).toEqual([]);
  });
  test("a text without Latin letters skips the model", () => {
    expect(englishClauseFindings("净值会涨回来的")).toEqual([]);
  });
});

// Round 10 (issue 9): the classes of promise rather than phrases, checked on sentences written for
// the purpose (promises and their honest look-alikes) before blind round 8 was scored.
describe("round 10 classes", () => {
  test.each([
    // a claim word in the writer's own voice is the claim; a negation of worry, advice or time is no negation
    "这款号称零风险之王，您买它就对了。", "别担心，这个产品是保本的。", "您别赎回，拿到明年三月份，收益至少有3%。", "不是我夸口，这款产品从发行到现在没让一个客户亏过。",
    "亲，你现在赎回才是真亏，拿着不动是一分钱都不会亏的", "市场迟早会反弹，到时候您不光回本还能赚。",
    // certain-outcome: implicit certainty, certainty after the outcome, vouching
    "不用担心，这点回撤过几周就补回来了。", "您这点浮亏很快就没了。", "净值回到1块钱是早晚的事。", "回本只是时间问题。", "现在跌只是暂时的，涨回来是必然的。",
    "三个月后您的账户一定是正的。", "大姐，这次下跌是暂时的，回本没有任何悬念。", "短期波动而已，年底前涨回来我敢拍胸脯。", "别急啊哥，年底前净值必回1.5，我拿我的职业生涯担保",
    "这个净值肯定不会再往下掉了，已经是底部了。",
    // no-loss-promise: never below cost, deposit likeness, safety absolute, principal back whole
    "您的本金不可能低于买入价。", "放心，到期肯定不会比买的时候少。", "本金这块您放一百个心。", "这个产品跟存款没什么区别，就是利息高点。", "你就当买了个定期存单，利息还更高。",
    "您这笔钱在我们这儿稳当得很，一分一厘都不会短您的。", "买这款就等于把钱存进了保险箱，绝对安全。", "就算市场再差，您的本金也能完整拿回来。", "您投的二十万，到期最少也能拿回二十万。",
    "这个产品就没有亏钱这一说，您尽管放心。", "您好，这种级别的产品怎么会亏损呢？您多虑了。", "您说国家能让银行理财亏老百姓的钱吗？不可能的事儿。",
    // promise-words: a guarantor, a fixed return, a payout in full
    "跌了也不怕，到期兑付的时候银行会保证您的本金。", "本金部分银行是担保的，您只需要关心收益。", "这个产品的收益是定死的，年化4.1%。", "如净值到期未恢复，我行将按原始本金为客户兑付。",
    // benchmark-as-return: a yield or "this number" as what the client certainly gets
    "到期就是这个数，您放心。", "这个您放心，到期肯定有4%。", "您持有到期，收益就是3.6%，跑不掉。", "我跟您交个底，这产品到期年化肯定在4%以上。",
    "业绩基准写的4.5%，到时候到你手里就是4.5%，一分不差", "客户您好，本产品收益每万元每年不低于430元。",
    // compensation-promise: private settlement, a 说法, the difference, answering for a loss
    "这事我们私下处理，少不了您的。", "我们可以私下协商，给您补一部分差价。", "放心，亏了我们来想办法，保证给您一个满意的说法。", "真要是跌下去了，您找我，我负责。",
    "这次净值回撤，行里会按照一定比例给您补贴。", "亏了我们给您补差。", "行里会给您个说法。", "您放心，这次亏的我们一分不落全给您补齐。", "损失的部分我们会在下一期产品里通过提高收益帮您补回来。",
    // written after blind round 8 was tuned on (a second generality check)
    "您别慌，这种产品最后都是要回到面值的。", "咱们这款收益是按4%算的，到期一次性打给您。", "真出了问题，行里会出面解决，不会让客户蒙受损失。",
    "姐，这产品您拿到期，收益少说也有3.5%。", "这么大的银行，还能让您的钱打了水漂？", "账户里的亏损只是浮亏，到期就全回来了。", "您现在的亏损，我们行会全部承担。",
    // superlative
    "这款产品在全省的销量都是头一份。", "这款是我们的压箱底产品，收益全行没有能比的。",
  ])("flags %s", (s) => expect(checkText(s).length).toBeGreaterThan(0));
  test.each([
    "如有人向您承诺保本保收益，请向我行举报或拨打12378。", "号称保本的理财产品都是违规的，请您警惕。", "市场上号称保本高收益的产品，大多涉嫌违规，请您谨慎甄别。",
    "对于号称“稳赚不赔”的产品，请务必远离。", "如果有人自称我行员工并承诺高收益，请立即拨打95588核实。", "请您注意，任何员工都不得私下向客户承诺收益或给予补偿。",
    "很多人觉得理财跟定期一样，其实两者风险完全不同。", "我们理解您对本金安全的顾虑，建议您评估自己的风险承受能力。", "您的本金并不是绝对安全的，产品说明书中对此有明确提示。",
    "理财产品的收益并不是固定的，年化4.1%只是过去一段时间的表现。", "这个产品会不会继续跌，我们没法给您打包票。", "收益这块我真的保证不了。",
    "您好，我们理解您希望“保本”的需求，如对本金安全要求高，建议您优先考虑存款或国债。", "您说的“保本保收益”，现在的理财产品都做不到了。",
    "您好，资管新规实施后，“预期收益率”的表述已被取消，改为“业绩比较基准”。", "国债由国家信用担保，而理财产品没有任何担保。",
    "我肯定会在明天下午三点前给您回电话。", "净值是否会回到1.05，目前没有人能给出确定的答案。", "理财产品不是定期存单，到期金额会随净值变化。",
    "到期能拿回多少本金，取决于届时的产品净值。", "很多客户把理财当作存款，这是一个常见的误区。", "本金是否安全取决于底层资产，我们无法给您绝对的保证。",
    "只要您不卖，账面亏损就不会变成实际亏损，但到期净值仍可能低于买入价。", "如果到期没回本，损失将由投资者自行承担。", "到期时按实际净值兑付，可能高于也可能低于您的买入价。",
    "到期后资金将于两个工作日内回到您的账户。", "下个月就能收到我们的书面回复。", "行里没有资金为理财产品托底，投资风险由投资者承担。", "银行不会私下处理客户投诉，一切按流程办理。", "我们会认真核查您反映的情况，给您一个书面答复。",
  ])("passes %s", (s) => expect(checkText(s)).toEqual([]));
});

// Round 11: classes of English promise the clause model did not reach, each named with the rule it
// raises, and the honest look-alike of each class.
describe("round 11 classes (English)", () => {
  const rules = (s: string) => checkText(s).map((f) => f.rule);
  test.each([
    // no loss as a universal, a record, or a loss denied to exist or to happen
    ["No need to panic, nobody loses money on bank wealth products.", "no-loss-promise"],
    ["Not a single client of mine has ever lost money with this manager.", "no-loss-promise"],
    ["We have never had a client lose money in this series and you won't be the first.", "no-loss-promise"],
    ["There's no real loss here, what you see is just valuation.", "no-loss-promise"],
    ["Honestly, losing money on this is just not something that happens.", "no-loss-promise"],
    ["What's the worst that can happen? You get your money back. That's it.", "no-loss-promise"],
    ["You'll walk out of this with your capital intact, I can assure you.", "no-loss-promise"],
    ["Your money is as good as in a fixed deposit.", "no-loss-promise"],
    // certainty by ellipsis, by noun, by a short answer, by a bet
    ["Historically it has always bounced back, and it will this time too, just give it six months.", "certain-outcome"],
    ["The drawdown is technical only, recovery is certain once rates stabilise.", "certain-outcome"],
    ["Is there any chance it won't recover? None whatsoever.", "certain-outcome"],
    ["I've been doing this 15 years - these always come back. 100%.", "certain-outcome"],
    ["I'd stake my job on this coming back by the summer.", "certain-outcome"],
    ["Just ride it out - prices like these never stay down for long.", "certain-outcome"],
    ["This dip is temporary.", "certain-outcome"],
    // a guarantor behind the product, a gain guaranteed without a figure
    ["The bank stands behind this product, so think of it like a fixed deposit.", "promise-words"],
    ["I can guarantee you'll get a return, the only question is how much.", "promise-words"],
    // making good in other words
    ["We've applied for a special compensation for your loss, it should be credited by next month.", "compensation-promise"],
    ["Any loss at maturity comes out of our pocket, not yours.", "compensation-promise"],
    ["Will the bank cover my loss? Yes, in full.", "compensation-promise"],
    // yields as the client's
    ["Your yield is 4.2%, paid at maturity, just like a deposit.", "benchmark-as-return"],
    ["The benchmark is 4%, and that's what we'll pay you at maturity.", "benchmark-as-return"],
    // no rival better
    ["No other bank's product performs better than this one.", "superlative"],
  ])("%s -> %s", (s, rule) => expect(rules(s)).toContain(rule));
  test.each([
    // history, quoted terms, others' claims, questions answered no
    "Principal-guaranteed products did exist before the 2018 asset management rules, but they've been phased out; today's products carry no guarantee.",
    "This series was called \"capital-protected\" before 2017; it has since been converted to a NAV-based product with no protection.",
    "\"Guaranteed principal and return\" is old marketing language that regulators now prohibit.",
    "The phrase 'you can't lose' should never appear in our messages to clients.",
    "Anyone promising you \"can't lose\" is not being straight with you; all these products carry risk.",
    "Your friend said big-bank products can't lose - that's a misunderstanding; they're not principal-protected either.",
    "Some clients think bank products can't lose money; they can.",
    "Is there anything that's a sure win? No - deposits have deposit insurance, wealth products don't.",
    "Will the bank cover my loss? No, I'm afraid the bank does not compensate investment losses.",
    "Has this fund ever failed to recover? Yes, in 2015 it never regained its earlier level.",
    // the honest side of each class
    "Nobody can promise you won't lose at maturity - not me, not the manager.",
    "Nobody likes to see their savings go down, and I'm sorry this has happened.",
    "In the worst case, you could lose a large part of your principal.",
    "There's no loss protection on this product; the value can fall below what you paid.",
    "Holding to maturity does not mean zero loss.",
    "It's not like a deposit, it's an investment that can fall in value.",
    "Bonds backed by the government carry lower risk, but this product is not one of them.",
    "The bank does not stand behind the returns of this product; the risk is yours.",
    "Your yield last year was 1.8%, well below the benchmark.",
    "A deposit is the only product we offer that is protected by deposit insurance.",
    "Our best guess is that rates stay flat, but that is a view, not a forecast you can rely on.",
    "You could have chosen a deposit, which would have kept your principal intact.",
    "The delay is temporary.",
  ])("passes %s", (s) => expect(checkText(s)).toEqual([]));
});

// Round 11: a long text (run-on, without a stop) is read in bounded windows and at most 10 findings
// of a rule are reported per sentence, so a check stays linear; the findings are still the right ones.
describe("round 11: long texts", () => {
  const repeat = (unit: string, n = 10_000) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  test("10,000 characters of 本金保证 without a stop: the first findings, ten of the rule at most", () => {
    const f = checkText(repeat("本金保证"));
    expect(f[0]).toEqual({ rule: "promise-words", text: "保证本金", severity: "error" });
    expect(f.length).toBe(10);
    expect(f.every((x) => x.rule === "promise-words" && x.text === "保证本金")).toBe(true);
  });
  test("a run-on sentence of many promises: each rule found, at most ten of each", () => {
    const f = checkText(repeat("您放心这款产品肯定能回本亏了我们兜底本金绝对安全"));
    const byRule = new Map<string, number>();
    for (const x of f) byRule.set(x.rule, (byRule.get(x.rule) ?? 0) + 1);
    expect(f[0]).toEqual({ rule: "certain-outcome", text: "肯定能回本", severity: "error" });
    expect([...byRule.keys()].sort()).toEqual(["certain-outcome", "compensation-promise", "no-loss-promise"]);
    for (const n of byRule.values()) expect(n).toBeLessThanOrEqual(10);
  });
  test("punctuated: the cap is per sentence, so every sentence is still reported", () => {
    const f = checkText(repeat("这款产品保本。", 7_000));
    expect(f.length).toBe(1_000);
    expect(f[999].text).toBe("保本");
  });
  test("negated all along a long run-on text: nothing", () => {
    expect(checkText(repeat("本产品不保本不承诺收益无法保证回本"))).toEqual([]);
    expect(checkText(repeat("The product does not guarantee principal or returns and we cannot promise compensation "))).toEqual([]);
  });
  test("English without a stop: the first finding, bounded", () => {
    const f = checkText(repeat("your principal is guaranteed and you will surely recover "));
    expect(f[0]).toMatchObject({ rule: "promise-words", text: "principal is guaranteed" });
    expect(f.length).toBeLessThanOrEqual(30);
  });
  test("a promise after 9,000 characters of honest text in one sentence is found", () => {
    const f = checkText(repeat("今天天气很好我们去公园散步", 9_000) + "这款产品保本");
    expect(f.map((x) => [x.rule, x.text])).toEqual([["promise-words", "保本"]]);
  });
});

/** The findings of a text as [rule, excerpt] pairs. */
const hits = (text: string) => checkText(text).map((f) => [f.rule, f.text]);

// Round 11: the Chinese classes round 10 missed, named with what they find.
describe("round 11 classes (Chinese)", () => {
  test.each([
    ["【某某银行】尊敬的客户，您持有的稳享系列到期按年化4.2%兑付，请留意到账。", "benchmark-as-return", "按年化4.2%兑付"],
    ["年化收益率４．５％，这是合同里写死的，您到期照拿。", "benchmark-as-return", "４．５％，这是合同里写死的，您到期照拿"],
    ["按业绩比较基准3.8%算，您这五十万到期能多拿一万九。", "benchmark-as-return", "3.8%算，您这五十万到期能多拿"],
    ["每一万块一年能给您三百八十块，雷打不动。", "benchmark-as-return", "每一万块一年能给您三百八十块"],
    ["您这款是4到4.5个点，到期肯定落在这个区间。", "benchmark-as-return", "到期肯定落在这个区间"],
    ["李叔，这只就是暂时套住了，等明年开春肯定涨得回来。", "certain-outcome", "肯定涨得回来"],
    ["放心啦，呢只產品實會翻身㗎，唔使擔心。", "certain-outcome", "實會翻身"],
    ["唔使驚，本金冇得蝕㗎，銀行包底。", "no-loss-promise", "冇得蝕"],
    ["说白了这就是个存款，只不过利息高一点。", "no-loss-promise", "就是个存款"],
    ["您就当它是定存，收益还比定存多个一两个点。", "no-loss-promise", "当它是定存"],
    ["实话跟您讲，咱们这产品从成立到现在就没让谁亏过钱，以后也不会。", "no-loss-promise", "没让谁亏"],
    ["您只要不赎回就不会亏的，净值下跌只是浮亏。", "no-loss-promise", "不会亏"],
    ["这款跟国债一样安全，您就放心拿着吧。", "superlative", "跟国债一样安全"],
  ])("flagged: %s", (text, rule, excerpt) => {
    expect(hits(text)).toContainEqual([rule, excerpt]);
  });
  test.each([
    "关于“兜底”的传言：我行从未对该产品提供任何兜底安排，请以合同为准。",
    "理财產品唔保本，投資有風險，請您審慎考慮。",
    "唔好意思，我哋冇辦法保證實會翻本，要睇市況。",
    "佢哋話保本，其實唔係。",
    "业绩比较基准4.2%仅为产品管理人设定的投资目标，不代表您实际能拿到的收益。",
    "过去三个月产品年化收益率为2.1%，过往业绩不代表未来表现。",
    "【某某银行】您持有的稳享系列到期实际年化收益为-0.8%，详情请登录手机银行查询。",
    "下午3到4点您可以来网点领取材料。",
    "如果按4%测算，您一年大概能拿4000元，但这只是举例。",
    "理财不是存款，您不要把它当成一个定期。",
    "每万份收益只是过去七天的数据，并不代表将来每万元都能拿到这么多。",
    "如您对处理结果不满意，可拨打12378银行保险消费者投诉维权热线。",
  ])("honest: %s", (text) => {
    expect(checkText(text)).toEqual([]);
  });
});

// Round 12: the English classes blind round 10 missed, as classes (rhetorical questions that leave no
// room for a loss, history as the guarantee of a target, informal making good, a floor claimed), and
// the look-alikes they must pass (records of what someone said, service promises, market terms).
describe("round 12 classes (English)", () => {
  const found = (text: string) => checkText(text, { model: false }).map((f) => f.rule);
  test.each([
    ["Why would a state-owned bank ever let your money disappear?", "no-loss-promise"],
    ["Do you really think we'd sell you something that could lose your money?", "no-loss-promise"],
    ["Why would we ever let a loyal client like you lose money?", "no-loss-promise"],
    ["Since when has a bank fund like this ever gone to zero?", "no-loss-promise"],
    ["When has a blue-chip bond fund ever failed to recover? It'll get there.", "certain-outcome"],
    ["The target return is 4.5% and we always hit our targets.", "benchmark-as-return"],
    ["Our target is 6% and we have never missed one yet, so pencil that in.", "benchmark-as-return"],
    ["The fund targets 4% and the managers are confident, so you can count on that figure.", "benchmark-as-return"],
    ["This plan targets 5% a year, and with our team behind it you can bank on that.", "benchmark-as-return"],
    ["The reference yield is 3.9%, which is your return at maturity.", "benchmark-as-return"],
    ["Honestly it can't go any lower, from here it's only up.", "certain-outcome"],
    ["The bottom is in for this fund, trust me.", "certain-outcome"],
    ["Once the rate cuts land this fund is going straight back up, no two ways about it.", "certain-outcome"],
    ["Don't stress, it's going back to 1.5, these things always correct themselves.", "certain-outcome"],
    ["I'll waive the fees and throw in the difference so you end up square.", "compensation-promise"],
    ["Off the record, I can arrange a goodwill payment to cover part of your loss if you drop the complaint.", "compensation-promise"],
    ["We can credit a little something to your account to soften the blow, no paperwork needed.", "compensation-promise"],
    ["Whatever you're down at redemption, I'll get head office to reimburse.", "compensation-promise"],
    ["I'll have the branch make you whole on this, just keep it between us.", "compensation-promise"],
    ["Head office will square you up for the drop, I've already spoken to them.", "compensation-promise"],
    ["Let me sort you out with a goodwill credit that covers most of what you've lost.", "compensation-promise"],
    ["There's nothing on the market with a better risk-return profile than this fund.", "superlative"],
    ["Since you bought at 1.5, you'll get at least 1.5 back at maturity.", "no-loss-promise"],
    ["It's guaranteed to pay out at maturity, that's how these work.", "promise-words"],
  ])("flagged: %s", (text, rule) => {
    expect(found(text)).toContain(rule);
  });
  test.each([
    "Complaint summary: client states the RM promised \"3.8% guaranteed\"; case referred to compliance.",
    "QA note: agent said \"you'll get 4% for sure\" on the call of 3 May; flagged for coaching.",
    "The client alleges the RM said the fund would recover by June.",
    "I guarantee you'll get a call back from me tomorrow, whatever the markets do.",
    "I promise you will get a reply within 10 working days.",
    "You can count on me to send the statement first thing tomorrow.",
    "A government bond is close to risk-free; this fund is not, and it can lose money.",
    "Treasury bills are as close to risk-free as it gets; this product is not.",
    "A principal-guaranteed product would pay a much lower return than this one.",
    "Why did the fund lose money when the bank said it was low risk?",
    "Do you really think we would sell you something that could lose money? We would, because every fund can lose money.",
    "The target return is 4.5%, but we do not always hit our targets.",
    "Our previous series all paid their target returns, but each series is different and this one may not.",
    "Don't count on the 4% target; it is not guaranteed.",
    "The benchmark is 3.6%, and you should not count on that figure.",
    "Nobody can say the market has bottomed out.",
    "It may not go any lower, but it may.",
    "We will make a goodwill payment of HK$100 for the delay in replying.",
    "A goodwill payment may be considered if the review upholds your complaint.",
    "I'll get the branch to call you back tomorrow.",
  ])("honest, passes: %s", (text) => {
    expect(checkText(text)).toEqual([]);
  });
});

// Round 12 (session 8, Chinese): the classes blind round 10 missed, in general form: rhetorical
// questions whose only answer is "no loss" or "it recovers", history told as the guarantee, superlatives
// without a ranking word (全省第一, 最抗跌, 没有对手, 选我们绝对没错), 包本, a payout "whatever happens";
// and their look-alikes: speech a third party is reported to have said (质检记录, 有人向您保证“…”), the
// words named as words (保本这两个字, 等字眼), clock times (晚上七点我打给您), a past change in points.
describe("round 12: rhetorical questions, history as a guarantee, superlatives, reported speech, mentions, clock times", () => {
  test.each([
    ["净值会回去的，我们投研团队哪次让客户失望过？哪次不是涨回来了？", "certain-outcome", "净值会回去的"],
    ["您看，历史上每次跌完都涨回来了，这次也一样，跑不了。", "certain-outcome", "这次也一样"],
    ["难道我们几十年的大银行还会让您亏钱吗？", "no-loss-promise", "难道我们几十年的大银行还会让您亏钱吗？"],
    ["本行理财业绩全省第一，您选我们绝对没错。", "superlative", "全省第一"],
    ["您看同期其他银行都亏得更多，我们这款是市场上最抗跌的。", "superlative", "最抗跌"],
    ["难道这么大的银行还会让您吃亏吗", "no-loss-promise", "难道这么大的银行还会让您吃亏吗"],
    ["咱们行几十年了，怎么会让客户的钱打水漂呢？", "no-loss-promise", "怎么会让客户的钱打水漂呢？"],
    ["您放心，哪能让您亏钱呢！", "no-loss-promise", "哪能让您亏钱呢"],
    ["你見過邊個客戶喺我哋度蝕錢㗎？", "no-loss-promise", "邊個客戶喺我哋度蝕錢㗎？"],
    ["哪一回跌了之后没涨回来？您就放宽心。", "certain-outcome", "哪一回跌了之后没涨回来"],
    ["每次调整完都创了新高，这一波照样能涨上去。", "certain-outcome", "这一波照样能涨上去"],
    ["过去五年它每次回撤都修复了，这次肯定也一样。", "certain-outcome", "这次肯定也一样"],
    ["我们这款产品收益全市第一，买就对了。", "superlative", "全市第一"],
    ["同期全市场就它最抗跌。", "superlative", "最抗跌"],
    ["论收益，这款在全国都找不到对手。", "superlative", "找不到对手"],
    ["没有比这个更安全的理财了，您放心买。", "superlative", "没有比这个更安全"],
    ["您跟着我买准没错，这款绝对稳。", "superlative", "跟着我买准没错"],
    ["这款理财包本包息的，放心。", "promise-words", "包本"],
    ["净值肯定会回来的，您别慌。", "certain-outcome", "肯定会回来"],
    ["就算股市崩了，您这笔也是不亏的。", "no-loss-promise", "就算股市崩了，您这笔也是不亏的"],
    ["年化4%，不管市场怎么样都照样给您。", "benchmark-as-return", "4%，不管市场怎么样都照样给"],
    ["我跟您保证过“肯定能回本”，我说话算话。", "certain-outcome", "保证过“肯定能回本"],
    ["难道我还能让您的钱亏了不成？", "no-loss-promise", "难道我还能让您的钱亏了不成？"],
    ["该产品承诺“保本保收益”，您放心买。", "promise-words", "保本"],
    ["我们客户经理都保证“到期回本”，您放心。", "certain-outcome", "保证“到期回本"],
    ["我向您保证“不会亏”，有问题找我。", "no-loss-promise", "不会亏"],
    ["这款产品“保本”的，您放心买。", "promise-words", "保本"],
    ["我敢说“肯定涨回来”，您信我一次。", "certain-outcome", "肯定涨回"],
    ["这款就是“稳赚不赔”的，我自己也买了。", "promise-words", "稳赚"],
    ["难道我会让您亏钱吗？", "no-loss-promise", "难道我会让您亏钱吗？"],
    ["您放心，我们还能让您的钱打水漂不成。", "no-loss-promise", "还能让您的钱打水漂不成"],
    ["历次回调它都修复得很快，这回肯定也一样。", "certain-outcome", "这回肯定也一样"],
    ["以往每次都涨回来了，这次同样能涨回来。", "certain-outcome", "这次同样能涨回来"],
    ["行业里就数我们收益最高。", "superlative", "收益最高"],
    ["全城第一的理财经理团队，选我们准没错。", "superlative", "全城第一"],
    ["这只产品绝对没得挑，选它肯定没错。", "superlative", "选它肯定没错"],
    ["年化4.5%，市场再差也照样给您。", "benchmark-as-return", "4.5%，市场再差也照样给"],
    ["这款理财就算市场大跌，到期也都是不亏的。", "no-loss-promise", "就算市场大跌，到期也都是不亏的"],
    ["晚上七点前下单，年化稳拿4个点。", "benchmark-as-return", "稳拿4个点"],
    ["这钱还能跑了不成？您就踏实放着吧。", "no-loss-promise", "钱还能跑了不成？"],
    ["您还信不过我们吗？放心，本金一分都不会少。", "no-loss-promise", "本金一分都不会少"],
    ["这么多年了，我们行什么时候让客户吃过亏？", "certain-outcome", "什么时候让客户吃过亏"],
    ["您想想，国有银行的理财还能亏到哪去？", "no-loss-promise", "还能亏到哪去"],
    ["哪个买了这款的客户不是赚了钱走的？", "certain-outcome", "哪个买了这款的客户不是赚"],
    ["这种回调我见多了，哪一次不是很快就拉回来了。", "certain-outcome", "哪一次不是很快就拉回来"],
    ["去年也是这样跌，后来不也涨回来了？这次一样的。", "certain-outcome", "这次一样"],
    ["上次跌完两个月就回来了，这回也差不多，您耐心等等。", "certain-outcome", "就回来了"],
    ["2020年跌得比这狠都涨回来了，现在这点跌幅根本不算事，肯定回得来。", "certain-outcome", "肯定回得来"],
    ["这款是我们分行的销冠产品，稳健性全行第一。", "superlative", "全行第一"],
    ["说真的，市面上找不出比这款更稳的了。", "superlative", "找不出比这款更稳"],
    ["这是我从业十年见过最稳的一款理财。", "superlative", "最稳"],
    ["论抗跌，它要说第二没人敢说第一。", "superlative", "没人敢说第一"],
    ["整个市场就没有比它收益更高的固收产品。", "superlative", "没有比它收益更高"],
    ["買呢隻冇錯嘅，全港最抵。", "superlative", "買呢隻冇錯"],
    ["呢隻基金跌完實升返，你信我啦。", "certain-outcome", "實升"],
    ["收益百分之百有保障，您放心。", "promise-words", "收益百分之百有保障"],
    ["到时候亏了您来找我，我一分不少给您补回来。", "compensation-promise", "找我"],
    ["亲，年化5个点是稳稳到手的哦～", "benchmark-as-return", "5个点是稳稳到手"],
    ["您拿到期，4.3%的收益一分不会少。", "no-loss-promise", "一分不会少"],
    ["这款业绩基准4%，到期就给您4%。", "benchmark-as-return", "到期就给您4%"],
    ["哥你就放心吧，跌不了的，我们内部都知道。", "no-loss-promise", "跌不了"],
    ["我给您交个底，这个产品是有人兜着的。", "compensation-promise", "有人兜着"],
    ["明年这个时候肯定是正收益，您就等着数钱吧。", "certain-outcome", "肯定是正收益"],
  ])("flagged: %s", (text, rule, excerpt) => {
    expect(hits(text)).toContainEqual([rule, excerpt]);
  });
  test.each([
    "如果当时有人向您保证“不会亏”，您可以提供聊天记录，我们会严肃处理。",
    "质检记录：坐席在通话中说了“肯定能涨回来”，已扣分并要求整改。",
    "保 本这两个字在我们的宣传材料里是禁止出现的，如果您看到了，请截图给我。",
    "哈喽李哥，刚看到您消息，晚上七点我打给您细聊😊",
    "难道让客户亏钱我们心里就好受吗？我们也在想办法。",
    "怎么会亏这么多呢？主要是因为债市大幅调整。",
    "您问为什么会让您亏钱，是因为这期产品配置了较多权益资产。",
    "客户投诉称：理财经理说过“哪次都涨回来了”，要求赔偿。",
    "过去每次回撤都修复了，但这次也一样吗？说实话我不确定。",
    "历史上每次下跌后都涨回来了，不过这次也可能需要更长时间。",
    "这次也一样，我们会每周给您发净值报告。",
    "以往每次都涨回来了，但这一次不一定，我没法给您保证。",
    "全国第一家推出养老理财的银行是哪家，我帮您查一下。",
    "这是我们行第一批发行的产品，风险等级R2。",
    "我们会第一时间通知您净值变化。",
    "选哪款产品没有绝对的对错，要看您的风险承受能力。",
    "没有比分散配置更稳妥的办法了，这是我们的建议。",
    "保本这个说法已经被监管取消了，现在的理财都是净值型。",
    "“稳赚不赔”这四个字是违规用语，请您不要相信。",
    "您下午三点到网点来，我们当面说。",
    "明天早上9点我给您打电话。",
    "我们约在周五下午两点半，地点在支行二楼。",
    "这两天跌了2个点，我把原因整理给您。",
    "净值上涨了0.5个点，还没到您的买入成本。",
    "收益按实际净值计算，到期后打到您卡上，可能低于业绩比较基准。",
    "如有人向您承诺“保本保收益”，请立即向我行举报。",
    "之前有同事跟您说“不会亏”，这是错误的，我代表银行向您道歉。",
    "坐席说了“一定能回本”，这句话违反了销售规范。",
    "您说的“刚兑”，现在已经没有了。",
    "即使持有到期，也不保证不亏。",
    "哪怕等到到期，也可能是亏的。",
    "本行没有任何产品承诺保本，请您知悉。",
    "我们的收益在同类里排名中游，具体可以看第三方数据。",
    "这只基金最抗跌的说法没有依据，过往回撤也有5%。",
    "如果您问哪次没涨回来，2018年那次就用了两年。",
    "每个季度都会给您寄对账单，这次也一样。",
    "请您在下午四点前完成签约，年化收益以实际净值为准。",
    "您说的“保本”两个字，我们合同里是没有的。",
    "如果有人说“最安全”，您要多留个心眼。",
    "我们的同事之前说过“可能会回本”，这只是预估。",
    "该名员工承诺“保本”的行为已被处理。",
    "我每天早上八点给您发净值，这次也一样准时。",
    "历史上每次暴跌之后都有反弹，但这次也一样吗，谁都说不准。",
    "这次也一样要看市场，我们没办法保证。",
    "难道您不担心亏损吗？我们建议您做好风险评估。",
    "您是不是担心会亏？这个担心是正常的，产品确实有风险。",
    "我们还会让专人跟进您的赔偿诉求。",
    "您问怎么会亏钱？主要是债券价格下跌。",
    "客户质问难道银行就能让他亏钱吗，我们已耐心解释。",
    "选哪一款都不能保证没错，您要量力而行。",
    "年化3.2%是过去一年的实际收益，不代表未来。",
    "这款收益率两点几，不算高，但波动小。",
    "我三点打给您，跟您说一下赎回流程。",
    "十点半之前赎回，当天就能确认。",
    "我们行没有对手盘风险的说法，这属于专业术语。",
    "市场上没有任何产品能保证不亏，这一点请您理解。",
    "如果当时有人向您保证“不会亏”，您可以提供聊天记录，我们会严肃处理。",
    "质检记录：坐席在通话中说了“肯定能涨回来”，已扣分并要求整改。",
    "保 本这两个字在我们的宣传材料里是禁止出现的，如果您看到了，请截图给我。",
    "哈喽李哥，刚看到您消息，晚上七点我打给您细聊😊",
    "这钱会不会跑了？不会，资金由托管银行独立保管，但净值会随市场波动。",
    "您还信不过我们吗？那我把产品说明书和托管协议都发给您看。",
    "去年也跌过，后来涨回来了，但今年的情况不太一样，我不好判断。",
    "上次跌完两个月回来了，这次要多久我说不准。",
    "这款产品在我们分行的销量是第一，但销量不代表收益。",
    "全省第一季度的理财收益普遍偏低。",
    "第一次购买理财的客户需要做风险测评。",
    "我们约明天上午十点，我把两款产品的对比发给您。",
    "这款产品成立以来最大回撤3.5%，数据来自定期报告。",
    "您说“肯定能回本”，这话我不能说，我只能说会尽力帮您跟踪。",
    "客户经理培训材料里写明：不得说“一定能涨回来”“保本”之类的话。",
    "我们不会承诺“全额赔偿”，但会如实调查并在七个工作日内答复。",
    "录音显示，当时销售人员并没有说过“保本”。",
    "有客户反映有人冒充我行员工说“保本高息”，请您提高警惕。",
    "这句“稳赚不赔”是对方说的，不是我行的宣传口径。",
    "到账时间大概下午两点左右，请留意短信。",
    "您五点前给我回个消息就行，我在网点。",
    "这款产品4点以后申购算下一个工作日。",
    "今年以来净值跌了0.8个点，跟同类产品差不多。",
    "您百分之百确定要赎回吗？赎回后就不能撤销了。",
    "哪有百分之百稳的理财？都有风险的。",
    "选这款还是那款，都没有绝对的对错。",
    "难道银行不用为销售不当负责吗？您的诉求我们已记录。",
  ])("honest: %s", (text) => {
    expect(checkText(text)).toEqual([]);
  });
});

// Session 10 (issue 9): classes from blind round 15, train15 and sentences of our own. Wording staff
// are told to say is the bank's voice; a client's own lines, a list of banned words, a deposit
// described as a deposit, a quoted product name, a supposition called a lie are not.
describe("session 10: recommended wording, transcripts, frames", () => {
  test.each([
    ["no-loss-promise", "推荐话术：“您放心，这款产品不会亏。”"],
    ["promise-words", "客户追问时，可告知“本产品保本保息”。"],
    ["certain-outcome", "客户问什么时候回本，就说“年底前肯定回本”。"],
    ["compensation-promise", "会议纪要：对情绪激烈的客户，可口头表示“行里会兜底”，先稳住客户，避免群体性投诉扩大。"],
    ["no-loss-promise", "问：会亏本金吗？答：不会，本产品本金受保护。"],
    ["no-loss-promise", "亏？不存在的。"],
    ["certain-outcome", "这波下跌之后必有反弹，而且会涨得比之前更高。"],
    ["certain-outcome", "告知客户本产品净值将于年内修复。"],
    ["certain-outcome", "您好，您理财账户目前的浮亏只是账面亏损，持有到期后收益必定转正，无需操作。"],
    ["benchmark-as-return", "业绩比较基准为3.5%-4.5%，到期收益将落在此区间内，请放心持有。"],
    ["benchmark-as-return", "实际上这款每期都达到基准了，您就按4%算就行。"],
    ["compensation-promise", "最差的情况，我们用积分和现金红包把损失给您覆盖掉。"],
    ["compensation-promise", "领导说了，对您这种情况会适当补一点收益。"],
    ["no-loss-promise", "客服回访话术：“您好，您购买的产品虽为非保本产品，但根据目前运作情况，客户本金均不会受损，请您放心。”"],
    ["certain-outcome", "Coaching note for new RMs: tell them \"Stay put, it's bound to bounce back once credit spreads narrow.\""],
    ["no-loss-promise", "Q: Could I lose my original investment? A: No."],
    ["no-loss-promise", "Client: So if I keep holding I could lose even more? Agent: Not really, sir. At this level your downside is basically zero."],
    ["no-loss-promise", "The most you can lose is the interest, your priciple won't be touched."],
    ["no-loss-promise", "A loss only happens if you redeem now. Hold and you lose nothing."],
    ["compensation-promise", "If anything goes wrong, the wealth management subsidiary will cover it."],
    ["compensation-promise", "You may say \"The branch will arrange a make-good for your loss.\""],
    ["compensation-promise", "Media statement: The Bank will ensure that no retail investor bears any loss arising from the decline in the NAV."],
    ["benchmark-as-return", "Think of the benchmark as your interest rate: 3.6% p.a., same as a deposit."],
    ["benchmark-as-return", "Investors earn 3.9% per annum."],
    ["certain-outcome", "Honestly the odds of it not recovering are basically nil, so I'd keep it."],
    ["promise-words", "The bank implicitly guarantees all its own-brand products."],
    ["no-loss-promise", "I promised you \"you won't lose a cent\", and I stand by it."],
  ] as const)("flags %s: %s", (rule, text) => {
    expect(checkText(text).map((f) => f.rule)).toContain(rule);
  });
  test.each([
    "严禁使用“这款产品不会亏”之类的话术。",
    "推荐话术：“产品净值有波动，我们无法承诺何时回本。”",
    "错误示例：“您放心，保本保息。”正确说法：“本产品不保本。”",
    "客户经理不得回答“肯定能涨回来”，应如实说明风险。",
    "經核查，客戶經理曾向客戶表示「實會返嚟」，屬不當陳述，已作內部處分。",
    "培训案例：某客户经理为挽留客户，私下承诺“亏损由我个人补足”，最终被行内处分并通报。请各位引以为戒。",
    "客户：听说隔壁银行的产品是保本的，你们这个也保本吧？",
    "客户：我朋友说你们行的理财最稳，是真的吗？",
    "结构性存款属于存款，本金有保障；而您买的这款是净值型理财，并不保本，二者不能混为一谈。",
    "存款受存款保险保护，同一家银行50万元以内保本保息；理财不在存款保险范围内，可能亏损本金。",
    "您要是只求本金安全，存款可能更合适。",
    "培训讲义 禁止用语清单（部分）：保本、保息、零风险、稳赚、必涨、包赔、兜底、刚兑、最安全、第一。",
    "Never say \"you won't lose any of your principal\" to a client.",
    "Example of a non-compliant reply: \"The bank will make up your losses.\"",
    "Client requests full compensation for the 20% loss; no commitment was given.",
    "If I told you it would surely bounce back, I'd be lying to you. Nobody knows.",
    "Hi Mrs Tan, just confirming our call: I did not, and cannot, promise that the product will recover.",
    "\"Capital Secure\" is the name of the series, not a description of it. The product is not capital guaranteed.",
    "Risk-free? No. That's exactly the misunderstanding the next client letter has to correct.",
    "Slide 7 - Banned phrases: 保本, \"guaranteed\", \"no loss\", \"the bank will cover it\", \"best product\". Replace with facts.",
    "From next Monday the 'expected yield' field will be renamed 'performance benchmark', to avoid giving the impression of a promised return.",
    "If this product were principal-protected, the NAV couldn't have dropped to 1.20. It isn't, and it did.",
    "You said I promised you \"you won't lose a cent\"; we are checking the recording.",
    "If anything goes wrong with your transfer, our team will cover it within a day.",
  ])("session 10 honest: %s", (text) => {
    expect(checkText(text)).toEqual([]);
  });
});
