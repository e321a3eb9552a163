import {
  Bad, ageAt, isTotalsLabel, readClientRisk, readDate, readNumber, readProductRisk,
} from "../src/core/values";
import { isoFromSerial, serialFromIso } from "../src/core/excel-date";
import { fieldOfHeader, normalizeHeader } from "../src/core/schema";

describe("numbers in every form exports use", () => {
  test.each([
    [12345.67, 12345.67],
    ["12,345.67", 12345.67],
    ["¥12,345.67", 12345.67],
    ["￥12,345.67", 12345.67],
    ["  1,000  ", 1000],
    ["3.5%", 0.035],
    ["-0.5%", -0.005],
    ["(1,200.00)", -1200],
    ["１２３．５", 123.5],
    ["RMB 2,000", 2000],
    ["2000元", 2000],
    ["1 234 567.8", 1234567.8],
    [".5", 0.5],
  ])("%p -> %p", (input, expected) => {
    expect(readNumber(input)).toBe(expected);
  });

  test("blank is undefined, junk and error values are Bad", () => {
    expect(readNumber(null)).toBeUndefined();
    expect(readNumber("   ")).toBeUndefined();
    expect(readNumber("abc")).toEqual(new Bad("not-a-number", "abc"));
    expect(readNumber("12,34.5")).toEqual(new Bad("not-a-number", "12,34.5"));
    expect(readNumber({ error: "#N/A" })).toEqual(new Bad("error-value", "#N/A"));
    expect(readNumber(true)).toEqual(new Bad("not-a-number", "true"));
  });
});

describe("dates", () => {
  test.each([
    [new Date(Date.UTC(2026, 10, 27)), "2026-11-27"],
    [46353, "2026-11-27"],
    [20261127, "2026-11-27"],
    ["2026-11-27", "2026-11-27"],
    ["2026/11/27", "2026-11-27"],
    ["2026.11.27", "2026-11-27"],
    ["20261127", "2026-11-27"],
    ["2026年11月27日", "2026-11-27"],
    ["2026年1月5日", "2026-01-05"],
    ["2026-1-5", "2026-01-05"],
    ["2026-11-27 15:00:00", "2026-11-27"],
    ["46353", "2026-11-27"],
    [61, "1900-03-01"],
    [59, "1900-02-28"],
  ])("%p -> %p", (input, expected) => {
    expect(readDate(input)).toBe(expected);
  });

  test("impossible dates are Bad", () => {
    expect(readDate("2026-02-30")).toEqual(new Bad("not-a-date", "2026-02-30"));
    expect(readDate("next week")).toEqual(new Bad("not-a-date", "next week"));
    expect(readDate(60)).toEqual(new Bad("not-a-date", "60"));
    expect(readDate({ error: "#VALUE!" })).toEqual(new Bad("error-value", "#VALUE!"));
  });

  test("serials round-trip and ages count whole years", () => {
    expect(serialFromIso("2026-11-27")).toBe(46353);
    expect(isoFromSerial(serialFromIso("1961-11-28"))).toBe("1961-11-28");
    expect(ageAt("1961-11-28", "2026-11-27")).toBe(64);
    expect(ageAt("1961-11-27", "2026-11-27")).toBe(65);
  });
});

describe("risk levels", () => {
  test.each([["R3", 3], ["r3", 3], ["PR4", 4], ["中风险", 3], ["中高风险", 4], ["低风险", 1], ["高", 5], [2, 2], ["R5级", 5]])(
    "product %p -> R%p", (input, level) => expect(readProductRisk(input)).toBe(level));
  test.each([["C2", 2], ["c3", 3], ["稳健型", 2], ["谨慎型", 1], ["激进型", 5], ["C4成长型", 4], ["Balanced", 3], ["进取型", 5]])(
    "client %p -> C%p", (input, level) => expect(readClientRisk(input)).toBe(level));
  test("unknown levels are Bad", () => {
    expect(readProductRisk("R9")).toEqual(new Bad("not-a-risk-level", "R9"));
    expect(readClientRisk("勇敢型")).toEqual(new Bad("not-a-risk-level", "勇敢型"));
  });
});

describe("headers", () => {
  test.each([
    ["持有份额(份)", "shares"],
    ["买入金额（元）", "costAmount"],
    [" Client  ID ", "clientId"],
    ["ＮＡＶ", "unitNav"],
    ["净值日期", "navDate"],
    ["净值", "unitNav"],
    ["CUSTOMER_ID", "clientId"],
    ["单位净值[元]", "unitNav"],
    ["风险等级", "productRisk"],
    ["客户风险等级", "clientRisk"],
  ])("%p is %p", (h, f) => expect(fieldOfHeader(h)).toBe(f));
  test("no substring matches", () => {
    expect(fieldOfHeader("净值日期备注")).toBeUndefined();
    expect(normalizeHeader("Unit NAV (CNY)")).toBe("unitnav");
  });
  test("totals labels", () => {
    expect(isTotalsLabel("合计")).toBe(true);
    expect(isTotalsLabel(" 总 计 ")).toBe(true);
    expect(isTotalsLabel("Total")).toBe(true);
    expect(isTotalsLabel("合计金额")).toBe(false);
    // the ASCII fast path: a colon, case, ids that only look close
    expect(isTotalsLabel("GrandTotal:")).toBe(true);
    expect(isTotalsLabel("SUBTOTAL")).toBe(true);
    expect(isTotalsLabel("Totals::")).toBe(false);
    expect(isTotalsLabel("C000123")).toBe(false);
    expect(isTotalsLabel("")).toBe(false);
    expect(isTotalsLabel("Ｔｏｔａｌ：")).toBe(true);
  });
});

describe("values read once per distinct value", () => {
  test("a date or level read again gives the same answer, and a bad one stays bad", () => {
    const d = new Date(Date.UTC(2026, 0, 5));
    for (let i = 0; i < 3; i++) {
      expect(readDate(d)).toBe("2026-01-05");
      expect(readDate(new Date(d.getTime()))).toBe("2026-01-05");
      expect(readDate(46027)).toBe("2026-01-05");
      expect(readDate(new Date(NaN))).toBeInstanceOf(Bad);
      expect(readDate(-5)).toBeInstanceOf(Bad);
      expect(readClientRisk("C2稳健型")).toBe(2);
      expect(readProductRisk("C2稳健型")).toBeInstanceOf(Bad);
      expect(readClientRisk("R9")).toBeInstanceOf(Bad);
    }
    // more distinct values than the memo holds: every one still read right
    for (let n = 45000; n < 50000; n++) expect(readDate(n)).toBe(readDate(n));
  });
});
