// A WorkbookHost for component tests: serves an in-memory WorkbookSnapshot, records what the pane
// asks of the workbook, and keeps the settings text like a workbook would.

import type { OutputSheets, Progress, WorkbookHost, WrittenSheets } from "../../src/taskpane/host";
import type { SheetSnapshot, TableSheetModel, WorkbookSnapshot } from "../../src/core/workbook";
import { headerRowNumber } from "../../src/core/workbook";
import { colLetter } from "../../src/core/input";
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
export function sheetOf(m: TableSheetModel): SheetSnapshot {
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
}

export interface FakeHostOptions {
  language?: string;
  settings?: string;
  /** A read that only ends when it is cancelled (for the cancel test). */
  hangingRead?: boolean;
  /** Make readWorkbook fail with this error. */
  readError?: Error;
  writeError?: Error;
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
  };
  return host;
}
