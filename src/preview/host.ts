// The browser preview's WorkbookHost: an in-memory workbook instead of Excel, so the real task pane
// can be tried (and tested end to end) in any browser, with no Office, no sign-in and no upload.
//
// - The workbook is the bytes of an .xlsx file the user opened (a local file or the bundled
//   sample). They never leave the page: there is no fetch here at all.
// - Reading uses our own streaming reader (src/adapters/xlsx/read-stream.ts) with the browser's
//   DecompressionStream, the same code the CLI runs with zlib. analyzeInput streams the input
//   tables into the engine (core/stream-input.ts: no cells, no Lot objects kept), so a 200,000-lot
//   workbook fits in a tab; the snapshot the pane gets (readWorkbook) holds only the sheets that
//   carry no input table (LossDesk's generated sheets, the drill's, the rest), for carrying over
//   what people typed. Before the first analysis it holds every sheet.
// - Writing uses the CLI's grafting writer (./writer, loaded lazily): the current bytes copied part
//   by part with the output sheets grafted on; the result becomes the current workbook, so later
//   reads see the written sheets, and download() hands it out. Drill edits (writeCells) go through
//   the same writer, so every chart (the report's and the input's own) survives them.
// - Settings live in memory, and are written into LossDesk's custom XML part (the one the Excel
//   add-in uses) with the next writeSheets, so they travel with the downloaded file; opening a
//   workbook with that part, or with the hidden "_lossdesk" sheet of earlier versions, restores
//   them. That old sheet is left out of the snapshots the pane reads, and no longer written.
// - selectCell / activateSheet record the selection for the preview chrome to show.

import type { SheetSnapshot, WorkbookSnapshot } from "../core/workbook";
import { describeReadError, WorkbookReadError } from "../adapters/xlsx/read-core";
import { openXlsxStream } from "../adapters/xlsx/read-stream";
import { analyzeStream, readSheets, type StreamWorkbook } from "../core/stream-input";
import { GENERATED_SHEETS } from "../core/analysis";
import { openZipBrowser } from "../adapters/xlsx/zip-browser";
import type { ZipArchive } from "../adapters/xlsx/zip-core";
import { settingsFromPackage } from "../adapters/xlsx/settings-part";
import { HostError, type AnalyzeInputOptions, type CellEdits, type HostAnalysis, type OutputSheets, type Progress, type WorkbookHost, type WrittenSheets } from "../host-api";
import { isSettingsSheet, settingsFromSheet } from "./settings";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const XLSM_MIME = "application/vnd.ms-excel.sheet.macroEnabled.12";

export interface PreviewSelection {
  sheet: string;
  /** undefined when only the sheet was activated. */
  cell?: string;
}

/** What the preview chrome shows; a new object after every change. */
export interface PreviewState {
  /** The file name as opened, or undefined before the first open. */
  fileName?: string;
  /** Every sheet of the current workbook, in tab order (the settings sheet left out). */
  sheets: string[];
  /** Sheets LossDesk wrote into the current workbook since it was opened. */
  written: string[];
  selection?: PreviewSelection;
  /** Why the last opened file could not be read, in the display language. */
  openError?: string;
  /** A write or open in progress. */
  busy: boolean;
}

export interface PreviewHost extends WorkbookHost {
  readonly kind: "preview";
  /** Makes `bytes` the current workbook. Rejects (and leaves no workbook open) if it cannot be read. */
  open(bytes: Uint8Array, name: string): Promise<void>;
  analyzeInput(options: AnalyzeInputOptions, progress?: Progress, signal?: AbortSignal): Promise<HostAnalysis>;
  state(): PreviewState;
  /** Calls `listener` after every state change; returns the unsubscribe function. */
  subscribe(listener: (state: PreviewState) => void): () => void;
  /** The current workbook (the input plus what LossDesk wrote). Throws HostError when none is open. */
  download(): Blob;
  /** `<input name>-lossdesk.xlsx`. */
  downloadName(): string;
  /** The current workbook's bytes (for tests). */
  bytes(): Uint8Array | undefined;
  /** A sheet of the current workbook as last read (for the chrome's cell view). */
  sheet(name: string): SheetSnapshot | undefined;
}

export interface PreviewHostOptions {
  /** The display language; default the browser's (navigator.language), else zh-CN. */
  language?: string;
  /** The zip opener; default the browser's DecompressionStream one. */
  openZip?: (bytes: Uint8Array) => ZipArchive;
}

type Writer = typeof import("./writer");

const MESSAGES = {
  noWorkbook: {
    "zh-CN": "还没有打开工作簿：请先在上方点“打开示例”或选择一个 .xlsx 文件。",
    "en-US": "No workbook is open: choose “Open sample” or an .xlsx file above.",
  },
  unreadable: { "zh-CN": "无法读取 {name}：{why}", "en-US": "Cannot read {name}: {why}" },
  writeFailed: { "zh-CN": "写入工作表失败：{why}", "en-US": "Writing the sheets failed: {why}" },
};

export function createPreviewHost(options: PreviewHostOptions = {}): PreviewHost {
  const language = options.language || (typeof navigator !== "undefined" ? navigator.language : "") || "zh-CN";
  const locale = language.toLowerCase().startsWith("en") ? "en-US" : "zh-CN";
  const openZip = options.openZip ?? openZipBrowser;
  const msg = (key: keyof typeof MESSAGES, vars: Record<string, string> = {}): string =>
    MESSAGES[key][locale].replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? "");

  let fileName: string | undefined;
  let current: Uint8Array | undefined;
  let snapshot: WorkbookSnapshot | undefined;
  let stream: StreamWorkbook | undefined;
  // The sheets holding the input tables the last analysis of this workbook found: left out of
  // the snapshot (the analysis streams them), kept across writes (writes add sheets, never move tables).
  let inputSheets = new Set<string>();
  // The rows around the last cell selected on an input-table sheet (for the chrome's cell view).
  let around: SheetSnapshot | undefined;
  const WINDOW = 40;
  let allSheets: string[] = [];
  let written: string[] = [];
  let selection: PreviewSelection | undefined;
  let openError: string | undefined;
  let settings: string | undefined;
  let busy = 0;
  let view: PreviewState = { sheets: [], written: [], busy: false };
  const listeners = new Set<(s: PreviewState) => void>();
  // Opens, writes and settings saves run one after another: each builds on the bytes the previous
  // one produced, and two writes racing would lose one's sheets.
  let queue: Promise<unknown> = Promise.resolve();
  let writer: Promise<Writer> | undefined;

  function changed(): void {
    view = { fileName, sheets: allSheets, written, selection, openError, busy: busy > 0 };
    for (const l of listeners) l(view);
  }

  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(async () => {
      busy++;
      changed();
      try {
        return await task();
      } finally {
        busy--;
        changed();
      }
    });
    queue = run.catch(() => undefined);
    return run;
  }

  function loadWriter(): Promise<Writer> {
    // A failed chunk load (e.g. the dev server restarted) should be retried next time, not cached.
    writer ??= import("./writer").catch((err) => {
      writer = undefined;
      throw err;
    });
    return writer;
  }

  function macroEnabled(): boolean {
    return /\.xlsm$/i.test(fileName ?? "");
  }

  function requireWorkbook(): { bytes: Uint8Array; stream: StreamWorkbook } {
    if (!current || !stream) throw new HostError(openError ?? msg("noWorkbook"), openError ? "unreadable" : "no-workbook");
    return { bytes: current, stream };
  }

  /** The sheets of `wb` not in `except` (nor the old settings sheet), read whole. */
  async function snapshotOf(wb: StreamWorkbook, except: Set<string>): Promise<WorkbookSnapshot> {
    const sheets = await readSheets(wb, (name) => !except.has(name) && !isSettingsSheet(name));
    return wb.warnings?.length ? { sheets, warnings: wb.warnings } : { sheets };
  }

  /** Makes `bytes` the current workbook after a write: same input sheets, a fresh snapshot of the rest. */
  async function replaceBytes(bytes: Uint8Array): Promise<void> {
    const next = await openXlsxStream(bytes, openZip);
    const snap = await snapshotOf(next, inputSheets);
    current = bytes;
    stream = next;
    snapshot = snap;
    allSheets = next.sheets.map((s) => s.name).filter((n) => !isSettingsSheet(n));
  }

  /** A sheet whose XML cannot be read, reported as the open used to report it. */
  async function unreadable<T>(read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (err) {
      if (err instanceof WorkbookReadError) throw new HostError(msg("unreadable", { name: fileName ?? "", why: describeReadError(err, locale) }), "unreadable");
      throw err;
    }
  }

  function aborted(signal?: AbortSignal): void {
    if (signal?.aborted) throw signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
  }

  const host: PreviewHost = {
    kind: "preview",

    displayLanguage: () => language,

    open(bytes: Uint8Array, name: string): Promise<void> {
      return serial(async () => {
        fileName = name;
        written = [];
        selection = undefined;
        openError = undefined;
        current = undefined;
        snapshot = undefined;
        stream = undefined;
        inputSheets = new Set();
        around = undefined;
        allSheets = [];
        try {
          // Only the package's structure now: the sheets are read when the pane reads or analyses.
          const next = await openXlsxStream(bytes, openZip);
          const old = next.sheets.find((s) => isSettingsSheet(s.name));
          const settingsSheet = old ? (await readSheets(next, (n) => n === old.name))[0] : undefined;
          current = bytes;
          stream = next;
          allSheets = next.sheets.map((s) => s.name).filter((n) => !isSettingsSheet(n));
          // The workbook's own settings win over what was set in memory for the previous one.
          const saved = settingsFromPackage(bytes) ?? settingsFromSheet(settingsSheet);
          if (saved !== undefined) settings = saved;
        } catch (err) {
          current = undefined;
          stream = undefined;
          allSheets = [];
          openError = msg("unreadable", {
            name,
            why: err instanceof WorkbookReadError ? describeReadError(err, locale) : err instanceof Error ? err.message : String(err),
          });
          throw new HostError(openError, "unreadable");
        }
      });
    },

    async readWorkbook(progress?: Progress, signal?: AbortSignal): Promise<WorkbookSnapshot> {
      // Wait for an open or write in flight, so the pane never reads a half-replaced workbook.
      await queue;
      aborted(signal);
      const { stream: wb } = requireWorkbook();
      snapshot ??= await unreadable(() => snapshotOf(wb, inputSheets));
      progress?.(1);
      return snapshot;
    },

    async analyzeInput(options: AnalyzeInputOptions, progress?: Progress, signal?: AbortSignal): Promise<HostAnalysis> {
      await queue;
      aborted(signal);
      const { stream: wb } = requireWorkbook();
      const skipSheets = [...GENERATED_SHEETS, ...wb.sheets.map((s) => s.name).filter(isSettingsSheet)];
      // "source": each lot's sheet and row in typed arrays (the issues' and the drafts' cells), not the Lot objects.
      const analysis = await analyzeStream(wb, { asOf: options.asOf, locale: options.locale, scoring: options.scoring, skipSheets, lots: "source" });
      aborted(signal);
      const found = new Set(analysis.tables.map((t) => t.sheet));
      if (snapshot === undefined || [...found].some((n) => !inputSheets.has(n)) || inputSheets.size !== found.size) {
        inputSheets = found;
        snapshot = undefined; // let the full one go before reading the smaller one
        snapshot = await snapshotOf(wb, inputSheets);
      }
      progress?.(1);
      return { analysis, snapshot };
    },

    writeSheets(out: OutputSheets, progress?: Progress, signal?: AbortSignal): Promise<WrittenSheets> {
      return serial(async () => {
        const { bytes } = requireWorkbook();
        aborted(signal);
        progress?.(0.02);
        const w = await loadWriter();
        aborted(signal);
        let result: { bytes: Uint8Array; sheets: string[] };
        try {
          result = await w.applyOutputs(bytes, out, settings, (f) => {
            aborted(signal);
            progress?.(f);
          });
        } catch (err) {
          if (signal?.aborted || err instanceof HostError) throw err;
          throw new HostError(msg("writeFailed", { why: err instanceof Error ? err.message : String(err) }), "write");
        }
        // Past this point the write is committed: a cancel now would leave the pane believing
        // nothing was written while the workbook holds the sheets.
        progress?.(0.9);
        await replaceBytes(result.bytes);
        const seen = new Set(written.map((n) => n.toLowerCase()));
        for (const n of result.sheets) if (!seen.has(n.toLowerCase())) written = [...written, n];
        progress?.(1);
        return { sheets: result.sheets };
      });
    },

    writeCells(edits: CellEdits): Promise<void> {
      // the drill's few cells and log rows (./drill-cells: the grafting writer, loaded on demand)
      return serial(async () => {
        const { bytes } = requireWorkbook();
        const { editWorkbookBytes } = await import("./drill-cells");
        const next = await editWorkbookBytes(bytes, edits);
        await replaceBytes(next);
        changed();
      });
    },

    async selectCell(sheet: string, cell: string): Promise<void> {
      // An input-table sheet is not in the snapshot once analysed: read the rows around the cell
      // (one pass, stopped past them) so the chrome's cell view shows it.
      const m = /^[A-Z]+(\d+)$/.exec(cell);
      const ws = stream?.sheets.find((s) => s.name === sheet);
      if (m && ws && !snapshot?.sheets.some((s) => s.name === sheet)) {
        const at = Number(m[1]) - 1;
        const rows: SheetSnapshot["rows"] = [];
        await ws.read((r, row) => {
          if (r > at + WINDOW) return false;
          if (r >= at - WINDOW) rows[r] = row;
        });
        around = { name: sheet, rows, tables: ws.tables };
      }
      selection = { sheet, cell };
      changed();
    },

    async activateSheet(sheet: string): Promise<void> {
      selection = { sheet };
      changed();
    },

    async loadSettings(): Promise<string | undefined> {
      await queue;
      return settings;
    },

    async saveSettings(json: string): Promise<void> {
      // Kept in memory and put into the workbook by the next write, which rewrites the package
      // anyway: copying a big package on every settings change would cost time for nothing.
      settings = json;
    },

    state: () => view,

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    download(): Blob {
      const { bytes } = requireWorkbook();
      // A copy, so the Blob does not pin a buffer the host may replace (and typings want an ArrayBuffer view).
      return new Blob([bytes.slice()], { type: macroEnabled() ? XLSM_MIME : XLSX_MIME });
    },

    downloadName(): string {
      const base = (fileName ?? "workbook").replace(/\.(xlsx|xlsm|xls)$/i, "");
      // an .xlsm stays an .xlsm: the grafting writer keeps its macros and its content type, and
      // Excel refuses a macro-enabled package named .xlsx
      return `${base}-lossdesk.${macroEnabled() ? "xlsm" : "xlsx"}`;
    },

    bytes: () => current,

    // an input-table sheet is not kept once analysed (the chrome then shows the address only)
    sheet: (name: string) => snapshot?.sheets.find((s) => s.name === name) ?? (around?.name === name ? around : undefined),
  };
  return host;
}
