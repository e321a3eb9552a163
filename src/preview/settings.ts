// Where the preview keeps the pane's settings inside the workbook: a hidden sheet "_lossdesk" with
// a key/value table (row 1 the header, then "settings" | <JSON>). A sheet rather than a custom
// document property because ExcelJS 4.4 neither reads nor writes custom properties, and a plain
// string cell survives Excel, WPS and LibreOffice round trips. Kept apart from writer.ts so the
// host can read it without loading ExcelJS.

import type { CellValue, SheetSnapshot } from "../core/workbook";

export const SETTINGS_SHEET = "_lossdesk";
export const SETTINGS_KEY = "settings";

export function isSettingsSheet(name: string): boolean {
  return name.toLowerCase() === SETTINGS_SHEET;
}

/** The settings JSON in the settings sheet, or undefined when there is none. */
export function settingsFromSheet(sheet: SheetSnapshot | undefined): string | undefined {
  if (!sheet) return undefined;
  for (let r = 1; r < sheet.rows.length; r++) {
    const row: CellValue[] | undefined = sheet.rows[r];
    if (row && row[0] === SETTINGS_KEY && typeof row[1] === "string") return row[1];
  }
  return undefined;
}
