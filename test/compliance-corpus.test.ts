// The compliance check against the labelled corpus, the sentences issue 9 names, the
// normalisation (excerpts quoted as written), and the built-in draft texts.
import { FRESH, readCorpus, ruleScore, runCorpus, sentenceScore } from "../bench/compliance-eval";
import { checkText, normalise, COMPLIANCE_RULES, RULE_LABEL } from "../src/core/compliance";
import { DEFAULT_TEMPLATES } from "../src/core/drafts";

const rows = readCorpus();
const results = runCorpus(rows);

describe("the corpus", () => {
  test("at least 300 sentences, 100 in English, about half flagged, a quarter held out", () => {
    expect(rows.length).toBe(477);
    expect(rows.filter((r) => r.locale === "en-US").length).toBe(194);
    expect(rows.filter((r) => r.label === "flag").length).toBe(245);
    expect(rows.filter((r) => r.split === "holdout").length).toBe(161);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });
  test("the holdout written after tuning (rows 358+): no false alarm, and the measured recall", () => {
    const s = sentenceScore(results, (x) => x.split === "holdout" && FRESH(x));
    expect([s.n, s.fp]).toEqual([80, 0]);
    expect(s.recall).toBeGreaterThanOrEqual(0.65); // measured 27 of 40 promises, 0.675
  });

  // Floors: the measured figures (`npm run check:corpus`) less a little, so a change that costs
  // more than a sentence or two fails here. Measured: tune 1.000/1.000 in both languages; holdout
  // zh-CN precision 1.000 recall 0.935, en-US precision 1.000 recall 0.714 (the holdout sentences
  // written after tuning, rows 358+, are where the check misses wording it has not seen).
  test.each([
    ["tune", "zh-CN", 0.98, 0.98], ["tune", "en-US", 0.97, 0.97],
    ["holdout", "zh-CN", 0.97, 0.91], ["holdout", "en-US", 0.96, 0.69],
  ] as const)("%s %s: precision >= %f, recall >= %f", (split, locale, p, r) => {
    const s = sentenceScore(results, (x) => x.split === split && x.locale === locale);
    expect(s.precision).toBeGreaterThanOrEqual(p);
    expect(s.recall).toBeGreaterThanOrEqual(r);
  });
  test.each([["tune", 0.95], ["holdout", 0.55]] as const)("%s: every rule's precision >= 0.95 and recall >= %f", (split, recall) => {
    for (const rule of COMPLIANCE_RULES.filter((x) => x !== "missing-risk-warning")) {
      const s = ruleScore(results, rule, (x) => x.split === split);
      expect([rule, s.recall >= recall, s.precision >= 0.95]).toEqual([rule, true, true]);
    }
  });
});

const hit = (text: string) => checkText(text).map((f) => [f.rule, f.text]);

describe("the sentences issue 9 names", () => {
  test.each([
    ["确保您的投资在未来能够实现稳健增长", "certain-outcome", "确保您的投资在未来能够实现稳健增长"],
    ["一定能回本", "certain-outcome", "一定能回本"],
    ["肯定会涨回来", "certain-outcome", "肯定会涨回"],
    ["不会亏钱", "no-loss-promise", "不会亏"],
    ["本金绝对安全", "no-loss-promise", "本金绝对安全"],
    ["我行将给予适当补偿", "compensation-promise", "将给予适当补偿"],
    ["保 本", "promise-words", "保 本"],
    ["保·本", "promise-words", "保·本"],
    ["保\u200b本", "promise-words", "保\u200b本"],
    ["保證收益", "promise-words", "保證收益"],
    ["别担心这产品保本的", "promise-words", "保本"],
    ["业绩比较基准为4.5%，您到期可获得4.5%的收益", "benchmark-as-return", "业绩比较基准为4.5%，您到期可获得"],
    ["You will surely recover your losses", "certain-outcome", "surely recover"],
    ["The bank will make up your losses", "compensation-promise", "The bank will make up your losses"],
    ["Don't worry, your principal is guaranteed.", "promise-words", "principal is guaranteed"],
    ["It is risk-free.", "promise-words", "risk-free"],
  ])("flagged: %s", (text, rule, excerpt) => {
    expect(hit(text)).toEqual([[rule, excerpt]]);
  });
  test.each([
    "无风险利率上行导致债券价格下跌", "您咨询的保本型产品，我行目前已不再发行", "不保本", "不承诺保本、保收益", "无法承诺赔偿",
    "The product does not guarantee principal or returns.", "We cannot promise compensation.", "The risk-free rate rose.",
    "理财非存款、产品有风险、投资须谨慎；过往业绩不代表其未来表现。",
  ])("honest: %s", (text) => {
    expect(checkText(text)).toEqual([]);
  });
});

describe("normalisation", () => {
  test("full-width, traditional, zero-width and in-word separators, with the original offsets", () => {
    const n = normalise("本產品保\u200b本·收益５％");
    expect(n.text).toBe("本产品保本收益5%");
    // every normalised unit points back into the original
    expect(n.from).toEqual([0, 1, 2, 3, 5, 7, 8, 9, 10]);
    expect(n.to).toEqual([1, 2, 3, 4, 6, 8, 9, 10, 11]);
  });
  test("an excerpt is quoted as written, traditional and full-width included", () => {
    expect(hit("這款產品保－本，您儘管放心")).toEqual([["promise-words", "保－本"]]);
    expect(hit("It’s a risk‑free product")).toEqual([["promise-words", "risk‑free"]]);
  });
  test("the '.' of a decimal is not a sentence end; a sentence end is", () => {
    expect(hit("The benchmark is 4.5%, so you will get 4.5% at maturity.")).toEqual([["benchmark-as-return", "benchmark is 4.5%, so you will get"]]);
    expect(hit("The benchmark is 4.5%. Actual returns may be lower.")).toEqual([]);
  });
});

test("every rule has a label in both languages", () => {
  for (const r of COMPLIANCE_RULES) {
    expect(RULE_LABEL[r]["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    expect(RULE_LABEL[r]["en-US"]).toMatch(/^[a-z]/);
  }
});

test("every built-in template (channel x tier x locale) has no error finding, part by part and whole", () => {
  const keys = Object.keys(DEFAULT_TEMPLATES);
  expect(keys.length).toBe(48); // 4 channels x (3 tiers + mismatch, elderly, net gain) x 2 locales
  for (const t of Object.values(DEFAULT_TEMPLATES)) {
    const errors = [...t.parts, t.parts.join("\n")].flatMap((p) => checkText(p).filter((f) => f.severity === "error").map((f) => `${t.channel}|${t.tier}|${t.locale}: ${f.rule} ${f.text}`));
    expect(errors).toEqual([]);
    expect(checkText(t.parts.join("\n"), { letter: t.channel === "letter", locale: t.locale }).filter((f) => f.severity === "error")).toEqual([]);
  }
});
