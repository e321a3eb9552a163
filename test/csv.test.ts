// CSV input: the RFC 4180 parser, encodings, file:line:column issues, and the same results as the
// same data in a workbook.
import fs from "fs";
import os from "os";
import path from "path";
import { CsvParser, detectEncoding, openCsvStream } from "../src/adapters/csv/read";
import { readXlsxFile } from "../src/adapters/xlsx/read";
import { analyzeWorkbook, resultJson } from "../src/core/analysis";
import { analyzeStream } from "../src/core/stream-input";
import { cellRef, colIndex } from "../src/core/sheet-address";
import type { CellValue } from "../src/core/workbook";
import { writeCsvSheets } from "./fixtures/csv/xlsx-to-csv";

const ROOT = path.join(__dirname, "..");
const FIX = path.join(ROOT, "test/fixtures/csv");

function parse(text: string, pieces = 1): [number, CellValue[]][] {
  const out: [number, CellValue[]][] = [];
  const p = new CsvParser((line, fields) => { out.push([line, fields]); });
  const step = Math.ceil(text.length / pieces);
  for (let i = 0; i < text.length; i += step) p.write(text.slice(i, i + step));
  p.end();
  return out;
}

describe("CsvParser", () => {
  const text = 'a,b,c\r\n"x, y","he said ""hi""",\r\n\r\n"two\r\nlines",2,3\n4,,"5"\n';
  const expected: [number, CellValue[]][] = [
    [1, ["a", "b", "c"]],
    [2, ["x, y", 'he said "hi"', null]],
    [4, ["two\nlines", "2", "3"]],
    [6, ["4", null, "5"]],
  ];
  test("quotes, doubled quotes, CRLF and LF, blank lines, newlines inside quotes", () => {
    expect(parse(text)).toEqual(expected);
  });
  test("the same records whatever the pieces the text arrives in", () => {
    for (const n of [2, 3, 7, text.length]) expect(parse(text, n)).toEqual(expected);
  });
  test("a last record without a line end, and a row of empty fields skipped", () => {
    expect(parse(",,\nx,1")).toEqual([[2, ["x", "1"]]]);
  });
});

describe("CSV files", () => {
  test("GB18030 is detected; UTF-8 with a BOM too", () => {
    expect(detectEncoding(path.join(FIX, "gbk/holdings.csv"))).toBe("gb18030");
    expect(detectEncoding(path.join(FIX, "utf8-bom/holdings.csv"))).toBe("utf-8");
  });

  test("issues name file:line:column; GBK and UTF-8 give the same result", async () => {
    const gbk = await analyzeStream(openCsvStream([path.join(FIX, "gbk")]));
    const utf8 = await analyzeStream(openCsvStream([path.join(FIX, "utf8-bom/nav.csv"), path.join(FIX, "utf8-bom/holdings.csv")], "utf-8"));
    expect(gbk.issues.map((i) => i.message)).toEqual([
      "holdings.csv:5:4: 持有份额为负数（-5）",
      "holdings.csv:6:4: 持有份额不是数字：“abc”",
      "holdings.csv:8:3: 产品 LC09 在 2026-11-27 及之前没有净值",
    ]);
    expect(gbk.issues[0]).toMatchObject({ sheet: "holdings.csv", cell: "5:4", code: "negative-shares" });
    expect(resultJson(utf8)).toEqual(resultJson(gbk));
    const c1 = resultJson(gbk).clients.find((c) => c.clientId === "C001")!;
    expect(c1.clientName).toBe('张, "三"\n（新户）');
    expect(c1.pnl).toBe("-3500.00");
    expect(c1.positions.map((p) => p.lots)).toEqual([[{ sheet: "holdings.csv", row: 2, ref: "A2:G2" }], [{ sheet: "holdings.csv", row: 4, ref: "A4:G4" }]]);
    expect(resultJson(gbk).totals).toMatchObject({ lotRows: 6, lotsAccepted: 3, clients: 2, loss: "3800.50" });
  });

  test("GB18030 read as UTF-8 says so and names the file", async () => {
    await expect(analyzeStream(openCsvStream([path.join(FIX, "gbk")], "utf-8"))).rejects.toThrow(/holdings\.csv: not valid UTF-8 after byte 0; .*--encoding gb18030/);
  });

  test("the bundled sample as CSV files: the same result as the workbook, issues on the same lines", async () => {
    const file = path.join(ROOT, "assets/sample-lossdesk.xlsx");
    const wb = await readXlsxFile(file);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lossdesk-csv-"));
    writeCsvSheets(wb, dir);
    const fromCsv = resultJson(await analyzeStream(openCsvStream([dir])));
    const fromXlsx = resultJson(analyzeWorkbook(wb));
    fs.rmSync(dir, { recursive: true, force: true });
    // Where things are is said differently (file:line:column); what they are is the same.
    const sheetOf = (s: string) => s.replace(/\.csv$/, "");
    const issues = fromCsv.issues.map((i) => {
      const [line, col] = i.cell.split(":").map(Number);
      const cell = `${String.fromCharCode(64 + col)}${line}`;
      return { ...i, sheet: sheetOf(i.sheet), cell, message: `${cellRef(sheetOf(i.sheet), cell)}: ${i.message.slice(i.message.indexOf(": ") + 2)}` };
    });
    expect(issues).toEqual(fromXlsx.issues);
    expect(fromXlsx.issues.map((i) => i.message)).toContain("客户持仓!D398: 持有份额为负数（-22298.42）");
    const tables = fromCsv.tables.map((t) => ({ ...t, sheet: sheetOf(t.sheet) }));
    expect(tables).toEqual(fromXlsx.tables.map((t) => ({ ...t, tableName: undefined })));
    const clients = fromCsv.clients.map((c) => ({ ...c, positions: c.positions.map((p) => ({ ...p, lots: p.lots!.map((l) => ({ ...l, sheet: sheetOf(l.sheet) })) })) }));
    expect(clients).toEqual(fromXlsx.clients);
    expect(fromCsv.products).toEqual(fromXlsx.products);
    expect(fromCsv.totals).toEqual(fromXlsx.totals);
    expect(colIndex("D")).toBe(3);
  });
});
