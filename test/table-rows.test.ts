// Produced rows (lazyRows) write exactly what the same rows in an array write, and the sheet
// writer takes each row once (plus the column-width sample), so a big sheet is never held whole.
import { lazyRows, tableRows, type CellValue, type TableSheetModel } from "../src/core/workbook";
import { MINIMAL_STYLES, StyleBook, writeTableSheet } from "../src/adapters/xlsx/sheet-writer";
import type { EntryWriter } from "../src/adapters/xlsx/zip-writer";

function collect(): EntryWriter & { xml(): string } {
  const parts: string[] = [];
  return { text: (s) => parts.push(s), bytes: () => undefined, end: () => undefined, xml: () => parts.join("") };
}

const row = (i: number): CellValue[] => [`C${String(i).padStart(6, "0")}`, i % 7 === 0 ? null : i * 1.25, i % 2 === 0 ? "短信" : "=SUM(A1)", new Date(Date.UTC(2026, 10, 1 + (i % 28)))];

function model<R extends TableSheetModel["rows"] | ReturnType<typeof lazyRows>>(rows: R) {
  return {
    name: "沟通草稿", preamble: ["标题", "说明"], tableName: "Drafts", freezeHeader: true, rows,
    columns: [{ header: "客户编号" }, { header: "金额", numFmt: "#,##0.00" }, { header: "渠道", list: ["短信", "电话"] }, { header: "日期" }],
  };
}

test("a sheet of 3,000 produced rows is written exactly as the same rows in an array", () => {
  const n = 3000;
  let made = 0;
  const lazy = lazyRows(n, (i) => { made++; return row(i); });
  const a = collect();
  const b = collect();
  writeTableSheet(a, model(Array.from({ length: n }, (_, i) => row(i))), { styles: new StyleBook(MINIMAL_STYLES), date1904: false }, "Drafts");
  writeTableSheet(b, model(lazy), { styles: new StyleBook(MINIMAL_STYLES), date1904: false }, "Drafts");
  expect(b.xml()).toBe(a.xml());
  expect(b.xml()).toContain('<row r="3004">');
  // 3,000 written + 2,000 and 20 sampled for the widths + 50 for the date formats
  expect(made).toBe(3000 + 2000 + 20 + 50);
});

test("lazyRows behaves like an array: length, at() in and out of range, iteration, tableRows", () => {
  const rows = lazyRows(3, (i) => [i]);
  expect(rows.length).toBe(3);
  expect(rows.at(0)).toEqual([0]);
  expect(rows.at(-1)).toEqual([2]);
  expect(rows.at(3)).toBeUndefined();
  expect(rows.at(1.5)).toBeUndefined();
  expect([...rows]).toEqual([[0], [1], [2]]);
  expect(tableRows({ rows })).toEqual([[0], [1], [2]]);
  const arr = [[1], [2]];
  expect(tableRows({ rows: arr })).toBe(arr);
});
