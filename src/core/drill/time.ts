// Reading a time cell of a drill workbook. Times arrive as Dates from time-formatted cells, as
// serials from cells whose format was lost, or as text people typed ("10:05", "2026-11-30 10:05",
// "2026/11/30 10:05", "10点05分"). A time of day alone is placed on the drill's day.

import { isCellError, type CellValue } from "../workbook";
import { MAX_SERIAL, serialToDatePlain } from "../excel-date";

export type TimeRead = { ok: true; value: Date | null } | { ok: false; shown: string };

function onDay(day: Date | undefined, h: number, m: number, s = 0): Date {
  const d = day ?? new Date(Date.UTC(1970, 0, 1));
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), h, m, s));
}

function validHm(h: number, m: number, s = 0): boolean {
  return h >= 0 && h <= 23 && m >= 0 && m <= 59 && s >= 0 && s <= 59;
}

/** Text to a wall-clock Date, or undefined. */
export function parseTimeText(text: string, day?: Date): Date | undefined {
  const s = text.normalize("NFKC").trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]+(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$/.exec(s);
  if (m) {
    const [y, mo, d, h, mi, se] = [+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)];
    if (!validHm(h, mi, se)) return undefined;
    const t = new Date(Date.UTC(y, mo - 1, d, h, mi, se));
    return t.getUTCMonth() === mo - 1 && t.getUTCDate() === d ? t : undefined;
  }
  m = /^(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?$/.exec(s) ?? /^(\d{1,2})[点时](\d{1,2})分?$/.exec(s);
  if (m) {
    const [h, mi, se] = [+m[1], +m[2], +(m[3] ?? 0)];
    return validHm(h, mi, se) ? onDay(day, h, mi, se) : undefined;
  }
  return undefined;
}

/**
 * A cell to a wall-clock time. Blank is { ok, null }; anything unreadable is { ok: false } with the
 * text to show in the message. `day` places a bare time of day (Excel gives "10:05" the serial
 * 0.42, i.e. 1899-12-30/31, which is never a real drill day).
 */
export function readTimeCell(v: CellValue | undefined, day?: Date): TimeRead {
  if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return { ok: true, value: null };
  if (isCellError(v)) return { ok: false, shown: v.error };
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { ok: false, shown: "?" };
    if (v.getUTCFullYear() < 1900) return { ok: true, value: onDay(day, v.getUTCHours(), v.getUTCMinutes(), v.getUTCSeconds()) };
    return { ok: true, value: v };
  }
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v < 0 || v > MAX_SERIAL + 1) return { ok: false, shown: String(v) };
    if (v < 1) {
      const secs = Math.round(v * 86400);
      return { ok: true, value: onDay(day, Math.floor(secs / 3600), Math.floor(secs / 60) % 60, secs % 60) };
    }
    return { ok: true, value: serialToDatePlain(v) };
  }
  if (typeof v === "boolean") return { ok: false, shown: String(v) };
  const t = parseTimeText(v, day);
  return t ? { ok: true, value: t } : { ok: false, shown: v.trim() };
}
