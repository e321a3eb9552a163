// The media holding statement (媒体口径) and the media log (舆情记录).
//
// The statement is built from an editable template on its own sheet: one row per paragraph, the
// template text (people edit it; kept on regeneration by the paragraph's number), the statement as
// filled in, and its compliance finding. Placeholders are facts of the event only: the product,
// the NAV move and its date. Nothing about a single client may appear (a public statement names no
// client and gives no client's figures): a filled paragraph that contains a client ID or name of
// the analysis is flagged like a compliance error. Every paragraph goes through checkText; errors
// are issues naming the cell.
//
// The media log is a table people fill (time, outlet, what was said, response, handled by, notes);
// every row with something typed is kept on regeneration.

import type { Analysis } from "../analysis";
import { checkText, complianceSummary, type Finding } from "../compliance";
import { cellIssue, colLetter, type Issue } from "../sheet-address";
import type { Locale } from "../i18n";
import { formatNav } from "../format";
import { isCellError, type CellValue, type SheetSnapshot, type TableSheetModel, type WorkbookSnapshot, dataRowNumber } from "../workbook";
import { EVENT_SHEETS, EVENT_TABLES, labelIndex, norm, type Text } from "./text";

export const STATEMENT_PLACEHOLDERS = ["{产品}", "{净值变动}", "{净值日期}"] as const;

/** The built-in statement: facts, what the bank is doing, where clients can turn, the risk warning. */
export const DEFAULT_STATEMENT: Record<Locale, string[]> = {
  "zh-CN": [
    "关于{产品}净值波动的情况说明",
    "近期受市场波动影响，相关产品单位净值出现下跌：{净值变动}（截至{净值日期}）。",
    "我行高度重视，已启动应急响应机制，正在逐一联系持有该产品的客户，说明产品运作情况，听取客户意见。",
    "客户如有疑问，可通过我行客服热线或前往网点咨询，我行将依法依规、公平公正地处理每一件客户投诉。",
    "理财非存款、产品有风险、投资须谨慎；过往业绩不代表其未来表现。",
  ],
  "en-US": [
    "Statement on the NAV movement of {产品}",
    "Following recent market movements, the unit NAV of the products concerned fell: {净值变动} (as of {净值日期}).",
    "We take this seriously: our response plan is in operation and we are contacting every client who holds the product to explain how it has performed and to hear their views.",
    "Clients with questions can call our customer service hotline or visit a branch; every complaint will be handled fairly and in accordance with the rules.",
    "Risk warning: wealth management products are not deposits; they carry risks, so invest prudently. Past performance does not represent future performance.",
  ],
};

const STATEMENT_HEADERS = {
  no: { "zh-CN": "段落", "en-US": "Paragraph" },
  template: { "zh-CN": "模板（可编辑）", "en-US": "Template (editable)" },
  text: { "zh-CN": "口径全文", "en-US": "Statement text" },
  compliance: { "zh-CN": "合规检查", "en-US": "Compliance" },
} as const satisfies Record<string, Text>;

export const MEDIA_LOG_HEADERS = {
  at: { "zh-CN": "时间", "en-US": "Time" },
  outlet: { "zh-CN": "媒体/平台", "en-US": "Outlet" },
  said: { "zh-CN": "报道/问询内容", "en-US": "What was said or asked" },
  response: { "zh-CN": "回应", "en-US": "Response" },
  handler: { "zh-CN": "处理人", "en-US": "Handled by" },
  notes: { "zh-CN": "备注", "en-US": "Notes" },
} as const satisfies Record<string, Text>;
type MediaColumn = keyof typeof MEDIA_LOG_HEADERS;
const MEDIA_COLUMNS = Object.keys(MEDIA_LOG_HEADERS) as MediaColumn[];

function findSheet(wb: WorkbookSnapshot | undefined, names: Text): SheetSnapshot | undefined {
  const want = [norm(names["zh-CN"]), norm(names["en-US"])];
  return wb?.sheets.find((s) => want.includes(norm(s.name)));
}

function headerAt<K extends string>(sheet: SheetSnapshot, headers: Record<K, Text>, need: NoInfer<K>[]): { row: number; cols: Map<K, number> } | undefined {
  const index = labelIndex(headers);
  for (let r = 0; r < Math.min(20, sheet.rows.length); r++) {
    const cols = new Map<K, number>();
    (sheet.rows[r] ?? []).forEach((v, c) => {
      const k = typeof v === "string" ? index.get(norm(v)) : undefined;
      if (k && !cols.has(k)) cols.set(k, c);
    });
    if (need.every((k) => cols.has(k))) return { row: r, cols };
  }
  return undefined;
}

const str = (v: CellValue | undefined) => (v === null || v === undefined ? "" : isCellError(v) ? v.error : v instanceof Date ? v.toISOString().slice(0, 16).replace("T", " ") : String(v));

export interface StatementResult {
  sheet: TableSheetModel;
  paragraphs: { template: string; text: string; findings: Finding[] }[];
  issues: Issue[];
}

export function buildStatement(a: Analysis, locale: Locale, previous?: WorkbookSnapshot): StatementResult {
  const zh = locale === "zh-CN";
  // the edited template, by paragraph number; a blank template cell falls back to the built-in text
  let templates = [...DEFAULT_STATEMENT[locale]];
  const prev = findSheet(previous, EVENT_SHEETS.statement);
  if (prev) {
    const h = headerAt(prev, STATEMENT_HEADERS, ["template"]);
    if (h) {
      const typed: string[] = [];
      for (let r = h.row + 1; r < prev.rows.length; r++) {
        const t = str(prev.rows[r]?.[h.cols.get("template")!]).trim();
        const no = h.cols.has("no") ? Number(prev.rows[r]?.[h.cols.get("no")!]) : typed.length + 1;
        if (t && Number.isInteger(no) && no >= 1) typed[no - 1] = t;
      }
      if (typed.some((t) => t)) templates = Array.from({ length: typed.length }, (_, i) => typed[i] || DEFAULT_STATEMENT[locale][i] || "");
    }
  }
  const affected = a.products.filter((p) => p.pnlFen < 0 || p.drawdownBp > 0).sort((x, y) => y.drawdownBp - x.drawdownBp);
  const product = affected.map((p) => p.productName ?? p.productCode).join(zh ? "、" : ", ") || (zh ? "相关产品" : "the product");
  // each product's own move (a list of products with one product's figures would misstate the others)
  const move = affected.map((p) => zh
    ? `${p.productName ?? p.productCode}由 ${formatNav(p.peakNav)} 降至 ${formatNav(p.latestNav)}`
    : `${p.productName ?? p.productCode} from ${formatNav(p.peakNav)} to ${formatNav(p.latestNav)}`).join(zh ? "；" : "; ") || (zh ? "无" : "none");
  const latest = affected.map((p) => p.latestNavDate).sort().pop();
  const values: Record<(typeof STATEMENT_PLACEHOLDERS)[number], string> = { "{产品}": product, "{净值变动}": move, "{净值日期}": latest ?? a.asOf };
  const clientWords = a.clients.flatMap((c) => [c.clientId, ...(c.clientName && c.clientName.length >= 2 ? [c.clientName] : [])]);
  const issues: Issue[] = [];
  const rows: CellValue[][] = [];
  const paragraphs: StatementResult["paragraphs"] = [];
  const sheetName = EVENT_SHEETS.statement[locale];
  const preamble = zh
    ? [
      "媒体口径（对外声明草稿）",
      "只陈述事实，不涉及任何单个客户的信息或金额；须经法务审核、应急领导小组审批后由媒体公关部统一发布。",
      `“模板”列可编辑，可用占位符 ${STATEMENT_PLACEHOLDERS.join(" ")}；重新生成时保留模板并重新填入与检查。`,
    ]
    : [
      "Media holding statement (draft)",
      "Facts only, nothing about any single client; legal reviews it, the leadership group approves it, and only PR issues it.",
      `The Template column is editable, with the placeholders ${STATEMENT_PLACEHOLDERS.join(" ")}; regenerating keeps the templates and fills and checks them again.`,
    ];
  const model = { preamble };
  templates.forEach((tpl, i) => {
    let text = tpl;
    for (const [k, v] of Object.entries(values)) text = text.split(k).join(v);
    const findings = tpl ? checkText(text, { locale }) : [];
    const named = clientWords.find((w) => text.includes(w));
    const cell = `${colLetter(2)}${dataRowNumber(model, i)}`;
    for (const f of findings.filter((x) => x.severity === "error")) {
      issues.push(cellIssue("error", sheetName, cell, `statement-${f.rule}`, complianceSummary([f], locale)));
    }
    let summary = complianceSummary(findings, locale);
    if (named) {
      const m = zh ? `含单个客户信息「${named}」，对外口径不得涉及` : `names a single client ("${named}"); a public statement must not`;
      issues.push(cellIssue("error", sheetName, cell, "statement-client-data", m));
      summary = (zh ? "不通过：" : "failed: ") + m;
    }
    paragraphs.push({ template: tpl, text, findings });
    rows.push([i + 1, tpl || null, text || null, tpl ? summary : null]);
  });
  const sheet: TableSheetModel = {
    name: sheetName,
    preamble,
    columns: [
      { header: STATEMENT_HEADERS.no[locale], width: 7, numFmt: "0" },
      { header: STATEMENT_HEADERS.template[locale], width: 50 },
      { header: STATEMENT_HEADERS.text[locale], width: 60 },
      { header: STATEMENT_HEADERS.compliance[locale], width: 30 },
    ],
    rows,
  };
  return { sheet, paragraphs, issues };
}

/** The media log, with every row people typed kept (in their order) and room for more. */
export function buildMediaLog(locale: Locale, previous?: WorkbookSnapshot): TableSheetModel {
  const zh = locale === "zh-CN";
  const rows: CellValue[][] = [];
  const prev = findSheet(previous, EVENT_SHEETS.mediaLog);
  const h = prev && headerAt(prev, MEDIA_LOG_HEADERS, ["outlet"]);
  if (prev && h) {
    for (let r = h.row + 1; r < prev.rows.length; r++) {
      const row = prev.rows[r];
      const vals = MEDIA_COLUMNS.map((k) => (h.cols.has(k) ? row?.[h.cols.get(k)!] ?? null : null));
      if (vals.every((v) => str(v).trim() === "")) continue;
      rows.push(vals);
    }
  }
  if (rows.length === 0) rows.push(MEDIA_COLUMNS.map(() => null));
  return {
    name: EVENT_SHEETS.mediaLog[locale],
    preamble: [
      zh ? "舆情记录" : "Media log",
      zh ? "逐条记录媒体问询、报道与网络舆情及我行回应；对外回应以“媒体口径”为准，由媒体公关部统一发布。" : "Record each media inquiry, story or online discussion and our response; answers follow the Media statement and only PR gives them.",
    ],
    columns: MEDIA_COLUMNS.map((k) => ({
      header: MEDIA_LOG_HEADERS[k][locale],
      width: k === "said" || k === "response" ? 40 : k === "at" ? 18 : 14,
      ...(k === "at" ? { numFmt: "yyyy-mm-dd hh:mm" } : {}),
    })),
    rows,
    tableName: EVENT_TABLES.mediaLog,
  };
}
