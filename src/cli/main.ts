// `lossdesk`: the same pipeline as the task pane, on .xlsx files.
//   lossdesk analyze <input.xlsx> [--as-of YYYY-MM-DD] [--json <file>|-] [--out <output.xlsx>]
//                    [--locale zh-CN|en-US] [--scoring <scoring.json>]
//   lossdesk sample --clients N --products M [--seed S] [--as-of YYYY-MM-DD] --out file.xlsx

import fs from "fs";
import v8 from "v8";
import vm from "vm";
import path from "path";
import { GENERATED_SHEETS, writeResultJson, Analysis, type JsonOptions } from "../core/analysis";
import { buildOutputs } from "../core/outputs";
import type { WorkbookSnapshot } from "../core/workbook";
import { draftCommand } from "./draft";
import { Args, UsageError, defaultLocale, parseArgs, scoringOf, str, writeNewWorkbook } from "./args";
import { drillCommand } from "./drill";
import { complaintsCommand } from "./complaints";
import { eventAnalyzeOptions, eventCommand, liveEventAnalyze } from "./event";
import { checkCommand, CHECK_HELP } from "./check";
import { writeJson } from "./json-out";
import { InputFatalError } from "../core/input";
import { Locale, flagLabel, isLocale, ui } from "../core/i18n";
import { DEFAULT_SCORING } from "../core/risk";
import { cellRef } from "../core/sheet-address";
import { formatNav, formatPercent, formatYuan } from "../core/format";
import { readDate } from "../core/values";
import { localDateTime } from "../core/contact";
import { generateSample } from "../core/sample";
import { WorkbookReadError, describeReadError, describeReadWarning, openXlsxBytesStream, openXlsxFileStream } from "../adapters/xlsx/read";
import { graftWorkbookFile, openPackageFile } from "../adapters/xlsx/graft-node";
import { GraftError, describeGraftError, type InputPackage } from "../adapters/xlsx/graft";
import { analyzeStream, readSheets, type StreamWorkbook } from "../core/stream-input";
import { CsvReadError, openCsvStream } from "../adapters/csv/read";

const VALUE_FLAGS = new Set(["--lots", "--nav", "--holdings", "--products-file", "--encoding", "--as-of", "--json", "--out", "--locale", "--scoring", "--clients", "--products", "--seed", "--top", "--client", "--channel",
  "--bank-name", "--hotline", "--complaint-channel", "--generated-at", "--regulator-report", "--report-deadlines"]);
const BOOL_FLAGS = new Set(["--help", "--version"]);

const HELP = `lossdesk: 理财产品亏损应急分析 / loss response for wealth-management products

  lossdesk analyze <input.xlsx> [--as-of YYYY-MM-DD] [--json <file>|-] [--out <output.xlsx>]
                   [--locale zh-CN|en-US] [--scoring <scoring.json>] [--top N]
      读取净值表与客户持仓表，计算每位客户的盈亏与风险评分。
      Reads the NAV and holdings tables; computes each client's loss and risk score.
      --json   写出结果 JSON（- 为标准输出） / write the result JSON (- for stdout)
      --out    写出新工作簿：原有内容逐字节保留，另加亏损明细、风险评估报告、沟通草稿（及话术模板）；
               .xlsm 输入须写出 .xlsm
               a new workbook: the input kept byte for byte, plus client losses, the risk report, drafts
               (and templates); an .xlsm input needs an .xlsm output
      --bank-name / --hotline / --complaint-channel  信函与短信中的银行名称、客服热线、投诉渠道
               the bank's name, service hotline and complaint channel for letters and the SMS signature
      --generated-at YYYY-MM-DDTHH:MM  生成时间（默认现在）：联系截止与信函日期自此起算
               the generation time (default now): contact deadlines and letter dates count from it
      --lots source|none  JSON 中是否列出每笔持仓的来源单元格（默认 source） / per-lot source cells in the JSON or not
  lossdesk analyze --nav <nav.csv> --holdings <holdings.csv> [--products-file <p.csv>] | <folder> | <a.csv> <b.csv>
                   [--encoding auto|utf-8|gb18030] [--as-of] [--json] [--lots] [--locale] [--scoring] [--top]
      CSV 文件（按表头识别，不看文件名；UTF-8 或 GB18030/GBK，auto 自动判断），问题以 文件:行:列 标明
      CSV files (recognised by their header row, not their name; UTF-8 or GB18030/GBK); issues as file:line:column
  lossdesk draft <input.xlsx> --client <id> --channel phone|sms|wechat|letter [--locale zh-CN|en-US] [--as-of]
                 [--bank-name] [--hotline] [--complaint-channel] [--generated-at]
      打印一位客户一个渠道的沟通草稿及合规检查结果 / prints one draft and its compliance findings
${CHECK_HELP}
  lossdesk sample --clients N --products M [--seed S] [--as-of YYYY-MM-DD] --out <file.xlsx>
      生成确定性的示例工作簿 / writes a deterministic synthetic workbook

  lossdesk complaints <workbook.xlsx> [--as-of YYYY-MM-DD] [--json <file>|-] [--locale zh-CN|en-US]
      按答复期限列出未办结投诉（投诉登记表），逾期与 3 日内到期另计 / open complaints by reply deadline
  lossdesk event new [<input.xlsx>] [--discovered "YYYY-MM-DD HH:MM"] [--report-deadlines 30m/1h|2h/24h] --out <event.xlsx>
      启动应急事件：应急响应清单、投诉登记、舆情记录 / starts a live event (lossdesk event --help)
  analyze --out 另写出投诉登记、监管报告（--regulator-report first|update|final，默认初报）、媒体口径、舆情记录
      analyze --out also writes the complaint register, the regulator report, the media statement and log

  lossdesk drill new | score ...
      应急演练：生成演练工作簿、汇总评分 / drills: make a drill workbook, score trainees' workbooks
      (lossdesk drill --help)

Exit codes: 0 analysed (row-level issues included), 2 input cannot be used, 1 unexpected failure.`;

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const say = (s: string) => out.write(s + "\n");
  const complain = (s: string) => err.write(s + "\n");
  // drill has its own sub-commands and flags
  if (argv[0] === "drill") return drillCommand(argv.slice(1), say, complain);
  if (argv[0] === "event") return eventCommand(argv.slice(1), say, complain);
  if (argv[0] === "check") return checkCommand(argv.slice(1), say, complain);
  let args: Args;
  try {
    args = parseArgs(argv, VALUE_FLAGS, BOOL_FLAGS);
  } catch (e) {
    complain(`lossdesk: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  const [command, ...rest] = args.positional;
  if (args.flags.has("--version")) { say("lossdesk 0.1.0"); return 0; }
  if (!command || args.flags.has("--help") || command === "help") { say(HELP); return command || args.flags.has("--help") ? 0 : 2; }
  try {
    if (command === "analyze") return await analyze(rest, args, say, complain);
    if (command === "sample") return await sample(args, say);
    if (command === "complaints") {
      if (!rest[0] || rest.length > 1) throw new UsageError("complaints needs one <workbook.xlsx>");
      return await complaintsCommand({ input: rest[0], locale: localeOf(args), asOf: asOfOf(args), json: str(args, "--json") }, say, complain, (t) => out.write(t));
    }
    if (command === "draft") {
      const input = rest[0];
      const clientId = str(args, "--client");
      const channel = str(args, "--channel");
      if (!input || !clientId || !channel) throw new UsageError("draft needs <input.xlsx> --client <id> --channel <channel>");
      return await draftCommand({ input, clientId, channel, locale: localeOf(args), asOf: asOfOf(args), ...bankOf(args), generatedAt: generatedAtOf(args) }, say, complain);
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (e) {
    if (e instanceof UsageError) { complain(`lossdesk: ${e.message}\n\n${HELP}`); return 2; }
    throw e;
  }
}

function localeOf(args: Args): Locale {
  const l = str(args, "--locale");
  if (l === undefined) return defaultLocale();
  if (!isLocale(l)) throw new UsageError(`--locale must be zh-CN or en-US, not "${l}"`);
  return l;
}

function asOfOf(args: Args): string | undefined {
  const v = str(args, "--as-of");
  if (v === undefined) return undefined;
  const d = readDate(v);
  if (typeof d !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UsageError(`--as-of must be a date YYYY-MM-DD, not "${v}"`);
  return d;
}

function bankOf(args: Args): { bankName?: string; hotline?: string; complaintChannel?: string } {
  return { bankName: str(args, "--bank-name"), hotline: str(args, "--hotline"), complaintChannel: str(args, "--complaint-channel") };
}

/** The one moment every date of this run counts from: --generated-at, else now (local time). */
function generatedAtOf(args: Args): string {
  const v = str(args, "--generated-at");
  if (v === undefined) return localDateTime(new Date());
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/.test(v) || typeof readDate(v.slice(0, 10)) !== "string") {
    throw new UsageError(`--generated-at must be YYYY-MM-DD or YYYY-MM-DDTHH:MM, not "${v}"`);
  }
  return v;
}

function sameFile(a: string, b: string): boolean {
  const real = (p: string) => (fs.existsSync(p) ? fs.realpathSync(p) : path.resolve(p));
  return real(a) === real(b);
}

async function analyze(rest: string[], args: Args, say: (s: string) => void, complain: (s: string) => void): Promise<number> {
  const locale = localeOf(args);
  const zh = locale === "zh-CN";
  // CSV inputs: --nav/--holdings/--products-file, or .csv files and folders as arguments. Which
  // file holds which table is found from its header row, never from its name.
  const csvFlags = ["--nav", "--holdings", "--products-file"].map((f) => str(args, f)).filter((v): v is string => v !== undefined);
  const isCsvArg = (p: string) => /\.csv$/i.test(p) || (fs.existsSync(p) && fs.statSync(p).isDirectory());
  if (csvFlags.length > 0 || (rest.length > 0 && rest.every(isCsvArg))) {
    return analyzeCsv([...rest, ...csvFlags], args, locale, say, complain);
  }
  const input = rest[0];
  if (!input) throw new UsageError("analyze needs an input .xlsx file");
  if (rest.length > 1) throw new UsageError(`unexpected argument "${rest[1]}"`);
  const asOf = asOfOf(args);
  const outPath = str(args, "--out");
  const jsonPath = str(args, "--json");
  const lotsMode = str(args, "--lots") ?? "source";
  if (lotsMode !== "source" && lotsMode !== "none") throw new UsageError(`--lots must be source or none, not "${lotsMode}"`);
  const topN = Number(str(args, "--top") ?? 10);
  if (!Number.isInteger(topN) || topN < 0) throw new UsageError("--top must be a whole number");
  if (!fs.existsSync(input)) { complain(zh ? `lossdesk: 找不到文件 ${input}` : `lossdesk: no such file ${input}`); return 2; }
  if (outPath && sameFile(outPath, input)) {
    complain(zh ? `lossdesk: 不会覆盖输入文件 ${input}；请用 --out 指定另一个文件` : `lossdesk: refusing to write over the input file ${input}; give --out another file`);
    return 2;
  }
  // The output package is checked before anything is read or written: an input the grafting
  // writer refuses (strict OOXML, .xlsb, encrypted) or an output name Excel would not open fails now.
  let pkg: InputPackage | undefined;
  if (outPath) {
    try {
      pkg = openPackageFile(input);
    } catch (e) {
      if (e instanceof GraftError) { complain(`lossdesk: ${input}: ${describeGraftError(e, locale)}`); return 2; }
      if (e instanceof WorkbookReadError) { complain(`lossdesk: ${input}: ${describeReadError(e, locale)}`); return 2; }
      throw e;
    }
    const ext = path.extname(outPath).toLowerCase().slice(1);
    if (["xlsx", "xlsm", "xltx", "xltm"].includes(ext) && ext !== pkg.kind) {
      complain(zh
        ? `lossdesk: 输出文件名 ${outPath} 与输入的类型不符：输入是 .${pkg.kind}${pkg.kind === "xlsm" ? "（含宏）" : ""}，Excel 不会打开扩展名不符的文件；请把 --out 改为 .${pkg.kind}`
        : `lossdesk: the output name ${outPath} does not match the input's kind: the input is an .${pkg.kind}${pkg.kind === "xlsm" ? " (with macros)" : ""} and Excel will not open a file whose extension does not match; name --out .${pkg.kind}`);
      return 2;
    }
    if (!["xlsx", "xlsm", "xltx", "xltm"].includes(ext)) {
      complain(zh ? `lossdesk: 提示：输出文件名 ${outPath} 不以 .${pkg.kind} 结尾，Excel 可能打不开` : `lossdesk: note: the output name ${outPath} does not end in .${pkg.kind}; Excel may not open it`);
    }
  }
  const scoring = scoringOf(args, zh, complain);
  if (scoring === false) return 2;
  tightenHeapForBigInput([input]);
  // With the JSON on stdout, the human summary goes to stderr so the JSON stays parseable.
  const human = jsonPath === "-" ? complain : say;

  let analysis: Analysis;
  let previous: WorkbookSnapshot;
  try {
    // Both ways stream: rows become lots as they are read, no snapshot of the cells is made. With
    // --out only the sheets LossDesk wrote before (statuses, notes, analyst text, templates) are
    // read whole, for regeneration to keep what people typed in them.
    // With --out the package is in memory already (checked above): the file is read once.
    const stream = pkg ? await openXlsxBytesStream(pkg.bytes) : await openXlsxFileStream(input);
    try {
      for (const w of stream.warnings ?? []) complain(`lossdesk: ${input}: ${zh ? "警告" : "warning"}: ${describeReadWarning(w, locale)}`);
      analysis = await analyzeStream(stream, { asOf, locale, scoring, skipSheets: GENERATED_SHEETS, lots: lotsMode });
      previous = outPath ? await ownSheets(stream) : { sheets: [] };
    } finally {
      stream.close?.();
    }
  } catch (e) {
    if (e instanceof WorkbookReadError) { complain(`lossdesk: ${input}: ${describeReadError(e, locale)}`); return 2; }
    if (e instanceof InputFatalError) {
      complain(zh ? `lossdesk: ${input} 无法分析：` : `lossdesk: ${input} cannot be analysed:`);
      for (const p of e.problems) complain(`  ${p}`);
      return 2;
    }
    throw e;
  }

  if (jsonPath) await writeResultFile(jsonPath, analysis, { lots: lotsMode === "none" ? "none" : "source" });
  let written: string[] = [];
  let drafts = { added: 0, dropped: 0 };
  let templateIssues: string[] = [];
  if (outPath) {
    fs.mkdirSync(path.dirname(path.resolve(outPath)), { recursive: true });
    collectGarbage();
    const live = liveEventAnalyze(previous, locale);
    const o = buildOutputs(analysis, previous, { locale, generatedAt: generatedAtOf(args), ...bankOf(args), ...eventAnalyzeOptions(args), liveEvent: live.state });
    const tables = [...o.outputs.tables, ...live.after(o.regulatorApproved)];
    const rows = [...tables, ...o.outputs.reports.map((r) => r.data)].reduce((n, t) => n + t.rows.length, 0);
    // The input package with our sheets grafted on, streamed to a temp file and renamed (graft.ts).
    collectGarbage();
    await graftWorkbookFile(pkg!, outPath, { tables, reports: o.outputs.reports, level: rows > 20000 ? 1 : 6 }, input);
    written = [...o.outputs.tables.map((t) => t.name), ...o.outputs.reports.flatMap((r) => [r.sheet.name, r.data.name])];
    drafts = { added: o.draftsAdded.length, dropped: o.draftsDropped.length };
    templateIssues = o.issues.map((i) => i.message);
  }
  printSummary(analysis, locale, topN, human);
  for (const m of templateIssues) human(`  ${m}`);
  if (outPath) {
    human(zh
      ? `已写出 ${outPath}：${written.join("、")}（草稿新增 ${drafts.added} 行，不再生成 ${drafts.dropped} 行）`
      : `wrote ${outPath}: ${written.join(", ")} (drafts: ${drafts.added} rows added, ${drafts.dropped} no longer generated)`);
  }
  if (jsonPath && jsonPath !== "-") human(zh ? `已写出 ${jsonPath}` : `wrote ${jsonPath}`);
  return 0;
}

/** The sheets LossDesk wrote on an earlier run, read whole (they are small next to the input's). */
async function ownSheets(stream: StreamWorkbook): Promise<WorkbookSnapshot> {
  const own = new Set(GENERATED_SHEETS.map((n) => n.toLowerCase()));
  return { sheets: await readSheets(stream, (name) => own.has(name.toLowerCase())) };
}

async function analyzeCsv(inputs: string[], args: Args, locale: Locale, say: (s: string) => void, complain: (s: string) => void): Promise<number> {
  const zh = locale === "zh-CN";
  const asOf = asOfOf(args);
  const jsonPath = str(args, "--json");
  const lotsMode = str(args, "--lots") ?? "source";
  if (lotsMode !== "source" && lotsMode !== "none") throw new UsageError(`--lots must be source or none, not "${lotsMode}"`);
  const topN = Number(str(args, "--top") ?? 10);
  if (!Number.isInteger(topN) || topN < 0) throw new UsageError("--top must be a whole number");
  if (str(args, "--out")) throw new UsageError("--out needs an .xlsx input; with CSV files use --json");
  const encoding = str(args, "--encoding") ?? "auto";
  if (encoding !== "auto" && encoding !== "utf-8" && encoding !== "gb18030" && encoding !== "gbk") {
    throw new UsageError(`--encoding must be auto, utf-8 or gb18030, not "${encoding}"`);
  }
  const scoring = scoringOf(args, zh, complain);
  if (scoring === false) return 2;
  tightenHeapForBigInput(inputs);
  const human = jsonPath === "-" ? complain : say;
  let analysis: Analysis;
  try {
    const wb = openCsvStream(inputs, encoding === "gbk" ? "gb18030" : encoding);
    analysis = await analyzeStream(wb, { asOf, locale, scoring, lots: lotsMode });
  } catch (e) {
    if (e instanceof CsvReadError) { complain(zh ? `lossdesk: 无法读取 CSV 文件 ${e.message}` : `lossdesk: cannot read CSV file ${e.message}`); return 2; }
    if (e instanceof InputFatalError) {
      complain(zh ? `lossdesk: ${inputs.join(", ")} 无法分析：` : `lossdesk: ${inputs.join(", ")} cannot be analysed:`);
      for (const p of e.problems) complain(`  ${p}`);
      return 2;
    }
    throw e;
  }
  if (jsonPath) await writeResultFile(jsonPath, analysis, { lots: lotsMode });
  printSummary(analysis, locale, topN, human);
  if (jsonPath && jsonPath !== "-") human(zh ? `已写出 ${jsonPath}` : `wrote ${jsonPath}`);
  return 0;
}

/**
 * One full collection between the big steps (reading and analysing, writing the JSON, making the sheets,
 * writing them). Reading 200,000 lots leaves ~200 MB of short-lived strings behind while only
 * ~120 MB stays live, and V8 grows the heap on into the next step before it collects: peak RSS
 * was 444 MB with the writer's own memory flat. A full GC costs ~0.1 s here. `gc` is exposed for
 * a fresh context only (setFlagsFromString after start-up), which is all this needs.
 */
/** The result JSON to `jsonPath` ("-": stdout), its folder made first; the file closed whatever happens. */
async function writeResultFile(jsonPath: string, analysis: Analysis, json: JsonOptions): Promise<void> {
  if (jsonPath !== "-") fs.mkdirSync(path.dirname(path.resolve(jsonPath)), { recursive: true });
  collectGarbage();
  const fd = jsonPath === "-" ? 1 : fs.openSync(jsonPath, "w");
  try {
    await writeJson(fd, (write) => writeResultJson(analysis, write, json));
  } finally {
    if (fd !== 1) fs.closeSync(fd);
  }
}

function collectGarbage(): void {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as (() => void) | undefined;
  if (typeof gc === "function") gc();
}

const money = formatYuan;

function pct(bp: number | null): string {
  return bp === null ? "-" : formatPercent(bp);
}

function printSummary(a: Analysis, locale: Locale, topN: number, say: (s: string) => void) {
  const zh = locale === "zh-CN";
  const t = a.totals;
  const tiers = { high: 0, medium: 0, low: 0 };
  for (const c of a.clients) tiers[c.riskTier]++;
  say(zh ? `LossDesk 分析日 ${a.asOf}` : `LossDesk as of ${a.asOf}`);
  for (const tb of a.tables) {
    say(zh
      ? `  ${tb.role === "nav" ? "净值表" : tb.role === "holdings" ? "持仓表" : "产品表"}：${cellRef(tb.sheet, tb.address)}${tb.tableName ? `（表格 ${tb.tableName}）` : ""}，${tb.dataRows} 行`
      : `  ${tb.role} table: ${cellRef(tb.sheet, tb.address)}${tb.tableName ? ` (table ${tb.tableName})` : ""}, ${tb.dataRows} rows`);
  }
  say(zh
    ? `持仓行 ${a.lotRows}，采用 ${a.lotsAccepted}，剔除 ${a.lotRows - a.lotsAccepted}`
    : `holding rows ${a.lotRows}, used ${a.lotsAccepted}, left out ${a.lotRows - a.lotsAccepted}`);
  say(zh
    ? `客户 ${t.clients} 名，亏损客户 ${t.clientsWithLoss} 名，亏损合计 ${money(t.lossFen)} 元，整体盈亏 ${money(t.pnlFen)} 元`
    : `clients ${t.clients}, with a loss ${t.clientsWithLoss}, total loss ${money(t.lossFen)}, overall P&L ${money(t.pnlFen)}`);
  say(zh
    ? `风险分级：高 ${tiers.high}，中 ${tiers.medium}，低 ${tiers.low}`
    : `risk tiers: high ${tiers.high}, medium ${tiers.medium}, low ${tiers.low}`);
  for (const p of a.products.filter((x) => x.pnlFen < 0)) {
    say(zh
      ? `  产品 ${p.productCode}${p.productName ? ` ${p.productName}` : ""}：最新净值 ${formatNav(p.latestNav)} (${p.latestNavDate})，回撤 ${pct(p.drawdownBp)}，持有人 ${p.holders}，盈亏 ${money(p.pnlFen)} 元`
      : `  product ${p.productCode}${p.productName ? ` ${p.productName}` : ""}: NAV ${formatNav(p.latestNav)} (${p.latestNavDate}), drawdown ${pct(p.drawdownBp)}, holders ${p.holders}, P&L ${money(p.pnlFen)}`);
  }
  const top = a.clients.slice(0, topN);
  if (top.length) {
    say(zh ? `风险评分前 ${top.length} 名：` : `top ${top.length} by risk score:`);
    top.forEach((c, i) => {
      const flags = c.flags.map((f) => flagLabel(f, locale, a.elderlyAge ?? DEFAULT_SCORING.elderlyAge)).join(zh ? "、" : ", ");
      say(`  ${String(i + 1).padStart(2)}. ${c.clientId} ${c.clientName ?? ""}  ${zh ? "评分" : "score"} ${c.riskScore} ${ui("tiers", c.riskTier, locale)}  ${money(c.pnlFen)} (${pct(c.lossRateBp)})${flags ? "  " + flags : ""}`);
    });
  }
  const errors = a.issues.filter((i) => i.severity === "error").length;
  const warnings = a.issues.length - errors;
  if (a.issues.length) {
    say(zh ? `问题：${errors} 个错误，${warnings} 个警告` : `issues: ${errors} errors, ${warnings} warnings`);
    for (const i of a.issues) say(`  ${i.severity === "error" ? (zh ? "错误" : "error") : (zh ? "警告" : "warning")} ${i.message}`);
  }
}

async function sample(args: Args, say: (s: string) => void): Promise<number> {
  const outPath = str(args, "--out");
  if (!outPath) throw new UsageError("sample needs --out <file.xlsx>");
  const int = (name: string, dflt: number) => {
    const v = str(args, name);
    const n = v === undefined ? dflt : Number(v);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} must be a whole number >= 1`);
    return n;
  };
  const clients = int("--clients", 200);
  const products = int("--products", 6);
  const seed = int("--seed", 1);
  const s = generateSample({ clients, products, seed, asOf: asOfOf(args) });
  fs.mkdirSync(path.dirname(path.resolve(outPath)), { recursive: true });
  // ExcelJS's in-memory writer is fine for demo sizes; the streaming one keeps big samples in budget.
  await writeNewWorkbook(outPath, s.sheets, { streaming: s.lotRows > 10000 });
  say(`wrote ${outPath}: ${clients} clients, ${s.lotRows} holding rows, ${products} products, as of ${s.asOf}`);
  return 0;
}

/**
 * On a big input (Excel's row limit is a 120 MB package) V8's heap, left to itself, grows by half
 * again at each full collection and the process holds some 780 MB for 1,048,000 lots; growing by
 * 30% holds 640 MB for a few percent more time; the same for CSV files of that size (measured in npm run bench, issue 11). Small inputs
 * keep V8's defaults: there memory is no concern and the time is.
 */
function tightenHeapForBigInput(inputs: string[]): void {
  const sizeOf = (f: string): number => {
    const st = fs.statSync(f);
    return st.isDirectory() ? fs.readdirSync(f).reduce((n, g) => n + fs.statSync(path.join(f, g)).size, 0) : st.size;
  };
  try {
    if (inputs.reduce((n, f) => n + sizeOf(f), 0) >= BIG_INPUT_BYTES) v8.setFlagsFromString("--heap-growing-percent=30");
  } catch {
    // unreadable: the reader says so in its own words
  }
}
const BIG_INPUT_BYTES = 64 << 20;
