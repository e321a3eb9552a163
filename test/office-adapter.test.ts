// The Office.js WorkbookHost (src/adapters/office) against a strict fake of Excel's API
// (test/fakes/excel-fake.ts): round trips, payload limits, text that looks like formulas,
// replacing sheets, calculation mode, settings, error messages, the report sheet.

import { FakeExcel, type Scalar } from "./fakes/excel-fake";
import { createExcelHost, SETTINGS_KEY } from "../src/adapters/office/host";
import { READ_BLOCK_ROWS } from "../src/adapters/office/read";
import { needsQuote, dateToSerial } from "../src/adapters/office/values";
import { planReport } from "../src/core/layout";
import { styleRects } from "../src/adapters/office/report";
import { HostError } from "../src/host-api";
import ExcelJS from "exceljs";
import { renderReportSheet } from "../src/adapters/exceljs/report";
import { generateSample } from "../src/core/sample";
import { analyzeWorkbook, clientLossSheet, resultJson } from "../src/core/analysis";
import { buildReport } from "../src/core/report";
import { settingsToXml } from "../src/core/settings-xml";
import { headerRowNumber, type CellValue, type TableSheetModel, type WorkbookSnapshot } from "../src/core/workbook";

/** Excel on the web's cap on one request or response. */
const FIVE_MB = 5 * 1024 * 1024;

let fake: FakeExcel;
beforeEach(() => {
  fake = new FakeExcel({ payloadLimit: FIVE_MB });
  fake.install();
});
afterEach(() => fake.uninstall());

// ---- fixtures ----

/** A model as the rows of a sheet from A1 (what a workbook holds): Dates as serials. */
function sheetRows(model: TableSheetModel): (Scalar | null)[][] {
  const rows: (Scalar | null)[][] = [];
  for (const line of model.preamble ?? []) rows.push([line]);
  if (model.preamble?.length) rows.push([]);
  rows.push(model.columns.map((c) => c.header));
  for (const r of model.rows) rows.push(model.columns.map((_, c) => toScalar(r[c] ?? null)));
  return rows;
}
function toScalar(v: CellValue): Scalar | null {
  if (v instanceof Date) return dateToSerial(v);
  if (v !== null && typeof v === "object") return v.error;
  return v;
}
/** The same model as a snapshot the way the .xlsx reader gives it (Dates as Date). */
function directSnapshot(models: TableSheetModel[]): WorkbookSnapshot {
  return {
    sheets: models.map((m) => {
      const rows: CellValue[][] = [];
      for (const line of m.preamble ?? []) rows.push([line]);
      if (m.preamble?.length) rows.push([]);
      rows.push(m.columns.map((c) => c.header));
      for (const r of m.rows) rows.push(m.columns.map((_, c) => r[c] ?? null));
      const h = headerRowNumber(m);
      const last = String.fromCharCode(64 + m.columns.length);
      return { name: m.name, rows, tables: m.tableName ? [{ name: m.tableName, ref: `A${h}:${last}${h + m.rows.length}`, headerRow: true }] : [] };
    }),
  };
}
function loadIntoFake(models: TableSheetModel[]): void {
  for (const m of models) {
    fake.addSheet(m.name, sheetRows(m));
    if (m.tableName) {
      const h = headerRowNumber(m);
      fake.addTable(m.name, m.tableName, `A${h}:${String.fromCharCode(64 + m.columns.length)}${h + m.rows.length}`);
    }
  }
}

/** The sample workbook cut to exactly `lots` holdings rows. */
function sampleWithLots(lots: number): TableSheetModel[] {
  const s = generateSample({ clients: Math.ceil(lots / 1.9), products: 6, seed: 7 });
  return s.sheets.map((m) => (m.tableName === "Holdings" ? { ...m, rows: m.rows.slice(0, lots) } : m));
}

// Generated once: the core's work on 100,000 lots (generate, analyse) costs seconds, the adapter's less than one.
let bigCache: TableSheetModel[] | undefined;
const bigSample = (): TableSheetModel[] => (bigCache ??= sampleWithLots(100_000));

/**
 * The first row where a read-back sheet differs from the model written (cells from A1, every row
 * as wide as the used range, Dates as serials, error values as {error}, empty cells null), or
 * undefined when none does.
 */
function firstDifference(rows: (CellValue[] | undefined)[], model: TableSheetModel): string | undefined {
  const want = sheetRows(model);
  const width = model.columns.length;
  if (rows.length !== want.length) return `${rows.length} rows, expected ${want.length}`;
  for (let r = 0; r < want.length; r++) {
    const cells = Array.from({ length: width }, (_, c): CellValue => {
      const v = want[r][c] ?? null;
      if (v === "") return null;
      const src = r >= headerRowNumber(model) ? model.rows[r - headerRowNumber(model)][c] : null;
      return src !== null && typeof src === "object" && !(src instanceof Date) ? { error: src.error } : v;
    });
    const expected = cells.every((v) => v === null) ? null : cells;
    const got = rows[r] ?? null;
    if (JSON.stringify(got) !== JSON.stringify(expected)) return `row ${r + 1}: ${JSON.stringify(got)} != ${JSON.stringify(expected)}`;
  }
  return undefined;
}

// ---- reading ----

describe("readWorkbook", () => {
  const big = bigSample();
  const usedRows = big.reduce((n, m) => n + sheetRows(m).length, 0); // every sheet's used range starts in row 1

  // the sample's bad rows include error values (#N/A, #DIV/0!): one more request loads the
  // valueTypes of those rows, to tell an error from a text that reads like one
  test("reads 100,000 lots plus the NAV and product sheets in 24 syncs = 2 + ceil(101,141 rows / 5,000) + 1 (valueTypes)", async () => {
    loadIntoFake(big);
    const host = createExcelHost();
    const fractions: number[] = [];
    const snap = await host.readWorkbook((f) => fractions.push(f));

    expect(usedRows).toBe(101_141);
    const expected = 2 + Math.ceil(usedRows / READ_BLOCK_ROWS) + 1;
    expect(expected).toBe(24);
    expect(fake.syncs).toBe(24);
    expect(fake.requests[23].ops.every((op) => op === "Range.load")).toBe(true);
    expect(host.stats.read).toEqual({ syncs: 24, blockRows: 5000, retries: 0 });
    // no request carried more than one block's rows, and none was refused
    expect(fake.requests.every((r) => !r.failed && r.responseBytes < FIVE_MB)).toBe(true);
    expect(fractions[fractions.length - 1]).toBe(1);

    const holdings = snap.sheets.find((s) => s.name === "客户持仓")!;
    expect(holdings.rows.length).toBe(100_001);
    expect(holdings.tables).toEqual([{ name: "Holdings", ref: "A1:Q100001", headerRow: true }]);

    // what the core makes of it equals what it makes of the same workbook read from a file
    // (compared as JSON text: jest's deep equality is slow on 100,000 lots)
    const viaExcel = analyzeWorkbook(snap);
    const viaFile = analyzeWorkbook(directSnapshot(big));
    expect(viaExcel.lotRows).toBe(100_000);
    expect(JSON.stringify(resultJson(viaExcel)) === JSON.stringify(resultJson(viaFile))).toBe(true);
  });

  test("halves the block and retries when Excel refuses a response as too large: 45 syncs", async () => {
    loadIntoFake(big);
    const reference = JSON.stringify(await createExcelHost().readWorkbook());
    fake.requests = [];
    fake.syncs = 0;
    fake.payloadLimit = 500_000; // a 5,000-row block of the holdings is ~640 KB of JSON, 2,500 rows ~320 KB
    const host = createExcelHost();
    const snap = await host.readWorkbook();
    const failed = fake.requests.filter((r) => r.failed);
    expect(failed.map((r) => r.failed)).toEqual(["ResponsePayloadSizeLimitExceeded"]);
    // stats count the syncs that succeeded; the fake counts every request, the refused one too
    expect(host.stats.read).toEqual({ syncs: 44, blockRows: 2500, retries: 1 });
    // 2 + 1 refused + ceil(101,141 / 2,500) + 1 (valueTypes)
    expect(fake.syncs).toBe(2 + 1 + Math.ceil(usedRows / 2500) + 1);
    expect(fake.syncs).toBe(45);
    expect(JSON.stringify(snap) === reference).toBe(true);
  });

  test("gives up with the payload message when even small blocks are refused", async () => {
    fake.addSheet("Wide", [["x".repeat(2000)], ["y".repeat(2000)]]);
    fake.payloadLimit = 1000;
    const err = await createExcelHost().readWorkbook().catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.code).toBe("ResponsePayloadSizeLimitExceeded");
    expect(err.message).toContain("数据量超出 Excel 单次传输上限");
  });

  test("rows from A1: a used range starting at C5 is padded; error texts become {error}; empty cells null", async () => {
    fake.addSheet("Empty");
    fake.addSheet("Data", [
      ["代码", "净值", "备注"],
      ["LC1", 1.2, "#N/A"],
      ["LC2", "#DIV/0!", ""],
      [null, null, null],
      ["LC3", true, "ok"],
    ], "C5");
    const snap = await createExcelHost().readWorkbook();
    expect(snap.sheets.map((s) => s.name)).toEqual(["Empty", "Data"]);
    expect(snap.sheets[0].rows).toEqual([]);
    const rows = snap.sheets[1].rows;
    expect(rows.length).toBe(9);
    expect(rows.slice(0, 4).every((r) => r === undefined)).toBe(true);
    expect(rows[4]).toEqual([null, null, "代码", "净值", "备注"]);
    expect(rows[5]).toEqual([null, null, "LC1", 1.2, { error: "#N/A" }]);
    expect(rows[6]).toEqual([null, null, "LC2", { error: "#DIV/0!" }, null]);
    expect(rows[7]).toBeUndefined();
    expect(rows[8]).toEqual([null, null, "LC3", true, "ok"]);
    // sheet names + tables, used ranges, one block for both sheets, the valueTypes of rows 6 and 7
    expect(fake.syncs).toBe(4);
    expect(fake.requests[3].ops).toEqual(["Range.load"]); // rows 6-7 are consecutive: one range
  });
});

// ---- the fake itself is strict ----

describe("the Excel fake", () => {
  test("throws PropertyNotLoaded for a property read before load + sync, and InvalidArgument for a wrong-shape write", async () => {
    fake.addSheet("S", [[1, 2]]);
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1:B1");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      r.load("values");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" })); // loaded, not yet synced
      await ctx.sync();
      expect(r.values).toEqual([[1, 2]]);
      expect(() => r.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      r.values = [[1, 2, 3]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      r.values = [[new Date() as unknown as number, 1]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      // nor read: a property the fake does not model throws instead of giving undefined
      expect(() => (r as unknown as Record<string, unknown>).adress).toThrow(TypeError);
      // an API the fake (and Excel) does not have cannot be set silently
      expect(() => {
        (r.format as unknown as Record<string, unknown>).colour = "red";
      }).toThrow(TypeError);
    });
  });

  test("parses strings written to values like typing: =, +, 00123, dates; an apostrophe keeps text", async () => {
    fake.addSheet("S");
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:E1").values = [["=1+1", "00123", "2024-01-31", "'=1+1", "'00123"]];
      await ctx.sync();
    });
    expect(fake.formula("S", "A1")).toBe("=1+1");
    expect(fake.cell("S", "B1")).toBe(123);
    expect(fake.cell("S", "C1")).toBe(45322);
    expect(fake.cell("S", "D1")).toBe("=1+1");
    expect(fake.formula("S", "D1")).toBeUndefined();
    expect(fake.cell("S", "E1")).toBe("00123");
  });
});

// ---- writing ----

const tricky: TableSheetModel = {
  name: "亏损明细",
  preamble: ["客户亏损明细", "分析日 2026-11-27"],
  columns: [
    { header: "客户名称" },
    { header: "备注" },
    { header: "金额", numFmt: "#,##0.00" },
    { header: "日期" },
    { header: "状态", list: ["待联系", "已联系", "已安抚"], listExtraRows: 5 },
    { header: "客户名称" }, // a repeated header: table column names must be unique
  ],
  rows: [
    ["=1+1", "+86 138 0013 8000", 1234.5, new Date(Date.UTC(2026, 10, 27)), "待联系", "-5 分"],
    ["@home", "'quoted", -0.5, new Date(Date.UTC(2026, 0, 1)), null, "00123"],
    ["张三", "2024-01-31", Number.NaN, null, "已联系", "TRUE"],
    ["#N/A", "", { error: "#DIV/0!" }, null, null, "Jan 5"],
  ],
  tableName: "LossDetail",
  freezeHeader: true,
};

describe("writeSheets", () => {
  test("strings land as the same text, never formulas (apostrophe prefix); dates as serials with a date format", async () => {
    fake.addSheet("Input", [["x"]]);
    const host = createExcelHost();
    const written = await host.writeSheets({ tables: [tricky], reports: [] });
    expect(written.sheets).toEqual(["亏损明细"]);
    const s = fake.sheet("亏损明细");
    expect(s.formulas.size).toBe(0);
    // header in row 4 (2 preamble lines + blank), data from row 5
    expect(fake.cell("亏损明细", "A5")).toBe("=1+1");
    expect(s.quotePrefix.has("4,0")).toBe(true); // sent as "'=1+1"
    expect(fake.cell("亏损明细", "B5")).toBe("+86 138 0013 8000");
    expect(fake.cell("亏损明细", "F5")).toBe("-5 分");
    expect(fake.cell("亏损明细", "A6")).toBe("@home");
    expect(fake.cell("亏损明细", "B6")).toBe("'quoted");
    expect(fake.cell("亏损明细", "F6")).toBe("00123");
    expect(fake.cell("亏损明细", "B7")).toBe("2024-01-31");
    expect(fake.cell("亏损明细", "F7")).toBe("TRUE");
    expect(fake.cell("亏损明细", "A8")).toBe("#N/A"); // text, with the quote prefix
    expect(s.quotePrefix.has("7,0")).toBe(true);
    expect(fake.cell("亏损明细", "A7")).toBe("张三");
    expect(fake.cell("亏损明细", "C5")).toBe(1234.5);
    expect(fake.cell("亏损明细", "C7")).toBe("#NUM!");
    expect(fake.cell("亏损明细", "C8")).toBe("#DIV/0!");
    expect(fake.cell("亏损明细", "D5")).toBe(46353); // 2026-11-27
    expect(fake.numberFormat("亏损明细", "D5")).toBe("yyyy-mm-dd");
    expect(fake.numberFormat("亏损明细", "C6")).toBe("#,##0.00");
    expect(fake.numberFormat("亏损明细", "C4")).toBe("General"); // not the header
    expect(fake.formatAt("亏损明细", "A1", "font.bold")).toBe(true);
    expect(fake.formatAt("亏损明细", "C4", "font.bold")).toBe(true);
    expect(fake.formatAt("亏损明细", "A1", "columnWidth")).toBeGreaterThan(0);

    const [table] = fake.tablesOn("亏损明细");
    expect(table).toMatchObject({ name: "LossDetail", style: "TableStyleMedium2", rect: { r0: 3, c0: 0, nr: 5, nc: 6 } });
    expect(table.headers).toEqual(["客户名称", "备注", "金额", "日期", "状态", "客户名称2"]);
    expect(s.frozenRows).toBe(4);
    const rule = s.validations.find((v) => v.prop === "rule")!;
    expect(rule.value).toEqual({ list: { inCellDropDown: true, source: "待联系,已联系,已安抚" } });
    expect(rule.rect).toEqual({ r0: 4, c0: 4, nr: 4 + 5, nc: 1 });

    // around the bulk write: calculation manual then restored, suspend calls, delayForCellEdit, one undo group
    expect(fake.calculationMode).toBe("Automatic");
    const calcSets = fake.requests.flatMap((r) => r.ops).filter((o) => o === "Application.calculationMode");
    expect(calcSets).toHaveLength(2);
    expect(fake.suspendCalls.calc).toBeGreaterThan(0);
    expect(fake.suspendCalls.screen).toBeGreaterThan(0);
    expect(fake.runOptions).toEqual([{ delayForCellEdit: true, mergeUndoGroup: true }]);
  });

  test("read back, the written sheet gives the same text values", async () => {
    const host = createExcelHost();
    await host.writeSheets({ tables: [tricky], reports: [] });
    const snap = await host.readWorkbook();
    const rows = snap.sheets.find((s) => s.name === "亏损明细")!.rows;
    expect(rows[4]!.slice(0, 2)).toEqual(["=1+1", "+86 138 0013 8000"]);
    expect(rows[5]!.slice(0, 2)).toEqual(["@home", "'quoted"]);
    // a text cell holding "#N/A" stays text (valueTypes says String), the #DIV/0! error value is an error
    expect(rows[7]![0]).toBe("#N/A");
    expect(rows[7]![2]).toEqual({ error: "#DIV/0!" });
  });

  // 28 = 1 (sheets, names, calculation mode) + 1 (add sheets) + 2 + 2 (NAV and product sheets:
  // values, formats) + 20 (holdings: 5,000-row blocks of ~645 KB) + 1 (holdings formats, table,
  // dropdowns) + 1 (calculation mode restored)
  test("writes 100,000 rows in blocks under 5 MB, one sync per block: 28 syncs", async () => {
    const big = bigSample();
    const host = createExcelHost();
    const fractions: number[] = [];
    await host.writeSheets({ tables: big, reports: [] }, (f) => fractions.push(f));
    expect(fake.requests.every((r) => !r.failed && r.requestBytes < FIVE_MB)).toBe(true);
    const maxRequest = Math.max(...fake.requests.map((r) => r.requestBytes));
    expect(maxRequest).toBeLessThan(1_000_000);
    expect(fake.requests.filter((r) => r.ops.includes("Range.values") && r.requestBytes > 600_000)).toHaveLength(20);
    expect(fake.syncs).toBe(28);
    expect(host.stats.write?.syncs).toBe(27); // the restore of the calculation mode is outside the batch
    expect(fractions[fractions.length - 1]).toBe(1);
    expect(fake.cell("客户持仓", "A100001")).not.toBe("");
    // and it reads back cell for cell: every string as the same text, dates as their serials
    const snap = await host.readWorkbook();
    for (const m of big) {
      const rows = snap.sheets.find((x) => x.name === m.name)!.rows;
      expect(firstDifference(rows, m)).toBeUndefined();
    }
    expect(fake.sheet("客户持仓").formulas.size).toBe(0);
  });

  test("a refused write block is halved and sent again", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`客户${i}`, i, "备注".repeat(20)]);
    const model: TableSheetModel = { name: "Out", columns: [{ header: "名称" }, { header: "数" }, { header: "备注" }], rows };
    fake.payloadLimit = 300_000;
    await createExcelHost().writeSheets({ tables: [model], reports: [] });
    expect(fake.requests.filter((r) => r.failed).map((r) => r.failed)).toEqual(["RequestPayloadSizeLimitExceeded"]);
    expect(fake.cell("Out", "A3001")).toBe("客户2999");
    expect(fake.cell("Out", "C3001")).toBe("备注".repeat(20));
  });

  test("regenerating an output sheet keeps its tab position and leaves every other sheet untouched", async () => {
    fake.addSheet("产品净值", [["产品代码", "净值"], ["LC1", 1.2]]);
    const old = fake.addSheet("亏损明细", [["旧", "数据"], ["junk", 1], ["more", 2], ["x", 3], ["y", 4], ["z", 5], ["w", 6], ["v", 7], ["u", 8]]);
    fake.addTable("亏损明细", "LossDetail", "A1:B9");
    fake.addSheet("备注", [["analyst notes", "=not a formula here"]]);
    fake.addTable("备注", "Notes", "A1:B1");
    const before = (["产品净值", "备注"] as const).map((n) => JSON.stringify(fake.sheet(n)));

    await createExcelHost().writeSheets({ tables: [{ ...tricky, name: "亏损明细" }], reports: [] });

    expect(fake.sheetNames()).toEqual(["产品净值", "亏损明细", "备注"]);
    expect(fake.sheet("亏损明细")).toBe(old); // regenerated in place: the same sheet (see office-regenerate.test.ts)
    expect(fake.cell("亏损明细", "B2")).toBe(""); // the old content is gone
    expect(fake.cell("亏损明细", "A9")).toBe("");
    expect(fake.cell("亏损明细", "A1")).toBe("客户亏损明细");
    expect(fake.tablesOn("亏损明细").map((t) => t.name)).toEqual(["LossDetail"]); // the old table's name was freed
    expect((["产品净值", "备注"] as const).map((n) => JSON.stringify(fake.sheet(n)))).toEqual(before);
    expect(fake.tablesOn("备注").map((t) => t.name)).toEqual(["Notes"]);
  });

  test("a table name used on a kept sheet gets the next free name", async () => {
    fake.addSheet("Copy", [["a"], ["b"]]);
    fake.addTable("Copy", "LossDetail", "A1:A2");
    await createExcelHost().writeSheets({ tables: [tricky], reports: [] });
    expect(fake.tablesOn("亏损明细")[0].name).toBe("LossDetail_2");
  });

  test("calculation mode is restored when a write fails, and the error says what to do", async () => {
    fake.addSheet("Input", [["x"]]);
    fake.failOn("TableCollection.add", "InvalidArgument");
    const err = await createExcelHost().writeSheets({ tables: [tricky], reports: [] }).catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.code).toBe("InvalidArgument");
    expect(err.message).toMatch(/^Excel 拒绝了这次写入（参数无效）。请将错误代码告知支持人员：InvalidArgument \(TableCollection.add\)$/);
    expect(fake.calculationMode).toBe("Automatic");
    expect(fake.requests.flatMap((r) => r.ops).filter((o) => o === "Application.calculationMode")).toHaveLength(2);
  });

  test("calculation mode is restored after cancellation between blocks", async () => {
    const big = sampleWithLots(20_000);
    const ac = new AbortController();
    const err = await createExcelHost()
      .writeSheets({ tables: big, reports: [] }, (f) => {
        if (f > 0.2) ac.abort();
      }, ac.signal)
      .catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.code).toBe("cancelled");
    expect(err.message).toBe("已取消。");
    expect(fake.calculationMode).toBe("Automatic");
  });

  test("a workbook already in manual calculation stays manual", async () => {
    fake.calculationMode = "Manual";
    await createExcelHost().writeSheets({ tables: [tricky], reports: [] });
    expect(fake.calculationMode).toBe("Manual");
    expect(fake.requests.flatMap((r) => r.ops)).not.toContain("Application.calculationMode");
  });

  test("an old Excel (ExcelApi 1.3) gets values, formats and the table; the newer niceties are skipped", async () => {
    fake.uninstall();
    fake = new FakeExcel({ apiVersion: "1.3", payloadLimit: FIVE_MB });
    fake.install();
    fake.addSheet("Input", [["x"]]);
    const host = createExcelHost();
    await host.writeSheets({ tables: [tricky], reports: [] });
    expect(fake.cell("亏损明细", "A5")).toBe("=1+1");
    expect(fake.tablesOn("亏损明细")).toHaveLength(1);
    const s = fake.sheet("亏损明细");
    expect(s.frozenRows).toBeUndefined();
    expect(s.validations).toEqual([]);
    expect(fake.suspendCalls).toEqual({ calc: 0, screen: 0 });
    expect(fake.runOptions).toEqual([{ delayForCellEdit: true }]); // no mergeUndoGroup before 1.20
    const snap = await host.readWorkbook(); // getUsedRange instead of getUsedRangeOrNullObject
    expect(snap.sheets.map((x) => x.name)).toEqual(["Input", "亏损明细"]);
  });
});

// ---- the report ----

describe("report sheets", () => {
  function report() {
    const sample = generateSample({ clients: 300, products: 6, seed: 7 });
    const a = analyzeWorkbook(directSnapshot(sample.sheets));
    return { a, r: buildReport(a, { locale: "zh-CN", generatedAt: "2026-11-27T10:00:00" }), sample };
  }

  test("writes the data sheet, then the report laid out like the ExcelJS renderer, with charts and print setup", async () => {
    const { a, r, sample } = report();
    loadIntoFake(sample.sheets);
    const host = createExcelHost();
    const out = await host.writeSheets({ tables: [clientLossSheet(a, "zh-CN")], reports: [r] });
    expect(out.sheets).toEqual(["亏损明细", "报告数据", "风险评估报告"]);

    const plan = planReport(r.sheet);
    const s = fake.sheet("风险评估报告");
    expect(fake.cell("风险评估报告", "A1")).toBe(r.sheet.blocks[0].kind === "title" ? r.sheet.blocks[0].text : "");
    expect(s.formulas.size).toBe(0);
    expect(s.merges.length).toBe(plan.merges.length);
    expect(s.hiddenColumns.has(plan.markerCol - 1)).toBe(true);
    expect(s.showGridlines).toBe(false);
    // input boxes: the marker in the hidden column, a defined name on the box
    expect(plan.inputAreas.length).toBeGreaterThan(0);
    for (const area of plan.inputAreas) {
      expect(fake.cell("风险评估报告", area.markerAddress)).toBe(`lossdesk:input:${area.key}`);
      expect(fake.names.some((n) => n.name === area.definedName)).toBe(true);
    }
    // charts: Excel draws them from the data sheet, over the rows the blocks reserved
    expect(s.charts.map((c) => [c.type, c.seriesBy, c.source.sheet])).toEqual([
      ["Line", "Columns", "报告数据"],
      ["ColumnClustered", "Columns", "报告数据"],
    ]);
    // the chart spans the report's grid (12 columns since the products table names its NAV series)
    expect(s.charts[0].position).toEqual([`A${plan.charts[0].firstRow}`, `L${plan.charts[0].lastRow}`]);
    expect(s.charts[0].props["title.text"]).toBe(r.charts[0].chart.title);
    // print: A4 landscape, one page wide, title rows, footer codes kept, our page breaks
    expect(s.pageLayout).toMatchObject({
      orientation: "Landscape", paperSize: "A4", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$1", "footer.centerFooter": "第 &P 页 / 共 &N 页",
    });
    expect(s.pageBreaks).toEqual(plan.pageBreaksAfter.map((row) => `A${row + 1}`));
    expect(host.stats.write?.reports[0].skipped).toEqual([]);
    // styling went out as rectangles, not cell by cell
    const rects = styleRects(plan.styles).length;
    const cells = plan.grid.length * plan.markerCol;
    expect(rects).toBeLessThan(cells / 4);
    console.log(`report: ${plan.lastRow} rows, ${rects} style rectangles for ${cells} cells; write syncs ${host.stats.write?.syncs}`);
  });

  // Both writers render the core's plan (core/layout.ts); this checks the ExcelJS side writes it as planned.
  test("the ExcelJS renderer writes the plan exactly: rows, heights, merges, values, input boxes, charts, page breaks", () => {
    const { r } = report();
    const plan = planReport(r.sheet);
    const wb = new ExcelJS.Workbook();
    const rendered = renderReportSheet(wb, r.sheet);
    expect(plan.lastRow).toBe(rendered.lastRow);
    expect(plan.pageBreaksAfter).toEqual(rendered.pageBreaksAfter);
    expect(plan.inputAreas.map(({ key, labelAddress, address, markerAddress, definedName, text }) => ({ key, labelAddress, address, markerAddress, definedName, text })))
      .toEqual(rendered.inputAreas.map(({ key, labelAddress, address, markerAddress, definedName, text }) => ({ key, labelAddress, address, markerAddress, definedName, text })));
    expect(plan.charts.map((c) => [c.firstRow - 1, c.lastRow - 1])).toEqual(rendered.charts.map((c) => [c.anchor.fromRow, c.anchor.toRow]));
    for (let row = 1; row <= plan.lastRow; row++) expect([row, plan.heights.get(row)]).toEqual([row, rendered.sheet.getRow(row).height]);
    const merges = (rendered.sheet.model as unknown as { merges: string[] }).merges.slice().sort();
    const ours = plan.merges.map((m) => `${String.fromCharCode(64 + m.c0)}${m.r0}:${String.fromCharCode(64 + m.c1)}${m.r1}`).sort();
    expect(ours).toEqual(merges);
    // and the same values in the grid, the hidden marker column included
    for (let row = 1; row <= plan.lastRow; row++) {
      for (let col = 1; col <= plan.markerCol; col++) {
        const cell = rendered.sheet.getCell(row, col);
        if (cell.isMerged && cell.master.address !== cell.address) continue; // ExcelJS shows the master's value there
        const v = cell.value;
        expect([row, col, plan.grid[row - 1][col - 1]]).toEqual([row, col, v === undefined ? null : v]);
      }
    }
    // each input box has its edge on all four sides (the edge cells carry it; ExcelJS must not share one style across the merge)
    for (const area of plan.inputAreas) {
      const [tl, br] = area.address.split(":").map((a) => rendered.sheet.getCell(a));
      expect([area.key, tl.border.top?.style, tl.border.left?.style, br.border.bottom?.style, br.border.right?.style])
        .toEqual([area.key, "thin", "thin", "thin", "thin"]);
    }
  });

  test("regenerating the report replaces it and its names; below ExcelApi 1.9 the print setup is skipped", async () => {
    fake.uninstall();
    fake = new FakeExcel({ apiVersion: "1.8", payloadLimit: FIVE_MB });
    fake.install();
    const { r } = report();
    fake.addSheet("Input", [["x"]]);
    const host = createExcelHost();
    await host.writeSheets({ tables: [], reports: [r] });
    const namesAfterFirst = fake.names.map((n) => n.name).sort();
    await host.writeSheets({ tables: [], reports: [r] });
    expect(fake.sheetNames()).toEqual(["Input", "报告数据", "风险评估报告"]);
    expect(fake.names.map((n) => n.name).sort()).toEqual(namesAfterFirst);
    expect(fake.names.every((n) => fake.nameValue(n).startsWith("='风险评估报告'!"))).toBe(true);
    expect(fake.sheet("风险评估报告").pageLayout).toEqual({});
    expect(host.stats.write?.reports[0].skipped).toEqual(["pageLayout"]);
  });
});

// ---- settings, navigation, environment ----

describe("settings and navigation", () => {
  test("settings round-trip through our custom XML part (not workbook.settings)", async () => {
    const host = createExcelHost();
    expect(await host.loadSettings()).toBeUndefined();
    const json = JSON.stringify({ scoring: { weights: [1, 2] }, locale: "zh-CN", note: "引号\"和换行\n<&>" });
    await host.saveSettings(json);
    expect(fake.settings.has(SETTINGS_KEY)).toBe(false);
    expect(fake.customXmlParts).toHaveLength(1);
    expect(fake.customXmlParts[0].xml).toBe(settingsToXml(json));
    expect(await host.loadSettings()).toBe(json);
  });

  test("ExcelApi 1.4 (no custom XML parts yet): settings round-trip through workbook.settings under LossDesk.settings", async () => {
    fake.uninstall();
    fake = new FakeExcel({ apiVersion: "1.4" });
    fake.install();
    const host = createExcelHost();
    await host.saveSettings('{"a":1}');
    expect(fake.settings.get(SETTINGS_KEY)).toBe(JSON.stringify('{"a":1}'));
    expect(await host.loadSettings()).toBe('{"a":1}');
  });

  test("before ExcelApi 1.4 settings go to the document settings", async () => {
    fake.uninstall();
    fake = new FakeExcel({ apiVersion: "1.3" });
    fake.install();
    const host = createExcelHost();
    await host.saveSettings('{"a":1}');
    expect(await host.loadSettings()).toBe('{"a":1}');
    expect(fake.settings.size).toBe(0);
  });

  test("selectCell activates the sheet and selects the cell", async () => {
    fake.addSheet("A", [["x"]]);
    fake.addSheet("客户持仓", [["x"]]);
    const host = createExcelHost();
    await host.selectCell("客户持仓", "C7");
    expect(fake.selection).toBe("客户持仓!C7");
    await host.activateSheet("A");
    expect(fake.activeSheetId).toBe(fake.sheet("A").id);
  });

  test("display language and theme come from Office.context", () => {
    fake.displayLanguage = "en-US";
    fake.officeTheme = { bodyBackgroundColor: "#1F1F1F", bodyForegroundColor: "#FFFFFF" };
    const host = createExcelHost();
    expect(host.displayLanguage()).toBe("en-US");
    expect(host.theme?.()).toEqual({ bodyBackground: "#1F1F1F", bodyForeground: "#FFFFFF", isDark: true });
  });
});

describe("errors map to plain messages in Excel's language", () => {
  test("a sheet that is gone", async () => {
    const err = await createExcelHost().selectCell("不存在", "A1").catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.code).toBe("ItemNotFound");
    expect(err.message).toBe("找不到要操作的工作表或表格，可能已被删除或重命名。请刷新后重试。");
  });

  test("cell edit mode: delayed by delayForCellEdit; if Excel still refuses, 'finish editing the cell first'", async () => {
    fake.addSheet("A", [["x"]]);
    fake.cellEditMode = true;
    await createExcelHost().activateSheet("A"); // the fake waits, as Excel does with delayForCellEdit
    expect(fake.delayedRuns).toBe(1);
    fake.failOn("Worksheet.activate", "InvalidOperationInCellEditMode");
    fake.displayLanguage = "en-US";
    const err = await createExcelHost().activateSheet("A").catch((e) => e);
    expect(err.message).toBe("Excel is editing a cell. Finish editing the cell first (press Enter or Esc), then try again.");
  });

  test("a protected sheet", async () => {
    fake.addSheet("Input", [["x"]]);
    fake.addSheet("亏损明细", [["old"]]).protected = true;
    fake.failOn("Worksheet.delete", "AccessDenied"); // deleting a protected sheet is refused
    const err = await createExcelHost().writeSheets({ tables: [tricky], reports: [] }).catch((e) => e);
    expect(err.code).toBe("AccessDenied");
    expect(err.message).toBe("工作表或工作簿受保护，无法写入。请撤销保护后重试。");
    expect(fake.calculationMode).toBe("Automatic");
  });

  test("anything else: generic, with the code for support", async () => {
    fake.addSheet("A", [["x"]]);
    fake.displayLanguage = "en-US";
    fake.failOn("Worksheet.activate", "GeneralException");
    const err = await createExcelHost().activateSheet("A").catch((e) => e);
    expect(err.code).toBe("GeneralException");
    expect(err.message).toBe(
      "Excel could not complete the operation. Try again; if it keeps failing, give support this code: GeneralException (Worksheet.activate)",
    );
  });
});

describe("values", () => {
  test("which strings need the apostrophe", () => {
    for (const s of ["=1+1", "+86", "-5", "@x", "'a", "00123", "2024-01-31", "#N/A", " x", "TRUE", "false", "Jan 5", "(12)", "¥12,345.68", "12:30"]) {
      expect([s, needsQuote(s)]).toEqual([s, true]);
    }
    for (const s of ["张三", "LC2026A01", "Janet", "Truex", "稳盈增利1号", ""]) expect([s, needsQuote(s)]).toEqual([s, false]);
  });
});
