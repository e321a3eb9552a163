// core/excel-date: the one home for Excel serial <-> date. Each function keeps the rule its caller
// had before the move (see the module comment); these name the exact days so a change shows.
import {
  DATE1904_OFFSET, MAX_SERIAL, dateToSerial, isoFromSerial, serialFromIso, serialToDate, serialToDatePlain,
} from "../src/core/excel-date";

const utc = (y: number, m: number, d: number, h = 0, mi = 0, s = 0) => new Date(Date.UTC(y, m - 1, d, h, mi, s));

describe("serialToDate (the xlsx reader's rule)", () => {
  test("1900 system around Excel's fictitious 1900-02-29", () => {
    expect(serialToDate(1, false)).toEqual(utc(1900, 1, 1));
    expect(serialToDate(59, false)).toEqual(utc(1900, 2, 28));
    expect(serialToDate(60, false)).toEqual(utc(1900, 2, 28)); // the 29th that never was
    expect(serialToDate(61, false)).toEqual(utc(1900, 3, 1));
    expect(serialToDate(0, false)).toEqual(utc(1899, 12, 31));
  });
  test("the last day and beyond", () => {
    expect(serialToDate(MAX_SERIAL, false)).toEqual(utc(9999, 12, 31));
    expect(serialToDate(MAX_SERIAL + 0.5, false)).toBe(MAX_SERIAL + 0.5);
    expect(serialToDate(-0.5, false)).toBe(-0.5);
    expect(serialToDate(NaN, false)).toBeNaN();
  });
  test("fractions of a day, kept to the millisecond", () => {
    expect(serialToDate(46353.5, false)).toEqual(utc(2026, 11, 27, 12));
    expect(serialToDate(46353 + 10 / 24 + 5 / 1440, false)).toEqual(utc(2026, 11, 27, 10, 5));
    expect(serialToDate(59.75, false)).toEqual(utc(1900, 2, 28, 18));
    expect(serialToDate(60.25, false)).toEqual(utc(1900, 2, 28, 6));
  });
  test("1904 system: serial 0 is 1904-01-01, 1462 days after the 1900 count", () => {
    expect(DATE1904_OFFSET).toBe(1462);
    expect(serialToDate(0, true)).toEqual(utc(1904, 1, 1));
    expect(serialToDate(1, true)).toEqual(utc(1904, 1, 2));
    expect(serialToDate(46353 - 1462, true)).toEqual(utc(2026, 11, 27));
    expect(serialToDate(44891.25, true)).toEqual(utc(2026, 11, 27, 6));
  });
});

describe("isoFromSerial / serialFromIso (the parser's day cells)", () => {
  test("1, 59, 60, 61 and the last day", () => {
    expect(isoFromSerial(1)).toBe("1900-01-01");
    expect(isoFromSerial(59)).toBe("1900-02-28");
    expect(isoFromSerial(60)).toBeUndefined(); // not a day: the parser names the cell
    expect(isoFromSerial(61)).toBe("1900-03-01");
    expect(isoFromSerial(MAX_SERIAL)).toBe("9999-12-31");
    expect(isoFromSerial(MAX_SERIAL + 1)).toBeUndefined();
    expect(isoFromSerial(0)).toBeUndefined();
    expect(isoFromSerial(NaN)).toBeUndefined();
  });
  test("the fraction is dropped", () => {
    expect(isoFromSerial(46353.99)).toBe("2026-11-27");
    expect(isoFromSerial(0.5)).toBeUndefined();
  });
  test("back again", () => {
    expect(serialFromIso("1900-01-01")).toBe(1);
    expect(serialFromIso("1900-02-28")).toBe(59);
    expect(serialFromIso("1900-03-01")).toBe(61);
    expect(serialFromIso("2026-11-27")).toBe(46353);
    expect(serialFromIso("9999-12-31")).toBe(MAX_SERIAL);
  });
});

describe("dateToSerial / serialToDatePlain (writers and drill times: the plain count)", () => {
  test("1900 and 1904 systems, with the time of day", () => {
    expect(dateToSerial(utc(2026, 11, 27))).toBe(46353);
    expect(dateToSerial(utc(2026, 11, 27, 18))).toBe(46353.75);
    expect(dateToSerial(utc(2026, 11, 27), true)).toBe(44891);
    expect(dateToSerial(utc(2026, 11, 27, 6), true)).toBe(44891.25);
    expect(dateToSerial(utc(1900, 3, 1))).toBe(61);
    // No correction before 1900-03-01: 1900-01-01 is written as 2 (Excel would say 1).
    expect(dateToSerial(utc(1900, 1, 1))).toBe(2);
  });
  test("serialToDatePlain is its inverse, without the 1900-02-29 correction", () => {
    expect(serialToDatePlain(46353.75)).toEqual(utc(2026, 11, 27, 18));
    expect(serialToDatePlain(61)).toEqual(utc(1900, 3, 1));
    expect(serialToDatePlain(1)).toEqual(utc(1899, 12, 31));
    expect(serialToDatePlain(MAX_SERIAL + 1)).toEqual(utc(10000, 1, 1));
  });
});
