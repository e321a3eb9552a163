// The one home for Excel serial <-> date. A serial counts days: in the 1900 system serial 1 is
// 1900-01-01 and Excel counts a 29 February 1900 that never was (serial 60), so serials from 61 on are
// the plain count of days from 1899-12-30; in the 1904 system serial 0 is 1904-01-01, i.e. the 1900
// serial minus 1462. The time of day is the fraction. Excel shows 1900-01-01 to 9999-12-31
// (docs/input-format.md), serials 1 to MAX_SERIAL.
//
// Dates here are "wall clock in the UTC fields": a Date's UTC year/month/day/hours are the cell's.
//
// The callers do not all want the same thing, and each keeps the behaviour it had (outputs unchanged):
// - reading a workbook's date-formatted number (adapters/xlsx/read-core) uses serialToDate: any
//   serial 0..MAX_SERIAL in either system, the fraction kept to the millisecond; 1900-system 60
//   reads as 1900-02-28 (the day Excel's fictitious 29th stands in for), serials below 60 from
//   1899-12-31. Anything else comes back as the number, so the parser can name the cell.
// - a day cell read by the parser (core/values readDate) uses isoFromSerial: whole days 1..MAX_SERIAL
//   only (the fraction dropped), and serial 60 is no date at all (a "not-a-date" issue rather than
//   a guessed day), the 1900 system only, because the xlsx reader has already turned date-formatted
//   cells into Dates and a bare number in a date column is taken as Excel would show it in 1900.
// - a drill's time cell whose format was lost (core/drill/time) uses serialToDatePlain: the plain
//   count from 1899-12-30 without the 1900-02-29 correction (a drill is never in early 1900) and it
//   accepts up to MAX_SERIAL + 1 (its own bound: 10000-01-01 00:00 still reads).
// - writers use dateToSerial, the inverse of the plain count, with no correction for days before
//   1900-03-01 (no output of ours has one) and no bounds: the xlsx sheet writer in the input's date
//   system; the Office adapter and the chart caches (adapters/xlsx/charts) always in the 1900 system
//   (Excel's JavaScript API takes 1900-system serials; the chart's cached values are refreshed by
//   Excel from the cells when it opens the workbook).

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;
/** Day 0 of the plain 1900-system count (serial 61 = 1900-03-01). */
export const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** Day 0 for 1900-system serials below 60 (serial 1 = 1900-01-01). */
const EPOCH_1900_BEFORE_MARCH = Date.UTC(1899, 11, 31);
const FEB_28_1900 = Date.UTC(1900, 1, 28);
/** Day 0 of the 1904 system. */
export const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** Days between the two systems' day 0: a 1904 serial is the 1900 serial minus this. */
export const DATE1904_OFFSET = 1462;
/** 9999-12-31, the last day Excel can show. */
export const MAX_SERIAL = 2_958_465;

/**
 * Turns an Excel serial into a Date at UTC, or returns it unchanged when no date can stand for it
 * (not finite, below 0, above MAX_SERIAL). The reader's rule: see the module comment.
 */
export function serialToDate(serial: number, date1904: boolean): Date | number {
  if (!Number.isFinite(serial) || serial < 0 || serial > MAX_SERIAL) return serial;
  const ms = Math.round(serial * DAY_MS);
  if (date1904) return new Date(EPOCH_1904 + ms);
  if (serial < 60) return new Date(EPOCH_1900_BEFORE_MARCH + ms);
  if (serial < 61) return new Date(FEB_28_1900 + ms - 60 * DAY_MS);
  return new Date(EPOCH_1900 + ms);
}

/**
 * The plain count from 1899-12-30 (no 1900-02-29 correction, no bounds: the caller checks), the
 * fraction rounded to the millisecond. The inverse of dateToSerial in the 1900 system.
 */
export function serialToDatePlain(serial: number): Date {
  return new Date(EPOCH_1900 + Math.round(serial * DAY_MS));
}

/**
 * Excel 1900-system serial to a day "YYYY-MM-DD" (serial 1 = 1900-01-01), the fraction dropped;
 * undefined outside 1..MAX_SERIAL (also NaN) and for 60, Excel's fictitious 1900-02-29.
 */
export function isoFromSerial(serial: number): string | undefined {
  const whole = Math.floor(serial);
  if (!(whole >= 1 && whole <= MAX_SERIAL)) return undefined; // also NaN: never an Invalid Date
  if (whole === 60) return undefined;
  const days = whole < 60 ? whole - 1 : whole - 2; // days after 1900-01-01
  const t = Date.UTC(1900, 0, 1) + days * DAY_MS;
  return new Date(t).toISOString().slice(0, 10);
}

/** A day "YYYY-MM-DD" to its 1900-system serial, counting Excel's 1900-02-29 (1900-03-01 = 61). */
export function serialFromIso(iso: string): number {
  const t = Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
  const days = Math.round((t - Date.UTC(1900, 0, 1)) / DAY_MS);
  return days >= 59 ? days + 2 : days + 1;
}

/**
 * A Date (UTC calendar day, time of day kept as the fraction) as an Excel serial in the given date
 * system (the 1900 system unless date1904). The plain count: no correction before 1900-03-01.
 */
export function dateToSerial(d: Date, date1904 = false): number {
  const serial = (d.getTime() - EPOCH_1900) / DAY_MS;
  return date1904 ? serial - DATE1904_OFFSET : serial;
}
