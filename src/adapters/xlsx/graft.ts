// The grafting workbook writer: the output package is the input package, every part copied as
// stored (compressed bytes, CRC and sizes unchanged: no inflate, no recompress), plus LossDesk's
// own parts. Only these input parts are rewritten, because they must list the new parts:
//   [Content_Types].xml, xl/workbook.xml (sheets, defined names), xl/_rels/workbook.xml.rels,
//   xl/styles.xml (LossDesk's styles appended; the input's indices untouched).
// (docProps/app.xml may change too by the contract; it is left as it is: nothing reads its sheet
// list.) Nothing of the input is loaded into an object model, so nothing the writer does not know
// (pivot tables, slicers, images, macros, custom XML, external links) can be lost.
//
// Regeneration: an output sheet whose name is already in the workbook (case-insensitively, as
// Excel compares) replaces that sheet in place: the same <sheet> element (position, sheetId, name,
// r:id) and the same part name, so formulas and defined names elsewhere that point at it keep
// working. The old sheet's own parts (its rels, and the tables, drawings, charts, comments it
// alone used) are dropped. What people typed in it is carried over by the core (buildOutputs
// reads the earlier sheets), not here.
//
// Settings: the pane's settings JSON goes into LossDesk's custom XML part (core/settings-xml.ts),
// found by its root namespace and replaced in place, else added as customXml/itemN.xml with its
// itemProps and rels, related from the workbook part.
//
// Refused before anything is written (GraftError): strict OOXML, binary (.xlsb) workbooks,
// encrypted or legacy OLE files, packages without a workbook part, encrypted zip entries.

import { inflateSync } from "fflate";
import { headerRowNumber, type CellValue, type ChartSpec, type ReportSheetModel, type TableRows, type TableSheetModel } from "../../core/workbook";
import type { ChartData as CoreChartData } from "../../core/report";
import { planReport, type ReportPlan } from "../../core/layout";
import { quoteSheetName } from "../../core/sheet-address";
import { isSettingsXml, settingsToXml, SETTINGS_NAMESPACE } from "../../core/settings-xml";
import { decodeText, rawEntryData, readCentralDirectory, ZipError, type ZipEntry } from "./zip-core";
import { rejectNonZip } from "./errors";
import { resolveTarget } from "./read-core";
import { anchorXml, attrsOf, chartXml, emptyDrawing, parseRange, parseRels, relativeTarget, relsPartFor, type CellAnchor, type ChartData, type Rel } from "./charts";
import { MINIMAL_STYLES, NS_MAIN, NS_REL, StyleBook, tableSheetHasTable, writeReportSheet, writeTableSheet, xmlText, type SheetContext } from "./sheet-writer";
import { ZipWriter, type ByteSink, type ZipWriterOptions } from "./zip-writer";

// ---- errors ----

export type GraftErrorCode = "strict-ooxml" | "binary-workbook" | "no-workbook" | "encrypted-entry" | "not-a-package" | "sheet-kind";

export class GraftError extends Error {
  constructor(readonly code: GraftErrorCode, message: string) {
    super(message);
    this.name = "GraftError";
  }
}

const GRAFT_MESSAGES: Record<GraftErrorCode, { "zh-CN": string; "en-US": string }> = {
  "strict-ooxml": {
    "zh-CN": "该工作簿是“严格 Open XML”格式（Strict OOXML），LossDesk 无法在其中添加工作表。请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后重试。",
    "en-US": "the workbook is in Strict Open XML format, which LossDesk cannot add sheets to. Save it in Excel as \"Excel Workbook (*.xlsx)\" and try again.",
  },
  "binary-workbook": {
    "zh-CN": "该工作簿是二进制格式（.xlsb），LossDesk 无法在其中添加工作表。请在 Excel 中另存为 .xlsx 后重试。",
    "en-US": "the workbook is a binary workbook (.xlsb), which LossDesk cannot add sheets to. Save it as .xlsx in Excel and try again.",
  },
  "no-workbook": {
    "zh-CN": "该文件是 zip 包，但其中没有工作簿部件（不是 Excel 工作簿）。",
    "en-US": "the file is a zip package but holds no workbook part (it is not an Excel workbook).",
  },
  "encrypted-entry": {
    "zh-CN": "该工作簿包含加密的部件，无法复制。请先在 Excel 中取消加密。",
    "en-US": "the workbook holds encrypted parts, which cannot be copied. Remove the encryption in Excel first.",
  },
  "not-a-package": {
    "zh-CN": "该文件不是有效的 Office Open XML 包（缺少 [Content_Types].xml）。",
    "en-US": "the file is not a valid Office Open XML package ([Content_Types].xml is missing).",
  },
  "sheet-kind": {
    "zh-CN": "工作簿中已有同名的图表工作表或宏表，无法替换为 LossDesk 的工作表：请重命名该工作表。",
    "en-US": "the workbook has a chart sheet or macro sheet with the name of a LossDesk sheet, which cannot be replaced: rename that sheet.",
  },
};

/** The refusal in the user's language, naming what to do. */
export function describeGraftError(e: GraftError, locale: "zh-CN" | "en-US"): string {
  return GRAFT_MESSAGES[e.code][locale] + (e.code === "sheet-kind" ? ` (${e.message})` : "");
}

// ---- constants ----

const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  customXml: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml",
  customXmlProps: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps",
};
export const CONTENT_TYPES = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  customXmlProps: "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
  xml: "application/xml",
};
/** Content types of a workbook part we can graft onto, and the file extension each belongs to. */
export const WORKBOOK_KINDS: Record<string, "xlsx" | "xlsm" | "xltx" | "xltm"> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml": "xlsm",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": "xltx",
  "application/vnd.ms-excel.template.macroEnabled.main+xml": "xltm",
};
const STRICT_NS = "http://purl.oclc.org/ooxml/";

// ---- reading the input package ----

export interface InputPackage {
  bytes: Uint8Array;
  entries: ZipEntry[];
  byName: Map<string, ZipEntry>;
  byLower: Map<string, ZipEntry>;
  workbookPart: string;
  /** The file kind the workbook part's content type says. */
  kind: "xlsx" | "xlsm" | "xltx" | "xltm";
  contentTypes: string;
  workbookXml: string;
  workbookRels: string;
  sheets: SheetEntry[];
  date1904: boolean;
}

interface SheetEntry {
  name: string;
  sheetId: number;
  rid: string;
  /** The part, or undefined when the relationship is missing or external. */
  part?: string;
  relType?: string;
}

function text(pkg: Pick<InputPackage, "bytes" | "byName" | "byLower">, name: string): string | undefined {
  const e = pkg.byName.get(name) ?? pkg.byLower.get(name.toLowerCase());
  if (!e) return undefined;
  if (e.flags & 1) throw new GraftError("encrypted-entry", e.name);
  const raw = rawEntryData(pkg.bytes, e);
  let data: Uint8Array;
  if (e.method === 0) data = raw;
  else if (e.method === 8) {
    try {
      data = inflateSync(raw);
    } catch (err) {
      throw new ZipError("corrupt-zip", e.name, `the compressed data is damaged (${(err as Error).message})`);
    }
  } else throw new ZipError("unsupported-compression", e.name, `zip compression method ${e.method}`);
  return decodeText(data);
}

function contentTypeOf(ct: string, part: string): string | undefined {
  for (const m of ct.matchAll(/<(?:\w+:)?Override\b([^>]*?)\/?>/g)) {
    const a = attrsOf(m[1]);
    if ((a.PartName ?? "").replace(/^\//, "").toLowerCase() === part.toLowerCase()) return a.ContentType;
  }
  const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
  for (const m of ct.matchAll(/<(?:\w+:)?Default\b([^>]*?)\/?>/g)) {
    const a = attrsOf(m[1]);
    if ((a.Extension ?? "").toLowerCase() === ext) return a.ContentType;
  }
  return undefined;
}

/** The relationship-id attribute of an element's attributes, under whatever prefix. */
function ridOf(a: Record<string, string>): string | undefined {
  const k = Object.keys(a).find((x) => /:id$/.test(x) && x !== "xml:id");
  return k ? a[k] : undefined;
}

/**
 * Opens and checks the input package. Throws GraftError (or WorkbookReadError / ZipError) for an
 * input the writer will not touch; nothing has been written when it does.
 */
export function openPackage(bytes: Uint8Array): InputPackage {
  rejectNonZip(bytes);
  const entries = readCentralDirectory(bytes);
  const byName = new Map<string, ZipEntry>();
  const byLower = new Map<string, ZipEntry>();
  for (const e of entries) {
    if (e.flags & 1) throw new GraftError("encrypted-entry", e.name);
    byName.set(e.name, e);
    if (!byLower.has(e.name.toLowerCase())) byLower.set(e.name.toLowerCase(), e);
  }
  const base = { bytes, byName, byLower };
  const contentTypes = text(base, "[Content_Types].xml");
  if (contentTypes === undefined) throw new GraftError("not-a-package", "[Content_Types].xml is missing");
  const rootRels = parseRels(text(base, "_rels/.rels") ?? "");
  const doc = rootRels.find((r) => r.type === REL.officeDocument || /\/officeDocument$/.test(r.type));
  if (rootRels.some((r) => r.type.startsWith(STRICT_NS))) throw new GraftError("strict-ooxml", "strict relationship types");
  let workbookPart = doc ? resolveTarget("", doc.target) : "xl/workbook.xml";
  const real = byName.get(workbookPart) ?? byLower.get(workbookPart.toLowerCase());
  if (!real) throw new GraftError("no-workbook", workbookPart);
  workbookPart = real.name;
  const workbookXml = text(base, workbookPart) ?? "";
  // the root element's own namespace (an extension namespace elsewhere in the part does not count)
  const rootTag = /<(?:[\w.-]+:)?workbook\b[^>]*>/.exec(workbookXml)?.[0] ?? "";
  if (rootTag.includes(STRICT_NS)) throw new GraftError("strict-ooxml", workbookPart);
  const type = contentTypeOf(contentTypes, workbookPart) ?? "";
  if (/binary/i.test(type)) throw new GraftError("binary-workbook", type);
  const kind = WORKBOOK_KINDS[type];
  if (!kind) throw new GraftError("no-workbook", `${workbookPart}: content type "${type}"`);
  if (!workbookXml.includes(NS_MAIN)) throw new GraftError("no-workbook", `${workbookPart}: not SpreadsheetML`);
  const workbookRels = text(base, relsPartFor(workbookPart)) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const rels = parseRels(workbookRels);
  const sheets: SheetEntry[] = [];
  const sheetsBlock = /<(?:[\w.-]+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?sheets\s*>/.exec(workbookXml);
  for (const m of (sheetsBlock?.[1] ?? "").matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*?)\/?>/g)) {
    const a = attrsOf(m[1]);
    const rid = ridOf(a) ?? "";
    const rel = rels.find((r) => r.id === rid);
    sheets.push({
      name: a.name ?? "",
      sheetId: Number(a.sheetId ?? 0),
      rid,
      part: rel && !rel.external ? resolveTarget(workbookPart, rel.target) : undefined,
      relType: rel?.type,
    });
  }
  const pr = /<(?:[\w.-]+:)?workbookPr\b([^>]*?)\/?>/.exec(workbookXml);
  const d1904 = pr ? attrsOf(pr[1]).date1904 : undefined;
  return { bytes, entries, byName, byLower, workbookPart, kind, contentTypes, workbookXml, workbookRels, sheets, date1904: d1904 === "1" || d1904 === "true" };
}

// ---- the request ----

export interface GraftReport {
  sheet: ReportSheetModel;
  data: TableSheetModel;
  /** The charts' cache values (core/report.ts gives them); a chart without is read from `data`. */
  charts: CoreChartData[];
}

export interface GraftRequest {
  tables: TableSheetModel<TableRows>[];
  reports?: GraftReport[];
  /** The pane's settings JSON, written to LossDesk's custom XML part. */
  settings?: string;
  /**
   * Edits of existing parts (the preview's drill cells, cell-edits.ts): given the package, returns
   * part name -> new XML; those parts are rewritten, every other one still copied as stored.
   */
  patch?: (ctx: PatchContext) => Map<string, string>;
  /** Deflate level of the new parts (default 6; the CLI uses a faster one on big outputs). */
  level?: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** The platform's deflate and CRC (graft-node.ts passes zlib's); default fflate and ours. */
  zip?: Omit<ZipWriterOptions, "level">;
}

export interface PatchContext {
  /** A part's text, or undefined when the package has no such part. */
  read(part: string): string | undefined;
  /** The worksheet part of a sheet, by name (case-insensitively). */
  sheetPart(name: string): string | undefined;
  /** Every table part with the sheet part that relates it. */
  tables: { part: string; sheetPart: string | undefined }[];
  styles: StyleBook;
  date1904: boolean;
}

export interface GraftResult {
  /** The sheets written, in order. */
  sheets: string[];
  /** Of those, the ones that replaced a sheet of the input in place. */
  replaced: string[];
}

// ---- helpers on XML text ----

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function addRelXml(xml: string, rel: { id: string; type: string; target: string }): string {
  const el = `<Relationship Id="${xmlText(rel.id)}" Type="${rel.type}" Target="${xmlText(rel.target)}"/>`;
  const selfClosed = /<((?:[\w.-]+:)?Relationships)\b([^>]*)\/>/.exec(xml);
  if (selfClosed) return xml.replace(selfClosed[0], `<${selfClosed[1]}${selfClosed[2]}>${el}</${selfClosed[1]}>`);
  const close = xml.lastIndexOf("</");
  // a prefixed rels part (<pr:Relationships>) needs its children prefixed too
  const prefix = /<([\w.-]+:)Relationships\b/.exec(xml)?.[1] ?? "";
  return xml.slice(0, close) + (prefix ? el.replace("<Relationship ", `<${prefix}Relationship `) : el) + xml.slice(close);
}

function relsXml(rels: { id: string; type: string; target: string }[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlText(r.target)}"/>`).join("") +
    `</Relationships>`
  );
}

function nextRid(used: Set<string>): string {
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  used.add(`rId${n}`);
  return `rId${n}`;
}

// ---- the plan of the output package ----

interface SheetJob {
  kind: "table" | "report";
  name: string;
  part: string;
  /** The index of the sheet in <sheets> (sheet-local defined names use it). */
  index: number;
  replaced: boolean;
  table?: TableSheetModel<TableRows>;
  tableName?: string;
  tablePart?: string;
  tableId?: number;
  report?: GraftReport;
  plan?: ReportPlan;
  drawingPart?: string;
  chartParts?: string[];
}

const EMU_PER_PX = 9525;
const EMU_PER_PT = 12700;
const CHART_INSET_PT = 3;

/** Where a planned chart sits: over its rows, across the grid, inset so its frame never touches a page break. */
function chartAnchor(model: ReportSheetModel, plan: ReportPlan, i: number): CellAnchor {
  const pc = plan.charts[i];
  const nCols = plan.nCols;
  return {
    fromCol: 0,
    fromRow: pc.firstRow - 1,
    fromRowOff: CHART_INSET_PT * EMU_PER_PT,
    toCol: nCols - 1,
    toColOff: Math.trunc(model.columnWidths[nCols - 1] * 7 + 5) * EMU_PER_PX,
    toRow: pc.lastRow - 1,
    toRowOff: ((plan.heights.get(pc.lastRow) ?? 18) - CHART_INSET_PT) * EMU_PER_PT,
  };
}

/**
 * Writes the output package to `sink`: the input `bytes` with `req`'s sheets grafted on.
 * Everything is checked and planned before the first byte goes out.
 */
export function graftWorkbook(input: Uint8Array | InputPackage, req: GraftRequest, sink: ByteSink): GraftResult {
  const pkg = input instanceof Uint8Array ? openPackage(input) : input;
  const reports = req.reports ?? [];
  const outNames = [...req.tables.map((t) => t.name), ...reports.flatMap((r) => [r.data.name, r.sheet.name])];
  const seen = new Set<string>();
  for (const n of outNames) {
    // what Excel refuses in a sheet name: caught here, before anything is written
    if (n.length === 0 || n.length > 31 || /[:\\/?*[\]]/.test(n) || /^'|'$/.test(n)) {
      throw new Error(`"${n}" cannot be a sheet name in Excel (1 to 31 characters, none of : \\ / ? * [ ], not starting or ending with ')`);
    }
    if (seen.has(n.toLowerCase())) throw new Error(`two output sheets are named "${n}"`);
    seen.add(n.toLowerCase());
  }
  // reports planned first: a model the layout refuses fails before anything is written
  const plans = reports.map((r) => planReport(r.sheet));

  const taken = new Set(pkg.entries.map((e) => e.name.toLowerCase()));
  const freePart = (pattern: (n: number) => string): string => {
    for (let n = 1; ; n++) {
      const p = pattern(n);
      if (!taken.has(p.toLowerCase())) {
        taken.add(p.toLowerCase());
        return p;
      }
    }
  };

  // ---- which sheets are replaced, which are new ----
  const wbRels = parseRels(pkg.workbookRels);
  const usedRids = new Set(wbRels.map((r) => r.id));
  let maxSheetId = Math.max(0, ...pkg.sheets.map((s) => s.sheetId));
  const newSheets: { name: string; sheetId: number; rid: string; part: string }[] = [];
  const jobs: SheetJob[] = [];
  const addJob = (kind: SheetJob["kind"], name: string, extra: Partial<SheetJob>): SheetJob => {
    const i = pkg.sheets.findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
    let job: SheetJob;
    if (i >= 0) {
      const old = pkg.sheets[i];
      if (!old.part || (old.relType && !/\/worksheet$/.test(old.relType))) throw new GraftError("sheet-kind", old.name);
      job = { kind, name: old.name, part: old.part, index: i, replaced: true, ...extra };
    } else {
      const part = freePart((n) => `xl/worksheets/sheet${n}.xml`);
      const rid = nextRid(usedRids);
      newSheets.push({ name, sheetId: ++maxSheetId, rid, part });
      job = { kind, name, part, index: pkg.sheets.length + newSheets.length - 1, replaced: false, ...extra };
    }
    jobs.push(job);
    return job;
  };
  for (const t of req.tables) addJob("table", t.name, { table: t });
  reports.forEach((r, i) => {
    addJob("table", r.data.name, { table: r.data });
    addJob("report", r.sheet.name, { report: r, plan: plans[i] });
  });

  // ---- the parts the replaced sheets alone used ----
  const replacedParts = new Set(jobs.filter((j) => j.replaced).map((j) => j.part.toLowerCase()));
  const refs = new Map<string, string[]>(); // source part -> internal targets (lower case)
  for (const e of pkg.entries) {
    const m = /^(.*)_rels\/([^/]+)\.rels$/i.exec(e.name);
    if (!m) continue;
    const source = m[1] + m[2];
    const rels = parseRels(text(pkg, e.name) ?? "");
    refs.set(source.toLowerCase(), rels.filter((r) => !r.external).map((r) => resolveTarget(source, r.target).toLowerCase()));
  }
  const drop = new Set<string>();
  const visit = (p: string): void => {
    for (const t of refs.get(p) ?? []) {
      if (drop.has(t) || replacedParts.has(t) || t === pkg.workbookPart.toLowerCase()) continue;
      if (!pkg.byLower.has(t)) continue;
      drop.add(t);
      visit(t);
    }
  };
  for (const p of replacedParts) visit(p);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [source, targets] of refs) {
      if (drop.has(source) || replacedParts.has(source)) continue;
      for (const t of targets) {
        if (drop.delete(t)) changed = true; // still used by a part we keep
      }
    }
  }
  // The calculation chain lists formula cells by sheet and address; a regenerated sheet's formulas
  // move, and Excel "repairs" a file whose chain names cells without formulas. It is only a cache:
  // dropped (with its relationship and override), Excel rebuilds it on the next save.
  const calcChainRel = replacedParts.size > 0 ? wbRels.find((r) => /\/calcChain$/.test(r.type) && !r.external) : undefined;
  if (calcChainRel) drop.add(resolveTarget(pkg.workbookPart, calcChainRel.target).toLowerCase());
  const dropped = new Set<string>(drop);
  for (const p of [...drop, ...replacedParts]) dropped.add(relsPartFor(p).toLowerCase());
  // the replaced sheet parts themselves are rewritten, not dropped
  for (const p of replacedParts) dropped.delete(p);

  // ---- tables: ids and names unique in the whole workbook ----
  let maxTableId = 0;
  const namesTaken = new Set<string>();
  for (const e of pkg.entries) {
    const lower = e.name.toLowerCase();
    if (dropped.has(lower)) continue;
    if (contentTypeOf(pkg.contentTypes, e.name) !== CONTENT_TYPES.table) continue;
    const head = text(pkg, e.name) ?? "";
    const root = /<(?:[\w.-]+:)?table\b([^>]*)>/.exec(head);
    if (!root) continue;
    const a = attrsOf(root[1]);
    maxTableId = Math.max(maxTableId, Number(a.id ?? 0) || 0);
    if (a.name) namesTaken.add(a.name.toLowerCase());
    if (a.displayName) namesTaken.add(a.displayName.toLowerCase());
  }
  const definedNamesBlock = /<((?:[\w.-]+:)?)definedNames\b[^>]*?(?:\/>|>([\s\S]*?)<\/\1definedNames\s*>)/.exec(pkg.workbookXml);
  const definedNames: { name: string; localSheetId?: number; xml: string }[] = [];
  for (const m of (definedNamesBlock?.[2] ?? "").matchAll(/<(?:[\w.-]+:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?definedName\s*>)/g)) {
    const a = attrsOf(m[1]);
    definedNames.push({ name: a.name ?? "", localSheetId: a.localSheetId !== undefined ? Number(a.localSheetId) : undefined, xml: m[0] });
  }
  for (const d of definedNames) namesTaken.add(d.name.toLowerCase());
  for (const job of jobs) {
    if (job.kind !== "table" || !job.table || !tableSheetHasTable(job.table)) continue;
    const base = job.table.tableName!;
    let name = base;
    for (let k = 2; namesTaken.has(name.toLowerCase()); k++) name = `${base}_${k}`;
    namesTaken.add(name.toLowerCase());
    job.tableName = name;
    job.tableId = ++maxTableId;
    job.tablePart = freePart((n) => `xl/tables/table${n}.xml`);
  }
  for (const job of jobs) {
    if (job.kind !== "report" || !job.plan || job.plan.charts.length === 0) continue;
    job.drawingPart = freePart((n) => `xl/drawings/drawing${n}.xml`);
    job.chartParts = job.plan.charts.map(() => freePart((n) => `xl/charts/chart${n}.xml`));
  }

  // ---- settings part ----
  let settingsItem: string | undefined;
  let settingsNew: { item: string; props: string; rels: string; rid: string } | undefined;
  if (req.settings !== undefined) {
    for (const e of pkg.entries) {
      if (!/^customXml\/item\d+\.xml$/i.test(e.name) || dropped.has(e.name.toLowerCase())) continue;
      if (isSettingsXml(text(pkg, e.name) ?? "")) {
        settingsItem = e.name;
        break;
      }
    }
    if (!settingsItem) {
      let n = 1;
      while (taken.has(`customxml/item${n}.xml`) || taken.has(`customxml/itemprops${n}.xml`)) n++;
      const item = `customXml/item${n}.xml`;
      const props = `customXml/itemProps${n}.xml`;
      for (const p of [item, props, relsPartFor(item)]) taken.add(p.toLowerCase());
      settingsNew = { item, props, rels: relsPartFor(item), rid: nextRid(usedRids) };
    }
  }

  // ---- styles ----
  const stylesRel = wbRels.find((r) => r.type === REL.styles || /\/styles$/.test(r.type));
  let stylesPart = stylesRel && !stylesRel.external ? resolveTarget(pkg.workbookPart, stylesRel.target) : undefined;
  const stylesEntry = stylesPart ? (pkg.byName.get(stylesPart) ?? pkg.byLower.get(stylesPart.toLowerCase())) : undefined;
  let stylesRid: string | undefined;
  if (stylesEntry) stylesPart = stylesEntry.name;
  else {
    stylesPart = freePart((n) => (n === 1 ? "xl/styles.xml" : `xl/styles${n}.xml`));
    stylesRid = nextRid(usedRids);
  }
  const styles = new StyleBook(stylesEntry ? (text(pkg, stylesEntry.name) ?? MINIMAL_STYLES) : MINIMAL_STYLES);
  const ctx: SheetContext = { styles, date1904: pkg.date1904 };

  // ---- edits of existing parts ----
  const patched = new Map<string, string>();
  if (req.patch) {
    const tableParts = pkg.entries.filter((e) => contentTypeOf(pkg.contentTypes, e.name) === CONTENT_TYPES.table).map((e) => e.name);
    const result = req.patch({
      read: (part) => text(pkg, part),
      sheetPart: (name) => pkg.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase())?.part,
      tables: tableParts.map((part) => {
        const src = [...refs].find(([, targets]) => targets.includes(part.toLowerCase()));
        const sheet = src ? pkg.entries.find((e) => e.name.toLowerCase() === src[0])?.name : undefined;
        return { part, sheetPart: sheet };
      }),
      styles,
      date1904: pkg.date1904,
    });
    for (const [part, xml] of result) {
      const e = pkg.byName.get(part) ?? pkg.byLower.get(part.toLowerCase());
      if (!e) throw new Error(`cannot edit ${part}: not in the package`);
      if (jobByPartLower(jobs, e.name)) throw new Error(`cannot edit ${part}: it is being replaced`);
      patched.set(e.name.toLowerCase(), xml);
    }
  }

  // ---- write ----
  const zip = new ZipWriter(sink, { level: req.level ?? 6, ...req.zip });
  const jobByPart = new Map(jobs.map((j) => [j.part.toLowerCase(), j]));
  const modified = new Set([
    "[content_types].xml", pkg.workbookPart.toLowerCase(), relsPartFor(pkg.workbookPart).toLowerCase(), stylesPart.toLowerCase(),
    ...(settingsItem ? [settingsItem.toLowerCase()] : []),
  ]);
  const names: { name: string; localSheetId?: number; ref: string }[] = [];
  const writeJob = (job: SheetJob): void => {
    const w = zip.begin(job.part);
    if (job.kind === "table") {
      const parts = writeTableSheet(w, job.table!, ctx, job.tableName);
      w.end();
      if (parts.printTitles) names.push({ name: "_xlnm.Print_Titles", localSheetId: job.index, ref: parts.printTitles });
      if (parts.tableXml && job.tablePart) {
        zip.add(job.tablePart, parts.tableXml(job.tableId!, job.tableName!));
        zip.add(relsPartFor(job.part), relsXml([{ id: "rId1", type: REL.table, target: relativeTarget(job.part, job.tablePart) }]));
      }
    } else {
      const r = job.report!;
      const plan = job.plan!;
      const parts = writeReportSheet(w, r.sheet, plan, ctx, job.drawingPart ? "rId1" : undefined);
      w.end();
      for (const n of parts.inputNames) names.push({ name: n.name, ref: n.ref });
      if (parts.printTitles) names.push({ name: "_xlnm.Print_Titles", localSheetId: job.index, ref: parts.printTitles });
      if (job.drawingPart && job.chartParts) {
        zip.add(relsPartFor(job.part), relsXml([{ id: "rId1", type: REL.drawing, target: relativeTarget(job.part, job.drawingPart) }]));
        let anchors = "";
        const drawingRels: { id: string; type: string; target: string }[] = [];
        plan.charts.forEach((pc, i) => {
          const data =
            r.charts.find((c) => c.chart.dataRef === pc.chart.dataRef && c.chart.title === pc.chart.title) ??
            r.charts.find((c) => c.chart.dataRef === pc.chart.dataRef) ??
            chartDataFromModel(pc.chart, [r.data, ...req.tables]);
          zip.add(job.chartParts![i], chartXml(pc.chart, data));
          const rid = `rId${i + 1}`;
          drawingRels.push({ id: rid, type: REL.chart, target: relativeTarget(job.drawingPart!, job.chartParts![i]) });
          anchors += anchorXml(chartAnchor(r.sheet, plan, i), rid, i + 2, `Chart ${i + 1}`);
        });
        zip.add(job.drawingPart, emptyDrawing().replace("></xdr:wsDr>", `>${anchors}</xdr:wsDr>`));
        zip.add(relsPartFor(job.drawingPart), relsXml(drawingRels));
      }
    }
  };

  // copied and replaced parts in the input's order; the small modified parts once all is known
  for (const e of pkg.entries) {
    const lower = e.name.toLowerCase();
    if (dropped.has(lower) || modified.has(lower)) continue;
    const edit = patched.get(lower);
    if (edit !== undefined) {
      zip.add(e.name, edit);
      continue;
    }
    const job = jobByPart.get(lower);
    if (job) {
      writeJob(job);
      continue;
    }
    zip.copyRaw(e.name, e, rawEntryData(pkg.bytes, e));
  }
  for (const job of jobs) if (!job.replaced) writeJob(job);

  // settings
  if (req.settings !== undefined) {
    const xml = settingsToXml(req.settings);
    if (settingsItem) zip.add(settingsItem, xml);
    else if (settingsNew) {
      zip.add(settingsNew.item, xml);
      zip.add(
        settingsNew.props,
        `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{${guid()}}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${SETTINGS_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
      );
      zip.add(settingsNew.rels, relsXml([{ id: "rId1", type: REL.customXmlProps, target: settingsNew.props.slice("customXml/".length) }]));
    }
  }

  // [Content_Types].xml: overrides of dropped parts out, of new parts in
  let ct = pkg.contentTypes.replace(/<(?:[\w.-]+:)?Override\b([^>]*?)\/>/g, (m0, attrs: string) => {
    const pn = (attrsOf(attrs).PartName ?? "").replace(/^\//, "").toLowerCase();
    return dropped.has(pn) ? "" : m0;
  });
  const override = (part: string, type: string): void => {
    if (new RegExp(`PartName\\s*=\\s*"/${escapeRe(part)}"`, "i").test(ct)) return;
    const prefix = /<([\w.-]+:)Types\b/.exec(ct)?.[1] ?? "";
    const close = ct.lastIndexOf("</");
    ct = ct.slice(0, close) + `<${prefix}Override PartName="/${xmlText(part)}" ContentType="${type}"/>` + ct.slice(close);
  };
  for (const s of newSheets) override(s.part, CONTENT_TYPES.worksheet);
  for (const j of jobs) {
    if (j.tablePart) override(j.tablePart, CONTENT_TYPES.table);
    if (j.drawingPart) override(j.drawingPart, CONTENT_TYPES.drawing);
    for (const c of j.chartParts ?? []) override(c, CONTENT_TYPES.chart);
  }
  if (stylesRid) override(stylesPart, CONTENT_TYPES.styles);
  if (settingsNew) {
    override(settingsNew.props, CONTENT_TYPES.customXmlProps);
    if (contentTypeOf(ct, settingsNew.item) === undefined) override(settingsNew.item, CONTENT_TYPES.xml);
  }
  // a replaced sheet keeps its part name, and its override (a worksheet's) stays as it was

  // xl/_rels/workbook.xml.rels
  let rels = pkg.workbookRels;
  if (calcChainRel) {
    rels = rels.replace(/<(?:[\w.-]+:)?Relationship\b[^>]*?\/>/g, (m0) => (attrsOf(m0.slice(1)).Id === calcChainRel.id && /calcChain/.test(m0) ? "" : m0));
  }
  for (const s of newSheets) rels = addRelXml(rels, { id: s.rid, type: REL.worksheet, target: relativeTarget(pkg.workbookPart, s.part) });
  if (stylesRid) rels = addRelXml(rels, { id: stylesRid, type: REL.styles, target: relativeTarget(pkg.workbookPart, stylesPart) });
  if (settingsNew) rels = addRelXml(rels, { id: settingsNew.rid, type: REL.customXml, target: relativeTarget(pkg.workbookPart, settingsNew.item) });

  const wbXml = workbookXmlWith(pkg, newSheets, jobs, definedNames, definedNamesBlock, names);

  zip.add("[Content_Types].xml", ct);
  zip.add(pkg.workbookPart, wbXml);
  zip.add(relsPartFor(pkg.workbookPart), rels);
  if (stylesEntry && !styles.changed()) zip.copyRaw(stylesEntry.name, stylesEntry, rawEntryData(pkg.bytes, stylesEntry));
  else zip.add(stylesPart, styles.xml());
  zip.finish();
  return { sheets: jobs.map((j) => j.name), replaced: jobs.filter((j) => j.replaced).map((j) => j.name) };
}

/** A chart's cache values read from the table model it is drawn from (when the core gave none). */
export function chartDataFromModel(spec: ChartSpec, models: TableSheetModel<TableRows>[]): ChartData {
  const model = models.find((m) => m.name.toLowerCase() === spec.dataSheet.toLowerCase());
  if (!model) throw new Error(`chart "${spec.title}": data sheet "${spec.dataSheet}" is not written`);
  const { top, left, bottom, right } = parseRange(spec.dataRef);
  const h = headerRowNumber(model);
  const cell = (row: number, col: number): CellValue => {
    if (row === h) return model.columns[col - 1]?.header ?? null;
    if (row > h) return model.rows.at(row - h - 1)?.[col - 1] ?? null;
    return col === 1 ? (model.preamble?.[row - 1] ?? null) : null;
  };
  const categories: (string | number | Date)[] = [];
  for (let r = top + 1; r <= bottom; r++) {
    const v = cell(r, left);
    categories.push(v === null ? "" : v instanceof Date || typeof v === "number" ? v : String(v));
  }
  const series: ChartData["series"] = [];
  for (let c = left + 1; c <= right; c++) {
    const values: (number | null)[] = [];
    for (let r = top + 1; r <= bottom; r++) {
      const v = cell(r, c);
      values.push(typeof v === "number" && Number.isFinite(v) ? v : null);
    }
    const name = cell(top, c);
    series.push({ name: name === null ? `Series ${c - left}` : String(name), values });
  }
  return { categories, series };
}

function jobByPartLower(jobs: SheetJob[], part: string): SheetJob | undefined {
  return jobs.find((j) => j.part.toLowerCase() === part.toLowerCase());
}

function guid(): string {
  const hex = "0123456789ABCDEF";
  let s = "";
  for (let i = 0; i < 32; i++) s += hex[Math.floor(Math.random() * 16)]; // an id, not a secret
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** xl/workbook.xml with the new <sheet> elements and the defined names LossDesk owns replaced. */
function workbookXmlWith(
  pkg: InputPackage,
  newSheets: { name: string; sheetId: number; rid: string }[],
  jobs: SheetJob[],
  definedNames: { name: string; localSheetId?: number; xml: string }[],
  block: RegExpExecArray | null,
  names: { name: string; localSheetId?: number; ref: string }[],
): string {
  let xml = pkg.workbookXml;
  const root = /<([\w.-]+:)?workbook\b[^>]*>/.exec(xml);
  const p = root?.[1] ?? "";
  // the prefix the relationships namespace has on the root (r: almost always)
  let rPrefix: string | undefined;
  if (root) {
    for (const [k, v] of Object.entries(attrsOf(root[0].slice(1)))) if (v === NS_REL && k.startsWith("xmlns:")) rPrefix = k.slice(6);
  }
  const ridAttr = (rid: string): string => (rPrefix ? `${rPrefix}:id="${rid}"` : `xmlns:r="${NS_REL}" r:id="${rid}"`);
  if (newSheets.length > 0) {
    const els = newSheets.map((s) => `<${p}sheet name="${xmlText(s.name)}" sheetId="${s.sheetId}" ${ridAttr(s.rid)}/>`).join("");
    const close = new RegExp(`</${escapeRe(p)}sheets\\s*>`).exec(xml);
    if (close) xml = xml.slice(0, close.index) + els + xml.slice(close.index);
    else {
      const selfClosed = new RegExp(`<${escapeRe(p)}sheets\\b[^>]*/>`).exec(xml);
      if (!selfClosed) throw new GraftError("no-workbook", "the workbook part has no <sheets>");
      xml = xml.replace(selfClosed[0], `<${p}sheets>${els}</${p}sheets>`);
    }
  }
  // Our names: LossDesk_* (input boxes) on a regenerated sheet or about to be written again, and the
  // print titles of the sheets we write. Everything else (the user's names) stays as it was.
  const ours = new Set(names.map((n) => `${n.name.toLowerCase()}|${n.localSheetId ?? ""}`));
  const replacedIdx = new Set(jobs.filter((j) => j.replaced).map((j) => j.index));
  const replacedNames = jobs.filter((j) => j.replaced).map((j) => j.name.toLowerCase());
  const kept = definedNames.filter((d) => {
    if (ours.has(`${d.name.toLowerCase()}|${d.localSheetId ?? ""}`)) return false;
    // the built-in names of a regenerated sheet (print titles and area, the filter range) were the old sheet's
    if (d.name.toLowerCase().startsWith("_xlnm.") && d.localSheetId !== undefined && replacedIdx.has(d.localSheetId)) return false;
    if (d.name.startsWith("LossDesk_")) {
      const body = d.xml.toLowerCase();
      if (replacedNames.some((n) => body.includes(`${quoteSheetName(n)}!`) || body.includes(`>${n}!`))) return false;
    }
    return true;
  });
  if (names.length === 0 && kept.length === definedNames.length) return xml;
  const inner =
    kept.map((d) => d.xml).join("") +
    names.map((n) => `<${p}definedName name="${xmlText(n.name)}"${n.localSheetId !== undefined ? ` localSheetId="${n.localSheetId}"` : ""}>${xmlText(n.ref)}</${p}definedName>`).join("");
  const el = inner ? `<${p}definedNames>${inner}</${p}definedNames>` : "";
  if (block) return xml.replace(block[0], el);
  // after sheets / functionGroups / externalReferences, as CT_Workbook orders them
  const after = new RegExp(`</${escapeRe(p)}(?:externalReferences|functionGroups|sheets)\\s*>|<${escapeRe(p)}(?:externalReferences|functionGroups)\\b[^>]*/>`, "g");
  let at = -1;
  for (let m = after.exec(xml); m; m = after.exec(xml)) at = m.index + m[0].length;
  if (at < 0) throw new GraftError("no-workbook", "the workbook part has no <sheets>");
  return xml.slice(0, at) + el + xml.slice(at);
}

// reading LossDesk's settings back: a module of its own (no chart code), for the preview host
export { settingsFromPackage } from "./settings-part";

export type { Rel };
