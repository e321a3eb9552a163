// Precision and recall of the compliance check on the labelled corpus
// (test/fixtures/compliance/corpus.tsv), per split (tune / holdout), per language and per rule.
//   npm run check:corpus            (the table)
//   npm run check:corpus -- --misses (also every sentence the check gets wrong)
//
// A sentence counts as flagged when the check returns any finding for it (error or warning).
// Per rule: recall = of the sentences labelled with that rule, the share where the rule fired;
// precision = of the sentences where the rule fired, the share that are labelled flag (a rule
// firing on a real promise filed under another rule is no false alarm).

import fs from "fs";
import path from "path";
import { checkText, ComplianceRule } from "../src/core/compliance";

export interface CorpusRow {
  id: string;
  locale: "zh-CN" | "en-US";
  label: "flag" | "honest";
  rules: ComplianceRule[];
  split: "tune" | "holdout";
  sentence: string;
}

// Run from bench/ (jest, ts) or from the build (build/cli/bench): the first of these that exists.
const CANDIDATES = [["..", "..", ".."], ["..", ".."], [".."]].map((up) => path.join(__dirname, ...up, "test", "fixtures", "compliance", "corpus.tsv"));
export const CORPUS = CANDIDATES.find((f) => fs.existsSync(f)) ?? CANDIDATES[CANDIDATES.length - 1];
/** The blind rounds (blind.tsv beside the corpus): written by people who never saw the check. */
export const BLIND = path.join(path.dirname(CORPUS), "blind.tsv");
/** Blind round 6 (ids 901-1020) and round 7 (ids 1101-1200). */
export const BLIND6 = (r: CorpusRow) => Number(r.id.slice(2)) >= 901 && Number(r.id.slice(2)) <= 1020;
export const BLIND7 = (r: CorpusRow) => Number(r.id.slice(2)) >= 1101 && Number(r.id.slice(2)) <= 1200;

export function readCorpus(file = CORPUS): CorpusRow[] {
  const lines = fs.readFileSync(file, "utf8").split(/\r?\n/);
  const rows: CorpusRow[] = [];
  for (const line of lines) {
    if (!line || line.startsWith("#") || line.startsWith("id\t")) continue;
    const [id, locale, label, rule, split, ...rest] = line.split("\t");
    rows.push({
      id, locale: locale as CorpusRow["locale"], label: label as CorpusRow["label"],
      rules: rule === "-" ? [] : (rule.split("+") as ComplianceRule[]), split: split as CorpusRow["split"], sentence: rest.join("\t"),
    });
  }
  return rows;
}

export interface Score { tp: number; fp: number; fn: number; precision: number; recall: number; n: number }
const score = (tp: number, fp: number, fn: number, n: number): Score => ({
  tp, fp, fn, n, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn),
});

export interface RowResult { row: CorpusRow; fired: ComplianceRule[]; flagged: boolean }

/** The check on every row: the rules and the statistical model, or with `model: false` the rules alone. */
export function runCorpus(rows: CorpusRow[], o: { model?: boolean } = {}): RowResult[] {
  return rows.map((row) => {
    const fired = [...new Set(checkText(row.sentence, { model: o.model }).map((f) => f.rule))];
    return { row, fired, flagged: fired.length > 0 };
  });
}

/** Sentence-level precision/recall of the rows that pass `keep`. */
export function sentenceScore(results: RowResult[], keep: (r: CorpusRow) => boolean = () => true): Score {
  let tp = 0, fp = 0, fn = 0, n = 0;
  for (const r of results) {
    if (!keep(r.row)) continue;
    n++;
    const flag = r.row.label === "flag";
    if (flag && r.flagged) tp++;
    else if (!flag && r.flagged) fp++;
    else if (flag && !r.flagged) fn++;
  }
  return score(tp, fp, fn, n);
}

export function ruleScore(results: RowResult[], rule: ComplianceRule, keep: (r: CorpusRow) => boolean = () => true): Score {
  let tp = 0, fp = 0, fn = 0, n = 0;
  for (const r of results) {
    if (!keep(r.row)) continue;
    const expected = r.row.rules.includes(rule);
    const fired = r.fired.includes(rule);
    if (expected) n++;
    if (expected && fired) tp++;
    else if (expected && !fired) fn++;
    else if (fired && r.row.label !== "flag") fp++;
    else if (fired) tp += 0; // fired on a promise labelled with another rule: neither
  }
  // precision counts a firing on any flagged sentence as right
  const firedOnFlag = results.filter((r) => keep(r.row) && r.fired.includes(rule) && r.row.label === "flag").length;
  const p = firedOnFlag + fp === 0 ? 1 : firedOnFlag / (firedOnFlag + fp);
  return { ...score(tp, fp, fn, n), precision: p };
}

/** Rows written after a tuning round (ids 358 and up); rows 358-477 were tuned on in round 4. */
export const FRESH = (r: CorpusRow) => Number(r.id.slice(2)) >= 358;
/** Round 4 (rows 478-557): written by a second helper before that round's tuning; tuned on in round 5. */
export const ROUND4 = (r: CorpusRow) => Number(r.id.slice(2)) >= 478 && Number(r.id.slice(2)) <= 557;
/** Round 5 (rows 558+): written by a third helper before round 5's tuning, never tuned on. */
export const ROUND5 = (r: CorpusRow) => Number(r.id.slice(2)) >= 558;

const RULES: ComplianceRule[] = ["promise-words", "certain-outcome", "no-loss-promise", "compensation-promise", "benchmark-as-return", "superlative"];

/** 10,000 characters of `unit` repeated. */
const repeat = (unit: string, n = 10_000) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
/**
 * Long texts a check must not choke on (issue 9: 8,000 characters of 本金保证 took 9 s when every
 * match rescanned its whole run-on sentence): Chinese and English, with and without punctuation,
 * many hits and none. Printed as figures by `npm run check:corpus`, not asserted (a loaded machine
 * is no test failure).
 */
export const PATHOLOGICAL: [string, string][] = [
  ["zh 本金保证 x2500, no punctuation", repeat("本金保证")],
  ["zh 保本保收益 x2000, no punctuation", repeat("保本保收益")],
  ["zh run-on sentence, a hit every 10 chars", repeat("您放心这款产品肯定能回本年化稳拿4.5%亏了我们兜底本金绝对安全收益全行最高")],
  ["zh the same, punctuated", repeat("您放心，这款产品肯定能回本，年化稳拿4.5%。亏了我们兜底，本金绝对安全！")],
  ["zh negated, no punctuation", repeat("本产品不保本不承诺收益无法保证回本")],
  ["zh quoted and denied, no punctuation", repeat("关于“兜底”的传言我行从未作出此承诺")],
  ["zh 业绩比较基准 with a return word", repeat("业绩比较基准为4.5%您可获得")],
  ["zh no hits, no punctuation", repeat("今天天气很好我们去公园散步然后回家吃饭")],
  ["zh traditional, full-width", repeat("本金保證實會翻身唔使擔心保本４．５％　")],
  ["en promises, no punctuation", repeat("your principal is guaranteed and you will surely recover and we will compensate you for your losses ")],
  ["en clause model, no punctuation", repeat("the fund will definitely come back and you will get 4% a year and we will make up your losses ")],
  ["en the same, punctuated", repeat("The fund will definitely come back. You will get 4% a year. We will make up your losses! ")],
  ["en benchmark with a return word", repeat("the benchmark is 4.5% so you will get 4.5% ")],
  ["en no hits, no punctuation", repeat("the weather is fine and we walk in the park then go home for dinner ")],
  ["mixed scripts, quotes", repeat("保本 \"risk-free\" 保证 收益 guaranteed ")],
];

/** Milliseconds for one check of each pathological text: the first run and the best of three. */
export function pathologicalTimings(): { name: string; chars: number; findings: number; firstMs: number; bestMs: number }[] {
  return PATHOLOGICAL.map(([name, text]) => {
    const times: number[] = [];
    let findings = 0;
    for (let r = 0; r < 3; r++) {
      const t0 = process.hrtime.bigint();
      findings = checkText(text).length;
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return { name, chars: text.length, findings, firstMs: times[0], bestMs: Math.min(...times) };
  });
}

function main(argv: string[]) {
  const results = runCorpus(readCorpus());
  const f = (x: number) => x.toFixed(3);
  const line = (name: string, s: Score) => `  ${name.padEnd(22)} precision ${f(s.precision)}  recall ${f(s.recall)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn}; n ${s.n})`;
  for (const split of ["tune", "holdout"] as const) {
    const inSplit = (r: CorpusRow) => r.split === split;
    console.log(`${split} split (${results.filter((r) => inSplit(r.row)).length} sentences)`);
    console.log(line("all", sentenceScore(results, inSplit)));
    for (const loc of ["zh-CN", "en-US"] as const) console.log(line(loc, sentenceScore(results, (r) => inSplit(r) && r.locale === loc)));
    for (const rule of RULES) console.log(line(rule, ruleScore(results, rule, inSplit)));
    if (split === "holdout") {
      console.log("  written after a tuning round (rows 358+; 358-477 tuned on in round 4, 478-557 in round 5):");
      console.log(line("all", sentenceScore(results, (r) => inSplit(r) && FRESH(r))));
      for (const loc of ["zh-CN", "en-US"] as const) console.log(line(loc, sentenceScore(results, (r) => inSplit(r) && FRESH(r) && r.locale === loc)));
      console.log("  round 5 (rows 558+, written before round 5's tuning, never tuned on):");
      console.log(line("all", sentenceScore(results, (r) => inSplit(r) && ROUND5(r))));
      for (const loc of ["zh-CN", "en-US"] as const) console.log(line(loc, sentenceScore(results, (r) => inSplit(r) && ROUND5(r) && r.locale === loc)));
      for (const rule of RULES) console.log(line(rule, ruleScore(results, rule, (r) => inSplit(r) && ROUND5(r))));
      console.log("  round 4 (rows 478-557, written before round 4's tuning; tuned on in round 5):");
      console.log(line("all", sentenceScore(results, (r) => inSplit(r) && ROUND4(r))));
      for (const loc of ["zh-CN", "en-US"] as const) console.log(line(loc, sentenceScore(results, (r) => inSplit(r) && ROUND4(r) && r.locale === loc)));
      for (const rule of RULES) console.log(line(rule, ruleScore(results, rule, (r) => inSplit(r) && ROUND4(r))));
      console.log("  rows 358-477 (older holdout):");
      console.log(line("all", sentenceScore(results, (r) => inSplit(r) && FRESH(r) && !ROUND4(r) && !ROUND5(r))));
      for (const loc of ["zh-CN", "en-US"] as const) console.log(line(loc, sentenceScore(results, (r) => inSplit(r) && FRESH(r) && !ROUND4(r) && !ROUND5(r) && r.locale === loc)));
      for (const rule of RULES) console.log(line(rule, ruleScore(results, rule, (r) => inSplit(r) && FRESH(r) && !ROUND4(r) && !ROUND5(r))));
    }
  }
  // The blind rounds: the only figures here that say how the check does on wording it was not
  // tuned on (blind.tsv's header says how they were written and what they measured).
  const blind = runCorpus(readCorpus(BLIND));
  for (const [name, inRound] of [["blind round 6", BLIND6], ["blind round 7", BLIND7]] as const) {
    console.log(`${name} (${blind.filter((r) => inRound(r.row)).length} sentences, never tuned on)`);
    console.log(line("all", sentenceScore(blind, inRound)));
    for (const loc of ["zh-CN", "en-US"] as const) console.log(line(loc, sentenceScore(blind, (r) => inRound(r) && r.locale === loc)));
    for (const rule of RULES) console.log(line(rule, ruleScore(blind, rule, inRound)));
  }
  // The later rounds, each in its own file: the whole check and the rules alone (the statistical
  // model is trained on the files bench/train-compliance.ts lists; a round it was not trained on is
  // the honest measure of it). `--file F` adds any file of the same columns (a new blind round).
  const files = ["blind8.tsv", "blind9.tsv", ...argv.filter((a, i) => argv[i - 1] === "--file")];
  for (const f of files) {
    const file = path.isAbsolute(f) ? f : path.join(path.dirname(CORPUS), f);
    if (!fs.existsSync(file)) continue;
    const rows = readCorpus(file);
    for (const [name, o] of [["rules + model", {}], ["rules alone", { model: false }]] as const) {
      const res = runCorpus(rows, o);
      console.log(`${path.basename(file)} (${rows.length} sentences), ${name}`);
      console.log(line("all", sentenceScore(res)));
      for (const loc of ["zh-CN", "en-US"] as const) console.log(line(loc, sentenceScore(res, (r) => r.locale === loc)));
      if (name === "rules + model") console.log(line("likely-promise", ruleScore(res, "likely-promise")));
    }
  }
  // Ordinary texts: every labelled row of every file beside the corpus, each checked once warm (session 10: the rules
  // grew and a text's own units are read for client lines and frames; the figure to watch beside the long texts).
  const all = fs.readdirSync(path.dirname(CORPUS)).filter((f) => f.endsWith(".tsv")).flatMap((f) => readCorpus(path.join(path.dirname(CORPUS), f)));
  for (const r of all.slice(0, 200)) checkText(r.sentence);
  const ms = all.map((r) => { const t0 = process.hrtime.bigint(); checkText(r.sentence); return Number(process.hrtime.bigint() - t0) / 1e6; }).sort((a, b) => a - b);
  console.log(`ordinary texts (${all.length}, every labelled file): median ${ms[Math.floor(ms.length / 2)].toFixed(3)} ms, p95 ${ms[Math.floor(ms.length * 0.95)].toFixed(3)} ms, max ${ms[ms.length - 1].toFixed(1)} ms`);
  console.log("long texts (10,000 characters each; ms for one check, first run / best of 3):");
  for (const r of pathologicalTimings()) console.log(`  ${r.name.padEnd(42)} ${r.firstMs.toFixed(1).padStart(7)} / ${r.bestMs.toFixed(1).padStart(6)} ms  (${r.findings} findings)`);
  if (argv.includes("--misses")) {
    console.log("\nmisses:");
    for (const r of results) {
      const wrong = (r.row.label === "flag") !== r.flagged || r.row.rules.some((x) => !r.fired.includes(x));
      if (wrong && argv.includes("--hide-round4") && (ROUND4(r.row) || ROUND5(r.row))) continue;
      if (wrong && argv.includes("--hide-round5") && ROUND5(r.row)) continue;
      if (wrong) console.log(`  ${r.row.id} ${r.row.split} ${r.row.label} want ${r.row.rules.join("+") || "-"} got ${r.fired.join("+") || "-"}  ${r.row.sentence}  ${JSON.stringify(checkText(r.row.sentence).map((x) => x.text))}`);
    }
  }
}

if (require.main === module) main(process.argv.slice(2));
