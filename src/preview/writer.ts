// The preview's workbook writer: ExcelJS, the sheet renderer, the report renderer and the chart
// injection. The preview host loads this module with import(), so ExcelJS (about 1 MB minified)
// is fetched only when something is written, and never by the Excel task pane.
//
// Same steps as the CLI's writeWorkbookWithSheets (src/adapters/exceljs/write.ts), minus the files:
// the input's sheets are kept as ExcelJS loads them, each output sheet replaces the sheet of its
// name in place or is added at the end, the reports are rendered after the tables (a chart's data
// sheet must exist first), and the charts are added to the written package.

import ExcelJS from "exceljs";
import type { TableSheetModel } from "../core/workbook";
import type { OutputSheets } from "../taskpane/host";
import { replaceTableSheet } from "../adapters/exceljs/sheets";
import { chartsOfReport, renderReportSheet, writeWorkbookBytes } from "../adapters/exceljs/report";
import type { ChartToAdd } from "../adapters/xlsx/charts";
import { SETTINGS_KEY, SETTINGS_SHEET } from "./settings";


export interface ApplyResult {
  bytes: Uint8Array;
  /** Names of the sheets written, in order (the settings sheet not included). */
  sheets: string[];
  /** The charts added to the package: ExcelJS drops charts on load, so a later edit must add them again. */
  charts: ChartToAdd[];
}

/**
 * Applies `out` (and the settings, when given) to the workbook `input` and returns the new
 * package. `checkpoint` runs between steps so a cancelled write stops early; it throws to cancel.
 */
export async function applyOutputs(
  input: Uint8Array,
  out: OutputSheets,
  settings: string | undefined,
  checkpoint: (fraction: number) => void = () => undefined,
): Promise<ApplyResult> {
  checkUniqueNames(out);
  const wb = new ExcelJS.Workbook();
  checkpoint(0.1);
  // ExcelJS's typings want a Node Buffer; its loader (JSZip) takes any Uint8Array or ArrayBuffer.
  await wb.xlsx.load(input as unknown as ArrayBuffer);
  checkpoint(0.4);
  const written: string[] = [];
  for (const table of out.tables) {
    replaceTableSheet(wb, table);
    written.push(table.name);
  }
  checkpoint(0.55);
  const charts: ChartToAdd[] = [];
  for (const report of out.reports) {
    replaceTableSheet(wb, report.data);
    written.push(report.data.name);
    charts.push(...chartsOfReport(wb, renderReportSheet(wb, report.sheet)));
    written.push(report.sheet.name);
  }
  if (settings !== undefined) putSettings(wb, settings);
  checkpoint(0.7);
  const bytes = await writeWorkbookBytes(wb, charts);
  return { bytes, sheets: written, charts };
}

function putSettings(wb: ExcelJS.Workbook, json: string): void {
  const model: TableSheetModel = {
    name: SETTINGS_SHEET,
    columns: [{ header: "key", width: 12 }, { header: "value", width: 60 }],
    rows: [[SETTINGS_KEY, json]],
  };
  const ws = replaceTableSheet(wb, model);
  // Hidden, not veryHidden: out of the way, but an analyst or auditor can still unhide and read it.
  ws.state = "hidden";
}

function checkUniqueNames(out: OutputSheets): void {
  const seen = new Set<string>();
  const names = [...out.tables.map((t) => t.name), ...out.reports.flatMap((r) => [r.data.name, r.sheet.name])];
  for (const name of names) {
    const key = name.toLowerCase(); // Excel compares sheet names case-insensitively
    if (seen.has(key)) throw new Error(`two output sheets are named "${name}"`);
    if (key === SETTINGS_SHEET) throw new Error(`"${name}" is reserved for LossDesk's settings`);
    seen.add(key);
  }
}
