// The compliance check's statistical model (src/core/compliance-model.ts): reproducible from the
// tuning files, never trained on an unseen round, and what it adds to the rules.
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { VETO_BELOW, checkText, normalisedText, raiseAbove } from "../src/core/compliance";
import { decodeWeights, encodeWeights, promiseFeatures, promiseProbability, trainedModel, withoutSalutation } from "../src/core/compliance-model";
import { MODEL_FILE, TRAINING_FILES, modelJson, ownTextRows, trainPromiseModel, trainingRows } from "../bench/train-compliance";

const FIXTURES = path.join(__dirname, "fixtures", "compliance");

describe("the model's data", () => {
  test("trained on the tuning files only: the rounds still unseen are not among them", () => {
    expect(TRAINING_FILES).toEqual(["corpus.tsv", "blind.tsv", "blind8.tsv", "blind9.tsv", "blind10.tsv", "train12.tsv", "train13-zh.tsv",
      "blind11.tsv", "train13-en.tsv", "train14-zh.tsv", "train14-en.tsv", "lookalikes.tsv",
      "blind12.tsv", "blind14.tsv", "blind15.tsv", "train15-zh.tsv", "train15-en.tsv", "train16-zh.tsv", "train16-en.tsv", "blind16.tsv", "blind17.tsv", "train17-zh.tsv", "train17-en.tsv", "blind18.tsv", "train18-zh.tsv", "train18-en.tsv"]);
    // blind13 and blind19 stay unseen (their headers say what they measured), and every round after them
    for (const f of fs.readdirSync(FIXTURES).filter((f) => /^blind\d+\.tsv$/.test(f) && (f === "blind13.tsv" || Number(/\d+/.exec(f)![0]) >= 19))) {
      expect(TRAINING_FILES).not.toContain(f);
    }
    const rows = trainingRows();
    // the corpus's holdout quarter (its ids run below 900; the blind rounds' start at 901) is kept
    // out, so the whole check can be reported on it
    const corpusHoldout = fs.readFileSync(path.join(FIXTURES, "corpus.tsv"), "utf8").split("\n")
      .map((l) => l.split("\t")).filter((c) => c[4] === "holdout");
    expect(corpusHoldout.length).toBeGreaterThan(300);
    expect(corpusHoldout.every((c) => Number(c[0].slice(2)) < 900)).toBe(true);
    expect(rows.filter((r) => r.split === "holdout" && Number(r.id.slice(2)) < 900)).toEqual([]);
  });

  test("LossDesk's own sentences are honest rows, each once", () => {
    const own = ownTextRows();
    expect(own.length).toBeGreaterThan(500);
    expect(own.every((r) => r.label === "honest")).toBe(true);
    expect(new Set(own.map((r) => r.sentence.replace(/\d/g, "0"))).size).toBe(own.length);
  });

  test("lookalikes.tsv is what scripts/collect-lookalikes.js makes of the unit tests now", () => {
    const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lossdesk-lk-")), "lookalikes.tsv");
    execFileSync(process.execPath, [path.join(__dirname, "..", "scripts", "collect-lookalikes.js"), tmp]);
    expect(fs.readFileSync(tmp, "utf8")).toBe(fs.readFileSync(path.join(FIXTURES, "lookalikes.tsv"), "utf8"));
  });

  test("the committed weights are what training on those files gives (npm run train:compliance)", () => {
    expect(modelJson(trainPromiseModel(trainingRows()))).toBe(fs.readFileSync(MODEL_FILE, "utf8"));
  });
});

describe("the model", () => {
  test("weights survive base64 as signed bytes", () => {
    const w = Int8Array.from([-128, -1, 0, 1, 127, 5, -77]);
    expect(Array.from(decodeWeights(encodeWeights(w), w.length))).toEqual(Array.from(w));
    expect(trainedModel().weights.length).toBe(1 << trainedModel().bits);
  });

  test("features: character grams of the normalised unit and English word grams, hashed into the buckets", () => {
    const f = promiseFeatures("Will recover", 4, 16);
    expect(f.size).toBeGreaterThan(40);
    for (const b of f) expect(b).toBeLessThan(1 << 16);
    expect(promiseFeatures("Will  recover ", 4, 16)).toEqual(f); // spacing does not matter
  });

  test.each([
    ["Historically it has always bounced back, and it will this time too, just give it six months.", true],
    ["You'll be fine by year-end, trust me.", true],
    ["每一万块一年能给您三百八十块，雷打不动。", true],
    ["Dear Mr Li, the drop in your fund's value reflects the fall in bond prices this quarter.", false],
    ["亲，理财都有风险，我没法保证。", false],
  ])("%s -> a promise: %s", (s, promise) => {
    expect(promiseProbability(normalisedText(s)) > raiseAbove(s)).toBe(promise);
  });
});

describe("the rules and the model together", () => {
  test("a promise in words no rule holds: a likely-promise warning quoting the sentence; model: false gives the rules alone", () => {
    const s = "老客户都知道，这款从来没让人失望过，明年照样给您赚。";
    expect(checkText(s)).toEqual([{ rule: "likely-promise", severity: "warning", text: "老客户都知道，这款从来没让人失望过，明年照样给您赚" }]);
    expect(checkText(s, { model: false })).toEqual([]);
  });

  test("a promise quoted to report it: the model alone raises nothing, as the rules do not", () => {
    const qa = 'The RM said "trust me, you\'ll be back above 1.5 soon".';
    expect(promiseProbability(normalisedText(qa))).toBeGreaterThan(raiseAbove(qa)); // the quoted words look like a promise
    expect(checkText(qa)).toEqual([]);
    // a promise no rule holds, said and not quoted, is still the model's to raise
    expect(checkText("It sorts itself out by spring, every time.").map((f) => f.rule)).toEqual(["likely-promise"]);
  });

  test("a disavowal in the sentence: the model alone raises nothing", () => {
    expect(checkText("Someone says topping up now will get you back by year-end - that's just an opinion, nothing guarantees it.")
      .filter((f) => f.rule === "likely-promise")).toEqual([]);
  });

  test("a rule's finding stands whatever the model says (业绩比较基准为5%，即预期收益 is too short for it)", () => {
    expect(promiseProbability(normalisedText("业绩比较基准为5%，即预期收益"))).toBeLessThan(0.5);
    expect(checkText("业绩比较基准为5%，即预期收益").map((f) => f.rule)).toEqual(["benchmark-as-return"]);
  });

  test("a long text is read sentence by sentence: the finding names the sentence, the honest ones pass", () => {
    const honest = "尊敬的客户：您好。截至11月27日，您持有的产品单位净值为1.2000，较买入时下跌20.00%。理财非存款、产品有风险、投资须谨慎。如有疑问，请致电客服热线，或拨打12378。";
    expect(honest.length).toBeGreaterThan(60);
    expect(checkText(honest + honest + honest)).toEqual([]);
    const f = checkText(`${honest}${honest}老客户都知道，这款从来没让人失望过，明年照样给您赚。${honest}`);
    expect(f).toEqual([{ rule: "likely-promise", severity: "warning", text: "老客户都知道，这款从来没让人失望过，明年照样给您赚" }]);
  });

  // Session 9: the model may drop a phrase pattern's finding where the unit quotes, reports, teaches,
  // asks or supposes and the model finds it plainly honest (VETO_BELOW); never where no such frame is.
  test.each([
    "质检记录：2024年3月12日坐席工号0716在与客户通话中表述“这个产品肯定能涨回来”，属于违规承诺收益，已对该坐席进行约谈并扣减当月绩效。",
    '"Low risk means no risk" is a misunderstanding; low-risk products can still lose money.',
    "客户说：“你们当初说不会亏钱的。”我已如实记在工单里。",
    "Training note: never tell a client 'you'll surely recover' or 'your principal is safe'.",
  ])("a promise quoted to report or teach it: nothing (%s)", (s) => {
    expect(checkText(s)).toEqual([]);
  });

  test("the veto needs a frame and the model's low score both; the English clause model's findings it never drops", () => {
    // a promise added to a sentence the model knows as LossDesk's own: the model scores it honest, no frame, it stands
    expect(promiseProbability(normalisedText("{客户经理}将在{联系时间}亲自致电，保证收益。"))).toBeLessThan(VETO_BELOW);
    expect(checkText("{客户经理}将在{联系时间}亲自致电，保证收益。").map((f) => f.rule)).toEqual(["promise-words"]);
    // "can't" reads as honest to the n-grams (0.08 on session 9's model, 0.1-0.2 on session 10's, which the model
    // alone would never raise); the clause model read "can't fail to", and its finding stands
    expect(promiseProbability(normalisedText("The fund can't fail to recover once the rate cycle turns."))).toBeLessThan(0.5);
    expect(checkText("The fund can't fail to recover once the rate cycle turns.").map((f) => f.rule)).toEqual(["certain-outcome"]);
  });

  test.each([
    ["客户问：这次亏损银行会补偿吗？", []],
    ["Will the bank make up my losses?", []],
    // a rhetorical question put to the client is a promise
    ["Do you think I would let you lose money?", ["no-loss-promise"]],
  ])("a question in the client's own voice is no promise: %s", (s, rules) => {
    expect(checkText(s).map((f) => f.rule)).toEqual(rules);
  });

  test("a salutation carries no weight: 尊敬的客户：您好 alone scores 0, and is left out of a longer unit's features", () => {
    expect(withoutSalutation("尊敬的王先生：您好！您的产品净值下跌")).toBe("您的产品净值下跌");
    expect(withoutSalutation("Dear Mr Tan, the fund fell")).toBe("the fund fell");
    expect(withoutSalutation("本金保证")).toBe("本金保证");
    expect(promiseProbability(normalisedText("尊敬的客户：您好。"))).toBe(0);
    expect(promiseFeatures(normalisedText("尊敬的客户：您好！本金安全"), 4, 16)).toEqual(promiseFeatures(normalisedText("本金安全"), 4, 16));
  });

  test.each([
    ["The documents you signed describe the product as non-principal-guaranteed with floating returns.", []],
    ["The best I can do is get you the latest portfolio report; I can't change the result.", []],
    ["有人认为理财跟存款一样安全，这是不对的。", []],
    ["Our product is the best on the market.", ["superlative"]],
  ])("a term negated by its prefix, an idiom, a belief called wrong: %s", (s, rules) => {
    expect(checkText(s).map((f) => f.rule)).toEqual(rules);
  });
});
