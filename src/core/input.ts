// Finding the NAV, holdings and products tables in a workbook snapshot and reading their rows into
// NAV points and lots. Every cell that can't be read becomes an Issue naming its sheet and cell;
// its row is left out and the rest goes on. Only a missing table or column stops the work.

import { CellValue, SheetSnapshot, WorkbookSnapshot } from "./workbook";
import { FIELD_NAMES, Field, REQUIRED, TableRole, fieldOfHeader } from "./schema";
import {
  Bad, IsoDate, Level, Read, isBlank, isTotalsLabel, readClientRisk, readDate, readNumber,
  readProductRisk, readText,
} from "./values";
import { Locale, TABLE_LABEL, fieldLabel, issueText } from "./i18n";
import { type Issue, cellIssue, cellRef, colLetter, parseA1Range } from "./sheet-address";
import { LIMITS } from "./money";

/** "1e+20，上限 1000000000000": the value and its bound, for an out-of-range issue. */
function beyond(value: number, limit: number, locale: Locale): string {
  return locale === "zh-CN" ? `${value}，上限 ${limit}` : `${value}, at most ${limit}`;
}

/** A table found in the workbook: where it is and which column holds which field. */
export interface FoundTable {
  role: TableRole;
  sheet: string;
  /** "A3:Q210", header row included. */
  address: string;
  /** The Excel table's name when found as a ListObject, else undefined (found by scanning). */
  tableName?: string;
  headerRow: number; // 1-based
  dataRows: number; // rows below the header, blank rows excluded
  columns: Partial<Record<Field, string>>; // field -> column letter
  /** Wide NAV tables: one column per product code. */
  wide?: boolean;
}

export class InputFatalError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
  }
}

export interface NavPoint {
  date: IsoDate;
  unitNav: number;
  cumulativeNav?: number;
}

export interface ProductInfo {
  code: string;
  name?: string;
  risk?: Level;
  benchmark?: string;
  /** NAV points sorted by date, one per date. */
  navs: NavPoint[];
}

/** "A5:Q5": a lot's source cells. */
export function lotRef(lot: Pick<Lot, "row" | "cols">): string {
  return `${lot.cols.first}${lot.row}:${lot.cols.last}${lot.row}`;
}

export interface Lot {
  sheet: string;
  row: number; // 1-based
  /** The holdings table's first and last column letters, shared by its lots ("A", "Q"). */
  cols: { first: string; last: string };
  clientId: string;
  productCode: string;
  shares: number;
  costAmount?: number;
  costNav?: number;
  fee?: number;
  dividends?: number;
  purchaseDate?: IsoDate;
  clientName?: string;
  clientRisk?: Level;
  age?: number;
  birthDate?: IsoDate;
  rm?: string;
  phone?: string;
  totalAssets?: number;
  complaints?: number;
  clientTier?: string;
  productName?: string;
  productRisk?: Level;
  benchmark?: string;
}

export interface ParsedInput {
  tables: FoundTable[];
  products: Map<string, ProductInfo>;
  lots: Lot[];
  asOf: IsoDate;
  /** Holdings rows that hold data (neither blank nor a totals row). */
  lotRows: number;
  issues: Issue[];
}

export interface ParseOptions {
  asOf?: IsoDate;
  locale?: Locale;
  /** Sheets LossDesk writes itself; never read as input. */
  skipSheets?: string[];
}

// ---- finding tables ----

interface Candidate {
  role: TableRole | "wideNav";
  sheet: SheetSnapshot;
  tableName?: string;
  headerRow: number; // 0-based
  c0: number;
  c1: number;
  r1: number; // last row, 0-based inclusive
  columns: Map<Field, number>;
  /** Header cells that name no field: the product codes of a wide NAV table. */
  others: { col: number; text: string }[];
}

const HEADER_SCAN_ROWS = 20;

function headerMap(row: CellValue[] | undefined, c0: number, c1: number) {
  const columns = new Map<Field, number>();
  const others: { col: number; text: string }[] = [];
  if (!row) return { columns, others };
  for (let c = c0; c <= c1; c++) {
    const v = row[c];
    if (isBlank(v) || typeof v === "object") continue;
    const text = String(v).trim();
    const f = fieldOfHeader(text);
    if (f && !columns.has(f)) columns.set(f, c);
    else if (!f) others.push({ col: c, text });
  }
  return { columns, others };
}

function classify(columns: Map<Field, number>, others: { text: string }[]): Candidate["role"] | undefined {
  const has = (f: Field) => columns.has(f);
  if (has("clientId") || (has("shares") && (has("costAmount") || has("costNav")))) return "holdings";
  if (has("navDate") && has("unitNav")) return "nav";
  if (has("navDate") && !has("productCode") && others.length > 0) return "wideNav";
  if (has("productCode") && !has("navDate") && (has("productName") || has("productRisk") || has("benchmark"))) {
    return "products";
  }
  if (has("productCode") && has("navDate")) return "nav"; // lacks unit NAV: reported as missing below
  return undefined;
}

function looksWide(sheet: SheetSnapshot, headerRow: number, dateCol: number, others: { col: number }[]): boolean {
  for (let r = headerRow + 1; r < Math.min(sheet.rows.length, headerRow + 6); r++) {
    const row = sheet.rows[r];
    if (!row || isBlank(row[dateCol])) continue;
    const d = readDate(row[dateCol]);
    return typeof d === "string" && others.some(({ col }) => typeof readNumber(row[col]) === "number");
  }
  return false;
}

function lastRowOf(sheet: SheetSnapshot): number {
  return sheet.rows.length - 1;
}

function candidatesOf(sheet: SheetSnapshot): Candidate[] {
  const out: Candidate[] = [];
  const covered = new Set<number>();
  for (const t of sheet.tables) {
    const r = t.headerRow ? parseA1Range(t.ref) : undefined;
    if (!r) continue;
    const { columns, others } = headerMap(sheet.rows[r.r0], r.c0, r.c1);
    const role = classify(columns, others);
    if (!role) continue;
    for (let i = r.r0; i <= r.r1; i++) covered.add(i);
    out.push({ role, sheet, tableName: t.name, headerRow: r.r0, c0: r.c0, c1: r.c1, r1: r.r1, columns, others });
  }
  // Scanning: the row among the first 20 that names the most fields, unless a table holds it.
  let best: Candidate | undefined;
  const scan = Math.min(HEADER_SCAN_ROWS, sheet.rows.length);
  for (let r = 0; r < scan; r++) {
    const row = sheet.rows[r];
    if (!row || covered.has(r)) continue;
    const { columns, others } = headerMap(row, 0, row.length - 1);
    const role = classify(columns, others);
    if (!role) continue;
    // One named column is enough only for a wide NAV table, and only if a dated NAV follows.
    if (columns.size < 2 && !(role === "wideNav" && looksWide(sheet, r, columns.get("navDate")!, others))) continue;
    if (best && best.columns.size >= columns.size) continue;
    let c0 = 0;
    while (c0 < row.length && isBlank(row[c0])) c0++;
    let c1 = row.length - 1;
    while (c1 > c0 && isBlank(row[c1])) c1--;
    best = { role, sheet, headerRow: r, c0, c1, r1: lastRowOf(sheet), columns, others };
  }
  if (best) out.push(best);
  return out;
}

function namesOf(f: Field): string {
  return FIELD_NAMES[f].join(", ");
}

function missingColumns(c: Candidate, role: TableRole): Field[][] {
  const req = REQUIRED[role];
  const missing: Field[][] = req.all.filter((f) => !c.columns.has(f)).map((f) => [f]);
  if (req.oneOf && !req.oneOf.some((f) => c.columns.has(f))) missing.push(req.oneOf);
  return missing;
}

function fatalMissingTable(role: TableRole, locale: Locale): string {
  const req = REQUIRED[role];
  const cols = req.all.map((f) => `${fieldLabel(f, locale)} (${namesOf(f)})`);
  if (req.oneOf) cols.push(req.oneOf.map((f) => `${fieldLabel(f, locale)} (${namesOf(f)})`).join(locale === "zh-CN" ? " 或 " : " or "));
  if (role === "nav") {
    return locale === "zh-CN"
      ? `未找到${TABLE_LABEL.nav[locale]}：需要一行表头包含 ${cols.join("、")}；或宽表：${fieldLabel("navDate", locale)} (${namesOf("navDate")}) 一列，其后每列一个产品代码`
      : `no ${TABLE_LABEL.nav[locale]} found: need a header row with ${cols.join(", ")}; or a wide table: a ${fieldLabel("navDate", locale)} column (${namesOf("navDate")}) followed by one column per product code`;
  }
  return locale === "zh-CN"
    ? `未找到${TABLE_LABEL[role][locale]}：需要一行表头包含 ${cols.join("、")}`
    : `no ${TABLE_LABEL[role][locale]} found: need a header row with ${cols.join(", ")}`;
}

function fatalMissingColumns(c: Candidate, role: TableRole, missing: Field[][], locale: Locale): string {
  const where = `${cellRef(c.sheet.name, `${colLetter(c.c0)}${c.headerRow + 1}`)}`;
  const cols = missing.map((group) =>
    group.map((f) => `${fieldLabel(f, locale)} (${namesOf(f)})`).join(locale === "zh-CN" ? " 或 " : " or "));
  return locale === "zh-CN"
    ? `${TABLE_LABEL[role][locale]}（表头位于 ${where}）缺少列：${cols.join("；")}`
    : `${TABLE_LABEL[role][locale]} (header at ${where}) is missing columns: ${cols.join("; ")}`;
}

// ---- reading rows ----

class RowReader {
  bad = false;
  constructor(
    private readonly sink: Issue[],
    private readonly locale: Locale,
    private readonly sheet: string,
    private readonly row: CellValue[],
    private readonly rowNo: number, // 1-based
    private readonly columns: Map<Field, number>,
  ) {}

  cellOf(col: number): string {
    return `${colLetter(col)}${this.rowNo}`;
  }

  issue(severity: Issue["severity"], code: string, col: number, params: { field?: string; value?: string; date?: string }) {
    const cell = this.cellOf(col);
    const it = cellIssue(severity, this.sheet, cell, code, issueText(code, this.locale, params));
    this.sink.push(it);
    if (severity === "error") this.bad = true;
  }

  private take<T>(field: Field, read: (v: CellValue | undefined) => Read<T>, required = false): T | undefined {
    const col = this.columns.get(field);
    if (col === undefined) return undefined;
    const r = read(this.row[col]);
    if (r instanceof Bad) {
      this.issue("error", r.code, col, { field, value: r.shown });
      return undefined;
    }
    if (r === undefined && required) this.issue("error", "missing-value", col, { field });
    return r;
  }

  text(field: Field, required = false) { return this.take(field, readText, required); }
  number(field: Field, required = false) { return this.take(field, readNumber, required); }
  date(field: Field) { return this.take(field, readDate); }
  productRisk() { return this.take("productRisk", readProductRisk); }
  clientRisk() { return this.take("clientRisk", readClientRisk); }
  col(field: Field): number { return this.columns.get(field) ?? 0; }
}

function isBlankRow(row: CellValue[] | undefined, c0: number, c1: number): boolean {
  if (!row) return true;
  for (let c = c0; c <= c1 && c < row.length; c++) if (!isBlank(row[c])) return false;
  return true;
}

function firstNonBlank(row: CellValue[], c0: number, c1: number): CellValue | undefined {
  for (let c = c0; c <= c1 && c < row.length; c++) if (!isBlank(row[c])) return row[c];
  return undefined;
}

function toFound(c: Candidate, role: TableRole, dataRows: number): FoundTable {
  const columns: Partial<Record<Field, string>> = {};
  for (const [f, col] of c.columns) columns[f] = colLetter(col);
  return {
    role, sheet: c.sheet.name, tableName: c.tableName, headerRow: c.headerRow + 1, dataRows,
    address: `${colLetter(c.c0)}${c.headerRow + 1}:${colLetter(c.c1)}${c.r1 + 1}`,
    columns, wide: c.role === "wideNav" || undefined,
  };
}

function product(products: Map<string, ProductInfo>, code: string): ProductInfo {
  let p = products.get(code);
  if (!p) { p = { code, navs: [] }; products.set(code, p); }
  return p;
}

function totalsIssue(sink: Issue[], locale: Locale, sheet: string, rowNo: number, c0: number) {
  const cell = `${colLetter(c0)}${rowNo}`;
  sink.push(cellIssue("warning", sheet, cell, "totals-row", issueText("totals-row", locale, {})));
}

/** A table's data rows: blank rows skipped silently, a totals row skipped with a warning. */
function* dataRowsOf(c: Candidate, locale: Locale, issues: Issue[]): Generator<{ r: number; row: CellValue[]; rr: RowReader }> {
  for (let r = c.headerRow + 1; r <= c.r1; r++) {
    const row = c.sheet.rows[r];
    if (!row || isBlankRow(row, c.c0, c.c1)) continue;
    if (isTotalsLabel(firstNonBlank(row, c.c0, c.c1))) { totalsIssue(issues, locale, c.sheet.name, r + 1, c.c0); continue; }
    yield { r, row, rr: new RowReader(issues, locale, c.sheet.name, row, r + 1, c.columns) };
  }
}

type RawNav = { code: string; date: IsoDate; unitNav: number; cumulativeNav?: number; sheet: string; cell: string };

function readLongNav(c: Candidate, locale: Locale, issues: Issue[], products: Map<string, ProductInfo>, out: RawNav[]): number {
  let dataRows = 0;
  for (const { rr } of dataRowsOf(c, locale, issues)) {
    dataRows++;
    const code = rr.text("productCode", true);
    const date = rr.date("navDate");
    if (date === undefined && !rr.bad) rr.issue("error", "missing-value", rr.col("navDate"), { field: "navDate" });
    const unitNav = rr.number("unitNav", true);
    const cumulativeNav = rr.number("cumulativeNav");
    if (unitNav !== undefined && unitNav <= 0) rr.issue("error", "nav-not-positive", rr.col("unitNav"), { field: "unitNav", value: String(unitNav) });
    if (cumulativeNav !== undefined && cumulativeNav <= 0) rr.issue("error", "nav-not-positive", rr.col("cumulativeNav"), { field: "cumulativeNav", value: String(cumulativeNav) });
    for (const f of ["unitNav", "cumulativeNav"] as const) {
      const v = f === "unitNav" ? unitNav : cumulativeNav;
      if (v !== undefined && v > LIMITS.nav) rr.issue("error", "out-of-range", rr.col(f), { field: f, value: beyond(v, LIMITS.nav, locale) });
    }
    const name = rr.text("productName");
    const risk = rr.productRisk();
    const benchmark = rr.text("benchmark");
    if (code !== undefined) {
      const p = product(products, code);
      p.name ??= name;
      p.risk ??= risk;
      p.benchmark ??= benchmark;
    }
    if (rr.bad || code === undefined || date === undefined || unitNav === undefined) continue;
    out.push({ code, date, unitNav, cumulativeNav, sheet: c.sheet.name, cell: rr.cellOf(rr.col("navDate")) });
  }
  return dataRows;
}

function readWideNav(c: Candidate, locale: Locale, issues: Issue[], out: RawNav[]): number {
  let dataRows = 0;
  const dateCol = c.columns.get("navDate")!;
  for (const { row, rr } of dataRowsOf(c, locale, issues)) {
    dataRows++;
    const date = rr.date("navDate");
    if (date === undefined) {
      if (!rr.bad) rr.issue("error", "missing-value", dateCol, { field: "navDate" });
      continue;
    }
    // In a wide table a bad cell spoils one product's point, not the whole row.
    for (const { col, text } of c.others) {
      const v = readNumber(row[col]);
      if (v === undefined) continue;
      if (v instanceof Bad) { rr.issue("error", v.code, col, { field: "unitNav", value: v.shown }); continue; }
      if (v <= 0) { rr.issue("error", "nav-not-positive", col, { field: "unitNav", value: String(v) }); continue; }
      if (v > LIMITS.nav) { rr.issue("error", "out-of-range", col, { field: "unitNav", value: beyond(v, LIMITS.nav, locale) }); continue; }
      out.push({ code: text, date, unitNav: v, sheet: c.sheet.name, cell: rr.cellOf(col) });
    }
  }
  return dataRows;
}

function readProducts(c: Candidate, locale: Locale, issues: Issue[], products: Map<string, ProductInfo>): number {
  let dataRows = 0;
  for (const { rr } of dataRowsOf(c, locale, issues)) {
    dataRows++;
    const code = rr.text("productCode", true);
    const name = rr.text("productName");
    const risk = rr.productRisk();
    const benchmark = rr.text("benchmark");
    if (code === undefined) continue;
    // The products table is the reference: it wins over what the NAV table or holdings say.
    const p = product(products, code);
    if (name !== undefined) p.name = name;
    if (risk !== undefined) p.risk = risk;
    if (benchmark !== undefined) p.benchmark = benchmark;
  }
  return dataRows;
}

function lastNavOnOrBefore(navs: NavPoint[], asOf: IsoDate): NavPoint | undefined {
  let lo = 0, hi = navs.length - 1, found: NavPoint | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (navs[mid].date <= asOf) { found = navs[mid]; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

export { lastNavOnOrBefore };

function readHoldings(
  c: Candidate, locale: Locale, issues: Issue[], products: Map<string, ProductInfo>, asOf: IsoDate, lots: Lot[],
): number {
  let dataRows = 0;
  /** Cost + market value + dividends of the accepted lots, in fen (approximate; only a bound). */
  let acceptedFen = 0;
  const sheet = c.sheet.name;
  const cols = { first: colLetter(c.c0), last: colLetter(c.c1) };
  for (const { r, rr } of dataRowsOf(c, locale, issues)) {
    dataRows++;
    const clientId = rr.text("clientId", true);
    const productCode = rr.text("productCode", true);
    const shares = rr.number("shares", true);
    const costAmount = rr.number("costAmount");
    const costNav = rr.number("costNav");
    const fee = rr.number("fee");
    const dividends = rr.number("dividends");
    const purchaseDate = rr.date("purchaseDate");
    // One literal with every field in a fixed order: 200,000 lots of one hidden class, not
    // a spread copy per row (which cost more memory than the workbook itself).
    const lot: Lot = {
      sheet, row: r + 1, cols,
      clientId: clientId!, productCode: productCode!, shares: shares!,
      costAmount, costNav, fee, dividends, purchaseDate,
      clientName: rr.text("clientName"),
      clientRisk: rr.clientRisk(),
      age: rr.number("age"),
      birthDate: rr.date("birthDate"),
      rm: rr.text("rm"),
      phone: rr.text("phone"),
      totalAssets: rr.number("totalAssets"),
      complaints: rr.number("complaints"),
      clientTier: rr.text("clientTier"),
      productName: rr.text("productName"),
      productRisk: rr.productRisk(),
      benchmark: rr.text("benchmark"),
    };
    if (rr.bad) continue;
    if (shares !== undefined && shares < 0) {
      rr.issue("error", "negative-shares", rr.col("shares"), { value: String(shares) });
    } else if (shares === 0) {
      rr.issue("warning", "zero-shares", rr.col("shares"), {});
      continue;
    }
    for (const f of ["costAmount", "costNav", "fee", "dividends"] as const) {
      const v = lot[f];
      if (v !== undefined && v < 0) rr.issue("error", "negative-amount", rr.col(f), { field: f, value: String(v) });
    }
    // Past these bounds the fen would no longer be exact integers (see LIMITS in money.ts).
    const bounds: [Field, number | undefined, number][] = [
      ["shares", shares, LIMITS.shares], ["costAmount", costAmount, LIMITS.amountYuan], ["costNav", costNav, LIMITS.nav],
      ["fee", fee, LIMITS.amountYuan], ["dividends", dividends, LIMITS.amountYuan], ["totalAssets", lot.totalAssets, LIMITS.amountYuan],
    ];
    for (const [f, v, limit] of bounds) {
      if (v !== undefined && v > limit) rr.issue("error", "out-of-range", rr.col(f), { field: f, value: beyond(v, limit, locale) });
    }
    if (costAmount === undefined && costNav === undefined) {
      rr.issue("error", "missing-cost", c.columns.get("costAmount") ?? rr.col("costNav"), {});
    }
    if (rr.bad || clientId === undefined || productCode === undefined || shares === undefined) continue;
    const p = products.get(productCode);
    if (!p || !lastNavOnOrBefore(p.navs, asOf)) {
      rr.issue("error", "no-nav", rr.col("productCode"), { value: productCode, date: asOf });
      continue;
    }
    if (purchaseDate !== undefined && purchaseDate > asOf) {
      rr.issue("warning", "after-as-of", rr.col("purchaseDate"), { value: purchaseDate, date: asOf });
      continue;
    }
    // Each bound holds alone; their products (shares x NAV) and the sum over lots need their own.
    const latest = lastNavOnOrBefore(p.navs, asOf)!.unitNav;
    const marketValue = shares * latest;
    const cost = costAmount ?? shares * costNav! + (fee ?? 0);
    if (marketValue > LIMITS.amountYuan || cost > LIMITS.amountYuan) {
      const v = Math.max(marketValue, cost);
      rr.issue("error", "out-of-range", rr.col("shares"), { field: marketValue >= cost ? "marketValue" : "costAmount", value: beyond(v, LIMITS.amountYuan, locale) });
      continue;
    }
    const lotFen = (marketValue + cost + (dividends ?? 0)) * 100;
    if (acceptedFen + lotFen > LIMITS.totalFen) {
      rr.issue("error", "total-out-of-range", rr.col("shares"), { value: beyond(acceptedFen + lotFen, LIMITS.totalFen, locale) });
      continue;
    }
    acceptedFen += lotFen;
    // What holdings rows say about a product fills in only what the NAV and products tables left blank.
    p.name ??= lot.productName;
    p.risk ??= lot.productRisk;
    p.benchmark ??= lot.benchmark;
    lots.push(lot);
  }
  return dataRows;
}

function pickBest(cands: Candidate[], role: Candidate["role"]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of cands) if (c.role === role && (!best || c.columns.size > best.columns.size)) best = c;
  return best;
}

/**
 * The tables to read among the candidates (the widest of each role; a long NAV table before a wide
 * one), and what makes the input unusable: a missing table or required column. Shared by the
 * snapshot path below and the streaming one (stream-input.ts).
 */
export function chooseTables(cands: Candidate[], locale: Locale) {
  const fatal: string[] = [];
  const holdings = pickBest(cands, "holdings");
  const longNav = pickBest(cands, "nav");
  const nav = longNav ?? pickBest(cands, "wideNav");
  const productsTable = pickBest(cands, "products");
  if (!holdings) fatal.push(fatalMissingTable("holdings", locale));
  if (!nav) fatal.push(fatalMissingTable("nav", locale));
  if (holdings) {
    const missing = missingColumns(holdings, "holdings");
    if (missing.length) fatal.push(fatalMissingColumns(holdings, "holdings", missing, locale));
  }
  if (longNav) {
    const missing = missingColumns(longNav, "nav");
    if (missing.length) fatal.push(fatalMissingColumns(longNav, "nav", missing, locale));
  }
  return { holdings, nav, productsTable, fatal };
}

/** Find the tables and read them. Throws InputFatalError when a table or a required column is missing. */
export function parseWorkbook(wb: WorkbookSnapshot, options: ParseOptions = {}): ParsedInput {
  const locale = options.locale ?? "zh-CN";
  const skip = new Set(options.skipSheets ?? []);
  const cands = wb.sheets.filter((s) => !skip.has(s.name)).flatMap(candidatesOf);
  const issues: Issue[] = [];
  const { holdings, nav, productsTable, fatal } = chooseTables(cands, locale);
  if (fatal.length) throw new InputFatalError(fatal);

  const products = new Map<string, ProductInfo>();
  const tables: FoundTable[] = [];
  const raw: RawNav[] = [];
  const navRows = nav!.role === "wideNav"
    ? readWideNav(nav!, locale, issues, raw)
    : readLongNav(nav!, locale, issues, products, raw);
  tables.push(toFound(nav!, "nav", navRows));
  if (productsTable) tables.push(toFound(productsTable, "products", readProducts(productsTable, locale, issues, products)));

  // Sort each product's points by date; a second NAV for the same day is reported and ignored.
  raw.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let maxDate: IsoDate | undefined;
  for (let i = 0; i < raw.length; i++) {
    const n = raw[i];
    const p = product(products, n.code);
    const prev = p.navs[p.navs.length - 1];
    if (prev && prev.date === n.date) {
      if (prev.unitNav !== n.unitNav) {
        issues.push(cellIssue("warning", n.sheet, n.cell, "duplicate-nav", issueText("duplicate-nav", locale, { value: n.code, date: n.date })));
      }
      continue;
    }
    p.navs.push({ date: n.date, unitNav: n.unitNav, cumulativeNav: n.cumulativeNav });
    if (!maxDate || n.date > maxDate) maxDate = n.date;
  }
  if (!maxDate && !options.asOf) {
    throw new InputFatalError([
      locale === "zh-CN"
        ? `${TABLE_LABEL.nav[locale]}（${cellRef(nav!.sheet.name, `${colLetter(nav!.c0)}${nav!.headerRow + 1}`)}）没有可用的净值行`
        : `the ${TABLE_LABEL.nav[locale]} (${cellRef(nav!.sheet.name, `${colLetter(nav!.c0)}${nav!.headerRow + 1}`)}) has no usable NAV rows`,
    ]);
  }
  const asOf = options.asOf ?? maxDate!;

  const lots: Lot[] = [];
  const lotRows = readHoldings(holdings!, locale, issues, products, asOf, lots);
  tables.push(toFound(holdings!, "holdings", lotRows));
  return { tables, products, lots, asOf, lotRows, issues };
}

// The pieces of parseWorkbook that the streaming path (stream-input.ts) runs window by window,
// so that both paths share every rule, issue and cell reference.
export {
  HEADER_SCAN_ROWS, candidatesOf,
  readLongNav, readWideNav, readProducts, readHoldings, toFound, product,
};
export type { Candidate, RawNav };
