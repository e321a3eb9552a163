// Fuzz of table cells (issue 12): cells of every type and edge value through the snapshot ->
// analysis pipeline. Whatever the cells hold, the analysis either stops with InputFatalError (a
// table or column it cannot find) or returns a result in which every holdings row is accepted or
// rejected, totals are the sums of the clients to the fen, and no number is NaN or Infinity.
// FUZZ_RUNS overrides the 10,000 cases (e.g. FUZZ_RUNS=100000 for a long local run).

import fc from "fast-check";
import { analyzeWorkbook, resultJson } from "../src/core/analysis";
import { InputFatalError } from "../src/core/input";
import { isBlank, isTotalsLabel } from "../src/core/values";
import type { CellValue, WorkbookSnapshot } from "../src/core/workbook";

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

const edgeNumber = fc.constantFrom(
  NaN, Infinity, -Infinity, -0, 0, 1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, 1e-300, 5e-7, 1e20, 1e16, 2 ** 53, 1e12, 1e12 + 1,
  1e11, 1e11 + 0.01, 1e6, 1e6 + 1, 0.005, 0.015, 1.005, 60, 61, 2958465, 2958466, 19000101, 99991231, 20261127, -1, 1.5, 1.2, 100000, 3.3333333333333335,
);
const anyNumber = fc.oneof(edgeNumber, fc.double(), fc.integer({ min: -1e6, max: 1e7 }), fc.double({ min: 0, max: 1e6, noNaN: true }));
const edgeString = fc.constantFrom(
  "", " ", "=1+1", "=HYPERLINK(\"http://x\")", "+1", "-1", "@SUM(A1)", "12,345.67", "¥12,345.67", "￥ 1 234", "3.5%", "(1,200.00)", "１２３",
  "1e400", "-1e400", "NaN", "Infinity", "1e20", "合计", "Total", "abc", "2026-11-27", "2026/11/27", "2026年11月27日", "20261127", "99991231",
  "10000-01-01", "46353", "2958466", "R3", "C2", "稳健型", "中风险", "#N/A", "\u0000", "\r\n", "0x10", "1_000",
);
const edgeDate = fc.constantFrom(
  new Date(NaN), new Date(Date.UTC(1899, 11, 30)), new Date(Date.UTC(1800, 0, 1)), new Date(Date.UTC(10000, 0, 1)), new Date(Date.UTC(9999, 11, 31)),
  new Date(Date.UTC(2026, 10, 27)), new Date(Date.UTC(2026, 10, 28)), new Date(Date.UTC(1950, 4, 5)), new Date(8.64e15), new Date(-8.64e15),
);
const anyCell: fc.Arbitrary<CellValue | undefined> = fc.oneof(
  anyNumber,
  edgeString,
  fc.string({ maxLength: 6 }),
  edgeDate,
  fc.date({ noInvalidDate: false }),
  fc.boolean(),
  fc.constantFrom({ error: "#N/A" }, { error: "#DIV/0!" }, { error: "#VALUE!" }),
  fc.constant(null),
  fc.constant(undefined),
);

/**
 * Rows of plausible values, then 0 to 2 of their cells replaced by any cell at all: most rows keep
 * enough good cells to reach the money arithmetic, with the edge values where they hurt most.
 */
function messy(good: fc.Arbitrary<CellValue>[]): fc.Arbitrary<(CellValue | undefined)[]> {
  return fc
    .tuple(fc.tuple(...good), fc.array(fc.tuple(fc.nat(good.length - 1), anyCell), { maxLength: 2 }))
    .map(([row, hits]) => {
      const out: (CellValue | undefined)[] = [...row];
      for (const [col, v] of hits) out[col] = v;
      return out;
    });
}

const NAV_HEADER = ["产品代码", "净值日期", "单位净值", "累计净值"];
const navRow = messy([
  fc.constantFrom("P1", "P2"),
  fc.constantFrom(new Date(Date.UTC(2026, 10, 27)), new Date(Date.UTC(2026, 0, 5)), 46353 as CellValue, "2026-06-30"),
  fc.constantFrom(1.5, 1.2, 0.9876, 1.0001),
  fc.constantFrom(1.6, 1.25, 2, null),
]);

const HOLDINGS_HEADER = ["客户编号", "产品代码", "持有份额", "买入金额", "买入净值", "手续费", "已分红", "买入日期", "风险承受能力", "出生日期", "年龄", "总资产", "投诉次数", "客户等级"];
const holdingsRow = messy([
  fc.constantFrom("K01", "K02", "K03"),
  fc.constantFrom("P1", "P2", "P1", "P2", "P9"),
  fc.constantFrom(10000, 2500.5, 0.01, 123456.789),
  fc.constantFrom(15000, 3000.33, null),
  fc.constantFrom(1.5, 1.0, null),
  fc.constantFrom(10, 0, null),
  fc.constantFrom(120.5, null),
  fc.constantFrom(new Date(Date.UTC(2025, 5, 1)), 45000 as CellValue, null),
  fc.constantFrom("C2", "C4", null),
  fc.constantFrom(new Date(Date.UTC(1950, 4, 5)), null),
  fc.constantFrom(70, 40, null),
  fc.constantFrom(500000, null),
  fc.constantFrom(1, 0, null),
  fc.constantFrom("VIP", "普通", null),
]);

/** Rows as the reader hands them over: undefined cells become holes, an all-hole row no row at all. */
function sheetRows(header: string[], rows: (CellValue | undefined)[][]): (CellValue[] | undefined)[] {
  const out: (CellValue[] | undefined)[] = [header];
  for (const r of rows) {
    if (r.every((c) => c === undefined)) {
      out.push(undefined);
      continue;
    }
    const row: CellValue[] = [];
    r.forEach((c, i) => {
      if (c !== undefined) row[i] = c;
    });
    out.push(row);
  }
  return out;
}

/** Holdings rows that hold data: the analysis must account for each (accepted or rejected). */
function dataRowCount(rows: (CellValue | undefined)[][]): number {
  return rows.filter((r) => {
    const first = r.find((c) => !isBlank(c ?? null));
    return first !== undefined && !isTotalsLabel(first);
  }).length;
}

/** "-1234.56" -> -123456n: amounts compared as exact integers of fen. */
function fen(s: string): bigint {
  if (!/^-?\d+\.\d{2}$/.test(s)) throw new Error(`not an amount: "${s}"`);
  return BigInt(s.replace(".", ""));
}

function same<T>(got: T, want: T, what: string): void {
  if (got !== want) throw new Error(`${what}: ${String(got)}, expected ${String(want)}`);
}

/** Every number in the result is finite, and no formatted figure spells NaN or Infinity. */
function checkFinite(v: unknown, key: string, path: string): void {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`${path} is ${v}`);
  } else if (typeof v === "string") {
    // User text (ids, names, issue messages quoting a cell) may say "NaN"; figures may not.
    const userText = ["clientId", "clientName", "relationshipManager", "productCode", "productName", "benchmark", "message", "sheet", "value", "tableName"];
    if (!userText.includes(key) && /NaN|Infinity/.test(v)) throw new Error(`${path} is "${v}"`);
  } else if (Array.isArray(v)) v.forEach((x, i) => checkFinite(x, key, `${path}[${i}]`));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) checkFinite(x, k, `${path}.${k}`);
}

test(`fuzzed table cells never break the analysis (${RUNS} cases)`, () => {
  let analysed = 0;
  let acceptedLots = 0;
  const started = Date.now();
  fc.assert(
    fc.property(fc.array(navRow, { minLength: 1, maxLength: 4 }), fc.array(holdingsRow, { minLength: 1, maxLength: 5 }), (navs, holdings) => {
      const wb: WorkbookSnapshot = {
        sheets: [
          { name: "净值", rows: sheetRows(NAV_HEADER, navs), tables: [] },
          { name: "持仓", rows: sheetRows(HOLDINGS_HEADER, holdings), tables: [] },
        ],
      };
      let json;
      try {
        json = resultJson(analyzeWorkbook(wb, { locale: "en-US" }));
      } catch (err) {
        if (err instanceof InputFatalError) return;
        throw err;
      }
      analysed++;
      // Plain comparisons in the loop (expect() per check costs more than the analysis itself).
      const t = json.totals;
      same(t.lotRows, dataRowCount(holdings), "data rows");
      same(t.lotsAccepted + t.lotsRejected, t.lotRows, "accepted + rejected");
      same(json.clients.reduce((n, c) => n + c.positions.reduce((m, p) => m + (p.lots?.length ?? 0), 0), 0), t.lotsAccepted, "lots listed");
      acceptedLots += t.lotsAccepted;
      same(json.clients.length, t.clients, "clients");
      for (const f of ["cost", "marketValue", "dividends", "pnl"] as const) {
        same(json.clients.reduce((s, c) => s + fen(c[f]), 0n), fen(t[f]), `totals.${f} = sum of clients`);
        for (const c of json.clients) same(c.positions.reduce((s, p) => s + fen(p[f]), 0n), fen(c[f]), `client ${f} = sum of positions`);
      }
      same(json.clients.reduce((s, c) => (fen(c.pnl) < 0n ? s - fen(c.pnl) : s), 0n), fen(t.loss), "loss = sum of client losses");
      same(fen(t.pnl), fen(t.marketValue) + fen(t.dividends) - fen(t.cost), "pnl = mv + dividends - cost");
      for (const p of json.products) for (const f of ["cost", "marketValue", "pnl"] as const) fen(p[f]);
      checkFinite(json, "", "result");
    }),
    { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261127) },
  );
  // The generator must reach the arithmetic, not only the refusals.
  expect(analysed).toBeGreaterThan(RUNS / 4);
  expect(acceptedLots).toBeGreaterThan(RUNS / 10);
  console.log(`cells fuzz: ${RUNS} cases, ${analysed} analysed, ${acceptedLots} lots accepted, ${Date.now() - started} ms`);
});
