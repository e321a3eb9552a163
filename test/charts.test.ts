// Chart parts added to an ExcelJS-written package: the parts, content types and rels are
// consistent, the sheet's elements stay in CT_Worksheet order, the caches hold the values, and
// what was there (a table, an image drawing) is kept. No LibreOffice needed here; see
// scripts/report-pdf.sh for the visual check.

import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  addChartsToXlsx,
  chartXml,
  insertDrawingElement,
  niceAxis,
  parseRange,
  topLevelElements,
  type ChartToAdd,
} from "../src/adapters/xlsx/charts";
import { resolveTarget } from "../src/adapters/xlsx/read-core";
import { XmlTokenizer } from "../src/adapters/xlsx/xml";
import type { ChartSpec } from "../src/core/workbook";

const DATA = "报告数据";
const REPORT = "风险'报告"; // an apostrophe: sheet references must double it
const PRODUCTS = ["稳健增利1号", "安盈30天", "鑫享180天", "智选混合A", "恒润债券B"];
const DAYS = 180;
const TIERS: [string, number][] = [["高风险", 3456789.12], ["中风险", 1234567.8], ["低风险", 456789.01], ["观察", 98765.43]];

const day = (d: number): Date => new Date(Date.UTC(2026, 5, 1) + d * 86400000);
const nav = (p: number, d: number): number => Number(([1.5, 1.08, 1.21, 1.36, 1.02][p] - (p === 0 && d >= 120 ? (0.3 * (d - 119)) / 60 : 0) + d * 0.0001).toFixed(4));

const NAV_CHART: ChartSpec = { type: "line", title: "产品单位净值走势 <近180天> & 回撤", dataSheet: DATA, dataRef: "A1:F181", yAxisTitle: "单位净值", valueFormat: "0.0000" };
const TIER_CHART: ChartSpec = { type: "bar", title: "按风险分层的亏损金额", dataSheet: DATA, dataRef: "$H$1:$I$5", yAxisTitle: "亏损金额（元）", valueFormat: "#,##0" };

function navData(): ChartToAdd["data"] {
  return {
    categories: Array.from({ length: DAYS }, (_, d) => day(d)),
    series: PRODUCTS.map((name, p) => ({ name, values: Array.from({ length: DAYS }, (_, d) => (p === 2 && d === 7 ? null : nav(p, d))) })),
  };
}
const tierData = (): ChartToAdd["data"] => ({ categories: TIERS.map((t) => t[0]), series: [{ name: "亏损金额（元）", values: TIERS.map((t) => t[1]) }] });

// 1x1 transparent PNG
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

/** A workbook with a data sheet, a report sheet holding an Excel table, and optionally an image there. */
async function baseWorkbook(opts: { image?: boolean; extraFirst?: boolean } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (opts.extraFirst) wb.addWorksheet("说明").getCell("A1").value = "x";
  const data = wb.addWorksheet(DATA);
  data.getRow(1).values = ["日期", ...PRODUCTS];
  for (let d = 0; d < DAYS; d++) data.getRow(d + 2).values = [day(d), ...PRODUCTS.map((_, p) => nav(p, d))];
  data.getCell("H1").value = "风险分层";
  data.getCell("I1").value = "亏损金额（元）";
  TIERS.forEach(([t, v], i) => {
    data.getCell(i + 2, 8).value = t;
    data.getCell(i + 2, 9).value = v;
  });
  const ws = wb.addWorksheet(REPORT);
  ws.getCell("A1").value = "报告";
  ws.addTable({
    name: "TopClients",
    ref: "A3",
    headerRow: true,
    columns: [{ name: "客户" }, { name: "亏损" }],
    rows: [["C001", -1], ["C002", -2]],
  });
  ws.mergeCells("A1:D1");
  ws.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  ws.headerFooter.oddFooter = "&C&P / &N";
  ws.getRow(2).addPageBreak();
  ws.getCell("B2").dataValidation = { type: "list", allowBlank: true, formulae: ['"a,b"'] };
  ws.addConditionalFormatting({ ref: "B4:B5", rules: [{ type: "cellIs", operator: "lessThan", formulae: [0], priority: 1, style: { font: { color: { argb: "FFFF0000" } } } }] });
  if (opts.image) {
    const id = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
    ws.addImage(id, "F2:G4");
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function charts(): ChartToAdd[] {
  return [
    { sheetName: REPORT, chart: NAV_CHART, anchor: { fromCol: 0, fromRow: 10, toCol: 9, toRow: 27, toColOff: 2047875, toRowOff: 190500 }, data: navData() },
    { sheetName: REPORT, chart: TIER_CHART, anchor: { fromCol: 0, fromRow: 29, toCol: 10, toRow: 45 }, data: tierData() },
  ];
}

// ---- package checks ----

const CT_WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
  "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells",
  "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
  "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
  "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];

function wellFormed(xml: string): void {
  const t = new XmlTokenizer({ wantText: false, open() {}, close() {}, text() {} });
  t.write(xml);
  t.end();
}

interface Pkg {
  zip: JSZip;
  parts: string[];
  text: (p: string) => Promise<string>;
}
async function open(bytes: Uint8Array): Promise<Pkg> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name);
  return { zip, parts, text: (p) => zip.file(p)!.async("string") };
}

function rels(xml: string): { id: string; type: string; target: string; external: boolean }[] {
  return [...xml.matchAll(/<Relationship ([^>]*?)\/>/g)].map((m) => {
    const a = (k: string): string => new RegExp(`\\b${k}="([^"]*)"`).exec(m[1])?.[1] ?? "";
    return { id: a("Id"), type: a("Type"), target: a("Target"), external: a("TargetMode") === "External" };
  });
}

/** Every rel target exists, rel ids are unique, every part has a content type, every Override names a part. */
async function checkConsistent(pkg: Pkg): Promise<void> {
  const ct = await pkg.text("[Content_Types].xml");
  const defaults = new Set([...ct.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1].toLowerCase()));
  const overrides = [...ct.matchAll(/<Override PartName="([^"]+)"/g)].map((m) => m[1].slice(1));
  for (const o of overrides) expect(pkg.parts).toContain(o);
  for (const p of pkg.parts) {
    if (p === "[Content_Types].xml") continue;
    const ext = p.slice(p.lastIndexOf(".") + 1).toLowerCase();
    if (!overrides.includes(p) && !defaults.has(ext)) throw new Error(`no content type for ${p}`);
  }
  for (const relsPart of pkg.parts.filter((p) => p.endsWith(".rels"))) {
    const source = relsPart.replace(/_rels\/([^/]+)\.rels$/, "$1").replace(/^_rels\/\.rels$/, "");
    const list = rels(await pkg.text(relsPart));
    expect(new Set(list.map((r) => r.id)).size).toBe(list.length);
    for (const r of list) {
      if (r.external) continue;
      const target = resolveTarget(relsPart === "_rels/.rels" ? "" : source, r.target);
      if (!pkg.parts.includes(target)) throw new Error(`${relsPart}: ${r.id} -> ${target} does not exist`);
    }
  }
  for (const p of pkg.parts.filter((x) => x.endsWith(".xml") || x.endsWith(".rels"))) wellFormed(await pkg.text(p));
}

function checkOrder(sheetXml: string): void {
  const names = topLevelElements(sheetXml).children.map((c) => c.name);
  const idx = names.map((n) => CT_WORKSHEET_ORDER.indexOf(n));
  expect(idx).not.toContain(-1);
  for (let i = 1; i < idx.length; i++) if (idx[i] < idx[i - 1]) throw new Error(`<${names[i]}> after <${names[i - 1]}>: ${names.join(", ")}`);
  expect(names.filter((n) => n === "drawing")).toHaveLength(1);
}

async function sheetPart(pkg: Pkg, name: string): Promise<string> {
  const wb = await pkg.text("xl/workbook.xml");
  const esc = name.replace(/&/g, "&amp;").replace(/'/g, "&apos;");
  const rid = (new RegExp(`<sheet [^>]*name="${esc}"[^>]*r:id="([^"]+)"`).exec(wb) ?? new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(wb))![1];
  const r = rels(await pkg.text("xl/_rels/workbook.xml.rels")).find((x) => x.id === rid)!;
  return resolveTarget("xl/workbook.xml", r.target);
}

async function drawingOf(pkg: Pkg, sheet: string): Promise<{ part: string; xml: string; rels: ReturnType<typeof rels> }> {
  const sp = await sheetPart(pkg, sheet);
  const sheetRels = rels(await pkg.text(sp.replace(/([^/]+)$/, "_rels/$1.rels")));
  const id = /<drawing r:id="([^"]+)"/.exec(await pkg.text(sp))![1];
  const part = resolveTarget(sp, sheetRels.find((r) => r.id === id)!.target);
  return { part, xml: await pkg.text(part), rels: rels(await pkg.text(part.replace(/([^/]+)$/, "_rels/$1.rels"))) };
}

// ---- tests ----

describe("addChartsToXlsx on an ExcelJS workbook with a table", () => {
  let pkg: Pkg;
  let out: Uint8Array;
  beforeAll(async () => {
    out = await addChartsToXlsx(await baseWorkbook(), charts());
    pkg = await open(out);
  });

  test("chart, drawing and rels parts exist; content types and rels are consistent", async () => {
    expect(pkg.parts).toEqual(expect.arrayContaining(["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels"]));
    const ct = await pkg.text("[Content_Types].xml");
    expect(ct).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(ct).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
    await checkConsistent(pkg);
  });

  test("the sheet gets one <drawing> at its schema place; the table part and its rel are kept", async () => {
    const sp = await sheetPart(pkg, REPORT);
    const xml = await pkg.text(sp);
    checkOrder(xml);
    expect(xml).toMatch(/<drawing r:id="rId\d+"\/><tableParts count="1">/);
    const sheetRels = rels(await pkg.text(sp.replace(/([^/]+)$/, "_rels/$1.rels")));
    expect(sheetRels.map((r) => r.type.split("/").pop()).sort()).toEqual(["drawing", "table"]);
    // the data sheet is untouched
    expect(await pkg.text(await sheetPart(pkg, DATA))).not.toContain("<drawing");
  });

  test("one anchor per chart, at the given cells, each pointing at its chart", async () => {
    const d = await drawingOf(pkg, REPORT);
    const anchors = [...d.xml.matchAll(/<xdr:twoCellAnchor[\s\S]*?<\/xdr:twoCellAnchor>/g)].map((m) => m[0]);
    expect(anchors).toHaveLength(2);
    expect(anchors[0]).toContain("<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>10</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>");
    expect(anchors[0]).toContain("<xdr:to><xdr:col>9</xdr:col><xdr:colOff>2047875</xdr:colOff><xdr:row>27</xdr:row><xdr:rowOff>190500</xdr:rowOff></xdr:to>");
    const ids = anchors.map((a) => /r:id="([^"]+)"/.exec(a)![1]);
    const targets = ids.map((id) => resolveTarget(d.part, d.rels.find((r) => r.id === id)!.target));
    expect(targets).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml"]);
    const shapeIds = anchors.map((a) => /<xdr:cNvPr id="(\d+)"/.exec(a)![1]);
    expect(new Set(shapeIds).size).toBe(2);
  });

  test("line chart: five series named from the header row, date categories and values cached", async () => {
    const xml = await pkg.text("xl/charts/chart1.xml");
    expect(xml).toContain("<c:lineChart>");
    const sers = [...xml.matchAll(/<c:ser>[\s\S]*?<\/c:ser>/g)].map((m) => m[0]);
    expect(sers).toHaveLength(5);
    sers.forEach((s, i) => {
      const col = "BCDEF"[i];
      expect(s).toContain(`<c:tx><c:strRef><c:f>'${DATA}'!$${col}$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${PRODUCTS[i]}</c:v></c:pt></c:strCache></c:strRef></c:tx>`);
      expect(s).toContain(`<c:val><c:numRef><c:f>'${DATA}'!$${col}$2:$${col}$181</c:f><c:numCache><c:formatCode>0.0000</c:formatCode><c:ptCount val="180"/>`);
      expect(s).toContain(`<c:cat><c:numRef><c:f>'${DATA}'!$A$2:$A$181</c:f><c:numCache><c:formatCode>yyyy-mm-dd</c:formatCode><c:ptCount val="180"/>`);
    });
    // cached values: the first product's first and last points, the date serials
    const vals = (s: string): string[] => [...s.split("<c:val>")[1].matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v>/g)].map((m) => `${m[1]}=${m[2]}`);
    expect(vals(sers[0])[0]).toBe(`0=${nav(0, 0)}`);
    expect(vals(sers[0])[179]).toBe(`179=${nav(0, 179)}`);
    expect(vals(sers[2])).toHaveLength(179); // the null point is left out (a gap), the count stays 180
    expect(sers[0]).toContain('<c:pt idx="0"><c:v>46174</c:v></c:pt>'); // 2026-06-01
    // axis titles, number format, non-zero-based value axis for the NAV
    expect(xml).toContain("<a:t>单位净值</a:t>");
    expect(xml).toContain('<c:numFmt formatCode="0.0000" sourceLinked="0"/>');
    expect(xml).toMatch(/<c:max val="1.6"\/><c:min val="1"\/>/); // data 1.02 .. 1.5179
    expect(xml).toContain("<a:t>产品单位净值走势 &lt;近180天&gt; &amp; 回撤</a:t>");
    expect(xml).toContain('<c:legendPos val="b"/>');
  });

  test("bar chart: clustered columns, text categories cached, zero-based axis", async () => {
    const xml = await pkg.text("xl/charts/chart2.xml");
    expect(xml).toContain('<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>');
    const sers = [...xml.matchAll(/<c:ser>[\s\S]*?<\/c:ser>/g)].map((m) => m[0]);
    expect(sers).toHaveLength(1);
    expect(sers[0]).toContain(`<c:cat><c:strRef><c:f>'${DATA}'!$H$2:$H$5</c:f><c:strCache><c:ptCount val="4"/><c:pt idx="0"><c:v>高风险</c:v></c:pt>`);
    expect(sers[0]).toContain('<c:pt idx="1"><c:v>1234567.8</c:v></c:pt>');
    expect(xml).not.toContain("<c:min ");
    expect(xml).toContain('<c:numFmt formatCode="#,##0" sourceLinked="0"/>');
  });

  test("ExcelJS still reads the result, table included", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(REPORT)!;
    expect((ws.getTables() as unknown as { name: string }[]).map((t) => t.name)).toEqual(["TopClients"]);
    expect(wb.getWorksheet(DATA)!.getCell("B2").value).toBe(nav(0, 0));
  });
});

describe("sheets found by name, not by part number; existing drawings extended", () => {
  test("a renamed sheet part and a sheet before it", async () => {
    // move the report's part to an unusual name, as other writers do
    const zip = await JSZip.loadAsync(await baseWorkbook({ extraFirst: true }));
    const pkg0 = await open(await zip.generateAsync({ type: "uint8array" }));
    const from = await sheetPart(pkg0, REPORT);
    const to = "xl/worksheets/report-sheet.xml";
    zip.file(to, await zip.file(from)!.async("string"));
    zip.file("xl/worksheets/_rels/report-sheet.xml.rels", await zip.file(from.replace(/([^/]+)$/, "_rels/$1.rels"))!.async("string"));
    zip.remove(from);
    zip.remove(from.replace(/([^/]+)$/, "_rels/$1.rels"));
    const wbRels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file("xl/_rels/workbook.xml.rels", wbRels.replace(`Target="${from.replace("xl/", "")}"`, `Target="/${to}"`));
    const ct = await zip.file("[Content_Types].xml")!.async("string");
    zip.file("[Content_Types].xml", ct.replace(`/${from}`, `/${to}`));
    const moved = await zip.generateAsync({ type: "uint8array" });

    const pkg = await open(await addChartsToXlsx(moved, charts()));
    await checkConsistent(pkg);
    expect(await pkg.text(to)).toContain("<drawing ");
    for (const p of pkg.parts.filter((x) => /^xl\/worksheets\/sheet\d+\.xml$/.test(x))) expect(await pkg.text(p)).not.toContain("<drawing");
    const d = await drawingOf(pkg, REPORT);
    expect(d.rels).toHaveLength(2);
  });

  test("a sheet with an image: the charts join its drawing, the picture stays", async () => {
    const before = await open(await baseWorkbook({ image: true }));
    const pkg = await open(await addChartsToXlsx(await baseWorkbook({ image: true }), charts()));
    await checkConsistent(pkg);
    checkOrder(await pkg.text(await sheetPart(pkg, REPORT)));
    const d = await drawingOf(pkg, REPORT);
    expect(d.xml).toContain("<xdr:pic>");
    expect(d.xml.match(/<xdr:graphicFrame/g)).toHaveLength(2);
    expect(d.rels.map((r) => r.type.split("/").pop()).sort()).toEqual(["chart", "chart", "image"]);
    const ids = [...d.xml.matchAll(/<xdr:cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(pkg.parts.filter((p) => p.startsWith("xl/drawings/") && p.endsWith(".xml"))).toEqual(
      before.parts.filter((p) => p.startsWith("xl/drawings/") && p.endsWith(".xml")),
    );
  });

  test("unknown sheets and data that does not match the range are refused", async () => {
    const bytes = await baseWorkbook();
    await expect(addChartsToXlsx(bytes, [{ ...charts()[0], sheetName: "没有" }])).rejects.toThrow(/no sheet named "没有"/);
    expect(() => chartXml(NAV_CHART, { ...navData(), categories: [day(0)] })).toThrow(/180 rows/);
    expect(() => chartXml(TIER_CHART, { ...tierData(), series: [] })).toThrow(/1 series/);
    expect(await addChartsToXlsx(bytes, [])).toBe(bytes);
  });
});

describe("insertDrawingElement", () => {
  const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  test("before legacyDrawing/tableParts/extLst, skipping nested extLst and the cells", () => {
    const xml =
      `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ${R}>` +
      `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lt;tableParts&gt; &lt;extLst/&gt;</t></is></c></row></sheetData>` +
      `<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>1</formula><extLst><ext uri="x"/></extLst></cfRule></conditionalFormatting>` +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
      `<legacyDrawing r:id="rId9"/><tableParts count="0"/><extLst><ext uri="y"/></extLst></worksheet>`;
    const out = insertDrawingElement(xml, "rId7");
    expect(out).toContain('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId7"/><legacyDrawing');
    checkOrder(out);
  });

  test("at the end when nothing follows; prefixed roots and unbound r: handled", () => {
    const plain = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><pageSetup paperSize="9"/></worksheet>`;
    expect(insertDrawingElement(plain, "rId1")).toBe(
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><pageSetup paperSize="9"/><drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></worksheet>`,
    );
    const prefixed = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheetData></x:sheetData><x:tableParts count="1"><x:tablePart rel:id="rId1"/></x:tableParts></x:worksheet>`;
    expect(insertDrawingElement(prefixed, "rId2")).toContain(`</x:sheetData><x:drawing rel:id="rId2"/><x:tableParts`);
    expect(() => insertDrawingElement(`<worksheet><sheetData/><drawing r:id="a"/></worksheet>`, "b")).toThrow(/already/);
  });
});

describe("helpers", () => {
  test("niceAxis brackets the data on round steps", () => {
    expect(niceAxis([1.2, 1.5])).toEqual({ min: 1.2, max: 1.5, major: 0.1 });
    expect(niceAxis([1.0012, 1.5231])).toEqual({ min: 1, max: 1.6, major: 0.2 });
    expect(niceAxis([])).toBeUndefined();
    expect(niceAxis([2, 2])).toEqual({ min: 1.9, max: 2.1, major: 0.05 }); // a flat line gets ±5%
  });
  test("parseRange", () => {
    expect(parseRange("$H$1:$I$5")).toEqual({ top: 1, left: 8, bottom: 5, right: 9 });
    expect(parseRange("AA10")).toEqual({ top: 10, left: 27, bottom: 10, right: 27 });
    expect(() => parseRange("Sheet!A1")).toThrow();
  });
});
