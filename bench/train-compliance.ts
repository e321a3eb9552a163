// Trains the compliance check's statistical model (src/core/compliance-model.ts) and writes its
// weights to src/core/compliance-model.json: `npm run train:compliance`.
//
// Training data: the tuning files only (TRAINING_FILES). The corpus's holdout quarter is left out,
// so `npm run check:corpus` can report the whole check on sentences neither the model nor this
// round's rules were fitted to, and so are the blind rounds still unseen (blind13 now, and blind12
// and blind14, which chose the threshold: their headers say so); a test (test/compliance-model.test.ts) checks that no unseen round is listed.
// Deterministic (a fixed-seed shuffle, plain SGD in a fixed order): the same files give the same
// weights, and the test retrains and compares them to the committed file.

import fs from "fs";
import path from "path";
import { modelUnitTexts, normalisedText } from "../src/core/compliance";
import { analyzeWorkbook } from "../src/core/analysis";
import { CHANNELS, DEFAULT_TEMPLATES, renderDraft } from "../src/core/drafts";
import { generateSample } from "../src/core/sample";
import { tableRows } from "../src/core/workbook";
import { type PromiseModel, type StoredModel, encodeWeights, promiseFeatures } from "../src/core/compliance-model";
import { CORPUS, type CorpusRow, readCorpus } from "./compliance-eval";

/** The files the model learns from, beside corpus.tsv; every row of them except corpus.tsv's holdout split. */
export const TRAINING_FILES = ["corpus.tsv", "blind.tsv", "blind8.tsv", "blind9.tsv", "blind10.tsv", "train12.tsv", "train13-zh.tsv", "blind11.tsv", "train13-en.tsv", "train14-zh.tsv", "train14-en.tsv", "lookalikes.tsv",
  "blind12.tsv", "blind14.tsv", "blind15.tsv", "train15-zh.tsv", "train15-en.tsv", "train16-zh.tsv", "train16-en.tsv", "blind16.tsv", "blind17.tsv", "train17-zh.tsv", "train17-en.tsv", "blind18.tsv", "train18-zh.tsv", "train18-en.tsv"];
export const MODEL_FILE = path.join(path.dirname(CORPUS), "..", "..", "..", "src", "core", "compliance-model.json");

export interface TrainOptions { nmax: number; bits: number; epochs: number; rate: number; l2: number; seed: number }
/**
 * Chosen in session 8 on train12.tsv in two folds (each half held out, the model trained on the rest
 * and blind10): 16,384 buckets and a rate of 0.4 gained 1-2 points of precision and 2-4 of recall
 * over 8,192 and 0.2 (zh 0.946/0.870 -> 0.958/0.920 and 0.919/0.910 -> 0.929/0.920; en 0.940/0.806 ->
 * 0.952/0.816 and 0.938/0.882 -> 0.959/0.922); more buckets, epochs or less L2 gained nothing.
 * Session 9, with 1,600 more sentences, in three folds over 1,850 of them: 65,536 buckets
 * 0.943/0.907 -> 0.950/0.917 at the same threshold; 131,072, nmax 3 or 5, more epochs, a larger
 * rate, less or more L2, and negation-scope word features gained nothing beyond noise.
 */
export const TRAIN_DEFAULTS: TrainOptions = { nmax: 4, bits: 16, epochs: 30, rate: 0.4, l2: 1e-3, seed: 1 };

export function trainingRows(): CorpusRow[] {
  return [...TRAINING_FILES.flatMap((f) => readCorpus(path.join(path.dirname(CORPUS), f))
    .filter((r) => f !== "corpus.tsv" || r.split === "tune")), ...ownTextRows()];
}

/**
 * LossDesk's own wording as honest sentences: every sentence of the built-in templates, as written
 * (with their {placeholders}) and as drafted for the sample's clients. Without them the model,
 * which learnt "will" from promises, took "I will be in touch on Friday" and "Dear Mr Li," for
 * promises. A promise typed into a template is still the rules' to find: the model never removes
 * a rule's finding.
 */
export function ownTextRows(): CorpusRow[] {
  // The sample as a sheet of header + rows (the sample's tables have no preamble).
  const sheets = generateSample({ clients: 40, products: 6, seed: 7 }).sheets
    .map((s) => ({ name: s.name, rows: [s.columns.map((c) => c.header), ...tableRows(s)], tables: [] }));
  const a = analyzeWorkbook({ sheets });
  const texts: string[] = [];
  for (const t of Object.values(DEFAULT_TEMPLATES)) texts.push(t.parts.join("\n"));
  for (const locale of ["zh-CN", "en-US"] as const) {
    for (const c of a.clients) for (const ch of CHANNELS) texts.push(renderDraft(a, c, ch, locale, DEFAULT_TEMPLATES, { from: a.asOf }).text);
  }
  const seen = new Set<string>();
  const rows: CorpusRow[] = [];
  for (const text of texts) {
    for (const u of modelUnitTexts(text)) {
      const key = u.replace(/\d/g, "0");
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ id: `own${rows.length + 1}`, locale: /[\u4e00-\u9fff]/.test(u) ? "zh-CN" : "en-US", label: "honest", rules: [], split: "tune", sentence: u });
    }
  }
  return rows;
}

/** Logistic regression by plain SGD (decaying rate, L2), then the weights quantised to bytes. */
export function trainPromiseModel(rows: readonly CorpusRow[], o: TrainOptions = TRAIN_DEFAULTS): PromiseModel {
  let seed = o.seed;
  const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const data = rows.map((r) => ({ x: [...promiseFeatures(normalisedText(r.sentence), o.nmax, o.bits)], y: r.label === "flag" ? 1 : 0 }));
  const w = new Float64Array(1 << o.bits);
  let bias = 0;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const rate = o.rate / (1 + epoch * 0.1);
    for (let i = data.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [data[i], data[j]] = [data[j], data[i]]; }
    for (const { x, y } of data) {
      const scale = 1 / Math.sqrt(x.length);
      let z = bias;
      for (const f of x) z += w[f] * scale;
      const g = 1 / (1 + Math.exp(-z)) - y;
      for (const f of x) w[f] -= rate * (g * scale + o.l2 * w[f]);
      bias -= rate * g * 0.1;
    }
  }
  let max = 0;
  for (const v of w) max = Math.max(max, Math.abs(v));
  const scale = max / 127 || 1;
  const q = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.round(w[i] / scale);
  return { nmax: o.nmax, bits: o.bits, bias: Number(bias.toFixed(6)), scale: Number(scale.toPrecision(8)), weights: q };
}

export function modelJson(m: PromiseModel): string {
  const stored: StoredModel = { nmax: m.nmax, bits: m.bits, bias: m.bias, scale: m.scale, weights: encodeWeights(m.weights) };
  return `${JSON.stringify(stored)}\n`;
}

if (require.main === module) {
  const rows = trainingRows();
  const t0 = Date.now();
  const m = trainPromiseModel(rows);
  fs.writeFileSync(MODEL_FILE, modelJson(m));
  console.log(`${rows.length} sentences (${rows.filter((r) => r.label === "flag").length} promises), ${m.weights.filter((v) => v !== 0).length} of ${m.weights.length} buckets non-zero, ${Date.now() - t0} ms -> ${path.relative(process.cwd(), MODEL_FILE)}`);
}
