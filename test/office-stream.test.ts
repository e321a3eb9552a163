// The Office adapter's streaming read (openStream in src/adapters/office/read.ts): the same
// analysis as the snapshot read, block by block, against the strict Excel fake.
import { FakeExcel, type Scalar } from "./fakes/excel-fake";
import { Batch } from "../src/adapters/office/batch";
import { openStream, readSnapshot } from "../src/adapters/office/read";
import { detectSupport } from "../src/adapters/office/support";
import { dateToSerial } from "../src/adapters/office/values";
import { generateSample } from "../src/core/sample";
import { analyzeWorkbook, resultJson } from "../src/core/analysis";
import { analyzeStream } from "../src/core/stream-input";
import { createExcelHost } from "../src/adapters/office/host";
import { headerRowNumber, type CellValue, type TableSheetModel } from "../src/core/workbook";

let fake: FakeExcel;
beforeEach(() => {
  fake = new FakeExcel({ payloadLimit: 5 * 1024 * 1024 });
  fake.install();
});
afterEach(() => fake.uninstall());

function toScalar(v: CellValue): Scalar | null {
  if (v instanceof Date) return dateToSerial(v);
  if (v !== null && typeof v === "object") return v.error;
  return v;
}

function load(models: TableSheetModel[]): void {
  for (const m of models) {
    const rows: (Scalar | null)[][] = [];
    for (const line of m.preamble ?? []) rows.push([line]);
    if (m.preamble?.length) rows.push([]);
    rows.push(m.columns.map((c) => c.header));
    for (const r of m.rows) rows.push(m.columns.map((_, c) => toScalar(r[c] ?? null)));
    fake.addSheet(m.name, rows);
    if (m.tableName) {
      const h = headerRowNumber(m);
      fake.addTable(m.name, m.tableName, `A${h}:${String.fromCharCode(64 + m.columns.length)}${h + m.rows.length}`);
    }
  }
}

test("blocks are analysed as they arrive: same result as the snapshot, one sync per block per pass", async () => {
  const sample = generateSample({ clients: 600, products: 5, seed: 9 });
  load(sample.sheets);
  const support = detectSupport();
  const blockRows = 200;
  const { snap, stream, syncs } = await Excel.run(async (ctx) => {
    const b1 = new Batch(ctx, support, "zh-CN");
    const { snapshot } = await readSnapshot(b1, { blockRows, orNullObject: true });
    const before = b1.syncs;
    const b2 = new Batch(ctx, support, "zh-CN");
    const { workbook } = await openStream(b2, { blockRows, orNullObject: true });
    const s = await analyzeStream(workbook);
    return { snap: analyzeWorkbook(snapshot), stream: s, syncs: { snapshot: before, stream: b2.syncs } };
  });
  expect(resultJson(stream)).toEqual(resultJson(snap));
  const holdings = sample.sheets.find((m) => m.tableName === "Holdings")!;
  expect(holdings.rows.length).toBeGreaterThan(5 * blockRows);
  // Up front 2 syncs; the finder reads one block of each sheet; then one pass per table found.
  const blocks = (rows: number) => Math.ceil(rows / blockRows);
  const used = (m: TableSheetModel) => m.rows.length + headerRowNumber(m);
  const nav = sample.sheets.find((m) => m.columns.some((c) => c.header === "单位净值"))!;
  const products = sample.sheets.find((m) => m.name === "产品信息");
  const expected = 2 + sample.sheets.length + blocks(used(nav)) + (products ? blocks(used(products)) : 0) + blocks(used(holdings));
  expect(syncs.stream).toBe(expected);
});

test("the pane's host analyses through the stream: the snapshot's result, and a snapshot without the input sheets", async () => {
  const sample = generateSample({ clients: 300, products: 4, seed: 3 });
  load(sample.sheets);
  fake.addSheet("沟通草稿", [["客户号", "状态"], ["C1", "已发送"]]);
  const blockRows = 100;
  const want = await Excel.run(async (ctx) => analyzeWorkbook((await readSnapshot(new Batch(ctx, detectSupport(), "zh-CN"), { blockRows, orNullObject: true })).snapshot));
  const host = createExcelHost({ readBlockRows: blockRows });
  const { analysis, snapshot } = await host.analyzeInput({ locale: "zh-CN" });
  expect(resultJson(analysis)).toEqual(resultJson(want));
  expect(host.stats.read!.syncs).toBeGreaterThan(sample.sheets.length + 2); // block by block
  const inputs = new Set(want.tables.map((t) => t.sheet));
  expect(snapshot.sheets.map((s) => s.name)).toEqual([...sample.sheets.map((m) => m.name), "沟通草稿"].filter((n) => !inputs.has(n)));
  expect(snapshot.sheets.find((s) => s.name === "沟通草稿")!.rows[1]).toEqual(["C1", "已发送"]);
  // later reads (for the write's carry-over) leave the input sheets out too
  expect((await host.readWorkbook()).sheets.map((s) => s.name)).toEqual(snapshot.sheets.map((s) => s.name));
});
