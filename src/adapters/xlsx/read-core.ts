// Our own .xlsx reader, without platform code: it reads from any ZipArchive (read.ts opens one
// with Node's zlib, the browser preview with DecompressionStream), so the same reader runs in the
// CLI and in the browser. Bank systems export through openpyxl, POI, WPS, LibreOffice and .NET
// writers that each lay the package out a little differently, so every part is found through the
// relationships (never by a hard-coded path), element names are matched by local name, and the
// sheets are parsed as a stream so that a 200,000-row holdings sheet stays fast and small.

import type { CellValue, ReadWarning, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../../core/workbook";
import { WorkbookReadError, describeReadError, describeReadWarning, rejectNonZip, toReadError } from "./errors";
import type { LooksLike, ReadErrorCode } from "./errors";
import { XmlError, XmlHandler, XmlTokenizer, attr, decodeOoxmlEscapes, readAttributes } from "./xml";
import type { ZipArchive } from "./zip-core";
import { EPOCH_1900, serialToDate } from "../../core/excel-date";

export { WorkbookReadError, describeReadError, describeReadWarning };
export type { LooksLike, ReadErrorCode, ReadWarning };
export type { ZipArchive };

/**
 * Reads a workbook held in memory, opening the zip with `openZip` (the platform's inflater).
 * Every failure comes out as a WorkbookReadError naming the part concerned.
 */
export async function readXlsxBytesWith(bytes: Uint8Array, openZip: (bytes: Uint8Array) => ZipArchive): Promise<WorkbookSnapshot> {
  try {
    rejectNonZip(bytes);
    return await readWorkbook(openZip(bytes));
  } catch (err) {
    throw toReadError(err);
  }
}

// ---- Package navigation ----

interface Relationship {
  id: string;
  /** The last segment of the Type URI, lower-cased: "worksheet", "officedocument", "table"... */
  kind: string;
  /** The target part name, resolved against the source part. */
  part: string;
  external: boolean;
}

function relsPartFor(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target (a relative or absolute URI) against the part that holds it. */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target.replace(/\\/g, "/");
  const hash = t.indexOf("#");
  if (hash >= 0) t = t.slice(0, hash);
  try {
    t = decodeURIComponent(t);
  } catch {
    // A stray "%" is more likely a literal than an escape; keep the target as written.
  }
  const base = t.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

/** The relationships of `part`, or [] when it has no rels part. */
async function readRels(zip: ZipArchive, part: string): Promise<Relationship[]> {
  const relsPart = relsPartFor(part);
  if (!zip.has(relsPart)) return [];
  const rels: Relationship[] = [];
  const attrs: string[] = [];
  await parsePart(zip, relsPart, {
    wantText: false,
    open(local, src, start, end) {
      if (local !== "Relationship") return;
      readAttributes(src, start, end, attrs);
      const type = attr(attrs, "Type") ?? "";
      const target = attr(attrs, "Target") ?? "";
      const external = (attr(attrs, "TargetMode") ?? "").toLowerCase() === "external";
      rels.push({
        id: attr(attrs, "Id") ?? "",
        kind: type.slice(type.lastIndexOf("/") + 1).toLowerCase(),
        part: external ? target : resolveTarget(part, target),
        external,
      });
    },
    close() {},
    text() {},
  });
  return rels;
}

/** Feeds a part through the tokenizer as it inflates, so big sheets never sit whole in memory. */
async function parsePart(zip: ZipArchive, part: string, handler: XmlHandler, sheet?: string): Promise<void> {
  try {
    const tokenizer = new XmlTokenizer(handler);
    let decoder: TextDecoder | undefined;
    for await (const chunk of zip.chunks(part)) {
      if (!decoder) {
        const utf16 = chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff));
        decoder = new TextDecoder(utf16 ? (chunk[0] === 0xff ? "utf-16le" : "utf-16be") : "utf-8");
      }
      tokenizer.write(decoder.decode(chunk, { stream: true }));
    }
    if (decoder) tokenizer.write(decoder.decode());
    tokenizer.end();
  } catch (err) {
    throw toReadError(err, zip.resolve(part) ?? part, sheet);
  }
}

// ---- The workbook ----

/** A worksheet of the package, ready to be read: its part and what reading its cells needs. */
export interface WorksheetEntry {
  name: string;
  part: string;
}

/**
 * The package walked once, for the snapshot reader below and the streaming one (read-stream.ts)
 * alike: the workbook part, the shared strings, the date styles and the worksheets in tab order,
 * with what was skipped or worked around as warnings.
 */
export async function readPackage(zip: ZipArchive): Promise<{
  worksheets: WorksheetEntry[]; sharedStrings: string[]; dateStyles: boolean[]; date1904: boolean; warnings: ReadWarning[];
}> {
  const warnings: ReadWarning[] = [];
  const workbookPart = await findWorkbookPart(zip, warnings);
  const wb = await readWorkbookPart(zip, workbookPart);
  const rels = await readRels(zip, workbookPart);
  const relById = new Map(rels.map((r) => [r.id, r]));

  const sstRel = rels.find((r) => r.kind === "sharedstrings" && !r.external);
  const stylesRel = rels.find((r) => r.kind === "styles" && !r.external);
  const sharedStrings = sstRel ? await readSharedStrings(zip, sstRel.part) : [];
  let dateStyles: boolean[] = [];
  if (stylesRel && !zip.has(stylesRel.part)) {
    // Without styles no cell is known to be a date: dates arrive as serial numbers, which the core
    // reads as dates where it expects one. Worth a warning, not a refusal.
    warnings.push({ code: "styles-missing", part: stylesRel.part, detail: "the styles part is not in the package" });
  } else if (stylesRel) dateStyles = await readDateStyles(zip, stylesRel.part);

  const worksheets: WorksheetEntry[] = [];
  for (const entry of wb.sheets) {
    if (entry.relId === "") {
      // Very hidden macro sheets of workbooks converted from .xls carry r:id="": no part, no cells.
      warnings.push({ code: "sheet-without-part", part: workbookPart, sheet: entry.name, detail: 'the sheet has r:id="" (no part)' });
      continue;
    }
    const rel = relById.get(entry.relId);
    if (!rel) {
      throw new WorkbookReadError("missing-part", relsPartFor(workbookPart), `no relationship "${entry.relId}" for the sheet`, { sheet: entry.name });
    }
    // Chart sheets, dialog sheets and macro sheets hold no cells we could use.
    if (rel.kind !== "worksheet") continue;
    if (!zip.has(rel.part)) {
      throw new WorkbookReadError("missing-part", rel.part, "the worksheet part is not in the package", { sheet: entry.name });
    }
    worksheets.push({ name: entry.name, part: rel.part });
  }
  return { worksheets, sharedStrings, dateStyles, date1904: wb.date1904, warnings };
}

/** Reads a workbook from any ZipArchive (zlib in Node, DecompressionStream in the browser). */
export async function readWorkbook(zip: ZipArchive): Promise<WorkbookSnapshot> {
  const pkg = await readPackage(zip);
  const sheets: SheetSnapshot[] = [];
  for (const ws of pkg.worksheets) {
    const rows = await readSheetRows(zip, ws.part, ws.name, pkg.sharedStrings, pkg.dateStyles, pkg.date1904);
    const tables = await readTables(zip, ws.part, ws.name);
    sheets.push({ name: ws.name, rows, tables });
  }
  return pkg.warnings.length > 0 ? { sheets, warnings: pkg.warnings } : { sheets };
}

async function findWorkbookPart(zip: ZipArchive, warnings: ReadWarning[]): Promise<string> {
  let rootRels: Relationship[];
  try {
    rootRels = await readRels(zip, "");
  } catch (err) {
    // Garbage in _rels/.rels: the conventional location still finds the workbook in practice.
    if (!zip.has("xl/workbook.xml")) throw err;
    const e = toReadError(err, "_rels/.rels");
    warnings.push({ code: "root-rels-unusable", part: "_rels/.rels", detail: `${e.detail}; read xl/workbook.xml instead` });
    return zip.resolve("xl/workbook.xml")!;
  }
  const office = rootRels.find((r) => r.kind === "officedocument" && !r.external);
  if (office) {
    if (/\.bin$/i.test(office.part)) {
      throw new WorkbookReadError("not-workbook", office.part, "the main part is a binary workbook (.xlsb)", { looksLike: "xlsb" });
    }
    if (!zip.has(office.part)) {
      throw new WorkbookReadError("missing-part", office.part, "the package's main part (the workbook) is not in the package");
    }
    return zip.resolve(office.part) ?? office.part;
  }
  // No usable _rels/.rels: accept the conventional location before giving up.
  if (zip.has("xl/workbook.xml")) {
    if (zip.has("_rels/.rels")) {
      warnings.push({ code: "root-rels-unusable", part: "_rels/.rels", detail: "no officeDocument relationship; read xl/workbook.xml instead" });
    }
    return zip.resolve("xl/workbook.xml")!;
  }
  if (zip.has("mimetype") && (await zip.text("mimetype")).startsWith("application/vnd.oasis.opendocument.spreadsheet")) {
    throw new WorkbookReadError("not-workbook", "", "the file is an OpenDocument spreadsheet", { looksLike: "ods" });
  }
  // Apple Numbers keeps its document in Index/*.iwa (Index.zip before 2013); renamed to .xlsx it
  // is not a damaged workbook but another program's file.
  if (zip.names().some((n) => /^Index\/.*\.iwa$/i.test(n) || /^Index\.zip$/i.test(n))) {
    throw new WorkbookReadError("not-workbook", "", "the file is an Apple Numbers document (Index/*.iwa)", { looksLike: "numbers" });
  }
  if (zip.has("_rels/.rels")) {
    throw new WorkbookReadError("not-workbook", "_rels/.rels", "the package has no officeDocument relationship", { looksLike: "office-document" });
  }
  throw new WorkbookReadError("missing-part", "_rels/.rels", "the package has no _rels/.rels and no xl/workbook.xml");
}

interface WorkbookPart {
  date1904: boolean;
  sheets: { name: string; relId: string }[];
}

async function readWorkbookPart(zip: ZipArchive, part: string): Promise<WorkbookPart> {
  const result: WorkbookPart = { date1904: false, sheets: [] };
  const attrs: string[] = [];
  let root: string | undefined;
  // Excel 2013+ writes a second <x15:workbookPr/> inside extLst (another namespace, no date1904):
  // matched by local name it would reset a 1904 workbook to 1900 and move every date by 4 years.
  // So workbookPr counts only in the main namespace, which needs the prefixes in scope here (the
  // workbook part is small, so a scope stack per element costs nothing).
  const scopes: Map<string, string>[] = [];
  let rootNs = "";
  await parsePart(zip, part, {
    wantText: false,
    open(local, src, start, end) {
      const ns = elementNamespace(src, start, end, scopes);
      if (root === undefined) {
        root = local;
        rootNs = ns;
      }
      // The root's own namespace counts too: a writer with an odd main namespace is still consistent.
      if (local === "workbookPr" && (ns === "" || ns === rootNs || MAIN_NAMESPACES.has(ns))) {
        readAttributes(src, start, end, attrs);
        const v = (attr(attrs, "date1904") ?? "").toLowerCase();
        result.date1904 = v === "1" || v === "true";
      } else if (local === "sheet") {
        readAttributes(src, start, end, attrs);
        result.sheets.push({ name: attr(attrs, "name") ?? "", relId: attr(attrs, "id") ?? "" });
      }
    },
    close() {
      scopes.pop();
    },
    text() {},
  });
  if (root !== "workbook") {
    throw new WorkbookReadError("not-workbook", part, `the main part is <${root}>, not a workbook`, { looksLike: "office-document" });
  }
  return result;
}

/** SpreadsheetML's main namespace: Transitional and Strict. */
const MAIN_NAMESPACES = new Set([
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
]);

const XMLNS_DECL = /\sxmlns(?::([^\s=]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * The namespace URI of the element whose raw tag is src[start, end), pushing its declarations on
 * `scopes` (the caller pops one scope per close). "" for an unprefixed element with no default
 * namespace in scope (hand-written packages without any xmlns); "?prefix" for an undeclared prefix.
 */
function elementNamespace(src: string, start: number, end: number, scopes: Map<string, string>[]): string {
  const tag = src.slice(start, end);
  const scope = new Map<string, string>();
  for (const m of tag.matchAll(XMLNS_DECL)) scope.set(m[1] ?? "", m[2] ?? m[3] ?? "");
  scopes.push(scope);
  let nameEnd = 0;
  while (nameEnd < tag.length && !/[\s/]/.test(tag[nameEnd])) nameEnd++;
  const qname = tag.slice(0, nameEnd);
  const colon = qname.indexOf(":");
  const prefix = colon < 0 ? "" : qname.slice(0, colon);
  for (let k = scopes.length - 1; k >= 0; k--) {
    const uri = scopes[k].get(prefix);
    if (uri !== undefined) return uri;
  }
  return prefix === "" ? "" : `?${prefix}`;
}

// ---- Shared strings ----

async function readSharedStrings(zip: ZipArchive, part: string): Promise<string[]> {
  if (!zip.has(part)) throw new WorkbookReadError("missing-part", part, "the shared strings part is not in the package");
  const strings: string[] = [];
  let inSi = false;
  let phonetic = 0;
  let current = "";
  const h: XmlHandler = {
    wantText: false,
    open(local) {
      if (local === "si") {
        inSi = true;
        current = "";
      } else if (local === "rPh") phonetic++;
      // Rich text: the <t> of every run, in order. Phonetic guides (<rPh>) are furigana/pinyin, not content.
      else if (local === "t" && inSi && phonetic === 0) h.wantText = true;
    },
    close(local) {
      if (local === "t") h.wantText = false;
      else if (local === "rPh") phonetic--;
      else if (local === "si") {
        strings.push(detach(decodeOoxmlEscapes(current)));
        inSi = false;
      }
    },
    text(value) {
      current += value;
    },
  };
  await parsePart(zip, part, h);
  return strings;
}

// ---- Styles: which cell formats are dates ----

/**
 * The built-in number formats (ECMA-376 Part 1, 18.8.30) that are dates, times or durations, by
 * their codes, so they are judged by the same rule as custom codes: 46 "[h]:mm:ss" is an elapsed
 * duration, not a date.
 */
const BUILTIN_TIME_CODES: Record<number, string> = {
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
  20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0",
};
/** 27-36 and 50-58: East Asian built-ins, a date or a time of day in every one of those locales. */
const BUILTIN_CJK_DATES = new Set([27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function isBuiltinDateFormat(id: number): boolean {
  const code = BUILTIN_TIME_CODES[id];
  return code !== undefined ? isDateFormatCode(code) : BUILTIN_CJK_DATES.has(id);
}

/**
 * Whether a number format code displays a date or a time of day. Elapsed-time formats ([h], [mm],
 * [ss]) display durations: those cells stay numbers (a fraction of days), not dates.
 */
export function isDateFormatCode(code: string): boolean {
  let s = code
    .replace(/"[^"]*"/g, "") // literal text: "年", " days"
    .replace(/\\./g, "") // escaped characters
    .replace(/[_*]./g, ""); // padding and fill characters
  if (/\[(h+|m+|s+)\]/i.test(s)) return false; // [h]:mm elapsed time is a duration, not a date
  s = s
    .replace(/\[[^\]]*\]/g, "") // [Red], [$-804], [DBNum1], [>=100]
    .replace(/general/gi, "");
  // An AM/PM marker alone ("AM/PM", "上午/下午") still shows the time of day.
  if (/am\/pm|a\/p|上午\/下午/i.test(s)) return true;
  return /[ymdhs]/i.test(s);
}

/** For each cellXfs index, whether its number format is a date format. */
async function readDateStyles(zip: ZipArchive, part: string): Promise<boolean[]> {
  if (!zip.has(part)) throw new WorkbookReadError("missing-part", part, "the styles part is not in the package");
  const customFormats = new Map<number, string>();
  const xfFormats: number[] = [];
  let inNumFmts = false;
  let inCellXfs = false;
  const attrs: string[] = [];
  await parsePart(zip, part, {
    wantText: false,
    open(local, src, start, end, selfClosing) {
      if (local === "numFmts") inNumFmts = !selfClosing;
      else if (local === "cellXfs") inCellXfs = !selfClosing;
      // numFmt also appears inside <dxfs> (conditional formats); those must not redefine cell formats.
      else if (local === "numFmt" && inNumFmts) {
        readAttributes(src, start, end, attrs);
        const id = Number(attr(attrs, "numFmtId"));
        if (Number.isInteger(id)) customFormats.set(id, attr(attrs, "formatCode") ?? "");
      } else if (local === "xf" && inCellXfs) {
        readAttributes(src, start, end, attrs);
        const id = Number(attr(attrs, "numFmtId") ?? "0");
        xfFormats.push(Number.isInteger(id) ? id : 0);
      }
    },
    close(local) {
      if (local === "numFmts") inNumFmts = false;
      else if (local === "cellXfs") inCellXfs = false;
    },
    text() {},
  });
  return xfFormats.map((id) => {
    const code = customFormats.get(id);
    return code !== undefined ? isDateFormatCode(code) : isBuiltinDateFormat(id);
  });
}

// ---- Dates ----

// Serials of date-formatted cells: core/excel-date (re-exported for the reader's callers).
export { serialToDate };

const ISO_DATE = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?\s*$/i;
const ISO_TIME = /^\s*(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*$/;

/**
 * Reads the ISO 8601 text of a `t="d"` cell. The wall-clock fields are kept as UTC (a zone offset,
 * if any, is ignored) because the port promises the cell's calendar day in the UTC fields.
 */
export function parseIsoDate(text: string): Date | undefined {
  let m = ISO_DATE.exec(text);
  if (m) {
    const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), ms));
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  m = ISO_TIME.exec(text);
  if (m) {
    // A bare time of day: Excel's serial for it is a fraction of day 0 (1899-12-30 in our mapping).
    const ms = m[4] ? Math.round(Number(`0.${m[4]}`) * 1000) : 0;
    return new Date(EPOCH_1900 + ((+m[1] * 60 + +m[2]) * 60 + +(m[3] ?? 0)) * 1000 + ms);
  }
  return undefined;
}

// ---- Worksheets ----

/**
 * A copy of `s` that does not share memory with the string it was cut from. V8 makes substrings of
 * 13 or more characters as views onto their parent, so a cell value sliced from a 1 MB chunk of
 * sheet XML would keep that chunk alive as long as the snapshot lives: for a 200,000-row sheet of
 * inline strings that is the whole decompressed sheet, several hundred MB.
 */
/**
 * The string to store for a cell: never a slice that would keep its whole chunk alive. (Sharing
 * one copy per distinct value through a Map was tried: slower, and no smaller on holdings data.)
 */
function detach(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

const enum Collect {
  None,
  Value,
  InlineText,
}

function isXmlSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** The cell type attribute's value, without allocating for the common ones. */
function cellType(src: string, vs: number, ve: number): string {
  const len = ve - vs;
  const c = src.charCodeAt(vs);
  if (len === 1) {
    if (c === 115) return "s";
    if (c === 110) return "n";
    if (c === 98) return "b";
    if (c === 101) return "e";
    if (c === 100) return "d";
  } else if (len === 3 && src.startsWith("str", vs)) return "str";
  else if (len === 9 && src.startsWith("inlineStr", vs)) return "inlineStr";
  return src.slice(vs, ve);
}

class SheetHandler implements XmlHandler {
  wantText = false;
  readonly rows: (CellValue[] | undefined)[] = [];
  private readonly attrs: string[] = [];

  private rowIndex = -1;
  /** The last column seen in the current row; cells without `r` follow on from it. */
  private col = -1;

  private inCell = false;
  private cellRow = 0;
  private cellCol = 0;
  private cellType = "";
  private cellStyle = 0;
  private value: string | null = null;
  private inline: string | null = null;
  private inInlineString = false;
  private phonetic = 0;
  private collect = Collect.None;
  private buffer = "";

  constructor(
    private readonly sharedStrings: string[],
    private readonly dateStyles: boolean[],
    private readonly date1904: boolean,
  ) {}

  open(local: string, src: string, start: number, end: number, selfClosing: boolean): void | number {
    switch (local) {
      case "c":
        this.openCell(src, start, end);
        // Only an unprefixed <c>: the `</c>` read ahead must match the tag as written.
        if (!selfClosing && src.charCodeAt(start) === 99 /* c */) return this.plainValue(src, end + 1);
        break;
      case "v":
        if (this.inCell && !this.inInlineString) this.startText(Collect.Value);
        break;
      case "is":
        if (this.inCell) {
          this.inInlineString = true;
          this.inline = "";
        }
        break;
      case "t":
        if (this.inInlineString && this.phonetic === 0) this.startText(Collect.InlineText);
        break;
      case "rPh":
        if (this.inInlineString) this.phonetic++;
        break;
      case "row":
        this.openRow(src, start, end);
        break;
    }
  }

  close(local: string): void {
    switch (local) {
      case "v":
        if (this.collect === Collect.Value) {
          this.value = this.buffer;
          this.stopText();
        }
        break;
      case "t":
        if (this.collect === Collect.InlineText) {
          this.inline += this.buffer;
          this.stopText();
        }
        break;
      case "rPh":
        if (this.inInlineString) this.phonetic--;
        break;
      case "is":
        this.inInlineString = false;
        break;
      case "c":
        if (this.inCell) this.closeCell();
        break;
    }
  }

  text(value: string): void {
    this.buffer += value;
  }

  private startText(what: Collect): void {
    this.collect = what;
    this.buffer = "";
    this.wantText = true;
  }

  private stopText(): void {
    this.collect = Collect.None;
    this.buffer = "";
    this.wantText = false;
  }

  private openRow(src: string, start: number, end: number): void {
    readAttributes(src, start, end, this.attrs);
    const r = attr(this.attrs, "r");
    const n = r === undefined ? NaN : Number(r);
    this.rowIndex = Number.isInteger(n) && n >= 1 ? n - 1 : this.rowIndex + 1;
    this.col = -1;
  }

  /**
   * Reads r, s and t straight from the tag's characters: this runs once per cell, millions of
   * times for a big sheet, so it allocates nothing but the rare unusual type name.
   */
  private openCell(src: string, start: number, end: number): void {
    let col = -1;
    let row = this.rowIndex;
    let type = "";
    let style = 0;
    let i = start;
    while (i < end && !isXmlSpace(src.charCodeAt(i))) i++;
    while (i < end) {
      while (i < end && isXmlSpace(src.charCodeAt(i))) i++;
      if (i >= end) break;
      let nameStart = i;
      while (i < end) {
        const c = src.charCodeAt(i);
        if (c === 61 /* = */ || isXmlSpace(c)) break;
        if (c === 58 /* : */) nameStart = i + 1;
        i++;
      }
      const nameLen = i - nameStart;
      const name = src.charCodeAt(nameStart);
      while (i < end && src.charCodeAt(i) !== 34 && src.charCodeAt(i) !== 39) i++;
      if (i >= end) throw new XmlError(`an attribute without a quoted value in <${src.slice(start, Math.min(end, start + 40))}>`);
      const quote = src.charCodeAt(i);
      const vs = i + 1;
      let ve = vs;
      while (ve < end && src.charCodeAt(ve) !== quote) ve++;
      if (ve >= end) throw new XmlError(`an unterminated attribute value in <${src.slice(start, Math.min(end, start + 40))}>`);
      i = ve + 1;
      if (nameLen !== 1) continue;
      if (name === 114 /* r */) {
        let k = vs;
        let letters = 0;
        for (; k < ve; k++) {
          const c = src.charCodeAt(k) | 0x20;
          if (c < 97 || c > 122) break;
          letters = letters * 26 + (c - 96);
        }
        if (k > vs) col = letters - 1;
        let digits = 0;
        const digitsStart = k;
        for (; k < ve; k++) {
          const c = src.charCodeAt(k);
          if (c < 48 || c > 57) break;
          digits = digits * 10 + (c - 48);
        }
        if (k > digitsStart && k === ve && digits >= 1) row = this.rowIndex = digits - 1;
      } else if (name === 115 /* s */) {
        let n = 0;
        for (let k = vs; k < ve; k++) {
          const c = src.charCodeAt(k);
          if (c < 48 || c > 57) break;
          n = n * 10 + (c - 48);
        }
        style = n;
      } else if (name === 116 /* t */) {
        type = cellType(src, vs, ve);
      }
    }
    if (col < 0) col = this.col + 1;
    if (row < 0) row = this.rowIndex = 0; // a cell outside any <row>: tolerate it as row 1
    this.col = col;
    this.inCell = true;
    this.cellRow = row;
    this.cellCol = col;
    this.cellType = type;
    this.cellStyle = style;
    this.value = null;
    this.inline = null;
    this.inInlineString = false;
    this.phonetic = 0;
  }

  /**
   * The common cell, `<v>text</v></c>` right after the cell's tag with no entity, CR or markup in
   * the text, read here in one go: a third of the tokenizer's work on a big sheet is these three
   * tags. Anything else (an inline string, a formula, white space, a prefix, a value cut by the
   * end of the piece) returns undefined and goes the general way.
   */
  private plainValue(src: string, at: number): number | undefined {
    // (the length first: reading past the end would make V8 drop the compiled function)
    if (at + 3 > src.length || src.charCodeAt(at) !== 60 /* < */ || src.charCodeAt(at + 1) !== 118 /* v */ || src.charCodeAt(at + 2) !== 62 /* > */) return undefined;
    const lt = src.indexOf("<", at + 3);
    if (lt < 0 || !src.startsWith("</v></c>", lt)) return undefined;
    for (let k = at + 3; k < lt; k++) {
      const c = src.charCodeAt(k);
      if (c === 38 /* & */ || c === 13 /* CR */) return undefined;
    }
    this.value = src.slice(at + 3, lt);
    this.closeCell();
    return lt + 8;
  }

  private closeCell(): void {
    this.inCell = false;
    this.place(this.cellRow, this.cellCol, this.cellType, this.cellStyle, this.value, this.inline);
  }

  /**
   * A cell's raw parts (type, style, the <v> text, the inline string) made its value and put in
   * its row. The worker's handler (sheet-worker.ts) sends the raw parts to the main thread instead.
   */
  protected place(row: number, col: number, type: string, style: number, v: string | null, inline: string | null): void {
    const value = cellValue(type, style, v, inline, this.sharedStrings, this.dateStyles, this.date1904);
    if (value !== undefined) putCell(this.rows, row, col, value);
  }
}

/** A cell's value from its raw parts; undefined for a cell that holds none. */
export function cellValue(
  type: string, style: number, v: string | null, inline: string | null,
  sharedStrings: readonly string[], dateStyles: readonly boolean[], date1904: boolean,
): CellValue | undefined {
  switch (type) {
    case "s": {
      if (v === null || v === "") return undefined;
      return sharedStrings[+v];
    }
    case "inlineStr":
      if (inline !== null) return detach(decodeOoxmlEscapes(inline));
      if (v !== null) return detach(decodeOoxmlEscapes(v));
      return undefined;
    case "str":
      if (v === null) return undefined; // a formula never calculated: no cached result
      return detach(decodeOoxmlEscapes(v));
    case "b":
      if (v === null || v === "") return undefined;
      return v === "1" || v.trim().toLowerCase() === "true";
    case "e":
      if (v === null || v === "") return undefined;
      return { error: v.trim() };
    case "d": {
      if (v === null || v === "") return undefined;
      return parseIsoDate(v) ?? detach(v);
    }
    default: {
      if (v === null || v === "") return undefined;
      const n = +v;
      if (Number.isNaN(n) || v.trim() === "") return detach(v);
      if (dateStyles[style] === true) return serialToDate(n, date1904);
      return n;
    }
  }
}

/** Puts a value in row r, column c of `rows`, growing the row list with holes (missing rows are cheap and mean "empty"). */
export function putCell(rows: (CellValue[] | undefined)[], r: number, c: number, value: CellValue): void {
  let row = rows[r];
  if (row === undefined) {
    row = [];
    rows[r] = row;
  }
  if (c < row.length) row[c] = value;
  else {
    while (row.length < c) row.push(null);
    row.push(value);
  }
}

async function readSheetRows(
  zip: ZipArchive,
  part: string,
  sheet: string,
  sharedStrings: string[],
  dateStyles: boolean[],
  date1904: boolean,
): Promise<(CellValue[] | undefined)[]> {
  const handler = new SheetHandler(sharedStrings, dateStyles, date1904);
  await parsePart(zip, part, handler, sheet);
  return handler.rows;
}

// ---- Tables ----

async function readTables(zip: ZipArchive, sheetPart: string, sheet: string): Promise<TableSnapshot[]> {
  let rels;
  try {
    rels = await readRels(zip, sheetPart);
  } catch (err) {
    throw toReadError(err, relsPartFor(sheetPart), sheet);
  }
  const tables: TableSnapshot[] = [];
  for (const rel of rels) {
    if (rel.kind !== "table" || rel.external) continue;
    if (!zip.has(rel.part)) {
      throw new WorkbookReadError("missing-part", rel.part, "the sheet's table part is not in the package", { sheet });
    }
    const attrs: string[] = [];
    let table: TableSnapshot | undefined;
    await parsePart(
      zip,
      rel.part,
      {
        wantText: false,
        open(local, src, start, end) {
          if (table || local !== "table") return;
          readAttributes(src, start, end, attrs);
          table = {
            // displayName is what Excel shows as the table's name and uses in formulas.
            name: attr(attrs, "displayName") ?? attr(attrs, "name") ?? "",
            ref: attr(attrs, "ref") ?? "",
            headerRow: attr(attrs, "headerRowCount") !== "0",
          };
        },
        close() {},
        text() {},
      },
      sheet,
    );
    if (table) tables.push(table);
  }
  return tables;
}

// For the streaming reader (read-stream.ts): the package navigation and the sheet handler, whose
// completed rows it takes away as the sheet inflates instead of keeping them all.
export { SheetHandler, findWorkbookPart, readRels, readSharedStrings, readDateStyles, readTables, readWorkbookPart, relsPartFor };
