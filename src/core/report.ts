// The risk-assessment report (风险评估报告): what a branch manager opens, reads in two minutes
// and prints. Pure: it describes the sheet (ReportSheetModel) and the data sheet its charts draw
// from; the adapters lay it out (ExcelJS for files, Office.js inside Excel).

import { Analysis } from "./analysis";
import { ClientResult, ProductResult, fallenProducts, holdsFallenProduct } from "./engine";
import { Locale, fill, ui } from "./i18n";
import { fenToYuanNumber, ratioBp } from "./money";
import { formatNav, formatPercent, formatYuan } from "./format";
import { DEFAULT_SCORING, RiskTier } from "./risk";
import {
  ComplaintPolicy, ContactPolicy, DEFAULT_COMPLAINT_POLICY, DEFAULT_CONTACT_POLICY, complaintDeadlines, contactDeadline,
  durationPhrase, formatGeneratedAt,
} from "./contact";
import {
  CellValue, ChartSpec, ColumnSpec, ReportBlock, ReportSheetModel, SheetSnapshot, TableSheetModel,
  headerRowNumber,
} from "./workbook";
import { cellRef, colLetter } from "./sheet-address";
import { OUTPUT_SHEETS } from "./sheet-names";
import { complaintReportBlocks, type Complaint } from "./event/complaints";

export const REPORT_SHEET = OUTPUT_SHEETS.report;
export const REPORT_DATA_SHEET = OUTPUT_SHEETS.reportData;

export interface ReportOptions {
  locale: Locale;
  /** When the report was generated, ISO date-time; shown on the report and the start of the contact clocks. */
  generatedAt: string;
  /** How many top clients to list (default 20). */
  topClients?: number;
  /** The report sheet as it is in the workbook now, so the analyst's text is kept. */
  previous?: SheetSnapshot;
  /** The contact deadlines in force: the plan's columns and note are printed from it. */
  contactPolicy?: ContactPolicy;
  /** The complaint clock in force, printed in the contact plan's note. */
  complaintPolicy?: ComplaintPolicy;
  /** The complaint register (core/event/complaints.ts), for the complaints section. */
  complaints?: readonly Complaint[];
}

export interface ChartData {
  chart: ChartSpec;
  categories: (string | number)[];
  series: { name: string; values: (number | null)[] }[];
}

/** A report sheet as buildOutputs hands it to a writer: the sheet, its data sheet and charts (also the live event's regulator report). */
export interface ReportOutput {
  sheet: ReportSheetModel;
  data: TableSheetModel;
  charts: ChartData[];
}

export interface Report {
  sheet: ReportSheetModel;
  data: TableSheetModel;
  charts: ChartData[];
}

const MONEY = "#,##0.00;[Red]-#,##0.00";
const PCT = "0.00%";

/** 13800138000 -> 138****8000; other lengths keep a quarter at each end. */
export function maskPhone(phone: string | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\s+/g, "");
  if (digits.length === 11) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (digits.length <= 4) return "*".repeat(digits.length);
  const keep = Math.max(1, Math.floor(digits.length / 4));
  return digits.slice(0, keep) + "*".repeat(digits.length - 2 * keep) + digits.slice(-keep);
}

const T = {
  title: { "zh-CN": "理财产品净值下跌风险评估报告", "en-US": "Risk assessment: fall in product NAV" },
  internal: { "zh-CN": "内部资料 注意保密", "en-US": "Internal - confidential" },
  keyFigures: { "zh-CN": "一、关键数据", "en-US": "1. Key figures" },
  products: { "zh-CN": "二、产品情况", "en-US": "2. Products" },
  topClients: { "zh-CN": "三、重点客户（按风险评分）", "en-US": "3. Clients to call first (by risk score)" },
  mismatch: { "zh-CN": "四、适当性不匹配客户", "en-US": "4. Suitability mismatches" },
  elderly: { "zh-CN": "五、{age}岁及以上客户", "en-US": "5. Clients aged {age} and over" },
  contact: { "zh-CN": "六、联系计划", "en-US": "6. Contact plan" },
  causes: { "zh-CN": "七、原因分析", "en-US": "7. Cause analysis" },
  disposal: { "zh-CN": "八、处置措施", "en-US": "8. Disposal measures" },
  regulator: { "zh-CN": "九、监管报告要点", "en-US": "9. Report to the regulator" },
  charts: { "zh-CN": "十、图表", "en-US": "10. Charts" },
  none: { "zh-CN": "（无）", "en-US": "(none)" },
} as const;

const CAUSES: { key: string; label: Record<Locale, string> }[] = [
  { key: "cause-market", label: { "zh-CN": "市场风险", "en-US": "Market risk" } },
  { key: "cause-selection", label: { "zh-CN": "选择风险", "en-US": "Selection risk" } },
  { key: "cause-behaviour", label: { "zh-CN": "行为因素", "en-US": "Behaviour" } },
  { key: "cause-risk-management", label: { "zh-CN": "风险管理缺失", "en-US": "Missing risk management" } },
];

function pct(bp: number | null): string {
  return bp === null ? "-" : formatPercent(bp);
}

/** The series a product's peak, latest and drawdown are measured on: 累计净值 / 单位净值. */
export function basisLabel(p: Pick<ProductResult, "drawdownBasis">, locale: Locale): string {
  return p.drawdownBasis === "cumulative"
    ? (locale === "zh-CN" ? "累计净值" : "cumulative NAV")
    : (locale === "zh-CN" ? "单位净值" : "unit NAV");
}

/** "累计净值 1.5000 → 1.2000（回撤 20.00%）": peak, latest and drawdown on one series, named. */
export function navFall(p: ProductResult, locale: Locale): string {
  const zh = locale === "zh-CN";
  return zh
    ? `${basisLabel(p, locale)} 峰值 ${formatNav(p.peakNav)} → 最新 ${formatNav(p.latestBasisNav)}（回撤 ${pct(p.drawdownBp)}）`
    : `${basisLabel(p, locale)} peak ${formatNav(p.peakNav)} → latest ${formatNav(p.latestBasisNav)} (drawdown ${pct(p.drawdownBp)})`;
}

/**
 * The client counts of the report, each named for what it is. Holders of a product that fell and
 * clients with a loss overlap but neither contains the other: a holder may be up overall, and a
 * client may lose on products that did not fall (a fee, a purchase before a distribution).
 */
export interface ClientCounts {
  clients: number;
  /** Clients holding at least one product whose NAV is below its peak (fallenProducts). */
  holdersOfFallen: number;
  /** Of those, the ones not at a loss across all their holdings. */
  holdersNotAtLoss: number;
  /** Clients at a loss across all their holdings (totals.clientsWithLoss). */
  withLoss: number;
  /** Of those, the ones holding no product that fell. */
  withLossNotHolders: number;
  /** Holders of a product that fell, or with a loss: whom the drafts and the contact plan cover. */
  toContact: number;
}

export function clientCounts(a: Analysis): ClientCounts {
  const fallen = fallenProducts(a);
  let holders = 0, holdersUp = 0, withLoss = 0, lossNotHolder = 0, contact = 0;
  for (const c of a.clients) {
    const h = holdsFallenProduct(c, fallen);
    const l = c.pnlFen < 0;
    if (h) holders++;
    if (h && !l) holdersUp++;
    if (l) withLoss++;
    if (l && !h) lossNotHolder++;
    if (h || l) contact++;
  }
  return { clients: a.clients.length, holdersOfFallen: holders, holdersNotAtLoss: holdersUp, withLoss, withLossNotHolders: lossNotHolder, toContact: contact };
}

/**
 * Input boxes are found again by a marker, not by their label (an analyst may retype the label,
 * or the report may be regenerated in the other language): the renderer writes
 * `lossdesk:input:<key>` in a hidden cell of the box's first row; the text is in column A there.
 */
export const INPUT_MARKER_PREFIX = "lossdesk:input:";

export function inputMarker(key: string): string {
  return INPUT_MARKER_PREFIX + key;
}

/** The analyst's text in an input box of the previous report: by its marker, else below its label. */
export function readAnalystText(previous: SheetSnapshot | undefined, key: string, label: string): string {
  if (!previous) return "";
  const marker = inputMarker(key);
  const text = (v: CellValue | undefined) => (typeof v === "string" ? v : v === null || v === undefined ? "" : String(v));
  for (const row of previous.rows) {
    if (row && row.some((v) => v === marker)) return text(row[0]);
  }
  for (let r = 0; r < previous.rows.length - 1; r++) {
    const v = previous.rows[r]?.[0];
    if (typeof v === "string" && v.trim() === label) return text(previous.rows[r + 1]?.[0]);
  }
  return "";
}

export function buildReport(a: Analysis, o: ReportOptions): Report {
  const L = o.locale;
  const zh = L === "zh-CN";
  const top = o.topClients ?? 20;
  const blocks: ReportBlock[] = [];
  const losing = a.clients.filter((c) => c.pnlFen < 0);
  const fallen = fallenProducts(a);
  const affectedProducts = a.products.filter((p) => fallen.has(p.productCode));
  const counts = clientCounts(a);
  const toContact = a.clients.filter((c) => c.pnlFen < 0 || holdsFallenProduct(c, fallen));
  const worst = [...affectedProducts].sort((x, y) => y.drawdownBp - x.drawdownBp)[0];
  const policy = o.contactPolicy ?? DEFAULT_CONTACT_POLICY;
  const complaints = o.complaintPolicy ?? DEFAULT_COMPLAINT_POLICY;
  const elderlyAge = a.elderlyAge ?? DEFAULT_SCORING.elderlyAge;
  const tiers: Record<RiskTier, number> = { high: 0, medium: 0, low: 0 };
  const lossByTier: Record<RiskTier, number> = { high: 0, medium: 0, low: 0 };
  for (const c of a.clients) {
    tiers[c.riskTier]++;
    if (c.pnlFen < 0) lossByTier[c.riskTier] -= c.pnlFen;
  }
  const losingCost = losing.reduce((s, c) => s + c.costFen, 0);
  // cost-weighted: total loss over the cost of the clients who lost, half-up like every rate
  const avgLossBp = losingCost === 0 ? null : ratioBp(a.totals.lossFen, losingCost);
  const rejected = a.lotRows - a.lotsAccepted;
  const sources = a.tables.map((t) => `${cellRef(t.sheet, t.address)}（${t.dataRows}${zh ? " 行" : " rows"}）`).join(zh ? "；" : "; ");
  const generated = formatGeneratedAt(o.generatedAt);

  blocks.push({
    kind: "title",
    text: T.title[L],
    subtitle: [
      zh ? `分析日：${a.asOf}    生成时间：${generated}    ${T.internal[L]}` : `As of ${a.asOf}    generated ${generated}    ${T.internal[L]}`,
      zh
        ? `数据来源：${sources}；持仓行 ${a.lotRows}，采用 ${a.lotsAccepted}，剔除 ${rejected}（见问题清单）`
        : `Sources: ${sources}; holding rows ${a.lotRows}, used ${a.lotsAccepted}, rejected ${rejected} (see the issues)`,
    ],
  });

  blocks.push({ kind: "heading", text: T.keyFigures[L] });
  blocks.push({
    kind: "facts",
    rows: [
      { label: zh ? "净值下跌产品（低于峰值）" : "Products whose NAV fell (below peak)", value: affectedProducts.length },
      {
        label: zh ? "最大净值跌幅" : "Worst NAV fall",
        value: worst ? `${worst.productCode}${worst.productName ? ` ${worst.productName}` : ""}${zh ? "：" : ": "}${navFall(worst, L)}` : T.none[L],
      },
      { label: zh ? "客户总数" : "Clients", value: counts.clients },
      { label: zh ? "持有下跌产品的客户" : "Clients holding a product that fell", value: counts.holdersOfFallen },
      { label: zh ? "　其中全部持仓合计未亏损" : "  of whom not at a loss overall", value: counts.holdersNotAtLoss },
      { label: zh ? "全部产品中出现亏损的客户（全部持仓合计）" : "Clients with a loss across all their holdings", value: counts.withLoss },
      { label: zh ? "　其中未持有下跌产品" : "  of whom holding no product that fell", value: counts.withLossNotHolders },
      // a loss is stated as a positive amount under a label that says loss
      { label: zh ? "亏损合计（元）" : "Total loss (CNY)", value: fenToYuanNumber(a.totals.lossFen), numFmt: "#,##0.00" },
      { label: zh ? "亏损客户平均亏损率（按成本加权）" : "Average loss rate of clients with a loss (cost-weighted)", value: avgLossBp === null ? null : avgLossBp / 10000, numFmt: PCT },
      { label: zh ? "高 / 中 / 低风险客户" : "Clients high / medium / low", value: `${tiers.high} / ${tiers.medium} / ${tiers.low}` },
    ],
  });

  blocks.push({ kind: "heading", text: T.products[L] });
  blocks.push({
    kind: "table",
    columns: [
      { header: zh ? "产品代码" : "Code" }, { header: zh ? "产品名称" : "Name" }, { header: zh ? "风险等级" : "Risk" },
      { header: zh ? "最新单位净值" : "Latest unit NAV", numFmt: "0.0000" }, { header: zh ? "净值日期" : "NAV date" },
      { header: zh ? "回撤口径" : "Drawdown series" },
      { header: zh ? "峰值（同口径）" : "Peak (same series)", numFmt: "0.0000" },
      { header: zh ? "最新（同口径）" : "Latest (same series)", numFmt: "0.0000" },
      { header: zh ? "回撤" : "Drawdown", numFmt: PCT },
      { header: zh ? "持有人" : "Holders" }, { header: zh ? "盈亏合计（元）" : "P&L (CNY)", numFmt: MONEY },
      { header: zh ? "业绩比较基准（非收益承诺）" : "Benchmark (not a promised return)" },
    ],
    rows: a.products.map((p) => [
      p.productCode, p.productName ?? null, p.risk ? `R${p.risk}` : null, p.latestNav, p.latestNavDate,
      basisLabel(p, L), p.peakNav, p.latestBasisNav, p.drawdownBp / 10000, p.holders, fenToYuanNumber(p.pnlFen), p.benchmark ?? null,
    ]),
    note: zh
      ? "业绩比较基准不代表产品未来表现，不构成对收益的承诺。峰值、最新与回撤取同一口径：有累计净值时按累计净值（含分红），否则按单位净值；分红会使单位净值下降而不造成亏损。"
      : "A performance benchmark is not an expected or promised return. Peak, latest and drawdown are on one series: cumulative NAV (distributions added back) where given, else unit NAV; a distribution lowers the unit NAV without a loss.",
  });

  const clientColumns: ColumnSpec[] = [
    { header: zh ? "排序" : "#" }, { header: zh ? "客户编号" : "Client ID" }, { header: zh ? "姓名" : "Name" },
    { header: zh ? "客户经理" : "RM" }, { header: zh ? "电话" : "Phone" }, { header: zh ? "分级" : "Tier" },
    { header: zh ? "评分" : "Score", numFmt: "0.0" }, { header: zh ? "盈亏（元）" : "P&L (CNY)", numFmt: MONEY },
    { header: zh ? "盈亏比例" : "P&L rate", numFmt: PCT }, { header: zh ? "主要因素" : "Main factors" },
  ];
  const clientRow = (c: ClientResult, i: number): CellValue[] => [
    i + 1, c.clientId, c.clientName ?? null, c.rm ?? null, maskPhone(c.phone), ui("tiers", c.riskTier, L), c.riskScore,
    fenToYuanNumber(c.pnlFen), c.lossRateBp === null ? null : c.lossRateBp / 10000,
    c.factors.filter((f) => f.points > 0).slice(0, 4).map((f) => `${ui("factors", f.factor, L)} ${f.points}`).join(zh ? "；" : "; ") || null,
  ];
  blocks.push({ kind: "heading", text: T.topClients[L] });
  blocks.push({
    kind: "table", columns: clientColumns, rows: a.clients.slice(0, top).map(clientRow),
    note: zh ? "电话已脱敏；完整信息见亏损明细及客户经理系统。" : "Phone numbers are masked; full details stay in the bank's systems.",
  });

  const mismatched = a.clients.filter((c) => c.flags.includes("suitability-mismatch"));
  const elderly = a.clients.filter((c) => c.flags.includes("elderly"));
  const flagColumns: ColumnSpec[] = [
    { header: zh ? "客户编号" : "Client ID" }, { header: zh ? "姓名" : "Name" }, { header: zh ? "客户经理" : "RM" },
    { header: zh ? "风险承受能力" : "Tolerance" }, { header: zh ? "持有最高风险产品" : "Riskiest product held" },
    { header: zh ? "年龄" : "Age" }, { header: zh ? "盈亏（元）" : "P&L (CNY)", numFmt: MONEY },
    { header: zh ? "盈亏比例" : "P&L rate", numFmt: PCT }, { header: zh ? "分级" : "Tier" },
  ];
  const riskOf = new Map(a.products.map((p) => [p.productCode, p.risk ?? 0]));
  const flagRow = (c: ClientResult): CellValue[] => {
    const riskiest = [...c.positions].sort((x, y) => (riskOf.get(y.productCode) ?? 0) - (riskOf.get(x.productCode) ?? 0))[0];
    const r = riskOf.get(riskiest.productCode);
    return [
      c.clientId, c.clientName ?? null, c.rm ?? null, c.clientRisk ? `C${c.clientRisk}` : null,
      `${riskiest.productCode}${r ? ` R${r}` : ""}`, c.age ?? null, fenToYuanNumber(c.pnlFen),
      c.lossRateBp === null ? null : c.lossRateBp / 10000, ui("tiers", c.riskTier, L),
    ];
  };
  blocks.push({ kind: "heading", text: `${T.mismatch[L]}（${mismatched.length}）` });
  blocks.push(mismatched.length
    ? { kind: "table", columns: flagColumns, rows: mismatched.map(flagRow), note: zh ? "产品风险等级高于客户风险承受能力：监管检查重点，须逐户核实销售记录。" : "Product risk above the client's tolerance: the regulator will ask; check each sale's records." }
    : { kind: "paragraph", text: T.none[L] });
  blocks.push({ kind: "heading", text: `${fill(T.elderly[L], { age: elderlyAge })}（${elderly.length}）` });
  blocks.push(elderly.length
    ? { kind: "table", columns: flagColumns, rows: elderly.map(flagRow), note: zh ? `${elderlyAge}岁及以上客户适用特别注意义务（金融机构产品适当性管理办法，2026-02-01起施行）；其沟通草稿须复核后发送。` : `Clients aged ${elderlyAge}+ are owed a special duty of care (product suitability rules in force from 2026-02-01); their drafts are reviewed before sending.` }
    : { kind: "paragraph", text: T.none[L] });

  // Contact plan: relationship manager x tier, the clients the drafts cover (holders of a product
  // that fell, and clients with a loss).
  const plan = new Map<string, Record<RiskTier, number>>();
  for (const c of toContact) {
    const rm = c.rm ?? (zh ? "（未分配）" : "(unassigned)");
    const row = plan.get(rm) ?? { high: 0, medium: 0, low: 0 };
    row[c.riskTier]++;
    plan.set(rm, row);
  }
  // Counted from the generation time, as the drafts sheet counts them: one date on every surface.
  const start = o.generatedAt;
  const deadlineHeader = (t: RiskTier) => `${ui("tiers", t, L)}${zh ? "（" : " ("}${contactDeadline(t, start, policy)}${zh ? " 前）" : ")"}`;
  const phrase = (t: RiskTier) => durationPhrase(policy[t], L);
  const clock = complaintDeadlines(start, complaints);
  blocks.push({ kind: "heading", text: T.contact[L] });
  blocks.push({
    kind: "table",
    columns: [
      { header: zh ? "客户经理" : "Relationship manager" },
      { header: deadlineHeader("high") }, { header: deadlineHeader("medium") }, { header: deadlineHeader("low") },
      { header: zh ? "合计" : "Total" },
    ],
    rows: [...plan.entries()].sort((x, y) => y[1].high - x[1].high || (x[0] < y[0] ? -1 : 1))
      .map(([rm, n]) => [rm, n.high, n.medium, n.low, n.high + n.medium + n.low]),
    note: zh
      ? `联系时限：高风险 ${phrase("high")}，中风险 ${phrase("medium")}，低风险 ${phrase("low")}（自生成时间 ${generated} 起算）；持有净值下跌产品的客户 ${counts.holdersOfFallen} 名与全部持仓合计亏损的客户 ${counts.withLoss} 名，合计 ${counts.toContact} 名。客户投诉须自收到投诉之日起 ${complaints.decideDays} 日内作出处理决定（收到当日不计入），情况复杂的可延长至 ${complaints.complexDays} 日，经批准最长不超过 ${complaints.maxDays} 日，每次延长均须告知客户：如 ${clock.received} 收到的投诉，应于 ${clock.decide} 前作出决定（复杂情况 ${clock.complex}，最迟 ${clock.extended}）。`
      : `Contact within: high ${phrase("high")}, medium ${phrase("medium")}, low ${phrase("low")} (from the generation time ${generated}); ${counts.holdersOfFallen} clients holding a product that fell and ${counts.withLoss} with a loss overall, ${counts.toContact} in all. A complaint must be decided within ${complaints.decideDays} days of the day it is received (that day not counted); complex cases up to ${complaints.complexDays} days, at most ${complaints.maxDays} with approval, the client told of each extension: a complaint received on ${clock.received} is due by ${clock.decide} (complex ${clock.complex}, at the latest ${clock.extended}).`,
  });

  // Cause analysis, disposal and the regulator report: computed facts, then room for the analyst.
  const drill = affectedProducts.map((p) => `${p.productCode}${p.productName ? ` ${p.productName}` : ""} ${navFall(p, L)}`).join(zh ? "；" : "; ");
  const facts: Record<string, string> = {
    "cause-market": zh
      ? `净值变动：${drill || T.none[L]}。请说明市场因素（利率、股市、信用事件等）。`
      : `NAV moves: ${drill || T.none[L]}. Describe the market factors (rates, equities, credit events).`,
    "cause-selection": zh
      ? `适当性不匹配客户 ${mismatched.length} 名；高风险（R4/R5）产品持有客户 ${a.clients.filter((c) => c.positions.some((p) => (riskOf.get(p.productCode) ?? 0) >= 4)).length} 名。`
      : `${mismatched.length} clients hold products above their tolerance; ${a.clients.filter((c) => c.positions.some((p) => (riskOf.get(p.productCode) ?? 0) >= 4)).length} hold R4/R5 products.`,
    "cause-behaviour": zh
      ? `在净值高点附近买入、未执行止损等行为因素请结合交易记录说明。亏损率超过 15% 的客户 ${losing.filter((c) => (c.lossRateBp ?? 0) <= -1500).length} 名。`
      : `Buying near the peak and stop-losses not honoured: describe from the trade records. ${losing.filter((c) => (c.lossRateBp ?? 0) <= -1500).length} clients lost more than 15%.`,
    "cause-risk-management": zh
      ? `单一产品持仓集中、缺乏分散：集中度因素计分客户 ${a.clients.filter((c) => c.factors.some((f) => f.factor === "concentration")).length} 名。`
      : `Concentrated, undiversified holdings: ${a.clients.filter((c) => c.factors.some((f) => f.factor === "concentration")).length} clients scored on concentration.`,
  };
  const inputBlock = (key: string, label: string, prefill: string, rows: number): ReportBlock[] => [
    { kind: "paragraph", text: prefill },
    { kind: "input", area: { key, label, prefill: readAnalystText(o.previous, key, label), rows } },
  ];
  blocks.push({ kind: "heading", text: T.causes[L] });
  for (const c of CAUSES) {
    blocks.push(...inputBlock(c.key, `${c.label[L]}${zh ? "（分析师填写）" : " (analyst)"}`, facts[c.key], 3));
  }
  blocks.push({ kind: "heading", text: T.disposal[L] });
  blocks.push(...inputBlock("disposal", zh ? "处置措施（风险管理部填写）" : "Disposal measures (risk management)",
    zh
      ? `建议：按联系计划在时限内完成客户沟通（高风险 ${tiers.high} 名）；评估 ${affectedProducts.map((p) => p.productCode).join("、") || T.none[L]} 的投资策略与持仓结构调整；对适当性不匹配的 ${mismatched.length} 名客户核查销售过程。不得承诺保本保收益或以自有资金弥补亏损。`
      : `Proposed: contact clients within the plan's deadlines (${tiers.high} high); review strategy and holdings of ${affectedProducts.map((p) => p.productCode).join(", ") || T.none[L]}; review the sales of the ${mismatched.length} mismatched clients. Never promise principal or returns, nor cover losses from the bank's own funds.`,
    4));
  blocks.push({ kind: "heading", text: T.regulator[L] });
  blocks.push(...inputBlock("regulator", zh ? "监管报告（应急领导小组审定）" : "Regulator report (approved by the leadership group)",
    zh
      ? `截至 ${a.asOf}，${affectedProducts.length} 只产品净值下跌，最大跌幅 ${worst ? pct(worst.drawdownBp) : "-"}；持有下跌产品的客户 ${counts.holdersOfFallen} 名（其中全部持仓合计未亏损 ${counts.holdersNotAtLoss} 名）；全部产品中出现亏损的客户 ${counts.withLoss} 名（其中未持有下跌产品 ${counts.withLossNotHolders} 名），亏损合计 ${formatYuan(a.totals.lossFen)} 元；适当性不匹配 ${mismatched.length} 名，${elderlyAge}岁及以上 ${elderly.length} 名。已启动应急响应，按风险分级开展客户沟通。`
      : `As of ${a.asOf}, ${affectedProducts.length} products fell, the worst by ${worst ? pct(worst.drawdownBp) : "-"}; ${counts.holdersOfFallen} clients hold a product that fell (${counts.holdersNotAtLoss} of them not at a loss overall); ${counts.withLoss} clients have a loss across all their holdings (${counts.withLossNotHolders} of them holding no product that fell), totalling ${formatYuan(a.totals.lossFen)}; ${mismatched.length} suitability mismatches, ${elderly.length} clients aged ${elderlyAge}+. The response has started; clients are being contacted by risk tier.`,
    5));

  // Charts draw from the data sheet: NAV paths of the affected products, and the loss by tier.
  const { data, charts } = chartData(a, affectedProducts.map((p) => p.productCode), lossByTier, L);
  blocks.push({ kind: "heading", text: T.charts[L] });
  for (const c of charts) blocks.push({ kind: "chart", chart: c.chart, rows: 18 });
  if (o.complaints) blocks.push(...complaintReportBlocks(o.complaints, L, zh ? "十一、客户投诉" : "11. Complaints", complaints));

  return {
    sheet: {
      name: REPORT_SHEET[L],
      columnWidths: [14, 16, 12, 12, 12, 12, 12, 14, 12, 24, 12, 24],
      blocks,
      footer: {
        left: zh ? `分析日 ${a.asOf}` : `As of ${a.asOf}`,
        center: zh ? "第 &P 页 / 共 &N 页" : "Page &P of &N",
        right: zh ? "内部资料 Internal" : "Internal 内部资料",
      },
      repeatRows: [1, 1],
    },
    data,
    charts,
  };
}

function chartData(a: Analysis, codes: string[], lossByTier: Record<RiskTier, number>, L: Locale) {
  const zh = L === "zh-CN";
  // NAV paths on a common date axis; a product without a NAV that day leaves a gap.
  const products = codes.length ? codes : a.products.map((p) => p.productCode);
  const dates = new Set<string>();
  const navAt = new Map<string, Map<string, number>>();
  for (const code of products) {
    const p = a.products.find((x) => x.productCode === code)!;
    const m = new Map<string, number>();
    for (const n of p.navs) if (n.date <= a.asOf) { m.set(n.date, n.unitNav); dates.add(n.date); }
    navAt.set(code, m);
  }
  const sortedDates = [...dates].sort();
  const tierKeys: RiskTier[] = ["high", "medium", "low"];
  const rows: CellValue[][] = sortedDates.map((d, i) => [
    d, ...products.map((code) => navAt.get(code)!.get(d) ?? null), null,
    i < 3 ? ui("tiers", tierKeys[i], L) : null,
    i < 3 ? fenToYuanNumber(lossByTier[tierKeys[i]]) : null,
  ]);
  // Fewer dates than tiers: still room for the tier table.
  while (rows.length < 3) {
    const i = rows.length;
    rows.push([null, ...products.map(() => null), null, ui("tiers", tierKeys[i], L), fenToYuanNumber(lossByTier[tierKeys[i]])]);
  }
  const tierCol = products.length + 2;
  const data: TableSheetModel = {
    name: REPORT_DATA_SHEET[L],
    columns: [
      { header: zh ? "净值日期" : "NAV date", width: 12 },
      ...products.map((code) => ({ header: code, numFmt: "0.0000", width: 11 })),
      { header: "", width: 3 },
      { header: zh ? "风险分级" : "Risk tier", width: 10 },
      { header: zh ? "亏损金额（元）" : "Loss (CNY)", numFmt: MONEY, width: 16 },
    ],
    rows,
  };
  const h = headerRowNumber(data);
  const navChart: ChartData = {
    chart: {
      type: "line",
      title: zh ? "受影响产品单位净值走势" : "Unit NAV of the affected products",
      dataSheet: data.name,
      dataRef: `A${h}:${colLetter(products.length)}${h + sortedDates.length}`,
      yAxisTitle: zh ? "单位净值" : "Unit NAV",
      valueFormat: "0.0000",
    },
    categories: sortedDates,
    series: products.map((code) => ({ name: code, values: sortedDates.map((d) => navAt.get(code)!.get(d) ?? null) })),
  };
  const tierChart: ChartData = {
    chart: {
      type: "bar",
      title: zh ? "各风险分级客户亏损金额" : "Loss by risk tier",
      dataSheet: data.name,
      dataRef: `${colLetter(tierCol)}${h}:${colLetter(tierCol + 1)}${h + 3}`,
      yAxisTitle: zh ? "元" : "CNY",
      valueFormat: "#,##0",
    },
    categories: tierKeys.map((t) => ui("tiers", t, L)),
    series: [{ name: zh ? "亏损金额（元）" : "Loss (CNY)", values: tierKeys.map((t) => fenToYuanNumber(lossByTier[t])) }],
  };
  return { data, charts: [navChart, tierChart] };
}

