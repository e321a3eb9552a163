import { ExactSum, fenFromYuan, mulToFen, ratioBp } from "../src/core/money";
import { formatFen, formatNav, formatRate } from "../src/core/format";
import fc from "fast-check";
import Decimal from "decimal.js";

describe("money: one rounding rule, half-up to the fen", () => {
  test("the drill: 10,000 shares bought at 1.5000 are worth 12,000.00 at 1.2000", () => {
    expect(mulToFen(10000, 1.5)).toBe(1500000);
    expect(mulToFen(10000, 1.2)).toBe(1200000);
    expect(ratioBp(1200000 - 1500000, 1500000)).toBe(-2000);
    expect(formatRate(ratioBp(1200000 - 1500000, 1500000))).toBe("-0.2000");
  });

  test("the amateur investor: 100,000 down 30,000 is -30.00%", () => {
    const cost = fenFromYuan(100000);
    const pnl = fenFromYuan(70000) - cost;
    expect(formatFen(pnl)).toBe("-30000.00");
    expect(formatRate(ratioBp(pnl, cost))).toBe("-0.3000");
  });

  test("exact half fen rounds up, float would not", () => {
    // 1.005 is 1.00499999999999989... as a double: naive Math.round(1.005 * 100) gives 100
    expect(Math.round(1.005 * 100)).toBe(100);
    expect(fenFromYuan(1.005)).toBe(101);
    expect(fenFromYuan(2.675)).toBe(268);
    expect(mulToFen(0.5, 0.01)).toBe(1); // 0.005 yuan
    expect(mulToFen(1000.5, 1.2345)).toBe(123512); // 1235.11725 -> 1235.12
    expect(mulToFen(333.33, 1.5)).toBe(50000); // 499.995 -> 500.00
    expect(mulToFen(12345.67, 1.2)).toBe(1481480); // 14814.804
    expect(fenFromYuan(-1.005)).toBe(-101); // half away from zero
    expect(fenFromYuan(0)).toBe(0);
    expect(Object.is(fenFromYuan(-0.001), 0)).toBe(true);
  });

  test("rates round half away from zero at the 4th decimal", () => {
    expect(ratioBp(-1, 8)).toBe(-1250);
    expect(ratioBp(1, 3)).toBe(3333);
    expect(ratioBp(2, 3)).toBe(6667);
    expect(ratioBp(-2, 3)).toBe(-6667);
    expect(ratioBp(1, 20000)).toBe(1); // 0.00005 -> 0.0001
    expect(ratioBp(-1, 20000)).toBe(-1);
    expect(ratioBp(1, 20001)).toBe(0);
  });

  test("formats", () => {
    expect(formatFen(-3000000)).toBe("-30000.00");
    expect(formatFen(5)).toBe("0.05");
    expect(formatFen(-5)).toBe("-0.05");
    expect(formatFen(123456789012)).toBe("1234567890.12");
    expect(formatRate(-2000)).toBe("-0.2000");
    expect(formatRate(-5)).toBe("-0.0005");
    expect(formatRate(12345)).toBe("1.2345");
    expect(formatNav(1.2)).toBe("1.2000");
    expect(formatNav(1.23456)).toBe("1.23456");
  });

  test("share sums are exact", () => {
    const s = new ExactSum();
    for (let i = 0; i < 10; i++) s.add(0.1);
    expect(s.toString()).toBe("1");
    expect(new ExactSum().add(1.23).add(2.0001).toString()).toBe("3.2301");
    expect(new ExactSum().add(1.1234567).add(1).toString()).toBe("2.1234567");
    // the integer path prints what decimal.js prints: no trailing zeros, a sign, leading zeros kept
    expect(new ExactSum().toString()).toBe("0");
    expect(new ExactSum().add(20000).toString()).toBe("20000");
    expect(new ExactSum().add(-0.000001).toString()).toBe("-0.000001");
    expect(new ExactSum().add(12.5).add(0.05).toString()).toBe("12.55");
    expect(new ExactSum().add(123_456_789.123456).toString()).toBe("123456789.123456");
  });

  test("property: share sums print as decimal.js prints the exact sum", () => {
    const share = fc.integer({ min: -5_000_000_000_000, max: 5_000_000_000_000 }).map((n) => n / 1e6);
    fc.assert(fc.property(fc.array(share, { maxLength: 5 }), (xs) => {
      const sum = new ExactSum();
      xs.forEach((x) => sum.add(x));
      return sum.toString() === xs.reduce((d, x) => d.plus(x), new Decimal(0)).toFixed();
    }));
  });

  test("property: mulToFen equals decimal.js half-up on 2- and 4-decimal inputs", () => {
    const shares = fc.integer({ min: 0, max: 10_000_000_00 }).map((n) => n / 100);
    const nav = fc.integer({ min: 1, max: 9_9999 }).map((n) => n / 10000);
    fc.assert(fc.property(shares, nav, (s, n) => {
      const exact = new Decimal(s).times(n).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
      return mulToFen(s, n) === exact;
    }), { numRuns: 20000 });
  });

  test("property: near-ties are settled exactly (3-decimal products ending in 5)", () => {
    const shares = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n + 0.5);
    const nav = fc.integer({ min: 1, max: 999 }).map((n) => n / 100 + 0.001);
    fc.assert(fc.property(shares, nav, (s, n) => {
      const exact = new Decimal(s).times(n).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
      return mulToFen(s, n) === exact;
    }), { numRuns: 20000 });
  });

  test("property: ratioBp equals decimal.js half-up", () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 1e12 }), (n, d) => {
      const exact = new Decimal(n).times(10000).div(d).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
      return ratioBp(n, d) === exact;
    }), { numRuns: 20000 });
  });
});
