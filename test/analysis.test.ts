import fc from "fast-check";
import { analyzeWorkbook, resultJson, writeResultJson } from "../src/core/analysis";
import { InputFatalError } from "../src/core/input";
import { CellValue, SheetSnapshot, WorkbookSnapshot } from "../src/core/workbook";
import { formatFen } from "../src/core/format";

const d = (iso: string) => new Date(iso + "T00:00:00Z");
const sheet = (name: string, rows: (CellValue[] | undefined)[], tables: SheetSnapshot["tables"] = []): SheetSnapshot => ({ name, rows, tables });

const NAV_HEAD = ["产品代码", "产品名称", "净值日期", "单位净值", "累计净值", "风险等级"];
function navSheet(extra: CellValue[][] = []): SheetSnapshot {
  return sheet("产品净值", [
    ["理财产品净值表"],
    [],
    NAV_HEAD,
    ["LC2026A01", "稳盈增利1号", d("2026-06-01"), 1.0, 1.0, "R4"],
    ["LC2026A01", "稳盈增利1号", d("2026-09-01"), 1.5, 1.5, "R4"],
    ["LC2026A01", "稳盈增利1号", d("2026-11-27"), 1.2, 1.2, "R4"],
    ["BOND01", "安享债券", d("2026-06-01"), 1.0, 1.0, "R2"],
    ["BOND01", "安享债券", d("2026-11-27"), 1.02, 1.07, "R2"],
    ...extra,
  ]);
}
const HOLD_HEAD = ["客户编号", "客户姓名", "产品代码", "持有份额(份)", "买入净值", "买入金额（元）", "手续费", "已分红", "风险承受能力", "年龄", "总资产", "投诉次数", "客户等级", "客户经理"];
function holdSheet(rows: CellValue[][]): SheetSnapshot {
  return sheet("客户持仓", [HOLD_HEAD, ...rows]);
}
const wb = (...sheets: SheetSnapshot[]): WorkbookSnapshot => ({ sheets });

describe("the worked cases", () => {
  test("1.5 to 1.2 is -20.00% and every total adds up to the cent", () => {
    const a = analyzeWorkbook(wb(navSheet(), holdSheet([
      ["C001", "张三", "LC2026A01", 10000, 1.5, 15000, 0, null, "C4", 40, 100000, 0, "普通", "王经理"],
      ["C002", "李四", "LC2026A01", 6666.67, 1.5, null, 10, null, "C4", 40, 100000, 0, "普通", "王经理"],
      ["C002", "李四", "BOND01", 1000, 1.0, 1000, 0, 12.34, "C4", 40, 100000, 0, "普通", "王经理"],
    ])));
    const j = resultJson(a);
    expect(j.asOf).toBe("2026-11-27");
    const c1 = j.clients.find((c) => c.clientId === "C001")!;
    expect([c1.cost, c1.marketValue, c1.pnl, c1.lossRate]).toEqual(["15000.00", "12000.00", "-3000.00", "-0.2000"]);
    const c2 = j.clients.find((c) => c.clientId === "C002")!;
    // lot 1: cost round2(6666.67 x 1.5) + 10 = 10000.01 + 10; mv round2(6666.67 x 1.2) = 8000.00
    expect(c2.positions[0]).toMatchObject({ productCode: "LC2026A01", shares: "6666.67", cost: "10010.01", marketValue: "8000.00", pnl: "-2010.01", lossRate: "-0.2008" });
    expect(c2.positions[1]).toMatchObject({ productCode: "BOND01", cost: "1000.00", marketValue: "1020.00", dividends: "12.34", pnl: "32.34" });
    expect([c2.cost, c2.marketValue, c2.dividends, c2.pnl]).toEqual(["11010.01", "9020.00", "12.34", "-1977.67"]);
    expect(j.totals).toEqual({
      lotRows: 3, lotsAccepted: 3, lotsRejected: 0, clients: 2, clientsWithLoss: 2,
      cost: "26010.01", marketValue: "21020.00", dividends: "12.34", pnl: "-4977.67", loss: "4977.67",
    });
    const p = j.products.find((x) => x.productCode === "LC2026A01")!;
    expect(p).toMatchObject({ latestNav: "1.2000", latestNavDate: "2026-11-27", peakNav: "1.5000", drawdown: "0.2000", holders: 2, pnl: "-5010.01", riskLevel: "R4" });
  });

  test("100,000 invested, down 30,000: -30.00%", () => {
    const a = analyzeWorkbook(wb(
      sheet("NAV", [["Product code", "NAV date", "Unit NAV"], ["TECH", "2026-01-02", 1], ["TECH", "2026-12-31", 0.7]]),
      sheet("Holdings", [["Client ID", "Code", "Shares", "Amount invested"], ["A1", "TECH", 100000, 100000]]),
    ));
    const c = resultJson(a).clients[0];
    expect([c.cost, c.pnl, c.lossRate]).toEqual(["100000.00", "-30000.00", "-0.3000"]);
  });
});

describe("issues name the sheet and the cell; the rest goes on", () => {
  const a = analyzeWorkbook(wb(navSheet([
    ["LC2026A01", "稳盈增利1号", d("2026-10-01"), { error: "#N/A" }, null, "R4"],
    ["BOND01", "安享债券", "下周", 1.01, null, "R2"],
    ["BOND01", "安享债券", d("2026-10-02"), 0, null, "R2"],
  ]), holdSheet([
    ["C001", "张三", "LC2026A01", -100, 1.5, 150, 0, null, "C4", 40, null, 0, null, null], // row 2
    ["C002", "李四", "LC2026A01", 0, 1.5, 0, 0, null, "C4", 40, null, 0, null, null], // row 3
    ["C003", "王五", "LC2026A01", 100, null, null, 0, null, "C4", 40, null, 0, null, null], // row 4
    ["C004", "赵六", "LC9999X99", 100, 1, 100, 0, null, "C4", 40, null, 0, null, null], // row 5
    ["C005", "=HYPERLINK(\"x\")", "LC2026A01", "1,000.00", 1.5, "¥1,500.00", 0, null, "稳健型", 70, null, 0, null, null], // row 6
    [null, null, null, null, null, null, null, null, null, null, null, null, null, null], // row 7 blank
    ["C006", "孙七", "LC2026A01", "lots", 1.5, 150, 0, null, "C4", 40, null, 0, null, null], // row 8
    ["C007", "周八", "LC2026A01", 100, 1.5, 150, 0, null, "C9", 40, null, 0, null, null], // row 9
    ["合计", null, null, 1000, null, 1950, null, null, null, null, null, null, null, null], // row 10
  ])), { locale: "zh-CN" });
  const byCell = Object.fromEntries(a.issues.map((i) => [`${i.sheet}!${i.cell}`, i]));

  test("each kind of issue", () => {
    expect(byCell["产品净值!D9"]).toMatchObject({ severity: "error", code: "error-value", message: "产品净值!D9: 单位净值为错误值 #N/A" });
    expect(byCell["产品净值!C10"]).toMatchObject({ severity: "error", code: "not-a-date", message: "产品净值!C10: 净值日期不是日期：“下周”" });
    expect(byCell["产品净值!D11"]).toMatchObject({ severity: "error", code: "nav-not-positive" });
    expect(byCell["客户持仓!D2"]).toMatchObject({ severity: "error", code: "negative-shares", message: "客户持仓!D2: 持有份额为负数（-100）" });
    expect(byCell["客户持仓!D3"]).toMatchObject({ severity: "warning", code: "zero-shares" });
    expect(byCell["客户持仓!F4"]).toMatchObject({ severity: "error", code: "missing-cost" });
    expect(byCell["客户持仓!C5"]).toMatchObject({ severity: "error", code: "no-nav", message: "客户持仓!C5: 产品 LC9999X99 在 2026-11-27 及之前没有净值" });
    expect(byCell["客户持仓!D8"]).toMatchObject({ severity: "error", code: "not-a-number" });
    expect(byCell["客户持仓!I9"]).toMatchObject({ severity: "error", code: "not-a-risk-level" });
    expect(byCell["客户持仓!A10"]).toMatchObject({ severity: "warning", code: "totals-row" });
    expect(a.issues).toHaveLength(10);
  });

  test("the good rows are analysed, and the counts add up", () => {
    expect(a.clients.map((c) => c.clientId)).toEqual(["C005"]);
    const j = resultJson(a);
    expect(j.clients[0]).toMatchObject({ clientName: "=HYPERLINK(\"x\")", cost: "1500.00", marketValue: "1200.00", pnl: "-300.00" });
    // 7 data rows: the blank row 7 and the totals row 10 are not data
    expect(j.totals).toMatchObject({ lotRows: 7, lotsAccepted: 1, lotsRejected: 6 });
  });

  test("English messages", () => {
    const en = analyzeWorkbook(wb(navSheet(), holdSheet([["C001", "x", "LC2026A01", -5, 1.5, 7.5, 0, null, "C4", 40, null, 0, null, null]])), { locale: "en-US" });
    expect(en.issues[0].message).toBe("客户持仓!D2: shares is negative (-5)");
  });
});

describe("finding the tables", () => {
  test("a missing holdings table is fatal and says which headers would match", () => {
    expect(() => analyzeWorkbook(wb(navSheet()), { locale: "en-US" })).toThrow(InputFatalError);
    try { analyzeWorkbook(wb(navSheet()), { locale: "en-US" }); } catch (e) {
      expect((e as InputFatalError).problems[0]).toContain("no holdings table found");
      expect((e as InputFatalError).problems[0]).toContain("客户编号, 客户号, 客户代码, Client ID, Customer ID");
    }
  });

  test("a missing required column is fatal, naming the column and its names", () => {
    const s = sheet("持仓", [["客户编号", "产品代码", "买入金额"], ["C1", "LC2026A01", 100]]);
    let err: InputFatalError | undefined;
    try { analyzeWorkbook(wb(navSheet(), s)); } catch (e) { err = e as InputFatalError; }
    expect(err?.problems).toEqual([
      "客户持仓表（表头位于 持仓!A1）缺少列：持有份额 (持有份额, 份额, 持仓份额, Shares, Units)",
    ]);
  });

  test("an Excel table (ListObject) is used even below row 20, and the wide NAV layout is read", () => {
    const rows: (CellValue[] | undefined)[] = [];
    rows[29] = ["Client ID", "Product code", "Units", "Cost NAV"];
    rows[30] = ["A", "P1", 100, 1.1];
    rows[31] = ["B", "P2", 200, 2];
    const a = analyzeWorkbook(wb(
      sheet("Wide", [["Date", "P1", "P2"], [d("2026-11-26"), 1.2, 2.2], [d("2026-11-27"), 1.0, { error: "#N/A" }]]),
      sheet("Data", rows, [{ name: "Holdings", ref: "A30:D32", headerRow: true }]),
    ));
    expect(a.tables.map((t) => [t.role, t.sheet, t.address, t.tableName ?? null, t.wide ?? false])).toEqual([
      ["nav", "Wide", "A1:C3", null, true],
      ["holdings", "Data", "A30:D32", "Holdings", false],
    ]);
    expect(a.issues.map((i) => `${i.sheet}!${i.cell} ${i.code}`)).toEqual(["Wide!C3 error-value"]);
    const j = resultJson(a);
    expect(j.products.map((p) => [p.productCode, p.latestNav, p.latestNavDate])).toEqual([
      ["P1", "1.0000", "2026-11-27"],
      ["P2", "2.2000", "2026-11-26"],
    ]);
    expect(j.clients.map((c) => [c.clientId, c.pnl])).toEqual([["A", "-10.00"], ["B", "40.00"]]);
  });

  test("--as-of picks the NAV on or before it, and leaves out lots bought after", () => {
    const a = analyzeWorkbook(wb(navSheet(), sheet("H", [
      ["客户编号", "产品代码", "份额", "买入金额", "买入日期"],
      ["C1", "LC2026A01", 1000, 1000, "2026-05-01"],
      ["C2", "LC2026A01", 1000, 1500, "2026-10-01"],
    ])), { asOf: "2026-09-30" });
    const j = resultJson(a);
    expect(j.clients.map((c) => [c.clientId, c.marketValue, c.pnl])).toEqual([["C1", "1500.00", "500.00"]]);
    expect(j.issues.map((i) => i.code)).toEqual(["after-as-of"]);
  });

  test("drawdown uses cumulative NAV when present, so a distribution is not counted as a fall", () => {
    const j = resultJson(analyzeWorkbook(wb(navSheet(), holdSheet([
      ["C1", "x", "BOND01", 100, 1, 100, 0, 5, "C2", 30, null, 0, null, null],
    ]))));
    expect(j.products[0]).toMatchObject({ productCode: "BOND01", drawdownBasis: "cumulative", drawdown: "0.0000", peakNav: "1.0700" });
  });

  test("the products table wins over what the NAV table says about risk", () => {
    const j = resultJson(analyzeWorkbook(wb(navSheet(), sheet("产品信息", [["产品代码", "产品风险等级", "业绩比较基准"], ["BOND01", "中低风险", "3.00%-4.00%"], ["LC2026A01", "R5", null]]), holdSheet([
      ["C1", "x", "LC2026A01", 100, 1.5, 150, 0, null, "C2", 30, null, 0, null, null],
    ]))));
    expect(j.products[0]).toMatchObject({ productCode: "LC2026A01", riskLevel: "R5" });
    expect(j.tables.map((t) => t.role)).toEqual(["nav", "products", "holdings"]);
  });
});

describe("flags and risk score", () => {
  const a = analyzeWorkbook(wb(navSheet(), holdSheet([
    // elderly C2 client in the R4 product who lost about 25% (bought above the peak)
    ["OLD", "老王", "LC2026A01", 10000, 1.6, 16000, 0, null, "C2", 70, 40000, 1, "金卡", "王经理"],
    // young C4 client in the bond, lost 2% only: cost 1040.82 for 1000 shares now 1.02
    ["YOUNG", "小李", "BOND01", 1000, 1.0408, null, 0, null, "C4", 28, 1000000, 0, "普通", "王经理"],
    // a profitable mismatched client: tier capped at low
    ["GAIN", "赵", "LC2026A01", 1000, 1.0, 1000, 0, null, "C1", 80, null, 0, null, "李经理"],
  ])));
  const j = resultJson(a);
  test("the 65+ C2 client in R4 who lost 25% ranks first and high; the young C4 client who lost 2% last", () => {
    expect(j.clients.map((c) => c.clientId)).toEqual(["OLD", "GAIN", "YOUNG"]);
    const old = j.clients[0];
    expect(old.lossRate).toBe("-0.2500");
    expect(old.flags).toEqual(["suitability-mismatch", "elderly"]);
    expect(old.riskTier).toBe("high");
    expect(old.factors.map((f) => [f.factor, f.points])).toEqual([
      // 4,000 lost: 25 x log10(4000/1000)/3 = 5.0; 16,000 of 40,000 assets: 10 x 0.4/0.5 = 8
      ["lossRate", 25], ["suitability", 20], ["elderly", 10], ["concentration", 8], ["lossAmount", 5], ["complaints", 2.5], ["tier", 1.5],
    ]);
    expect(old.riskScore).toBe(72);
    const young = j.clients[2];
    expect(young).toMatchObject({ lossRate: "-0.0200", riskTier: "low", flags: [] });
    expect(young.riskScore).toBeLessThan(10);
    const gain = j.clients[1];
    expect(gain).toMatchObject({ riskTier: "low", flags: ["suitability-mismatch", "elderly"] });
    expect(gain.factors.map((f) => f.factor)).toContain("noLoss");
  });
});

describe("properties", () => {
  const lotArb = fc.record({
    client: fc.constantFrom("C1", "C2", "C3", "C4"),
    product: fc.constantFrom("LC2026A01", "BOND01", "NOPE"),
    shares: fc.oneof(fc.integer({ min: -5, max: 2_000_000 }).map((n) => n / 100), fc.constant(0)),
    costNav: fc.integer({ min: 1, max: 30000 }).map((n) => n / 10000),
    amount: fc.option(fc.integer({ min: 0, max: 1e9 }).map((n) => n / 100)),
    fee: fc.integer({ min: 0, max: 10000 }).map((n) => n / 100),
    div: fc.option(fc.integer({ min: 0, max: 100000 }).map((n) => n / 100)),
    blank: fc.boolean(),
  });
  test("totals equal the sum of clients, clients the sum of positions, and accepted + rejected = data rows", () => {
    fc.assert(fc.property(fc.array(lotArb, { maxLength: 40 }), (lots) => {
      const rows = lots.map((l) => l.blank
        ? [null, null, null, null, null, null, null, null, null, null, null, null, null, null]
        : [l.client, null, l.product, l.shares, l.costNav, l.amount, l.fee, l.div, null, null, null, null, null, null]);
      let a;
      try { a = analyzeWorkbook(wb(navSheet(), holdSheet(rows))); } catch { return true; }
      const j = resultJson(a);
      const dataRows = lots.filter((l) => !l.blank).length;
      if (j.totals.lotRows !== dataRows || j.totals.lotsAccepted + j.totals.lotsRejected !== dataRows) return false;
      const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
      const fen = (s: string) => Math.round(Number(s) * 100);
      if (fen(j.totals.pnl) !== sum(j.clients.map((c) => fen(c.pnl)))) return false;
      if (fen(j.totals.cost) !== sum(j.clients.map((c) => fen(c.cost)))) return false;
      if (fen(j.totals.loss) !== -sum(j.clients.map((c) => Math.min(0, fen(c.pnl))))) return false;
      if (sum(j.products.map((p) => fen(p.pnl))) !== fen(j.totals.pnl)) return false;
      for (const c of j.clients) {
        if (fen(c.pnl) !== sum(c.positions.map((p) => fen(p.pnl)))) return false;
        if (fen(c.pnl) !== fen(c.marketValue) + fen(c.dividends) - fen(c.cost)) return false;
      }
      return formatFen(sum(j.clients.map((c) => fen(c.pnl)))) === j.totals.pnl;
    }), { numRuns: 300 });
  });
});

test("the streamed JSON is the same object as resultJson", () => {
  const a = analyzeWorkbook(wb(navSheet(), holdSheet([
    ["C001", "张三", "LC2026A01", 10000, 1.5, 15000, 0, null, "C4", 40, 100000, 0, "普通", "王经理"],
    ["C002", "李四", "BOND01", 1000, 1.0, 1000, 0, 12.34, "C2", 70, 100000, 0, "普通", "王经理"],
    ["C003", "王五", "BOND01", -1, 1.0, 1000, 0, null, "C2", 70, 100000, 0, "普通", "王经理"],
  ])));
  let text = "";
  writeResultJson(a, (s) => (text += s));
  expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(resultJson(a))));
  expect(text.split("\n").filter((l) => l.startsWith("{\"clientId\"")).length).toBe(2);
});
