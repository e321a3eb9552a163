import ExcelJS from "exceljs";
import JSZip from "jszip";
import fs from "fs";
import os from "os";
import path from "path";
import { addTableSheet, textWidth, writeNewWorkbook } from "../src/adapters/exceljs/write";
import { graftWorkbookFile } from "../src/adapters/xlsx/graft-node";
import type { TableSheetModel } from "../src/core/workbook";

/** The --out writer with the arguments the old ExcelJS round trip took. */
const writeWorkbookWithSheets = (input: string, output: string, models: TableSheetModel[]) => graftWorkbookFile(input, output, { tables: models });
import { SHEET_HOLDINGS, SHEET_NAV, generateSample } from "../src/core/sample";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "lossdesk-write-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
const file = (name: string): string => path.join(dir, name);

async function load(p: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(p);
  return wb;
}
async function sheetXml(p: string, sheetIndex: number): Promise<{ sheet: string; shared: string }> {
  const zip = await JSZip.loadAsync(fs.readFileSync(p));
  const sheet = await zip.file(`xl/worksheets/sheet${sheetIndex}.xml`)!.async("string");
  const sharedFile = zip.file("xl/sharedStrings.xml");
  return { sheet, shared: sharedFile ? await sharedFile.async("string") : "" };
}
function tableNames(ws: ExcelJS.Worksheet): string[] {
  return (ws.getTables() as unknown as { name: string }[]).map((t) => t.name);
}

const TRICKY = ['=HYPERLINK("http://x")', "+1", "@SUM(A1)", "-2", "=1+1"];

const model: TableSheetModel = {
  name: "结果",
  preamble: ["客户亏损测算", "分析日: 2026-11-27"],
  columns: [
    { header: "客户编号" },
    { header: "日期", numFmt: "yyyy-mm-dd" },
    { header: "金额", numFmt: "#,##0.00" },
    { header: "亏损率", numFmt: "0.00%" },
    { header: "备注", width: 30 },
    { header: "标记" },
  ],
  rows: [
    ["C000001", new Date(Date.UTC(2026, 6, 27)), 99999.99, -0.2, TRICKY[0], true],
    ["C000002", new Date(Date.UTC(2026, 10, 27)), -40000, 0.015, TRICKY[1], false],
    ["C000003", null, 12345.675, null, TRICKY[2], null],
    ["C000004", { error: "#N/A" }, Number.NaN, { error: "#BOGUS" }, TRICKY[3], null],
    ["C000005", null, 0, 0, TRICKY[4], null],
  ],
  tableName: "LossResults",
  freezeHeader: true,
};

describe("addTableSheet + writeNewWorkbook (in memory)", () => {
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  const p = () => file("roundtrip.xlsx");
  beforeAll(async () => {
    await writeNewWorkbook(p(), [model]);
    wb = await load(p());
    ws = wb.getWorksheet("结果")!;
  });

  test("layout: preamble in A1..A2 (title bold), blank row 3, header row 4, data from row 5", () => {
    expect(ws.getCell("A1").value).toBe("客户亏损测算");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A2").value).toBe("分析日: 2026-11-27");
    expect(ws.getRow(3).cellCount).toBe(0);
    expect(ws.getRow(4).values).toEqual([undefined, "客户编号", "日期", "金额", "亏损率", "备注", "标记"]);
    expect(ws.getCell("A5").value).toBe("C000001");
    expect(ws.getCell("A9").value).toBe("C000005");
    expect(ws.getCell("A10").value).toBeNull();
  });

  test("values come back as written: dates, numbers, booleans, errors, nulls", () => {
    expect(ws.getCell("B5").value).toEqual(new Date(Date.UTC(2026, 6, 27)));
    expect(ws.getCell("C5").value).toBe(99999.99);
    expect(ws.getCell("D5").value).toBe(-0.2);
    expect(ws.getCell("F5").value).toBe(true);
    expect(ws.getCell("F6").value).toBe(false);
    expect(ws.getCell("B7").value).toBeNull();
    expect(ws.getCell("C7").value).toBe(12345.675);
    expect(ws.getCell("B8").value).toEqual({ error: "#N/A" }); // a known error stays an error value
    expect(ws.getCell("C8").value).toEqual({ error: "#NUM!" }); // NaN cannot be stored: #NUM!
    expect(ws.getCell("D8").value).toBeNull(); // an unknown error code is written empty
    expect(ws.getCell("C9").value).toBe(0);
  });

  test("formula-looking strings stay strings, in ExcelJS and in the XML (shared strings, no <f>)", async () => {
    TRICKY.forEach((s, i) => {
      const cell = ws.getCell(`E${5 + i}`);
      expect(cell.value).toBe(s);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    });
    const { sheet, shared } = await sheetXml(p(), 1);
    expect(sheet).not.toContain("<f>");
    expect(sheet).not.toContain("<f ");
    expect(sheet).toMatch(/<c r="E5"[^>]* t="s"><v>\d+<\/v><\/c>/);
    expect(shared).toContain("<t>=HYPERLINK(&quot;http://x&quot;)</t>");
    expect(shared).toContain("<t>+1</t>");
    expect(shared).toContain("<t>@SUM(A1)</t>");
    expect(shared).toContain("<t>-2</t>");
    expect(sheet).toMatch(/<c r="B8"[^>]* t="e"><v>#N\/A<\/v><\/c>/);
  });

  test("number formats on the data cells, table with name/style/autofilter, frozen pane, widths", () => {
    expect(ws.getCell("B5").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("B7").numFmt).toBe("yyyy-mm-dd"); // also on blank cells of the column
    expect(ws.getCell("C5").numFmt).toBe("#,##0.00");
    expect(ws.getCell("D6").numFmt).toBe("0.00%");
    expect(ws.getCell("C4").numFmt).toBeUndefined(); // not on the header
    expect(tableNames(ws)).toEqual(["LossResults"]);
    const t = ws.getTable("LossResults") as unknown as { table: { ref: string; tableRef?: string; headerRow: boolean; style: { theme: string } } };
    expect(t.table.tableRef ?? t.table.ref).toBe("A4:F9");
    expect(t.table.headerRow).toBe(true);
    expect(t.table.style.theme).toBe("TableStyleMedium2");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    expect(ws.getColumn(5).width).toBe(30); // given width kept
    expect(ws.getColumn(1).width).toBe(11); // "客户编号" is 8 wide + 2 for the button + 1
  });

  test("textWidth counts CJK and full-width characters double", () => {
    expect(textWidth("abc")).toBe(3);
    expect(textWidth("客户编号")).toBe(8);
    expect(textWidth("ＡＢ（元）")).toBe(10);
  });

  test("a model without tableName is a plain range with a bold header and an autofilter", async () => {
    const wb2 = new ExcelJS.Workbook();
    const ws2 = addTableSheet(wb2, { name: "plain", columns: [{ header: "a" }, { header: "b" }], rows: [[1, "x"], [2, "y"]] });
    await wb2.xlsx.writeFile(file("plain.xlsx"));
    const back = (await load(file("plain.xlsx"))).getWorksheet("plain")!;
    expect(ws2.autoFilter).toBe("A1:B3");
    expect(back.getRow(1).values).toEqual([undefined, "a", "b"]);
    expect(back.getCell("A1").font?.bold).toBe(true);
    expect(back.getCell("B3").value).toBe("y");
    expect(tableNames(back)).toEqual([]);
    expect((back.views ?? []).filter((v) => v.state === "frozen")).toEqual([]); // no freezeHeader: no frozen pane
  });

  test("a table model without rows is written as a plain header (Excel refuses empty tables)", async () => {
    await writeNewWorkbook(file("empty.xlsx"), [{ name: "空", columns: [{ header: "a" }], rows: [], tableName: "T1" }]);
    const back = (await load(file("empty.xlsx"))).getWorksheet("空")!;
    expect(back.getCell("A1").value).toBe("a");
    expect(tableNames(back)).toEqual([]);
  });

  test("duplicate sheet names are refused before anything is written", async () => {
    await expect(writeNewWorkbook(file("dup.xlsx"), [model, { ...model, name: "结果" }])).rejects.toThrow('two output sheets are named "结果"');
    expect(fs.existsSync(file("dup.xlsx"))).toBe(false);
  });
});

describe("streaming writer", () => {
  test("the sample round-trips: values, formats, freeze, autofilter; no tables in streaming mode", async () => {
    const s = generateSample({ clients: 300, products: 6, seed: 7 });
    const p = file("stream.xlsx");
    await writeNewWorkbook(p, s.sheets, { streaming: true });
    const wb = await load(p);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["产品净值", "产品信息", "客户持仓"]);
    const nav = wb.getWorksheet(SHEET_NAV)!;
    expect(nav.getCell("A1").value).toBe("理财产品净值表");
    expect(nav.getCell("A1").font?.bold).toBe(true);
    expect(nav.getRow(5).values).toEqual([undefined, "产品代码", "产品名称", "净值日期", "单位净值", "累计净值"]);
    expect(nav.getCell("A6").value).toBe("LC2026A01");
    expect(nav.getCell("C6").value).toEqual(new Date(Date.UTC(2026, 1, 27)));
    expect(nav.getCell("C6").numFmt).toBe("yyyy-mm-dd");
    expect(nav.getCell("D6").numFmt).toBe("0.0000");
    expect(nav.getCell("D193").value).toBe(1.2); // row 5 + 188 days
    expect(nav.getCell("C193").value).toEqual(new Date(Date.UTC(2026, 10, 27)));
    expect(nav.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });
    const h = wb.getWorksheet(SHEET_HOLDINGS)!;
    expect(tableNames(h)).toEqual([]);
    expect(h.autoFilter).toBe(`A1:Q${s.lotRows + 2}`);
    expect(h.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const rows = s.sheets[2].rows;
    // every cell of the holdings comes back as it was written
    for (let r = 0; r < rows.length; r++) {
      const got = (h.getRow(r + 2).values as unknown[]).slice(1);
      const want = rows[r].map((v) => (v === null ? undefined : v));
      while (got.length < want.length) got.push(undefined);
      expect(got).toEqual(want);
    }
    expect(h.getCell("N2").numFmt).toBe("@");
    const formulaRow = s.trickyCells.find((t) => t.kind === "formula-text")!.row;
    expect(h.getCell(`B${formulaRow}`).value).toBe('=HYPERLINK("http://example.com/x","点击查看")');
    const { sheet } = await sheetXml(p, 3);
    expect(sheet).not.toContain("<f>");
    expect(sheet).toMatch(new RegExp(`<c r="B${formulaRow}"[^>]* t="s">`));
  });

  test("the sample's bad rows are where badRows says, after a non-streaming write too", async () => {
    const s = generateSample({ clients: 30, products: 6, seed: 7 });
    const p = file("sample-mem.xlsx");
    await writeNewWorkbook(p, s.sheets);
    const wb = await load(p);
    const headerCol = (ws: ExcelJS.Worksheet, headerRow: number, header: string): number =>
      (ws.getRow(headerRow).values as unknown[]).indexOf(header);
    const at = (b: { sheet: string; row: number; column: string }) => {
      const ws = wb.getWorksheet(b.sheet)!;
      return ws.getCell(b.row, headerCol(ws, b.sheet === SHEET_NAV ? 5 : 1, b.column)).value;
    };
    expect(s.badRows.map(at)).toEqual([{ error: "#N/A" }, expect.any(Number), "待补录", 0, null, "LC9999X99", "合计"]);
    expect((at(s.badRows[1]) as number) < 0).toBe(true);
    expect(s.trickyCells.map(at)).toEqual(["¥12,345.68", '=HYPERLINK("http://example.com/x","点击查看")']);
    const h = wb.getWorksheet(SHEET_HOLDINGS)!;
    expect(tableNames(h)).toEqual(["Holdings"]);
    const t = h.getTable("Holdings") as unknown as { table: { ref: string; tableRef?: string } };
    expect(t.table.tableRef ?? t.table.ref).toBe(`A1:Q${s.lotRows + 2}`);
  });
});

describe("the grafting writer (graftWorkbookFile) on a workbook ExcelJS wrote", () => {
  const input = () => file("input.xlsx");
  beforeAll(async () => {
    // an analyst's workbook: raw data with a table, an old result sheet, a notes sheet with a formula
    const wb = new ExcelJS.Workbook();
    const data = wb.addWorksheet("数据");
    data.addTable({ name: "Holdings", ref: "A1", columns: [{ name: "客户编号" }, { name: "持有份额" }], rows: [["C000001", 100], ["C000002", 200]] });
    const old = wb.addWorksheet("结果");
    old.getCell("A1").value = "旧的结果";
    old.getCell("A2").value = "stale";
    const notes = wb.addWorksheet("备注");
    notes.getCell("A1").value = 2;
    notes.getCell("A2").value = { formula: "A1*3", result: 6 };
    await wb.xlsx.writeFile(input());
  });

  test("keeps every input sheet, replaces the same-named one in place, appends new ones", async () => {
    const out = file("output.xlsx");
    const before = fs.readFileSync(input());
    await writeWorkbookWithSheets(input(), out, [model, { name: "新表", columns: [{ header: "x" }], rows: [[1]], tableName: "Holdings" }]);
    expect(fs.readFileSync(input()).equals(before)).toBe(true); // the input is never touched
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["数据", "结果", "备注", "新表"]);
    const data = wb.getWorksheet("数据")!;
    expect(data.getCell("A3").value).toBe("C000002");
    expect(data.getCell("B3").value).toBe(200);
    expect(tableNames(data)).toEqual(["Holdings"]);
    const notes = wb.getWorksheet("备注")!;
    expect(notes.getCell("A2").value).toEqual({ formula: "A1*3", result: 6 });
    const res = wb.getWorksheet("结果")!;
    expect(res.getCell("A1").value).toBe("客户亏损测算");
    expect(res.getCell("A2").value).toBe("分析日: 2026-11-27");
    expect(res.getCell("E5").value).toBe('=HYPERLINK("http://x")');
    expect(tableNames(res)).toEqual(["LossResults"]);
    // "Holdings" is taken by the kept sheet 数据, so the new sheet's table gets the next free name
    expect(tableNames(wb.getWorksheet("新表")!)).toEqual(["Holdings_2"]);
    // no temporary file left next to the output
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("regenerating the same sheet again replaces it again (output used as next input)", async () => {
    const first = file("output.xlsx");
    const second = file("output2.xlsx");
    await writeWorkbookWithSheets(first, second, [{ ...model, rows: [["C000009", null, 1, 0, "again", null]] }]);
    const wb = await load(second);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["数据", "结果", "备注", "新表"]);
    const res = wb.getWorksheet("结果")!;
    expect(res.getCell("A5").value).toBe("C000009");
    expect(res.getCell("A6").value).toBeNull();
    expect(tableNames(res)).toEqual(["LossResults"]);
  });

  test("refuses to write over the input: same path, another spelling, a symlink, a hard link", async () => {
    const msg = "refusing to write over the input workbook";
    await expect(writeWorkbookWithSheets(input(), input(), [model])).rejects.toThrow(msg);
    await expect(writeWorkbookWithSheets(input(), path.join(dir, ".", "sub", "..", "input.xlsx"), [model])).rejects.toThrow(msg);
    fs.symlinkSync(input(), file("link.xlsx"));
    await expect(writeWorkbookWithSheets(input(), file("link.xlsx"), [model])).rejects.toThrow(msg);
    fs.linkSync(input(), file("hard.xlsx"));
    await expect(writeWorkbookWithSheets(file("hard.xlsx"), input(), [model])).rejects.toThrow(msg);
    // through a symlinked folder: the input's own name is refused, a new name in it is fine
    fs.symlinkSync(dir, file("dirlink"));
    await expect(writeWorkbookWithSheets(input(), path.join(dir, "dirlink", "input.xlsx"), [model])).rejects.toThrow(msg);
    await writeWorkbookWithSheets(input(), path.join(dir, "dirlink", "fresh.xlsx"), [model]);
    expect(fs.existsSync(file("fresh.xlsx"))).toBe(true);
  });

  test("a failed write leaves no output and no temp file", async () => {
    const out = file("never.xlsx");
    // an invalid sheet name is refused before anything is written
    await expect(writeWorkbookWithSheets(input(), out, [{ ...model, name: "bad/name" }])).rejects.toThrow();
    await expect(writeNewWorkbook(path.join(dir, "no-such-dir", "x.xlsx"), [model])).rejects.toThrow();
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("when the final rename fails, the fully written temp file is removed and the old output kept", async () => {
    const out = file("kept.xlsx");
    fs.writeFileSync(out, "previous contents");
    const spy = jest.spyOn(fs, "renameSync").mockImplementation(() => {
      throw new Error("disk full (simulated)");
    });
    try {
      await expect(writeWorkbookWithSheets(input(), out, [model])).rejects.toThrow("disk full (simulated)");
      await expect(writeNewWorkbook(out, [model], { streaming: true })).rejects.toThrow("disk full (simulated)");
    } finally {
      spy.mockRestore();
    }
    expect(fs.readFileSync(out, "utf8")).toBe("previous contents");
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
