// Out-of-range cells (issue 12): each is a cell issue naming sheet!cell, never NaN or a throw.

import { analyzeWorkbook, resultJson } from "../src/core/analysis";
import { LIMITS } from "../src/core/money";
import { readDate, readText, Bad } from "../src/core/values";
import type { CellValue, WorkbookSnapshot } from "../src/core/workbook";

const D = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

function workbook(lots: CellValue[][], navs: CellValue[][] = [["P1", D(2026, 11, 26), 1.5], ["P1", D(2026, 11, 27), 1.2]]): WorkbookSnapshot {
  return {
    sheets: [
      { name: "净值", rows: [["产品代码", "净值日期", "单位净值"], ...navs], tables: [] },
      { name: "持仓", rows: [["客户编号", "产品代码", "持有份额", "买入金额", "买入净值", "买入日期"], ...lots], tables: [] },
    ],
  };
}

const messages = (wb: WorkbookSnapshot, locale: "zh-CN" | "en-US" = "en-US") => analyzeWorkbook(wb, { locale }).issues.map((i) => i.message);

test("the bounds keep every fen figure below 2^53", () => {
  expect(LIMITS.amountYuan * 100 * 3).toBeLessThan(2 ** 52);
  expect(LIMITS.totalFen).toBeLessThan(Number.MAX_SAFE_INTEGER / 2);
});

test("a NaN in a date cell (a broken <v>) is a cell issue, not 'Invalid time value'", () => {
  expect(readText(new Date(NaN))).toEqual(new Bad("not-a-date", "?"));
  expect(readDate(NaN)).toEqual(new Bad("not-a-date", "NaN"));
  const wb = workbook([["K01", "P1", 100, 150, null, new Date(NaN)], ["K02", "P1", 100, 150, null, NaN], ["K03", new Date(NaN), 100, 150, null, null]]);
  expect(messages(wb)).toEqual([
    '持仓!F2: purchase date is not a date: "?"',
    '持仓!F3: purchase date is not a date: "NaN"',
    '持仓!B4: product code is not a date: "?"',
  ]);
});

test("1e308 and 1e20 shares are refused with the bound; the P&L never reads NaN.NaN", () => {
  const wb = workbook([["K01", "P1", 1e308, 150], ["K02", "P1", 1e20, 150], ["K03", "P1", 100, 150]]);
  const a = analyzeWorkbook(wb, { locale: "en-US" });
  expect(a.issues.map((i) => i.message)).toEqual([
    "持仓!C2: shares is beyond the range that can be computed exactly (1e+308, at most 1000000000000); row left out",
    "持仓!C3: shares is beyond the range that can be computed exactly (100000000000000000000, at most 1000000000000); row left out",
  ]);
  const t = resultJson(a).totals;
  expect([t.lotRows, t.lotsAccepted, t.pnl]).toEqual([3, 1, "-30.00"]);
  expect(messages(workbook([["K01", "P1", 1e20, 150]]), "zh-CN")).toEqual([
    "持仓!C2: 持有份额超出可精确计算的范围（100000000000000000000，上限 1000000000000），该行未计入",
  ]);
});

test("shares within bounds whose market value is not: the lot's shares x NAV is bounded too", () => {
  expect(messages(workbook([["K01", "P1", 1e12, null, 1.0]]))).toEqual([
    "持仓!C2: market value (shares x NAV) is beyond the range that can be computed exactly (1200000000000, at most 100000000000); row left out",
  ]);
});

test("the accepted lots together stay within 2^51 fen", () => {
  // Each lot: cost 90,000,000,000 yuan, market value 80,000,000,000 x 1.2 = 96,000,000,000 yuan,
  // together 1.86e13 fen; 121 of them fit in 2^51 fen, the 122nd (sheet row 123) would not.
  const lots: CellValue[][] = Array.from({ length: 130 }, (_, i) => [`K${i}`, "P1", 8e10, 9e10]);
  const a = analyzeWorkbook(workbook(lots), { locale: "en-US" });
  const refused = a.issues.filter((i) => i.code === "total-out-of-range");
  expect(refused.map((i) => i.cell)).toEqual(Array.from({ length: 9 }, (_, i) => `C${123 + i}`));
  expect(refused[0].message).toBe(
    "持仓!C123: the accepted lots together exceed the amount that can be computed exactly (2269200000000000, at most 2251799813685248); this row and later ones that would exceed it are left out",
  );
  expect(a.lotsAccepted).toBe(121);
  expect(resultJson(a).totals.cost).toBe("10890000000000.00");
  expect(Number.isSafeInteger(a.totals.costFen + a.totals.marketValueFen)).toBe(true);
});

test("a NAV above 1e6 and a date past 9999-12-31 are cell issues", () => {
  const wb = workbook([["K01", "P1", 100, 150]], [["P1", D(2026, 11, 26), 1.5], ["P1", D(2026, 11, 27), 1e7], ["P1", "10000-01-01", 1.2], ["P1", 99991231, 1.2]]);
  expect(messages(wb)).toEqual([
    "净值!C3: unit NAV is beyond the range that can be computed exactly (10000000, at most 1000000); row left out",
    '净值!B4: NAV date is not a date: "10000-01-01"',
  ]);
  // 9999-12-31 itself is in range: it becomes the as-of day.
  expect(analyzeWorkbook(wb).asOf).toBe("9999-12-31");
});
