// A WorkbookHost for component tests: serves an in-memory WorkbookSnapshot, records what the pane
// asks of the workbook, and keeps the settings text like a workbook would. Like a workbook, it
// applies the pane's cell edits (writeCells) to the snapshot and reports people's edits in the
// sheet (edit(), which calls the watchCells listeners); like Excel, its own writes are reported
// back to the listeners as changes too.

import type {
  CellEdits, OutputSheets, Progress, WatchArea, WatchedChange, WorkbookHost, WrittenSheets,
} from "../../src/taskpane/host";
import type { CellValue, SheetSnapshot, TableRows, TableSheetModel, WorkbookSnapshot } from "../../src/core/workbook";
import { headerRowNumber } from "../../src/core/workbook";
import { colLetter, parseA1Range } from "../../src/core/sheet-address";
import { generateSample } from "../../src/core/sample";

/** jsdom has no layout: give scrollers a height and stub ResizeObserver so virtual lists render a window. */
export function installDomStubs(): void {
  const w = window as unknown as { ResizeObserver?: unknown };
  if (!w.ResizeObserver) {
    w.ResizeObserver = class { observe() {} unobserve() {} disconnect() {} };
  }
  Object.defineProperty(HTMLElement.prototype, "clientHeight", { configurable: true, get: () => 400 });
  Object.defineProperty(HTMLElement.prototype, "clientWidth", { configurable: true, get: () => 360 });
  // A scroller's content height, from the sized child a virtual list puts in it.
  Object.defineProperty(HTMLElement.prototype, "scrollHeight", {
    configurable: true,
    get(this: HTMLElement) {
      const inner = this.firstElementChild as HTMLElement | null;
      return Math.max(400, parseFloat(inner?.style.height ?? "") || 0);
    },
  });
  // jsdom doesn't scroll: keep the offset asked for and tell the listeners, as a browser would.
  HTMLElement.prototype.scrollTo = function (this: HTMLElement, a?: ScrollToOptions | number, b?: number) {
    const top = typeof a === "number" ? b : a?.top;
    if (top === undefined) return;
    Object.defineProperty(this, "scrollTop", { configurable: true, writable: true, value: top });
    setTimeout(() => this.dispatchEvent(new Event("scroll")));
  } as HTMLElement["scrollTo"];
}

/** A sheet model as the writer lays it out: preamble lines, a blank row, the header, the data. */
export function sheetOf(m: TableSheetModel<TableRows>): SheetSnapshot {
  const rows: SheetSnapshot["rows"] = [];
  for (const line of m.preamble ?? []) rows.push([line]);
  if (m.preamble?.length) rows.push(undefined);
  const header = headerRowNumber(m);
  rows.push(m.columns.map((c) => c.header));
  for (const r of m.rows) rows.push([...r]);
  const last = header + m.rows.length;
  const ref = `A${header}:${colLetter(m.columns.length - 1)}${last}`;
  return { name: m.name, rows, tables: m.tableName ? [{ name: m.tableName, ref, headerRow: true }] : [] };
}

export function snapshotOf(models: TableSheetModel[]): WorkbookSnapshot {
  return { sheets: models.map(sheetOf) };
}

/** The synthetic sample (with its faulty rows) as a snapshot. */
export function sampleSnapshot(clients = 60, products = 4, seed = 7): WorkbookSnapshot {
  return snapshotOf(generateSample({ clients, products, seed }).sheets);
}

/** n clients with one lot each in one product that fell from 1.5 to 1.2: fast to build, fast to analyse. */
export function bigSnapshot(n: number): WorkbookSnapshot {
  const nav: SheetSnapshot = {
    name: "产品净值",
    rows: [["产品代码", "净值日期", "单位净值"], ["LC2026A01", "2026-08-14", 1.5], ["LC2026A01", "2026-11-27", 1.2]],
    tables: [],
  };
  const rms = ["王磊", "李娜", "张伟", "刘洋"];
  const rows: SheetSnapshot["rows"] = [["客户编号", "客户姓名", "产品代码", "持有份额", "买入金额", "客户经理", "风险承受能力", "年龄"]];
  for (let i = 0; i < n; i++) {
    const shares = 1000 + ((i * 7919) % 400_000);
    rows.push([
      `C${String(i + 1).padStart(6, "0")}`, `客户${i + 1}`, "LC2026A01", shares, Math.round(shares * 150) / 100,
      rms[i % rms.length], i % 3 === 0 ? "C2" : "C4", 40 + (i % 40),
    ]);
  }
  return { sheets: [nav, { name: "客户持仓", rows, tables: [] }] };
}

export interface FakeHost extends WorkbookHost {
  readWorkbook: jest.Mock<Promise<WorkbookSnapshot>, [Progress?, AbortSignal?]>;
  writeSheets: jest.Mock<Promise<WrittenSheets>, [OutputSheets, Progress?, AbortSignal?]>;
  selectCell: jest.Mock<Promise<void>, [string, string]>;
  activateSheet: jest.Mock<Promise<void>, [string]>;
  loadSettings: jest.Mock<Promise<string | undefined>, []>;
  saveSettings: jest.Mock<Promise<void>, [string]>;
  /** The settings text as the workbook holds it now. */
  settings?: string;
  /** The signal of the last read, to check that a cancel reached the host. */
  lastReadSignal?: AbortSignal;
  writeCells?: jest.Mock<Promise<void>, [CellEdits]>;
  watchCells?: jest.Mock<Promise<() => Promise<void>>, [WatchArea, (c: WatchedChange) => void]>;
  /** The listeners registered with watchCells and not removed. */
  watchers: Set<{ area: WatchArea; onChange: (c: WatchedChange) => void }>;
  /** A person types into cells of `sheet`: the snapshot changes, then the watchers hear of it. */
  edit(sheet: string, cells: { address: string; value: CellValue }[], opts?: { resync?: boolean }): void;
  /** The value of one cell of the snapshot as it stands ("A1" on `sheet`), undefined when empty. */
  cell(sheet: string, address: string): CellValue | undefined;
}

export interface FakeHostOptions {
  language?: string;
  settings?: string;
  /** A read that only ends when it is cancelled (for the cancel test). */
  hangingRead?: boolean;
  /** Make readWorkbook fail with this error. */
  readError?: Error;
  writeError?: Error;
  /** Offer writeCells / watchCells (default true): false is a host without them (the pane then rewrites the drill's sheets). */
  cellWrites?: boolean;
  watch?: boolean;
  /** Apply writeSheets' table models to the snapshot (a sheet of the same name replaced). */
  applyWrites?: boolean;
}

function sheetNamed(snap: WorkbookSnapshot, name: string): SheetSnapshot {
  const s = snap.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!s) throw new Error(`fake host: no sheet "${name}"`);
  return s;
}

function setCell(sheet: SheetSnapshot, address: string, value: CellValue): void {
  const r = parseA1Range(address);
  if (!r) throw new Error(`fake host: bad address "${address}"`);
  const row = (sheet.rows[r.r0] ??= []);
  row[r.c0] = value;
}

export function createFakeHost(snapshot: WorkbookSnapshot, o: FakeHostOptions = {}): FakeHost {
  const host: FakeHost = {
    kind: "test",
    settings: o.settings,
    displayLanguage: () => o.language ?? "zh-CN",
    theme: () => undefined,
    readWorkbook: jest.fn(async (progress?: Progress, signal?: AbortSignal) => {
      host.lastReadSignal = signal;
      progress?.(0.1, "reading");
      if (o.readError) throw o.readError;
      if (o.hangingRead) {
        await new Promise<never>((_, reject) =>
          signal?.addEventListener("abort", () => reject(Object.assign(new Error("aborted"), { name: "AbortError" }))));
      }
      progress?.(1);
      return snapshot;
    }),
    writeSheets: jest.fn(async (out: OutputSheets, progress?: Progress) => {
      progress?.(0.5);
      if (o.writeError) throw o.writeError;
      return { sheets: [...out.tables.map((t) => t.name), ...out.reports.flatMap((r) => [r.sheet.name, r.data.name])] };
    }),
    selectCell: jest.fn(async (_sheet: string, _cell: string) => {}),
    activateSheet: jest.fn(async (_sheet: string) => {}),
    loadSettings: jest.fn(async () => host.settings),
    saveSettings: jest.fn(async (json: string) => { host.settings = json; }),
    watchers: new Set(),
    edit(sheet, cells, opts = {}) {
      const s = sheetNamed(snapshot, sheet);
      for (const c of cells) setCell(s, c.address, c.value);
      notify(s.name, cells, !!opts.resync);
    },
    cell(sheet, address) {
      const r = parseA1Range(address)!;
      return sheetNamed(snapshot, sheet).rows[r.r0]?.[r.c0] ?? undefined;
    },
  };

  /** What the watchers of `sheet` hear: the watched cells among `cells`, with their values now. */
  function notify(sheet: string, cells: { address: string }[], resync: boolean): void {
    for (const w of [...host.watchers]) {
      if (w.area.sheet.toLowerCase() !== sheet.toLowerCase()) continue;
      const inside = cells.filter((c) => {
        const m = /^([A-Z]+)(\d+)$/.exec(c.address)!;
        return w.area.columns.includes(m[1]) && +m[2] >= w.area.firstRow && +m[2] <= w.area.lastRow;
      });
      if (inside.length === 0 && !resync) continue;
      w.onChange({ cells: inside.map((c) => ({ address: c.address, value: host.cell(sheet, c.address) ?? null })), resync });
    }
  }

  if (o.cellWrites !== false) {
    host.writeCells = jest.fn(async (edits: CellEdits) => {
      if (o.writeError) throw o.writeError;
      for (const a of edits.appends) {
        const t = a.tableName
          ? snapshot.sheets.flatMap((sh) => sh.tables.map((tb) => ({ sh, tb }))).find((x) => x.tb.name.toLowerCase() === a.tableName!.toLowerCase())
          : undefined;
        const sh = t?.sh ?? sheetNamed(snapshot, a.sheet);
        const r = t ? parseA1Range(t.tb.ref)! : { r0: 0, c0: 0, r1: sh.rows.length - 1, c1: 0 };
        a.rows.forEach((values, i) => {
          const row: CellValue[] = (sh.rows[r.r1 + 1 + i] ??= []);
          values.forEach((v, c) => { row[r.c0 + c] = v; });
        });
        // the table grows with its rows, as Excel's table.rows.add does
        if (t) t.tb.ref = `${colLetter(r.c0)}${r.r0 + 1}:${colLetter(r.c1)}${r.r1 + 1 + a.rows.length}`;
      }
      const bySheet = new Map<string, { address: string }[]>();
      for (const c of edits.cells) {
        const sh = sheetNamed(snapshot, c.sheet);
        setCell(sh, c.address, c.value);
        bySheet.set(sh.name, [...(bySheet.get(sh.name) ?? []), c]);
      }
      // Excel reports an add-in's own writes to onChanged handlers too
      for (const [sheet, cells] of bySheet) notify(sheet, cells, false);
    });
  }
  if (o.watch !== false && o.cellWrites !== false) {
    host.watchCells = jest.fn(async (area: WatchArea, onChange: (c: WatchedChange) => void) => {
      const w = { area, onChange };
      host.watchers.add(w);
      return async () => { host.watchers.delete(w); };
    });
  }
  if (o.applyWrites) {
    const write = host.writeSheets.getMockImplementation()!;
    host.writeSheets.mockImplementation(async (out, progress, signal) => {
      const result = await write(out, progress, signal);
      for (const m of out.tables) {
        const i = snapshot.sheets.findIndex((x) => x.name.toLowerCase() === m.name.toLowerCase());
        if (i >= 0) snapshot.sheets[i] = sheetOf(m);
        else snapshot.sheets.push(sheetOf(m));
      }
      return result;
    });
  }
  return host;
}
