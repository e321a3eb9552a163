// CellValue -> what Range.values takes, so that every string lands as the same text.
//
// Range.values is not a raw store: Excel parses what it is given the way it parses typing. "=1+1"
// becomes a formula, "00123" the number 123, "2024-01-31" a date, "TRUE" a boolean, "50%" 0.5,
// "#N/A" an error. A leading apostrophe stops the parsing, and Excel keeps the text without it
// (the cell gets the "quote prefix" flag, which is invisible). So a string is sent with an
// apostrophe whenever Excel might read it as something else than the text: when it starts with
// = + - @ ' (formulas and the apostrophe itself), with a digit, ".", "(", a currency sign or "#",
// with whitespace, or is TRUE/FALSE or a month-name date. Text that starts with a letter or a CJK
// character (names, product names, notes) goes as it is.

import { isCellError, type CellValue } from "../../core/workbook";
import { dateToSerial } from "../../core/excel-date";
import { EXCEL_ERROR_TEXTS } from "./read";

export const MAX_CELL_TEXT = 32767;

const MONTH_DATE = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*[\s\-./,]*\d/i;

export function needsQuote(s: string): boolean {
  if (s === "") return false;
  const first = s[0];
  if (/^\p{L}/u.test(first)) return /^(true|false)$/i.test(s) || MONTH_DATE.test(s);
  return true; // "=", "+", "-", "@", "'", digits, punctuation, whitespace, symbols
}

// Excel's JavaScript API takes 1900-system serials whatever the workbook's date system.
export { dateToSerial };

export type OfficeValue = string | number | boolean;

export function toOfficeValue(v: CellValue | undefined): OfficeValue {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") {
    const s = v.length > MAX_CELL_TEXT - 1 ? v.slice(0, MAX_CELL_TEXT - 1) : v;
    return needsQuote(s) ? `'${s}` : s;
  }
  if (typeof v === "number") return Number.isFinite(v) ? v : "#NUM!"; // typed error text becomes the error value
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : dateToSerial(v);
  // a known error text is entered as that error; an unknown one would be stored as text: leave the cell empty
  if (isCellError(v)) return EXCEL_ERROR_TEXTS.has(v.error) ? v.error : "";
  return "";
}

/** Rough JSON size of a value in a request, to cut write blocks well under Excel on the web's 5 MB. */
export function payloadBytes(v: OfficeValue): number {
  if (typeof v === "string") {
    // UTF-8: ASCII 1 byte, CJK 3 (surrogate pairs count 2 x 3, a little over their 4: fine)
    let n = v.length + 3; // quotes and comma
    for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) > 0x7f) n += 2;
    return n;
  }
  if (typeof v === "number") return String(v).length + 1;
  return 6;
}
