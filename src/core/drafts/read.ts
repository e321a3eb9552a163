// Reading what people typed on the two sheets: a header row found in either language, cell values
// as text, channels and statuses in either language's words.

import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../workbook";
import { Locale, type Text } from "../i18n";
import { CHANNELS, CHANNEL_ALIASES, CHANNEL_LABEL, type Channel, type DraftStatus, LOCALES, STATUSES, STATUS_LABEL } from "./vocabulary";

export const norm = (s: string) => s.normalize("NFKC").trim().toLowerCase();

export function parseChannel(v: string): Channel | undefined {
  const s = norm(v);
  return CHANNELS.find((c) => CHANNEL_ALIASES[c].some((a) => norm(a) === s) || norm(CHANNEL_LABEL[c]["en-US"]) === s);
}

export function cellString(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v.error;
}

export function findSheet(wb: WorkbookSnapshot, names: Text): SheetSnapshot | undefined {
  const want = [norm(names["zh-CN"]), norm(names["en-US"])];
  return wb.sheets.find((s) => want.includes(norm(s.name)));
}

/** The header row (0-based) and the column of each wanted header, looking at the first 20 rows. */
export function findHeader<K extends string>(sheet: SheetSnapshot, headers: Record<K, Text>, required: readonly K[]): { row: number; cols: Map<K, number> } | undefined {
  const lookup = new Map<string, K>();
  for (const k of Object.keys(headers) as K[]) for (const l of LOCALES) lookup.set(norm(headers[k][l]), k);
  for (let r = 0; r < Math.min(20, sheet.rows.length); r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    const cols = new Map<K, number>();
    row.forEach((v, c) => {
      const k = typeof v === "string" ? lookup.get(norm(v)) : undefined;
      if (k !== undefined && !cols.has(k)) cols.set(k, c);
    });
    if (required.every((k) => cols.has(k))) return { row: r, cols };
  }
  return undefined;
}

/** A status as typed, in either language, in this locale's words; unknown text is kept as typed. */
export function statusIn(v: string, locale: Locale): string {
  const st = parseStatus(v);
  return st ? STATUS_LABEL[st][locale] : v;
}

export function parseStatus(v: string): DraftStatus | undefined {
  const s = norm(v);
  return STATUSES.find((k) => norm(STATUS_LABEL[k]["zh-CN"]) === s || norm(STATUS_LABEL[k]["en-US"]) === s);
}
