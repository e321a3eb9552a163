// Adds DrawingML charts to an already written .xlsx package. ExcelJS cannot write charts, so the
// workbook is written by ExcelJS first and the chart parts are put into the zip afterwards:
//
//   xl/charts/chartN.xml            c:chartSpace (line or clustered column), with value caches
//   xl/drawings/drawingN.xml        xdr:wsDr with one twoCellAnchor + graphicFrame per chart
//   xl/drawings/_rels/drawingN.xml.rels   drawing -> charts
//   xl/worksheets/_rels/<sheet>.rels      sheet -> drawing (created or extended, other rels kept)
//   <drawing r:id> in the sheet XML, at its place in CT_Worksheet's sequence
//   [Content_Types].xml Overrides for the new parts
//
// If the sheet already has a drawing (images written by ExcelJS, say), the charts are appended
// to that drawing instead: a sheet may hold only one <drawing> element.
//
// Sheets are found by name through the workbook part and its rels (never by assuming
// sheetN.xml: other writers and ExcelJS after deleting sheets number them differently).
//
// The series reference the data sheet's cells (c:f) so Excel keeps them live, and carry caches
// (c:strCache / c:numCache) filled by the caller, because viewers that don't recalculate (and
// LibreOffice when converting) draw from the caches.

import JSZip from "jszip";
import type { ChartSpec } from "../../core/workbook";
import { colIndex, colLetter, quoteSheetName } from "../../core/sheet-address";
import { decodeEntities } from "./xml";
import { resolveTarget } from "./read-core"; // the fs-free half of the reader
import { dateToSerial } from "../../core/excel-date";

/**
 * Where a chart sits, in cells, 0-based (column A = 0, row 1 = 0), as a DrawingML twoCellAnchor:
 * the top-left corner is the top-left of cell (fromCol, fromRow); the bottom-right corner is in
 * cell (toCol, toRow), `toColOff` / `toRowOff` EMU (1 pt = 12,700 EMU; 1 px = 9,525 EMU) from that
 * cell's top-left corner (0 when omitted, i.e. the corner is that cell's top-left). `fromColOff` /
 * `fromRowOff` move the top-left corner into its cell the same way.
 */
export interface CellAnchor {
  fromCol: number;
  fromRow: number;
  toCol: number;
  toRow: number;
  fromColOff?: number;
  fromRowOff?: number;
  toColOff?: number;
  toRowOff?: number;
}

/** The values the caches hold: the dataRef's first column (below the header), and each further column. */
export interface ChartData {
  categories: (string | number | Date)[];
  series: { name: string; values: (number | null)[] }[];
}

export interface ChartToAdd {
  /** The sheet the chart is drawn on. */
  sheetName: string;
  chart: ChartSpec;
  anchor: CellAnchor;
  data: ChartData;
}

const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  pkgRels: "http://schemas.openxmlformats.org/package/2006/relationships",
};
const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
};
export const CT = {
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
};

/** CT_Worksheet's children that come after <drawing>, in schema order. */
const AFTER_DRAWING = ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

/** Series colours: distinguishable, and still apart when printed in grey. */
const PALETTE = ["1F4E79", "C00000", "ED7D31", "548235", "7030A0", "00B0F0", "BF9000", "7F7F7F"];

// ---- small XML helpers (the parts we touch are small, except the sheet, which we only splice) ----

export function escapeXml(s: string): string {
  // drop what XML 1.0 cannot carry at all
  // eslint-disable-next-line no-control-regex
  const clean = s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
  return clean.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Attributes of one start tag, by qualified name (entities decoded). */
export function attrsOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) out[m[1]] = decodeEntities(m[3] ?? m[4] ?? "");
  return out;
}

/** The prefix a tag's namespace is bound to on the root element ("" for the default namespace, undefined if unbound). */
export function prefixFor(rootTag: string, ns: string): string | undefined {
  const attrs = attrsOf(rootTag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== ns) continue;
    if (k === "xmlns") return "";
    if (k.startsWith("xmlns:")) return k.slice(6);
  }
  return undefined;
}

export function relsPartFor(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relative Target from `fromPart`'s folder to `toPart` (both package paths without a leading "/"). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function parseRels(xml: string): Rel[] {
  const rels: Rel[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
    const a = attrsOf(m[1]);
    rels.push({ id: a.Id ?? "", type: a.Type ?? "", target: a.Target ?? "", external: (a.TargetMode ?? "").toLowerCase() === "external" });
  }
  return rels;
}

function nextRelId(rels: Rel[]): string {
  const used = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** Adds a Relationship to a rels part's XML (or makes a new rels part). */
function withRel(xml: string | undefined, rel: Rel): string {
  const el = `<Relationship Id="${escapeXml(rel.id)}" Type="${escapeXml(rel.type)}" Target="${escapeXml(rel.target)}"/>`;
  if (!xml) return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRels}">${el}</Relationships>`;
  const selfClosed = /<((?:\w+:)?Relationships)\b([^>]*)\/>/.exec(xml);
  if (selfClosed) return xml.replace(selfClosed[0], `<${selfClosed[1]}${selfClosed[2]}>${el}</${selfClosed[1]}>`);
  const close = xml.lastIndexOf("</");
  return xml.slice(0, close) + el + xml.slice(close);
}

function freePart(zip: JSZip, pattern: (n: number) => string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const p = pattern(n);
    if (!zip.file(p) && !taken.has(p.toLowerCase())) {
      taken.add(p.toLowerCase());
      return p;
    }
  }
}

async function readText(zip: JSZip, part: string): Promise<string | undefined> {
  const f = zip.file(part);
  return f ? f.async("string") : undefined;
}

// ---- A1 ranges ----

// 1-based columns here, as in the DrawingML anchors' neighbours; the core's helpers are 0-based.
const colNumber = (letters: string): number => colIndex(letters) + 1;
const colLetters = (n: number): string => colLetter(n - 1);

/** "A1:F181" (with or without "$", no sheet) -> 1-based bounds. */
export function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) throw new Error(`not an A1 range: "${ref}"`);
  const c1 = colNumber(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? colNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

function sheetRef(sheet: string, col: number, r1: number, r2 = r1): string {
  const q = quoteSheetName(sheet);
  const c = colLetters(col);
  return r1 === r2 ? `${q}!$${c}$${r1}` : `${q}!$${c}$${r1}:$${c}$${r2}`;
}

// ---- finding the sheet parts ----

async function workbookPartOf(zip: JSZip): Promise<string> {
  const rels = parseRels((await readText(zip, "_rels/.rels")) ?? "");
  const doc = rels.find((r) => r.type === REL.officeDocument || r.type.endsWith("/officeDocument"));
  if (doc) return resolveTarget("", doc.target);
  if (zip.file("xl/workbook.xml")) return "xl/workbook.xml";
  throw new Error("not a workbook: the package has no officeDocument relationship");
}

/** Sheet name -> worksheet part path. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const wbPart = await workbookPartOf(zip);
  const wbXml = await readText(zip, wbPart);
  if (wbXml === undefined) throw new Error(`the workbook part ${wbPart} is missing`);
  const rels = parseRels((await readText(zip, relsPartFor(wbPart))) ?? "");
  const out = new Map<string, string>();
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const a = attrsOf(m[1]);
    // the relationship id attribute is r:id under whatever prefix the relationships namespace has
    const idKey = Object.keys(a).find((k) => /:id$/.test(k) && k !== "xml:id");
    const rel = idKey ? rels.find((r) => r.id === a[idKey]) : undefined;
    if (a.name !== undefined && rel && !rel.external) out.set(a.name.toLowerCase(), resolveTarget(wbPart, rel.target));
  }
  return out;
}

// ---- the sheet XML splice ----

interface TopLevel {
  name: string; // local name
  start: number;
  tag: string;
}

/** The worksheet root's start tag and its direct children (sheetData is skipped over, not parsed). */
export function topLevelElements(xml: string): { root: { tag: string; start: number; end: number; prefix: string }; children: TopLevel[] } {
  const tagRe = /<(\/?)([\w.-]+:)?([\w.-]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g;
  let depth = 0;
  let root: { tag: string; start: number; end: number; prefix: string } | undefined;
  const children: TopLevel[] = [];
  for (let m = tagRe.exec(xml); m; m = tagRe.exec(xml)) {
    if (m[3] === undefined) continue; // comment, PI, CDATA
    const closing = m[1] === "/";
    const selfClosing = m[5] === "/";
    if (closing) {
      depth--;
      if (depth === 0 && root) root.end = m.index;
      continue;
    }
    if (depth === 0) {
      root = { tag: m[0], start: m.index, end: xml.length, prefix: m[2] ? m[2].slice(0, -1) : "" };
    } else if (depth === 1) {
      children.push({ name: m[3], start: m.index, tag: m[0] });
      if (m[3] === "sheetData" && !selfClosing) {
        // jump over the cells: they are most of the part and none of our business
        const endRe = new RegExp(`</${m[2] ?? ""}sheetData\\s*>`, "g");
        endRe.lastIndex = tagRe.lastIndex;
        const e = endRe.exec(xml);
        if (!e) throw new Error("worksheet XML: <sheetData> is not closed");
        tagRe.lastIndex = e.index + e[0].length;
        continue;
      }
    }
    if (!selfClosing) depth++;
  }
  if (!root) throw new Error("worksheet XML has no root element");
  return { root, children };
}

/** Inserts `<drawing r:id="rid"/>` at its schema position. */
export function insertDrawingElement(sheetXml: string, rid: string): string {
  const { root, children } = topLevelElements(sheetXml);
  if (children.some((c) => c.name === "drawing")) throw new Error("the sheet already has a <drawing>");
  const p = root.prefix ? `${root.prefix}:` : "";
  const rPrefix = prefixFor(root.tag, NS.r);
  const el =
    rPrefix !== undefined && rPrefix !== ""
      ? `<${p}drawing ${rPrefix}:id="${rid}"/>`
      : `<${p}drawing xmlns:r="${NS.r}" r:id="${rid}"/>`;
  const after = children.find((c) => AFTER_DRAWING.includes(c.name));
  const at = after ? after.start : root.end;
  if (!after && root.end === sheetXml.length) {
    // a self-closing root (an empty worksheet): open it up
    const t = root.tag.replace(/\/>$/, ">");
    return sheetXml.slice(0, root.start) + t + el + `</${p}worksheet>` + sheetXml.slice(root.start + root.tag.length);
  }
  return sheetXml.slice(0, at) + el + sheetXml.slice(at);
}

// ---- chart XML ----

function num(v: number): string {
  // shortest round-trip text; caches are read as xsd:double
  return String(v);
}

/** A "nice" axis from the data, for line charts (a NAV between 1.2 and 1.5 must not sit flat on a 0-based axis). */
export function niceAxis(values: number[]): { min: number; max: number; major: number } | undefined {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return undefined;
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (lo === hi) {
    const pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.05 : 1;
    lo -= pad;
    hi += pad;
  }
  const raw = (hi - lo) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((k) => k * mag).find((s) => s >= raw) ?? 10 * mag;
  const round = (x: number): number => Number(x.toPrecision(12));
  // the epsilon keeps 1.2 / 0.1 = 11.999999999999998 on 12
  return { min: round(Math.floor(lo / step + 1e-9) * step), max: round(Math.ceil(hi / step - 1e-9) * step), major: round(step) };
}

function richText(text: string, sizeHundredths: number, bold: boolean): string {
  return (
    `<c:tx><c:rich><a:bodyPr rot="0" vert="horz"/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${sizeHundredths}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="${sizeHundredths}" b="${bold ? 1 : 0}"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function axisTitle(text: string, rotated: boolean): string {
  const body = rotated ? `<a:bodyPr rot="-5400000" vert="horz"/>` : `<a:bodyPr rot="0" vert="horz"/>`;
  return (
    `<c:title><c:tx><c:rich>${body}<a:lstStyle/><a:p><a:pPr><a:defRPr sz="900" b="0"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="900" b="0"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}

const TXPR_SMALL = `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;
const GRID = `<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>`;

/** The c:chartSpace part for one chart. */
export function chartXml(spec: ChartSpec, data: ChartData): string {
  const { top, left, bottom, right } = parseRange(spec.dataRef);
  const nPoints = bottom - top;
  const nSeries = right - left;
  if (nPoints < 1 || nSeries < 1) throw new Error(`chart "${spec.title}": dataRef ${spec.dataRef} needs a header row, a category column and at least one series column with data`);
  if (data.series.length !== nSeries) throw new Error(`chart "${spec.title}": dataRef ${spec.dataRef} has ${nSeries} series, the data ${data.series.length}`);
  if (data.categories.length !== nPoints) throw new Error(`chart "${spec.title}": dataRef ${spec.dataRef} has ${nPoints} rows, the data ${data.categories.length} categories`);

  const dated = data.categories.length > 0 && data.categories.every((c) => c instanceof Date);
  const numericCats = dated || data.categories.every((c) => typeof c === "number");
  const catRef = sheetRef(spec.dataSheet, left, top + 1, bottom);
  let cat: string;
  if (numericCats) {
    const fmt = dated ? "yyyy-mm-dd" : "General";
    const pts = data.categories
      .map((c, i) => `<c:pt idx="${i}"><c:v>${num(c instanceof Date ? dateToSerial(c) : (c as number))}</c:v></c:pt>`)
      .join("");
    cat = `<c:cat><c:numRef><c:f>${escapeXml(catRef)}</c:f><c:numCache><c:formatCode>${fmt}</c:formatCode><c:ptCount val="${nPoints}"/>${pts}</c:numCache></c:numRef></c:cat>`;
  } else {
    const pts = data.categories.map((c, i) => `<c:pt idx="${i}"><c:v>${escapeXml(String(c))}</c:v></c:pt>`).join("");
    cat = `<c:cat><c:strRef><c:f>${escapeXml(catRef)}</c:f><c:strCache><c:ptCount val="${nPoints}"/>${pts}</c:strCache></c:strRef></c:cat>`;
  }

  const line = spec.type === "line";
  const sers = data.series
    .map((s, i) => {
      const col = left + 1 + i;
      const color = PALETTE[i % PALETTE.length];
      const tx = `<c:tx><c:strRef><c:f>${escapeXml(sheetRef(spec.dataSheet, col, top))}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeXml(s.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>`;
      const spPr = line
        ? `<c:spPr><a:ln w="19050" cap="rnd"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill><a:round/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>`
        : `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`;
      const pts = s.values
        .map((v, k) => (v === null || !Number.isFinite(v) ? "" : `<c:pt idx="${k}"><c:v>${num(v)}</c:v></c:pt>`))
        .join("");
      const val = `<c:val><c:numRef><c:f>${escapeXml(sheetRef(spec.dataSheet, col, top + 1, bottom))}</c:f><c:numCache><c:formatCode>${escapeXml(spec.valueFormat ?? "General")}</c:formatCode><c:ptCount val="${nPoints}"/>${pts}</c:numCache></c:numRef></c:val>`;
      return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${tx}${spPr}${cat}${val}${line ? `<c:smooth val="0"/>` : ""}</c:ser>`;
    })
    .join("");

  const CAT_AX = 500000001;
  const VAL_AX = 500000002;
  const axIds = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;
  const plot = line
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${sers}<c:marker val="1"/>${axIds}</c:lineChart>`
    : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${sers}<c:gapWidth val="80"/>${axIds}</c:barChart>`;

  let scaling = `<c:scaling><c:orientation val="minMax"/></c:scaling>`;
  let majorUnit = "";
  if (line) {
    const axis = niceAxis(data.series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
    if (axis) {
      scaling = `<c:scaling><c:orientation val="minMax"/><c:max val="${num(axis.max)}"/><c:min val="${num(axis.min)}"/></c:scaling>`;
      majorUnit = `<c:majorUnit val="${num(axis.major)}"/>`;
    }
  }
  const catNumFmt = dated ? `<c:numFmt formatCode="yyyy-mm-dd" sourceLinked="0"/>` : "";
  // with many dates, label every ~n-th so the labels do not overprint
  const skip = nPoints > 24 ? Math.ceil(nPoints / 12) : 1;
  const catAx =
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `${catNumFmt}<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>` +
    `<c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="808080"/></a:solidFill></a:ln></c:spPr>${TXPR_SMALL}` +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>` +
    (skip > 1 ? `<c:tickLblSkip val="${skip}"/><c:tickMarkSkip val="${skip}"/>` : "") +
    `<c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="${VAL_AX}"/>${scaling}<c:delete val="0"/><c:axPos val="l"/>${GRID}` +
    (spec.yAxisTitle ? axisTitle(spec.yAxisTitle, true) : "") +
    `<c:numFmt formatCode="${escapeXml(spec.valueFormat ?? "General")}" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="808080"/></a:solidFill></a:ln></c:spPr>${TXPR_SMALL}` +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="${line ? "midCat" : "between"}"/>${majorUnit}</c:valAx>`;

  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart><c:title>${richText(spec.title, 1200, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}${catAx}${valAx}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${TXPR_SMALL}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="6350"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>` +
    `<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings>` +
    `</c:chartSpace>`
  );
}

/** One twoCellAnchor holding a chart graphic frame. */
export function anchorXml(anchor: CellAnchor, chartRid: string, shapeId: number, name: string): string {
  const int = (v: number | undefined): number => Math.max(0, Math.round(v ?? 0));
  const pos = (tag: string, col: number, colOff: number, row: number, rowOff: number): string =>
    `<xdr:${tag}><xdr:col>${int(col)}</xdr:col><xdr:colOff>${int(colOff)}</xdr:colOff><xdr:row>${int(row)}</xdr:row><xdr:rowOff>${int(rowOff)}</xdr:rowOff></xdr:${tag}>`;
  const from = pos("from", anchor.fromCol, int(anchor.fromColOff), anchor.fromRow, int(anchor.fromRowOff));
  const to = pos("to", anchor.toCol, int(anchor.toColOff), anchor.toRow, int(anchor.toRowOff));
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${from}${to}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${escapeXml(name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${chartRid}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function addOverride(ctXml: string, partName: string, contentType: string): string {
  const pn = `/${partName}`;
  if (new RegExp(`PartName="${pn.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`, "i").test(ctXml)) return ctXml;
  const el = `<Override PartName="${escapeXml(pn)}" ContentType="${contentType}"/>`;
  const close = ctXml.lastIndexOf("</");
  return ctXml.slice(0, close) + el + ctXml.slice(close);
}

// ---- the entry point ----

/** Returns the package `bytes` with `charts` added (each on its sheet, at its anchor). */
export async function addChartsToXlsx(bytes: Uint8Array, charts: ChartToAdd[]): Promise<Uint8Array> {
  if (charts.length === 0) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const sheets = await sheetParts(zip);
  let ct = await readText(zip, "[Content_Types].xml");
  if (ct === undefined) throw new Error("not an OPC package: [Content_Types].xml is missing");
  const taken = new Set<string>();

  // group by sheet: one drawing per sheet
  const bySheet = new Map<string, ChartToAdd[]>();
  for (const c of charts) {
    const key = c.sheetName.toLowerCase();
    if (!sheets.has(key)) throw new Error(`chart "${c.chart.title}": no sheet named "${c.sheetName}" in the workbook`);
    bySheet.set(key, [...(bySheet.get(key) ?? []), c]);
  }

  let chartCount = 0;
  for (const [key, list] of bySheet) {
    const sheetPart = sheets.get(key) as string;
    const sheetRelsPart = relsPartFor(sheetPart);
    let sheetXml = await readText(zip, sheetPart);
    if (sheetXml === undefined) throw new Error(`the part ${sheetPart} of sheet "${list[0].sheetName}" is missing`);
    let sheetRels = await readText(zip, sheetRelsPart);
    const rels = parseRels(sheetRels ?? "");

    // the sheet's drawing: the existing one, or a new one
    const top = topLevelElements(sheetXml);
    const existing = top.children.find((c) => c.name === "drawing");
    let drawingPart: string;
    let drawingXml: string;
    if (existing) {
      const a = attrsOf(existing.tag);
      const idKey = Object.keys(a).find((k) => /:id$/.test(k));
      const rel = rels.find((r) => idKey !== undefined && r.id === a[idKey]);
      if (!rel) throw new Error(`sheet "${list[0].sheetName}": its <drawing> has no relationship`);
      drawingPart = resolveTarget(sheetPart, rel.target);
      drawingXml = (await readText(zip, drawingPart)) ?? emptyDrawing();
    } else {
      drawingPart = freePart(zip, (n) => `xl/drawings/drawing${n}.xml`, taken);
      drawingXml = emptyDrawing();
      const rid = nextRelId(rels);
      sheetRels = withRel(sheetRels, { id: rid, type: REL.drawing, target: relativeTarget(sheetPart, drawingPart), external: false });
      sheetXml = insertDrawingElement(sheetXml, rid);
      zip.file(sheetPart, sheetXml);
      zip.file(sheetRelsPart, sheetRels);
    }
    const drawingRelsPart = relsPartFor(drawingPart);
    let drawingRels = await readText(zip, drawingRelsPart);
    const dRels = parseRels(drawingRels ?? "");
    let shapeId = Math.max(1, ...[...drawingXml.matchAll(/<(?:\w+:)?cNvPr\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]))) + 1;

    let anchors = "";
    for (const c of list) {
      const chartPart = freePart(zip, (n) => `xl/charts/chart${n}.xml`, taken);
      zip.file(chartPart, chartXml(c.chart, c.data));
      ct = addOverride(ct, chartPart, CT.chart);
      const rid = nextRelId(dRels);
      const rel: Rel = { id: rid, type: REL.chart, target: relativeTarget(drawingPart, chartPart), external: false };
      dRels.push(rel);
      drawingRels = withRel(drawingRels, rel);
      anchors += anchorXml(c.anchor, rid, shapeId, `Chart ${++chartCount}`);
      shapeId++;
    }
    drawingXml = appendAnchors(drawingXml, anchors);
    zip.file(drawingPart, drawingXml);
    zip.file(drawingRelsPart, drawingRels as string);
    ct = addOverride(ct, drawingPart, CT.drawing);
  }
  zip.file("[Content_Types].xml", ct);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

export function emptyDrawing(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"></xdr:wsDr>`;
}

/**
 * Appends anchors to a drawing part. Our anchors use the xdr: and a: prefixes; an existing drawing
 * (from ExcelJS: the same prefixes) may bind them differently, so they are declared on each anchor.
 */
function appendAnchors(drawingXml: string, anchors: string): string {
  const decl = ` xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"`;
  const declared = anchors.replace(/<xdr:twoCellAnchor /g, `<xdr:twoCellAnchor${decl} `);
  const selfClosed = /<((?:[\w.-]+:)?wsDr)\b([^>]*)\/>/.exec(drawingXml);
  if (selfClosed) return drawingXml.replace(selfClosed[0], `<${selfClosed[1]}${selfClosed[2]}>${declared}</${selfClosed[1]}>`);
  const close = drawingXml.lastIndexOf("</");
  return drawingXml.slice(0, close) + declared + drawingXml.slice(close);
}
