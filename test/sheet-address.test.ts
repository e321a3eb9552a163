// core/sheet-address: A1 helpers, the sheet-name quoting of formulas and messages, cellIssue.
import {
  cellIssue, cellRef, colIndex, colLetter, parseA1Range, quoteSheetName, unquoteSheetName,
} from "../src/core/sheet-address";

test("column letters both ways", () => {
  expect([0, 25, 26, 27, 701, 702, 16383].map(colLetter)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA", "XFD"]);
  expect(["A", "z", "AA", "AB", "ZZ", "AAA", "XFD"].map(colIndex)).toEqual([0, 25, 26, 27, 701, 702, 16383]);
});

test("A1 ranges", () => {
  expect(parseA1Range("B2:D9")).toEqual({ r0: 1, c0: 1, r1: 8, c1: 3 });
  expect(parseA1Range(" $C$5 ")).toEqual({ r0: 4, c0: 2, r1: 4, c1: 2 });
  expect(parseA1Range("客户!A1")).toBeUndefined();
});

test("sheet names in formulas are always quoted, a quote doubled", () => {
  expect(quoteSheetName("It's")).toBe("'It''s'");
  expect(quoteSheetName("客户持仓")).toBe("'客户持仓'");
  expect(unquoteSheetName("'It''s'")).toBe("It's");
  expect(unquoteSheetName("Sheet1")).toBe("Sheet1");
});

test("messages quote a sheet name only when Excel would", () => {
  expect(cellRef("客户持仓", "F39")).toBe("客户持仓!F39");
  expect(cellRef("My sheet", "A1")).toBe("'My sheet'!A1");
  expect(cellRef("It's", "A1")).toBe("'It''s'!A1");
  expect(cellRef("2026", "B2")).toBe("'2026'!B2");
  expect(cellIssue("error", "It's", "C3", "negative-shares", "持有份额为负数（-100）")).toEqual({
    severity: "error", sheet: "It's", cell: "C3", code: "negative-shares", message: "'It''s'!C3: 持有份额为负数（-100）",
  });
});
