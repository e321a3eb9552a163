// The report sheet rendered with ExcelJS: layout, text-only cells, print setup, input-area markers,
// and the whole file with its charts. Set LOSSDESK_REPORT_OUT=/some/file.xlsx to keep the demo
// workbook for a look in LibreOffice (scripts/report-pdf.sh).

import ExcelJS from "exceljs";
import JSZip from "jszip";
import fs from "fs";
import os from "os";
import path from "path";
import {
  chartsOfReport,
  estimateLines,
  inputAreaName,
  inputMarker,
  renderReportSheet,
  writeWorkbookBytes,
} from "../src/adapters/exceljs/report";
import { writeNewWorkbook } from "../src/adapters/exceljs/write";
import { graftWorkbookFile } from "../src/adapters/xlsx/graft-node";
import type { CellValue, ReportSheetModel, TableSheetModel } from "../src/core/workbook";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "lossdesk-report-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

// ---- the demo: what a branch would print after the 1.5 -> 1.2 drill ----

const REPORT = "风险评估报告";
const DATA = "报告数据";
const PRODUCTS = ["稳健增利1号", "安盈30天", "鑫享180天", "智选混合A", "恒润债券B"];
const TRICKY = ["=SUM(A1:A9)", "+86 138", "-张三", "@所有人"];

/** 180 days of NAV for 5 products; the first falls 1.5 -> 1.2 over the last 60 days. */
function navRows(): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let d = 0; d < 180; d++) {
    const day = new Date(Date.UTC(2026, 5, 1) + d * 86400000);
    const row: CellValue[] = [day];
    for (let p = 0; p < PRODUCTS.length; p++) {
      const base = [1.5, 1.08, 1.21, 1.36, 1.02][p];
      const wobble = Math.sin((d + p * 17) / 9) * 0.004 * (p + 1);
      const fall = p === 0 && d >= 120 ? -0.3 * ((d - 119) / 60) : p === 3 && d >= 120 ? -0.12 * ((d - 119) / 60) : 0;
      row.push(Number((base + wobble + fall + d * 0.0002).toFixed(4)));
    }
    rows.push(row);
  }
  return rows;
}

const TIERS: [string, number][] = [
  ["高风险", 3_456_789.12],
  ["中风险", 1_234_567.8],
  ["低风险", 456_789.01],
  ["观察", 98_765.43],
];

function addDataSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(DATA);
  ws.getRow(1).values = ["日期", ...PRODUCTS];
  navRows().forEach((r, i) => {
    ws.getRow(i + 2).values = r as ExcelJS.CellValue[];
    ws.getCell(i + 2, 1).numFmt = "yyyy-mm-dd";
  });
  ws.getCell("H1").value = "风险分层";
  ws.getCell("I1").value = "亏损金额（元）";
  TIERS.forEach(([t, v], i) => {
    ws.getCell(i + 2, 8).value = t;
    ws.getCell(i + 2, 9).value = v;
  });
  ws.getColumn(1).width = 12;
}

const MONEY = "#,##0.00;[Red]-#,##0.00";

function topClients(): CellValue[][] {
  const surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
  return Array.from({ length: 20 }, (_, i) => {
    const held = 2_000_000 - i * 73_311.17;
    const loss = -(held * (0.2 - i * 0.004));
    const flags = i % 3 === 0 ? "65岁及以上；适当性不匹配（C2 持有 R4）" : i % 3 === 1 ? "集中度高" : "";
    return [
      i + 1,
      `C${String(100231 + i * 37).padStart(7, "0")}`,
      i === 4 ? TRICKY[2] : `${surnames[i]}*${i % 2 ? "华" : ""}`,
      `13${(8 - (i % 3))}****${String(6310 + i * 113).slice(-4)}`,
      ["C2", "C3", "C4", "C5"][i % 4],
      Number(held.toFixed(2)),
      Number(loss.toFixed(2)),
      Number((loss / held).toFixed(4)),
      96 - i * 2,
      flags,
    ];
  });
}

const LONG_CAUSE =
  "本次净值下跌主要受债券市场利率快速上行影响：2026年9月以来十年期国债收益率上行约45个基点，产品持有的中长久期信用债估值下跌，" +
  "同时个别持仓发行人评级下调，导致估值进一步承压。产品单位净值由1.5000下跌至1.2000，跌幅20.00%。" +
  "经核查，部分客户风险承受能力等级低于产品风险等级（C2 客户持有 R4 产品），销售环节存在适当性管理不到位的问题。";

function demoModel(): ReportSheetModel {
  return {
    name: REPORT,
    columnWidths: [14, 16, 12, 12, 12, 12, 12, 14, 12, 30],
    repeatRows: [1, 1],
    footer: { left: "内部资料 注意保密", center: "第 &P 页 / 共 &N 页", right: "LossDesk R&D · 2026-11-28 10:30" },
    blocks: [
      { kind: "title", text: "理财产品净值下跌风险评估报告", subtitle: ["分析日 2026-11-27 · 生成于 2026-11-28 10:30 · 数据来源 sample-lossdesk.xlsx", "内部资料 注意保密"] },
      { kind: "heading", text: "一、关键数据" },
      {
        kind: "facts",
        rows: [
          { label: "受影响客户", value: 1234, numFmt: "#,##0" },
          { label: "亏损总额（元）", value: -12_345_678.9, numFmt: MONEY },
          { label: "平均亏损率", value: -0.1523, numFmt: "0.00%" },
          { label: "分析日", value: new Date(Date.UTC(2026, 10, 27)) },
          { label: "最大单户亏损", value: TRICKY[0] },
          { label: "客户热线", value: TRICKY[1] },
          { label: "说明", value: "金额按批次四舍五入到分后逐级加总；亏损率保留四位小数。风险评分 0-100，越高越应优先联系。" },
        ],
      },
      { kind: "heading", text: "二、产品情况" },
      {
        kind: "table",
        columns: [
          { header: "产品代码" }, { header: "产品名称" }, { header: "风险等级" },
          { header: "期初净值", numFmt: "0.0000" }, { header: "最新净值", numFmt: "0.0000" },
          { header: "净值变动", numFmt: "0.00%" }, { header: "持有客户", numFmt: "#,##0" },
          { header: "亏损金额（元）", numFmt: MONEY },
        ],
        rows: PRODUCTS.map((p, i) => [`WM00${i + 1}`, p, `R${(i % 4) + 2}`, [1.5, 1.08, 1.21, 1.36, 1.02][i], [1.2, 1.1, 1.25, 1.23, 1.05][i], [-0.2, 0.0185, 0.0331, -0.0956, 0.0294][i], [812, 120, 95, 402, 66][i], [-9_876_543.21, 0, 0, -2_469_135.69, 0][i]]),
        note: "期初净值取分析期首个估值日；净值变动 = 最新净值 / 期初净值 - 1。",
      },
      { kind: "heading", text: "三、重点客户（按风险评分，前 20 名）" },
      {
        kind: "table",
        columns: [
          { header: "排名" }, { header: "客户编号" }, { header: "姓名" }, { header: "手机" }, { header: "风险承受" },
          { header: "持有金额（元）", numFmt: MONEY }, { header: "亏损金额（元）", numFmt: MONEY }, { header: "亏损率", numFmt: "0.00%" },
          { header: "风险评分" }, { header: "标记" },
        ],
        rows: topClients(),
        note: "手机号已脱敏；完整联系方式请在客户关系系统中查询。",
      },
      { kind: "paragraph", text: "以下原因分析、处置措施和监管报告要点由风险分析师填写（黄色区域）。重新生成报告时，已填写的内容会保留；未填写的区域显示系统根据测算结果生成的参考文字。" + TRICKY[3] },
      { kind: "heading", text: "四、原因分析" },
      { kind: "input", area: { key: "cause-market", label: "市场风险", prefill: LONG_CAUSE, rows: 4 } },
      { kind: "input", area: { key: "cause-selection", label: "选择风险", prefill: TRICKY[0], rows: 2 } },
      { kind: "heading", text: "五、处置措施" },
      { kind: "input", area: { key: "disposal", label: "处置措施", prefill: "1. 48 小时内完成高风险客户电话沟通；\n2. 对适当性不匹配客户逐户复核销售记录；\n3. 暂停该产品新增销售。", rows: 4 } },
      { kind: "heading", text: "六、图表" },
      { kind: "chart", chart: { type: "line", title: "产品单位净值走势（近 180 天）", dataSheet: DATA, dataRef: "A1:F181", yAxisTitle: "单位净值", valueFormat: "0.0000" }, rows: 18 },
      { kind: "chart", chart: { type: "bar", title: "按风险分层的亏损金额", dataSheet: DATA, dataRef: "H1:I5", yAxisTitle: "亏损金额（元）", valueFormat: "#,##0" }, rows: 16 },
    ],
  };
}

async function partText(bytes: Uint8Array, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const f = zip.file(part);
  if (!f) throw new Error(`no part ${part}`);
  return f.async("string");
}

/** The worksheet part of a sheet name, through workbook.xml and its rels. */
async function sheetPartOf(bytes: Uint8Array, name: string): Promise<string> {
  const wbXml = await partText(bytes, "xl/workbook.xml");
  const rels = await partText(bytes, "xl/_rels/workbook.xml.rels");
  const m = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(wbXml);
  if (!m) throw new Error(`no sheet ${name}`);
  const t = new RegExp(`Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels) ?? new RegExp(`Target="([^"]+)"[^>]*Id="${m[1]}"`).exec(rels);
  return `xl/${t![1].replace(/^\/?xl\//, "")}`;
}

// ---- tests ----

describe("renderReportSheet layout", () => {
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  let out: ReturnType<typeof renderReportSheet>;
  beforeAll(() => {
    wb = new ExcelJS.Workbook();
    addDataSheet(wb);
    out = renderReportSheet(wb, demoModel());
    ws = out.sheet;
  });

  test("title is big, bold and merged across the grid; subtitle lines under it", () => {
    expect(ws.getCell("A1").value).toBe("理财产品净值下跌风险评估报告");
    expect(ws.getCell("A1").font.bold).toBe(true);
    expect(ws.getCell("A1").font.size).toBe(16);
    expect(ws.getCell("J1").isMerged).toBe(true);
    expect(ws.getCell("J1").master.address).toBe("A1");
    expect(ws.getCell("A2").value).toMatch(/^分析日/);
    expect(ws.getCell("A3").value).toBe("内部资料 注意保密");
  });

  test("column widths follow the grid; the marker column after it is hidden", () => {
    expect(demoModel().columnWidths.map((_, i) => ws.getColumn(i + 1).width)).toEqual(demoModel().columnWidths);
    expect(ws.getColumn(11).hidden).toBe(true);
  });

  test("headings are bold on a filled band", () => {
    const row = findRow(ws, "一、关键数据");
    const cell = ws.getCell(row, 1);
    expect(cell.font.bold).toBe(true);
    expect(cell.fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(ws.getCell(row, 10).master.address).toBe(`A${row}`);
  });

  test("facts: label, then the value with its number format", () => {
    const row = findRow(ws, "亏损总额（元）");
    const label = ws.getCell(row, 1);
    const value = ws.getRow(row).getCell(nextValueCol(ws, row));
    expect(label.value).toBe("亏损总额（元）");
    expect(value.value).toBe(-12_345_678.9);
    expect(value.numFmt).toBe(MONEY);
    const dateRow = findRow(ws, "分析日");
    const d = ws.getRow(dateRow).getCell(nextValueCol(ws, dateRow));
    expect(d.value).toEqual(new Date(Date.UTC(2026, 10, 27)));
    expect(d.numFmt).toBe("yyyy-mm-dd");
  });

  test("tables: bold filled bordered header, number formats per column, italic note", () => {
    const hr = findRow(ws, "产品代码");
    const h = ws.getCell(hr, 4);
    expect(h.value).toBe("期初净值");
    expect(h.font.bold).toBe(true);
    expect(h.fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(h.border.top?.style).toBe("thin");
    expect(ws.getCell(hr + 1, 4).value).toBe(1.5);
    expect(ws.getCell(hr + 1, 4).numFmt).toBe("0.0000");
    expect(ws.getCell(hr + 1, 6).numFmt).toBe("0.00%");
    expect(ws.getCell(hr + 1, 8).numFmt).toBe(MONEY);
    expect(ws.getCell(hr + 1, 1).border.left?.style).toBe("thin");
    const note = ws.getCell(hr + 6, 1);
    expect(note.value).toMatch(/^期初净值取/);
    expect(note.font.italic).toBe(true);
    // top 20: masked phones as text
    const tr = findRow(ws, "排名");
    expect(ws.getCell(tr + 1, 4).value).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(ws.getCell(tr + 20, 1).value).toBe(20);
  });

  test("paragraphs wrap across the grid with a height from their length", () => {
    const row = findRow(ws, /^以下原因分析/);
    expect(ws.getCell(row, 1).alignment.wrapText).toBe(true);
    expect(ws.getCell(row, 10).master.address).toBe(`A${row}`);
    expect(ws.getRow(row).height).toBeGreaterThan(18);
  });

  test("input areas: label, then a merged yellow wrap-text box; marker and defined name point at it", () => {
    const [market, selection, disposal] = out.inputAreas;
    expect(out.inputAreas.map((a) => a.key)).toEqual(["cause-market", "cause-selection", "disposal"]);
    const labelRow = Number(market.labelAddress.slice(1));
    expect(ws.getCell(market.labelAddress).value).toBe("市场风险");
    expect(market.address).toBe(`A${labelRow + 1}:J${labelRow + 4}`);
    const box = ws.getCell(`A${labelRow + 1}`);
    expect(box.value).toBe(LONG_CAUSE);
    expect(box.alignment.wrapText).toBe(true);
    expect(box.fill).toMatchObject({ fgColor: { argb: "FFFFF2CC" } });
    expect(ws.getCell(`J${labelRow + 4}`).master.address).toBe(`A${labelRow + 1}`);
    expect(ws.getCell(`J${labelRow + 4}`).border.bottom?.style).toBe("thin");
    // the marker: hidden column K, the box's first row
    expect(market.markerAddress).toBe(`K${labelRow + 1}`);
    expect(ws.getCell(market.markerAddress).value).toBe(inputMarker("cause-market"));
    expect(market.definedName).toBe("LossDesk_cause_2d_market");
    expect(wb.definedNames.getRanges(market.definedName).ranges).toEqual([`'${REPORT}'!$A$${labelRow + 1}:$J$${labelRow + 4}`]);
    expect(selection.source).toBe("prefill");
    expect(ws.getCell(selection.address.split(":")[0]).value).toBe(TRICKY[0]);
    // explicit line breaks: the box grows so the print shows all lines
    expect(disposal.text.split("\n")).toHaveLength(3);
  });

  test("chart blocks reserve their rows and report 0-based anchors across the grid", () => {
    expect(out.charts).toHaveLength(2);
    const [nav, tiers] = out.charts;
    expect(nav.anchor).toMatchObject({ fromCol: 0, fromRowOff: 3 * 12700, toCol: 9, toColOff: (30 * 7 + 5) * 9525, toRowOff: 15 * 12700 });
    expect(nav.anchor.toRow - nav.anchor.fromRow).toBe(17); // 18 rows, the corner inside the last
    expect(tiers.anchor.fromRow).toBe(nav.anchor.toRow + 2); // one spacer row between
    expect(tiers.anchor.toRow - tiers.anchor.fromRow).toBe(15);
    for (let r = nav.anchor.fromRow + 1; r <= nav.anchor.toRow + 1; r++) expect(ws.getRow(r).cellCount).toBe(0);
    expect(out.lastRow).toBeGreaterThanOrEqual(tiers.anchor.toRow);
  });

  test("manual page breaks keep blocks together and never come after a heading", () => {
    expect(out.pageBreaksAfter.length).toBeGreaterThan(0);
    for (const r of out.pageBreaksAfter) {
      expect(String(ws.getCell(r, 1).value ?? "")).not.toMatch(/^[一二三四五六七八九十]、/);
    }
  });
});

describe("input area text carried over", () => {
  test("a non-blank previous text replaces the prefill; a blank one does not", () => {
    const wb = new ExcelJS.Workbook();
    addDataSheet(wb);
    const out = renderReportSheet(wb, demoModel(), { "cause-market": "分析师写的原因", disposal: "  \n ", other: "x" });
    const byKey = Object.fromEntries(out.inputAreas.map((a) => [a.key, a]));
    expect(byKey["cause-market"]).toMatchObject({ text: "分析师写的原因", source: "previous" });
    expect(out.sheet.getCell(byKey["cause-market"].address.split(":")[0]).value).toBe("分析师写的原因");
    expect(byKey.disposal.source).toBe("prefill");
  });

  test("regenerating replaces the sheet in its tab position and moves the names, not unions them", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("前");
    addDataSheet(wb);
    renderReportSheet(wb, demoModel());
    wb.addWorksheet("后");
    const shorter = demoModel();
    shorter.blocks = shorter.blocks.filter((b) => b.kind !== "table");
    const out = renderReportSheet(wb, shorter);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["前", DATA, REPORT, "后"]);
    const a = out.inputAreas[0];
    const [tl, br] = a.address.split(":");
    expect(wb.definedNames.getRanges(a.definedName).ranges).toEqual([`'${REPORT}'!$${tl.replace(/(\d+)/, "$$$1")}:$${br.replace(/(\d+)/, "$$$1")}`]);
  });

  test("duplicate keys and tables wider than the grid are refused", () => {
    const dup = demoModel();
    dup.blocks.push({ kind: "input", area: { key: "disposal", label: "again", prefill: "", rows: 1 } });
    expect(() => renderReportSheet(new ExcelJS.Workbook(), dup)).toThrow(/two input areas/);
    const wide = demoModel();
    wide.columnWidths = [10, 10];
    expect(() => renderReportSheet(new ExcelJS.Workbook(), wide)).toThrow(/columns but the report grid/);
  });

  test("inputAreaName keeps names valid and distinct", () => {
    expect(inputAreaName("cause-market")).toBe("LossDesk_cause_2d_market");
    expect(inputAreaName("cause_2d_market")).not.toBe(inputAreaName("cause-market").replace("_2d_", "-")); // sanity
    expect(inputAreaName("原因")).toMatch(/^LossDesk_[A-Za-z0-9_.]+$/);
    expect(inputAreaName("a b")).not.toBe(inputAreaName("a.b"));
  });
});

describe("estimateLines", () => {
  test("CJK characters count double width; newlines start lines", () => {
    expect(estimateLines("a".repeat(20), 30)).toBe(1);
    expect(estimateLines("汉".repeat(20), 30)).toBe(2);
    expect(estimateLines("a\nb\nc", 30)).toBe(3);
    expect(estimateLines("", 30)).toBe(1);
  });
});

describe("the written file", () => {
  let bytes: Uint8Array;
  let sheetXml: string;
  let workbookXml: string;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    addDataSheet(wb);
    const out = renderReportSheet(wb, demoModel());
    bytes = await writeWorkbookBytes(wb, chartsOfReport(wb, out));
    if (process.env.LOSSDESK_REPORT_OUT) fs.writeFileSync(process.env.LOSSDESK_REPORT_OUT, bytes);
    sheetXml = await partText(bytes, await sheetPartOf(bytes, REPORT));
    workbookXml = await partText(bytes, "xl/workbook.xml");
  });

  test("no cell is a formula; tricky strings come back as strings", async () => {
    expect(sheetXml).not.toMatch(/<f[ >]/);
    const p = path.join(dir, "report.xlsx");
    fs.writeFileSync(p, bytes);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(p);
    const ws = wb.getWorksheet(REPORT)!;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && texts.push(c.value)));
    for (const t of TRICKY) expect(texts.some((x) => x === t || x.endsWith(t))).toBe(true);
  });

  test("A4 landscape, one page wide, as many tall as needed, centred, with margins", () => {
    const ps = /<pageSetup [^>]*\/>/.exec(sheetXml)![0];
    expect(ps).toMatch(/paperSize="9"/);
    expect(ps).toMatch(/orientation="landscape"/);
    expect(ps).toMatch(/fitToWidth="1"/);
    expect(ps).toMatch(/fitToHeight="0"/);
    expect(sheetXml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    expect(sheetXml).toMatch(/<printOptions [^>]*horizontalCentered="1"/);
    expect(sheetXml).toMatch(/<pageMargins left="0.4" right="0.4" top="0.55" bottom="0.65" header="0.25" footer="0.3"\/>/);
    expect(sheetXml).toMatch(/<rowBreaks count="\d+" manualBreakCount="\d+"><brk /);
  });

  test("footer with page codes; print titles and print area as defined names", () => {
    expect(sheetXml).toContain("<oddFooter>&amp;L内部资料 注意保密&amp;C第 &amp;P 页 / 共 &amp;N 页&amp;RLossDesk R&amp;&amp;D · 2026-11-28 10:30</oddFooter>");
    const names = workbookXml.replace(/&apos;/g, "'");
    expect(names).toMatch(new RegExp(`<definedName name="_xlnm.Print_Titles" localSheetId="1">'${REPORT}'!\\$1:\\$1</definedName>`));
    expect(names).toMatch(new RegExp(`<definedName name="LossDesk_cause_2d_market">'${REPORT}'!\\$A\\$\\d+:\\$J\\$\\d+</definedName>`));
  });

  test("the charts are in the package and ExcelJS still reads it", async () => {
    const zip = await JSZip.loadAsync(bytes);
    expect(zip.file("xl/charts/chart1.xml")).not.toBeNull();
    expect(zip.file("xl/charts/chart2.xml")).not.toBeNull();
    expect(sheetXml).toMatch(/<drawing r:id="rId\d+"\/>/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([DATA, REPORT]);
  });
});

describe("the grafting writer with reports", () => {
  test("input sheets kept, data sheet and report written with charts; regenerating keeps one set of charts and names", async () => {
    const input = path.join(dir, "input.xlsx");
    await writeNewWorkbook(input, [{ name: "持仓", columns: [{ header: "客户" }], rows: [["C1"]], tableName: "Holdings" }]);
    const data: TableSheetModel = {
      name: DATA,
      columns: [{ header: "日期", numFmt: "yyyy-mm-dd" }, ...PRODUCTS.map((header) => ({ header, numFmt: "0.0000" })), { header: "" }, { header: "风险分层" }, { header: "亏损金额（元）" }],
      rows: navRows().map((r, i) => [...r, null, ...(i < TIERS.length ? TIERS[i] : [null, null])]),
    };
    const first = path.join(dir, "first.xlsx");
    // no chart data given: the writer reads the caches from the data sheet's model
    await graftWorkbookFile(input, first, { tables: [], reports: [{ sheet: demoModel(), data, charts: [] }] });
    const second = path.join(dir, "second.xlsx");
    await graftWorkbookFile(first, second, { tables: [], reports: [{ sheet: demoModel(), data, charts: [] }] });
    for (const f of [first, second]) {
      const bytes = new Uint8Array(fs.readFileSync(f));
      const zip = await JSZip.loadAsync(bytes);
      const charts = Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
      expect(charts).toHaveLength(2);
      const wbXml = await partText(bytes, "xl/workbook.xml");
      expect(wbXml.match(/name="LossDesk_disposal"/g)).toHaveLength(1);
      // one print-titles name per sheet (the data sheet's header row, the report's title rows), not doubled by regenerating
      expect([...wbXml.matchAll(/name="_xlnm.Print_Titles" localSheetId="(\d+)"/g)].map((m) => m[1])).toEqual(["1", "2"]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f);
      expect(wb.worksheets.map((w) => w.name)).toEqual(["持仓", DATA, REPORT]);
      expect(await partText(bytes, await sheetPartOf(bytes, REPORT))).toMatch(/<drawing r:id="rId\d+"\/>/);
    }
  });

  test("a report named like a model is refused", async () => {
    const input = path.join(dir, "input2.xlsx");
    await writeNewWorkbook(input, [{ name: "持仓", columns: [{ header: "客户" }], rows: [["C1"]] }]);
    await expect(
      graftWorkbookFile(input, path.join(dir, "x.xlsx"), { tables: [{ name: REPORT, columns: [{ header: "a" }], rows: [] }], reports: [{ sheet: demoModel(), data: { name: DATA, columns: [{ header: "a" }], rows: [] }, charts: [] }] }),
    ).rejects.toThrow(/two output sheets/);
  });
});

// ---- helpers ----

function findRow(ws: ExcelJS.Worksheet, text: string | RegExp): number {
  let found = 0;
  ws.eachRow((row, n) => {
    const v = row.getCell(1).value;
    if (!found && typeof v === "string" && (typeof text === "string" ? v === text : text.test(v))) found = n;
  });
  if (!found) throw new Error(`no row starting with ${String(text)}`);
  return found;
}

/** The first cell right of the (possibly merged) label in column A. */
function nextValueCol(ws: ExcelJS.Worksheet, row: number): number {
  let c = 2;
  while (ws.getCell(row, c).isMerged && ws.getCell(row, c).master.address === `A${row}`) c++;
  return c;
}
