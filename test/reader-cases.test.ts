// The cases found by running the .xlsx reader over 869 public workbooks (issue 12), one fixture
// each (test/fixtures/reader, made by make-reader-fixtures.ts), silent wrong values first.

import * as path from "path";
import { analyzeWorkbook, resultJson } from "../src/core/analysis";
import { WorkbookReadError, describeReadError, describeReadWarning, isDateFormatCode, openXlsxFileStream, readXlsxBytes, readXlsxFile } from "../src/adapters/xlsx/read";
import { readXlsxBytesWith } from "../src/adapters/xlsx/read-core";
import { XmlHandler, XmlTokenizer, attr, readAttributes } from "../src/adapters/xlsx/xml";
import { crc32 } from "../src/adapters/xlsx/crc32";
import { MemoryZipArchive } from "../src/adapters/xlsx/zip-core";
import { nodeInflater } from "../src/adapters/xlsx/zip";
import { rels, sheetXml, simplePackage, zipParts } from "./fixtures/xlsx/make-fixtures";

const fixture = (name: string): string => path.join(__dirname, "fixtures", "reader", name);
const utc = (y: number, m: number, d: number, h = 0, mi = 0): Date => new Date(Date.UTC(y, m - 1, d, h, mi));

async function readError(p: Promise<unknown>): Promise<WorkbookReadError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof WorkbookReadError) return err;
    throw new Error(`expected a WorkbookReadError, got ${String(err)}`);
  }
  throw new Error("expected the read to fail");
}

/** The browser's zip path without DecompressionStream: the shared inflater-free parts (CRC) are what is tested. */
const openWithTableCrc = (bytes: Uint8Array) => new MemoryZipArchive(bytes, { inflate: nodeInflater.inflate, inflateChunks: nodeInflater.inflateChunks });

describe("1. the 1904 date system and Excel 2013+'s x15:workbookPr", () => {
  test.each([["x15-workbookpr-1904.xlsx"], ["x15-workbookpr-1900.xlsx"]])("%s: the NAV of 2024-06-28 stays 2024-06-28", async (name) => {
    const wb = await readXlsxFile(fixture(name));
    expect(wb.sheets[0].rows.map((r) => r![1])).toEqual(["净值日期", utc(2024, 6, 27), utc(2024, 6, 28)]);
    const a = analyzeWorkbook(wb);
    expect(a.asOf).toBe("2024-06-28");
    expect(resultJson(a).totals.pnl).toBe("-3000.00");
    expect(wb.warnings).toBeUndefined();
  });

  test("an x15:workbookPr that did carry date1904 would not count either; a prefixed main one does", async () => {
    const sheet = sheetXml(`<row r="1"><c r="A1" s="1"><v>44009</v></c></row>`);
    const extra = {
      "xl/styles.xml": `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
      "xl/_rels/workbook.xml.rels": rels([["rId1", "worksheet", "worksheets/sheet1.xml"], ["rId2", "styles", "styles.xml"]]),
    };
    const x15 = `<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr date1904="1"/></ext></extLst>`;
    const parts = simplePackage([{ name: "S", xml: sheet }], extra);
    parts["xl/workbook.xml"] = (parts["xl/workbook.xml"] as string).replace("</workbook>", `${x15}</workbook>`);
    expect((await readXlsxBytes(await zipParts(parts))).sheets[0].rows[0]).toEqual([utc(2020, 6, 27)]);

    // The OpenXML SDK prefixes the main namespace: <x:workbookPr> there is the real one.
    const prefixed = simplePackage([{ name: "S", xml: sheet }], extra);
    prefixed["xl/workbook.xml"] =
      `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<x:workbookPr date1904="1"/><x:sheets><x:sheet name="S" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`;
    expect((await readXlsxBytes(await zipParts(prefixed))).sheets[0].rows[0]).toEqual([utc(2024, 6, 28)]);
  });
});

describe("2. CRC-32 of every entry", () => {
  test("one digit changed in a stored sheet is refused, naming the part and the sheet", async () => {
    const err = await readError(readXlsxFile(fixture("crc-damaged-stored.xlsx")));
    expect([err.code, err.part, err.sheet]).toEqual(["crc-mismatch", "xl/worksheets/sheet2.xml", "持仓"]);
    expect(err.detail).toBe("CRC-32 7bd876df, the zip recorded 079f4968");
    expect(describeReadError(err, "en-US")).toBe(
      'The sheet "持仓" (part xl/worksheets/sheet2.xml) is damaged: its content does not match the CRC-32 checksum the zip package recorded (CRC-32 7bd876df, the zip recorded 079f4968), so figures read from it could be wrong and it is not read. The file was probably damaged in transfer or copying. Get the file again from its source.',
    );
    expect(describeReadError(err, "zh-CN")).toBe(
      "工作表“持仓”（部件 xl/worksheets/sheet2.xml）已损坏：内容与压缩包记录的 CRC-32 校验值不符（CRC-32 7bd876df, the zip recorded 079f4968），读出的数字可能是错的，因此不予读取。文件可能在传输或复制时损坏。请从来源重新获取该文件。",
    );
  });

  test("the shared table routine (the browser's) refuses it too, and agrees with zlib", async () => {
    const fs = await import("fs");
    const err = await readError(readXlsxBytesWith(fs.readFileSync(fixture("crc-damaged-stored.xlsx")), openWithTableCrc));
    expect([err.code, err.part]).toEqual(["crc-mismatch", "xl/worksheets/sheet2.xml"]);
    // Check values of the standard: "123456789" -> cbf43926; continued across pieces.
    const nine = new TextEncoder().encode("123456789");
    expect(crc32(nine).toString(16)).toBe("cbf43926");
    expect(crc32(nine.subarray(5), crc32(nine.subarray(0, 5))).toString(16)).toBe("cbf43926");
    expect(crc32(new Uint8Array(0))).toBe(0);
    const zlib = await import("zlib");
    const big = new Uint8Array(100_003).map((_, i) => (i * 7919) & 0xff);
    expect(crc32(big)).toBe((zlib as unknown as { crc32(b: Uint8Array): number }).crc32(big));
  });

  test("an intact deflated and a stored package still read (the CRC of each part matches)", async () => {
    const parts = simplePackage([{ name: "S", xml: sheetXml(`<row r="1"><c r="A1"><v>15000</v></c></row>`) }]);
    for (const method of ["DEFLATE", "STORE"] as const) {
      const bytes = await zipParts(parts, method);
      expect((await readXlsxBytes(bytes)).sheets[0].rows).toEqual([[15000]]);
      expect((await readXlsxBytesWith(bytes, openWithTableCrc)).sheets[0].rows).toEqual([[15000]]);
    }
  });
});

describe("3. line ends in text", () => {
  test("literal CR LF and lone CR read as LF; _x000D_ and &#13; stay CR", async () => {
    const wb = await readXlsxFile(fixture("crlf-text.xlsx"));
    expect(wb.sheets[0].rows[0]).toEqual(["第一行\n第二行\n第三行", "a\r\nb", "kept\r\nas written", "x\ny"]);
  });

  test("attribute values: literal CR LF, LF and tab read as a space, character references stay", () => {
    const tag = `numFmt formatCode="a\r\nb\tc\rd&#10;e"`;
    const attrs: string[] = [];
    readAttributes(tag, 0, tag.length, attrs);
    expect(attr(attrs, "formatCode")).toBe("a b c d\ne");
  });

  test("CDATA is normalised too, and a CR LF split across two chunks is one LF", () => {
    let text = "";
    const h: XmlHandler = { wantText: true, open() {}, close() {}, text: (v) => (text += v) };
    const t = new XmlTokenizer(h);
    t.write("<t>one\r");
    t.write("\ntwo<![CDATA[\r\nthree]]></t>");
    t.end();
    expect(text).toBe("one\ntwo\nthree");
  });
});

describe("4. durations and times", () => {
  test("45 mm:ss and 47 mmss.0 are times; 46 [h]:mm:ss and [mm]/[ss]/[h] are durations (numbers); AM/PM alone is a time", async () => {
    const wb = await readXlsxFile(fixture("duration-ampm-formats.xlsx"));
    const got = wb.sheets[0].rows.map((r) => [r![0], r![1]]);
    const time = utc(1900, 1, 1, 6); // serial 1.25 in the 1900 system: day 1 plus six hours
    expect(got).toEqual([
      ["builtin 45", time],
      ["builtin 46", 1.25],
      ["builtin 47", time],
      ["AM/PM", time],
      ["h AM/PM", time],
      ["[mm]:ss", 1.25],
      ["[ss]", 1.25],
      ['上午/下午h"时"mm"分"', time],
      ["[h]:mm", 1.25],
    ]);
    expect(["A/P", "上午/下午", "[$-409]AM/PM"].filter((c) => !isDateFormatCode(c))).toEqual([]);
    expect(["[hh]:mm", "[s].00", '0 "AM/PM"'].filter((c) => isDateFormatCode(c))).toEqual([]);
  });
});

describe("5. readable despite damage: skipped with a warning", () => {
  test('a very hidden macro sheet with r:id="" is skipped, the rest is read', async () => {
    const wb = await readXlsxFile(fixture("sheet-empty-rid.xlsx"));
    expect(wb.sheets.map((s) => s.name)).toEqual(["净值", "持仓"]);
    expect(wb.warnings).toEqual([{ code: "sheet-without-part", part: "xl/workbook.xml", sheet: "Auto_Open", detail: 'the sheet has r:id="" (no part)' }]);
    expect(describeReadWarning(wb.warnings![0], "en-US")).toBe(
      'The sheet "Auto_Open" has no part in the workbook (an empty r:id, as very hidden macro sheets of files converted from .xls have); it was skipped.',
    );
    expect(describeReadWarning(wb.warnings![0], "zh-CN")).toBe("工作表“Auto_Open”在工作簿中没有对应的部件（r:id 为空，常见于由 .xls 转换而来的文件中深度隐藏的宏表），已跳过。");
    expect(analyzeWorkbook(wb).asOf).toBe("2024-06-28");
  });

  test("a missing styles part: dates arrive as serials, which the core still reads as the NAV dates", async () => {
    const wb = await readXlsxFile(fixture("missing-styles.xlsx"));
    expect(wb.sheets[0].rows.map((r) => r![1])).toEqual(["净值日期", 45470, 45471]);
    expect(wb.warnings).toEqual([{ code: "styles-missing", part: "xl/styles.xml", detail: "the styles part is not in the package" }]);
    expect(describeReadWarning(wb.warnings![0], "en-US")).toBe(
      "The styles part xl/styles.xml that the workbook refers to is not in the file: which cells are formatted as dates is unknown, so dates are read as serial numbers (columns that expect a date still read them as dates).",
    );
    const a = analyzeWorkbook(wb);
    expect([a.asOf, resultJson(a).totals.pnl]).toEqual(["2024-06-28", "-3000.00"]);
  });

  test("garbage in _rels/.rels: the workbook is found at xl/workbook.xml", async () => {
    const wb = await readXlsxFile(fixture("garbage-root-rels.xlsx"));
    expect(wb.sheets.map((s) => s.name)).toEqual(["净值", "持仓"]);
    expect(wb.warnings).toEqual([{ code: "root-rels-unusable", part: "_rels/.rels", detail: "unterminated markup at character 123; read xl/workbook.xml instead" }]);
    expect(describeReadWarning(wb.warnings![0], "zh-CN")).toBe(
      "文件的包关系部件 _rels/.rels 无法使用（unterminated markup at character 123; read xl/workbook.xml instead），已按惯例位置读取 xl/workbook.xml。",
    );
  });

  test("garbage in _rels/.rels and no xl/workbook.xml is still refused as bad XML", async () => {
    const parts = simplePackage([{ name: "S", xml: sheetXml("") }]);
    parts["_rels/.rels"] = "<Relationships><Relationship";
    parts["book/workbook.xml"] = parts["xl/workbook.xml"];
    delete parts["xl/workbook.xml"];
    const err = await readError(readXlsxBytes(await zipParts(parts)));
    expect([err.code, err.part]).toEqual(["bad-xml", "_rels/.rels"]);
  });
});

describe("6. messages that say what the file is", () => {
  test("binary junk: 'not a zip package' said once", async () => {
    const err = await readError(readXlsxFile(fixture("binary-junk.xlsx")));
    expect([err.code, err.detail]).toEqual(["not-zip", "the file is binary data of another kind, not a zip package"]);
    expect(describeReadError(err, "en-US")).toBe(
      "The file is not an .xlsx workbook: every .xlsx file is a zip package, and this file holds binary data of another kind. Open it in Excel and save it as an Excel Workbook (*.xlsx), then try again.",
    );
    expect(describeReadError(err, "zh-CN")).toBe("该文件不是 .xlsx 工作簿：.xlsx 文件都是 zip 压缩包，而该文件是其他格式的二进制数据。请用 Excel 打开该文件，另存为“Excel 工作簿 (*.xlsx)”后重试。");
  });

  test("Excel's lock file, by its content and by its name", async () => {
    const err = await readError(readXlsxFile(fixture("~$持仓.xlsx")));
    expect([err.code, err.looksLike]).toEqual(["not-zip", "excel-lock-file"]);
    expect(describeReadError(err, "en-US")).toBe(
      'The file is Excel\'s lock file (its name starts with "~$"; Excel writes it next to a workbook it has open, and it only holds the name of the user), not the workbook itself. Open the real workbook: the file in the same folder without the "~$".',
    );
    expect(describeReadError(err, "zh-CN")).toBe(
      "该文件是 Excel 的锁定文件（文件名以“~$”开头，Excel 打开工作簿时在同一文件夹中生成，只记录打开者的用户名），不是工作簿本身。请选择同一文件夹中不带“~$”的真正工作簿文件。",
    );
    // The bytes alone say so (an upload loses the name).
    const fs = await import("fs");
    const bytes = fs.readFileSync(fixture("~$持仓.xlsx"));
    expect((await readError(readXlsxBytes(bytes))).looksLike).toBe("excel-lock-file");
    // A CSV is not taken for one.
    expect((await readError(readXlsxBytes(new TextEncoder().encode("客户号,份额\r\nC001,100\r\n")))).looksLike).toBe("text");
  });

  test("a renamed Apple Numbers file", async () => {
    const err = await readError(readXlsxFile(fixture("numbers-renamed.xlsx")));
    expect([err.code, err.looksLike]).toEqual(["not-workbook", "numbers"]);
    expect(describeReadError(err, "en-US")).toBe(
      "The file is an Apple Numbers spreadsheet renamed to .xlsx, not an Excel workbook. Open it in Numbers, choose File > Export To > Excel…, and use the .xlsx file that Numbers writes.",
    );
    expect(describeReadError(err, "zh-CN")).toBe("该文件是 Apple Numbers 表格（只是扩展名改成了 .xlsx），不是 Excel 工作簿。请在 Numbers 中打开它，选择“文件 > 导出为 > Excel…”，然后使用导出的 .xlsx 文件。");
  });

  test("an XML entity bomb: DTD/entity declarations are not allowed", async () => {
    const err = await readError(readXlsxFile(fixture("entity-bomb.xlsx")));
    expect([err.code, err.part, err.detail]).toEqual([
      "dtd-not-allowed",
      "xl/workbook.xml",
      "DTD/entity declarations are not allowed: a <!DOCTYPE> with declarations at character 56",
    ]);
    expect(describeReadError(err, "en-US")).toBe(
      'The part xl/workbook.xml contains DTD/entity declarations (<!DOCTYPE … [<!ENTITY …>]>). Spreadsheet software never writes them and they can be used to attack a reader (an "entity bomb"), so they are not allowed and the file was not read (DTD/entity declarations are not allowed: a <!DOCTYPE> with declarations at character 56). The file was not saved normally by Excel or similar software, or it has been tampered with. Get the file again from its source.',
    );
    expect(describeReadError(err, "zh-CN")).toContain("含有 DTD/实体声明");
  });
});

describe("the CLI says the reader's warnings", () => {
  test("on stderr, before the analysis, which goes on (exit 0, the result JSON as usual)", async () => {
    const { Writable } = await import("stream");
    const fs = await import("fs");
    const os = await import("os");
    const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lossdesk-reader-")), "r.json");
    const { main } = await import("../src/cli/main");
    let out = "", err = "";
    const sink = (f: (s: string) => void) => new Writable({ write(chunk, _enc, cb) { f(String(chunk)); cb(); } });
    const file = fixture("sheet-empty-rid.xlsx");
    const code = await main(["analyze", file, "--json", json, "--locale", "en-US"], sink((s) => (out += s)), sink((s) => (err += s)));
    expect(code).toBe(0);
    expect(err.split("\n")[0]).toBe(
      `lossdesk: ${file}: warning: The sheet "Auto_Open" has no part in the workbook (an empty r:id, as very hidden macro sheets of files converted from .xls have); it was skipped.`,
    );
    expect(JSON.parse(fs.readFileSync(json, "utf8")).totals.pnl).toBe("-3000.00");
    expect(out).toContain("LossDesk as of 2024-06-28");
  });
});

test("the lock-file check: a short CSV padded with spaces is not one; a 33-letter user name is", async () => {
  const { isExcelLockFile } = await import("../src/adapters/xlsx/errors");
  const csv = new TextEncoder().encode(`1${"x".repeat(48)}    ,2\r\n`.padEnd(120, " "));
  expect(csv[0]).toBe(0x31);
  expect(isExcelLockFile(csv)).toBe(false);
  const name = "a".repeat(33);
  const lock = new Uint8Array(165).fill(0x20);
  lock[0] = 33;
  for (let i = 0; i < 33; i++) (lock[1 + i] = 0x61), (lock[56 + 2 * i] = 0x61), (lock[57 + 2 * i] = 0);
  lock[54] = 33;
  lock[55] = 0;
  expect(name.length).toBe(33);
  expect(isExcelLockFile(lock)).toBe(true);
});

test("a central directory whose CRC field was left 0 is forgiven when the local header's CRC matches the data", async () => {
  const bytes = Buffer.from(await zipParts(simplePackage([{ name: "S", xml: sheetXml(`<row r="1"><c r="A1"><v>15000</v></c></row>`) }]), "STORE"));
  const name = Buffer.from("xl/worksheets/sheet1.xml");
  for (let p = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p >= 0; p = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4)) {
    if (bytes.subarray(p + 46, p + 46 + name.length).equals(name)) bytes.writeUInt32LE(0, p + 16);
  }
  expect((await readXlsxBytes(bytes)).sheets[0].rows).toEqual([[15000]]);
});

test("the streaming reader on a file (what analyze uses) knows Excel's lock file by its name too", async () => {
  const err = await readError(openXlsxFileStream(fixture("~$持仓.xlsx")));
  expect([err.code, err.looksLike]).toEqual(["not-zip", "excel-lock-file"]);
});
