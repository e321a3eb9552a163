import * as path from "path";
import * as zlib from "zlib";
import type { WorkbookSnapshot } from "../src/core/workbook";
import {
  WorkbookReadError,
  describeReadError,
  isDateFormatCode,
  parseIsoDate,
  readXlsxBytes,
  readXlsxFile,
  resolveTarget,
  serialToDate,
} from "../src/adapters/xlsx/read";
import { XmlHandler, XmlTokenizer, decodeEntities, decodeOoxmlEscapes } from "../src/adapters/xlsx/xml";
import { openZipNode } from "../src/adapters/xlsx/zip";
import { lastRowCut } from "../src/adapters/xlsx/cell-batches";
import { rels, sheetXml, simplePackage, zipParts } from "./fixtures/xlsx/make-fixtures";

const fixture = (name: string): string => path.join(__dirname, "fixtures", "xlsx", name);
const utc = (y: number, m: number, d: number, h = 0, mi = 0, s = 0): Date => new Date(Date.UTC(y, m - 1, d, h, mi, s));

async function readError(p: Promise<unknown>): Promise<WorkbookReadError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof WorkbookReadError) return err;
    throw new Error(`expected a WorkbookReadError, got ${String(err)}`);
  }
  throw new Error("expected the read to fail");
}

/** Both the ExcelJS original and LibreOffice's re-save of it must read the same. */
function expectExcelJsContent(wb: WorkbookSnapshot): void {
  expect(wb.sheets.map((s) => s.name)).toEqual(["持仓", "产品"]);
  const [holdings, products] = wb.sheets;
  expect(holdings.rows[0]).toEqual(["客户号", "客户名称", "产品代码", "持有份额", "买入日期", "净值", "是否赎回", "备注"]);
  expect(holdings.rows[1]).toEqual(["C001", "张三", "WM-2023-01", 100000, utc(2023, 3, 15), 0.9876, false, "首次购买", { error: "#N/A" }, "富文本"]);
  expect(holdings.rows[2]).toEqual(["C002", "李四 & Co <VIP>", "WM-2023-02", 250000.5, utc(2023, 6, 30, 14, 30), 1.0123, true, 253075.50615]);
  expect(holdings.rows[3]).toBeUndefined();
  // Merged A5:C5: only the top-left cell holds the value.
  expect(holdings.rows[4]).toEqual(["合并单元格"]);
  expect(holdings.rows.length).toBe(5);
  expect(holdings.tables).toEqual([]);

  expect(products.rows[0]).toBeUndefined();
  expect(products.rows.slice(1)).toEqual([
    [null, "代码", "名称", "风险等级"],
    [null, "WM-2023-01", "稳健一号", "R2"],
    [null, "WM-2023-02", "进取二号", "R4"],
  ]);
  expect(products.tables).toEqual([{ name: "Products", ref: "B2:D4", headerRow: true }]);
}

describe("writers' packages", () => {
  test("ExcelJS: shared strings, styled dates, formula results, errors, rich text, a table", async () => {
    expectExcelJsContent(await readXlsxFile(fixture("exceljs.xlsx")));
  });

  test("LibreOffice's re-save of the ExcelJS workbook reads the same", async () => {
    expectExcelJsContent(await readXlsxFile(fixture("libreoffice.xlsx")));
  });

  test("streaming writers: inline strings, rows and cells without r, data descriptors, an unusual sheet path", async () => {
    const wb = await readXlsxFile(fixture("streaming-inline.xlsx"));
    expect(wb.sheets.map((s) => s.name)).toEqual(["Stream"]);
    const rows = wb.sheets[0].rows;
    expect(rows.length).toBe(6);
    expect(rows[0]).toEqual(["账户", "金额", "  备注 "]);
    expect(rows[1]).toEqual(["A&B\r", 1500, "xy", true, { error: "#DIV/0!" }]);
    expect(2 in rows).toBe(false);
    expect(3 in rows).toBe(false);
    expect(rows[4]).toEqual([null, -42.25, 7, false]);
    // Formula without a cached value and <v/> read as empty; t="d" ISO text becomes a Date; t="str" with <v></v> is "".
    expect(rows[5]).toEqual([null, null, utc(2023, 3, 15, 10, 30), utc(2024, 2, 29), ""]);
  });

  test(".NET OpenXML SDK: x: prefixes, absolute targets, sheet order from the workbook, chart sheet skipped, case-insensitive part names", async () => {
    const wb = await readXlsxFile(fixture("dotnet-prefixed.xlsx"));
    expect(wb.sheets.map((s) => s.name)).toEqual(["Summary", "Detail"]);
    expect(wb.sheets[0].rows).toEqual([
      ["Date", "Amount"],
      [utc(2023, 3, 15), 123.45],
    ]);
    expect(wb.sheets[1].rows).toEqual([[null, null, "Only in Detail"]]);
  });

  test("rich text and phonetic shared strings, entities, _xHHHH_ escapes, xml:space, CDATA", async () => {
    const wb = await readXlsxFile(fixture("rich-phonetic.xlsx"));
    expect(wb.sheets[0].rows).toEqual([
      [
        "浮动 亏损 10%",
        "株式会社",
        "招商银行",
        '& <tag> "q" 中文 😀',
        "line1\r\nline2 and _x000D_ literal",
        "  leading and trailing  ",
        "",
        "a<b & c",
      ],
      ["内联富文本"],
    ]);
  });

  test("tables from the sheet's rels: displayName, ref, headerRowCount=0", async () => {
    const wb = await readXlsxFile(fixture("table.xlsx"));
    const sheet = wb.sheets[0];
    expect(sheet.tables).toEqual([
      { name: "Holdings", ref: "B3:C5", headerRow: true },
      { name: "NoHeader", ref: "E8:F8", headerRow: false },
    ]);
    expect(sheet.rows[2]).toEqual([null, "产品", "份额"]);
    expect(sheet.rows[7]).toEqual([null, null, null, null, 1, 2]);
  });
});

describe("dates", () => {
  test("1904 date system with CJK, bracketed, escaped and elapsed formats", async () => {
    const wb = await readXlsxFile(fixture("dates-1904-cjk.xlsx"));
    const b = wb.sheets[0].rows.map((r) => r![1]);
    expect(b).toEqual([
      43538, // General
      utc(2023, 3, 15), // 14
      utc(2023, 3, 15), // yyyy"年"m"月"d"日"
      utc(2023, 3, 15, 18), // [$-804]yyyy/m/d h:mm
      1.5, // [h]:mm:ss elapsed
      43538, // #,##0.00_);[Red](#,##0.00) (a dxf redefining it as a date is ignored)
      utc(2023, 3, 15), // [DBNum1][$-804]yyyy"年"m"月"
      3, // 0.00" days"
      43538, // [Red]General
      utc(2023, 3, 15), // 57
      utc(2023, 3, 15, 6), // 22
      1.25, // 46 is the built-in [h]:mm:ss: an elapsed duration stays a number (issue 12)
      utc(2023, 3, 15), // yyyy\-mm\-dd
    ]);
  });

  test("1900 date system around the fictitious 1900-02-29", async () => {
    const wb = await readXlsxFile(fixture("dates-1900.xlsx"));
    const rows = wb.sheets[0].rows;
    expect(rows.map((r) => r![0])).toEqual([
      utc(1900, 1, 1),
      utc(1900, 2, 28),
      utc(1900, 2, 28),
      utc(1900, 2, 28, 12),
      utc(1900, 3, 1),
      utc(2023, 3, 15),
      utc(2023, 3, 15, 18),
      utc(1899, 12, 31, 12),
      utc(2023, 2, 28, 23, 59, 59),
    ]);
    // The same serials without a date style stay numbers.
    expect(rows.map((r) => r![1])).toEqual([1, 59, 60, 60.5, 61, 45000, 45000.75, 0.5, 44985.999988426]);
  });

  test('date1904="true" is honoured like "1"', async () => {
    const bytes = await zipParts(
      simplePackage([{ name: "S", xml: sheetXml(`<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>43538.5</v></c></row>`) }], {
        "xl/_rels/workbook.xml.rels": rels([
          ["rId1", "worksheet", "worksheets/sheet1.xml"],
          ["rId2", "styles", "styles.xml"],
        ]),
        "xl/styles.xml": `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
      }, `<workbookPr date1904="true"/>`),
    );
    expect((await readXlsxBytes(bytes)).sheets[0].rows).toEqual([[utc(1904, 1, 1), utc(2023, 3, 15, 12)]]);
  });

  test("serialToDate", () => {
    expect(serialToDate(45000, false)).toEqual(utc(2023, 3, 15));
    expect(serialToDate(45000.5208333333, false)).toEqual(utc(2023, 3, 15, 12, 30));
    expect(serialToDate(1, false)).toEqual(utc(1900, 1, 1));
    expect(serialToDate(60, false)).toEqual(utc(1900, 2, 28));
    expect(serialToDate(61, false)).toEqual(utc(1900, 3, 1));
    expect(serialToDate(0, true)).toEqual(utc(1904, 1, 1));
    expect(serialToDate(43538, true)).toEqual(utc(2023, 3, 15));
    // No date can stand for these: they stay numbers.
    expect(serialToDate(-1, false)).toBe(-1);
    expect(serialToDate(3_000_000, false)).toBe(3_000_000);
  });

  test("isDateFormatCode", () => {
    const dates = ["yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "[$-804]yyyy/m/d", "[DBNum1][$-804]m月d日", "h:mm AM/PM", "mm:ss", "yyyy\\-mm\\-dd", "[Red]d-mmm-yy", "m/d/yy;@"];
    const notDates = ["General", "0.00", "#,##0.00_);[Red](#,##0.00)", "[h]:mm:ss", "[mm]:ss", '0.00" days"', "0%", "@", "[$¥-804]#,##0.00", "0.00E+00", "_-* #,##0_-"];
    expect(dates.filter((c) => !isDateFormatCode(c))).toEqual([]);
    expect(notDates.filter((c) => isDateFormatCode(c))).toEqual([]);
  });

  test("parseIsoDate keeps the wall-clock fields as UTC", () => {
    expect(parseIsoDate("2023-03-15")).toEqual(utc(2023, 3, 15));
    expect(parseIsoDate("2023-03-15T10:30:00Z")).toEqual(utc(2023, 3, 15, 10, 30));
    expect(parseIsoDate("2023-03-15T10:30:15.250+08:00")).toEqual(new Date(Date.UTC(2023, 2, 15, 10, 30, 15, 250)));
    expect(parseIsoDate("12:00:00")).toEqual(utc(1899, 12, 30, 12));
    expect(parseIsoDate("15/03/2023")).toBeUndefined();
  });
});

describe("package navigation", () => {
  test("resolveTarget: relative, absolute, dot segments, percent-escapes", () => {
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../tables/table1.xml")).toBe("xl/tables/table1.xml");
    expect(resolveTarget("xl/workbook.xml", "./worksheets/my%20sheet.xml")).toBe("xl/worksheets/my sheet.xml");
    expect(resolveTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
  });

  test("without _rels/.rels the conventional xl/workbook.xml is used", async () => {
    const parts = simplePackage([{ name: "Only", xml: sheetXml(`<row r="1"><c r="A1"><v>5</v></c></row>`) }]);
    delete parts["_rels/.rels"];
    expect((await readXlsxBytes(await zipParts(parts))).sheets).toEqual([{ name: "Only", rows: [[5]], tables: [] }]);
  });

  test("a zip with bytes prepended (self-extractor stub) still reads", async () => {
    const bytes = await zipParts(simplePackage([{ name: "S", xml: sheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`) }]));
    const prefixed = new Uint8Array(bytes.length + 100);
    prefixed.set(new Uint8Array(100).fill(0x20)); // not "PK": the sniffer must not call it text
    prefixed[0] = 0x50;
    prefixed[1] = 0x4b;
    prefixed.set(bytes, 100);
    expect((await readXlsxBytes(prefixed)).sheets[0].rows).toEqual([[1]]);
  });

  test("zip64 end-of-central-directory records are followed", async () => {
    const sheet = sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>zip64</t></is></c></row>`);
    const parts = simplePackage([{ name: "Z", xml: sheet }]);
    const bytes = storedZip64(Object.entries(parts).map(([name, data]) => [name, Buffer.from(data as string, "utf8")]));
    expect((await readXlsxBytes(bytes)).sheets[0].rows).toEqual([["zip64"]]);
  });

  test("a sheet big enough to cross many inflate and parse chunks", async () => {
    const n = 30000;
    let data = "";
    for (let r = 1; r <= n; r++) data += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>客户${r}号 with a long enough name</t></is></c><c r="B${r}"><v>${r * 1.25}</v></c><c r="C${r}" s="1"><v>${45000 + (r % 365)}</v></c></row>`;
    const bytes = await zipParts(
      simplePackage([{ name: "Big", xml: sheetXml(data) }], {
        "xl/_rels/workbook.xml.rels": rels([
          ["rId1", "worksheet", "worksheets/sheet1.xml"],
          ["rId2", "styles", "styles.xml"],
        ]),
        "xl/styles.xml": `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
      }),
    );
    const rows = (await readXlsxBytes(bytes)).sheets[0].rows;
    expect(rows.length).toBe(n);
    expect(rows[0]).toEqual(["客户1号 with a long enough name", 1.25, utc(2023, 3, 16)]);
    expect(rows[n - 1]).toEqual([`客户${n}号 with a long enough name`, n * 1.25, serialToDate(45000 + (n % 365), false)]);
    expect(rows.every((r, i) => r !== undefined && r[1] === (i + 1) * 1.25)).toBe(true);
  });
});

describe("XML tokenizer", () => {
  class Recorder implements XmlHandler {
    wantText = true;
    events: string[] = [];
    open(local: string, src: string, start: number, end: number, selfClosing: boolean): void {
      this.events.push(`<${local}${selfClosing ? "/" : ""} ${src.slice(start, end)}`);
    }
    close(local: string): void {
      this.events.push(`</${local}`);
    }
    text(value: string): void {
      // Text may arrive in pieces; join neighbours so the comparison is about content.
      const last = this.events.length - 1;
      if (last >= 0 && this.events[last].startsWith("#")) this.events[last] += value;
      else this.events.push(`#${value}`);
    }
  }

  const doc =
    `<?xml version="1.0"?>\n<!-- a comment with <tags> -->` +
    `<x:root xmlns:x="urn:x" a='1 > 0'><x:c r="A1" t="s"><x:v>12</x:v></x:c>` +
    `<t xml:space="preserve"> a &amp; b &#x4E2D; </t><![CDATA[<raw> & ]]><e/></x:root>`;

  test("events are the same however the input is split", () => {
    const whole = new Recorder();
    const t = new XmlTokenizer(whole);
    t.write(doc);
    t.end();
    expect(whole.events).toEqual([
      `<root x:root xmlns:x="urn:x" a='1 > 0'`,
      `<c x:c r="A1" t="s"`,
      `<v x:v`,
      `#12`,
      `</v`,
      `</c`,
      `<t t xml:space="preserve"`,
      `# a & b 中 `,
      `</t`,
      `#<raw> & `,
      `<e/ e`,
      `</e`,
      `</root`,
    ]);
    for (let cut = 1; cut < doc.length; cut++) {
      const r = new Recorder();
      const tok = new XmlTokenizer(r);
      tok.write(doc.slice(0, cut));
      tok.write(doc.slice(cut));
      tok.end();
      expect(r.events).toEqual(whole.events);
    }
    const r = new Recorder();
    const tok = new XmlTokenizer(r);
    for (const ch of doc) tok.write(ch);
    tok.end();
    expect(r.events).toEqual(whole.events);
  });

  test("malformed documents are rejected", () => {
    const run = (xml: string): string => {
      try {
        const t = new XmlTokenizer(new Recorder());
        t.write(xml);
        t.end();
        return "ok";
      } catch (err) {
        return (err as Error).message;
      }
    };
    expect(run("<a><b></a>")).toBe("closing tag </a> does not match <b> at character 6");
    expect(run("<a><b></b>")).toBe("the document ends inside <a> (truncated?)");
    expect(run("<a></a><b/>")).toBe("a second root element <b> at character 7");
    expect(run("<a><b x='1'")).toBe("unterminated markup at character 3");
    expect(run("")).toBe("the document has no root element");
  });

  test("a run of whole rows read by a resumed tokenizer gives the same events and error positions", () => {
    const rows = `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>0</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>`;
    const xml = `<?xml version="1.0"?><worksheet><sheetData>${rows}</sheetData></worksheet>`;
    const whole = new Recorder();
    const w = new XmlTokenizer(whole);
    w.write(xml);
    w.end();
    // cut before <row r="2"> and before <row r="3">: the middle run goes to a tokenizer of its own
    const a = xml.indexOf(`<row r="2"`), b = xml.indexOf(`<row r="3"`);
    const r = new Recorder();
    const first = new XmlTokenizer(r);
    first.write(xml.slice(0, a));
    const rest = first.rest()!;
    expect([rest.locals, rest.at]).toEqual([["worksheet", "sheetData"], a]);
    const other = XmlTokenizer.resume(r, rest);
    other.write(xml.slice(a, b));
    expect(other.rest()).toEqual({ stack: ["worksheet", "sheetData"], locals: ["worksheet", "sheetData"], at: b });
    first.skip(b - a);
    first.write(xml.slice(b));
    first.end();
    expect(r.events).toEqual(whole.events);
    // markup left over: no rest to hand on
    const partial = new XmlTokenizer(new Recorder());
    partial.write(xml.slice(0, a + 5));
    expect(partial.rest()).toBeUndefined();
    // an error inside the resumed run is placed where one tokenizer would place it
    const bad = xml.slice(0, b - 10) + "</x>" + xml.slice(b - 6);
    const errorOf = (f: () => void) => { try { f(); return "ok"; } catch (e) { return (e as Error).message; } };
    const one = errorOf(() => { const t = new XmlTokenizer(new Recorder()); t.write(bad); t.end(); });
    const resumed = errorOf(() => XmlTokenizer.resume(new Recorder(), rest).write(bad.slice(a, b)));
    expect(one).toMatch(/^closing tag <\/x> does not match <c> at character \d+$/);
    expect(resumed).toBe(one);
  });

  test("where the worker may cut a sheet between rows", () => {
    expect(lastRowCut(`<row r="1"><c/></row><row r="2"><c/></row><row r="3">`)).toBe(42);
    expect(lastRowCut(`<row r="1"></row>\n  <row spans="1:2" r="2">`)).toBe(20);
    // the row after the cut has no number (it would be counted from the rows before): the cut before it
    expect(lastRowCut(`<row r="1"></row><row r="2"></row><row>`)).toBe(17);
    // the next row's tag not complete yet, a prefixed row, no row after: no cut
    expect(lastRowCut(`<row r="1"></row><row r="2`)).toBe(-1);
    expect(lastRowCut(`<x:row r="1"></x:row><x:row r="2">`)).toBe(-1);
    expect(lastRowCut(`<row r="1"></row></sheetData>`)).toBe(-1);
  });

  test("the common cell read in one go and every other cell the general way give the same values", async () => {
    const xml = sheetXml(`<row r="1"><c r="A1"><v>12.5</v></c><c r="B1" t="str"><v>a&amp;b</v></c><c r="C1" t="str"><v>x\r\ny</v></c>`
      + `<c r="D1"><v></v></c><c r="E1"> <v>7</v></c><c r="F1"><f>1+1</f><v>2</v></c><c r="G1" t="inlineStr"><is><t>in</t></is></c></row>`);
    const wb = await readXlsxBytes(await zipParts(simplePackage([{ name: "S", xml }])));
    expect(wb.sheets[0].rows).toEqual([[12.5, "a&b", "x\ny", null, 7, 2, "in"]]);
    // a prefixed cell closed without its prefix is malformed, read ahead or not
    const bad = sheetXml(`<row r="1"><x:c r="A1" xmlns:x="urn:x"><v>1</v></c></row>`);
    const err = await readError(readXlsxBytes(await zipParts(simplePackage([{ name: "S", xml: bad }]))));
    expect([err.code, err.detail]).toEqual(["bad-xml", expect.stringMatching(/^closing tag <\/c> does not match <x:c>/)]);
  });

  test("entities and OOXML escapes", () => {
    expect(decodeEntities("&lt;&gt;&amp;&quot;&apos;&#20013;&#x4E2D;&unknown;")).toBe(`<>&"'中中&unknown;`);
    expect(decodeOoxmlEscapes("a_x000D__x000A_b_x005F_x0041_")).toBe("a\r\nb_x0041_");
  });
});

describe("broken input", () => {
  test("an OLE file holding a legacy .xls (made by LibreOffice)", async () => {
    const err = await readError(readXlsxFile(fixture("legacy.xls")));
    expect([err.code, err.part, err.looksLike]).toEqual(["legacy-or-encrypted", "", "legacy-xls"]);
    expect(describeReadError(err, "en-US")).toBe(
      "The file is a legacy Excel 97-2003 workbook (.xls, an OLE compound document); only .xlsx is read. Open it in Excel and save it as an Excel Workbook (*.xlsx), then try again.",
    );
  });

  test("an OLE file holding an encrypted package", async () => {
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole, 0);
    Buffer.from("EncryptedPackage", "utf16le").copy(ole, 1024);
    const err = await readError(readXlsxBytes(ole));
    expect([err.code, err.part, err.looksLike]).toEqual(["legacy-or-encrypted", "", "encrypted-ooxml"]);
    expect(describeReadError(err, "zh-CN")).toBe(
      "该文件是 OLE 复合文档：可能是设置了打开密码的工作簿，也可能是旧版 .xls 文件。请在 Excel 中打开，取消密码（文件 > 信息 > 保护工作簿 > 用密码进行加密，清空密码），并另存为不带密码的 .xlsx 文件后重试。",
    );
  });

  test("a CSV renamed .xlsx", async () => {
    const err = await readError(readXlsxFile(fixture("broken-csv.xlsx")));
    expect([err.code, err.part, err.looksLike]).toEqual(["not-zip", "", "text"]);
    expect(describeReadError(err, "zh-CN")).toBe("该文件是纯文本（例如 CSV），只是用了 .xlsx 扩展名，不是 Excel 工作簿。请用 Excel 打开该文件，另存为“Excel 工作簿 (*.xlsx)”后重试。");
  });

  test("an HTML table exported as .xls", async () => {
    const err = await readError(readXlsxFile(fixture("broken-html.xls")));
    expect([err.code, err.part, err.looksLike]).toEqual(["not-zip", "", "html"]);
    expect(describeReadError(err, "en-US")).toBe(
      "The file is really a web page (HTML) with an Excel file name, not a real .xlsx workbook (some systems export reports this way). Open it in Excel and save it as an Excel Workbook (*.xlsx), then try again.",
    );
  });

  test("an empty file and a missing file", async () => {
    const empty = await readError(readXlsxBytes(new Uint8Array(0)));
    expect([empty.code, empty.looksLike]).toEqual(["not-zip", "empty"]);
    const missing = await readError(readXlsxFile(fixture("no-such-file.xlsx")));
    expect([missing.code, missing.part]).toEqual(["file-unreadable", ""]);
    expect(missing.detail).toBe(`no such file: ${fixture("no-such-file.xlsx")}`);
  });

  test("a truncated zip", async () => {
    const err = await readError(readXlsxFile(fixture("broken-truncated.xlsx")));
    expect([err.code, err.part]).toEqual(["corrupt-zip", ""]);
    expect(describeReadError(err, "en-US")).toBe(
      "The file is damaged or incomplete (its zip structure is broken: the end-of-central-directory record is missing: the file is truncated or damaged); it may have been cut short while downloading or copying. Download or copy it again.",
    );
  });

  test("a worksheet part missing from the package", async () => {
    const err = await readError(readXlsxFile(fixture("broken-missing-sheet.xlsx")));
    expect([err.code, err.part, err.sheet]).toEqual(["missing-part", "xl/worksheets/sheet2.xml", "Gone"]);
    expect(describeReadError(err, "zh-CN")).toBe(
      "工作簿引用了工作表“Gone”（部件 xl/worksheets/sheet2.xml），但文件中没有这个部件（the worksheet part is not in the package）。文件不完整，或导出程序有缺陷。请用 Excel 打开并重新保存，或重新导出。",
    );
  });

  test("malformed XML in a sheet", async () => {
    const err = await readError(readXlsxFile(fixture("broken-bad-xml.xlsx")));
    expect([err.code, err.part, err.sheet, err.detail]).toEqual(["bad-xml", "xl/worksheets/sheet2.xml", "Broken", "closing tag </row> does not match <c> at character 251"]);
    expect(describeReadError(err, "en-US")).toBe(
      'The sheet "Broken" (part xl/worksheets/sheet2.xml) holds malformed XML and cannot be read (closing tag </row> does not match <c> at character 251). The file may be damaged or hand-edited. Let Excel repair it and save it as .xlsx.',
    );
  });

  test("a sheet whose XML is cut short", async () => {
    const bytes = await zipParts(simplePackage([{ name: "Cut", xml: sheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`).slice(0, -30) }]));
    const err = await readError(readXlsxBytes(bytes));
    expect([err.code, err.part, err.sheet]).toEqual(["bad-xml", "xl/worksheets/sheet1.xml", "Cut"]);
  });

  test("a damaged deflate stream names its part", async () => {
    const bytes = await zipParts(simplePackage([{ name: "S", xml: sheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`.repeat(50)) }]));
    const zip = openZipNode(bytes);
    expect(zip.has("xl/worksheets/sheet1.xml")).toBe(true);
    // Overwrite the middle of the sheet's compressed data with garbage.
    const damaged = Buffer.from(bytes);
    const at = damaged.indexOf(Buffer.from("xl/worksheets/sheet1.xml")) + "xl/worksheets/sheet1.xml".length + 10;
    damaged.fill(0xff, at, at + 40);
    const err = await readError(readXlsxBytes(damaged));
    expect([err.code, err.part, err.sheet]).toEqual(["corrupt-zip", "xl/worksheets/sheet1.xml", "S"]);
    expect(err.detail).toMatch(/^the compressed data is damaged \(/);
  });

  test("an unsupported compression method names its part", async () => {
    const bytes = Buffer.from(await zipParts(simplePackage([{ name: "S", xml: sheetXml("") }])));
    // Rewrite the method field (deflate, 8) of the sheet's local and central headers as bzip2 (12).
    for (const sig of [0x04034b50, 0x02014b50]) {
      for (let p = bytes.indexOf(uint32(sig)); p >= 0; p = bytes.indexOf(uint32(sig), p + 4)) {
        const nameAt = sig === 0x04034b50 ? p + 30 : p + 46;
        const nameLen = bytes.readUInt16LE(sig === 0x04034b50 ? p + 26 : p + 28);
        if (bytes.toString("utf8", nameAt, nameAt + nameLen) === "xl/worksheets/sheet1.xml") bytes.writeUInt16LE(12, sig === 0x04034b50 ? p + 8 : p + 10);
      }
    }
    const err = await readError(readXlsxBytes(bytes));
    expect([err.code, err.part, err.sheet, err.detail]).toEqual([
      "unsupported-compression",
      "xl/worksheets/sheet1.xml",
      "S",
      "zip compression method 12 (only stored and deflate are supported)",
    ]);
  });

  test("a sheet whose relationship id is not in the workbook rels", async () => {
    const parts = simplePackage([{ name: "Orphan", xml: sheetXml("") }]);
    parts["xl/_rels/workbook.xml.rels"] = rels([["rId9", "worksheet", "worksheets/sheet1.xml"]]);
    const err = await readError(readXlsxBytes(await zipParts(parts)));
    expect([err.code, err.part, err.sheet, err.detail]).toEqual(["missing-part", "xl/_rels/workbook.xml.rels", "Orphan", 'no relationship "rId1" for the sheet']);
  });

  test("an OpenDocument spreadsheet (made by LibreOffice), an .xlsb and a .docx are not workbooks", async () => {
    const ods = await readError(readXlsxFile(fixture("opendocument.ods")));
    expect([ods.code, ods.looksLike]).toEqual(["not-workbook", "ods"]);

    const xlsb = await readError(readXlsxBytes(await zipParts({ "_rels/.rels": rels([["rId1", "officeDocument", "xl/workbook.bin"]]), "xl/workbook.bin": "\u0083\u0001" })));
    expect([xlsb.code, xlsb.part, xlsb.looksLike]).toEqual(["not-workbook", "xl/workbook.bin", "xlsb"]);

    const docx = await readError(
      readXlsxBytes(
        await zipParts({
          "_rels/.rels": rels([["rId1", "officeDocument", "word/document.xml"]]),
          "word/document.xml": `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>`,
        }),
      ),
    );
    expect([docx.code, docx.part, docx.detail]).toEqual(["not-workbook", "word/document.xml", "the main part is <document>, not a workbook"]);
  });

  test("errors never leak a library error", async () => {
    const inputs: Uint8Array[] = [Buffer.from("PK\u0003\u0004garbage"), Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0xff)]), Buffer.from([0, 1, 2, 3, 4, 5])];
    for (const input of inputs) {
      const err = await readError(readXlsxBytes(input));
      expect(err).toBeInstanceOf(WorkbookReadError);
      expect(describeReadError(err, "zh-CN").length).toBeGreaterThan(10);
    }
  });
});

// ---- helpers ----

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

/** A stored zip whose end records are zip64 (count, size and offset in the zip64 EOCD, 0xFFFF/0xFFFFFFFF in the classic one). */
function storedZip64(entries: [string, Buffer][]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBuf = Buffer.from(name, "utf8");
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(45, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    locals.push(local, nameBuf, data);
    // Central entry with the local header offset moved into a zip64 extra field.
    const extra = Buffer.alloc(12);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(8, 2);
    extra.writeBigUInt64LE(BigInt(offset), 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(45, 4);
    central.writeUInt16LE(45, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(0xffffffff, 42);
    centrals.push(central, nameBuf, extra);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const z64 = Buffer.alloc(56);
  z64.writeUInt32LE(0x06064b50, 0);
  z64.writeBigUInt64LE(44n, 4);
  z64.writeUInt16LE(45, 12);
  z64.writeUInt16LE(45, 14);
  z64.writeBigUInt64LE(BigInt(entries.length), 24);
  z64.writeBigUInt64LE(BigInt(entries.length), 32);
  z64.writeBigUInt64LE(BigInt(cd.length), 40);
  z64.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + cd.length), 8);
  locator.writeUInt32LE(1, 16);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(0xffff, 8);
  eocd.writeUInt16LE(0xffff, 10);
  eocd.writeUInt32LE(0xffffffff, 12);
  eocd.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([...locals, cd, z64, locator, eocd]);
}
