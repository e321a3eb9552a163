// The grafting writer (src/adapters/xlsx/graft.ts) on workbooks from other writers
// (test/fixtures/graft, made by make-graft-fixtures.py with openpyxl and LibreOffice): the output is
// the input package untouched plus LossDesk's parts.

import fs from "fs";
import os from "os";
import path from "path";
import { spawnSync } from "child_process";
import { Writable } from "stream";
import { unzipSync, zipSync } from "fflate";
import { XMLValidator } from "fast-xml-parser";
import { main } from "../src/cli/main";
import { readXlsxBytes, readXlsxFile } from "../src/adapters/xlsx/read";
import { graftWorkbook, openPackage, settingsFromPackage, GraftError } from "../src/adapters/xlsx/graft";
import { readCentralDirectory, rawEntryData } from "../src/adapters/xlsx/zip-core";
import { MemorySink, crc32 } from "../src/adapters/xlsx/zip-writer";
import type { TableSheetModel } from "../src/core/workbook";
import { settingsFromXml } from "../src/core/settings-xml";

const FIX = path.join(__dirname, "fixtures", "graft");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lossdesk-graft-"));
/** The input parts the graft may rewrite (docProps/app.xml is allowed too, but left alone). */
const MAY_CHANGE = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "docProps/app.xml"]);

async function run(...argv: string[]) {
  let out = "", err = "";
  const sink = (f: (s: string) => void) => new Writable({ write(chunk, _enc, cb) { f(String(chunk)); cb(); } });
  const code = await main(argv, sink((s) => (out += s)), sink((s) => (err += s)));
  return { code, out, err };
}

function entries(file: string): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(fs.readFileSync(file)));
}

function text(e: Record<string, Uint8Array>, name: string): string {
  return new TextDecoder().decode(e[name]);
}

function sheetsOf(workbookXml: string): { name: string; sheetId: string; rid: string }[] {
  return [...workbookXml.matchAll(/<sheet\b([^>]*)\/>/g)].map((m) => ({
    name: /name="([^"]*)"/.exec(m[1])![1],
    sheetId: /sheetId="([^"]*)"/.exec(m[1])![1],
    rid: /r:id="([^"]*)"/.exec(m[1])![1],
  }));
}

// a profile of our own: a LibreOffice already running with the default profile would take the job over
const LO_PROFILE = `-env:UserInstallation=file://${path.join(tmp, "lo-profile")}`;
const hasSoffice = spawnSync("sh", ["-c", "command -v soffice"]).status === 0;

describe.each([
  ["openpyxl-rich.xlsx", "xlsx"],
  ["libreoffice-rich.xlsx", "xlsx"],
  ["macro.xlsm", "xlsm"],
])("analyze --out on %s", (fixture, ext) => {
  const input = path.join(FIX, fixture);
  const out = path.join(tmp, `out-${fixture}`);
  let r: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    r = await run("analyze", input, "--as-of", "2026-11-27", "--out", out, "--locale", "zh-CN");
  }, 60000);

  test("exits 0 and says what it wrote", () => {
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain(`已写出 ${out}：亏损明细、沟通草稿、话术模板、投诉登记、媒体口径、舆情记录、风险评估报告、报告数据、监管报告、监管报告数据（草稿新增 12 行，不再生成 0 行）`);
    expect(out.endsWith(`.${ext}`)).toBe(true);
  });

  test("every input part but the five listed is byte-identical, uncompressed and as stored", () => {
    const a = entries(input);
    const b = entries(out);
    const inBytes = new Uint8Array(fs.readFileSync(input));
    const outBytes = new Uint8Array(fs.readFileSync(out));
    const stored = new Map(readCentralDirectory(outBytes).map((e) => [e.name, rawEntryData(outBytes, e)]));
    let compared = 0;
    for (const e of readCentralDirectory(inBytes)) {
      expect(b[e.name]).toBeDefined();
      if (MAY_CHANGE.has(e.name)) continue;
      expect(Buffer.from(b[e.name]).equals(Buffer.from(a[e.name]))).toBe(true);
      // copied as stored: the compressed bytes too, not inflated and deflated again
      expect(Buffer.from(stored.get(e.name)!).equals(Buffer.from(rawEntryData(inBytes, e)))).toBe(true);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(10);
    // the input's chart is there, on the NAV sheet, next to our two
    expect(Object.keys(b).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(3);
  });

  test("the input's sheets, names, ids and tab order are kept; ours come after them", () => {
    const before = sheetsOf(text(entries(input), "xl/workbook.xml"));
    const after = sheetsOf(text(entries(out), "xl/workbook.xml"));
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((s) => s.name)).toEqual(["亏损明细", "沟通草稿", "话术模板", "投诉登记", "媒体口径", "舆情记录", "报告数据", "风险评估报告", "监管报告数据", "监管报告"]);
    expect(new Set(after.map((s) => s.sheetId)).size).toBe(after.length);
  });

  test("every part we wrote is well-formed XML", () => {
    const a = entries(input);
    const b = entries(out);
    for (const name of Object.keys(b)) {
      if (!/\.(xml|rels)$/.test(name) || (a[name] && !MAY_CHANGE.has(name))) continue;
      const v = XMLValidator.validate(text(b, name));
      if (v !== true) throw new Error(`${name}: ${JSON.stringify(v)}`);
    }
  });

  test("our reader reads LossDesk's sheets back with the figures", async () => {
    const wb = await readXlsxFile(out);
    const losses = wb.sheets.find((s) => s.name === "亏损明细")!;
    expect(losses.tables).toEqual([{ name: "ClientLosses", ref: "A4:N8", headerRow: true }]);
    expect(losses.rows[3]!.slice(0, 3)).toEqual(["排序", "客户编号", "客户姓名"]);
    expect(losses.rows[4]!.slice(0, 2)).toEqual([1, "C0002"]);
    expect(losses.rows[4]![10]).toBe(-12750);
    expect(losses.rows[5]![10]).toBe(-27500);
    expect(losses.rows[1]).toEqual(["客户 4 名，其中亏损 3 名；合计盈亏 -35950.00 元"]);
    const drafts = wb.sheets.find((s) => s.name === "沟通草稿")!;
    // C0002 is a suitability mismatch aged 65+: its drafts wait for review
    expect(drafts.rows[6]!.slice(0, 2)).toEqual(["C0002", "李四"]);
    expect(drafts.rows[6]![11]).toBe("待复核");
    // the input's own tables are still found
    expect(wb.sheets.find((s) => s.name === "客户持仓")!.tables.map((t) => t.name)).toEqual(["Holdings"]);
  });

  test("table ids and names are unique across the workbook", () => {
    const b = entries(out);
    const tables = Object.keys(b).filter((n) => /^xl\/tables\/.*\.xml$/.test(n)).map((n) => text(b, n));
    const ids = tables.map((t) => /<table\b[^>]*\bid="(\d+)"/.exec(t)![1]);
    const names = tables.map((t) => /<table\b[^>]*\bname="([^"]+)"/.exec(t)![1].toLowerCase());
    expect(new Set(ids).size).toBe(tables.length);
    expect(new Set(names).size).toBe(tables.length);
    expect(tables.length).toBe(7); // NavTable, Holdings + ClientLosses, Drafts, DraftTemplates, Complaints, MediaLog
  });
});

test("an .xlsm stays an .xlsm: macro content type and vbaProject.bin kept", () => {
  const a = entries(path.join(FIX, "macro.xlsm"));
  const b = entries(path.join(tmp, "out-macro.xlsm"));
  expect(Buffer.from(b["xl/vbaProject.bin"]).equals(Buffer.from(a["xl/vbaProject.bin"]))).toBe(true);
  expect(text(b, "[Content_Types].xml")).toContain('ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"');
  expect(text(b, "xl/_rels/workbook.xml.rels")).toContain('Target="vbaProject.bin"');
});

test("an output name whose extension does not match the input's kind is refused before anything is written", async () => {
  const wrong = path.join(tmp, "macro-as.xlsx");
  const json = path.join(tmp, "macro-as.json");
  const r = await run("analyze", path.join(FIX, "macro.xlsm"), "--out", wrong, "--json", json, "--locale", "en-US");
  expect(r.code).toBe(2);
  expect(r.err).toContain(`lossdesk: the output name ${wrong} does not match the input's kind: the input is an .xlsm (with macros) and Excel will not open a file whose extension does not match; name --out .xlsm`);
  expect(fs.existsSync(wrong)).toBe(false);
  expect(fs.existsSync(json)).toBe(false);
  const r2 = await run("analyze", path.join(FIX, "openpyxl-rich.xlsx"), "--out", path.join(tmp, "plain-as.xlsm"), "--locale", "zh-CN");
  expect(r2.code).toBe(2);
  expect(r2.err).toContain("输入是 .xlsx，Excel 不会打开扩展名不符的文件；请把 --out 改为 .xlsx");
});

test("strict OOXML is refused with a plain message, nothing written", async () => {
  const out = path.join(tmp, "strict-out.xlsx");
  const json = path.join(tmp, "strict.json");
  const r = await run("analyze", path.join(FIX, "strict.xlsx"), "--out", out, "--json", json, "--locale", "en-US");
  expect(r.code).toBe(2);
  expect(r.err).toContain('the workbook is in Strict Open XML format, which LossDesk cannot add sheets to. Save it in Excel as "Excel Workbook (*.xlsx)" and try again.');
  expect(fs.existsSync(out)).toBe(false);
  expect(fs.existsSync(json)).toBe(false);
  expect(() => openPackage(new Uint8Array(fs.readFileSync(path.join(FIX, "strict.xlsx"))))).toThrow(GraftError);
});

test("an encrypted (OLE) file and a zip without a workbook are refused before writing", async () => {
  const ole = path.join(tmp, "encrypted.xlsx");
  fs.writeFileSync(ole, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0"), Buffer.alloc(512)]));
  const r = await run("analyze", ole, "--out", path.join(tmp, "enc-out.xlsx"), "--locale", "en-US");
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/encrypted|password/i);
  expect(fs.existsSync(path.join(tmp, "enc-out.xlsx"))).toBe(false);
  const nowb = path.join(tmp, "nowb.xlsx");
  fs.writeFileSync(nowb, zipSync({ "[Content_Types].xml": new TextEncoder().encode('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'), "hello.txt": new Uint8Array([104, 105]) }));
  expect(() => openPackage(new Uint8Array(fs.readFileSync(nowb)))).toThrow(/no-workbook|xl\/workbook\.xml/);
});

describe("regeneration on our own output", () => {
  const first = path.join(tmp, "out-openpyxl-rich.xlsx");
  const typed = path.join(tmp, "typed.xlsx");
  const second = path.join(tmp, "regen.xlsx");
  beforeAll(async () => {
    const r0 = await run("analyze", path.join(FIX, "openpyxl-rich.xlsx"), "--as-of", "2026-11-27", "--out", first, "--locale", "zh-CN");
    expect(r0.code).toBe(0);
    // someone types a status into the drafts sheet (as Excel would: the cell's text changes)
    const e = entries(first);
    const wbXml = text(e, "xl/workbook.xml");
    const rels = text(e, "xl/_rels/workbook.xml.rels");
    const rid = sheetsOf(wbXml).find((s) => s.name === "沟通草稿")!.rid;
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)!;
    const part = "xl/" + (target[1] ?? target[2]).replace(/^\/?xl\//, "");
    const sheet = text(e, part);
    const i = sheet.indexOf('<row r="7">');
    const cell = sheet.indexOf("待复核", i);
    e[part] = new TextEncoder().encode(sheet.slice(0, cell) + "已联系" + sheet.slice(cell + 3));
    fs.writeFileSync(typed, zipSync(e));
    const r = await run("analyze", typed, "--as-of", "2026-11-27", "--out", second, "--locale", "zh-CN");
    expect(r.code).toBe(0);
  }, 60000);

  test("LossDesk's sheets keep their position, sheetId, name and r:id", () => {
    expect(sheetsOf(text(entries(second), "xl/workbook.xml"))).toEqual(sheetsOf(text(entries(typed), "xl/workbook.xml")));
  });

  test("the typed status is carried over", async () => {
    const wb = await readXlsxFile(second);
    const drafts = wb.sheets.find((s) => s.name === "沟通草稿")!;
    expect(drafts.rows[6]!.slice(0, 2)).toEqual(["C0002", "李四"]);
    expect(drafts.rows[6]![11]).toBe("已联系");
    expect(drafts.rows[7]![11]).toBe("待复核");
  });

  test("the input sheet's formula pointing at 亏损明细 survives, and nothing but our parts changed", () => {
    const a = entries(typed);
    const b = entries(second);
    const sheets = sheetsOf(text(b, "xl/workbook.xml"));
    expect(sheets.find((s) => s.name === "汇总")).toBeDefined();
    const decode = (x: string) => x.replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)));
    const summary = Object.keys(b).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n)).map((n) => decode(text(b, n))).find((x) => x.includes("COUNTA"))!;
    expect(summary).toContain("<f>COUNTA('亏损明细'!A:A)</f>");
    // the old table, chart and drawing parts of the regenerated sheets are gone, not left dangling
    expect(Object.keys(b).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(3);
    expect(Object.keys(b).filter((n) => /^xl\/tables\/.*\.xml$/.test(n))).toHaveLength(7);
    const ct = text(b, "[Content_Types].xml");
    for (const m of ct.matchAll(/PartName="\/([^"]+)"/g)) expect(b[m[1]]).toBeDefined();
    // the styles are the ones the first run appended: not appended again
    expect(Buffer.from(b["xl/styles.xml"]).equals(Buffer.from(a["xl/styles.xml"]))).toBe(true);
    for (const name of Object.keys(a)) {
      if (!/^xl\/worksheets\/sheet[1-4]\.xml$|^xl\/charts\/chart1\.xml$|^xl\/comments|^xl\/tables\/table[12]\.xml$/.test(name)) continue;
      expect([name, Buffer.from(b[name]).equals(Buffer.from(a[name]))]).toEqual([name, true]);
    }
  });

  test("the workbook opens in LibreOffice; the formula counts rows of 亏损明细 and the charts print", () => {
    if (!hasSoffice) {
      console.warn("SKIPPED: soffice (LibreOffice) is not installed; the LibreOffice round trip was not checked");
      return;
    }
    const dir = fs.mkdtempSync(path.join(tmp, "lo-"));
    const pdf = spawnSync("soffice", [LO_PROFILE, "--headless", "--convert-to", "pdf", "--outdir", dir, second], { encoding: "utf8", timeout: 180000 });
    expect(pdf.status).toBe(0);
    const pdfFile = path.join(dir, "regen.pdf");
    expect(fs.statSync(pdfFile).size).toBeGreaterThan(20000);
    const x = spawnSync("soffice", [LO_PROFILE, "--headless", "--convert-to", "xlsx", "--outdir", dir, second], { encoding: "utf8", timeout: 180000 });
    expect(x.status).toBe(0);
    const resaved = entries(path.join(dir, "regen.xlsx"));
    expect(Object.keys(resaved).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(3);
    const charts = Object.keys(resaved).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).map((n) => text(resaved, n)).join("");
    expect(charts).toContain("受影响产品单位净值走势");
    expect(charts).toContain("LC001 单位净值");
  }, 400000);

  test("LibreOffice recalculates the input sheet's formula over 亏损明细 to a count, not #REF!", async () => {
    if (!hasSoffice) {
      console.warn("SKIPPED: soffice (LibreOffice) is not installed");
      return;
    }
    // the LibreOffice profile folder "lo-profile" shares the prefix; readdir order is not alphabetical
    const dir = path.join(tmp, fs.readdirSync(tmp).find((d) => d.startsWith("lo-") && d !== "lo-profile")!);
    const wb = await readXlsxBytes(new Uint8Array(fs.readFileSync(path.join(dir, "regen.xlsx"))));
    const summary = wb.sheets.find((s) => s.name === "汇总")!;
    // A:A of 亏损明细: 2 preamble lines + the header + 4 clients (the blank row not counted)
    expect(summary.rows[0]![1]).toBe(7);
  });
});

describe("the sheet writer's cells", () => {
  const base = new Uint8Array(fs.readFileSync(path.join(FIX, "openpyxl-rich.xlsx")));
  const model: TableSheetModel = {
    name: "测试",
    tableName: "Probe",
    freezeHeader: true,
    columns: [
      { header: "文本" },
      { header: "数值", numFmt: "#,##0.00" },
      { header: "日期" },
      { header: "截止", formula: '=IF(C{r}="","",C{r}+15)', numFmt: "yyyy-mm-dd" },
      { header: "状态", list: ["待处理", "已联系"], listExtraRows: 10 },
    ],
    rows: [
      ["=1+1", NaN, new Date(Date.UTC(2026, 10, 27)), new Date(Date.UTC(2026, 11, 12)), "待处理"],
      ["a\u0001b" + "x".repeat(40000), Infinity, null, null, { error: "#N/A" } as never],
    ],
    conditionalFormats: [{ formula: "AND($D{r}<>\"\",$D{r}<TODAY())", style: "bad" }, { formula: "$E{r}=\"待处理\"", style: "warn" }],
  };
  const sink = new MemorySink();
  graftWorkbook(base, { tables: [model] }, sink);
  const out = unzipSync(sink.bytes());
  const part = Object.keys(out).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && text(out, n).includes("IF(C"))!;
  const xml = text(out, part);

  test("strings are text, never formulas; XML-illegal characters dropped; cut at 32,767", () => {
    expect(xml).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">=1+1</t></is></c>');
    const a3 = /<c r="A3" t="inlineStr"><is><t xml:space="preserve">([^<]*)<\/t>/.exec(xml)![1];
    // cut at 32,767 characters, then the \u0001 dropped: "ab" and 32,765 "x"
    expect(a3.length).toBe(32766);
    expect(a3.startsWith("abxxx")).toBe(true);
  });

  test("NaN and Infinity as #NUM!, dates as serials with a date format, an unknown-free error kept", () => {
    expect(xml).toMatch(/<c r="B2" s="\d+" t="e"><v>#NUM!<\/v><\/c>/);
    expect(xml).toMatch(/<c r="B3" s="\d+" t="e"><v>#NUM!<\/v><\/c>/);
    expect(xml).toMatch(/<c r="C2" s="\d+"><v>46353<\/v><\/c>/);
    expect(xml).toContain('<c r="E3" t="e"><v>#N/A</v></c>');
  });

  test("a computed column: <f> with {r} replaced, the row's value cached", () => {
    expect(xml).toMatch(/<c r="D2" s="\d+"><f>IF\(C2=&quot;&quot;,&quot;&quot;,C2\+15\)<\/f><v>46368<\/v><\/c>/);
    expect(xml).toMatch(/<c r="D3" s="\d+" t="str"><f>IF\(C3=&quot;&quot;,&quot;&quot;,C3\+15\)<\/f><v><\/v><\/c>/);
  });

  test("conditional formats over the data rows (and the dropdown's extra rows), first match wins", () => {
    expect(xml).toMatch(/<conditionalFormatting sqref="A2:E13"><cfRule type="expression" dxfId="(\d+)" priority="1" stopIfTrue="1"><formula>AND\(\$D2&lt;&gt;&quot;&quot;,\$D2&lt;TODAY\(\)\)<\/formula><\/cfRule><cfRule type="expression" dxfId="(\d+)" priority="2" stopIfTrue="1">/);
    const styles = text(out, "xl/styles.xml");
    const inputStyles = text(unzipSync(base), "xl/styles.xml");
    const dxfsIn = (inputStyles.match(/<dxf>/g) ?? []).length;
    const ids = [...xml.matchAll(/dxfId="(\d+)"/g)].map((m) => Number(m[1]));
    expect(ids).toEqual([dxfsIn, dxfsIn + 1]); // appended after the input's dxfs
    expect(styles).toContain('<dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>');
  });

  test("frozen panes, list validation, print setup; the input's styles keep their indices", () => {
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toContain('<dataValidation type="list" errorStyle="stop" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="E2:E13"><formula1>&quot;待处理,已联系&quot;</formula1></dataValidation>');
    expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    const inputStyles = text(unzipSync(base), "xl/styles.xml");
    const styles = text(out, "xl/styles.xml");
    const xfs = (s: string) => /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(s)![1];
    expect(xfs(styles).startsWith(xfs(inputStyles))).toBe(true);
    const dateFmt = /<numFmt numFmtId="(\d+)" formatCode="yyyy-mm-dd"\/>/.exec(styles);
    expect(Number(dateFmt![1])).toBeGreaterThanOrEqual(164);
    expect(text(out, "xl/workbook.xml")).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="4">'测试'!$1:$1</definedName>`);
  });
});

describe("settings in a custom XML part", () => {
  const base = new Uint8Array(fs.readFileSync(path.join(FIX, "libreoffice-rich.xlsx")));
  test("added once, read back, then replaced in place", () => {
    const s1 = new MemorySink();
    graftWorkbook(base, { tables: [], settings: '{"locale":"en-US","topClients":5}' }, s1);
    const b1 = s1.bytes();
    expect(settingsFromPackage(b1)).toBe('{"locale":"en-US","topClients":5}');
    const e1 = unzipSync(b1);
    const items = Object.keys(e1).filter((n) => /^customXml\/item\d+\.xml$/.test(n));
    expect(items).toHaveLength(1);
    expect(settingsFromXml(text(e1, items[0]))).toBe('{"locale":"en-US","topClients":5}');
    expect(text(e1, "xl/_rels/workbook.xml.rels")).toContain(`Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../${items[0]}"`);
    expect(text(e1, "[Content_Types].xml")).toContain("application/vnd.openxmlformats-officedocument.customXmlProperties+xml");
    const s2 = new MemorySink();
    graftWorkbook(b1, { tables: [], settings: '{"locale":"zh-CN"}' }, s2);
    const e2 = unzipSync(s2.bytes());
    expect(Object.keys(e2).filter((n) => /^customXml\/item\d+\.xml$/.test(n))).toEqual(items);
    expect(settingsFromPackage(s2.bytes())).toBe('{"locale":"zh-CN"}');
    expect(Buffer.from(e2[items[0].replace("item", "itemProps")]).equals(Buffer.from(e1[items[0].replace("item", "itemProps")]))).toBe(true);
  });
});

test("crc32 is the zip polynomial", () => {
  expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  expect(crc32(new TextEncoder().encode("456789"), crc32(new TextEncoder().encode("123")))).toBe(0xcbf43926);
});

describe("drill edits through the grafting writer (the preview's writeCells)", () => {
  test("a cell and rows appended to a table; every chart, the input's too, survives", async () => {
    const { editWorkbookBytes } = await import("../src/preview/drill-cells");
    const file = path.join(tmp, "drill-base.xlsx");
    expect((await run("analyze", path.join(FIX, "openpyxl-rich.xlsx"), "--as-of", "2026-11-27", "--out", file)).code).toBe(0);
    const before = new Uint8Array(fs.readFileSync(file));
    const after = await editWorkbookBytes(before, {
      cells: [{ sheet: "客户持仓", address: "J3", value: "已处理" }, { sheet: "汇总", address: "C2", value: new Date(Date.UTC(2026, 10, 30, 9, 5)), numFmt: "yyyy-mm-dd hh:mm" }],
      appends: [{ sheet: "客户持仓", tableName: "holdings", rows: [["C0005", "钱七", "LC002", 1000, 1.1, 1100, "C3", 40, "王经理", "待联系"]] }],
    });
    const a = unzipSync(before);
    const b = unzipSync(after);
    expect(Object.keys(b).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(3);
    for (const n of Object.keys(a)) if (/^xl\/(charts|drawings)\//.test(n)) expect([n, Buffer.from(b[n]).equals(Buffer.from(a[n]))]).toEqual([n, true]);
    const wb = await readXlsxBytes(after);
    const h = wb.sheets.find((s) => s.name === "客户持仓")!;
    expect(h.tables).toEqual([{ name: "Holdings", ref: "A1:J6", headerRow: true }]);
    expect(h.rows[2]![9]).toBe("已处理");
    expect(h.rows[5]!.slice(0, 4)).toEqual(["C0005", "钱七", "LC002", 1000]);
    expect(h.rows[4]![0]).toBe("C0004"); // the row above untouched
    const summary = wb.sheets.find((s) => s.name === "汇总")!;
    expect(summary.rows[1]![2]).toEqual(new Date(Date.UTC(2026, 10, 30, 9, 5)));
    expect(summary.rows[1]!.slice(0, 2)).toEqual(["备注", "由风险管理部维护"]);
  });
});

test("dates in a 1904 workbook are 1904 serials (and read back as the same day)", async () => {
  const base = new Uint8Array(fs.readFileSync(path.join(__dirname, "fixtures", "xlsx", "dates-1904-cjk.xlsx")));
  const sink = new MemorySink();
  graftWorkbook(base, { tables: [{ name: "日期", columns: [{ header: "d" }], rows: [[new Date(Date.UTC(2026, 10, 27))]] }] }, sink);
  const out = unzipSync(sink.bytes());
  const xml = Object.keys(out).filter((n) => /^xl\/worksheets\/.*\.xml$/.test(n)).map((n) => text(out, n)).find((x) => x.includes('<c r="A2"') && x.includes("46353") === false && x.includes(`${46353 - 1462}`))!;
  expect(xml).toMatch(new RegExp(`<c r="A2" s="\\d+"><v>${46353 - 1462}</v></c>`));
  const wb = await readXlsxBytes(sink.bytes());
  expect(wb.sheets.find((s) => s.name === "日期")!.rows[1]).toEqual([new Date(Date.UTC(2026, 10, 27))]);
});

test("regenerating drops Excel's calculation chain (it names the old sheet's formula cells); without regeneration it stays", async () => {
  const first = path.join(tmp, "calc-first.xlsx");
  expect((await run("analyze", path.join(FIX, "openpyxl-rich.xlsx"), "--as-of", "2026-11-27", "--out", first)).code).toBe(0);
  // as Excel saves it: a calcChain part, related from the workbook, with its override
  const e = entries(first);
  e["xl/calcChain.xml"] = new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B1" i="3"/></calcChain>');
  e["xl/_rels/workbook.xml.rels"] = new TextEncoder().encode(text(e, "xl/_rels/workbook.xml.rels").replace("</Relationships>", '<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'));
  e["[Content_Types].xml"] = new TextEncoder().encode(text(e, "[Content_Types].xml").replace("</Types>", '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'));
  const saved = path.join(tmp, "calc-saved.xlsx");
  fs.writeFileSync(saved, zipSync(e));
  const second = path.join(tmp, "calc-second.xlsx");
  expect((await run("analyze", saved, "--as-of", "2026-11-27", "--out", second)).code).toBe(0);
  const b = entries(second);
  expect(b["xl/calcChain.xml"]).toBeUndefined();
  expect(text(b, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
  expect(text(b, "[Content_Types].xml")).not.toContain("calcChain");
  // a package with no LossDesk sheet to replace keeps its chain
  const sink = new MemorySink();
  graftWorkbook(new Uint8Array(fs.readFileSync(saved)), { tables: [{ name: "新表", columns: [{ header: "x" }], rows: [[1]] }] }, sink);
  expect(unzipSync(sink.bytes())["xl/calcChain.xml"]).toBeDefined();
});
