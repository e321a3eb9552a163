import {
  DRILL_PRODUCT_CODE, SHEET_HOLDINGS, SHEET_NAV, SHEET_PRODUCTS, UNKNOWN_PRODUCT_CODE,
  generateSample, mulberry32, type SampleResult,
} from "../src/core/sample";
import { dataRowNumber, headerRowNumber, type CellValue, type TableSheetModel } from "../src/core/workbook";

function sheet(r: SampleResult, name: string): TableSheetModel {
  const s = r.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}
function col(s: TableSheetModel, header: string): number {
  const i = s.columns.findIndex((c) => c.header === header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i;
}
/** The data row a 1-based sheet row number points at. */
function rowAt(s: TableSheetModel, sheetRow: number): CellValue[] {
  return s.rows[sheetRow - headerRowNumber(s) - 1];
}
const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const LEVEL: Record<string, number> = { 保守型: 1, 稳健型: 2, 平衡型: 3, 成长型: 4, 进取型: 5, 低风险: 1, 中低风险: 2, 中风险: 3, 中高风险: 4, 高风险: 5 };
const level = (s: string): number => LEVEL[s] ?? Number(s.slice(1));

describe("mulberry32", () => {
  test("is deterministic and in [0,1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(1)()).toBe(mulberry32(1)());
  });
});

describe("generateSample", () => {
  const small = generateSample({ clients: 30, products: 6, seed: 7 });

  test("three sheets with the exact headers, layout and table settings", () => {
    expect(small.sheets.map((s) => s.name)).toEqual([SHEET_NAV, SHEET_PRODUCTS, SHEET_HOLDINGS]);
    const nav = sheet(small, SHEET_NAV);
    expect(nav.columns.map((c) => c.header)).toEqual(["产品代码", "产品名称", "净值日期", "单位净值", "累计净值"]);
    expect(nav.columns.map((c) => c.numFmt)).toEqual([undefined, undefined, "yyyy-mm-dd", "0.0000", "0.0000"]);
    expect(nav.preamble?.[0]).toBe("理财产品净值表");
    expect(nav.preamble?.[1]).toBe("导出时间: 2026-11-27 18:30:00");
    expect(headerRowNumber(nav)).toBe(5); // 3 preamble lines + a blank row
    expect(sheet(small, SHEET_PRODUCTS).columns.map((c) => c.header)).toEqual(["产品代码", "产品名称", "产品风险等级", "业绩比较基准"]);
    const h = sheet(small, SHEET_HOLDINGS);
    expect(h.columns.map((c) => c.header)).toEqual([
      "客户编号", "客户姓名", "产品代码", "持有份额(份)", "买入净值", "买入金额(元)", "手续费", "已分红", "买入日期",
      "风险承受能力", "年龄", "出生日期", "客户经理", "联系电话", "总资产", "投诉次数", "客户等级",
    ]);
    expect(h.tableName).toBe("Holdings");
    expect(h.freezeHeader).toBe(true);
    expect(headerRowNumber(h)).toBe(1);
    expect(dataRowNumber(h, 0)).toBe(2);
  });

  test("same seed gives identical sheets; another seed gives different ones", () => {
    const a = generateSample({ clients: 200, products: 6, seed: 11 });
    const b = generateSample({ clients: 200, products: 6, seed: 11 });
    const c = generateSample({ clients: 200, products: 6, seed: 12 });
    expect(a).toEqual(b);
    expect(sheet(c, SHEET_HOLDINGS).rows).not.toEqual(sheet(a, SHEET_HOLDINGS).rows);
    expect(sheet(c, SHEET_NAV).rows).not.toEqual(sheet(a, SHEET_NAV).rows);
  });

  test("drill product LC2026A01: peak exactly 1.5000, exactly 1.2000 on asOf, 188 open days", () => {
    const nav = sheet(small, SHEET_NAV);
    const rows = nav.rows.filter((r) => r[0] === DRILL_PRODUCT_CODE);
    expect(rows[0][1]).toBe("稳盈增利1号");
    expect(rows.length).toBe(188); // weekdays 2026-02-27..2026-11-27 minus 05-01..05 and 10-01..07
    const units = rows.map((r) => r[3] as number);
    expect(Math.max(...units)).toBe(1.5);
    expect(units.filter((u) => u === 1.5).length).toBe(1);
    expect(units[units.length - 1]).toBe(1.2);
    expect(units.slice(0, -1)).not.toContain(1.2);
    expect(rows[rows.length - 1][2]).toEqual(day("2026-11-27"));
    expect(rows[0][2]).toEqual(day("2026-02-27"));
    expect(sheet(small, SHEET_PRODUCTS).rows[0]).toEqual(["LC2026A01", "稳盈增利1号", "R4", "5.00%-7.50%"]);
  });

  test("every NAV and amount is an exact 4- or 2-decimal number; dates are UTC midnight weekdays", () => {
    const r = generateSample({ clients: 500, products: 8, seed: 3, badRows: false });
    for (const row of sheet(r, SHEET_NAV).rows) {
      for (const v of [row[3], row[4]] as number[]) expect(Math.round(v * 1e4) / 1e4).toBe(v);
      const d = row[2] as Date;
      expect(d.getTime() % 86_400_000).toBe(0);
      expect([0, 6]).not.toContain(d.getUTCDay());
    }
    const h = sheet(r, SHEET_HOLDINGS);
    const [S, N, A, F] = ["持有份额(份)", "买入净值", "买入金额(元)", "手续费"].map((x) => col(h, x));
    let blank = 0;
    for (const row of h.rows) {
      const shares = row[S] as number;
      const nav = row[N] as number;
      const fee = row[F] as number;
      expect(Math.round(shares * 100) / 100).toBe(shares);
      if (row[A] === null) { blank++; continue; }
      // 买入金额 = round2(shares x NAV) + fee, in cents, half up
      const cents = Math.round((Math.round(shares * 100) * Math.round(nav * 1e4)) / 1e4) + Math.round(fee * 100);
      expect(row[A]).toBe(cents / 100);
    }
    expect(blank / h.rows.length).toBeGreaterThan(0.05);
    expect(blank / h.rows.length).toBeLessThan(0.15);
  });

  test("the distributing product: cumulative NAV = unit NAV + 0.0500 from the ex-date; dividends only on its lots", () => {
    const nav = sheet(small, SHEET_NAV).rows.filter((r) => r[0] === "LC2026A04");
    const gaps = nav.map((r) => Math.round(((r[4] as number) - (r[3] as number)) * 1e4));
    const ex = gaps.indexOf(500);
    expect(ex).toBeGreaterThan(0);
    expect(gaps.slice(0, ex).every((g) => g === 0)).toBe(true);
    expect(gaps.slice(ex).every((g) => g === 500)).toBe(true);
    const h = sheet(small, SHEET_HOLDINGS);
    const withDiv = h.rows.filter((r) => r[col(h, "已分红")] !== null);
    expect(withDiv.length).toBeGreaterThan(0);
    expect(withDiv.every((r) => r[col(h, "产品代码")] === "LC2026A04")).toBe(true);
    // C000003 holds it from before the ex-date: 47072.11 shares x 0.0500 = 2353.6055 -> 2353.61
    expect(h.rows.find((r) => r[0] === "C000003" && r[2] === "LC2026A04")?.[col(h, "已分红")]).toBe(2353.61);
  });

  test("scenario anchors C000001 and C000002 bought the drill product at 1.5000", () => {
    const h = sheet(small, SHEET_HOLDINGS);
    const c1 = h.rows.filter((r) => r[0] === "C000001");
    const c2 = h.rows.filter((r) => r[0] === "C000002");
    expect(c1.map((r) => r.slice(2, 9))).toEqual([["LC2026A01", 66666.66, 1.5, 99999.99, 0, null, day("2026-07-27")]]);
    expect(c2.map((r) => r.slice(2, 10))).toEqual([["LC2026A01", 133333.33, 1.5, 200000, 0, null, day("2026-07-27"), "稳健型"]]);
    expect(level(String(c1[0][col(h, "风险承受能力")]))).toBe(4);
    // C000002 is 68 on the as-of day, whether the sheet gives 年龄 or 出生日期
    const age = c2[0][col(h, "年龄")];
    const birth = c2[0][col(h, "出生日期")] as Date | null;
    if (age !== null) expect(age).toBe(68);
    if (birth) expect(birth.getUTCFullYear()).toBe(1958);
  });

  test("realistic mix: 1-3 lots a client, ~10% mismatches, ~20% aged 65+, formats of the client cells", () => {
    const r = generateSample({ clients: 10_000, products: 6, seed: 99, badRows: false });
    const h = sheet(r, SHEET_HOLDINGS);
    const risk = new Map(sheet(r, SHEET_PRODUCTS).rows.map((p) => [p[0], level(String(p[2]))]));
    const lotsPer = new Map<string, number>();
    let mismatch = 0;
    let drillAtPeak = 0;
    const tiers = new Set<string>();
    const riskTexts = new Set<string>();
    const elderly = new Set<string>();
    let both = 0;
    for (const row of h.rows) {
      const id = row[0] as string;
      expect(id).toMatch(/^C\d{6}$/);
      lotsPer.set(id, (lotsPer.get(id) ?? 0) + 1);
      const cl = level(String(row[col(h, "风险承受能力")]));
      if ((risk.get(row[2] as string) ?? 0) > cl) mismatch++;
      if (row[2] === DRILL_PRODUCT_CODE && row[4] === 1.5) drillAtPeak++;
      tiers.add(row[col(h, "客户等级")] as string);
      riskTexts.add(row[col(h, "风险承受能力")] as string);
      expect(row[col(h, "联系电话")]).toMatch(/^1[3-9]\d{9}$/);
      expect([0, 1, 2, 3]).toContain(row[col(h, "投诉次数")]);
      const age = row[col(h, "年龄")] as number | null;
      const birth = row[col(h, "出生日期")] as Date | null;
      expect(age !== null || birth !== null).toBe(true);
      if (age !== null && birth !== null) both++;
      const a = age ?? 2026 - birth!.getUTCFullYear() - (birth!.getTime() > Date.UTC(birth!.getUTCFullYear(), 10, 27) ? 1 : 0);
      if (a >= 65) elderly.add(id);
    }
    expect(lotsPer.size).toBe(10_000);
    expect(Math.min(...lotsPer.values())).toBe(1);
    expect(Math.max(...lotsPer.values())).toBe(3);
    expect(r.lotRows).toBe(h.rows.length);
    expect(r.lotRows / 10_000).toBeGreaterThan(1.9);
    expect(r.lotRows / 10_000).toBeLessThan(2.1);
    expect(mismatch / h.rows.length).toBeGreaterThan(0.05);
    expect(mismatch / h.rows.length).toBeLessThan(0.2);
    expect(drillAtPeak).toBeGreaterThan(1000);
    expect(elderly.size / 10_000).toBeGreaterThan(0.15);
    expect(elderly.size / 10_000).toBeLessThan(0.3);
    expect(both).toBeGreaterThan(0);
    expect([...tiers].sort()).toEqual(["普通", "白金", "私行", "金卡", "钻石"].sort());
    for (const t of ["C1", "C5", "保守型", "进取型", "c3"]) expect(riskTexts).toContain(t);
    expect(sheet(r, SHEET_PRODUCTS).rows.map((p) => p[2])).toEqual(["R4", "R2", "中风险", "R2", "R5", "低风险"]);
  });

  test("lotRows: exact counts for seed 7", () => {
    const withBad = generateSample({ clients: 1000, products: 6, seed: 7 });
    const clean = generateSample({ clients: 1000, products: 6, seed: 7, badRows: false });
    expect(clean.lotRows).toBe(1978);
    expect(sheet(clean, SHEET_HOLDINGS).rows.length).toBe(1978);
    expect(withBad.lotRows).toBe(1985); // + 7 faulty or tricky lots
    expect(sheet(withBad, SHEET_HOLDINGS).rows.length).toBe(1986); // + the totals row
    expect(sheet(withBad, SHEET_NAV).rows.length).toBe(6 * 188);
  });

  test("bad rows sit where badRows says, with the faults it names", () => {
    const nav = sheet(small, SHEET_NAV);
    const h = sheet(small, SHEET_HOLDINGS);
    const n = h.rows.length;
    expect(small.badRows.map((b) => [b.sheet, b.row, b.column, b.kind, b.severity])).toEqual([
      [SHEET_NAV, 1008, "单位净值", "error-value", "error"], // 5 + 1 + (5 x 188 + 62)
      [SHEET_HOLDINGS, n - 6, "持有份额(份)", "negative-shares", "error"],
      [SHEET_HOLDINGS, n - 5, "买入日期", "not-a-date", "error"],
      [SHEET_HOLDINGS, n - 4, "持有份额(份)", "zero-shares", "warning"],
      [SHEET_HOLDINGS, n - 3, "买入金额(元)", "missing-cost", "error"],
      [SHEET_HOLDINGS, n - 2, "产品代码", "no-nav", "error"],
      [SHEET_HOLDINGS, n + 1, "客户编号", "totals-row", "ignored"],
    ]);
    expect(small.trickyCells.map((b) => [b.row, b.column, b.kind])).toEqual([
      [n - 1, "买入金额(元)", "currency-text"],
      [n, "客户姓名", "formula-text"],
    ]);
    const cell = (s: TableSheetModel, row: number, header: string): CellValue => rowAt(s, row)[col(s, header)];
    const [navBad, neg, date, zero, nocost, unknown, totals] = small.badRows;
    expect(cell(nav, navBad.row, "单位净值")).toEqual({ error: "#N/A" });
    expect(cell(nav, navBad.row, "产品代码")).toBe("LC2026A06");
    expect(cell(h, neg.row, "持有份额(份)") as number).toBeLessThan(0);
    expect(cell(h, date.row, "买入日期")).toBe("待补录");
    expect(cell(h, zero.row, "持有份额(份)")).toBe(0);
    expect([cell(h, nocost.row, "买入金额(元)"), cell(h, nocost.row, "买入净值")]).toEqual([null, null]);
    expect(cell(h, unknown.row, "产品代码")).toBe(UNKNOWN_PRODUCT_CODE);
    expect(nav.rows.some((r) => r[0] === UNKNOWN_PRODUCT_CODE)).toBe(false);
    expect(cell(h, totals.row, "客户编号")).toBe("合计");
    expect(cell(h, small.trickyCells[0].row, "买入金额(元)")).toBe("¥12,345.68");
    expect(cell(h, small.trickyCells[0].row, "持有份额(份)")).toBe(8230.45);
    expect(cell(h, small.trickyCells[1].row, "客户姓名")).toBe('=HYPERLINK("http://example.com/x","点击查看")');
    expect(cell(h, small.trickyCells[1].row, "客户编号")).toBe("C000031");
  });

  test("the number of bad rows is fixed; none without badRows or below 20 clients", () => {
    expect(generateSample({ clients: 5000, products: 6, seed: 1 }).badRows.length).toBe(7);
    expect(generateSample({ clients: 30, products: 6, seed: 1, badRows: false }).badRows).toEqual([]);
    const tiny = generateSample({ clients: 19, products: 2, seed: 1 });
    expect(tiny.badRows).toEqual([]);
    expect(tiny.trickyCells).toEqual([]);
    expect(sheet(tiny, SHEET_HOLDINGS).rows.some((r) => r[0] === "合计")).toBe(false);
  });

  test("one product only, and an asOf on a Sunday: last NAV is the Friday before, still 1.2000", () => {
    const r = generateSample({ clients: 25, products: 1, seed: 5, asOf: "2026-06-07" });
    const rows = sheet(r, SHEET_NAV).rows;
    expect(rows[rows.length - 1][2]).toEqual(day("2026-06-05"));
    expect(rows[rows.length - 1][3]).toBe(1.2);
    expect(r.asOf).toBe("2026-06-07");
    expect(sheet(r, SHEET_HOLDINGS).rows.every((x) => x[2] === DRILL_PRODUCT_CODE || x[2] === UNKNOWN_PRODUCT_CODE || x[0] === "合计")).toBe(true);
  });

  test("rejects bad options", () => {
    expect(() => generateSample({ clients: 1, products: 0 })).toThrow("products must be >= 1");
    expect(() => generateSample({ clients: 1, products: 1, asOf: "2026-02-30" })).toThrow("not a calendar day");
    expect(() => generateSample({ clients: 1, products: 1, asOf: "27/11/2026" })).toThrow("YYYY-MM-DD");
  });

  // Its speed is the benchmark's to measure (npm run bench makes its 100,000-client workbook with
  // it), not a timed unit test's: on a loaded machine that only fails at random.
  test("100,000 clients", () => {
    const r = generateSample({ clients: 100_000, products: 6, seed: 7 });
    expect(r.lotRows).toBeGreaterThan(190_000);
  });
});
