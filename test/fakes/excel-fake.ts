// A strict in-memory fake of the part of Excel's JavaScript API (Office.js) that
// src/adapters/office uses. Stricter than office-addin-mock on purpose (see /work/shared/toolchain.md):
//
// - Proxy semantics: property sets and method calls are queued and run only at context.sync();
//   loads deliver their values only after the sync that carried them. Reading a property that was
//   not loaded and synced throws PropertyNotLoaded, as Office.js does (the mock returns a string).
// - Every sync is counted (`syncs`, `requests`), with its request and response size in bytes
//   (JSON of what it carries); `payloadLimit` makes a too-big request fail with
//   RequestPayloadSizeLimitExceeded (nothing runs) or a too-big response with
//   ResponsePayloadSizeLimitExceeded (the writes ran, the loads are lost), like Excel on the web.
// - A failing operation fails its sync: what was queued before it has run, nothing after it.
// - Writing a 2-D array whose shape differs from the range throws InvalidArgument; so do Dates,
//   NaN, objects inside values. A scalar is "single input copy" (applied to every cell).
// - Range.values parses strings the way Excel parses typing: "=x" (and "+x", "-x", "@x" that are no
//   numbers) become formulas, "00123" the number 123, "2024-01-31" a date serial, "TRUE" a boolean;
//   a leading apostrophe keeps the text and is dropped.
// - Requirement sets: every operation above ExcelApi 1.1 says which set it needs; on a fake set to
//   an older `apiVersion` it fails with ApiNotFound at sync, as it does in an old Excel.
// - Sheets: unique names (case-insensitive), 31 characters, no []:*?/\; the last visible sheet
//   cannot be deleted; deleting a sheet removes its tables and charts and turns names that point
//   at it into #REF!. Tables: unique names, no overlap, header names made unique like Excel does.
// - Cell edit mode: with `cellEditMode` on, a sync fails with InvalidOperationInCellEditMode
//   unless Excel.run was given delayForCellEdit (then it "waits" and runs; counted in `delayedRuns`).
// - `failOn(op, code)` makes the next operation whose name matches fail with that code.
//
// - Events: only Worksheet.onChanged. A handler is registered at the sync after add() and removed at
//   the sync after remove(); `fireChanged(sheet, address)` calls the handlers of that sheet as Excel
//   would after an edit (the fake's own writes fire nothing, unlike Excel).
//
// Not modelled: formulas are not evaluated (a formula cell reads as "#NAME?"), merges do not move
// values, number formats do not change what values read, charts are records (no rendering), events
// other than Worksheet.onChanged, undo, and timing.

/* The fake implements a dynamic API surface; `any` keeps it short where the real typings are huge
   (eslint.config.mjs allows `any` in test/). */

export type Scalar = string | number | boolean;

export class FakeOfficeError extends Error {
  override name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(readonly code: string, message: string, location?: string) {
    super(message);
    this.debugInfo = { code, message, errorLocation: location };
  }
}

export interface Rect {
  r0: number;
  c0: number;
  nr: number;
  nc: number;
}

export interface FormatRecord {
  rect: Rect;
  path: string;
  value: unknown;
}

export interface TableData {
  id: number;
  name: string;
  sheetId: number;
  rect: Rect;
  showHeaders: boolean;
  style?: string;
  headers: string[];
}

export interface ChartRecord {
  type: string;
  seriesBy: string;
  source: { sheet: string; address: string };
  props: Record<string, unknown>;
  position?: [string, string];
}

export interface ConditionalFormatRecord {
  rect: Rect;
  type: string;
  formula?: string;
  fill?: string;
  priority?: number;
  stopIfTrue?: boolean;
}

export interface SheetData {
  id: number;
  name: string;
  visible: boolean;
  rows: (Scalar[] | undefined)[];
  formulas: Map<string, string>;
  quotePrefix: Set<string>;
  numFmts: { rect: Rect; fmt: string }[];
  formats: FormatRecord[];
  merges: Rect[];
  validations: { rect: Rect; prop: string; value: unknown }[];
  charts: ChartRecord[];
  /** Pictures, text boxes (Worksheet.shapes, ExcelApi 1.9). */
  shapes: { id: string; name: string }[];
  conditionalFormats: ConditionalFormatRecord[];
  frozenRows?: number;
  autoFilter?: Rect;
  showGridlines: boolean;
  hiddenColumns: Set<number>;
  pageLayout: Record<string, unknown>;
  pageBreaks: string[];
  /** Every write to this sheet fails with AccessDenied (a protected sheet). */
  protected: boolean;
}

interface NameData {
  name: string;
  sheetId: number;
  rect: Rect;
}

export interface RequestRecord {
  ops: string[];
  requestBytes: number;
  responseBytes: number;
  failed?: string;
}

export interface FakeOptions {
  /** Highest ExcelApi requirement set the fake supports, e.g. "1.20" (default) or "1.3". */
  apiVersion?: string;
  displayLanguage?: string;
  payloadLimit?: number;
}

/** Size of a value as UTF-8 JSON, as it would travel (CJK text is 3 bytes a character). */
export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v ?? null);
  return s === undefined ? 0 : Buffer.byteLength(s, "utf8");
}

// ---- addresses ----

export function colName(c0: number): string {
  let n = c0 + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colIndex(s: string): number {
  return [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

export function parseA1(a1: string): Rect {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(a1.trim());
  if (!m) throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: "${a1}"`, "Worksheet.getRange");
  const r0 = +m[2] - 1;
  const c0 = colIndex(m[1]);
  const r1 = m[4] ? +m[4] - 1 : r0;
  const c1 = m[3] ? colIndex(m[3]) : c0;
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), nr: Math.abs(r1 - r0) + 1, nc: Math.abs(c1 - c0) + 1 };
}

export function rectAddress(r: Rect): string {
  const a = `${colName(r.c0)}${r.r0 + 1}`;
  return r.nr === 1 && r.nc === 1 ? a : `${a}:${colName(r.c0 + r.nc - 1)}${r.r0 + r.nr}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function inside(r: Rect, row: number, col: number): boolean {
  return row >= r.r0 && row < r.r0 + r.nr && col >= r.c0 && col < r.c0 + r.nc;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.r0 < b.r0 + b.nr && b.r0 < a.r0 + a.nr && a.c0 < b.c0 + b.nc && b.c0 < a.c0 + a.nc;
}

function versionAtLeast(have: string, need: string): boolean {
  const [a1, a2] = have.split(".").map(Number);
  const [b1, b2] = need.split(".").map(Number);
  return a1 !== b1 ? a1 > b1 : a2 >= b2;
}

const ERROR_TEXTS = new Set(["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"]);

/** What Excel makes of a string written to Range.values (as if typed). */
export function excelParse(s: string): { value: Scalar; formula?: string; quoted?: boolean } {
  if (s.startsWith("'")) return { value: s.slice(1), quoted: true };
  if (s === "") return { value: "" };
  const t = s.trim();
  const num = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?%?$/.test(t) && /\d/.test(t);
  if (num) {
    const pct = t.endsWith("%");
    const n = Number(t.replace(/[,%]/g, ""));
    return { value: pct ? n / 100 : n };
  }
  if (/^[=+\-@]/.test(s)) return { value: "#NAME?", formula: s.startsWith("=") ? s : `=${s}` };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) return { value: (Date.UTC(+iso[1], +iso[2] - 1, +iso[3]) - Date.UTC(1899, 11, 30)) / 86400000 };
  if (ERROR_TEXTS.has(t)) return { value: t };
  return { value: s };
}

// ---- the fake application ----

export class FakeExcel {
  sheets: SheetData[] = [];
  tables: TableData[] = [];
  names: NameData[] = [];
  settings = new Map<string, string>();
  /** workbook.customXmlParts, in order of addition. */
  customXmlParts: CustomXmlPartData[] = [];
  legacySettings = new Map<string, unknown>();
  calculationMode = "Automatic";
  activeSheetId?: number;
  selection?: string;
  apiVersion: string;
  displayLanguage: string;
  officeTheme?: { bodyBackgroundColor: string; bodyForegroundColor: string };
  /** Whether this host delivers Office.EventType.OfficeThemeChanged (addHandlerAsync succeeds). */
  themeEvent = true;
  themeHandlers: (() => void)[] = [];
  /** Bytes; a request or response above it fails like on Excel on the web. */
  payloadLimit = Infinity;
  cellEditMode = false;

  syncs = 0;
  runs = 0;
  delayedRuns = 0;
  requests: RequestRecord[] = [];
  runOptions: Record<string, unknown>[] = [];
  suspendCalls = { calc: 0, screen: 0 };
  /** Worksheet.onChanged handlers registered and not removed. */
  changeHandlers: { sheetId: number; handler: (args: any) => Promise<unknown> }[] = [];
  private failures: { op: RegExp; code: string; message: string }[] = [];
  private nextId = 1;

  constructor(opts: FakeOptions = {}) {
    this.apiVersion = opts.apiVersion ?? "1.20";
    this.displayLanguage = opts.displayLanguage ?? "zh-CN";
    if (opts.payloadLimit !== undefined) this.payloadLimit = opts.payloadLimit;
  }

  // -- set-up and inspection helpers for tests (not part of Office.js) --

  addSheet(name: string, rows: (Scalar | null)[][] = [], origin = "A1"): SheetData {
    const sheet = this.newSheet(name);
    const o = parseA1(origin);
    // cells of an existing workbook: stored as they are (no parsing, unlike Range.values)
    rows.forEach((row, r) => {
      if (row.every((v) => v === null || v === "")) return;
      const out: Scalar[] = (sheet.rows[o.r0 + r] = []);
      row.forEach((v, c) => {
        if (v !== null && v !== "") out[o.c0 + c] = v;
      });
    });
    this.sheets.push(sheet);
    return sheet;
  }

  addTable(sheetName: string, name: string, ref: string, showHeaders = true): void {
    const sheet = this.sheet(sheetName);
    const rect = parseA1(ref);
    this.tables.push({ id: this.nextId++, name, sheetId: sheet.id, rect, showHeaders, headers: [] });
  }

  sheet(name: string): SheetData {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new Error(`fake: no sheet "${name}"`);
    return s;
  }

  /** The value a cell holds (what Range.values would read), "" when empty. */
  cell(sheetName: string, a1: string): Scalar {
    const s = this.sheet(sheetName);
    const { r0, c0 } = parseA1(a1);
    return s.rows[r0]?.[c0] ?? "";
  }

  /** Test set-up: a formula cell of an existing workbook (the value it shows, its formula). */
  setFormula(sheetName: string, a1: string, formula: string, shown: Scalar = 0): void {
    const s = this.sheet(sheetName);
    const { r0, c0 } = parseA1(a1);
    (s.rows[r0] ??= [])[c0] = shown;
    s.formulas.set(`${r0},${c0}`, formula);
  }

  /** Test set-up: a text cell typed with a leading apostrophe (e.g. the text "#N/A", not the error). */
  setText(sheetName: string, a1: string, text: string): void {
    const s = this.sheet(sheetName);
    const { r0, c0 } = parseA1(a1);
    (s.rows[r0] ??= [])[c0] = text;
    s.quotePrefix.add(`${r0},${c0}`);
  }

  formula(sheetName: string, a1: string): string | undefined {
    const { r0, c0 } = parseA1(a1);
    return this.sheet(sheetName).formulas.get(`${r0},${c0}`);
  }

  /** The number format a cell ends up with ("General" when none was set). */
  numberFormat(sheetName: string, a1: string): string {
    const { r0, c0 } = parseA1(a1);
    const s = this.sheet(sheetName);
    for (let i = s.numFmts.length - 1; i >= 0; i--) if (inside(s.numFmts[i].rect, r0, c0)) return s.numFmts[i].fmt;
    return "General";
  }

  /** The last value set for a format path ("font.bold", "columnWidth", ...) on a range covering the cell. */
  formatAt(sheetName: string, a1: string, path: string): unknown {
    const { r0, c0 } = parseA1(a1);
    const s = this.sheet(sheetName);
    for (let i = s.formats.length - 1; i >= 0; i--) {
      const f = s.formats[i];
      if (f.path === path && inside(f.rect, r0, c0)) return f.value;
    }
    return undefined;
  }

  tablesOn(sheetName: string): TableData[] {
    const s = this.sheet(sheetName);
    return this.tables.filter((t) => t.sheetId === s.id);
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /**
   * A person changed `address` on `sheetName`: the sheet's onChanged handlers run with the event
   * arguments Excel gives (worksheetId is the sheet's id as Worksheet.id reads it). Resolves when
   * every handler has finished.
   */
  async fireChanged(
    sheetName: string, address: string,
    opts: { changeType?: string; source?: "Local" | "Remote"; triggerSource?: "Unknown" | "ThisLocalAddin" } = {},
  ): Promise<void> {
    const sheet = this.sheet(sheetName);
    const args = {
      type: "WorksheetChanged", address, worksheetId: `{${sheet.id}}`, changeType: opts.changeType ?? "RangeEdited",
      source: opts.source ?? "Local", triggerSource: opts.triggerSource ?? "Unknown",
    };
    await Promise.all(this.changeHandlers.filter((h) => h.sheetId === sheet.id).map((h) => h.handler(args)));
  }

  /** A person picked another Office theme: officeTheme changes, the theme event fires where the host has it. */
  changeTheme(t: { bodyBackgroundColor: string; bodyForegroundColor: string }): void {
    this.officeTheme = t;
    for (const h of [...this.themeHandlers]) h();
  }

  failOn(op: string | RegExp, code: string, message = `${code} (injected)`): void {
    this.failures.push({ op: typeof op === "string" ? new RegExp(`^${op.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) : op, code, message });
  }

  /** Installs `Excel` and `Office` as globals (what office.js does in the browser). */
  install(): void {
    const g = globalThis as any;
    g.Excel = this.excelNamespace();
    g.Office = this.officeNamespace();
  }

  uninstall(): void {
    const g = globalThis as any;
    delete g.Excel;
    delete g.Office;
  }

  // -- internals used by the proxies --

  newSheet(name: string): SheetData {
    return {
      id: this.nextId++, name, visible: true, rows: [], formulas: new Map(), quotePrefix: new Set(), numFmts: [], formats: [],
      merges: [], validations: [], charts: [], shapes: [], conditionalFormats: [], showGridlines: true, hiddenColumns: new Set(), pageLayout: {}, pageBreaks: [], protected: false,
    };
  }

  newTableId(): number {
    return this.nextId++;
  }

  setCell(sheet: SheetData, r: number, c: number, v: Scalar | null): void {
    const key = `${r},${c}`;
    sheet.formulas.delete(key);
    sheet.quotePrefix.delete(key);
    let value: Scalar = v ?? "";
    if (typeof v === "string") {
      const p = excelParse(v);
      value = p.value;
      if (p.formula) sheet.formulas.set(key, p.formula);
      if (p.quoted) sheet.quotePrefix.add(key);
    }
    let row = sheet.rows[r];
    if (value === "") {
      if (row) row[c] = "";
      return;
    }
    if (!row) row = sheet.rows[r] = [];
    row[c] = value;
  }

  checkSheetName(name: string, except?: SheetData): void {
    if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name)) {
      throw new FakeOfficeError("InvalidArgument", `The sheet name "${name}" is not valid.`, "Worksheet.name");
    }
    if (this.sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase())) {
      throw new FakeOfficeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`, "WorksheetCollection.add");
    }
  }

  deleteSheet(sheet: SheetData): void {
    if (this.sheets.filter((s) => s.visible).length <= 1 && sheet.visible) {
      throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.", "Worksheet.delete");
    }
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheetId !== sheet.id);
    // formulas elsewhere that point at the sheet become #REF!, as in Excel
    const ref = new RegExp(`(?:${escapeRe(quoteSheet(sheet.name))}|${escapeRe(sheet.name)}|'${escapeRe(sheet.name)}')!`, "g");
    for (const other of this.sheets) for (const [k, f] of other.formulas) other.formulas.set(k, f.replace(ref, "#REF!"));
    // names pointing at the sheet stay, as #REF! (sheetId no longer resolves)
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0]?.id;
  }

  takeFailure(op: string): void {
    const i = this.failures.findIndex((f) => f.op.test(op));
    if (i >= 0) {
      const f = this.failures[i];
      this.failures.splice(i, 1);
      throw new FakeOfficeError(f.code, f.message, op);
    }
  }

  requireSet(version: string, op: string): void {
    if (!versionAtLeast(this.apiVersion, version)) {
      throw new FakeOfficeError("ApiNotFound", `The API you are trying to use could not be found (${op} needs ExcelApi ${version}).`, op);
    }
  }

  usedRect(sheet: SheetData): Rect | null {
    let r0 = Infinity, r1 = -1, c0 = Infinity, c1 = -1;
    sheet.rows.forEach((row, r) => {
      if (!row) return;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v === undefined || v === "") continue;
        if (r < r0) r0 = r;
        if (r > r1) r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      }
    });
    if (r1 < 0) return null;
    return { r0, c0, nr: r1 - r0 + 1, nc: c1 - c0 + 1 };
  }

  /** Range.valueTypes: "Error" for an error value, "String" for text (an apostrophe-typed "#N/A" included). */
  readValueTypes(sheet: SheetData, rect: Rect): string[][] {
    return this.readValues(sheet, rect).map((row, r) =>
      row.map((v, c) => {
        if (v === "") return "Empty";
        if (typeof v === "boolean") return "Boolean";
        if (typeof v === "number") return "Double";
        return ERROR_TEXTS.has(v) && !sheet.quotePrefix.has(`${rect.r0 + r},${rect.c0 + c}`) ? "Error" : "String";
      }),
    );
  }

  readValues(sheet: SheetData, rect: Rect): Scalar[][] {
    const out: Scalar[][] = new Array(rect.nr);
    for (let r = 0; r < rect.nr; r++) {
      const row = sheet.rows[rect.r0 + r];
      const vals: Scalar[] = new Array(rect.nc);
      for (let c = 0; c < rect.nc; c++) vals[c] = row?.[rect.c0 + c] ?? "";
      out[r] = vals;
    }
    return out;
  }

  nameValue(n: NameData): string {
    const s = this.sheets.find((x) => x.id === n.sheetId);
    if (!s) return "=#REF!";
    const a = rectAddress(n.rect).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    return `=${quoteSheet(s.name)}!${a}`;
  }

  // -- the namespaces --

  private excelNamespace(): any {
    const fake = this;
    async function run(a: any, b?: any): Promise<unknown> {
      // Excel.run(context, batch) goes on in that context: what was queued there (e.g. an event handler's remove) is sent
      const reuse = a instanceof Ctx ? a : undefined;
      const options = reuse ? reuse.options : typeof a === "function" ? {} : a ?? {};
      const batch = typeof a === "function" ? a : b;
      if (typeof batch !== "function") throw new Error("fake Excel.run: batch function missing");
      fake.runs++;
      fake.runOptions.push({ ...options });
      if (fake.cellEditMode && options.delayForCellEdit) fake.delayedRuns++; // Excel would wait for the edit to end
      const ctx = reuse ?? new Ctx(fake, options);
      const result = await batch(ctx);
      // Excel.run sends what is still queued when the batch returns
      if (ctx.pending() > 0) await ctx.sync();
      return result;
    }
    return {
      run,
      CalculationMode: { automatic: "Automatic", automaticExceptTables: "AutomaticExceptTables", manual: "Manual" },
      ChartType: { line: "Line", columnClustered: "ColumnClustered", barClustered: "BarClustered" },
      ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
      ChartLegendPosition: { bottom: "Bottom", top: "Top", right: "Right", left: "Left" },
      PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
      PaperType: { a4: "A4", letter: "Letter" },
      DataValidationAlertStyle: { stop: "Stop", warning: "Warning", information: "Information" },
      ConditionalFormatType: { custom: "Custom" },
      ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
      RangeValueType: { unknown: "Unknown", empty: "Empty", string: "String", integer: "Integer", double: "Double", boolean: "Boolean", error: "Error", richValue: "RichValue" },
      ErrorCodes: { itemNotFound: "ItemNotFound", accessDenied: "AccessDenied", invalidArgument: "InvalidArgument" },
    };
  }

  private officeNamespace(): any {
    const fake = this;
    return {
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      EventType: { OfficeThemeChanged: "officeThemeChanged", DocumentSelectionChanged: "documentSelectionChanged" },
      context: {
        get displayLanguage() {
          return fake.displayLanguage;
        },
        get officeTheme() {
          return fake.officeTheme;
        },
        requirements: {
          isSetSupported(name: string, version?: string): boolean {
            return name === "ExcelApi" && versionAtLeast(fake.apiVersion, version ?? "1.1");
          },
        },
        document: {
          // Office's theme event: delivered only where the fake says the host has it (themeEvent)
          addHandlerAsync: (type: string, handler: () => void, cb?: (r: { status: string; error?: unknown }) => void) => {
            if (type !== "officeThemeChanged" || !fake.themeEvent) {
              cb?.({ status: "failed", error: { code: 5001, name: "Internal Error", message: "An internal error has occurred." } });
              return;
            }
            fake.themeHandlers.push(handler);
            cb?.({ status: "succeeded" });
          },
          removeHandlerAsync: (type: string, opts: { handler?: () => void }) => {
            fake.themeHandlers = fake.themeHandlers.filter((h) => h !== opts.handler);
          },
          settings: {
            get: (k: string) => fake.legacySettings.get(k) ?? null,
            set: (k: string, v: unknown) => void fake.legacySettings.set(k, v),
            saveAsync: (cb: (r: { status: string }) => void) => cb({ status: "succeeded" }),
          },
        },
      },
    };
  }
}

// ---- request context ----

interface Action {
  op: string;
  bytes: number;
  /** Runs at sync; may throw a FakeOfficeError. Returns a commit for loads (run after the response). */
  run: () => void | (() => void);
  responseBytes?: () => number;
  /** Requirement set of the operation. */
  set?: string;
  /** Sheet written by the operation (for protection checks). */
  writes?: () => SheetData | null;
}

export class Ctx {
  private queue: Action[] = [];
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;

  constructor(readonly fake: FakeExcel, readonly options: { delayForCellEdit?: boolean; mergeUndoGroup?: boolean }) {
    this.workbook = new WorkbookProxy(this);
    this.application = new ApplicationProxy(this);
  }

  pending(): number {
    return this.queue.length;
  }

  /** The queued operations (the fake's own proxies rename one now and then). */
  pendingOps(): Action[] {
    return this.queue;
  }

  enqueue(a: Action): void {
    this.queue.push(a);
  }

  async sync(): Promise<void> {
    const fake = this.fake;
    const actions = this.queue;
    this.queue = [];
    fake.syncs++;
    const rec: RequestRecord = { ops: actions.map((a) => a.op), requestBytes: 0, responseBytes: 0 };
    fake.requests.push(rec);
    await Promise.resolve(); // a round trip is asynchronous
    const fail = (e: FakeOfficeError): never => {
      rec.failed = e.code;
      throw e;
    };
    if (fake.cellEditMode) {
      if (!this.options.delayForCellEdit) fail(new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.", "RequestContext.sync"));
    }
    rec.requestBytes = actions.reduce((n, a) => n + 40 + a.bytes, 0);
    if (rec.requestBytes > fake.payloadLimit) {
      fail(new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.", "RequestContext.sync"));
    }
    const commits: (() => void)[] = [];
    for (const a of actions) {
      try {
        if (a.set) fake.requireSet(a.set, a.op);
        fake.takeFailure(a.op);
        const target = a.writes?.();
        if (target?.protected) throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.", a.op);
        const commit = a.run();
        if (commit) commits.push(commit);
        rec.responseBytes += a.responseBytes?.() ?? 0;
      } catch (e) {
        if (e instanceof FakeOfficeError) fail(e);
        throw e;
      }
    }
    if (rec.responseBytes > fake.payloadLimit) {
      fail(new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.", "RequestContext.sync"));
    }
    for (const c of commits) c();
  }

  get trackedObjects(): never {
    throw new Error("fake: trackedObjects not modelled");
  }
}

// ---- client objects ----

function notLoaded(type: string, prop: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${prop}`,
  );
}

/** Parses load("a,b") / load(["a","b"]) / load({ select }) into a list of paths. */
function loadPaths(arg: unknown): string[] {
  if (arg === undefined) return [];
  if (typeof arg === "string") return arg.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => loadPaths(a));
  if (typeof arg === "object" && arg && "select" in arg) return loadPaths((arg as { select: unknown }).select);
  throw new Error(`fake: unsupported load argument ${JSON.stringify(arg)}`);
}

/** Property names JavaScript itself probes (await, JSON, jest's printers): answered with undefined. */
const PROBED = new Set(["then", "toJSON", "asymmetricMatch", "$$typeof", "nodeType", "tagName", "@@__IMMUTABLE_ITERABLE__@@", "@@__IMMUTABLE_RECORD__@@", "_isMockFunction"]);

abstract class ClientObject {
  protected loaded = new Map<string, unknown>();
  protected abstract readonly type: string;
  constructor(readonly ctx: Ctx) {
    // Reading a property this fake does not model throws instead of giving undefined, so adapter
    // code cannot pass on a value the fake never produced (that is how a missing getter hides a bug).
    return new Proxy(this, {
      get(target, prop, receiver) {
        if (typeof prop === "string" && !(prop in target) && !PROBED.has(prop)) {
          throw new TypeError(`fake: ${(target as unknown as { type?: string }).type ?? "object"}.${prop} is not modelled`);
        }
        return Reflect.get(target, prop, receiver);
      },
    });
  }

  /** Reads a loaded property, else throws PropertyNotLoaded. */
  protected got<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(this.type, prop);
    return this.loaded.get(prop) as T;
  }

  /** The current value of a scalar property at sync time (subclasses). */
  protected abstract readProp(prop: string): unknown;
  /** For null-capable objects: whether the object exists at sync time. */
  protected exists(): boolean {
    return true;
  }

  load(arg?: unknown): this {
    const paths = loadPaths(arg);
    let values: Map<string, unknown> | undefined;
    this.ctx.enqueue({
      op: `${this.type}.load`,
      bytes: jsonBytes(paths),
      run: () => {
        values = new Map();
        const present = this.exists();
        values.set("isNullObject", !present);
        if (present) for (const p of paths) values.set(p, this.readProp(p));
        const v = values;
        return () => v.forEach((val, k) => this.loaded.set(k, val));
      },
      responseBytes: () => (values ? jsonBytes([...values.values()]) : 0),
    });
    return this;
  }

  get isNullObject(): boolean {
    return this.got<boolean>("isNullObject");
  }

  protected queue(op: string, args: unknown, run: () => void, extra: Partial<Action> = {}): void {
    this.ctx.enqueue({ op, bytes: args === undefined ? 0 : jsonBytes(args), run, ...extra });
  }
}

/** Objects whose properties are only set (formats): setters queue, getters throw PropertyNotLoaded. */
function setterObject(
  type: string,
  leaves: string[],
  onSet: (path: string, value: unknown) => void,
  children: Record<string, () => object> = {},
  methods: Record<string, (...args: any[]) => unknown> = {},
): any {
  const o: any = {};
  for (const leaf of leaves) {
    Object.defineProperty(o, leaf, {
      enumerable: true,
      get: () => {
        throw notLoaded(type, leaf);
      },
      set: (v: unknown) => onSet(leaf, v),
    });
  }
  for (const [name, make] of Object.entries(children)) {
    let cached: object | undefined;
    Object.defineProperty(o, name, { enumerable: true, get: () => (cached ??= make()) });
  }
  for (const [name, fn] of Object.entries(methods)) o[name] = fn;
  // an assignment to a property the real API does not have throws (strict mode) instead of vanishing
  return Object.seal(o);
}

class ApplicationProxy extends ClientObject {
  protected readonly type = "Application";
  protected readProp(prop: string): unknown {
    if (prop === "calculationMode") {
      this.ctx.fake.requireSet("1.8", "Application.calculationMode");
      return this.ctx.fake.calculationMode;
    }
    throw new Error(`fake: Application.${prop} not modelled`);
  }
  get calculationMode(): string {
    return this.got("calculationMode");
  }
  set calculationMode(v: string) {
    this.queue("Application.calculationMode", v, () => {
      if (!["Automatic", "AutomaticExceptTables", "Manual"].includes(v)) throw new FakeOfficeError("InvalidArgument", `bad calculation mode ${v}`);
      this.ctx.fake.calculationMode = v;
    }, { set: "1.8" });
  }
  suspendApiCalculationUntilNextSync(): void {
    this.queue("Application.suspendApiCalculationUntilNextSync", undefined, () => void this.ctx.fake.suspendCalls.calc++, { set: "1.6" });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.queue("Application.suspendScreenUpdatingUntilNextSync", undefined, () => void this.ctx.fake.suspendCalls.screen++, { set: "1.9" });
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollection;
  readonly tables: TableCollection;
  readonly names: NamedItemCollection;
  readonly settings: SettingCollection;
  readonly customXmlParts: CustomXmlPartCollection;
  constructor(readonly ctx: Ctx) {
    this.worksheets = new WorksheetCollection(ctx);
    this.tables = new TableCollection(ctx, null);
    this.names = new NamedItemCollection(ctx);
    this.settings = new SettingCollection(ctx);
    this.customXmlParts = new CustomXmlPartCollection(ctx);
    Object.seal(this);
  }
}

type SheetResolver = () => SheetData | null;

class WorksheetCollection extends ClientObject {
  protected readonly type = "WorksheetCollection";
  protected readProp(prop: string): unknown {
    throw new Error(`fake: WorksheetCollection.${prop} not modelled`);
  }
  override load(arg?: unknown): this {
    const paths = loadPaths(arg).map((p) => p.replace(/^items\//, ""));
    let items: WorksheetProxy[] = [];
    this.ctx.enqueue({
      op: "WorksheetCollection.load",
      bytes: 40,
      run: () => {
        const fake = this.ctx.fake;
        items = fake.sheets.map((s) => {
          const w = new WorksheetProxy(this.ctx, "item", bound(s));
          w.fill(paths);
          return w;
        });
        return () => this.loaded.set("items", items);
      },
      responseBytes: () => items.length * 20 * Math.max(1, paths.length),
    });
    return this;
  }
  get items(): WorksheetProxy[] {
    return this.got("items");
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, "getItem", byName(this.ctx.fake, name, false));
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, "getItemOrNullObject", byName(this.ctx.fake, name, true), "1.4");
  }
  add(name: string): WorksheetProxy {
    let created: SheetData | undefined;
    const w = new WorksheetProxy(this.ctx, "add", () => created ?? null);
    this.queue("WorksheetCollection.add", name, () => {
      const fake = this.ctx.fake;
      fake.checkSheetName(name);
      created = fake.newSheet(name);
      fake.sheets.push(created);
    });
    return w;
  }
}

function bound(s: SheetData): SheetResolver {
  return () => s;
}

function byName(fake: FakeExcel, name: string, orNull: boolean): SheetResolver {
  let s: SheetData | undefined;
  return () => {
    // resolved once, at the first sync that uses it; then bound (a rename does not lose it).
    // getItem takes a name or an id ("{7}", as Worksheet.id and event arguments give it)
    s ??= fake.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase() || `{${x.id}}` === name);
    if (!s && !orNull) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: worksheet "${name}".`, "WorksheetCollection.getItem");
    if (s && !fake.sheets.includes(s)) throw new FakeOfficeError("ItemNotFound", `The worksheet "${name}" was deleted.`, "Worksheet");
    return s ?? null;
  };
}

export class WorksheetProxy extends ClientObject {
  protected readonly type = "Worksheet";
  readonly tables: TableCollection;
  readonly charts: ChartCollection;
  private fmtCache: Record<string, any> = {};

  constructor(ctx: Ctx, readonly how: string, readonly resolver: SheetResolver, readonly needs?: string) {
    super(ctx);
    this.tables = new TableCollection(ctx, this);
    this.charts = new ChartCollection(ctx, this);
    Object.seal(this);
  }

  resolve(): SheetData {
    if (this.needs) this.ctx.fake.requireSet(this.needs, `WorksheetCollection.${this.how}`);
    const s = this.resolver();
    if (!s) throw new FakeOfficeError("ItemNotFound", "The worksheet does not exist (null object).", "Worksheet");
    if (!this.ctx.fake.sheets.includes(s)) throw new FakeOfficeError("ItemNotFound", `The worksheet "${s.name}" was deleted.`, "Worksheet");
    return s;
  }

  protected override exists(): boolean {
    if (this.needs) this.ctx.fake.requireSet(this.needs, `WorksheetCollection.${this.how}`);
    return this.resolver() !== null;
  }

  protected readProp(prop: string): unknown {
    const s = this.resolve();
    switch (prop) {
      case "name":
        return s.name;
      case "position":
        return this.ctx.fake.sheets.indexOf(s);
      case "visibility":
        return s.visible ? "Visible" : "Hidden";
      case "id":
        return `{${s.id}}`;
      default:
        throw new Error(`fake: Worksheet.${prop} not modelled`);
    }
  }

  /** Used by collection loads: values read at sync time. */
  fill(paths: string[]): void {
    for (const p of paths) this.loaded.set(p, this.readProp(p));
  }

  get name(): string {
    return this.got("name");
  }
  set name(v: string) {
    this.queue("Worksheet.name", v, () => {
      const s = this.resolve();
      this.ctx.fake.checkSheetName(v, s);
      s.name = v;
    });
  }
  get position(): number {
    return this.got("position");
  }
  get visibility(): string {
    return this.got("visibility");
  }
  get id(): string {
    return this.got("id");
  }
  set position(v: number) {
    this.queue("Worksheet.position", v, () => {
      const fake = this.ctx.fake;
      const s = this.resolve();
      if (!(Number.isInteger(v) && v >= 0 && v < fake.sheets.length)) throw new FakeOfficeError("InvalidArgument", `bad position ${v}`, "Worksheet.position");
      fake.sheets = fake.sheets.filter((x) => x !== s);
      fake.sheets.splice(v, 0, s);
    });
  }
  set showGridlines(v: boolean) {
    this.queue("Worksheet.showGridlines", v, () => void (this.resolve().showGridlines = v), { set: "1.8", writes: () => this.resolve() });
  }
  get showGridlines(): boolean {
    return this.got("showGridlines");
  }

  delete(): void {
    this.queue("Worksheet.delete", undefined, () => this.ctx.fake.deleteSheet(this.resolve()));
  }
  /** Worksheet.onChanged (ExcelApi 1.7): add() registers at the next sync; the result's remove() unregisters at the sync after it. */
  get onChanged(): any {
    return {
      add: (handler: (args: any) => Promise<unknown>) => {
        const fake = this.ctx.fake;
        let reg: FakeExcel["changeHandlers"][number] | undefined;
        this.queue("Worksheet.onChanged.add", undefined, () => {
          reg = { sheetId: this.resolve().id, handler };
          fake.changeHandlers.push(reg);
        }, { set: "1.7" });
        return {
          context: this.ctx,
          remove: () => this.ctx.enqueue({
            op: "EventHandlerResult.remove", bytes: 0,
            run: () => {
              if (!reg || !fake.changeHandlers.includes(reg)) throw new FakeOfficeError("InvalidOperation", "The event handler is not registered.", "EventHandlerResult.remove");
              fake.changeHandlers = fake.changeHandlers.filter((h) => h !== reg);
            },
          }),
        };
      },
    };
  }
  activate(): void {
    this.queue("Worksheet.activate", undefined, () => void (this.ctx.fake.activeSheetId = this.resolve().id));
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, this, () => {
      if (address === undefined) return { r0: 0, c0: 0, nr: 1048576, nc: 16384 };
      const bang = address.lastIndexOf("!");
      return parseA1(bang >= 0 ? address.slice(bang + 1) : address);
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this.ctx, this, () => {
      if (![startRow, startColumn, rowCount, columnCount].every(Number.isInteger) || startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1) {
        throw new FakeOfficeError("InvalidArgument", `getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount})`, "Worksheet.getRangeByIndexes");
      }
      return { r0: startRow, c0: startColumn, nr: rowCount, nc: columnCount };
    });
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    void valuesOnly;
    return new RangeProxy(this.ctx, this, () => this.ctx.fake.usedRect(this.resolve()) ?? { r0: 0, c0: 0, nr: 1, nc: 1 });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    void valuesOnly;
    return new RangeProxy(this.ctx, this, () => {
      this.ctx.fake.requireSet("1.4", "Worksheet.getUsedRangeOrNullObject");
      return this.ctx.fake.usedRect(this.resolve());
    });
  }

  /** ShapeCollection (ExcelApi 1.9): load("items/...") and Shape.delete(). */
  get shapes(): any {
    return (this.fmtCache.shapes ??= new ShapeCollection(this.ctx, this));
  }

  get freezePanes(): any {
    return (this.fmtCache.freeze ??= setterObject("WorksheetFreezePanes", [], () => undefined, {}, {
      unfreeze: () =>
        this.queue("WorksheetFreezePanes.unfreeze", undefined, () => void (this.resolve().frozenRows = undefined), { set: "1.7", writes: () => this.resolve() }),
      freezeRows: (n: number) =>
        this.queue("WorksheetFreezePanes.freezeRows", n, () => void (this.resolve().frozenRows = n), { set: "1.7", writes: () => this.resolve() }),
    }));
  }
  get autoFilter(): any {
    return (this.fmtCache.autoFilter ??= setterObject("AutoFilter", [], () => undefined, {}, {
      remove: () =>
        this.queue("AutoFilter.remove", undefined, () => void (this.resolve().autoFilter = undefined), { set: "1.9", writes: () => this.resolve() }),
      apply: (range: RangeProxy) =>
        this.queue("AutoFilter.apply", undefined, () => void (this.resolve().autoFilter = range.resolveRect()), { set: "1.9", writes: () => this.resolve() }),
    }));
  }
  get horizontalPageBreaks(): any {
    return (this.fmtCache.breaks ??= setterObject("PageBreakCollection", [], () => undefined, {}, {
      add: (a1: string) => this.queue("PageBreakCollection.add", a1, () => void this.resolve().pageBreaks.push(a1), { set: "1.9", writes: () => this.resolve() }),
      removePageBreaks: () =>
        this.queue("PageBreakCollection.removePageBreaks", undefined, () => void (this.resolve().pageBreaks = []), { set: "1.9", writes: () => this.resolve() }),
    }));
  }
  get pageLayout(): any {
    const set = (path: string, v: unknown): void =>
      this.queue(`PageLayout.${path}`, v, () => void (this.resolve().pageLayout[path] = v), { set: "1.9", writes: () => this.resolve() });
    return (this.fmtCache.pageLayout ??= setterObject(
      "PageLayout",
      ["orientation", "paperSize", "zoom", "centerHorizontally", "centerVertically", "leftMargin", "rightMargin", "topMargin", "bottomMargin", "headerMargin", "footerMargin", "printGridlines", "blackAndWhite"],
      set,
      {
        headersFooters: () =>
          setterObject("HeaderFooterGroup", [], () => undefined, {
            defaultForAllPages: () =>
              setterObject("HeaderFooter", ["leftFooter", "centerFooter", "rightFooter", "leftHeader", "centerHeader", "rightHeader"], (p, v) => set(`footer.${p}`, v)),
          }),
      },
      { setPrintTitleRows: (rows: string) => set("printTitleRows", rows) },
    ));
  }
}

export class RangeProxy extends ClientObject {
  protected readonly type = "Range";
  // initialised explicitly: the instance is sealed at the end of the constructor
  private rect: Rect | null | undefined = undefined;
  private fmt: any = undefined;
  private dv: any = undefined;

  constructor(ctx: Ctx, readonly sheet: WorksheetProxy, private readonly locate: () => Rect | null) {
    super(ctx);
    Object.seal(this);
  }

  resolveRect(): Rect {
    const r = this.resolveOrNull();
    if (!r) throw new FakeOfficeError("ItemNotFound", "The range does not exist (null object).", "Range");
    return r;
  }
  private resolveOrNull(): Rect | null {
    this.sheet.resolve();
    if (this.rect === undefined) this.rect = this.locate();
    return this.rect;
  }
  protected override exists(): boolean {
    return this.resolveOrNull() !== null;
  }

  protected readProp(prop: string): unknown {
    const rect = this.resolveRect();
    const s = this.sheet.resolve();
    switch (prop) {
      case "values":
        return this.ctx.fake.readValues(s, rect);
      case "address":
        return `${quoteSheet(s.name)}!${rectAddress(rect)}`;
      case "rowIndex":
        return rect.r0;
      case "columnIndex":
        return rect.c0;
      case "rowCount":
        return rect.nr;
      case "columnCount":
        return rect.nc;
      case "valueTypes":
        return this.ctx.fake.readValueTypes(s, rect);
      default:
        throw new Error(`fake: Range.${prop} not modelled`);
    }
  }

  override load(arg?: unknown): this {
    super.load(arg);
    return this;
  }

  get values(): Scalar[][] {
    return this.got("values");
  }
  get address(): string {
    return this.got("address");
  }
  get rowIndex(): number {
    return this.got("rowIndex");
  }
  get columnIndex(): number {
    return this.got("columnIndex");
  }
  get rowCount(): number {
    return this.got("rowCount");
  }
  get columnCount(): number {
    return this.got("columnCount");
  }
  set values(v: unknown) {
    this.queue("Range.values", v, () => {
      const rect = this.resolveRect();
      const s = this.sheet.resolve();
      const fake = this.ctx.fake;
      const check = (x: unknown): Scalar | null => {
        if (x === null) return null;
        if (typeof x === "string" || typeof x === "boolean") return x;
        if (typeof x === "number" && Number.isFinite(x)) return x;
        throw new FakeOfficeError("InvalidArgument", `Range.values cannot hold ${x instanceof Date ? "a Date" : String(x)}`, "Range.values");
      };
      if (!Array.isArray(v)) {
        const x = check(v);
        for (let r = 0; r < rect.nr; r++) for (let c = 0; c < rect.nc; c++) fake.setCell(s, rect.r0 + r, rect.c0 + c, x);
        return;
      }
      if (v.length !== rect.nr || v.some((row) => !Array.isArray(row) || row.length !== rect.nc)) {
        throw new FakeOfficeError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rect.nr}x${rect.nc}).`,
          "Range.values",
        );
      }
      for (let r = 0; r < rect.nr; r++) {
        const row = v[r] as unknown[];
        for (let c = 0; c < rect.nc; c++) {
          const x = check(row[c]);
          if (x !== null) fake.setCell(s, rect.r0 + r, rect.c0 + c, x); // null: leave the cell as it is
        }
      }
    }, { writes: () => this.sheet.resolve() });
  }

  get numberFormat(): string[][] {
    return this.got("numberFormat");
  }
  set numberFormat(v: unknown) {
    this.queue("Range.numberFormat", v, () => {
      const rect = this.resolveRect();
      const s = this.sheet.resolve();
      if (Array.isArray(v)) {
        if (v.length !== rect.nr || v.some((row) => !Array.isArray(row) || row.length !== rect.nc)) {
          throw new FakeOfficeError("InvalidArgument", "numberFormat array does not match the range", "Range.numberFormat");
        }
        v.forEach((row: unknown[], r) => row.forEach((f, c) => {
          if (f !== null) s.numFmts.push({ rect: { r0: rect.r0 + r, c0: rect.c0 + c, nr: 1, nc: 1 }, fmt: String(f) });
        }));
      } else if (typeof v === "string") {
        s.numFmts.push({ rect, fmt: v });
      } else throw new FakeOfficeError("InvalidArgument", "numberFormat must be a string or 2-D array", "Range.numberFormat");
    }, { writes: () => this.sheet.resolve() });
  }

  set columnHidden(v: boolean) {
    this.queue("Range.columnHidden", v, () => {
      const rect = this.resolveRect();
      for (let c = rect.c0; c < rect.c0 + rect.nc; c++) (v ? this.sheet.resolve().hiddenColumns.add(c) : this.sheet.resolve().hiddenColumns.delete(c));
    }, { writes: () => this.sheet.resolve() });
  }
  get columnHidden(): boolean {
    return this.got("columnHidden");
  }

  /** Range.clear: values, formulas and formats in the range; merges, validation and conditional formats stay (they have their own clears). */
  clear(applyTo = "All"): void {
    this.queue("Range.clear", applyTo, () => {
      const rect = this.resolveRect();
      const s = this.sheet.resolve();
      const within = (r: Rect): boolean => r.r0 >= rect.r0 && r.c0 >= rect.c0 && r.r0 + r.nr <= rect.r0 + rect.nr && r.c0 + r.nc <= rect.c0 + rect.nc;
      if (applyTo === "All" || applyTo === "Contents") {
        s.rows.forEach((row, r) => {
          if (!row || r < rect.r0 || r >= rect.r0 + rect.nr) return;
          for (let c = Math.max(rect.c0, 0); c < Math.min(row.length, rect.c0 + rect.nc); c++) row[c] = "";
        });
        for (const k of [...s.formulas.keys(), ...s.quotePrefix]) {
          const [r, c] = k.split(",").map(Number);
          if (inside(rect, r, c)) (s.formulas.delete(k), s.quotePrefix.delete(k));
        }
      }
      if (applyTo === "All" || applyTo === "Formats") {
        s.numFmts = s.numFmts.filter((f) => !within(f.rect));
        s.formats = s.formats.filter((f) => !within(f.rect) || f.path === "columnWidth" || f.path === "rowHeight"); // sizes are no format
      }
    }, { writes: () => this.sheet.resolve() });
  }
  unmerge(): void {
    this.queue("Range.unmerge", undefined, () => {
      const rect = this.resolveRect();
      const s = this.sheet.resolve();
      s.merges = s.merges.filter((m) => !overlaps(m, rect));
    }, { set: "1.2", writes: () => this.sheet.resolve() });
  }
  set rowHidden(v: boolean) {
    this.queue("Range.rowHidden", v, () => {
      if (v) throw new Error("fake: hiding rows not modelled");
    }, { writes: () => this.sheet.resolve() });
  }
  get rowHidden(): boolean {
    return this.got("rowHidden");
  }
  get valueTypes(): string[][] {
    return this.got("valueTypes");
  }
  get formulas(): unknown[][] {
    return this.got("formulas");
  }
  /** Range.formulas: like values (typed input: "=..." a formula, "'x" text), the same shape rules. */
  set formulas(v: unknown) {
    if (!Array.isArray(v)) throw new Error("fake: a scalar for Range.formulas not modelled");
    this.values = v;
    const ops = this.ctx.pendingOps();
    ops[ops.length - 1].op = "Range.formulas";
  }
  /** ConditionalFormatCollection: add(custom) and clearAll() (ExcelApi 1.6). */
  get conditionalFormats(): any {
    const ctx = this.ctx;
    const range = this;
    return setterObject("ConditionalFormatCollection", [], () => undefined, {}, {
      clearAll: () =>
        ctx.enqueue({
          op: "ConditionalFormatCollection.clearAll", bytes: 0, set: "1.6", writes: () => range.sheet.resolve(),
          run: () => {
            const rect = range.resolveRect();
            const s = range.sheet.resolve();
            s.conditionalFormats = s.conditionalFormats.filter((f) => !overlaps(f.rect, rect));
          },
        }),
      add: (type: string) => {
        const rec: ConditionalFormatRecord = { rect: { r0: 0, c0: 0, nr: 0, nc: 0 }, type };
        ctx.enqueue({
          op: "ConditionalFormatCollection.add", bytes: 20, set: "1.6", writes: () => range.sheet.resolve(),
          run: () => {
            if (type !== "Custom") throw new Error(`fake: conditional format type ${type} not modelled`);
            rec.rect = range.resolveRect();
            const list = range.sheet.resolve().conditionalFormats;
            list.unshift(rec); // a new format goes on top (priority 0)
            list.forEach((f, i) => (f.priority = i));
          },
        });
        const set = (op: string, run: () => void, v: unknown): void => ctx.enqueue({ op, bytes: jsonBytes(v), set: "1.6", run });
        return setterObject("ConditionalFormat", ["priority", "stopIfTrue"], (p, v) =>
          set(`ConditionalFormat.${p}`, () => {
            if (p === "stopIfTrue") rec.stopIfTrue = Boolean(v);
            else {
              const list = range.sheet.resolve().conditionalFormats;
              const n = Number(v);
              if (!Number.isInteger(n) || n < 0) throw new FakeOfficeError("InvalidArgument", `priority ${String(v)}`, "ConditionalFormat.priority");
              list.splice(list.indexOf(rec), 1);
              list.splice(Math.min(n, list.length), 0, rec);
              list.forEach((f, i) => (f.priority = i));
            }
          }, v), {
          custom: () => setterObject("CustomConditionalFormat", [], () => undefined, {
            rule: () => setterObject("ConditionalFormatRule", ["formula"], (_p, v) => set("ConditionalFormatRule.formula", () => {
              if (typeof v !== "string" || !v.startsWith("=")) throw new FakeOfficeError("InvalidArgument", `rule formula ${String(v)}`, "ConditionalFormatRule.formula");
              rec.formula = v;
            }, v)),
            format: () => setterObject("ConditionalRangeFormat", [], () => undefined, {
              fill: () => setterObject("ConditionalRangeFill", ["color"], (_p, v) => set("ConditionalRangeFill.color", () => void (rec.fill = String(v)), v)),
            }),
          }),
        });
      },
    });
  }

  merge(across = false): void {
    this.queue("Range.merge", across, () => void this.sheet.resolve().merges.push(this.resolveRect()), { writes: () => this.sheet.resolve() });
  }
  select(): void {
    this.queue("Range.select", undefined, () => {
      const s = this.sheet.resolve();
      if (this.ctx.fake.activeSheetId !== s.id) throw new FakeOfficeError("InvalidSelection", "Select a range on the active sheet.", "Range.select");
      this.ctx.fake.selection = `${s.name}!${rectAddress(this.resolveRect())}`;
    });
  }

  get format(): any {
    const rec = (path: string, v: unknown, set?: string): void =>
      this.queue(`RangeFormat.${path}`, v, () => {
        const rect = this.resolveRect();
        this.sheet.resolve().formats.push({ rect, path, value: v });
      }, { set, writes: () => this.sheet.resolve() });
    return (this.fmt ??= setterObject(
      "RangeFormat",
      ["horizontalAlignment", "verticalAlignment", "wrapText", "shrinkToFit", "indentLevel", "columnWidth", "rowHeight", "useStandardWidth", "useStandardHeight"],
      (p, v) => {
        if (p !== "useStandardWidth" && p !== "useStandardHeight") return rec(p, v);
        // back to the standard size: the sizes set on the range are dropped
        const size = p === "useStandardWidth" ? "columnWidth" : "rowHeight";
        this.queue(`RangeFormat.${p}`, v, () => {
          const rect = this.resolveRect();
          const s = this.sheet.resolve();
          if (v === true) s.formats = s.formats.filter((f) => f.path !== size || !overlaps(f.rect, rect));
        }, { set: "1.9", writes: () => this.sheet.resolve() });
      },
      {
        font: () => setterObject("RangeFont", ["bold", "italic", "size", "color", "name", "underline"], (p, v) => rec(`font.${p}`, v)),
        fill: () => setterObject("RangeFill", ["color"], (p, v) => rec(`fill.${p}`, v)),
        protection: () => setterObject("FormatProtection", ["locked", "formulaHidden"], (p, v) => rec(`protection.${p}`, v, "1.2")),
        borders: () =>
          setterObject("RangeBorderCollection", [], () => undefined, {}, {
            getItem: (side: string) => {
              const sides = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical", "DiagonalDown", "DiagonalUp"];
              if (!sides.includes(side)) throw new TypeError(`fake: unknown border ${side}`);
              return setterObject("RangeBorder", ["style", "weight", "color"], (p, v) => rec(`border.${side}.${p}`, v));
            },
          }),
      },
    ));
  }

  get dataValidation(): any {
    const clear = (): void =>
      this.queue("DataValidation.clear", undefined, () => {
        const rect = this.resolveRect();
        const s = this.sheet.resolve();
        s.validations = s.validations.filter((x) => !overlaps(x.rect, rect));
      }, { set: "1.8", writes: () => this.sheet.resolve() });
    return (this.dv ??= setterObject("DataValidation", ["rule", "errorAlert", "ignoreBlanks", "prompt"], (p, v) =>
      this.queue(`DataValidation.${p}`, v, () => {
        const rect = this.resolveRect();
        if (p === "rule") {
          const list = (v as any)?.list;
          if (!list || typeof list.source !== "string" || typeof list.inCellDropDown !== "boolean") {
            throw new FakeOfficeError("InvalidArgument", "DataValidation.rule: expected { list: { inCellDropDown, source } }", "DataValidation.rule");
          }
        }
        this.sheet.resolve().validations.push({ rect, prop: p, value: v });
      }, { set: "1.8", writes: () => this.sheet.resolve() }), {}, { clear },
    ));
  }
}

class TableCollection extends ClientObject {
  protected readonly type = "TableCollection";
  constructor(ctx: Ctx, private readonly sheet: WorksheetProxy | null) {
    super(ctx);
  }
  protected readProp(prop: string): unknown {
    throw new Error(`fake: TableCollection.${prop} not modelled`);
  }
  override load(arg?: unknown): this {
    const paths = loadPaths(arg).map((p) => p.replace(/^items\//, ""));
    let items: TableProxy[] = [];
    this.ctx.enqueue({
      op: "TableCollection.load",
      bytes: 40,
      run: () => {
        const fake = this.ctx.fake;
        const sheetId = this.sheet ? this.sheet.resolve().id : null;
        items = fake.tables.filter((t) => sheetId === null || t.sheetId === sheetId).map((t) => {
          const p = new TableProxy(this.ctx, () => t);
          p.fill(paths);
          return p;
        });
        return () => this.loaded.set("items", items);
      },
      responseBytes: () => items.length * 40,
    });
    return this;
  }
  get items(): TableProxy[] {
    return this.got("items");
  }
  getItem(name: string): TableProxy {
    const sheet = this.sheet;
    return new TableProxy(this.ctx, () => {
      const fake = this.ctx.fake;
      const sheetId = sheet ? sheet.resolve().id : null;
      return fake.tables.find((t) => t.name.toLowerCase() === name.toLowerCase() && (sheetId === null || t.sheetId === sheetId)) ?? null;
    });
  }
  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    if (!this.sheet) throw new Error("fake: workbook.tables.add not modelled; use worksheet.tables.add");
    const sheet = this.sheet;
    let created: TableData | undefined;
    const proxy = new TableProxy(this.ctx, () => created ?? null);
    this.queue("TableCollection.add", typeof address === "string" ? address : "range", () => {
      const fake = this.ctx.fake;
      const s = sheet.resolve();
      const rect = typeof address === "string" ? parseA1(address) : address.resolveRect();
      if (fake.tables.some((t) => t.sheetId === s.id && overlaps(t.rect, rect))) {
        throw new FakeOfficeError("InvalidArgument", "A table can't overlap another table.", "TableCollection.add");
      }
      // header names: Excel makes blank and repeated headers unique (Column1, Name2)
      const headers: string[] = [];
      const seen = new Set<string>();
      for (let c = 0; c < rect.nc; c++) {
        let h = hasHeaders ? String(s.rows[rect.r0]?.[rect.c0 + c] ?? "") : "";
        if (h === "") h = `Column${c + 1}`;
        const base = h;
        for (let k = 2; seen.has(h.toLowerCase()); k++) h = `${base}${k}`;
        seen.add(h.toLowerCase());
        headers.push(h);
      }
      let n = fake.tables.length + 1;
      while (fake.tables.some((t) => t.name.toLowerCase() === `table${n}`)) n++;
      created = { id: fake.newTableId(), name: `Table${n}`, sheetId: s.id, rect, showHeaders: hasHeaders, headers };
      fake.tables.push(created);
    }, { writes: () => sheet.resolve() });
    return proxy;
  }
}

export class TableProxy extends ClientObject {
  protected readonly type = "Table";
  private sheetProxy: WorksheetProxy | undefined = undefined;
  constructor(ctx: Ctx, private readonly resolver: () => TableData | null) {
    super(ctx);
    Object.seal(this);
  }
  resolve(): TableData {
    const t = this.resolver();
    if (!t || !this.ctx.fake.tables.includes(t)) throw new FakeOfficeError("ItemNotFound", "The table does not exist.", "Table");
    return t;
  }
  protected readProp(prop: string): unknown {
    const t = this.resolve();
    if (prop === "name") return t.name;
    if (prop === "showHeaders") return t.showHeaders;
    if (prop === "style") return t.style ?? "TableStyleMedium2";
    throw new Error(`fake: Table.${prop} not modelled`);
  }
  fill(paths: string[]): void {
    for (const p of paths) this.loaded.set(p, this.readProp(p));
  }
  get name(): string {
    return this.got("name");
  }
  set name(v: string) {
    this.queue("Table.name", v, () => {
      const t = this.resolve();
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(v)) throw new FakeOfficeError("InvalidArgument", `Table name "${v}" is not valid.`, "Table.name");
      if (this.ctx.fake.tables.some((x) => x !== t && x.name.toLowerCase() === v.toLowerCase())) {
        throw new FakeOfficeError("InvalidArgument", `A table named "${v}" already exists.`, "Table.name");
      }
      t.name = v;
    });
  }
  get showHeaders(): boolean {
    return this.got("showHeaders");
  }
  /** Table.delete: the table and its cells' contents go (Excel deletes the table's range). */
  delete(): void {
    this.queue("Table.delete", undefined, () => {
      const fake = this.ctx.fake;
      const t = this.resolve();
      const s = fake.sheets.find((x) => x.id === t.sheetId)!;
      for (let r = t.rect.r0; r < t.rect.r0 + t.rect.nr; r++) for (let c = t.rect.c0; c < t.rect.c0 + t.rect.nc; c++) fake.setCell(s, r, c, null);
      fake.tables = fake.tables.filter((x) => x !== t);
    }, { writes: () => this.ctx.fake.sheets.find((x) => x.id === this.resolve().sheetId) ?? null });
  }
  set style(v: string) {
    this.queue("Table.style", v, () => void (this.resolve().style = v));
  }
  get style(): string {
    return this.got("style");
  }
  /** A navigation property: the same proxy every time (Office.js caches it), so a load on it sticks. */
  get worksheet(): WorksheetProxy {
    return (this.sheetProxy ??= new WorksheetProxy(this.ctx, "table.worksheet", () => {
      const t = this.resolve();
      return this.ctx.fake.sheets.find((s) => s.id === t.sheetId) ?? null;
    }));
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.ctx, this.worksheet, () => this.resolve().rect);
  }
  /** TableRowCollection: add(index, values) only, at the end (index null/undefined) as the adapters use it. */
  get rows(): any {
    return setterObject("TableRowCollection", [], () => undefined, {}, {
      add: (index: number | null | undefined, values: unknown[][]) => {
        this.queue("TableRowCollection.add", values, () => {
          const fake = this.ctx.fake;
          const t = this.resolve();
          if (index !== null && index !== undefined) throw new Error("fake: TableRowCollection.add at an index not modelled");
          if (!Array.isArray(values) || values.length === 0 || values.some((r) => !Array.isArray(r) || r.length !== t.rect.nc)) {
            throw new FakeOfficeError("InvalidArgument", `The number of columns in the input array doesn't match the table (${t.rect.nc}).`, "TableRowCollection.add");
          }
          const s = fake.sheets.find((x) => x.id === t.sheetId)!;
          const end = t.rect.r0 + t.rect.nr; // first row below the table
          // Excel inserts cells in the table's columns: what is below moves down
          const n = values.length;
          for (let r = s.rows.length - 1; r >= end; r--) {
            for (let c = t.rect.c0; c < t.rect.c0 + t.rect.nc; c++) {
              const v = s.rows[r]?.[c];
              if (v === undefined || v === "") continue;
              (s.rows[r + n] ??= [])[c] = v;
              s.rows[r]![c] = "";
            }
          }
          values.forEach((row, i) => row.forEach((v, c) => {
            if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") {
              throw new FakeOfficeError("InvalidArgument", `unsupported value ${String(v)}`, "TableRowCollection.add");
            }
            fake.setCell(s, end + i, t.rect.c0 + c, v);
          }));
          t.rect = { ...t.rect, nr: t.rect.nr + n };
        }, { writes: () => this.ctx.fake.sheets.find((x) => x.id === this.resolve().sheetId) ?? null });
      },
    });
  }
}

class ChartCollection {
  private loadedItems: { name: string; delete: () => void }[] | undefined = undefined;
  constructor(private readonly ctx: Ctx, private readonly sheet: WorksheetProxy) {
    Object.seal(this);
  }
  /** load("items/..."): the sheet's charts, each with delete(). */
  load(arg?: unknown): this {
    void arg;
    let items: { name: string; delete: () => void }[] = [];
    this.ctx.enqueue({
      op: "ChartCollection.load", bytes: 40,
      run: () => {
        const s = this.sheet.resolve();
        items = s.charts.map((rec, i) => ({
          name: `Chart ${i + 1}`,
          delete: () => this.ctx.enqueue({
            op: "Chart.delete", bytes: 0, writes: () => this.sheet.resolve(),
            run: () => {
              const sh = this.sheet.resolve();
              if (!sh.charts.includes(rec)) throw new FakeOfficeError("ItemNotFound", "The chart does not exist.", "Chart.delete");
              sh.charts = sh.charts.filter((x) => x !== rec);
            },
          }),
        }));
        return () => void (this.loadedItems = items);
      },
    });
    return this;
  }
  get items(): { name: string; delete: () => void }[] {
    if (!this.loadedItems) throw notLoaded("ChartCollection", "items");
    return this.loadedItems;
  }
  add(type: string, source: RangeProxy, seriesBy: string): any {
    const record: ChartRecord = { type, seriesBy, source: { sheet: "", address: "" }, props: {} };
    this.ctx.enqueue({
      op: "ChartCollection.add",
      bytes: 60,
      run: () => {
        if (!["Line", "ColumnClustered", "BarClustered"].includes(type)) throw new FakeOfficeError("InvalidArgument", `chart type ${type}`, "ChartCollection.add");
        const rect = source.resolveRect();
        record.source = { sheet: source.sheet.resolve().name, address: rectAddress(rect) };
        this.sheet.resolve().charts.push(record);
      },
      writes: () => this.sheet.resolve(),
    });
    const set = (path: string, v: unknown, set?: string): void =>
      this.ctx.enqueue({ op: `Chart.${path}`, bytes: jsonBytes(v), set, run: () => void (record.props[path] = v) });
    return setterObject("Chart", ["name", "top", "left", "height", "width"], (p, v) => set(p, v), {
      title: () => setterObject("ChartTitle", ["text", "visible"], (p, v) => set(`title.${p}`, v)),
      legend: () => setterObject("ChartLegend", ["position", "visible"], (p, v) => set(`legend.${p}`, v)),
      axes: () =>
        setterObject("ChartAxes", [], () => undefined, {
          valueAxis: () =>
            setterObject("ChartAxis", ["numberFormat", "minimum", "maximum"], (p, v) => set(`valueAxis.${p}`, v, p === "numberFormat" ? "1.8" : undefined), {
              title: () => setterObject("ChartAxisTitle", ["text"], (p, v) => set(`valueAxis.title.${p}`, v)),
            }),
          categoryAxis: () => setterObject("ChartAxis", ["numberFormat"], (p, v) => set(`categoryAxis.${p}`, v)),
        }),
    }, {
      setPosition: (start: string, end?: string) =>
        this.ctx.enqueue({ op: "Chart.setPosition", bytes: 20, run: () => void (record.position = [start, end ?? start]) }),
    });
  }
}

class NamedItemCollection extends ClientObject {
  protected readonly type = "NamedItemCollection";
  protected readProp(prop: string): unknown {
    throw new Error(`fake: NamedItemCollection.${prop} not modelled`);
  }
  override load(arg?: unknown): this {
    const paths = loadPaths(arg).map((p) => p.replace(/^items\//, ""));
    let items: NamedItemProxy[] = [];
    this.ctx.enqueue({
      op: "NamedItemCollection.load",
      bytes: 40,
      run: () => {
        items = this.ctx.fake.names.map((n) => {
          const p = new NamedItemProxy(this.ctx, n);
          p.fill(paths);
          return p;
        });
        return () => this.loaded.set("items", items);
      },
      responseBytes: () => items.length * 60,
    });
    return this;
  }
  get items(): NamedItemProxy[] {
    return this.got("items");
  }
  add(name: string, reference: RangeProxy | string): void {
    this.queue("NamedItemCollection.add", name, () => {
      const fake = this.ctx.fake;
      if (fake.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
        throw new FakeOfficeError("ItemAlreadyExists", `The name "${name}" already exists.`, "NamedItemCollection.add");
      }
      if (typeof reference === "string") throw new Error("fake: names.add with a formula string not modelled");
      fake.names.push({ name, sheetId: reference.sheet.resolve().id, rect: reference.resolveRect() });
    }, { set: "1.4" });
  }
}

class NamedItemProxy extends ClientObject {
  protected readonly type = "NamedItem";
  constructor(ctx: Ctx, private readonly data: NameData) {
    super(ctx);
    Object.seal(this);
  }
  protected readProp(prop: string): unknown {
    if (prop === "name") return this.data.name;
    if (prop === "value") return this.ctx.fake.nameValue(this.data);
    throw new Error(`fake: NamedItem.${prop} not modelled`);
  }
  fill(paths: string[]): void {
    for (const p of paths) this.loaded.set(p, this.readProp(p));
  }
  get name(): string {
    return this.got("name");
  }
  get value(): unknown {
    return this.got("value");
  }
  delete(): void {
    this.queue("NamedItem.delete", undefined, () => {
      const fake = this.ctx.fake;
      fake.names = fake.names.filter((n) => n !== this.data);
    });
  }
}

class SettingCollection {
  constructor(private readonly ctx: Ctx) {
    Object.seal(this);
  }
  add(key: string, value: unknown): void {
    this.ctx.enqueue({
      op: "SettingCollection.add",
      bytes: jsonBytes(value),
      set: "1.4",
      run: () => void this.ctx.fake.settings.set(key, JSON.stringify(value)), // stored serialized, like Excel
    });
  }
  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.ctx, key);
  }
}

class SettingProxy extends ClientObject {
  protected readonly type = "Setting";
  constructor(ctx: Ctx, private readonly key: string) {
    super(ctx);
    Object.seal(this);
  }
  protected override exists(): boolean {
    this.ctx.fake.requireSet("1.4", "SettingCollection.getItemOrNullObject");
    return this.ctx.fake.settings.has(this.key);
  }
  protected readProp(prop: string): unknown {
    if (prop === "value") return JSON.parse(this.ctx.fake.settings.get(this.key)!);
    if (prop === "key") return this.key;
    throw new Error(`fake: Setting.${prop} not modelled`);
  }
  get value(): unknown {
    return this.got("value");
  }
  delete(): void {
    this.ctx.enqueue({ op: "Setting.delete", bytes: 0, set: "1.4", run: () => void this.ctx.fake.settings.delete(this.key) });
  }
}

class ShapeCollection {
  private loadedItems: { id: string; delete: () => void }[] | undefined = undefined;
  constructor(private readonly ctx: Ctx, private readonly sheet: WorksheetProxy) {
    Object.seal(this);
  }
  load(arg?: unknown): this {
    void arg;
    let items: { id: string; delete: () => void }[] = [];
    this.ctx.enqueue({
      op: "ShapeCollection.load", bytes: 40, set: "1.9",
      run: () => {
        items = this.sheet.resolve().shapes.map((sh) => ({
          id: sh.id,
          delete: () => this.ctx.enqueue({
            op: "Shape.delete", bytes: 0, set: "1.9", writes: () => this.sheet.resolve(),
            run: () => {
              const s = this.sheet.resolve();
              s.shapes = s.shapes.filter((x) => x !== sh);
            },
          }),
        }));
        return () => void (this.loadedItems = items);
      },
    });
    return this;
  }
  get items(): { id: string; delete: () => void }[] {
    if (!this.loadedItems) throw notLoaded("ShapeCollection", "items");
    return this.loadedItems;
  }
}

/** A custom XML part of the workbook (ExcelApi 1.5): its id and the XML text it holds. */
export interface CustomXmlPartData {
  id: string;
  xml: string;
}

/** The namespace URI of a part's root element (what getByNamespace matches), "" when it has none. */
function rootNamespace(xml: string): string {
  const body = xml.replace(/^\uFEFF/, "").replace(/<\?xml[^>]*\?>/, "").replace(/<!--[\s\S]*?-->/g, "").trimStart();
  const m = /^<(?:([A-Za-z_][\w.-]*):)?[A-Za-z_][\w.-]*\b([^>]*)>/.exec(body);
  if (!m) return "";
  const attr = m[1] ? `xmlns:${m[1]}` : "xmlns";
  const ns = new RegExp(`${attr.replace(".", "\\.")}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(m[2]);
  return ns ? (ns[2] ?? ns[3]) : "";
}

class CustomXmlPartProxy {
  constructor(private readonly ctx: Ctx, private readonly resolveData: () => CustomXmlPartData) {
    Object.seal(this);
  }
  getXml(): { readonly value: string } {
    let value: string | undefined;
    let done = false;
    this.ctx.enqueue({
      op: "CustomXmlPart.getXml", bytes: 0, set: "1.5",
      run: () => {
        const xml = this.resolveData().xml;
        return () => ((value = xml), (done = true));
      },
      responseBytes: () => jsonBytes(value ?? ""),
    });
    return {
      get value(): string {
        if (!done) throw notLoaded("ClientResult", "value");
        return value!;
      },
    };
  }
  setXml(xml: string): void {
    this.ctx.enqueue({
      op: "CustomXmlPart.setXml", bytes: jsonBytes(xml), set: "1.5",
      run: () => {
        const d = this.resolveData();
        if (rootNamespace(xml) === "" && !/^\s*(<\?xml[^>]*\?>)?\s*</.test(xml)) throw new FakeOfficeError("InvalidArgument", "not XML", "CustomXmlPart.setXml");
        d.xml = xml;
      },
    });
  }
  delete(): void {
    this.ctx.enqueue({
      op: "CustomXmlPart.delete", bytes: 0, set: "1.5",
      run: () => {
        const d = this.resolveData();
        this.ctx.fake.customXmlParts = this.ctx.fake.customXmlParts.filter((x) => x !== d);
      },
    });
  }
}

class CustomXmlPartCollection {
  constructor(private readonly ctx: Ctx) {
    Object.seal(this);
  }
  add(xml: string): CustomXmlPartProxy {
    let created: CustomXmlPartData | undefined;
    this.ctx.enqueue({
      op: "CustomXmlPartCollection.add", bytes: jsonBytes(xml), set: "1.5",
      run: () => {
        if (!/^\s*(<\?xml[^>]*\?>)?\s*<[A-Za-z_]/.test(xml.replace(/^\uFEFF/, ""))) throw new FakeOfficeError("InvalidArgument", "The XML is not valid.", "CustomXmlPartCollection.add");
        created = { id: `{${this.ctx.fake.customXmlParts.length + 1}-part}`, xml };
        this.ctx.fake.customXmlParts.push(created);
      },
    });
    return new CustomXmlPartProxy(this.ctx, () => {
      if (!created) throw new FakeOfficeError("ItemNotFound", "The part was not added.", "CustomXmlPart");
      return created;
    });
  }
  /** CustomXmlPartScopedCollection: load("items") gives the parts whose root is in the namespace, at that sync. */
  getByNamespace(ns: string): any {
    const ctx = this.ctx;
    let items: CustomXmlPartProxy[] | undefined;
    return {
      load(arg?: unknown) {
        void arg;
        ctx.enqueue({
          op: "CustomXmlPartScopedCollection.load", bytes: jsonBytes(ns), set: "1.5",
          run: () => {
            const found = ctx.fake.customXmlParts.filter((p) => rootNamespace(p.xml) === ns).map((p) => new CustomXmlPartProxy(ctx, () => p));
            return () => void (items = found);
          },
        });
        return this;
      },
      get items(): CustomXmlPartProxy[] {
        if (!items) throw notLoaded("CustomXmlPartScopedCollection", "items");
        return items;
      },
    };
  }
}
