// The regulator report (监管报告 / Regulator report): the written incident report to the regulator,
// as a print-ready report sheet (the same ReportSheetModel, layout and writers as the
// risk-assessment report). 初报 (first) by default, 续报 (update) and 终报 (final) when asked; a
// regenerated sheet keeps the kind it had unless another is asked for.
//
// What the engine knows is computed here, with the same figures and formats as the risk report:
// products, clients affected, clients with a loss, total loss, by tier, suitability mismatches,
// clients aged 65+; measures taken come from the drafts' statuses (clients contacted), the
// complaint register (open, overdue) and the live event's checklist (steps done). What only a
// person can write (reporting unit, contact person, the narrative, next steps) are input boxes,
// found again by their markers on regeneration exactly like the risk report's analyst boxes
// (report.ts readAnalystText). Every sentence LossDesk writes passes the compliance check.

import type { Analysis } from "../analysis";
import { DRAFT_HEADERS, DRAFT_SHEET, STATUS_LABEL as DRAFT_STATUS_LABEL } from "../drafts";
import type { Locale } from "../i18n";
import { ui } from "../i18n";
import { fenToYuanNumber, type Fen } from "../money";
import { formatNav, formatPercent, formatYuan } from "../format";
import { clientCounts, readAnalystText } from "../report";
import { DEFAULT_SCORING, type RiskTier } from "../risk";
import type { CellValue, ReportBlock, ReportSheetModel, SheetSnapshot, TableSheetModel, WorkbookSnapshot } from "../workbook";
import type { DrillState } from "../drill/types";
import { formatWall } from "../drill/types";
import { STATUS_LABEL } from "../drill/text";
import { ACTIVITY_STEPS } from "../drill/presets";
import { summarise, type Complaint } from "./complaints";
import { DEFAULT_DEADLINES, minutesPhrase, type ReportingDeadlines } from "./checklist";
import { EVENT_SHEETS, norm, type Text } from "./text";

export type RegulatorReportKind = "first" | "update" | "final";
export const REGULATOR_KINDS: readonly RegulatorReportKind[] = ["first", "update", "final"];
export const KIND_LABEL: Record<RegulatorReportKind, Text> = {
  first: { "zh-CN": "初报", "en-US": "First report" },
  update: { "zh-CN": "续报", "en-US": "Update report" },
  final: { "zh-CN": "终报", "en-US": "Final report" },
};

export function isRegulatorKind(s: string): s is RegulatorReportKind {
  return (REGULATOR_KINDS as readonly string[]).includes(s);
}

/** The kind a previous regulator report sheet was (from its title), or undefined. */
export function previousKind(previous: SheetSnapshot | undefined): RegulatorReportKind | undefined {
  const title = previous?.rows[0]?.[0];
  if (typeof title !== "string") return undefined;
  for (const k of ["final", "update", "first"] as const) {
    if (title.includes(`（${KIND_LABEL[k]["zh-CN"]}）`) || title.includes(`(${KIND_LABEL[k]["en-US"]})`)) return k;
  }
  return undefined;
}

export interface RegulatorFigures {
  productsAffected: { code: string; name?: string; peakNav: number; latestNav: number; latestNavDate: string; drawdownBp: number; holders: number }[];
  clientsAffected: number;
  clientsWithLoss: number;
  lossFen: Fen;
  /** Cost of the affected products' positions (fen): the scale of the event. */
  affectedCostFen: Fen;
  byTier: Record<RiskTier, { clients: number; withLoss: number; lossFen: Fen }>;
  mismatches: number;
  elderly: number;
}

/** The age from which the analysis flagged clients elderly (a scoring setting), for the labels. */
const elderlyAgeOf = (a: Analysis): number => a.elderlyAge ?? DEFAULT_SCORING.elderlyAge;

/** The impact figures, as the risk report counts them (report.ts): the test checks they agree with the engine. */
export function regulatorFigures(a: Analysis): RegulatorFigures {
  const affected = a.products.filter((p) => p.pnlFen < 0 || p.drawdownBp > 0);
  const codes = new Set(affected.map((p) => p.productCode));
  const clients = a.clients.filter((c) => c.positions.some((p) => codes.has(p.productCode)));
  const byTier: RegulatorFigures["byTier"] = { high: { clients: 0, withLoss: 0, lossFen: 0 }, medium: { clients: 0, withLoss: 0, lossFen: 0 }, low: { clients: 0, withLoss: 0, lossFen: 0 } };
  for (const c of a.clients) {
    const t = byTier[c.riskTier];
    t.clients++;
    if (c.pnlFen < 0) { t.withLoss++; t.lossFen -= c.pnlFen; }
  }
  let affectedCostFen = 0;
  for (const c of clients) for (const p of c.positions) if (codes.has(p.productCode)) affectedCostFen += p.costFen;
  return {
    productsAffected: affected.map((p) => ({
      code: p.productCode, name: p.productName, peakNav: p.peakNav, latestNav: p.latestNav, latestNavDate: p.latestNavDate,
      drawdownBp: p.drawdownBp, holders: p.holders,
    })),
    clientsAffected: clients.length,
    clientsWithLoss: a.totals.clientsWithLoss,
    lossFen: a.totals.lossFen,
    affectedCostFen,
    byTier,
    mismatches: a.clients.filter((c) => c.flags.includes("suitability-mismatch")).length,
    elderly: a.clients.filter((c) => c.flags.includes("elderly")).length,
  };
}

/** Clients with at least one draft row marked contacted or sent on the drafts sheet. */
export function contactedClients(wb: WorkbookSnapshot): Set<string> {
  const out = new Set<string>();
  const sheet = wb.sheets.find((s) => [DRAFT_SHEET["zh-CN"], DRAFT_SHEET["en-US"]].map(norm).includes(norm(s.name)));
  if (!sheet) return out;
  const done = new Set(["contacted", "sent"].flatMap((k) => Object.values(DRAFT_STATUS_LABEL[k as "contacted"]).map(norm)));
  const idH = new Set(Object.values(DRAFT_HEADERS.clientId).map(norm));
  const stH = new Set(Object.values(DRAFT_HEADERS.status).map(norm));
  for (let r = 0; r < Math.min(20, sheet.rows.length); r++) {
    const row = sheet.rows[r] ?? [];
    const idC = row.findIndex((v) => typeof v === "string" && idH.has(norm(v)));
    const stC = row.findIndex((v) => typeof v === "string" && stH.has(norm(v)));
    if (idC < 0 || stC < 0) continue;
    for (let i = r + 1; i < sheet.rows.length; i++) {
      const d = sheet.rows[i];
      const st = d?.[stC];
      if (d && typeof st === "string" && done.has(norm(st)) && d[idC] !== null && d[idC] !== undefined) out.add(String(d[idC]).trim());
    }
    break;
  }
  return out;
}

export interface RegulatorOptions {
  locale: Locale;
  kind: RegulatorReportKind;
  /** ISO date-time of generation. */
  generatedAt: string;
  complaints: readonly Complaint[];
  /** Clients contacted (drafts sheet statuses). */
  contacted: ReadonlySet<string>;
  /** The live event's checklist, when the workbook has one (discovery time, steps done). */
  event?: DrillState;
  deadlines?: ReportingDeadlines;
  /** The regulator report sheet as it is now: the person's text in the boxes is kept. */
  previous?: SheetSnapshot;
}

export interface RegulatorReport {
  sheet: ReportSheetModel;
  data: TableSheetModel;
  figures: RegulatorFigures;
  /** Every sentence LossDesk wrote on the sheet (for the compliance check). */
  texts: string[];
  /** Whether the report stands approved (已审定) as written: only then may it be sent. */
  approved: boolean;
}

const money = formatYuan;
const pct = formatPercent;

export function buildRegulatorReport(a: Analysis, o: RegulatorOptions): RegulatorReport {
  const L = o.locale;
  const zh = L === "zh-CN";
  const f = regulatorFigures(a);
  const d = o.deadlines ?? DEFAULT_DEADLINES;
  const cs = summarise(o.complaints);
  const kind = KIND_LABEL[o.kind][L];
  const generated = o.generatedAt.replace("T", " ").slice(0, 16);
  const blocks: ReportBlock[] = [];
  const texts: string[] = [];
  const para = (text: string) => { texts.push(text); blocks.push({ kind: "paragraph", text }); };
  const box = (key: string, label: string, rows: number) => {
    texts.push(label);
    blocks.push({ kind: "input", area: { key: `regulator-${key}`, label, prefill: readAnalystText(o.previous, `regulator-${key}`, label), rows } });
  };
  const heading = (text: string) => { texts.push(text); blocks.push({ kind: "heading", text }); };
  const products = f.productsAffected.map((p) => `${p.code}${p.name ? ` ${p.name}` : ""}`).join(zh ? "、" : ", ") || (zh ? "（无）" : "(none)");
  const moves = f.productsAffected.map((p) => zh
    ? `${p.code} 单位净值由 ${formatNav(p.peakNav)} 降至 ${formatNav(p.latestNav)}（${p.latestNavDate}，回撤 ${pct(p.drawdownBp)}，持有人 ${p.holders} 名）`
    : `${p.code}: unit NAV from ${formatNav(p.peakNav)} to ${formatNav(p.latestNav)} (${p.latestNavDate}, drawdown ${pct(p.drawdownBp)}, ${p.holders} holders)`).join(zh ? "；" : "; ");

  const title = zh ? `理财产品净值下跌事件报告（${kind}）` : `Incident report: fall in product NAV (${kind})`;
  const subtitle = zh ? `生成时间：${generated}    分析日：${a.asOf}` : `Generated ${generated}    as of ${a.asOf}`;
  // the subtitle gets the approval state once the content (and so its version) is known
  blocks.push({ kind: "title", text: title, subtitle: [subtitle] });
  texts.push(title);

  heading(zh ? "一、报告单位与联系人" : "1. Reporting unit and contact");
  box("unit", zh ? "报告单位（填写）" : "Reporting unit (fill in)", 1);
  box("contact", zh ? "联系人及联系电话（填写）" : "Contact person and phone (fill in)", 1);

  heading(zh ? "二、报告时限" : "2. Reporting deadlines");
  const start = o.event?.scenario.start;
  const at = (min: number) => (start ? formatWall(new Date(start.getTime() + min * 60_000)) : null);
  const stepState = (key: string) => {
    const s = o.event?.steps.find((x) => x.key === key);
    if (!s) return zh ? "（无应急响应清单）" : "(no response checklist)";
    return s.completedAt ? `${STATUS_LABEL[s.status][L]} ${formatWall(s.completedAt)}` : STATUS_LABEL[s.status][L];
  };
  // "by 10:30; done 10:12" once the event has a start; before that, say what the deadline counts from.
  // The written report is this sheet: its own step's state is not printed on it, or sending it (the
  // step set to done) would change the content approved and ask for approval again.
  const due = (min: number, step?: string) => {
    const by = at(min);
    const state = step ? `；${stepState(step)}` : "";
    const stateEn = step ? `; ${stepState(step)}` : "";
    if (!by) return zh ? `自事件发现时间起算${state}` : `counted from the time the event was discovered${stateEn}`;
    return zh ? `${by} 前${state}` : `by ${by}${stateEn}`;
  };
  const deadlineRows = [
    { label: zh ? "事件发现时间" : "Event discovered", value: start ? formatWall(start) : (zh ? "（未启动应急事件，请填写）" : "(no live event started; fill in)") },
    { label: zh ? `口头报告（${minutesPhrase(d.oralMinutes, L)}内）` : `Oral report (within ${minutesPhrase(d.oralMinutes, L)})`, value: due(d.oralMinutes, "report-phone") },
    { label: zh ? `书面报告（${minutesPhrase(d.writtenMinutes, L)}内）` : `Written report (within ${minutesPhrase(d.writtenMinutes, L)})`, value: due(d.writtenMinutes) },
    { label: zh ? "本次报告" : "This report", value: kind },
  ];
  blocks.push({ kind: "facts", rows: deadlineRows });

  heading(zh ? "三、事件概况" : "3. The event");
  para(zh
    ? `截至 ${a.asOf}，${f.productsAffected.length} 只理财产品净值下跌：${moves || "（无）"}。涉及产品：${products}；受影响客户持仓成本合计 ${money(f.affectedCostFen)} 元。`
    : `As of ${a.asOf}, ${f.productsAffected.length} products fell: ${moves || "(none)"}. Products: ${products}; the affected clients' holdings cost ${money(f.affectedCostFen)} in all.`);
  box("summary", zh ? "事件经过（发生了什么、何时发现、原因初判；填写）" : "What happened, when it was found, first view of the cause (fill in)", 4);

  heading(zh ? "四、影响评估" : "4. Impact");
  const counts = clientCounts(a);
  blocks.push({
    kind: "facts",
    rows: [
      // Named as the risk report names them, so the two counts cannot read as a contradiction
      // (92 holders of the products that fell, 97 clients with a loss across all products).
      { label: zh ? "持有下跌产品的客户" : "Clients holding a product that fell", value: counts.holdersOfFallen },
      { label: zh ? "　其中全部持仓合计未亏损" : "  of whom not at a loss overall", value: counts.holdersNotAtLoss },
      { label: zh ? "全部产品中出现亏损的客户" : "Clients with a loss across all products", value: f.clientsWithLoss },
      { label: zh ? "　其中未持有下跌产品" : "  of whom holding no product that fell", value: counts.withLossNotHolders },
      { label: zh ? "亏损合计（元）" : "Total loss (CNY)", value: fenToYuanNumber(f.lossFen), numFmt: "#,##0.00" },
      { label: zh ? "适当性不匹配客户" : "Suitability mismatches", value: f.mismatches },
      { label: zh ? `${elderlyAgeOf(a)}岁及以上客户` : `Clients aged ${elderlyAgeOf(a)} and over`, value: f.elderly },
    ],
  });
  const tiers: RiskTier[] = ["high", "medium", "low"];
  blocks.push({
    kind: "table",
    columns: [
      { header: zh ? "风险分级" : "Risk tier" }, { header: zh ? "客户" : "Clients" }, { header: zh ? "亏损客户" : "With a loss" },
      { header: zh ? "亏损金额（元）" : "Loss (CNY)", numFmt: "#,##0.00" },
    ],
    rows: tiers.map((t) => [ui("tiers", t, L), f.byTier[t].clients, f.byTier[t].withLoss, fenToYuanNumber(f.byTier[t].lossFen)]),
    note: zh ? "数据来自亏损分析（每笔持仓按分四舍五入一次后汇总）；明细见“亏损明细”工作表。" : "Figures from the loss analysis (each lot rounded once to the fen, then summed); details on the Client losses sheet.",
  });

  heading(zh ? "五、已采取的措施" : "5. Measures taken");
  // (not the sending of this report itself: see `due`)
  const done = (o.event?.steps ?? []).filter((s) => s.status === "done" && !ACTIVITY_STEPS["report-written"].includes(s.key)).map((s) => s.text);
  const losing = new Set(a.clients.filter((c) => c.pnlFen < 0).map((c) => c.clientId));
  const contactedLosing = [...o.contacted].filter((id) => losing.has(id)).length;
  blocks.push({
    kind: "facts",
    rows: [
      { label: zh ? "已联系亏损客户" : "Clients with a loss contacted", value: `${contactedLosing} / ${f.clientsWithLoss}` },
      { label: zh ? "收到投诉" : "Complaints received", value: cs.received },
      { label: zh ? "未办结 / 已逾期" : "Open / overdue", value: `${cs.open} / ${cs.overdue}` },
      { label: zh ? "要求赔偿的投诉" : "Complaints asking for compensation", value: cs.byDemand.compensation.received },
    ],
  });
  para(done.length
    ? (zh ? `应急响应已完成的步骤：${done.join("；")}。` : `Response steps done: ${done.join("; ")}.`)
    // Only what the checklist records is stated as done: a regulator report must not claim a
    // response that nobody has marked as started.
    : (zh ? "应急响应清单中尚无已完成的步骤；已采取的措施请在下方填写。" : "No step of the response checklist is marked done yet; write the measures taken below."));
  box("measures", zh ? "其他已采取的措施（填写）" : "Other measures taken (fill in)", 3);

  if (o.kind === "update") {
    heading(zh ? "六、续报：自上次报告以来的进展" : "6. Update: progress since the last report");
    box("progress", zh ? "进展情况（填写）" : "Progress (fill in)", 4);
  } else if (o.kind === "final") {
    heading(zh ? "六、终报：处置结果、原因与整改" : "6. Final: outcome, causes and corrective actions");
    box("closing", zh ? "处置结果、原因分析与整改措施（填写）" : "Outcome, cause analysis and corrective actions (fill in)", 5);
  }
  heading(zh ? (o.kind === "first" ? "六、下一步工作" : "七、下一步工作") : (o.kind === "first" ? "6. Next steps" : "7. Next steps"));
  para(zh
    ? "拟按联系计划在时限内完成全部亏损客户的沟通，对适当性不匹配客户核查销售过程，持续监测舆情，并按要求报送续报。沟通中不承诺保本保收益，不以自有资金弥补亏损。"
    : "We will contact every client with a loss within the plan's deadlines, review the sales of suitability mismatches, keep watching the media, and send update reports as required. Nothing we say promises principal or returns, and losses are not made good from the bank's own funds.");
  box("next", zh ? "下一步工作（填写）" : "Next steps (fill in)", 3);

  // the version: everything on the sheet so far but the title (which has the generation time)
  const approval = approvalOf(o.previous, reportVersion(JSON.stringify(blocks.slice(1))), L);
  blocks[0] = { kind: "title", text: title, subtitle: [`${subtitle}    ${approvalLine(approval, L)}`] };
  heading(zh ? (o.kind === "first" ? "七、审定" : "八、审定") : (o.kind === "first" ? "7. Approval" : "8. Approval"));
  blocks.push({
    kind: "facts",
    rows: [
      { label: APPROVAL_LABEL.version[L], value: approval.version },
      { label: APPROVAL_LABEL.status[L], value: approvalLine(approval, L) },
    ],
  });
  blocks.push({ kind: "input", area: { key: "regulator-approver", label: APPROVAL_LABEL.approver[L], prefill: approval.approver, rows: 1 } });
  blocks.push({ kind: "input", area: { key: "regulator-approved-at", label: APPROVAL_LABEL.approvedAt[L], prefill: approval.approvedAt, rows: 1 } });
  blocks.push({ kind: "input", area: { key: "regulator-approval-history", label: APPROVAL_LABEL.history[L], prefill: approval.history, rows: 2 } });

  const data: TableSheetModel = {
    name: EVENT_SHEETS.regulatorData[L],
    columns: [{ header: zh ? "项目" : "Item", width: 30 }, { header: zh ? "数值" : "Value", width: 18, numFmt: "#,##0.00" }],
    rows: ([
      [zh ? "受影响产品" : "Products affected", f.productsAffected.length],
      [zh ? "持有受影响产品的客户" : "Clients holding an affected product", f.clientsAffected],
      [zh ? "全部产品中出现亏损的客户" : "Clients with a loss across all products", f.clientsWithLoss],
      [zh ? "亏损合计（元）" : "Total loss (CNY)", fenToYuanNumber(f.lossFen)],
      [zh ? "受影响持仓成本（元）" : "Affected holdings at cost (CNY)", fenToYuanNumber(f.affectedCostFen)],
      ...tiers.map((t) => [`${ui("tiers", t, L)}${zh ? "亏损（元）" : " loss (CNY)"}`, fenToYuanNumber(f.byTier[t].lossFen)]),
      [zh ? "适当性不匹配客户" : "Suitability mismatches", f.mismatches],
      [zh ? `${elderlyAgeOf(a)}岁及以上客户` : `Clients aged ${elderlyAgeOf(a)}+`, f.elderly],
      [zh ? "收到投诉" : "Complaints received", cs.received],
      [zh ? "未办结投诉" : "Complaints open", cs.open],
      [zh ? "逾期投诉" : "Complaints overdue", cs.overdue],
    ] as CellValue[][]),
  };

  return {
    sheet: {
      name: EVENT_SHEETS.regulator[L],
      columnWidths: [22, 14, 12, 12, 12, 12, 12, 12, 12, 20],
      blocks,
      footer: { left: `${kind} ${a.asOf}`, center: zh ? "第 &P 页 / 共 &N 页" : "Page &P of &N", right: zh ? "内部资料 Internal" : "Internal 内部资料" },
      repeatRows: [1, 1],
    },
    data,
    figures: f,
    texts: [...texts, ...deadlineRows.map((r) => `${r.label} ${r.value}`)],
    approved: approval.state === "approved",
  };
}

// ---- approval (审定) ----
// The report goes to the regulator only once the leadership group has approved it. The approval is
// of one content: what the sheet says (figures, counts, steps done, the text typed in its boxes)
// gives a version, and
// when a regeneration changes it (more clients contacted, a complaint closed) the approval no
// longer stands: the approver and time move to the history box, where nothing typed is lost, and
// the report reads "to be approved again".

const APPROVAL_LABEL: Record<"version" | "status" | "approver" | "approvedAt" | "history", Text> = {
  version: { "zh-CN": "报告版本（内容变化即更新）", "en-US": "Report version (changes with the content)" },
  status: { "zh-CN": "审定状态", "en-US": "Approval" },
  approver: { "zh-CN": "审定人（应急领导小组，填写）", "en-US": "Approved by (leadership group; fill in)" },
  approvedAt: { "zh-CN": "审定时间（填写）", "en-US": "Approved at (fill in)" },
  history: { "zh-CN": "审定记录（内容变化前的审定）", "en-US": "Approval history (approvals of earlier content)" },
};

interface ReportApproval {
  /** Eight hex digits of the sheet's content. */
  version: string;
  approver: string;
  approvedAt: string;
  history: string;
  state: "approved" | "to-approve" | "to-reapprove";
}

/** The version of a report's content: FNV-1a over its text, as 8 hex digits. */
function reportVersion(content: string): string {
  let h = 2166136261;
  for (let i = 0; i < content.length; i++) h = Math.imul(h ^ content.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16).padStart(8, "0");
}

/** The version printed on a previous report sheet (the value beside its label), if any. */
function previousVersion(previous: SheetSnapshot | undefined): string | undefined {
  const labels = new Set(Object.values(APPROVAL_LABEL.version));
  for (const row of previous?.rows ?? []) {
    if (!row || typeof row[0] !== "string" || !labels.has(row[0].trim())) continue;
    const v = row.slice(1).find((x) => x !== null && x !== undefined && String(x).trim() !== "");
    return v === undefined ? undefined : String(v).trim();
  }
  return undefined;
}

function approvalOf(previous: SheetSnapshot | undefined, version: string, L: Locale): ReportApproval {
  const read = (k: keyof typeof APPROVAL_LABEL, key: string) => readAnalystText(previous, key, APPROVAL_LABEL[k][L]).trim();
  const approver = read("approver", "regulator-approver");
  const approvedAt = read("approvedAt", "regulator-approved-at");
  const history = read("history", "regulator-approval-history");
  if (!approver || !approvedAt) return { version, approver, approvedAt, history, state: "to-approve" };
  const was = previousVersion(previous);
  if (was === version) return { version, approver, approvedAt, history, state: "approved" };
  // approved, but of other content: keep the record, clear the boxes
  const line = L === "zh-CN" ? `${approvedAt} ${approver} 审定版本 ${was ?? "?"}` : `${approvedAt} ${approver} approved version ${was ?? "?"}`;
  return { version, approver: "", approvedAt: "", history: history ? `${history}\n${line}` : line, state: "to-reapprove" };
}

function approvalLine(a: ReportApproval, L: Locale): string {
  const zh = L === "zh-CN";
  if (a.state === "approved") return zh ? `已审定：${a.approver} ${a.approvedAt}` : `Approved: ${a.approver} ${a.approvedAt}`;
  if (a.state === "to-reapprove") return zh ? "待重新审定：内容自上次审定后已变化，报送前须经应急领导小组审定" : "To be approved again: the content changed since it was approved; the leadership group approves it before it is sent";
  return zh ? "待审定：报送前须经应急领导小组审定" : "To be approved: the leadership group approves it before it is sent";
}
