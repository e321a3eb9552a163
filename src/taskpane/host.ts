// The one seam between the task pane and the workbook it works on. The pane receives a
// WorkbookHost and calls nothing else: inside Excel it is the Office.js host
// (src/adapters/office), in the browser preview the in-memory ExcelJS host (src/preview), in
// component tests a fake. Types only: no Office.js, no ExcelJS here.

import type { WorkbookSnapshot } from "../core/workbook";
import type { OutputSheets, ReportOutput } from "../core/outputs";

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

export interface WorkbookHost {
  readonly kind: "excel" | "preview" | "test";
  /** Excel's display language ("zh-CN", "en-US", ...), or the browser's in the preview. */
  displayLanguage(): string;
  /** Office theme colours when Excel gives them; undefined outside Office. */
  theme?(): { bodyBackground?: string; bodyForeground?: string; isDark?: boolean } | undefined;

  /** Read every sheet's used range and its Excel tables. */
  readWorkbook(progress?: Progress, signal?: AbortSignal): Promise<WorkbookSnapshot>;
  /** Write (or regenerate) output sheets. Input sheets are never touched. */
  writeSheets(out: OutputSheets, progress?: Progress, signal?: AbortSignal): Promise<WrittenSheets>;
  /** Select a cell (e.g. the cell an issue names) and bring its sheet to the front. */
  selectCell(sheet: string, cell: string): Promise<void>;
  activateSheet(sheet: string): Promise<void>;

  /** Settings saved in the workbook, so they travel with the file (JSON text), or undefined. */
  loadSettings(): Promise<string | undefined>;
  saveSettings(json: string): Promise<void>;
}
