// The preview's workbook writer: the same grafting writer as the CLI (src/adapters/xlsx/graft.ts),
// producing the bytes in memory. The input package is copied entry by entry, LossDesk's sheets
// replace theirs in place or are added at the end, and the settings go into LossDesk's custom XML
// part; nothing of the input (charts, pivot tables, macros) is lost, and no ExcelJS is loaded.

import type { OutputSheets } from "../host-api";
import { graftWorkbook } from "../adapters/xlsx/graft";
import { MemorySink } from "../adapters/xlsx/zip-writer";
import { SETTINGS_SHEET } from "./settings";

export interface ApplyResult {
  bytes: Uint8Array;
  /** Names of the sheets written, in order. */
  sheets: string[];
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
  checkpoint(0.1);
  checkpoint(0.4);
  const sink = new MemorySink();
  const result = graftWorkbook(input, { tables: out.tables, reports: out.reports, settings }, sink);
  checkpoint(0.7);
  return { bytes: sink.bytes(), sheets: result.sheets };
}

function checkUniqueNames(out: OutputSheets): void {
  const seen = new Set<string>();
  const names = [...out.tables.map((t) => t.name), ...out.reports.flatMap((r) => [r.data.name, r.sheet.name])];
  for (const name of names) {
    const key = name.toLowerCase(); // Excel compares sheet names case-insensitively
    if (seen.has(key)) throw new Error(`two output sheets are named "${name}"`);
    // an old workbook's settings sheet (before the custom XML part) is still read, never written over
    if (key === SETTINGS_SHEET) throw new Error(`"${name}" is reserved for LossDesk's settings`);
    seen.add(key);
  }
}
