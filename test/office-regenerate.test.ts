// Inside Excel, regenerating a LossDesk sheet clears it and writes it again in place: the same sheet
// (id, name, tab position), so formulas elsewhere that point at it never become #REF!. Also the
// Office rendering of computed columns and conditional formats, the settings part, and "#N/A" text.

import { FakeExcel } from "./fakes/excel-fake";
import { createExcelHost, SETTINGS_KEY } from "../src/adapters/office/host";
import { CONDITIONAL_FILLS } from "../src/adapters/office/write";
import { SETTINGS_NAMESPACE, settingsToXml } from "../src/core/settings-xml";
import { generateSample } from "../src/core/sample";
import { analyzeWorkbook, clientLossSheet } from "../src/core/analysis";
import { buildReport } from "../src/core/report";
import { planReport } from "../src/core/layout";
import type { SheetSnapshot, TableSheetModel, WorkbookSnapshot } from "../src/core/workbook";

let fake: FakeExcel;
beforeEach(() => {
  fake = new FakeExcel();
  fake.install();
});
afterEach(() => fake.uninstall());

const contacts: TableSheetModel = {
  name: "沟通草稿",
  columns: [
    { header: "客户编号" },
    { header: "联系日期", numFmt: "yyyy-mm-dd" },
    { header: "截止日期", numFmt: "yyyy-mm-dd", formula: '=IF(B{r}="","",B{r}+15)' },
    { header: "状态", list: ["待联系", "已联系"], listExtraRows: 10 },
  ],
  rows: [
    ["C001", new Date(Date.UTC(2026, 10, 1)), new Date(Date.UTC(2026, 10, 16)), "待联系"],
    ["C002", null, "", "已联系"],
  ],
  tableName: "Drafts",
  freezeHeader: true,
  conditionalFormats: [
    { formula: 'AND($C{r}<>"",$C{r}<TODAY())', style: "bad" },
    { formula: 'AND($C{r}<>"",$C{r}-TODAY()<=3)', style: "warn" },
  ],
};

describe("regenerating a LossDesk sheet in place", () => {
  test("a formula on another sheet that points at the regenerated sheet still points at it (no #REF!)", async () => {
    fake.addSheet("输入", [["x"]]);
    const host = createExcelHost();
    await host.writeSheets({ tables: [contacts], reports: [] });
    fake.addSheet("汇总", [["待联系人数"]]);
    fake.setFormula("汇总", "B1", "=COUNTIF(沟通草稿!D:D,\"待联系\")", 1);
    fake.setFormula("汇总", "B2", "='沟通草稿'!A2", "C001");
    const before = fake.sheet("沟通草稿");
    const id = before.id;
    expect(fake.sheetNames()).toEqual(["输入", "沟通草稿", "汇总"]);

    await host.writeSheets({ tables: [{ ...contacts, rows: [contacts.rows[1]] }], reports: [] });

    expect(fake.sheet("沟通草稿")).toBe(before); // never deleted: the same sheet object
    expect(fake.sheet("沟通草稿").id).toBe(id);
    expect(fake.sheetNames()).toEqual(["输入", "沟通草稿", "汇总"]); // same tab position
    expect(fake.formula("汇总", "B1")).toBe("=COUNTIF(沟通草稿!D:D,\"待联系\")");
    expect(fake.formula("汇总", "B2")).toBe("='沟通草稿'!A2");
    expect(fake.requests.flatMap((r) => r.ops)).not.toContain("Worksheet.delete");
    // the second write: one data row, the old second row is gone, the table is the new one
    expect(fake.cell("沟通草稿", "A2")).toBe("C002");
    expect(fake.cell("沟通草稿", "A3")).toBe("");
    expect(fake.tablesOn("沟通草稿").map((t) => [t.name, t.rect])).toEqual([["Drafts", { r0: 0, c0: 0, nr: 2, nc: 4 }]]);
  });

  test("the fake itself turns such formulas into #REF! when a sheet is deleted (what the old delete-and-add did)", async () => {
    fake.addSheet("沟通草稿", [["a"]]);
    fake.addSheet("汇总", [["x"]]);
    fake.setFormula("汇总", "B1", "=COUNTIF(沟通草稿!D:D,\"待联系\")+'沟通草稿'!A1");
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("沟通草稿").delete();
      await ctx.sync();
    });
    expect(fake.formula("汇总", "B1")).toBe("=COUNTIF(#REF!D:D,\"待联系\")+#REF!A1");
  });

  test("what was on the sheet is cleared: values, formats, tables, validation, conditional formats, merges, charts, shapes, panes", async () => {
    const old = fake.addSheet("沟通草稿", Array.from({ length: 30 }, (_, i) => [`old${i}`, i, "x", "y", "z"]));
    fake.addTable("沟通草稿", "OldDrafts", "A1:E30");
    old.merges.push({ r0: 40, c0: 0, nr: 2, nc: 3 });
    old.validations.push({ rect: { r0: 1, c0: 4, nr: 50, nc: 1 }, prop: "rule", value: { list: { inCellDropDown: true, source: "a,b" } } });
    old.conditionalFormats.push({ rect: { r0: 1, c0: 0, nr: 29, nc: 5 }, type: "Custom", formula: "=TRUE", fill: "#FF0000" });
    old.charts.push({ type: "Line", seriesBy: "Columns", source: { sheet: "沟通草稿", address: "A1:B30" }, props: {} });
    old.shapes.push({ id: "{shape-1}", name: "Picture 1" });
    old.numFmts.push({ rect: { r0: 0, c0: 4, nr: 30, nc: 1 }, fmt: "0.00%" });
    old.formats.push({ rect: { r0: 0, c0: 0, nr: 30, nc: 5 }, path: "fill.color", value: "#FFFF00" });
    old.frozenRows = 3;
    old.pageBreaks.push("A20");
    old.formulas.set("29,1", "=1/0");

    await createExcelHost().writeSheets({ tables: [contacts], reports: [] });

    const s = fake.sheet("沟通草稿");
    expect(s).toBe(old);
    expect(fake.cell("沟通草稿", "A4")).toBe(""); // old rows below the new data
    expect(fake.cell("沟通草稿", "E1")).toBe(""); // old column E
    expect(fake.cell("沟通草稿", "A30")).toBe("");
    expect(s.formulas.has("29,1")).toBe(false);
    expect(fake.tables.map((t) => t.name)).toEqual(["Drafts"]); // OldDrafts deleted, its name free
    expect(s.merges).toEqual([]);
    expect(s.charts).toEqual([]);
    expect(s.shapes).toEqual([]);
    expect(s.pageBreaks).toEqual([]);
    expect(fake.numberFormat("沟通草稿", "E2")).toBe("General");
    expect(fake.formatAt("沟通草稿", "A5", "fill.color")).toBeUndefined();
    expect(s.frozenRows).toBe(1); // unfrozen, then frozen below the new header
    // only the new dropdown and the new conditional formats remain
    expect(s.validations.filter((v) => v.prop === "rule").map((v) => v.rect)).toEqual([{ r0: 1, c0: 3, nr: 2 + 10, nc: 1 }]);
    expect(s.conditionalFormats.map((f) => f.formula)).toEqual(['=AND($C2<>"",$C2<TODAY())', '=AND($C2<>"",$C2-TODAY()<=3)']);
  });

  test("a report regenerated twice has its charts and input-box names once, on the same sheets", async () => {
    const sample = generateSample({ clients: 120, products: 4, seed: 3 });
    const snapshot: WorkbookSnapshot = {
      sheets: sample.sheets.map((m): SheetSnapshot => ({
        name: m.name,
        rows: [m.columns.map((c) => c.header), ...m.rows],
        tables: [],
      })),
    };
    const a = analyzeWorkbook(snapshot);
    const r = buildReport(a, { locale: "zh-CN", generatedAt: "2026-11-27T10:00:00" });
    fake.addSheet("输入", [["x"]]);
    const host = createExcelHost();
    await host.writeSheets({ tables: [clientLossSheet(a, "zh-CN")], reports: [r] });
    const ids = ["亏损明细", "报告数据", "风险评估报告"].map((n) => fake.sheet(n).id);
    const plan = planReport(r.sheet);

    await host.writeSheets({ tables: [clientLossSheet(a, "zh-CN")], reports: [r] });

    expect(["亏损明细", "报告数据", "风险评估报告"].map((n) => fake.sheet(n).id)).toEqual(ids);
    const s = fake.sheet("风险评估报告");
    expect(s.charts).toHaveLength(plan.charts.length);
    expect(s.charts.map((c) => c.source.sheet)).toEqual(plan.charts.map(() => "报告数据"));
    expect(s.merges).toHaveLength(plan.merges.length);
    expect(s.pageBreaks).toEqual(plan.pageBreaksAfter.map((row) => `A${row + 1}`));
    expect(fake.names.map((n) => n.name).sort()).toEqual(plan.inputAreas.map((x) => x.definedName).sort());
    expect(fake.names.every((n) => fake.nameValue(n).startsWith("='风险评估报告'!"))).toBe(true);
  });
});

describe("computed columns and conditional formats (sheet model fields)", () => {
  test("a formula column gets its formula per row ({r} = the row), other columns their values", async () => {
    fake.addSheet("输入", [["x"]]);
    await createExcelHost().writeSheets({ tables: [contacts], reports: [] });
    expect(fake.formula("沟通草稿", "C2")).toBe('=IF(B2="","",B2+15)');
    expect(fake.formula("沟通草稿", "C3")).toBe('=IF(B3="","",B3+15)');
    expect(fake.formula("沟通草稿", "B2")).toBeUndefined();
    expect(fake.cell("沟通草稿", "B2")).toBe(46327); // 2026-11-01 as a serial, a value
    expect(fake.cell("沟通草稿", "A2")).toBe("C001");
    expect(fake.sheet("沟通草稿").formulas.size).toBe(2);
    expect(fake.numberFormat("沟通草稿", "C2")).toBe("yyyy-mm-dd");
    const ops = fake.requests.flatMap((r) => r.ops);
    expect(ops).toContain("Range.formulas");
  });

  test("a model without formula columns still sends values (and never a formula)", async () => {
    const plain = { ...contacts, columns: contacts.columns.map(({ formula: _f, ...c }) => c), rows: [["=1+1", null, "x", "待联系"]] };
    await createExcelHost().writeSheets({ tables: [plain], reports: [] });
    expect(fake.sheet("沟通草稿").formulas.size).toBe(0);
    expect(fake.cell("沟通草稿", "A2")).toBe("=1+1");
    expect(fake.requests.flatMap((r) => r.ops)).not.toContain("Range.formulas");
  });

  test("conditional formats: custom rules over the data rows and the dropdown's extra rows, first spec first, stopIfTrue, Excel's fills", async () => {
    await createExcelHost().writeSheets({ tables: [contacts], reports: [] });
    const cfs = fake.sheet("沟通草稿").conditionalFormats;
    expect(cfs).toEqual([
      { rect: { r0: 1, c0: 0, nr: 12, nc: 4 }, type: "Custom", formula: '=AND($C2<>"",$C2<TODAY())', fill: "#FFC7CE", priority: 0, stopIfTrue: true },
      { rect: { r0: 1, c0: 0, nr: 12, nc: 4 }, type: "Custom", formula: '=AND($C2<>"",$C2-TODAY()<=3)', fill: "#FFEB9C", priority: 1, stopIfTrue: true },
    ]);
    expect(CONDITIONAL_FILLS).toEqual({ bad: "#FFC7CE", warn: "#FFEB9C", good: "#C6EFCE" });
  });

  test("below ExcelApi 1.6 the conditional formats are left out and the rest is written", async () => {
    fake.uninstall();
    fake = new FakeExcel({ apiVersion: "1.5" });
    fake.install();
    await createExcelHost().writeSheets({ tables: [contacts], reports: [] });
    expect(fake.sheet("沟通草稿").conditionalFormats).toEqual([]);
    expect(fake.formula("沟通草稿", "C2")).toBe('=IF(B2="","",B2+15)');
  });
});

describe("settings in one custom XML part", () => {
  test("an older workbook's workbook.settings are read, moved into the part, and the old setting deleted", async () => {
    const json = '{"locale":"en-US","asOf":"2026-11-27"}';
    fake.settings.set(SETTINGS_KEY, JSON.stringify(json)); // what the old add-in stored
    const host = createExcelHost();
    expect(await host.loadSettings()).toBe(json);
    expect(fake.customXmlParts.map((p) => p.xml)).toEqual([settingsToXml(json)]);
    expect(fake.settings.has(SETTINGS_KEY)).toBe(false);
    // and from then on the part is what is read
    expect(await host.loadSettings()).toBe(json);
    expect(fake.customXmlParts).toHaveLength(1);
  });

  test("the part wins over an old setting; saving rewrites the one part and drops extra copies; other parts stay", async () => {
    fake.customXmlParts.push({ id: "{other}", xml: '<?xml version="1.0"?><doc xmlns="urn:someone:else">keep</doc>' });
    fake.customXmlParts.push({ id: "{a}", xml: settingsToXml('{"v":1}') });
    fake.customXmlParts.push({ id: "{b}", xml: `<s:settings xmlns:s="${SETTINGS_NAMESPACE}">{"v":0}</s:settings>` });
    fake.settings.set(SETTINGS_KEY, JSON.stringify('{"v":"old"}'));
    const host = createExcelHost();
    expect(await host.loadSettings()).toBe('{"v":1}');
    await host.saveSettings('{"v":2}');
    expect(fake.customXmlParts.map((p) => [p.id, p.xml])).toEqual([
      ["{other}", '<?xml version="1.0"?><doc xmlns="urn:someone:else">keep</doc>'],
      ["{a}", settingsToXml('{"v":2}')],
    ]);
    expect(await host.loadSettings()).toBe('{"v":2}');
  });
});

describe('a text cell reading "#N/A"', () => {
  test("is text; an error value is an error (valueTypes, one request for the rows that need it)", async () => {
    fake.addSheet("备注", [["代码", "说明"], ["LC1", "ok"], ["LC2", "#N/A"], ["LC3", "fine"], ["LC4", "#REF!"]]);
    fake.setText("备注", "B3", "#N/A"); // typed as '#N/A
    const snap = await createExcelHost().readWorkbook();
    const rows = snap.sheets[0].rows;
    expect(rows[2]).toEqual(["LC2", "#N/A"]);
    expect(rows[4]).toEqual(["LC4", { error: "#REF!" }]);
    expect(rows[1]).toEqual(["LC1", "ok"]);
    // names/tables, used ranges, the values, then the valueTypes of rows 3 and 5 (two ranges, one request)
    expect(fake.syncs).toBe(4);
    expect(fake.requests[3].ops).toEqual(["Range.load", "Range.load"]);
  });

  test("a workbook without error texts costs no valueTypes request", async () => {
    fake.addSheet("备注", [["代码", "说明"], ["LC1", "ok"]]);
    await createExcelHost().readWorkbook();
    expect(fake.syncs).toBe(3);
  });
});
