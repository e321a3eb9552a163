// The streaming path from a reader to the engine: rows are read in windows of a few thousand,
// turned into lots by the very functions parseWorkbook uses (input.ts), handed to the engine's
// accumulator and dropped. Neither the cells nor the lots stay: only NAVs, products, positions,
// clients, the issues and (with lots "source") each lot's sheet and row in a columnar store.
//
// Order of work, as in parseWorkbook, wherever the tables stand in the package: the first rows of
// every sheet to find the tables; then the NAV table (the as-of date and each lot's NAV check
// need it), the products table, then the holdings table: one more pass over a sheet per table.

import type { CellValue, ReadWarning, SheetSnapshot, TableSnapshot } from "./workbook";
import {
  Candidate, HEADER_SCAN_ROWS, InputFatalError, Lot, ProductInfo, RawNav, candidatesOf,
  chooseTables, product, readHoldings, readLongNav,
  readProducts, readWideNav, toFound, FoundTable,
} from "./input";
import { IsoDate } from "./values";
import { Locale, TABLE_LABEL, issueText } from "./i18n";
import { cellIssue, cellRef, colIndex, colLetter, Issue, parseA1Range } from "./sheet-address";
import { LossAccumulator } from "./engine";
import { DEFAULT_SCORING, ScoringConfig } from "./risk";
import { LotSources } from "./lots";
import type { Analysis } from "./analysis";

/** One sheet (or one CSV file) that can be read row by row, as many times as needed. */
export interface StreamSheet {
  name: string;
  tables: TableSnapshot[];
  /**
   * Reads the rows holding a value, in order: r is the 0-based row (for a CSV file, the record's
   * first line - 1). `onRow` returns false to stop early. Resolves with the last r seen (-1 if none).
   */
  read(onRow: (r: number, row: CellValue[]) => boolean | void, how?: ReadHow): Promise<number>;
  /** A CSV file: r is the record's first line - 1, and issues name file:line:column. */
  csv?: boolean;
}

/** A hint for a pass: `whole` when it is meant to read every row (a reader may then use a second thread). */
export interface ReadHow {
  whole?: boolean;
}

export interface StreamWorkbook {
  sheets: StreamSheet[];
  /** What the reader skipped or worked around while the data stayed readable. */
  warnings?: ReadWarning[];
  /** Releases the file behind the sheets, where there is one (no read may follow). */
  close?(): void;
}

/**
 * The sheets of `wb` that `keep` accepts, read whole into a snapshot: what the CLI, the preview
 * and the Office host keep beside a streamed analysis (LossDesk's own sheets, the drill's: small
 * next to the input tables, and needed whole to carry over what people typed).
 */
export async function readSheets(wb: StreamWorkbook, keep: (name: string) => boolean): Promise<SheetSnapshot[]> {
  const sheets: SheetSnapshot[] = [];
  for (const ws of wb.sheets) {
    if (!keep(ws.name)) continue;
    const rows: SheetSnapshot["rows"] = [];
    await ws.read((r, row) => { rows[r] = row; }, { whole: true });
    sheets.push({ name: ws.name, rows, tables: ws.tables });
  }
  return sheets;
}

export type LotsKept = "lots" | "source" | "none";

export interface StreamOptions {
  asOf?: IsoDate;
  locale?: Locale;
  scoring?: ScoringConfig;
  skipSheets?: string[];
  /**
   * What positions keep of their lots: "source" (default) their sheet and row in
   * Analysis.lotSources, "none" nothing (the JSON then has no per-lot cells), "lots" the Lot
   * objects as the snapshot path does (for tests and small inputs).
   */
  lots?: LotsKept;
}

/**
 * Rows handed to the row readers at a time: small enough that a window's rows (and the lots made
 * of them) die young, in V8's new space, instead of living through two scavenges into the old
 * space as garbage a full collection must find (4,096 rows: 232 MB peak RSS at 200,000 lots;
 * 512: 214 MB, and faster); big enough to batch.
 */
export const WINDOW_ROWS = 512;

/** The rows the table finder looks at: the first 20 and 5 more for the wide-NAV check, plus the tables' header rows. */
async function readHead(ws: StreamSheet, complete: Set<StreamSheet>): Promise<SheetSnapshot> {
  const want = new Set<number>();
  for (const t of ws.tables) {
    const r = t.headerRow ? parseA1Range(t.ref) : undefined;
    if (r) want.add(r.r0);
  }
  const limit = Math.max(HEADER_SCAN_ROWS + 5, ...want);
  const rows: (CellValue[] | undefined)[] = [];
  let stopped = false;
  await ws.read((r, row) => {
    if (r > limit) { stopped = true; return false; }
    if (r < HEADER_SCAN_ROWS + 5 || want.has(r)) rows[r] = row;
    return true;
  });
  if (!stopped) complete.add(ws);
  return { name: ws.name, rows, tables: ws.tables };
}

/**
 * Reads one table's data rows in windows: each window is a Candidate over a sheet holding only
 * that window's rows, so the row readers of input.ts run unchanged and report the same cells.
 * Returns the data rows counted and the candidate with its real last row (for the table address).
 */
async function readTable(
  ws: StreamSheet, c: Candidate, complete: Set<StreamSheet>, run: (win: Candidate) => number,
): Promise<{ dataRows: number; table: Candidate }> {
  const bounded = c.tableName !== undefined; // an Excel table ends where its ref says
  let dataRows = 0;
  let rows: CellValue[][] = [];
  let first = -1, last = -1, count = 0, stopped = false;
  const flush = () => {
    if (count === 0) return;
    const win: Candidate = { ...c, sheet: { name: ws.name, rows, tables: [] }, headerRow: first - 1, r1: last };
    dataRows += run(win);
    rows = [];
    first = -1; count = 0;
  };
  const lastRow = await ws.read((r, row) => {
    if (r <= c.headerRow) return true;
    if (bounded && r > c.r1) { stopped = true; return false; }
    if (first < 0) first = r;
    rows[r] = row;
    last = r;
    if (++count >= WINDOW_ROWS) flush();
    return true;
  }, { whole: true });
  flush();
  if (!stopped) complete.add(ws);
  return { dataRows, table: bounded ? c : { ...c, r1: Math.max(lastRow, c.headerRow) } };
}

export interface StreamAnalysis extends Analysis {
  /** Each accepted lot's sheet and row, chained per position (PositionResult.lotFirst). */
  lotSources?: LotSources;
}

/** The whole analysis over sheets read as streams; the same result as analyzeWorkbook on their snapshot. */
export async function analyzeStream(wb: StreamWorkbook, options: StreamOptions = {}): Promise<StreamAnalysis> {
  const locale = options.locale ?? "zh-CN";
  const skip = new Set(options.skipSheets ?? []);
  const streams = new Map<SheetSnapshot, StreamSheet>();
  const cands: Candidate[] = [];
  // A sheet that cannot be read fails the analysis as it does on the snapshot path, even when
  // the table finder saw only its first rows: those sheets get one more pass, rows discarded.
  const complete = new Set<StreamSheet>();
  const readRest = async () => {
    for (const ws of wb.sheets) if (!skip.has(ws.name) && !complete.has(ws)) { await ws.read(() => true, { whole: true }); complete.add(ws); }
  };
  for (const ws of wb.sheets) {
    if (skip.has(ws.name)) continue;
    const head = await readHead(ws, complete);
    streams.set(head, ws);
    cands.push(...candidatesOf(head));
  }
  const issues: Issue[] = [];
  const { holdings, nav, productsTable, fatal } = chooseTables(cands, locale);
  if (fatal.length) { await readRest(); throw new InputFatalError(fatal); }

  const products = new Map<string, ProductInfo>();
  const tables: FoundTable[] = [];
  const raw: RawNav[] = [];
  const navRead = await readTable(streams.get(nav!.sheet)!, nav!, complete, (win) =>
    nav!.role === "wideNav" ? readWideNav(win, locale, issues, raw) : readLongNav(win, locale, issues, products, raw));
  tables.push(toFound(navRead.table, "nav", navRead.dataRows));
  if (productsTable) {
    const pr = await readTable(streams.get(productsTable.sheet)!, productsTable, complete, (win) => readProducts(win, locale, issues, products));
    tables.push(toFound(pr.table, "products", pr.dataRows));
  }

  // As parseWorkbook: sort each product's points by date; a second NAV for a day is reported and ignored.
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
  raw.length = 0;
  if (!maxDate && !options.asOf) {
    await readRest();
    const at = cellRef(nav!.sheet.name, `${colLetter(nav!.c0)}${nav!.headerRow + 1}`);
    throw new InputFatalError([
      locale === "zh-CN"
        ? `${TABLE_LABEL.nav[locale]}（${at}）没有可用的净值行`
        : `the ${TABLE_LABEL.nav[locale]} (${at}) has no usable NAV rows`,
    ]);
  }
  const asOf = options.asOf ?? maxDate!;

  const keep = options.lots ?? "source";
  const sources = keep === "source" ? new LotSources() : undefined;
  const acc = new LossAccumulator(products, asOf, options.scoring ?? DEFAULT_SCORING, sources, keep);
  const lots: Lot[] = [];
  const hr = await readTable(streams.get(holdings!.sheet)!, holdings!, complete, (win) => {
    const n = readHoldings(win, locale, issues, products, asOf, lots);
    for (let i = 0; i < lots.length; i++) acc.add(lots[i]);
    lots.length = 0;
    return n;
  });
  tables.push(toFound(hr.table, "holdings", hr.dataRows));
  await readRest();
  const engine = acc.finish();
  const csv = new Set(wb.sheets.filter((w) => w.csv).map((w) => w.name));
  if (csv.size) for (const it of issues) if (csv.has(it.sheet)) csvLocation(it);
  return { ...engine, tables, issues, lotRows: hr.dataRows, lotsAccepted: acc.count, lotSources: sources };
}

/**
 * An issue on a CSV file named as compilers name a place in a text file: "holdings.csv:12:4: ..."
 * (line 12, the 4th field); `cell` becomes "12:4". The row the core saw is the record's first line.
 */
function csvLocation(it: Issue): void {
  const m = /^([A-Z]+)(\d+)$/.exec(it.cell);
  if (!m) return;
  const prefix = `${cellRef(it.sheet, it.cell)}: `;
  const text = it.message.startsWith(prefix) ? it.message.slice(prefix.length) : it.message;
  it.cell = `${m[2]}:${colIndex(m[1]) + 1}`;
  it.message = `${it.sheet}:${it.cell}: ${text}`;
}
