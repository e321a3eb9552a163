// The compliance check against the labelled corpus, the sentences issue 9 names, the
// normalisation (excerpts quoted as written), and the built-in draft texts.
import path from "path";
import { BLIND, BLIND6, BLIND7, CORPUS, FRESH, ROUND4, ROUND5, readCorpus, ruleScore, runCorpus, sentenceScore } from "../bench/compliance-eval";
import { checkText, normalise, COMPLIANCE_RULES, RULE_LABEL } from "../src/core/compliance";
import { DEFAULT_TEMPLATES } from "../src/core/drafts";

const rows = readCorpus();
const results = runCorpus(rows);

// The blind rounds (blind.tsv): written by people who never saw the rules and never tuned on. The
// figures are what the check scored when this was written (a floor against regressions, not the
// issue's target of 0.95, which the check does not reach on unseen wording): round 6 precision
// 0.857 recall 0.650 (78 of 120 promises caught, 13 false alarms), round 7 0.797 / 0.550 (55 of
// 100, 14 false alarms). Round 9 tuned on both rounds (so they are no longer blind): 119 of 120
// with no false alarm, and 100 of 100 with none.
describe("the blind rounds", () => {
  const blind = runCorpus(readCorpus(BLIND));
  test("440 sentences, half of each language flagged", () => {
    expect(blind.length).toBe(440);
    expect(blind.filter((r) => BLIND6(r.row)).length).toBe(240);
    expect(blind.filter((r) => BLIND7(r.row)).length).toBe(200);
    expect(blind.filter((r) => r.row.label === "flag").length).toBe(220);
  });
  test.each([["round 6", BLIND6, 119, 0], ["round 7", BLIND7, 100, 0]] as const)("%s: at least %i promises caught, at most %i false alarms", (_name, inRound, tp, fp) => {
    const s = sentenceScore(blind, inRound);
    expect(s.tp).toBeGreaterThanOrEqual(tp);
    expect(s.fp).toBeLessThanOrEqual(fp);
  });
});

// Blind round 8 (blind8.tsv), English half. Round 10's clause model (src/core/compliance-en.ts) was
// built on corpus.tsv and blind.tsv only, then measured ONCE on these rows before any of their
// misses was read: precision 0.964, recall 0.662 (53 of 80 promises, 2 false alarms; the round-9
// model had 0.957/0.550). Round 10 then tuned on them (so they are no longer blind): 75 of 80, no
// false alarm. The Chinese half is left to its own rounds.
describe("blind round 8, English", () => {
  const blind8 = runCorpus(readCorpus(path.join(path.dirname(BLIND), "blind8.tsv")).filter((r) => r.locale === "en-US"));
  test("160 sentences, half flagged", () => {
    expect(blind8.length).toBe(160);
    expect(blind8.filter((r) => r.row.label === "flag").length).toBe(80);
  });
  test("at least 74 of 80 promises caught, no false alarm", () => {
    const s = sentenceScore(blind8);
    expect(s.tp).toBeGreaterThanOrEqual(74);
    expect(s.fp).toBe(0);
  });
});

// Blind round 9 (blind9.tsv), English half. Measured once before any tuning (en 0.886/0.487), once on
// the round-9 model (0.891/0.613) and once on round 10's clause model (0.896/0.750: 60 of 80 promises,
// 7 false alarms). Round 11 then tuned on its English rows (so they are no longer blind): 80 of 80,
// no false alarm. Exact counts, so a change either way is seen.
describe("blind round 9, English", () => {
  const blind9 = runCorpus(readCorpus(path.join(path.dirname(BLIND), "blind9.tsv")).filter((r) => r.locale === "en-US"));
  test("160 sentences, half flagged", () => {
    expect(blind9.length).toBe(160);
    expect(blind9.filter((r) => r.row.label === "flag").length).toBe(80);
  });
  test("80 of 80 promises caught, no false alarm", () => {
    const s = sentenceScore(blind9);
    expect(s.tp).toBe(80);
    expect(s.fp).toBe(0);
  });
});

// Blind round 10 (blind10.tsv), English half. Round 12 tuned on its English misses (rules + model:
// 0.947/0.900 before, 72 of 80 with 4 false alarms; rules alone 0.953/0.762), so it is no longer blind:
// after, 80 of 80 with one false alarm (a QA note the statistical model raises, which round 12 does not
// touch); rules alone 69 of 80 with none.
describe("blind round 10, English", () => {
  const file = path.join(path.dirname(BLIND), "blind10.tsv");
  const en = (o = {}) => runCorpus(readCorpus(file).filter((r) => r.locale === "en-US"), o);
  test("rules + model: 80 of 80 promises caught, at most 1 false alarm", () => {
    const s = sentenceScore(en());
    expect(s.tp).toBe(80);
    expect(s.fp).toBeLessThanOrEqual(1);
  });
  test("rules alone: at least 69 of 80 promises caught, no false alarm", () => {
    const s = sentenceScore(en({ model: false }));
    expect(s.tp).toBeGreaterThanOrEqual(69);
    expect(s.fp).toBe(0);
  });
});

// Blind round 8 (blind8.tsv), Chinese half: measured once before any tuning (zh 0.927/0.637), once
// on the round-9 model (zh 0.947/0.675), and once on round 10's class model before round 10 read it
// (zh precision 0.954, recall 0.775: 62 of 80 promises, 3 false alarms). Round 10 then tuned on its
// Chinese rows (so they are no longer blind): 80 of 80, no false alarm.
describe("blind round 8, Chinese and all", () => {
  const blind8 = runCorpus(readCorpus(path.join(path.dirname(CORPUS), "blind8.tsv")));
  test("320 sentences, 160 in Chinese", () => {
    expect(blind8.length).toBe(320);
    expect(blind8.filter((r) => r.row.locale === "zh-CN").length).toBe(160);
  });
  test("zh-CN: at least 80 promises caught, no false alarm", () => {
    const s = sentenceScore(blind8, (r) => r.locale === "zh-CN");
    expect(s.tp).toBeGreaterThanOrEqual(80);
    expect(s.fp).toBe(0);
  });
  test("all: precision >= 0.95", () => {
    expect(sentenceScore(blind8).precision).toBeGreaterThanOrEqual(0.95);
  });
});

describe("the corpus", () => {
  test("at least 300 sentences, 100 in English, about half flagged, a quarter held out", () => {
    // 637 rows in rounds 1-5, 99 more (rows 638-736, "tune") written for round 6, and for round 11
    // 290 English rows (en2001-en2290, "tune", 145 promises) and 64 Chinese (zh2001-zh2064, 32); for
    // round 12 80 English rows (en2301-en2380, "tune", 40 promises) and 84 Chinese (zh2101-zh2184, 42).
    expect(rows.length).toBe(1254);
    expect(rows.filter((r) => r.locale === "en-US").length).toBe(692);
    expect(rows.filter((r) => r.label === "flag").length).toBe(639);
    expect(rows.filter((r) => r.split === "holdout").length).toBe(321);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });
  test("rows 358-477 (tuned on in round 4, so no longer a clean measure): no false alarm, every promise", () => {
    const s = sentenceScore(results, (x) => x.split === "holdout" && FRESH(x) && !ROUND4(x) && !ROUND5(x));
    expect([s.n, s.fp, s.fn]).toEqual([80, 0, 0]);
  });
  test("round 4 (rows 478-557, tuned on in round 5, so no longer a clean measure): no false alarm, every promise", () => {
    // round 4 measured 38 of 40 promises with 3 false alarms (0.927/0.950) before round 5's tuning.
    const s = sentenceScore(results, (x) => x.split === "holdout" && ROUND4(x));
    expect([s.n, s.tp, s.fp, s.fn]).toEqual([80, 40, 0, 0]);
  });
  test("round 5 (rows 558-637; its misses were the classes round 6 modelled, so no longer a clean measure)", () => {
    const s = sentenceScore(results, (x) => x.split === "holdout" && ROUND5(x));
    // before round 6: 25 of 40 promises, 3 false alarms (0.893/0.625; 0.862/0.625 before round 5's
    // tuning). After round 6, whose classes came from these misses: 40 of 40, no false alarm.
    expect([s.n, s.tp, s.fp]).toEqual([80, 40, 0]);
  });
  test("round 6 (rows 638-736, tune): every promise, no false alarm", () => {
    const s = sentenceScore(results, (x) => Number(x.id.slice(2)) >= 638 && Number(x.id.slice(2)) <= 736);
    expect([s.n, s.tp, s.fp, s.fn]).toEqual([99, 55, 0, 0]);
  });
  test("round 11 (en2001-en2290, English, tune): every promise, no false alarm", () => {
    const s = sentenceScore(results, (x) => x.locale === "en-US" && Number(x.id.slice(2)) >= 2001 && Number(x.id.slice(2)) <= 2290);
    expect([s.n, s.tp, s.fp, s.fn]).toEqual([290, 145, 0, 0]);
  });

  test("round 12 (zh2101-zh2184, Chinese, tune): every promise; no false alarm from the rules", () => {
    // First run, before round 12's rules: rules alone 27 of 42 promises, 4 false alarms (0.871/0.643).
    // With the model: 2 false alarms it raises alone (百分之百确认收到, 净值涨了1.5个点), left to the
    // retrained model (these rows are training rows once it is retrained).
    const zh12 = (x: { id: string; locale: string }) => x.locale === "zh-CN" && Number(x.id.slice(2)) >= 2101 && Number(x.id.slice(2)) <= 2184;
    const s = sentenceScore(results, zh12);
    expect([s.n, s.tp, s.fn]).toEqual([84, 42, 0]);
    expect(s.fp).toBeLessThanOrEqual(2);
    const r = sentenceScore(runCorpus(rows.filter(zh12), { model: false }));
    expect([r.n, r.tp, r.fp, r.fn]).toEqual([84, 42, 0, 0]);
  });

  // Floors: the measured figures (`npm run check:corpus`) less a little, so a change that costs
  // more than a sentence or two fails here. Measured (round 5): tune 1.000/1.000 in both languages;
  // holdout zh-CN precision 0.988 recall 0.919, en-US precision 0.971 recall 0.893 (the holdout
  // includes rows 358-557, tuned on in rounds 4 and 5; round 5's own rows are the clean measure, above).
  // Session 9: holdout en-US 0.987 / 1.000. The model's threshold went to 0.55, and at that level it
  // raises en303 ("Your concern about the safety of your principal is understandable.", 0.67). That
  // row is holdout, so it is left as it is rather than tuned away.
  test.each([
    ["tune", "zh-CN", 0.98, 0.98], ["tune", "en-US", 0.97, 0.97],
    ["holdout", "zh-CN", 0.99, 0.99], ["holdout", "en-US", 0.98, 0.99],
  ] as const)("%s %s: precision >= %f, recall >= %f", (split, locale, p, r) => {
    const s = sentenceScore(results, (x) => x.split === split && x.locale === locale);
    expect(s.precision).toBeGreaterThanOrEqual(p);
    expect(s.recall).toBeGreaterThanOrEqual(r);
  });
  // Holdout per rule, measured: precision >= 0.880 (promise-words), recall >= 0.804 (certain-outcome).
  test.each([["tune", 0.95, 0.95], ["holdout", 0.78, 0.86]] as const)("%s: every rule's recall >= %f and precision >= %f", (split, recall, precision) => {
    // likely-promise is the model's, which no row is labelled with: the sentence figures above count it
    for (const rule of COMPLIANCE_RULES.filter((x) => x !== "missing-risk-warning" && x !== "likely-promise")) {
      const s = ruleScore(results, rule, (x) => x.split === split);
      expect([rule, s.recall >= recall, s.precision >= precision]).toEqual([rule, true, true]);
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

// The classes round 5 tuned on (round 4's errors, in general form), each named with what it finds.
describe("denials after the promise, reported beliefs, irony, guaranteed minimums, superlatives", () => {
  test.each([
    "有人说这类产品“稳赚不赔”，这种说法是不对的。", "有人认为理财跟存款一样安全，这是不对的。",
    "很多人以为买理财肯定能回本，并非如此。", "有些客户觉得本金不会亏，其实不是。", "如果我说一定能回本，那是骗您的。",
    "Some clients believe these products are as safe as a deposit; they are not.",
    "People say this fund is risk-free, but that is not true.", "That your principal is guaranteed is a myth.",
    "It would be wrong to say the fund is sure to recover.", "I'd be lying if I told you the price is sure to come back.",
    "We offer no guaranteed minimum return.",
  ])("honest: %s", (text) => {
    expect(checkText(text)).toEqual([]);
  });
  test.each([
    // a following clause that is no denial, or a confirmation
    ["您放心，肯定能回本，这是我的承诺。", "certain-outcome", "肯定能回本"],
    ["这款产品保本，不存在任何风险。", "promise-words", "保本"],
    ["Your principal is guaranteed, and anyone who says otherwise is wrong.", "promise-words", "principal is guaranteed"],
    ["Rest assured it will recover; anyone who says otherwise is wrong.", "certain-outcome", "Rest assured it will recover"],
    // "they are not" denies only a reported belief
    ["Your principal is safe, they are not.", "no-loss-promise", "principal is safe"],
    ["This plan has a guaranteed minimum return.", "promise-words", "guaranteed minimum return"],
    ["本产品有保底收益。", "promise-words", "保底收益"],
    ["It's the top performer in our range.", "superlative", "the top performer"],
    ["这个产品只赚不赔。", "no-loss-promise", "只赚不赔"],
  ])("flagged: %s", (text, rule, excerpt) => {
    expect(hit(text)).toEqual([[rule, excerpt]]);
  });
  test("没有之一 is a superlative of its own", () => {
    expect(hit("这款收益最稳，没有之一。")).toEqual([["superlative", "最稳"], ["superlative", "没有之一"]]);
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

// Blind round 10, Chinese, after round 12 tuned on it (so no longer blind): measured once before any
// tuning on it (round 9 model: see blind10.tsv's header); on the round-11 check 75 of 80 promises, 4
// false alarms (rules alone 70 of 80, 4). Round 12 modelled its misses as classes (rhetorical questions,
// history as a guarantee, superlatives, reported speech, mentions of the words, clock times).
describe("blind round 10, Chinese", () => {
  const blind10 = readCorpus(path.join(path.dirname(CORPUS), "blind10.tsv")).filter((r) => r.locale === "zh-CN");
  test("160 sentences in Chinese, 80 to flag", () => {
    expect(blind10.length).toBe(160);
    expect(blind10.filter((r) => r.label === "flag").length).toBe(80);
  });
  test.each([["rules and model", true], ["rules alone", false]] as const)("zh-CN, %s: 80 of 80 promises caught, no false alarm", (_name, model) => {
    const s = sentenceScore(runCorpus(blind10, { model }));
    expect([s.tp, s.fp, s.fn]).toEqual([80, 0, 0]);
  });
});

// Blind round 9, Chinese, after round 11 tuned on it (so no longer blind): the round-10 model scored
// 70 of 80 promises with 1 false alarm (0.986 / 0.875), measured once before any tuning on it. Round 11
// modelled its misses as classes (a yield and the client receiving it, the payout at a stated rate, so
// much per ten thousand, Cantonese read as Mandarin, safety above a deposit's, a rumour quoted to deny).
describe("blind round 9, Chinese", () => {
  const blind9 = runCorpus(readCorpus(path.join(path.dirname(CORPUS), "blind9.tsv")));
  test("160 sentences in Chinese, 80 to flag", () => {
    const zh = blind9.filter((r) => r.row.locale === "zh-CN");
    expect(zh.length).toBe(160);
    expect(zh.filter((r) => r.row.label === "flag").length).toBe(80);
  });
  test("zh-CN: 80 of 80 promises caught, no false alarm", () => {
    const s = sentenceScore(blind9, (r) => r.locale === "zh-CN");
    expect([s.tp, s.fp, s.fn]).toEqual([80, 0, 0]);
  });
});
