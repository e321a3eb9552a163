import { formatFen, formatPercent, formatPercentShort, formatRate, formatYuan, formatYuanShort, toDecimal, grouped } from "../src/core/format";
import { fenToYuanNumber, roundDiv } from "../src/core/money";
import fc from "fast-check";

describe("format: one home for yuan and percent", () => {
  test("fen to yuan, plain and grouped", () => {
    expect(formatFen(-3000000)).toBe("-30000.00");
    expect(formatFen(5)).toBe("0.05");
    expect(formatYuan(-392938335)).toBe("-3,929,383.35");
    expect(formatYuan(99999)).toBe("999.99");
    expect(toDecimal(123456789, 0, grouped)).toBe("123,456,789");
    expect(formatFen(-7)).toBe("-0.07");
    expect(formatFen(-0)).toBe("0.00");
    expect(formatFen(Number.MAX_SAFE_INTEGER)).toBe("90071992547409.91");
  });

  test("property: formatFen is toDecimal(fen, 2) on every safe integer", () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (fen) => formatFen(fen) === toDecimal(fen, 2)));
  });

  test("basis points to a rate and a percent", () => {
    expect(formatRate(-2000)).toBe("-0.2000");
    expect(formatPercent(-2000)).toBe("-20.00%");
    expect(formatPercent(2005)).toBe("20.05%");
    expect(formatPercentShort(-2005)).toBe("20.1%"); // half-up
    expect(formatPercentShort(2004)).toBe("20.0%");
  });

  test("short amounts round half-up with money.ts's rule", () => {
    expect(formatYuanShort(4000000, true)).toBe("4.0万");
    expect(formatYuanShort(4000000, false)).toBe("CNY 40.0k");
    expect(formatYuanShort(185975308, true)).toBe("186.0万");
    expect(formatYuanShort(185975308, false)).toBe("CNY 1.86m");
    expect(formatYuanShort(800000, true)).toBe("8,000");
    expect(formatYuanShort(800050, false)).toBe("CNY 8,001");
    expect(formatYuanShort(1250000, true)).toBe("1.3万"); // 12.5 tenths of 万 rounds up
    expect(roundDiv(-25, 10)).toBe(-3); // half away from zero
  });

  test("fenToYuanNumber is the number the decimal string reads as", () => {
    fc.assert(fc.property(fc.integer({ min: -(2 ** 51), max: 2 ** 51 }), (fen) => {
      expect(fenToYuanNumber(fen)).toBe(Number(formatFen(fen)));
    }));
    expect(Object.is(fenToYuanNumber(-0), 0)).toBe(true);
  });

  test("percent matches the float forms it replaced for every integer bp", () => {
    fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), (bp) => {
      expect(formatPercent(bp)).toBe((bp / 100).toFixed(2) + "%");
    }));
  });
});
