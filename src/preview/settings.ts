// Where the preview finds the pane's settings inside the workbook: LossDesk's custom XML part
// (core/settings-xml.ts, written by the grafting writer; Excel's add-in uses the same part), and,
// for workbooks saved by earlier versions, the hidden "_lossdesk" sheet with its key/value table
// (row 1 the header, then "settings" | <JSON>). That sheet is still read and still left out of the
// snapshots, but no longer written.

import type { CellValue, SheetSnapshot } from "../core/workbook";

export const SETTINGS_SHEET = "_lossdesk";
export const SETTINGS_KEY = "settings";

export function isSettingsSheet(name: string): boolean {
  return name.toLowerCase() === SETTINGS_SHEET;
}

/** The settings JSON in the old settings sheet, or undefined when there is none. */
export function settingsFromSheet(sheet: SheetSnapshot | undefined): string | undefined {
  if (!sheet) return undefined;
  for (let r = 1; r < sheet.rows.length; r++) {
    const row: CellValue[] | undefined = sheet.rows[r];
    if (row && row[0] === SETTINGS_KEY && typeof row[1] === "string") return row[1];
  }
  return undefined;
}
