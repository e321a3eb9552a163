// LossDesk's sheets as worksheet XML, written row by row into a zip entry (zip-writer.ts), for the
// grafting writer (graft.ts). No platform code: the CLI and the browser preview run it alike.
//
// Cell values (the same rules the ExcelJS writer had, tests check the XML):
// - strings are always text, inline (t="inlineStr"), never formulas, whatever they start with
//   ("=", "+", "-", "@"); characters XML 1.0 cannot carry are dropped; cut at Excel's 32,767
//   characters. Inline strings because the input's sharedStrings part must stay byte-identical.
// - numbers as numbers; NaN and ±Infinity (which a .xlsx cannot hold) as the error #NUM!.
// - dates as serial numbers (the input's 1900 or 1904 date system) with a date format.
// - {error} as an Excel error value when Excel knows it; an unknown error text as an empty cell
//   (Excel rejects a whole file for an unknown error code).
// - a computed column (ColumnSpec.formula) as <f> with the row's value as the cached <v>.
//
// Styles: LossDesk's are APPENDED to the input's styles.xml by StyleBook (graft.ts writes the
// part after the sheets): the input's fonts, fills, borders, numFmts, cellXfs and dxfs keep their
// indices, so every input cell looks as before.

import type { CellValue, ConditionalFormatSpec, ReportSheetModel, TableRows, TableSheetModel } from "../../core/workbook";
import { headerRowNumber, isCellError } from "../../core/workbook";
import { colLetter, quoteSheetName } from "../../core/sheet-address";
import {
  BASE_SIZE, MARGINS, REPORT_FONT, columnFormats, fitWidths, footerText, tableHeaders,
  type BorderOp, type CellStyle, type ReportPlan,
} from "../../core/layout";
import type { EntryWriter } from "./zip-writer";
import { dateToSerial } from "../../core/excel-date";

export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const EXCEL_ERRORS = new Set([
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
  "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
]);
export const MAX_CELL_TEXT = 32767;

// ---- text ----

// eslint-disable-next-line no-control-regex
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex -- the C0 controls are what XML 1.0 cannot carry
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;

/** Text as XML character data / attribute value: XML-illegal characters dropped, markup escaped. */
export function xmlText(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(ILLEGAL, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Cut at Excel's cell limit, never inside a surrogate pair. */
export function cutCellText(s: string): string {
  if (s.length <= MAX_CELL_TEXT) return s;
  let end = MAX_CELL_TEXT;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return s.slice(0, end);
}

// ---- styles ----

export interface FontSpec {
  name?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  /** "#RRGGBB" */
  color?: string;
}
export interface LineSpec {
  style: "thin" | "hair" | "medium" | "dotted";
  color: string;
}
export interface XfSpec {
  numFmt?: string;
  font?: FontSpec;
  fill?: string;
  border?: { left?: LineSpec; right?: LineSpec; top?: LineSpec; bottom?: LineSpec };
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "center" | "bottom";
  wrap?: boolean;
  shrink?: boolean;
  indent?: number;
  unlocked?: boolean;
}

const BUILTIN_FORMATS: Record<string, number> = {
  General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "0.00E+00": 11, "@": 49,
};

const DXF_COLORS: Record<ConditionalFormatSpec["style"], { font: string; fill: string }> = {
  bad: { font: "9C0006", fill: "FFC7CE" },
  warn: { font: "9C5700", fill: "FFEB9C" },
  good: { font: "006100", fill: "C6EFCE" },
};

/** One section of styles.xml (fonts, fills, ...): where it is and how many items it holds. */
interface Section {
  name: string;
  count: number;
}

const SECTION_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
const ITEM_OF: Record<string, string> = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellXfs: "xf", dxfs: "dxf" };

export const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function sectionRe(p: string, name: string): RegExp {
  return new RegExp(`<${p}${name}\\b[^>]*?(/>|>([\\s\\S]*?)</${p}${name}\\s*>)`);
}

/**
 * LossDesk's styles, appended after the input's. Indices handed out by xf()/dxf() are absolute
 * (input count + our position), so they are final before the part is written.
 */
export class StyleBook {
  private readonly prefix: string;
  private readonly base: Record<string, number> = {};
  private readonly added: Record<string, string[]> = { numFmts: [], fonts: [], fills: [], borders: [], cellXfs: [], dxfs: [] };
  private readonly keys: Record<string, Map<string, number>> = {};
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmtId = 164;
  private readonly baseFont: { name: string; size: number; extra: string };

  constructor(private readonly inputXml: string) {
    const root = /<([\w.-]+:)?styleSheet\b/.exec(inputXml);
    this.prefix = root?.[1] ?? "";
    const p = this.prefix;
    for (const s of Object.keys(ITEM_OF)) {
      const m = sectionRe(p, s).exec(inputXml);
      const inner = m && m[1] !== "/>" ? (m[2] ?? "") : "";
      this.base[s] = (inner.match(new RegExp(`<${p}${ITEM_OF[s]}\\b`, "g")) ?? []).length;
      this.keys[s] = new Map();
      if (s !== "numFmts") {
        // The input's own items, by their exact text: a regenerated sheet finds the styles its
        // earlier version appended and reuses them, so styles.xml does not grow on every run.
        const item = ITEM_OF[s];
        let i = 0;
        for (const m of inner.matchAll(new RegExp(`<${p}${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}${item}>)`, "g"))) {
          if (!this.keys[s].has(m[0])) this.keys[s].set(m[0], i);
          i++;
        }
      }
      if (s === "numFmts") {
        for (const f of inner.matchAll(new RegExp(`<${p}numFmt\\b([^>]*)/?>`, "g"))) {
          const id = Number(/numFmtId\s*=\s*"(\d+)"/.exec(f[1])?.[1]);
          const code = /formatCode\s*=\s*"([^"]*)"/.exec(f[1])?.[1];
          if (Number.isFinite(id)) this.nextNumFmtId = Math.max(this.nextNumFmtId, id + 1);
          if (code !== undefined && Number.isFinite(id) && !this.numFmtIds.has(code)) this.numFmtIds.set(code.replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">"), id);
        }
      }
    }
    // the input's default font (font 0): its name and size for LossDesk's bold headers and titles
    const fonts = sectionRe(p, "fonts").exec(inputXml);
    const f0 = fonts?.[2] ? new RegExp(`<${p}font\\b[^>]*>([\\s\\S]*?)</${p}font>`).exec(fonts[2]) : null;
    const body = f0?.[1] ?? "";
    const val = (tag: string): string | undefined => new RegExp(`<${p}${tag}\\b[^>]*\\bval\\s*=\\s*"([^"]*)"`).exec(body)?.[1];
    const extra = ["family", "charset", "scheme"].map((t) => (val(t) !== undefined ? `<${p}${t} val="${val(t)}"/>` : "")).join("");
    this.baseFont = { name: val("name") ?? "Calibri", size: Number(val("sz") ?? 11) || 11, extra };
  }

  private el(name: string): string {
    return this.prefix + name;
  }

  private intern(section: string, xml: string): number {
    const map = this.keys[section];
    const hit = map.get(xml);
    if (hit !== undefined) return hit;
    const id = this.base[section] + this.added[section].length;
    this.added[section].push(xml);
    map.set(xml, id);
    return id;
  }

  numFmtId(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    const known = this.numFmtIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmtId++;
    this.numFmtIds.set(code, id);
    this.added.numFmts.push(`<${this.el("numFmt")} numFmtId="${id}" formatCode="${xmlText(code)}"/>`);
    return id;
  }

  private fontXml(f: FontSpec): string {
    const e = (t: string): string => this.el(t);
    const own = f.name !== undefined && f.name !== this.baseFont.name;
    return (
      `<${e("font")}>` +
      (f.bold ? `<${e("b")}/>` : "") +
      (f.italic ? `<${e("i")}/>` : "") +
      `<${e("sz")} val="${f.size ?? this.baseFont.size}"/>` +
      (f.color ? `<${e("color")} rgb="FF${f.color.replace("#", "").toUpperCase()}"/>` : "") +
      `<${e("name")} val="${xmlText(f.name ?? this.baseFont.name)}"/>` +
      // a theme scheme on another font's name makes Excel show the theme font instead
      (own ? "" : this.baseFont.extra) +
      `</${e("font")}>`
    );
  }

  private lineXml(side: string, l: LineSpec | undefined): string {
    const e = this.el(side);
    if (!l) return `<${e}/>`;
    return `<${e} style="${l.style}"><${this.el("color")} rgb="FF${l.color.replace("#", "").toUpperCase()}"/></${e}>`;
  }

  /** The cellXfs index for a style. */
  xf(s: XfSpec): number {
    const e = (t: string): string => this.el(t);
    const numFmtId = s.numFmt ? this.numFmtId(s.numFmt) : 0;
    const fontId = s.font ? this.intern("fonts", this.fontXml(s.font)) : 0;
    const fillId = s.fill
      ? this.intern("fills", `<${e("fill")}><${e("patternFill")} patternType="solid"><${e("fgColor")} rgb="FF${s.fill.replace("#", "").toUpperCase()}"/><${e("bgColor")} indexed="64"/></${e("patternFill")}></${e("fill")}>`)
      : 0;
    const b = s.border;
    const borderId = b
      ? this.intern("borders", `<${e("border")}>${this.lineXml("left", b.left)}${this.lineXml("right", b.right)}${this.lineXml("top", b.top)}${this.lineXml("bottom", b.bottom)}<${e("diagonal")}/></${e("border")}>`)
      : 0;
    let align = "";
    if (s.horizontal) align += ` horizontal="${s.horizontal}"`;
    if (s.vertical) align += ` vertical="${s.vertical}"`;
    if (s.wrap) align += ` wrapText="1"`;
    if (s.shrink) align += ` shrinkToFit="1"`;
    if (s.indent) align += ` indent="${s.indent}"`;
    let attrs = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
    if (numFmtId) attrs += ` applyNumberFormat="1"`;
    if (fontId) attrs += ` applyFont="1"`;
    if (fillId) attrs += ` applyFill="1"`;
    if (borderId) attrs += ` applyBorder="1"`;
    if (align) attrs += ` applyAlignment="1"`;
    if (s.unlocked) attrs += ` applyProtection="1"`;
    const inner = (align ? `<${e("alignment")}${align}/>` : "") + (s.unlocked ? `<${e("protection")} locked="0"/>` : "");
    return this.intern("cellXfs", inner ? `<${e("xf")} ${attrs}>${inner}</${e("xf")}>` : `<${e("xf")} ${attrs}/>`);
  }

  /** The dxfs index for a conditional format's look. */
  dxf(style: ConditionalFormatSpec["style"]): number {
    const e = (t: string): string => this.el(t);
    const c = DXF_COLORS[style];
    return this.intern(
      "dxfs",
      `<${e("dxf")}><${e("font")}><${e("color")} rgb="FF${c.font}"/></${e("font")}><${e("fill")}><${e("patternFill")}><${e("bgColor")} rgb="FF${c.fill}"/></${e("patternFill")}></${e("fill")}></${e("dxf")}>`,
    );
  }

  /** The style of the base font made bold (and sized): headers and titles of table sheets. */
  baseFontWith(f: Omit<FontSpec, "name">): FontSpec {
    return { ...f, name: this.baseFont.name, size: f.size ?? this.baseFont.size };
  }

  changed(): boolean {
    return Object.values(this.added).some((a) => a.length > 0);
  }

  /** The input's styles.xml with LossDesk's items appended to each section (counts updated). */
  xml(): string {
    let xml = this.inputXml;
    const p = this.prefix;
    for (const section of Object.keys(ITEM_OF)) {
      const items = this.added[section];
      if (items.length === 0) continue;
      const count = this.base[section] + items.length;
      const re = sectionRe(p, section);
      const m = re.exec(xml);
      if (m) {
        const openTag = m[0].slice(0, m[0].indexOf(">") + 1).replace(/\/>$/, ">");
        const tag = /\bcount\s*=\s*"\d*"/.test(openTag) ? openTag.replace(/\bcount\s*=\s*"\d*"/, `count="${count}"`) : openTag.replace(/>$/, ` count="${count}">`);
        const inner = m[1] === "/>" ? "" : (m[2] ?? "");
        xml = xml.slice(0, m.index) + `${tag}${inner}${items.join("")}</${p}${section}>` + xml.slice(m.index + m[0].length);
      } else {
        const el = `<${p}${section} count="${count}">${items.join("")}</${p}${section}>`;
        // before the first section that comes after it in the schema, else before the root's end
        let at = -1;
        for (const later of SECTION_ORDER.slice(SECTION_ORDER.indexOf(section) + 1)) {
          const l = new RegExp(`<${p}${later}\\b`).exec(xml);
          if (l) {
            at = l.index;
            break;
          }
        }
        if (at < 0) at = xml.lastIndexOf(`</${p}styleSheet`);
        xml = xml.slice(0, at) + el + xml.slice(at);
      }
    }
    return xml;
  }
}

export type { Section };

// ---- cells ----

export interface SheetContext {
  styles: StyleBook;
  date1904: boolean;
}

/** One cell's XML. `style` 0 means none. */
export function cellXml(ref: string, v: CellValue, style: number, date1904: boolean): string {
  const s = style ? ` s="${style}"` : "";
  if (v === null || v === undefined) return style ? `<c r="${ref}"${s}/>` : "";
  // an empty string is a blank cell: Excel shows the two alike, and some readers (ExcelJS) choke on an empty inline string
  if (v === "") return style ? `<c r="${ref}"${s}/>` : "";
  if (typeof v === "string") return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(cutCellText(v))}</t></is></c>`;
  if (typeof v === "number") return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : `<c r="${ref}"${s} t="e"><v>#NUM!</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? (style ? `<c r="${ref}"${s}/>` : "") : `<c r="${ref}"${s}><v>${dateToSerial(v, date1904)}</v></c>`;
  if (isCellError(v)) return EXCEL_ERRORS.has(v.error) ? `<c r="${ref}"${s} t="e"><v>${xmlText(v.error)}</v></c>` : style ? `<c r="${ref}"${s}/>` : "";
  return "";
}

/** A formula cell with its cached value (the row's value in the model). */
function formulaCellXml(ref: string, formula: string, v: CellValue, style: number, date1904: boolean): string {
  const s = style ? ` s="${style}"` : "";
  const f = `<f>${xmlText(formula.replace(/^=/, ""))}</f>`;
  if (typeof v === "string") return `<c r="${ref}"${s} t="str">${f}<v>${xmlText(cutCellText(v))}</v></c>`;
  if (typeof v === "number") return Number.isFinite(v) ? `<c r="${ref}"${s}>${f}<v>${v}</v></c>` : `<c r="${ref}"${s} t="e">${f}<v>#NUM!</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
  if (v instanceof Date && !Number.isNaN(v.getTime())) return `<c r="${ref}"${s}>${f}<v>${dateToSerial(v, date1904)}</v></c>`;
  if (isCellError(v) && EXCEL_ERRORS.has(v.error)) return `<c r="${ref}"${s} t="e">${f}<v>${xmlText(v.error)}</v></c>`;
  // no cached value: an empty text result, so readers that do not calculate see an empty cell
  return `<c r="${ref}"${s} t="str">${f}<v></v></c>`;
}

const WORKSHEET_OPEN = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`;

// ---- table sheets ----

export interface TableSheetParts {
  /** The table part's XML, when the sheet holds an Excel table; its relationship id is "rId1". */
  tableXml?: (id: number, name: string) => string;
  /** Defined names the sheet needs (print titles), sheet-local to its position. */
  printTitles?: string;
}

/** What the table sheet will hold, decided before it is written (the graft lists the parts first). */
export function tableSheetHasTable(model: TableSheetModel<TableRows>): boolean {
  return !!model.tableName && model.rows.length > 0 && model.columns.length > 0;
}

/**
 * Streams a TableSheetModel as worksheet XML into `w`. `tableName`: the name the graft chose
 * (unique in the workbook), undefined for a plain range.
 */
export function writeTableSheet(w: EntryWriter, model: TableSheetModel<TableRows>, ctx: SheetContext, tableName: string | undefined): TableSheetParts {
  const { styles, date1904 } = ctx;
  const headerRow = headerRowNumber(model);
  const nCols = model.columns.length;
  const nRows = model.rows.length;
  const lastCol = colLetter(Math.max(0, nCols - 1));
  const lastRow = headerRow + nRows;
  const letters = model.columns.map((_, c) => colLetter(c));
  const formats = columnFormats(model);
  const colStyle = formats.map((fmt) => (fmt ? styles.xf({ numFmt: fmt }) : 0));
  const headerStyle = styles.xf({ font: styles.baseFontWith({ bold: true }) });
  const titleStyle = styles.xf({ font: styles.baseFontWith({ bold: true, size: 14 }) });
  const withTable = tableName !== undefined && tableSheetHasTable(model);
  const headers = withTable ? tableHeaders(model.columns) : model.columns.map((c) => c.header);
  const maxExtra = Math.max(0, ...model.columns.map((c) => (c.list?.length ? (c.listExtraRows ?? 0) : 0)));

  w.text(WORKSHEET_OPEN);
  w.text(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`);
  w.text(`<dimension ref="A1:${nCols > 0 ? lastCol : "A"}${Math.max(1, lastRow)}"/>`);
  if (model.freezeHeader) {
    const tl = `A${headerRow + 1}`;
    w.text(`<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="${tl}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${tl}" sqref="${tl}"/></sheetView></sheetViews>`);
  } else {
    w.text(`<sheetViews><sheetView workbookViewId="0"/></sheetViews>`);
  }
  w.text(`<sheetFormatPr defaultRowHeight="15"/>`);
  if (nCols > 0) {
    w.text("<cols>");
    fitWidths(model).forEach((width, c) => w.text(`<col min="${c + 1}" max="${c + 1}" width="${width}" customWidth="1"/>`));
    w.text("</cols>");
  }
  w.text("<sheetData>");
  (model.preamble ?? []).forEach((line, i) => {
    w.text(`<row r="${i + 1}">${cellXml(`A${i + 1}`, line, i === 0 ? titleStyle : 0, date1904)}</row>`);
  });
  if (nCols > 0) {
    let hr = `<row r="${headerRow}">`;
    for (let c = 0; c < nCols; c++) hr += cellXml(`${letters[c]}${headerRow}`, headers[c], headerStyle, date1904);
    w.text(hr + "</row>");
  }
  const formulas = model.columns.map((c) => c.formula);
  // one pass over the rows, each taken once: produced rows (lazyRows) are made here, as they go out
  let rowNo = headerRow;
  for (const src of model.rows) {
    rowNo++;
    let row = `<row r="${rowNo}">`;
    for (let c = 0; c < nCols; c++) {
      const f = formulas[c];
      const v = src[c] ?? null;
      row += f ? formulaCellXml(`${letters[c]}${rowNo}`, f.replace(/\{r\}/g, String(rowNo)), v, colStyle[c], date1904) : cellXml(`${letters[c]}${rowNo}`, v, colStyle[c], date1904);
    }
    w.text(row + "</row>");
  }
  w.text("</sheetData>");
  if (!withTable && nCols > 0) w.text(`<autoFilter ref="A${headerRow}:${lastCol}${lastRow}"/>`);

  const cfs = model.conditionalFormats ?? [];
  if (cfs.length > 0 && nCols > 0) {
    const first = headerRow + 1;
    const last = headerRow + Math.max(nRows, 1) + maxExtra;
    w.text(`<conditionalFormatting sqref="A${first}:${lastCol}${last}">`);
    cfs.forEach((cf, i) => {
      w.text(`<cfRule type="expression" dxfId="${styles.dxf(cf.style)}" priority="${i + 1}" stopIfTrue="1"><formula>${xmlText(cf.formula.replace(/^=/, "").replace(/\{r\}/g, String(first)))}</formula></cfRule>`);
    });
    w.text(`</conditionalFormatting>`);
  }
  const lists = model.columns.map((col, c) => ({ col, c })).filter(({ col }) => col.list?.length);
  if (lists.length > 0) {
    w.text(`<dataValidations count="${lists.length}">`);
    for (const { col, c } of lists) {
      const formula = `"${col.list!.map((x) => x.replace(/"/g, '""')).join(",")}"`;
      const last = headerRow + Math.max(nRows, 1) + (col.listExtraRows ?? 0);
      const other = !!col.listAllowOther;
      w.text(
        `<dataValidation type="list" errorStyle="${other ? "warning" : "stop"}" allowBlank="1" showInputMessage="1" showErrorMessage="${other ? 0 : 1}" sqref="${letters[c]}${headerRow + 1}:${letters[c]}${last}">` +
          `<formula1>${xmlText(formula)}</formula1></dataValidation>`,
      );
    }
    w.text(`</dataValidations>`);
  }
  w.text(`<printOptions horizontalCentered="1"/>`);
  w.text(`<pageMargins left="${MARGINS.left}" right="${MARGINS.right}" top="${MARGINS.top}" bottom="${MARGINS.bottom}" header="${MARGINS.header}" footer="${MARGINS.footer}"/>`);
  w.text(`<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>`);
  w.text(`<headerFooter><oddFooter>${xmlText(`&L${footerText(model.name)}&R&P / &N`)}</oddFooter></headerFooter>`);
  if (withTable) w.text(`<tableParts count="1"><tablePart r:id="rId1"/></tableParts>`);
  w.text("</worksheet>");

  const out: TableSheetParts = { printTitles: nCols > 0 ? `${quoteSheetName(model.name)}!$${headerRow}:$${headerRow}` : undefined };
  if (withTable) {
    const ref = `A${headerRow}:${lastCol}${lastRow}`;
    out.tableXml = (id, name) =>
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${NS_MAIN}" id="${id}" name="${xmlText(name)}" displayName="${xmlText(name)}" ref="${ref}" totalsRowShown="0">` +
      `<autoFilter ref="${ref}"/><tableColumns count="${nCols}">` +
      headers.map((h, i) => `<tableColumn id="${i + 1}" name="${xmlText(tableColumnName(h))}"/>`).join("") +
      `</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
  }
  return out;
}

/** A table column name as the table part stores it: line breaks escaped the OOXML way. */
function tableColumnName(h: string): string {
  return h.replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_").replace(/\r/g, "_x000D_").replace(/\n/g, "_x000A_");
}

// ---- report sheets ----

const HORIZONTAL = { Left: "left", Center: "center", Right: "right" } as const;
const VERTICAL = { Top: "top", Center: "center", Bottom: "bottom" } as const;

function lineOf(op: BorderOp): LineSpec {
  const style = op.style === "Dot" ? "dotted" : op.weight === "Hairline" ? "hair" : op.weight === "Medium" ? "medium" : "thin";
  return { style, color: op.color };
}

/**
 * The plan's border rectangles, cell by cell for one row at a time: an edge on the cells along
 * it, an inside line on both sides; later rectangles win, as the plan lists them. Row by row, so a
 * 40,000-row report never holds a border object for each of its cells.
 */
class RowBorders {
  private readonly ops: { op: BorderOp; line: LineSpec; sides: Set<string>; order: number }[];
  private next = 0;
  private active: RowBorders["ops"] = [];

  constructor(ops: BorderOp[]) {
    this.ops = ops.map((op, order) => ({ op, line: lineOf(op), sides: new Set<string>(op.sides), order })).sort((a, b) => a.op.r0 - b.op.r0 || a.order - b.order);
  }

  /** The borders of row `r` by column; rows must be asked for in increasing order. */
  row(r: number): Map<number, NonNullable<XfSpec["border"]>> | undefined {
    while (this.next < this.ops.length && this.ops[this.next].op.r0 <= r) this.active.push(this.ops[this.next++]);
    this.active = this.active.filter((a) => a.op.r1 >= r);
    if (this.active.length === 0) return undefined;
    const here = this.active.length > 1 ? [...this.active].sort((a, b) => a.order - b.order) : this.active;
    const out = new Map<number, NonNullable<XfSpec["border"]>>();
    for (const { op, line, sides } of here) {
      for (let c = op.c0; c <= op.c1; c++) {
        const b = { ...out.get(c) };
        if ((sides.has("EdgeTop") && r === op.r0) || (sides.has("InsideHorizontal") && r > op.r0)) b.top = line;
        if ((sides.has("EdgeBottom") && r === op.r1) || (sides.has("InsideHorizontal") && r < op.r1)) b.bottom = line;
        if ((sides.has("EdgeLeft") && c === op.c0) || (sides.has("InsideVertical") && c > op.c0)) b.left = line;
        if ((sides.has("EdgeRight") && c === op.c1) || (sides.has("InsideVertical") && c < op.c1)) b.right = line;
        if (Object.keys(b).length > 0) out.set(c, b);
      }
    }
    return out;
  }
}

/** Report cells' formats by their plan style: a 40,000-row report has a handful of distinct ones. */
const reportXfCache = new WeakMap<StyleBook, Map<string, number>>();

function reportXf(styles: StyleBook, s: CellStyle, border: XfSpec["border"] | undefined): number {
  let cache = reportXfCache.get(styles);
  if (!cache) reportXfCache.set(styles, (cache = new Map()));
  const key = styleKey(s) + (border ? borderKey(border) : "");
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const id = reportXfUncached(styles, s, border);
  cache.set(key, id);
  return id;
}

// Keys of reportXf's cache, field by field: JSON.stringify on every cell of a 40,000-row report
// took most of its writing time. Equal styles give equal keys whatever their fields' order.
function styleKey(s: CellStyle): string {
  const f = s.font;
  return `${f ? `${f.size}/${f.bold}/${f.italic}/${f.color}` : ""}|${s.fill}|${s.horizontal}|${s.vertical}|${s.wrap}|${s.shrink}|${s.indent}|${s.unlocked}|${s.numFmt}`;
}

function lineKey(l: LineSpec | undefined): string {
  return l ? `${l.style}/${l.color}` : "";
}

function borderKey(b: NonNullable<XfSpec["border"]>): string {
  return `|${lineKey(b.left)}|${lineKey(b.right)}|${lineKey(b.top)}|${lineKey(b.bottom)}`;
}

function reportXfUncached(styles: StyleBook, s: CellStyle, border: XfSpec["border"] | undefined): number {
  return styles.xf({
    font: { name: REPORT_FONT, size: s.font?.size ?? BASE_SIZE, bold: s.font?.bold, italic: s.font?.italic, color: s.font?.color },
    fill: s.fill,
    border,
    horizontal: s.horizontal ? HORIZONTAL[s.horizontal] : undefined,
    vertical: s.vertical ? VERTICAL[s.vertical] : undefined,
    wrap: s.wrap,
    shrink: s.shrink,
    indent: s.indent,
    unlocked: s.unlocked,
    numFmt: s.numFmt,
  });
}

export interface ReportSheetParts {
  /** Defined names: the input boxes (workbook level) and the print titles (sheet level). */
  inputNames: { name: string; ref: string }[];
  printTitles?: string;
}

/** Streams a planned report as worksheet XML; `drawingRid` is set when its charts have a drawing. */
export function writeReportSheet(w: EntryWriter, model: ReportSheetModel, plan: ReportPlan, ctx: SheetContext, drawingRid: string | undefined): ReportSheetParts {
  const { styles, date1904 } = ctx;
  const borders = new RowBorders(plan.borders);
  const lastCol = colLetter(plan.markerCol - 1);
  w.text(WORKSHEET_OPEN);
  w.text(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`);
  w.text(`<dimension ref="A1:${lastCol}${Math.max(1, plan.lastRow)}"/>`);
  w.text(`<sheetViews><sheetView showGridLines="0" workbookViewId="0"/></sheetViews>`);
  w.text(`<sheetFormatPr defaultRowHeight="15"/>`);
  w.text("<cols>");
  model.columnWidths.forEach((width, i) => w.text(`<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`));
  // the marker column: hidden, and narrow too, so unhidden by accident it barely shows
  w.text(`<col min="${plan.markerCol}" max="${plan.markerCol}" width="1" hidden="1" customWidth="1"/>`);
  w.text("</cols><sheetData>");
  for (let r = 1; r <= plan.lastRow; r++) {
    const ht = plan.heights.get(r);
    let row = ht !== undefined ? `<row r="${r}" ht="${ht}" customHeight="1">` : `<row r="${r}">`;
    const rowBorders = borders.row(r);
    for (let c = 1; c <= plan.markerCol; c++) {
      const value = plan.grid[r - 1][c - 1];
      const style = plan.styles[r - 1][c - 1];
      const border = rowBorders?.get(c);
      if (value === null && !style && !border) continue;
      const xf = style || border ? reportXf(styles, style ?? {}, border) : 0;
      row += cellXml(`${colLetter(c - 1)}${r}`, value, xf, date1904);
    }
    w.text(row + "</row>");
  }
  w.text("</sheetData>");
  if (plan.merges.length > 0) {
    w.text(`<mergeCells count="${plan.merges.length}">`);
    for (const m of plan.merges) w.text(`<mergeCell ref="${colLetter(m.c0 - 1)}${m.r0}:${colLetter(m.c1 - 1)}${m.r1}"/>`);
    w.text("</mergeCells>");
  }
  w.text(`<printOptions horizontalCentered="1"/>`);
  w.text(`<pageMargins left="${MARGINS.left}" right="${MARGINS.right}" top="${MARGINS.top}" bottom="${MARGINS.bottom}" header="${MARGINS.header}" footer="${MARGINS.footer}"/>`);
  w.text(`<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>`);
  const footer = `&L${footerText(model.footer.left)}&C${footerText(model.footer.center)}&R${footerText(model.footer.right)}`;
  w.text(`<headerFooter><oddFooter>${xmlText(footer)}</oddFooter></headerFooter>`);
  if (plan.pageBreaksAfter.length > 0) {
    w.text(`<rowBreaks count="${plan.pageBreaksAfter.length}" manualBreakCount="${plan.pageBreaksAfter.length}">`);
    for (const r of plan.pageBreaksAfter) w.text(`<brk id="${r}" max="16383" man="1"/>`);
    w.text("</rowBreaks>");
  }
  if (drawingRid) w.text(`<drawing r:id="${drawingRid}"/>`);
  w.text("</worksheet>");
  return {
    inputNames: plan.inputAreas.map((a) => ({ name: a.definedName, ref: `${quoteSheetName(model.name)}!${a.address.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}` })),
    printTitles: model.repeatRows ? `${quoteSheetName(model.name)}!$${model.repeatRows[0]}:$${model.repeatRows[1]}` : undefined,
  };
}
