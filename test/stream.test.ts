// The streaming path (src/core/stream-input.ts over read-stream.ts) against the snapshot path on
// the same workbooks: the result JSON must be the same, cell for cell, issue for issue.
import fs from "fs";
import os from "os";
import path from "path";
import { readXlsxFile, readXlsxBytes } from "../src/adapters/xlsx/read";
import { openXlsxStream } from "../src/adapters/xlsx/read-stream";
import { openZipNode } from "../src/adapters/xlsx/zip";
import { GENERATED_SHEETS, analyzeWorkbook, resultJson, writeResultJson } from "../src/core/analysis";
import { analyzeStream, WINDOW_ROWS } from "../src/core/stream-input";
import { writeNewWorkbook } from "../src/adapters/exceljs/write";
import { generateSample } from "../src/core/sample";
import { InputFatalError } from "../src/core/input";

const ROOT = path.join(__dirname, "..");

async function both(file: string, asOf?: string) {
  const bytes = fs.readFileSync(file);
  const snap = analyzeWorkbook(await readXlsxBytes(bytes), { asOf });
  const stream = await analyzeStream(await openXlsxStream(bytes, openZipNode), { asOf, skipSheets: GENERATED_SHEETS });
  return { snap, stream };
}

function jsonOf(a: Parameters<typeof writeResultJson>[0], lots?: "none" | "source"): string {
  let s = "";
  writeResultJson(a, (c) => { s += c; }, { lots });
  return s;
}

describe("streaming analysis = snapshot analysis", () => {
  for (const f of ["assets/sample-lossdesk.xlsx", "test/fixtures/workbooks/messy-wide.xlsx"]) {
    test(f, async () => {
      for (const asOf of [undefined, "2026-06-30"]) {
        const { snap, stream } = await both(path.join(ROOT, f), asOf);
        expect(jsonOf(stream)).toBe(jsonOf(snap));
        expect(resultJson(stream)).toEqual(resultJson(snap));
      }
    });
  }

  test("the sample's issues keep their cells", async () => {
    const { stream } = await both(path.join(ROOT, "assets/sample-lossdesk.xlsx"));
    expect(stream.issues.map((i) => i.message)).toEqual([
      "产品净值!D1008: 单位净值为错误值 #N/A",
      "客户持仓!D398: 持有份额为负数（-22298.42）",
      "客户持仓!I399: 买入日期不是日期：“待补录”",
      "客户持仓!D400: 持有份额为 0，该行未计入",
      "客户持仓!F401: 买入金额和买入净值均为空，无法计算成本",
      "客户持仓!C402: 产品 LC9999X99 在 2026-11-27 及之前没有净值",
      "客户持仓!A405: 合计行已跳过",
    ]);
    expect(stream.lotsAccepted).toBe(snap0Accepted);
  });

  test("a missing column is the same fatal error", async () => {
    const bytes = fs.readFileSync(path.join(ROOT, "test/fixtures/workbooks/missing-shares.xlsx"));
    await expect(analyzeStream(await openXlsxStream(bytes, openZipNode))).rejects.toThrow(InputFatalError);
    await expect(analyzeStream(await openXlsxStream(bytes, openZipNode))).rejects.toThrow("客户持仓表（表头位于 客户持仓!A1）缺少列：持有份额");
  });

  test("holdings before the NAV table, more rows than a window, an Excel table: same result", async () => {
    const sample = generateSample({ clients: Math.ceil(WINDOW_ROWS * 0.7), products: 5, seed: 5 });
    // Holdings first in the package: the NAV table is read first all the same.
    const order = [...sample.sheets].sort((a, b) => (a.tableName === "Holdings" ? -1 : b.tableName === "Holdings" ? 1 : 0));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lossdesk-stream-"));
    const file = path.join(dir, "holdings-first.xlsx");
    expect(order[0].tableName).toBe("Holdings");
    await writeNewWorkbook(file, order);
    const { snap, stream } = await both(file);
    expect(stream.lotRows).toBeGreaterThan(WINDOW_ROWS);
    expect(stream.tables.map((t) => t.role)).toEqual(["nav", "products", "holdings"]);
    expect(jsonOf(stream)).toBe(jsonOf(snap));
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  test("--lots none drops the lots and nothing else", async () => {
    const { snap } = await both(path.join(ROOT, "assets/sample-lossdesk.xlsx"));
    const bytes = fs.readFileSync(path.join(ROOT, "assets/sample-lossdesk.xlsx"));
    const none = await analyzeStream(await openXlsxStream(bytes, openZipNode), { lots: "none", skipSheets: GENERATED_SHEETS });
    expect(none.lotSources).toBeUndefined();
    const withNone = JSON.parse(jsonOf(none, "none"));
    const full = JSON.parse(jsonOf(snap));
    for (const c of full.clients) for (const p of c.positions) delete p.lots;
    expect(withNone).toEqual(full);
    expect(withNone.clients[0].positions[0]).not.toHaveProperty("lots");
  });
});

let snap0Accepted = 0;
beforeAll(async () => {
  snap0Accepted = analyzeWorkbook(await readXlsxFile(path.join(ROOT, "assets/sample-lossdesk.xlsx"))).lotsAccepted;
});
