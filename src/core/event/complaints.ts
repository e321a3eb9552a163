// The complaint register (投诉登记 / Complaints): one row per complaint, typed by customer service,
// with the client's name and loss looked up from the analysis and two computed columns, the reply
// deadline and the days left (docs/live-event.md).
//
// The clock is contact.ts's complaintClock (银行业保险业消费投诉处理管理办法): decided within 15 days
// of receipt, the day of receipt not counted (due = received + 15); 30 days once an extension
// reason is typed (延期原因); 60 once the senior approval is recorded too (延期批准: who approved,
// and when, as text). The extension follows the reason and the approval, not the status: a
// complaint extended and then answered keeps its 30- or 60-day deadline. Status 已延期 without a
// reason is an issue and counts 15 days.
//
// 剩余天数 is a formula on TODAY(), so the sheet stays current whenever it is opened; its cached
// value (what readers that do not calculate see) is counted from the day the sheet was generated.
// Answered (已答复) and closed (已办结) complaints have no days left: the clock has stopped.
//
// Regeneration keeps every row people typed: the previous sheet is read by its header names
// (either language, wherever the columns moved), rows matched by 投诉编号 and rows without an id
// kept too, in the order people left them.

// The clock's days are the complaint policy in force (the complaintPolicy setting, passed as
// `policy`; contact.ts's DEFAULT_COMPLAINT_POLICY when none is given): the register's formula,
// cached values, notes and messages, and the report's complaints section all count from it.
import { DEFAULT_COMPLAINT_POLICY, complaintClock, daysBetween, type ComplaintPolicy, type ComplaintStage } from "../contact";
import { cellIssue, colLetter, type Issue } from "../sheet-address";
import { fill, type Locale } from "../i18n";
import { fenToYuanNumber, type Fen } from "../money";
import { isCellError, type CellValue, type ColumnSpec, type SheetSnapshot, type TableSheetModel, type WorkbookSnapshot, type ReportBlock } from "../workbook";
import { Bad, readDate } from "../values";
import { EVENT_SHEETS, EVENT_TABLES, labelIndex, norm, type Text } from "./text";

export type ComplaintColumn =
  | "id" | "received" | "clientId" | "clientName" | "loss" | "channel" | "demand" | "product" | "department"
  | "handler" | "status" | "reason" | "approval" | "due" | "daysLeft" | "repliedOn" | "outcome" | "notes";

export const COMPLAINT_COLUMNS: readonly ComplaintColumn[] = [
  "id", "received", "clientId", "clientName", "loss", "channel", "demand", "product", "department", "handler",
  "status", "reason", "approval", "due", "daysLeft", "repliedOn", "outcome", "notes",
];

export const COMPLAINT_HEADERS: Record<ComplaintColumn, Text> = {
  id: { "zh-CN": "投诉编号", "en-US": "Complaint ID" },
  received: { "zh-CN": "收到日期", "en-US": "Received" },
  clientId: { "zh-CN": "客户编号", "en-US": "Client ID" },
  clientName: { "zh-CN": "客户姓名", "en-US": "Client name" },
  loss: { "zh-CN": "亏损金额（元）", "en-US": "Loss (CNY)" },
  channel: { "zh-CN": "渠道", "en-US": "Channel" },
  demand: { "zh-CN": "诉求", "en-US": "Demand" },
  product: { "zh-CN": "涉及产品", "en-US": "Product" },
  department: { "zh-CN": "承办部门", "en-US": "Department" },
  handler: { "zh-CN": "处理人", "en-US": "Handled by" },
  status: { "zh-CN": "状态", "en-US": "Status" },
  reason: { "zh-CN": "延期原因", "en-US": "Extension reason" },
  approval: { "zh-CN": "延期批准", "en-US": "Extension approved by" },
  due: { "zh-CN": "答复期限", "en-US": "Reply due" },
  daysLeft: { "zh-CN": "剩余天数", "en-US": "Days left" },
  repliedOn: { "zh-CN": "答复日期", "en-US": "Replied on" },
  outcome: { "zh-CN": "处理结果", "en-US": "Outcome" },
  notes: { "zh-CN": "备注", "en-US": "Notes" },
};

/** Columns people type; the rest LossDesk computes (name and loss only when the client is known). */
const TYPED: readonly ComplaintColumn[] = [
  "id", "received", "clientId", "clientName", "channel", "demand", "product", "department", "handler", "status",
  "reason", "approval", "repliedOn", "outcome", "notes",
];

export type ComplaintStatus = "registered" | "in-progress" | "answered" | "closed" | "extended";
export const COMPLAINT_STATUSES: readonly ComplaintStatus[] = ["registered", "in-progress", "answered", "closed", "extended"];
export const COMPLAINT_STATUS_LABEL: Record<ComplaintStatus, Text> = {
  registered: { "zh-CN": "已登记", "en-US": "Registered" },
  "in-progress": { "zh-CN": "处理中", "en-US": "In progress" },
  answered: { "zh-CN": "已答复", "en-US": "Answered" },
  closed: { "zh-CN": "已办结", "en-US": "Closed" },
  extended: { "zh-CN": "已延期", "en-US": "Extended" },
};
const STATUS_INDEX = labelIndex(COMPLAINT_STATUS_LABEL, {
  registered: ["登记", "新", "new", "open"], "in-progress": ["处理", "受理中", "doing"],
  answered: ["答复", "已回复", "replied"], closed: ["办结", "已完成", "done", "resolved"], extended: ["延期", "extension"],
});

export const CHANNELS: Text[] = [
  { "zh-CN": "电话", "en-US": "Phone" },
  { "zh-CN": "柜面", "en-US": "Counter" },
  { "zh-CN": "信函", "en-US": "Letter" },
  { "zh-CN": "网络", "en-US": "Online" },
  { "zh-CN": "监管转办", "en-US": "Regulator referral" },
  { "zh-CN": "12378", "en-US": "12378" },
];

/** What a client asks for, by keywords of the 诉求 text; for the report's "by demand" table. */
export type DemandKind = "compensation" | "redemption" | "explanation" | "other";
export const DEMAND_LABEL: Record<DemandKind, Text> = {
  compensation: { "zh-CN": "要求赔偿", "en-US": "Compensation" },
  redemption: { "zh-CN": "要求赎回/退款", "en-US": "Redemption or refund" },
  explanation: { "zh-CN": "要求解释说明", "en-US": "Explanation" },
  other: { "zh-CN": "其他", "en-US": "Other" },
};
export function demandKind(text: string): DemandKind {
  const t = text.toLowerCase();
  if (/赔|补偿|兜底|承担损失|compensat|(?:make|made|making) good|reimburs/.test(t)) return "compensation";
  if (/赎回|退款|退钱|撤销|redeem|redemption|refund|cancel/.test(t)) return "redemption";
  if (/解释|说明|了解|告知|explain|information|why/.test(t)) return "explanation";
  return "other";
}

/** A status cell in either language; blank is Registered; undefined when unrecognised. */
export function parseComplaintStatus(text: string): ComplaintStatus | undefined {
  if (text.trim() === "") return "registered";
  return STATUS_INDEX.get(norm(text));
}

export function isOpen(s: ComplaintStatus | undefined): boolean {
  return s !== "answered" && s !== "closed";
}

/** Client facts the register looks up (from the analysis). */
export interface ClientFacts {
  name?: string;
  /** Loss as a positive amount of fen; 0 when the client did not lose. */
  lossFen: Fen;
}
export type ClientLookup = ReadonlyMap<string, ClientFacts>;

export function clientLookup(a: { clients: readonly { clientId: string; clientName?: string; pnlFen: Fen }[] }): ClientLookup {
  return new Map(a.clients.map((c) => [c.clientId, { name: c.clientName, lossFen: c.pnlFen < 0 ? -c.pnlFen : 0 }]));
}

export interface Complaint {
  /** 1-based sheet row it was read from (undefined for a row not read from a sheet). */
  row?: number;
  id: string;
  received: string | null;
  clientId: string;
  clientName: string;
  /** Looked up: null when the client is not known. */
  lossFen: Fen | null;
  channel: string;
  demand: string;
  product: string;
  department: string;
  handler: string;
  status: ComplaintStatus | undefined;
  statusText: string;
  reason: string;
  approval: string;
  repliedOn: string | null;
  outcome: string;
  notes: string;
  stage: ComplaintStage;
  due: string | null;
  /** From the as-of day; null when closed or without a received date. */
  daysLeft: number | null;
  overdue: boolean;
  open: boolean;
  /** Cell values as typed, for the columns that could not be read (kept on regeneration). */
  raw: Partial<Record<ComplaintColumn, CellValue>>;
}

/** Which stage of the clock a complaint is at: the reason gives 30 days, the approval too 60. */
export function complaintStage(reason: string, approval: string): ComplaintStage {
  if (reason.trim() === "") return "normal";
  return approval.trim() === "" ? "complex" : "extended";
}

/** Days left counted as "due soon": 0..3 (the last day included). */
export const DUE_SOON_DAYS = 3;

// ---- reading a register ----

const HEADER_INDEX = labelIndex(COMPLAINT_HEADERS, {
  id: ["编号", "投诉单号", "id"], received: ["收到时间", "受理日期", "投诉日期", "received date", "date received"],
  clientId: ["客户号", "client"], clientName: ["姓名", "name"], demand: ["投诉诉求", "诉求内容"],
  department: ["承办单位", "dept"], handler: ["经办人", "handler"], reason: ["延期理由"],
  approval: ["批准人", "延期审批", "approved by"], repliedOn: ["回复日期", "答复时间", "replied"], outcome: ["结果", "result"],
});

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (isCellError(v)) return v.error;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

export interface FoundRegister {
  sheet: SheetSnapshot;
  headerRow: number; // 0-based
  cols: Map<ComplaintColumn, number>;
}

/** The register: the sheet 投诉登记 / Complaints, else any sheet with 投诉编号 and 收到日期 headers in its first 20 rows. */
export function findRegister(wb: WorkbookSnapshot): FoundRegister | undefined {
  const names = new Set([norm(EVENT_SHEETS.complaints["zh-CN"]), norm(EVENT_SHEETS.complaints["en-US"])]);
  const byTable = (s: SheetSnapshot) => s.tables.some((t) => t.name.toLowerCase() === EVENT_TABLES.complaints.toLowerCase());
  const ordered = [
    ...wb.sheets.filter((s) => names.has(norm(s.name)) || byTable(s)),
    ...wb.sheets.filter((s) => !(names.has(norm(s.name)) || byTable(s))),
  ];
  for (const sheet of ordered) {
    for (let r = 0; r < Math.min(20, sheet.rows.length); r++) {
      const row = sheet.rows[r];
      if (!row) continue;
      const cols = new Map<ComplaintColumn, number>();
      row.forEach((v, c) => {
        const k = typeof v === "string" ? HEADER_INDEX.get(norm(v)) : undefined;
        if (k && !cols.has(k)) cols.set(k, c);
      });
      if (cols.has("received") && (cols.has("id") || cols.has("clientId"))) return { sheet, headerRow: r, cols };
    }
  }
  return undefined;
}

const MSG = {
  "bad-received": { "zh-CN": "收到日期不是日期：“{a}”，无法计算答复期限", "en-US": "received date is not a date: \"{a}\"; no reply deadline can be computed" },
  "no-received": { "zh-CN": "投诉 {a} 没有收到日期，无法计算答复期限", "en-US": "complaint {a} has no received date; no reply deadline can be computed" },
  "bad-replied": { "zh-CN": "答复日期不是日期：“{a}”", "en-US": "reply date is not a date: \"{a}\"" },
  "unknown-client": { "zh-CN": "客户编号 {a} 不在本次分析的客户中，姓名与亏损未查到", "en-US": "client ID {a} is not among the clients analysed; name and loss not looked up" },
  "bad-status": { "zh-CN": "状态无法识别：“{a}”，按未办结处理", "en-US": "status not recognised: \"{a}\"; counted as open" },
  "extended-no-reason": { "zh-CN": "状态为已延期但未填写延期原因，仍按 {days} 日计算", "en-US": "status is Extended but no extension reason is given; {days} days still apply" },
  "approval-no-reason": { "zh-CN": "填写了延期批准但没有延期原因，仍按 {days} 日计算", "en-US": "an extension approval without a reason; {days} days still apply" },
  "duplicate-id": { "zh-CN": "投诉编号 {a} 重复", "en-US": "complaint ID {a} appears twice" },
} as const satisfies Record<string, Text>;

function msg(code: keyof typeof MSG, locale: Locale, a = "", policy: ComplaintPolicy = DEFAULT_COMPLAINT_POLICY): string {
  return fill(MSG[code][locale], { a, days: policy.decideDays });
}

export interface RegisterRead {
  complaints: Complaint[];
  issues: Issue[];
  /** Where the register was found ("" sheet when none). */
  sheet?: string;
}

export interface ReadOptions {
  locale: Locale;
  /** The day days-left is counted from (YYYY-MM-DD). */
  asOf: string;
  /** Clients of the analysis; without it client IDs are not checked and nothing is looked up. */
  clients?: ClientLookup;
  /** The complaint clock in force (the complaintPolicy setting); default DEFAULT_COMPLAINT_POLICY. */
  policy?: ComplaintPolicy;
}

/** Reads every complaint row of a register; every unreadable cell an issue naming it, the rest goes on. */
export function readRegister(found: FoundRegister | undefined, o: ReadOptions): RegisterRead {
  const issues: Issue[] = [];
  if (!found) return { complaints: [], issues };
  const { sheet, headerRow, cols } = found;
  const S = sheet.name;
  const complaints: Complaint[] = [];
  const seen = new Set<string>();
  const typedCols = TYPED.map((k) => cols.get(k)).filter((c): c is number => c !== undefined);
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row || typedCols.every((c) => text(row[c]) === "")) continue;
    const at = (k: ComplaintColumn) => `${colLetter(cols.get(k)!)}${r + 1}`;
    const raw: Complaint["raw"] = {};
    const v = (k: ComplaintColumn): CellValue | undefined => (cols.has(k) ? row[cols.get(k)!] : undefined);
    const t = (k: ComplaintColumn) => text(v(k));
    for (const k of TYPED) if (cols.has(k)) raw[k] = v(k) ?? null;
    const add = (k: ComplaintColumn, severity: Issue["severity"], code: keyof typeof MSG, a?: string) =>
      issues.push(cellIssue(severity, S, at(k), `complaint-${code}`, msg(code, o.locale, a, o.policy)));

    const id = t("id");
    if (id && seen.has(id)) add("id", "warning", "duplicate-id", id);
    if (id) seen.add(id);
    let received: string | null = null;
    const rd = readDate(v("received"));
    if (rd instanceof Bad) add("received", "error", "bad-received", rd.shown);
    else if (rd === undefined) issues.push(cellIssue("error", S, cols.has("received") ? at("received") : `A${r + 1}`, "complaint-no-received", msg("no-received", o.locale, id || `#${r + 1}`)));
    else received = rd;
    let repliedOn: string | null = null;
    const rp = readDate(v("repliedOn"));
    if (rp instanceof Bad) add("repliedOn", "warning", "bad-replied", rp.shown);
    else if (rp !== undefined) repliedOn = rp;

    const statusText = t("status");
    const status = parseComplaintStatus(statusText);
    if (!status) add("status", "warning", "bad-status", statusText);
    const reason = t("reason");
    const approval = t("approval");
    if (status === "extended" && !reason) add("status", "warning", "extended-no-reason");
    else if (approval && !reason) add("approval", "warning", "approval-no-reason");
    const stage = complaintStage(reason, approval);

    const clientId = t("clientId");
    let clientName = t("clientName");
    let lossFen: number | null = null;
    if (clientId && o.clients) {
      const c = o.clients.get(clientId);
      if (c) {
        clientName = c.name ?? clientName;
        lossFen = c.lossFen;
      } else add("clientId", "warning", "unknown-client", clientId);
    }
    const open = isOpen(status);
    let due: string | null = null;
    let daysLeft: number | null = null;
    if (received) {
      const clock = complaintClock(received, o.asOf, stage, o.policy);
      due = clock.due;
      if (open) daysLeft = clock.daysLeft;
    }
    complaints.push({
      row: r + 1, id, received, clientId, clientName, lossFen, channel: t("channel"), demand: t("demand"), product: t("product"),
      department: t("department"), handler: t("handler"), status, statusText, reason, approval, repliedOn, outcome: t("outcome"),
      notes: t("notes"), stage, due, daysLeft, overdue: daysLeft !== null && daysLeft < 0, open, raw,
    });
  }
  return { complaints, issues, sheet: S };
}

// ---- the sheet ----

const EXTRA_ROWS = 200;

/** ISO day -> the Date a date cell holds (UTC midnight). */
function dateCell(iso: string | null): Date | null {
  return iso ? new Date(`${iso}T00:00:00Z`) : null;
}

export interface RegisterOptions {
  locale: Locale;
  /** Generation day (YYYY-MM-DD): the cached 剩余天数 are counted from it. */
  asOf: string;
  clients?: ClientLookup;
  /** The register as it is in the workbook now (any sheet found by findRegister). */
  previous?: WorkbookSnapshot;
  /** The complaint clock in force (the complaintPolicy setting); default DEFAULT_COMPLAINT_POLICY. */
  policy?: ComplaintPolicy;
}

export interface Register {
  sheet: TableSheetModel;
  complaints: Complaint[];
  issues: Issue[];
}

/** The columns' letters, for the formulas and the conditional formats. */
const L = Object.fromEntries(COMPLAINT_COLUMNS.map((k, i) => [k, colLetter(i)])) as Record<ComplaintColumn, string>;

export function dueFormula(policy: ComplaintPolicy = DEFAULT_COMPLAINT_POLICY): string {
  const { decideDays, complexDays, maxDays } = policy;
  return `=IF(${L.received}{r}="","",${L.received}{r}+IF(${L.reason}{r}="",${decideDays},IF(${L.approval}{r}="",${complexDays},${maxDays})))`;
}

export function daysLeftFormula(locale: Locale): string {
  const answered = COMPLAINT_STATUS_LABEL.answered[locale];
  const closed = COMPLAINT_STATUS_LABEL.closed[locale];
  return `=IF(OR(${L.due}{r}="",${L.status}{r}="${answered}",${L.status}{r}="${closed}"),"",${L.due}{r}-TODAY())`;
}

export function buildRegister(o: RegisterOptions): Register {
  const zh = o.locale === "zh-CN";
  const { decideDays: DECIDE_DAYS, complexDays: COMPLEX_DAYS, maxDays: MAX_DAYS } = o.policy ?? DEFAULT_COMPLAINT_POLICY;
  const read = readRegister(o.previous ? findRegister(o.previous) : undefined, o);
  const rows: CellValue[][] = read.complaints.map((c) => {
    const typed = (k: ComplaintColumn, value: string) => (value === "" ? null : c.raw[k] ?? value);
    const status = c.status ? COMPLAINT_STATUS_LABEL[c.status][o.locale] : c.statusText;
    return [
      typed("id", c.id), c.received ? dateCell(c.received) : (c.raw.received ?? null), typed("clientId", c.clientId),
      c.clientName || null, c.lossFen === null ? null : fenToYuanNumber(c.lossFen), typed("channel", c.channel),
      typed("demand", c.demand), typed("product", c.product), typed("department", c.department), typed("handler", c.handler),
      status || COMPLAINT_STATUS_LABEL.registered[o.locale], typed("reason", c.reason), typed("approval", c.approval),
      dateCell(c.due), c.daysLeft, c.repliedOn ? dateCell(c.repliedOn) : (c.raw.repliedOn ?? null), typed("outcome", c.outcome),
      typed("notes", c.notes),
    ].map((x) => (typeof x === "string" && x.trim() === "" ? null : x));
  });
  // an Excel table needs a data row: an empty register starts with one blank row to type into
  if (rows.length === 0) rows.push(COMPLAINT_COLUMNS.map(() => null));
  const statuses = COMPLAINT_STATUSES.map((s) => COMPLAINT_STATUS_LABEL[s][o.locale]);
  const columns: ColumnSpec[] = COMPLAINT_COLUMNS.map((k) => {
    const col: ColumnSpec = { header: COMPLAINT_HEADERS[k][o.locale] };
    if (k === "received" || k === "due" || k === "repliedOn") { col.numFmt = "yyyy-mm-dd"; col.width = 12; }
    if (k === "loss") { col.numFmt = "#,##0.00"; col.width = 14; }
    if (k === "daysLeft") { col.numFmt = "0"; col.width = 9; }
    if (k === "demand" || k === "outcome" || k === "notes") col.width = 30;
    if (k === "reason" || k === "approval") col.width = 20;
    if (k === "status") Object.assign(col, { list: statuses, listExtraRows: EXTRA_ROWS, width: 10 });
    if (k === "channel") Object.assign(col, { list: CHANNELS.map((c) => c[o.locale]), listAllowOther: true, listExtraRows: EXTRA_ROWS, width: 12 });
    if (k === "due") col.formula = dueFormula(o.policy);
    if (k === "daysLeft") col.formula = daysLeftFormula(o.locale);
    return col;
  });
  const open = read.complaints.filter((c) => c.open);
  const sheet: TableSheetModel = {
    name: EVENT_SHEETS.complaints[o.locale],
    preamble: zh
      ? [
        `客户投诉登记（生成日 ${o.asOf}）`,
        `投诉 ${read.complaints.length} 件，未办结 ${open.length} 件，已逾期 ${open.filter((c) => c.overdue).length} 件。`,
        `答复期限 = 收到日期 + ${DECIDE_DAYS} 日（收到当日不计）；填写延期原因的为 ${COMPLEX_DAYS} 日，另填写延期批准（批准人及日期）的为 ${MAX_DAYS} 日（银行业保险业消费投诉处理管理办法）。剩余天数按打开当天（TODAY）计算，已答复、已办结的不计。红色为已逾期，黄色为 3 日内到期。`,
      ]
      : [
        `Complaint register (generated ${o.asOf})`,
        `${read.complaints.length} complaints, ${open.length} open, ${open.filter((c) => c.overdue).length} overdue.`,
        `Reply due = received + ${DECIDE_DAYS} days (the day of receipt not counted); ${COMPLEX_DAYS} days once an extension reason is given, ${MAX_DAYS} once the extension approval (who and when) is recorded too. Days left count from today (TODAY) and stop once answered or closed. Red: overdue; amber: due within 3 days.`,
      ],
    columns,
    rows,
    tableName: EVENT_TABLES.complaints,
    freezeHeader: true,
    conditionalFormats: [
      { formula: `AND(ISNUMBER($${L.daysLeft}{r}),$${L.daysLeft}{r}<0)`, style: "bad" },
      { formula: `AND(ISNUMBER($${L.daysLeft}{r}),$${L.daysLeft}{r}<=${DUE_SOON_DAYS})`, style: "warn" },
    ],
  };
  return { sheet, complaints: read.complaints, issues: read.issues };
}

// ---- summaries: the CLI list, the report section ----

export interface ComplaintSummary {
  received: number;
  open: number;
  overdue: number;
  dueSoon: number;
  byDemand: Record<DemandKind, { received: number; open: number }>;
}

export function summarise(complaints: readonly Complaint[]): ComplaintSummary {
  const byDemand = { compensation: { received: 0, open: 0 }, redemption: { received: 0, open: 0 }, explanation: { received: 0, open: 0 }, other: { received: 0, open: 0 } };
  let open = 0, overdue = 0, dueSoon = 0;
  for (const c of complaints) {
    const d = byDemand[demandKind(c.demand)];
    d.received++;
    if (c.open) { open++; d.open++; }
    if (c.overdue) overdue++;
    else if (c.daysLeft !== null && c.daysLeft <= DUE_SOON_DAYS) dueSoon++;
  }
  return { received: complaints.length, open, overdue, dueSoon, byDemand };
}

/** Client IDs with a complaint still open: their drafts go to review (drafts' "open-complaint"). */
export function openComplaintClients(complaints: readonly Complaint[]): Set<string> {
  return new Set(complaints.filter((c) => c.open && c.clientId !== "").map((c) => c.clientId));
}

/** The same, read from a workbook's register (any sheet findRegister finds); empty without one. */
export function openComplaintClientsIn(wb: WorkbookSnapshot, locale: Locale, asOf: string): Set<string> {
  return openComplaintClients(readRegister(findRegister(wb), { locale, asOf }).complaints);
}

/** Open complaints with a deadline, soonest first (then by id): what the CLI prints. */
export function openByDue(complaints: readonly Complaint[]): Complaint[] {
  return complaints.filter((c) => c.open && c.due !== null)
    .sort((a, b) => (a.due! < b.due! ? -1 : a.due! > b.due! ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface ComplaintsJson {
  asOf: string;
  complaints: { id: string; clientId: string; receivedDate: string; dueDate: string; status: string; overdue: boolean; daysLeft: number; demand: string }[];
  totals: { open: number; overdue: number; dueSoon: number };
}

/** What `lossdesk complaints --json` writes; the status as its key (stable for scripts), unknown text as typed. */
export function complaintsJson(complaints: readonly Complaint[], asOf: string): ComplaintsJson {
  const list = openByDue(complaints);
  return {
    asOf,
    complaints: list.map((c) => ({
      id: c.id, clientId: c.clientId, receivedDate: c.received!, dueDate: c.due!, status: c.status ?? c.statusText,
      overdue: c.overdue, daysLeft: c.daysLeft ?? daysBetween(asOf, c.due!), demand: c.demand,
    })),
    totals: {
      open: list.length,
      overdue: list.filter((c) => c.overdue).length,
      dueSoon: list.filter((c) => !c.overdue && (c.daysLeft ?? 99) <= DUE_SOON_DAYS).length,
    },
  };
}

/** The report's complaints section (report.ts inserts it), from the register as built. */
export function complaintReportBlocks(
  complaints: readonly Complaint[], locale: Locale, heading: string, policy: ComplaintPolicy = DEFAULT_COMPLAINT_POLICY,
): ReportBlock[] {
  const zh = locale === "zh-CN";
  const { decideDays: DECIDE_DAYS, complexDays: COMPLEX_DAYS, maxDays: MAX_DAYS } = policy;
  const s = summarise(complaints);
  const kinds: DemandKind[] = ["compensation", "redemption", "explanation", "other"];
  return [
    { kind: "heading", text: heading },
    {
      kind: "facts",
      rows: [
        { label: zh ? "收到投诉" : "Complaints received", value: s.received },
        { label: zh ? "未办结" : "Open", value: s.open },
        { label: zh ? "已逾期" : "Overdue", value: s.overdue },
        { label: zh ? `${DUE_SOON_DAYS} 日内到期` : `Due within ${DUE_SOON_DAYS} days`, value: s.dueSoon },
      ],
    },
    {
      kind: "table",
      columns: [{ header: zh ? "诉求" : "Demand" }, { header: zh ? "收到" : "Received" }, { header: zh ? "未办结" : "Open" }],
      rows: kinds.filter((k) => s.byDemand[k].received > 0).map((k) => [DEMAND_LABEL[k][locale], s.byDemand[k].received, s.byDemand[k].open]),
      note: zh
        ? `来自“${EVENT_SHEETS.complaints[locale]}”工作表。投诉自收到之日起 ${DECIDE_DAYS} 日内作出处理决定（收到当日不计），有延期原因的 ${COMPLEX_DAYS} 日，经批准最长 ${MAX_DAYS} 日。对赔偿诉求不得承诺赔偿或以自有资金弥补亏损。`
        : `From the ${EVENT_SHEETS.complaints[locale]} sheet. A complaint is decided within ${DECIDE_DAYS} days of receipt (the day of receipt not counted), ${COMPLEX_DAYS} with an extension reason, at most ${MAX_DAYS} with approval. A demand for compensation is never answered with a promise of compensation.`,
    },
  ];
}

