// The built-in wording of every draft: 4 channels x 3 tiers x 2 languages, seven parts each, in
// the order of the domain brief. Data, kept apart from the drafting logic in drafts/; a bank
// changes it in the workbook's 话术模板 sheet, not here.

import type { Channel, TemplateTier } from "./vocabulary";
import type { Locale } from "../i18n";
import { RISK_WARNING } from "../compliance";

type Seven = [string, string, string, string, string, string, string];

/** The regulator's consumer hotline (银行保险监督管理机构消费者投诉热线): fixed, not a setting. */
export const REGULATOR_HOTLINE = "12378";

// How a letter (or e-mail) tells the client whom to call and how to complain: the bank's hotline
// and complaint channel come from the workbook's settings ({客服热线}, {投诉渠道}); 12378 is fixed.
const ZH_COMPLAIN = `如有疑问，欢迎致电{客服热线}。如您对我行的处理有异议，可通过{投诉渠道}向我行投诉，也可拨打消费者投诉热线${REGULATOR_HOTLINE}。`;
const EN_COMPLAIN = `If you have questions, please call {hotline}. If you disagree with how we handle this, you can complain to us through {complaintChannel}, or call the consumer complaint hotline ${REGULATOR_HOTLINE}.`;
const ZH_SIGN = `\n\n此致\n敬礼！\n\n{银行名称}\n{客户经理}\n{日期}\n\n${RISK_WARNING["zh-CN"]}`;
const EN_SIGN = `\n\nYours sincerely,\n\n{rm}\n{bankName}\n{date}\n\n${RISK_WARNING["en-US"]}`;

// ---- the variants chosen by the client's flags (drafts.ts, draftTier) ----
//
// mismatch: the product is rated above the client's risk tolerance, so the loss may stem from the
// sale. The text names no cause (neither the markets nor the client's own judgement), gives no
// advice to hold, says the sale will be reviewed and offers a meeting; in plain words (no NAV
// jargon), as a mismatched client is often also an elderly one. elderly (the age threshold
// of the scoring settings, 65 by default): plain words, no NAV jargon, a meeting in person with a
// family member welcome. netGain: the client holds a product that fell but is not at a loss
// overall: the fall and the position are stated as they are, with no "fell short of expectations".
// {持仓情况} / {position} states the client's position honestly in every case (drafts.ts).

const ZH_TALK: Record<"mismatch" | "elderly" | "netGain", Seven> = {
  mismatch: [
    "{客户姓名}您好，我是{客户经理}。{产品名称}近期下跌，给您添了担心和困扰，我非常理解。",
    "截至{分析日}，{持仓情况}。",
    "这只产品的风险等级高于我行对您的风险评估结果，当初把它销售给您是否合适，我行将对销售过程进行复核；复核之前，我们不会先下结论。",
    "复核期间，无论您希望赎回、调整还是暂时不作变动，我们都尊重您的决定，并会当面把每种做法的影响和费用说明清楚。",
    "我想约您到网点当面谈一次，把您购买时的情况、复核的进展和可选的做法逐一向您说明{陪同说明}；您如有诉求，我们会如实记录，并在规定时限内答复。",
    "我们珍视您的信任，会认真、如实地处理这件事。",
    "我会在{联系时间}给您打电话约定面谈时间；在这之前有任何问题，请随时打给我。",
  ],
  elderly: [
    "{客户姓名}您好，我是{客户经理}。您买的{产品名称}最近跌了，让您担心了，我很理解。",
    "截至{分析日}，{持仓情况}。",
    "这只产品的价格会跟着它所投资的债券、股票等一起涨跌，最近这段时间跌得比较多。",
    "您不用着急做决定，这笔钱什么时候要用、怎么安排，我们当面慢慢商量。",
    "我想请您到网点来，当面把情况和可以选择的办法给您讲清楚，欢迎您带一位家人一起来。",
    "您有任何没听明白的地方，都可以随时问我。",
    "我会在{联系时间}给您打电话，约一个您方便的时间。",
  ],
  netGain: [
    "{客户姓名}您好，我是{客户经理}。{产品名称}近期净值下跌，我想第一时间跟您说明情况。",
    "截至{分析日}，{持仓情况}。",
    "这只产品净值较高点回落了{净值回撤}，主要原因是近期市场波动；净值型理财产品的净值会随市场涨跌变化，投资有风险，过往业绩也不代表未来表现。",
    "您可以结合这笔资金的用途和期限，考虑是否需要调整。",
    "如果您想调整，我可以帮您整理几种可选方案。",
    "我们会持续跟进这只产品，及时告诉您最新情况。",
    "我会在{联系时间}再与您联系，有任何问题也可以随时找我。",
  ],
};

const ZH_WECHAT_CONTACT: Record<"mismatch" | "elderly" | "netGain", string> = {
  mismatch: "我会在{联系时间}给您打电话约定面谈时间，有任何问题也可以随时在微信上找我。",
  elderly: "我会在{联系时间}给您打电话，约一个您方便的时间；有事也可以随时在微信上找我。",
  netGain: "我会在{联系时间}再与您联系，有任何问题也可以随时在微信上找我。",
};

const ZH_LETTER: Record<"mismatch" | "elderly" | "netGain", Seven> = {
  mismatch: [
    "尊敬的{客户姓名}：\n\n您好！近期{产品名称}价格出现下跌，我们理解这给您带来的担忧和困扰。",
    "截至{分析日}，{持仓情况}。",
    "该产品的风险等级高于我行对您的风险评估结果。我行将对该产品向您销售的过程进行复核，并将复核结果告知您。",
    "复核期间，无论您希望赎回、调整还是暂时不作变动，我们都尊重您的决定，并将当面说明每种做法的影响和费用。",
    "{客户经理}将与您约定时间当面沟通{陪同说明}；您如有诉求，我们将如实记录，并按投诉处理流程在规定时限内答复。",
    "我们珍视您的信任，将认真、如实地处理此事。",
    `{客户经理}将于{联系时间}与您电话联系，约定面谈时间。${ZH_COMPLAIN}${ZH_SIGN}`,
  ],
  elderly: [
    "尊敬的{客户姓名}：\n\n您好！您购买的{产品名称}最近价格下跌，让您担心了，我们很理解。",
    "截至{分析日}，{持仓情况}。",
    "这只产品的价格会跟着它所投资的债券、股票等一起涨跌，最近一段时间跌得比较多。",
    "您不用着急做决定，资金怎么安排，我们可以当面慢慢商量。",
    "我们想请您到网点来，当面把情况和可以选择的办法讲清楚，欢迎您带一位家人一起来。",
    "您有任何不明白的地方，都可以随时问我们。",
    `{客户经理}将于{联系时间}给您打电话，约一个您方便的时间。${ZH_COMPLAIN}${ZH_SIGN}`,
  ],
  netGain: [
    "尊敬的{客户姓名}：\n\n您好！近期{产品名称}净值出现下跌，特此向您说明有关情况。",
    "截至{分析日}，{持仓情况}。",
    "该产品净值较高点回落{净值回撤}，主要原因是近期市场波动。净值型理财产品的净值随所投资产的市场价格变化，投资存在风险。",
    "您可以结合资金用途和投资期限，考虑是否需要调整。",
    "如需调整，您的客户经理可为您梳理可选方案。",
    "我们将持续跟踪产品运作情况，并及时向您披露相关信息。",
    `{客户经理}将于{联系时间}与您联系。${ZH_COMPLAIN}${ZH_SIGN}`,
  ],
};

const EN_TALK: Record<"mismatch" | "elderly" | "netGain", Seven> = {
  mismatch: [
    "Hello {clientName}, this is {rm}. I know the recent fall in {productName} is a worry, and I understand how you feel.",
    "As of {asOf}, {position}.",
    "This product is rated above the risk level we assessed for you. The bank will review how it was sold to you, and we will not draw conclusions before that review.",
    "While we review it, we will respect whatever you decide, whether you wish to redeem, switch or leave it for now, and we will explain in person what each choice means and costs.",
    "I would like to meet you in person at the branch to go through how you bought it, where the review stands and the choices open to you{companion}. If you have a request, we will record it faithfully and reply within the required time.",
    "We value your trust and will handle this carefully and honestly.",
    "I will call you {contactTime} to arrange the meeting; until then, please call me any time.",
  ],
  elderly: [
    "Hello {clientName}, this is {rm}. The {productName} you bought has gone down lately, and I understand that is a worry.",
    "As of {asOf}, {position}.",
    "The price of this product goes up and down with the bonds and shares it invests in, and it has gone down quite a lot recently.",
    "There is no need to decide anything in a hurry; we can talk it through face to face: when you need the money and what to do with it.",
    "I would like to invite you to the branch to explain everything in person, and you are welcome to bring a family member with you.",
    "If anything is unclear, just ask me, as often as you like.",
    "I will call you {contactTime} to find a time that suits you.",
  ],
  netGain: [
    "Hello {clientName}, this is {rm}. The NAV of {productName} has fallen recently, and I wanted to tell you where you stand.",
    "As of {asOf}, {position}.",
    "The product's NAV is {drawdown} below its peak, mainly because of recent market volatility. A net-value product moves with the markets, investing carries risk, and past performance does not represent future performance.",
    "You may want to consider whether to make any change, in the light of what the money is for and when you need it.",
    "If you would like to adjust, I can put together a few options for you.",
    "We will keep following this product and tell you promptly about any news.",
    "I will be in touch again {contactTime}; feel free to contact me any time.",
  ],
};

const EN_WECHAT_CONTACT: Record<"mismatch" | "elderly" | "netGain", string> = {
  mismatch: "I will call you {contactTime} to arrange the meeting, and you can message me here any time.",
  elderly: "I will call you {contactTime} to find a time that suits you; you can also message me here any time.",
  netGain: "I will be in touch again {contactTime}, and you can message me here any time.",
};

const EN_LETTER: Record<"mismatch" | "elderly" | "netGain", Seven> = {
  mismatch: [
    "Dear {clientName},\n\n{productName} has fallen in value recently. We understand the concern and trouble this causes you.",
    "As of {asOf}, {position}.",
    "The product is rated above the risk level we assessed for you. The bank will review how the product was sold to you and will tell you the outcome.",
    "While we review it, we will respect whatever you decide, whether you wish to redeem, switch or make no change for now, and we will explain in person what each choice means and costs.",
    "{rm} will arrange to meet you in person{companion}. If you have a request, we will record it faithfully and reply within the time limits of our complaint-handling procedure.",
    "We value your trust and will handle this matter carefully and honestly.",
    `{rm} will call you {contactTime} to arrange the meeting. ${EN_COMPLAIN}${EN_SIGN}`,
  ],
  elderly: [
    "Dear {clientName},\n\nThe {productName} you bought has gone down in price lately, and we understand that this is a worry.",
    "As of {asOf}, {position}.",
    "The price of this product goes up and down with the bonds and shares it invests in, and it has gone down quite a lot recently.",
    "There is no need to decide anything in a hurry; we can talk it through face to face.",
    "We would like to invite you to the branch to explain everything in person, and you are welcome to bring a family member with you.",
    "If anything is unclear, please ask us at any time.",
    `{rm} will call you {contactTime} to find a time that suits you. ${EN_COMPLAIN}${EN_SIGN}`,
  ],
  netGain: [
    "Dear {clientName},\n\nThe net asset value of {productName} has fallen recently, and we are writing to tell you where you stand.",
    "As of {asOf}, {position}.",
    "The product's NAV is {drawdown} below its peak, mainly because of recent market volatility. The NAV of a net-value product follows the market prices of the assets it holds, and investing carries risk.",
    "You may want to consider whether to make any change, in the light of what the money is for and your investment horizon.",
    "Your relationship manager can go through the options with you.",
    "We will keep monitoring the product and disclose information to you promptly.",
    `{rm} will contact you {contactTime}. ${EN_COMPLAIN}${EN_SIGN}`,
  ],
};

const withContact = (t: Seven, contact: string): Seven => [t[0], t[1], t[2], t[3], t[4], t[5], contact];

// The default texts. Written to pass the compliance check (a test holds them to it), to name the
// client, product, loss, RM and call time, and never to promise principal, returns or
// compensation: part 5 offers options and the formal complaint route, not money.
export const DEFAULT_TEXTS: Record<Locale, Record<Channel, Record<TemplateTier, Seven>>> = {
  "zh-CN": {
    phone: {
      high: [
        "{客户姓名}您好，我是{客户经理}，负责您的理财服务。{产品名称}近期净值下跌，我能理解您现在的着急和担心，也谢谢您一直以来对我们的信任。",
        "截至{分析日}，您持有的{产品名称}亏损{亏损金额}元，亏损比例{亏损比例}{合计说明}。这个结果没有达到您的预期，我们不回避这一点。",
        "净值下跌的主要原因是近期市场波动，产品净值较高点回落了{净值回撤}。净值型理财产品的净值会随市场涨跌变化，投资本身有风险，过往业绩也不代表未来表现。",
        "我的建议是先不要在市场波动剧烈的时候仓促决定。我们一起看看这笔资金的用途、期限和您的风险承受能力，再判断是继续持有、部分调整，还是换成更适合您的配置。",
        "具体来说，我会把您的持仓情况和产品后续披露的信息整理给您，并准备两到三个适合您当前情况的方案供您比较；您如有其他诉求，也请直接告诉我，我会如实记录，并按规定流程反馈。",
        "您的每一笔资产我们都会认真对待，这只产品的情况我们会持续跟进，希望今后继续为您提供踏实、专业的服务。",
        "我会在{联系时间}再给您打电话，把方案和最新情况跟您详细沟通；在这之前有任何问题，请随时打给我。",
      ],
      medium: [
        "{客户姓名}您好，我是{客户经理}。{产品名称}近期净值下跌，让您担心了，我很理解您的心情。",
        "截至{分析日}，您在这只产品上亏损{亏损金额}元（{亏损比例}）{合计说明}，没有达到您的预期。",
        "主要原因是近期市场波动，产品净值较高点回落{净值回撤}；净值型产品会随市场涨跌，投资有风险。",
        "建议您结合这笔资金的用途和期限理性决定，不必急于操作。",
        "我会把产品后续信息和几种可选的配置方案整理给您参考。",
        "我们会一直做好您的服务，陪您一起做长期的资产规划。",
        "我会在{联系时间}再联系您，您有任何疑问也可以随时找我。",
      ],
      low: [
        "{客户姓名}您好，我是{客户经理}，打扰您了。理解您对{产品名称}近期表现的关注。",
        "截至{分析日}，该产品亏损{亏损金额}元（{亏损比例}）{合计说明}，不及预期。",
        "主要是市场波动所致，净值型产品的净值会有涨跌。",
        "建议结合自身需要理性持有或调整。",
        "如需调整，我可以帮您梳理可选方案。",
        "我们会持续为您做好服务。",
        "我会在{联系时间}再与您联系。",
      ],
      mismatch: ZH_TALK.mismatch,
      elderly: ZH_TALK.elderly,
      netGain: ZH_TALK.netGain,
    },
    sms: {
      // Read on a lock screen: no amounts unless the bank's template asks ({亏损金额简}, {亏损比例简}
      // are still there to use). Starts with the bank's signature 【…】 as carriers require.
      // One 70-character segment for the sample's names, two at most for the longest realistic ones.
      high: ["{短信签名}{客户姓名}您好，理解您心情。", "{产品名称}近期净值下跌，不及预期，", "系市场波动。", "建议勿急，", "另议方案，", "长期陪伴。", "{客户经理}{联系时间}来电。"],
      medium: ["{短信签名}{客户姓名}您好，理解您心情。", "{产品名称}近期净值下跌，不及预期，", "系市场波动。", "建议勿急，", "另议方案，", "长期服务。", "{客户经理}{联系时间}来电。"],
      low: ["{短信签名}{客户姓名}您好，理解您关注。", "{产品名称}近期净值下跌，不及预期，", "系市场波动。", "理性持有，", "可议方案，", "持续服务。", "{客户经理}{联系时间}联系。"],
      // No cause named before the sale is reviewed; the review and a meeting are announced.
      mismatch: ["{短信签名}{客户姓名}您好，", "{产品名称}近期下跌，让您担心了。", "", "", "我行将复核该产品的销售过程，", "", "{客户经理}{联系时间}来电约您面谈。"],
      elderly: ["{短信签名}{客户姓名}您好，", "您买的{产品名称}最近跌了，让您担心了。", "", "", "", "", "{客户经理}{联系时间}来电，约您当面细谈，欢迎家人陪同。"],
      netGain: ["{短信签名}{客户姓名}您好，", "{产品名称}近期净值下跌，特此告知。", "", "", "", "", "{客户经理}{联系时间}来电说明。"],
    },
    wechat: {
      high: [
        "{客户姓名}您好，我是{客户经理}。{产品名称}近期净值下跌，我知道您一定很担心，非常理解您的心情。",
        "截至{分析日}，您持有的该产品亏损{亏损金额}元（{亏损比例}）{合计说明}，这个结果没有达到您的预期。",
        "主要原因是近期市场波动，产品净值较高点回落{净值回撤}。净值型理财的净值随市场涨跌变化，投资有风险。",
        "建议您先不要急于操作，我们结合这笔资金的用途、期限和您的风险承受能力再做判断。",
        "我会整理产品后续信息，并准备几种适合您当前情况的方案供您选择。",
        "我们会一直认真对待您的每一笔资产，和您一起做长期的规划。",
        "我会在{联系时间}亲自给您打电话详细沟通，有任何问题也可以随时在微信上找我。",
      ],
      medium: [
        "{客户姓名}您好，我是{客户经理}。{产品名称}近期净值下跌，理解您的担心。",
        "截至{分析日}，该产品亏损{亏损金额}元（{亏损比例}）{合计说明}，没有达到您的预期。",
        "主要是近期市场波动所致，净值型产品会随市场涨跌，投资有风险。",
        "建议结合资金用途和期限理性决定，不必急于操作。",
        "我会把后续信息和可选方案整理给您参考。",
        "我们会一直做好您的服务。",
        "我会在{联系时间}给您打电话，有问题也可以随时微信找我。",
      ],
      low: [
        "{客户姓名}您好，我是{客户经理}，理解您对{产品名称}的关注。",
        "截至{分析日}，该产品亏损{亏损金额}元（{亏损比例}）{合计说明}，不及预期。",
        "主要是市场波动所致。",
        "建议结合自身需要理性持有或调整。",
        "需要的话我可以帮您梳理方案。",
        "我们会持续为您服务。",
        "我会在{联系时间}与您联系。",
      ],
      mismatch: withContact(ZH_TALK.mismatch, ZH_WECHAT_CONTACT.mismatch),
      elderly: withContact(ZH_TALK.elderly, ZH_WECHAT_CONTACT.elderly),
      netGain: withContact(ZH_TALK.netGain, ZH_WECHAT_CONTACT.netGain),
    },
    letter: {
      high: [
        "尊敬的{客户姓名}：\n\n您好！近期{产品名称}净值出现下跌，我们理解这给您带来的担忧和困扰，也感谢您长期以来对我行的信任。",
        "截至{分析日}，您持有的{产品名称}亏损{亏损金额}元，亏损比例为{亏损比例}{合计说明}。这一结果没有达到您的预期，我们对此高度重视。",
        "经分析，净值下跌的主要原因是近期市场波动，产品净值较高点回落{净值回撤}。净值型理财产品的净值随所投资产的市场价格变化，投资存在风险。",
        "我们建议您结合资金用途、投资期限和自身风险承受能力审慎决策，避免在市场波动中仓促操作。",
        "您的客户经理将为您梳理持仓情况，并提供若干适合您当前情况的配置方案供您参考；您如有其他诉求，我们将如实记录，并按投诉处理流程在规定时限内答复。",
        "我们珍视与您的长期关系，将持续跟踪产品运作情况，并及时向您披露相关信息。",
        `{客户经理}将于{联系时间}与您电话联系。${ZH_COMPLAIN}${ZH_SIGN}`,
      ],
      medium: [
        "尊敬的{客户姓名}：\n\n您好！近期{产品名称}净值下跌，我们理解您的担忧。",
        "截至{分析日}，您持有的该产品亏损{亏损金额}元，亏损比例为{亏损比例}{合计说明}，未达到您的预期。",
        "净值下跌主要由近期市场波动引起，产品净值较高点回落{净值回撤}；净值型理财产品的净值随市场变化，投资存在风险。",
        "建议您结合资金用途和投资期限理性决策，不必急于操作。",
        "您的客户经理将与您一起梳理持仓，并提供适合您的可选方案。",
        "我们重视与您的长期关系，将持续向您披露产品信息。",
        `{客户经理}将于{联系时间}与您联系。${ZH_COMPLAIN}${ZH_SIGN}`,
      ],
      low: [
        "尊敬的{客户姓名}：\n\n您好！感谢您对{产品名称}的关注。",
        "截至{分析日}，该产品亏损{亏损金额}元（{亏损比例}）{合计说明}，不及预期。",
        "这主要是市场波动所致。",
        "建议您结合自身需要理性持有或调整。",
        "如需调整，您的客户经理可为您梳理方案。",
        "我们将持续为您提供服务。",
        `{客户经理}将于{联系时间}与您联系。${ZH_COMPLAIN}${ZH_SIGN}`,
      ],
      mismatch: ZH_LETTER.mismatch,
      elderly: ZH_LETTER.elderly,
      netGain: ZH_LETTER.netGain,
    },
  },
  "en-US": {
    phone: {
      high: [
        "Hello {clientName}, this is {rm}, who looks after your wealth management account. I know the recent fall in {productName} must be worrying, and I understand how you feel. Thank you for your trust in us.",
        "As of {asOf}, your holding in {productName} shows a loss of CNY {lossAmount}, or {lossRate}{totalNote}. That is not the result you expected, and I won't pretend otherwise.",
        "The main cause is recent market volatility: the product's NAV is {drawdown} below its peak. The value of a net-value product moves with the markets, investing carries risk, and past performance does not represent future performance.",
        "My advice is not to decide in a hurry while markets are unsettled. Let's look together at what this money is for, when you may need it and how much risk you are comfortable with, and then decide whether to hold, adjust part of it or move to something that suits you better.",
        "Concretely, I will put together your holdings and the product's latest disclosures, and prepare two or three options that fit your situation for you to compare. If you have a request, tell me and I will record it faithfully and pass it on through the bank's formal process.",
        "We take every part of your savings seriously, we will keep following this product closely, and we want to keep serving you well for many years to come.",
        "I will call you again {contactTime} to go through the options; until then, please call me any time with questions.",
      ],
      medium: [
        "Hello {clientName}, this is {rm}. I understand the recent fall in {productName} has been a worry for you.",
        "As of {asOf}, the loss on this holding is CNY {lossAmount} ({lossRate}){totalNote}, which falls short of what you expected.",
        "The main cause is recent market volatility; the NAV is {drawdown} below its peak. A net-value product rises and falls with the markets, and investing carries risk.",
        "I suggest you decide calmly, based on what the money is for and when you need it, rather than in a hurry.",
        "I will send you the product's latest information and a few options that fit your situation.",
        "We are here for the long term and will keep looking after your investments with you.",
        "I will call you again {contactTime}; feel free to contact me any time before then.",
      ],
      low: [
        "Hello {clientName}, this is {rm}. I understand you may be concerned about {productName}.",
        "As of {asOf}, it shows a loss of CNY {lossAmount} ({lossRate}){totalNote}, below what you hoped for.",
        "This is mainly due to market movements; NAVs go up and down.",
        "I suggest holding or adjusting calmly, in line with your own needs.",
        "If you would like to adjust, I can go through the options with you.",
        "We will keep looking after your account.",
        "I will be in touch again {contactTime}.",
      ],
      mismatch: EN_TALK.mismatch,
      elderly: EN_TALK.elderly,
      netGain: EN_TALK.netGain,
    },
    sms: {
      // UCS-2 because of the 【…】 signature: two 67-unit segments at most for long Latin names.
      high: ["{smsSignature}{clientName},", "{productName} has fallen;", "", "", "", "we understand.", "{rm} calls {contactTime} with options."],
      medium: ["{smsSignature}{clientName},", "{productName} has fallen;", "", "", "", "we understand.", "{rm} calls {contactTime} with options."],
      low: ["{smsSignature}{clientName},", "{productName} has fallen.", "", "", "", "", "{rm} will be in touch {contactTime}."],
      mismatch: ["{smsSignature}{clientName},", "{productName} fell.", "", "", "We'll review its sale;", "", "{rm} calls {contactTime} to meet."],
      elderly: ["{smsSignature}{clientName},", "{productName} fell.", "", "", "", "", "{rm} calls {contactTime} to meet; bring family if you wish."],
      netGain: ["{smsSignature}{clientName},", "{productName} fell recently.", "", "", "", "", "{rm} calls {contactTime} to explain."],
    },
    wechat: {
      high: [
        "Hello {clientName}, this is {rm}. I know the recent fall in {productName} must be worrying, and I understand how you feel.",
        "As of {asOf}, your holding shows a loss of CNY {lossAmount} ({lossRate}){totalNote}. That is not the result you expected.",
        "The main cause is market volatility: the NAV is {drawdown} below its peak. Net-value products move with the markets, and investing carries risk.",
        "Please don't rush a decision; let's first look at what this money is for, when you need it and the risk you are comfortable with.",
        "I will put together the product's latest information and a few options that suit your situation.",
        "We take every part of your savings seriously and will be with you for the long term.",
        "I will call you personally {contactTime} to talk it through, and you can message me here any time.",
      ],
      medium: [
        "Hello {clientName}, this is {rm}. I understand the fall in {productName} is a worry.",
        "As of {asOf}, the loss is CNY {lossAmount} ({lossRate}){totalNote}, short of what you expected.",
        "It is mainly due to recent market volatility; net-value products move with the markets, and investing carries risk.",
        "I suggest deciding calmly, based on what the money is for and when you need it.",
        "I will send you the latest information and a few options to consider.",
        "We will keep looking after you.",
        "I will call you {contactTime}; message me here any time.",
      ],
      low: [
        "Hello {clientName}, this is {rm}. I understand you may be concerned about {productName}.",
        "As of {asOf}, the loss is CNY {lossAmount} ({lossRate}){totalNote}, below what you hoped for.",
        "This is mainly due to market movements.",
        "I suggest holding or adjusting calmly, in line with your needs.",
        "I can go through the options with you if you wish.",
        "We remain at your service.",
        "I will be in touch {contactTime}.",
      ],
      mismatch: withContact(EN_TALK.mismatch, EN_WECHAT_CONTACT.mismatch),
      elderly: withContact(EN_TALK.elderly, EN_WECHAT_CONTACT.elderly),
      netGain: withContact(EN_TALK.netGain, EN_WECHAT_CONTACT.netGain),
    },
    letter: {
      high: [
        "Dear {clientName},\n\nThe net asset value of {productName} has fallen recently. We understand the concern this causes you, and we thank you for your continued trust.",
        "As of {asOf}, your holding in {productName} shows a loss of CNY {lossAmount}, or {lossRate}{totalNote}. This falls short of what you expected, and we take it seriously.",
        "Our analysis shows that the main cause is recent market volatility: the product's NAV is {drawdown} below its peak. The NAV of a net-value product follows the market prices of the assets it holds, and investing carries risk.",
        "We recommend that you decide with care, in the light of what the money is for, your investment horizon and your risk tolerance, rather than act in haste while markets are volatile.",
        "Your relationship manager will review your holdings with you and offer several options suited to your current situation. If you have any further request, we will record it faithfully and reply within the time limits of our complaint-handling procedure.",
        "We value our long-term relationship with you and will keep monitoring the product and disclosing information to you promptly.",
        `{rm} will call you {contactTime}. ${EN_COMPLAIN}${EN_SIGN}`,
      ],
      medium: [
        "Dear {clientName},\n\nThe net asset value of {productName} has fallen recently, and we understand your concern.",
        "As of {asOf}, your holding shows a loss of CNY {lossAmount}, or {lossRate}{totalNote}, which falls short of what you expected.",
        "The fall is mainly due to recent market volatility: the NAV is {drawdown} below its peak. The NAV of a net-value product moves with the markets, and investing carries risk.",
        "We recommend deciding calmly, in the light of what the money is for and your investment horizon.",
        "Your relationship manager will go through your holdings with you and suggest options that suit you.",
        "We value our long-term relationship and will keep you informed about the product.",
        `{rm} will contact you {contactTime}. ${EN_COMPLAIN}${EN_SIGN}`,
      ],
      low: [
        "Dear {clientName},\n\nThank you for your interest in {productName}.",
        "As of {asOf}, it shows a loss of CNY {lossAmount} ({lossRate}){totalNote}, below what you hoped for.",
        "This is mainly due to market movements.",
        "We suggest holding or adjusting calmly, in line with your needs.",
        "Your relationship manager can go through the options with you.",
        "We remain at your service.",
        `{rm} will contact you {contactTime}. ${EN_COMPLAIN}${EN_SIGN}`,
      ],
      mismatch: EN_LETTER.mismatch,
      elderly: EN_LETTER.elderly,
      netGain: EN_LETTER.netGain,
    },
  },
};

