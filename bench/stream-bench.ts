// npm run bench, the streaming steps (issue 11): `lossdesk analyze` on 200,000 and 1,048,000 lots
// against LibreOffice reading the same .xlsx in the same run (soffice --headless --convert-to
// csv, timed with /usr/bin/time -v for its peak RSS), and 10,000,000 lots from CSV (seconds, lots
// per second, peak RSS). Workbooks and the CSV are cached under the system temp folder.
// BENCH_ONLY=stream runs only these; BENCH_STREAM_SIZES=200k,1m,10m picks the steps.

import fs from "fs";
import os from "os";
import path from "path";
import { spawnSync } from "child_process";

const ROOT = path.join(__dirname, "..", "..", ".."); // build/cli/bench -> the repository
const DIR = path.join(os.tmpdir(), "lossdesk-bench");

interface Timed { s: number; rssMb: number; status: number | null; stderr: string }

/** Runs a command under /usr/bin/time -v: wall seconds and the peak RSS of the biggest process. */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Timed {
  const r = spawnSync("/usr/bin/time", ["-v", cmd, ...args], { cwd: ROOT, encoding: "utf8", env, maxBuffer: 1 << 26 });
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  const s = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
  return { s, rssMb: rss ? Number(rss[1]) / 1024 : NaN, status: r.status, stderr: r.stderr };
}

function sampleWorkbook(clients: number): string {
  fs.mkdirSync(DIR, { recursive: true });
  const file = path.join(DIR, `sample-${clients}.xlsx`);
  if (!fs.existsSync(file)) {
    console.log(`   generating ${file} (cached for later runs) ...`);
    const r = spawnSync(process.execPath, ["--max-old-space-size=6000", "bin/lossdesk.js", "sample", "--clients", String(clients), "--products", "8", "--seed", "3", "--out", file], { cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) throw new Error(r.stderr);
  }
  return file;
}

function libreOffice(file: string): Timed {
  const out = path.join(DIR, "lo-out-stream");
  fs.mkdirSync(out, { recursive: true });
  // A profile of our own: a second soffice on the machine would otherwise hand the job to the first.
  const profile = `file://${path.join(DIR, "lo-profile-stream")}`;
  return timed("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "csv", "--outdir", out, file]);
}

function analyzeRun(args: string[]): Timed {
  return timed(process.execPath, ["bin/lossdesk.js", "analyze", ...args]);
}

function workbookStep(label: string, clients: number, target: { ratio: number; rssMb: number }) {
  const file = sampleWorkbook(clients);
  const json = path.join(DIR, "stream-result.json");
  console.log(`${label}: ${file} (${(fs.statSync(file).size / 1e6).toFixed(1)} MB), load average ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}`);
  const lo = libreOffice(file);
  const run = analyzeRun([file, "--json", json]);
  if (run.status !== 0) throw new Error(`lossdesk failed: ${run.stderr}`);
  const totals = readTotals(json);
  const ratio = run.s / lo.s;
  console.log(`   lots analysed          ${totals.lotsAccepted.toLocaleString("en-US")} of ${totals.lotRows.toLocaleString("en-US")} rows, ${totals.clients.toLocaleString("en-US")} clients`);
  console.log(`   LibreOffice read      ${lo.s.toFixed(2).padStart(7)} s  ${lo.rssMb.toFixed(0).padStart(5)} MB peak RSS${lo.status === 0 ? "" : "  (soffice exit " + lo.status + ")"}`);
  console.log(`   lossdesk analyze      ${run.s.toFixed(2).padStart(7)} s  ${run.rssMb.toFixed(0).padStart(5)} MB peak RSS`);
  console.log(`   ratio                 ${ratio.toFixed(2).padStart(7)} x time (target <= ${target.ratio}x: ${ratio <= target.ratio ? "met" : "NOT met"}), `
    + `peak RSS target <= ${target.rssMb} MB: ${run.rssMb <= target.rssMb ? "met" : "NOT met"}`);
  console.log(`   load average after    ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}`);
}

/** Only the totals of a result JSON, without parsing its (big) client list. */
function readTotals(json: string): { lotRows: number; lotsAccepted: number; clients: number } {
  const fd = fs.openSync(json, "r");
  const size = fs.fstatSync(fd).size;
  const n = Math.min(size, 1 << 20);
  const buf = Buffer.alloc(n);
  fs.readSync(fd, buf, 0, n, size - n);
  fs.closeSync(fd);
  const tail = buf.toString("utf8");
  const m = /"totals": (\{[^}]*\})/.exec(tail);
  return m ? JSON.parse(m[1]) : { lotRows: NaN, lotsAccepted: NaN, clients: NaN };
}

const CSV_LOTS = Number(process.env.BENCH_CSV_LOTS ?? 10_000_000);
const CSV_CLIENTS = Number(process.env.BENCH_CSV_CLIENTS ?? 500_000);

/** NAV and holdings CSV files, written as a stream (never whole in memory). */
async function csvFiles(): Promise<{ nav: string; holdings: string }> {
  const dir = path.join(DIR, `csv-${CSV_LOTS}-${CSV_CLIENTS}-v2`);
  const nav = path.join(dir, "nav.csv");
  const holdings = path.join(dir, "holdings.csv");
  if (fs.existsSync(holdings) && fs.existsSync(path.join(dir, "done"))) return { nav, holdings };
  fs.mkdirSync(dir, { recursive: true });
  console.log(`   generating ${holdings} (${CSV_LOTS.toLocaleString("en-US")} rows, cached for later runs) ...`);
  const products = 20;
  const navLines = ["产品代码,产品名称,风险等级,净值日期,单位净值"];
  for (let p = 0; p < products; p++) {
    for (let d = 0; d < 100; d++) {
      const date = new Date(Date.UTC(2026, 7, 1) + d * 86400000).toISOString().slice(0, 10);
      const unit = (1.5 - (p % 7) * 0.05 * (d / 99)).toFixed(4);
      navLines.push(`P${String(p).padStart(3, "0")},产品${p},R${(p % 5) + 1},${date},${unit}`);
    }
  }
  fs.writeFileSync(nav, navLines.join("\r\n") + "\r\n");
  const out = fs.createWriteStream(holdings);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r())));
  await write("客户编号,客户姓名,产品代码,持有份额,买入金额,客户风险等级,年龄\r\n");
  let seed = 7;
  // 32-bit LCG in integer arithmetic (a plain multiply loses bits past 2^53 and cycles early).
  const rnd = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 4294967296; };
  let buf = "";
  for (let i = 0; i < CSV_LOTS; i++) {
    const client = Math.floor(rnd() * CSV_CLIENTS);
    const shares = Math.round(rnd() * 1e7) / 100;
    buf += `C${String(client).padStart(7, "0")},客户${client},P${String(Math.floor(rnd() * products)).padStart(3, "0")},${shares},${(shares * 1.45).toFixed(2)},C${(client % 5) + 1},${20 + (client % 70)}\r\n`;
    if (buf.length > 1 << 20) { await write(buf); buf = ""; }
  }
  await write(buf);
  await new Promise<void>((r) => out.end(() => r()));
  fs.writeFileSync(path.join(dir, "done"), "");
  return { nav, holdings };
}

async function csvStep() {
  const { nav, holdings } = await csvFiles();
  console.log(`10,000,000 lots from CSV: ${holdings} (${(fs.statSync(holdings).size / 1e6).toFixed(0)} MB), ${CSV_CLIENTS.toLocaleString("en-US")} clients, load average ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}`);
  const json = path.join(DIR, "stream-csv-result.json");
  for (const lots of (process.env.BENCH_CSV_MODES ?? "none,source").split(",")) {
    const run = analyzeRun(["--nav", nav, "--holdings", holdings, "--lots", lots, "--json", json]);
    if (run.status !== 0) { console.log(`   --lots ${lots}: failed (exit ${run.status}): ${run.stderr.split("\n").slice(0, 3).join(" ")}`); continue; }
    const t = readTotals(json);
    console.log(`   --lots ${lots.padEnd(6)}  ${run.s.toFixed(1).padStart(6)} s  ${Math.round(t.lotsAccepted / run.s).toLocaleString("en-US").padStart(9)} lots/s  ${run.rssMb.toFixed(0).padStart(5)} MB peak RSS  (${t.lotsAccepted.toLocaleString("en-US")} lots, ${t.clients.toLocaleString("en-US")} clients, JSON ${(fs.statSync(json).size / 1e6).toFixed(0)} MB)`);
  }
  fs.rmSync(json, { force: true });
}

/** The preview in chromium on the 200,000-lot workbook: test/e2e/preview-heap.e2e.test.ts prints the JS heap. */
function previewStep() {
  const file = sampleWorkbook(100_000);
  console.log(`preview in chromium: ${file}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}`);
  const r = spawnSync(process.execPath, ["scripts/e2e.js", "preview-heap"], {
    cwd: ROOT, encoding: "utf8", env: { ...process.env, LOSSDESK_E2E_HEAP_FILE: file }, maxBuffer: 1 << 26,
  });
  const line = /PREVIEW-HEAP .*/.exec(r.stdout + r.stderr);
  console.log(`   ${line ? line[0] : "no heap figure"}${r.status === 0 ? "" : `  (e2e exit ${r.status}: ${(r.stderr || "").split("\n").filter((l) => /✕|Error|crash/i.test(l)).slice(0, 3).join(" ")})`}`);
}

export async function streamBench(): Promise<void> {
  const sizes = (process.env.BENCH_STREAM_SIZES ?? "200k,1m,10m,preview").split(",");
  console.log("3. streaming analysis against LibreOffice reading the same file (2-core machine shared with other jobs: figures are noisy)");
  if (sizes.includes("200k")) workbookStep("200,000 lots", 100_000, { ratio: 0.8, rssMb: 300 });
  if (sizes.includes("1m")) workbookStep("1,048,000 lots", 523_700, { ratio: 1.0, rssMb: 700 });
  if (sizes.includes("10m")) await csvStep();
  if (sizes.includes("preview")) previewStep();
}
