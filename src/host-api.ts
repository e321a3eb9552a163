// The one seam between the task pane and the workbook it works on. The pane receives a
// WorkbookHost and calls nothing else: inside Excel it is the Office.js host
// (src/adapters/office), in the browser preview the in-memory host (src/preview), in component
// tests a fake. Types only, plus HostError, the one error class every host throws: no Office.js,
// no DOM, no React here, so the adapters import it without depending on the pane's folder.
//
// Why here and not in src/core: this is the pane's port, not a business rule. It speaks of UI
// notions (display language, theme colours, selecting a cell, progress bars, AbortSignal) that the
// CLI never uses; src/core stays what the CLI, the pane and the tests share.

import type { CellValue, WorkbookSnapshot } from "./core/workbook";
import type { OutputSheets, ReportOutput } from "./core/outputs";
import type { Analysis } from "./core/analysis";
import type { ScoringConfig } from "./core/risk";
import type { IsoDate } from "./core/values";
import type { Locale } from "./core/i18n";

/** Progress of a long step, 0..1, with a short label for the progress bar. */
export type Progress = (fraction: number, label?: string) => void;

export type { OutputSheets, ReportOutput };

export interface WrittenSheets {
  /** Names of the sheets written, in order. */
  sheets: string[];
}

/** Thrown by a host for problems the user can act on; `message` is already in the pane's language. */
export class HostError extends Error {
  constructor(message: string, readonly code: string = "host") {
    super(message);
  }
}

/** One cell to write: an A1 address on `sheet` (no sheet name in it), its value (null clears it). */
export interface CellEdit {
  sheet: string;
  address: string;
  value: CellValue;
  /** Number format to give the cell (e.g. a time format for a Date). */
  numFmt?: string;
}

/**
 * Rows to add at the end of an Excel table (found by name on any sheet, so the table grows with
 * them), or, without a table name, below the last used row of `sheet`.
 */
export interface RowsAppend {
  sheet: string;
  tableName?: string;
  rows: CellValue[][];
  /** Number format per column of the rows (undefined: leave the column's format alone). */
  numFmts?: (string | undefined)[];
}

export interface CellEdits {
  cells: CellEdit[];
  appends: RowsAppend[];
}

/** The cells a host watches for people's edits: some columns of a row range on one sheet. */
export interface WatchArea {
  sheet: string;
  /** Column letters ("F", "G", "H"). */
  columns: string[];
  /** 1-based, inclusive. */
  firstRow: number;
  lastRow: number;
}

export interface WatchedChange {
  /** The watched cells inside the changed range, with the values they hold now. */
  cells: { address: string; value: CellValue }[];
  /**
   * Rows or columns were inserted or deleted, or a co-author changed the sheet: cell positions
   * (or the state behind them) may have moved, so the pane re-reads rather than trusting `cells`.
   */
  resync: boolean;
}

export interface AnalyzeInputOptions {
  asOf?: IsoDate;
  locale: Locale;
  scoring?: ScoringConfig;
}

export interface HostAnalysis {
  analysis: Analysis;
  /** Every sheet except those holding the input tables (readWorkbook returns the same from now on). */
  snapshot: WorkbookSnapshot;
}

export interface WorkbookHost {
  readonly kind: "excel" | "preview" | "test";
  /** Excel's display language ("zh-CN", "en-US", ...), or the browser's in the preview. */
  displayLanguage(): string;
  /** Office theme colours when Excel gives them; undefined outside Office. */
  theme?(): { bodyBackground?: string; bodyForeground?: string; isDark?: boolean } | undefined;
  /** Calls `listener` when the theme changes (Office's theme event or a re-read); returns the unsubscribe. */
  onThemeChange?(listener: () => void): () => void;

  /** Read every sheet's used range and its Excel tables. */
  readWorkbook(progress?: Progress, signal?: AbortSignal): Promise<WorkbookSnapshot>;
  /**
   * Optional: analyse the workbook's input tables as a stream (rows become lots as they are read,
   * no cells kept), and return the analysis with a snapshot of the other sheets only (LossDesk's
   * generated sheets, the drill's, anything not holding an input table): what the pane carries
   * over and opens besides. A host without it is read whole with readWorkbook and analysed there.
   */
  analyzeInput?(options: AnalyzeInputOptions, progress?: Progress, signal?: AbortSignal): Promise<HostAnalysis>;
  /** Write (or regenerate) output sheets. Input sheets are never touched. */
  writeSheets(out: OutputSheets, progress?: Progress, signal?: AbortSignal): Promise<WrittenSheets>;
  /** Select a cell (e.g. the cell an issue names) and bring its sheet to the front. */
  selectCell(sheet: string, cell: string): Promise<void>;
  activateSheet(sheet: string): Promise<void>;

  /** Settings saved in the workbook, so they travel with the file (JSON text), or undefined. */
  loadSettings(): Promise<string | undefined>;
  saveSettings(json: string): Promise<void>;

  // ---- optional: small in-place edits and change events (the drill uses them) ----
  // A host without them still works: the pane then rewrites the drill's sheets with writeSheets,
  // and only the pane changes the drill (no worksheet events).

  /**
   * Writes a few cells and appends rows, as one request where the host can, so a status, its time
   * stamps and its log line land together (a stamped time whose log line is missing would read
   * back as typed). The appends are applied before the cells.
   */
  writeCells?(edits: CellEdits): Promise<void>;
  /**
   * Calls `onChange` after people change cells inside `area` (the host's own writes may call it
   * too: the pane treats a change to the value it already holds as nothing). Resolves once the
   * watch is in place, with the function that removes it.
   */
  watchCells?(area: WatchArea, onChange: (change: WatchedChange) => void): Promise<() => Promise<void>>;
}
