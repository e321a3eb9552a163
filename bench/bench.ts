// npm run bench: figures and ratios against baselines run in the same process, never a timed unit test.
//  1. The exact engine on 1,000,000 lots against a plain float64 loop over the same lots.
//  2. `lossdesk analyze` end to end on a 200,000-lot workbook (seconds, peak RSS), against
//     ExcelJS's streaming reader merely reading the same file.
//  3. `lossdesk analyze --out` on the same workbook (the grafting writer), against LibreOffice
//     opening the same file and re-saving it as .xlsx (soffice --headless --convert-to xlsx).

import fs from "fs";
import os from "os";
import path from "path";
import { spawnSync } from "child_process";
import { computeLosses } from "../src/core/engine";
import { Lot, ProductInfo } from "../src/core/input";

const ROOT = path.join(__dirname, "..", "..", ".."); // build/cli/bench -> the repository
const LOTS = Number(process.env.BENCH_LOTS ?? 1_000_000);
const WORKBOOK_CLIENTS = Number(process.env.BENCH_CLIENTS ?? 100_000);

function mulberry32(seed: number) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COLS = { first: "A", last: "Q" };

function makeLots(n: number) {
  const rnd = mulberry32(42);
  const products = new Map<string, ProductInfo>();
  const codes: string[] = [];
  for (let p = 0; p < 20; p++) {
    const code = `P${String(p).padStart(3, "0")}`;
    codes.push(code);
    products.set(code, { code, risk: ((p % 5) + 1) as 1 | 2 | 3 | 4 | 5, navs: [
      { date: "2026-06-01", unitNav: 1.5 }, { date: "2026-11-27", unitNav: Math.round((0.8 + rnd() * 0.6) * 1e4) / 1e4 },
    ] });
  }
  const lots: Lot[] = [];
  const clients = Math.floor(n / 2);
  for (let i = 0; i < n; i++) {
    const shares = Math.round(rnd() * 1e8) / 100;
    const costNav = Math.round((0.9 + rnd() * 0.7) * 1e4) / 1e4;
    const withAmount = rnd() < 0.9;
    const fee = rnd() < 0.5 ? 0 : Math.round(rnd() * 5000) / 100;
    lots.push({
      sheet: "客户持仓", row: i + 2, cols: COLS,
      clientId: `C${String(Math.floor(rnd() * clients)).padStart(7, "0")}`,
      productCode: codes[Math.floor(rnd() * codes.length)],
      shares, costNav, fee,
      costAmount: withAmount ? Math.round(shares * costNav * 100) / 100 + fee : undefined,
      dividends: rnd() < 0.1 ? Math.round(rnd() * 10000) / 100 : undefined,
      clientRisk: ((i % 5) + 1) as 1 | 2 | 3 | 4 | 5, age: 20 + (i % 70), totalAssets: 1e6, complaints: 0,
    });
  }
  return { lots, products };
}

/** The same work as the engine in float64: per lot, position, client and product sums, rates. */
function floatLoop(lots: Lot[], products: Map<string, ProductInfo>) {
  const nav = new Map<string, number>();
  for (const [code, p] of products) nav.set(code, p.navs[p.navs.length - 1].unitNav);
  const clients = new Map<string, { cost: number; mv: number; div: number; pos: Map<string, { cost: number; mv: number; div: number }> }>();
  const prod = new Map<string, { cost: number; mv: number; pnl: number }>();
  for (let i = 0; i < lots.length; i++) {
    const l = lots[i];
    const cost = l.costAmount !== undefined ? l.costAmount : l.shares * l.costNav! + (l.fee ?? 0);
    const mv = l.shares * nav.get(l.productCode)!;
    const div = l.dividends ?? 0;
    let c = clients.get(l.clientId);
    if (!c) { c = { cost: 0, mv: 0, div: 0, pos: new Map() }; clients.set(l.clientId, c); }
    let p = c.pos.get(l.productCode);
    if (!p) { p = { cost: 0, mv: 0, div: 0 }; c.pos.set(l.productCode, p); }
    p.cost += cost; p.mv += mv; p.div += div;
    let q = prod.get(l.productCode);
    if (!q) { q = { cost: 0, mv: 0, pnl: 0 }; prod.set(l.productCode, q); }
    q.cost += cost; q.mv += mv; q.pnl += mv + div - cost;
  }
  let total = 0;
  for (const c of clients.values()) {
    for (const p of c.pos.values()) { c.cost += p.cost; c.mv += p.mv; c.div += p.div; }
    const pnl = c.mv + c.div - c.cost;
    total += pnl / c.cost;
  }
  return total;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

function best<T>(runs: number, fn: () => T): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    (global as { gc?: () => void }).gc?.();
    min = Math.min(min, time(fn).ms);
  }
  return min;
}

function engineBench() {
  const { lots, products } = makeLots(LOTS);
  console.log(`1. engine on ${LOTS.toLocaleString("en-US")} lots (best of 3, after a warm-up run)`);
  floatLoop(lots, products);
  computeLosses(lots, products, "2026-11-27");
  const floatMs = best(3, () => floatLoop(lots, products));
  const exactMs = best(3, () => computeLosses(lots, products, "2026-11-27"));
  console.log(`   float64 loop          ${floatMs.toFixed(0).padStart(7)} ms`);
  console.log(`   exact engine          ${exactMs.toFixed(0).padStart(7)} ms   (incl. risk scores and ranking)`);
  console.log(`   ratio exact/float     ${(exactMs / floatMs).toFixed(2).padStart(7)} x   (target: within 5x)`);
}

function child(script: string, args: string[]) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["-e", script, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26 });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`child failed (${r.status}): ${r.stderr}`);
  const m = /MAXRSS (\d+)/.exec(r.stderr);
  return { s, rssMb: m ? Number(m[1]) / 1024 : NaN, stdout: r.stdout, stderr: r.stderr };
}

function workbookBench() {
  const dir = path.join(os.tmpdir(), "lossdesk-bench");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `sample-${WORKBOOK_CLIENTS}.xlsx`);
  if (!fs.existsSync(file)) {
    const r = spawnSync(process.execPath, ["bin/lossdesk.js", "sample", "--clients", String(WORKBOOK_CLIENTS), "--products", "8", "--seed", "3", "--out", file], { cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) throw new Error(r.stderr);
  }
  const mb = fs.statSync(file).size / 1e6;
  const report = `process.on("exit", () => process.stderr.write("MAXRSS " + process.resourceUsage().maxRSS + "\\n"));`;
  const exceljs = `${report}
    const ExcelJS = require("exceljs");
    (async () => { let n = 0;
      const r = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[1], { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit" });
      for await (const ws of r) for await (const row of ws) n++;
      console.log(n); })();`;
  const analyze = `${report}
    require("./build/cli/src/cli/main.js").main(["analyze", process.argv[1], "--json", process.argv[2]], { write() { return true; } }).then((c) => { process.exitCode = c; });`;
  console.log(`2. lossdesk analyze end to end on ${file} (${mb.toFixed(1)} MB)`);
  const base = child(exceljs, [file]);
  const json = path.join(dir, "result.json");
  const run = child(analyze, [file, json]);
  const result = JSON.parse(fs.readFileSync(json, "utf8"));
  console.log(`   rows read by ExcelJS streaming reader: ${base.stdout.trim()}; lots analysed: ${result.totals.lotsAccepted} of ${result.totals.lotRows}`);
  console.log(`   ExcelJS stream read   ${base.s.toFixed(2).padStart(7)} s  ${base.rssMb.toFixed(0).padStart(5)} MB peak RSS`);
  console.log(`   lossdesk analyze      ${run.s.toFixed(2).padStart(7)} s  ${run.rssMb.toFixed(0).padStart(5)} MB peak RSS   (targets: < 8 s, < 500 MB)`);
  console.log(`   ratio analyze/read    ${(run.s / base.s).toFixed(2).padStart(7)} x time, ${(run.rssMb / base.rssMb).toFixed(2)} x memory`);
}

function outBench() {
  const dir = path.join(os.tmpdir(), "lossdesk-bench");
  const file = path.join(dir, `sample-${WORKBOOK_CLIENTS}.xlsx`);
  if (!fs.existsSync(file)) workbookBench();
  const mb = fs.statSync(file).size / 1e6;
  const out = path.join(dir, "out.xlsx");
  const report = `process.on("exit", () => process.stderr.write("MAXRSS " + process.resourceUsage().maxRSS + "\\n"));`;
  const analyzeOut = `${report}
    require("./build/cli/src/cli/main.js").main(["analyze", process.argv[1], "--out", process.argv[2]], { write() { return true; } }).then((c) => { process.exitCode = c; });`;
  console.log(`3. lossdesk analyze --out on ${file} (${mb.toFixed(1)} MB), against LibreOffice re-saving it`);
  const soffice = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).stdout.trim();
  let lo: { s: number; rssMb: number } | undefined;
  if (soffice) {
    const loDir = path.join(dir, "libreoffice");
    fs.rmSync(loDir, { recursive: true, force: true });
    fs.mkdirSync(loDir, { recursive: true });
    // /usr/bin/time -v gives the converter's peak RSS (soffice.bin is its child: -v reports the largest)
    const timed = fs.existsSync("/usr/bin/time");
    const profile = `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`;
    const argv = [profile, "--headless", "--convert-to", "xlsx", "--outdir", loDir, file];
    const t0 = process.hrtime.bigint();
    const r = timed ? spawnSync("/usr/bin/time", ["-v", soffice, ...argv], { encoding: "utf8" }) : spawnSync(soffice, argv, { encoding: "utf8" });
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0 || !fs.existsSync(path.join(loDir, path.basename(file)))) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? "");
    lo = { s, rssMb: m ? Number(m[1]) / 1024 : NaN };
  }
  const run = child(analyzeOut, [file, out]);
  const outMb = fs.statSync(out).size / 1e6;
  if (lo) console.log(`   LibreOffice re-save   ${lo.s.toFixed(2).padStart(7)} s  ${Number.isNaN(lo.rssMb) ? "    ?" : lo.rssMb.toFixed(0).padStart(5)} MB peak RSS`);
  else console.log("   LibreOffice re-save   (soffice not installed: no baseline)");
  console.log(`   lossdesk --out        ${run.s.toFixed(2).padStart(7)} s  ${run.rssMb.toFixed(0).padStart(5)} MB peak RSS   (target: <= 400 MB; output ${outMb.toFixed(1)} MB)`);
  if (lo) console.log(`   ratio --out/LibreOffice ${(run.s / lo.s).toFixed(2).padStart(5)} x time   (target: <= 1.0)`);
}

const only = process.env.BENCH_ONLY;
if (!only || only === "engine") engineBench();
if (!only || only === "workbook") workbookBench();
if (!only || only === "out") outBench();

// 3. The streaming steps (issue 11): bench/stream-bench.ts.
if (!only || only === "stream") void import("./stream-bench").then((m) => m.streamBench());
