// Money and rates, exact.
//
// The rounding story, in one place: every money amount is rounded once, half-up (half away from
// zero) to the fen (0.01 yuan), at the lot: cost, market value, dividends. Everything above a lot
// (positions, clients, products, totals) is a sum of those rounded fen, so totals add up to the
// cent by construction. Rates (loss rate, drawdown) are rounded half-up to 4 decimals.
//
// Amounts are held as integer fen in a JS number, like dinero.js holds minor units: integer
// addition is exact up to 2^53 fen (about 90 trillion yuan). Inputs (shares, NAVs, amounts) are
// decimals as Excel stores them, i.e. doubles read by their shortest decimal form (String(x)),
// which is also how decimal.js reads a number. Multiplying two of them in float64 is off from the
// exact decimal product by at most a few units in the last place; that only changes the rounded
// fen when the product lies within that error of a half fen. So the fast path checks its distance
// from the half and hands the rare near-tie to decimal.js. The result is always the decimal one.

import Decimal from "decimal.js";

/**
 * Bounds on input values, so that every fen figure stays an exact integer (below 2^53) and no
 * result is ever Infinity or NaN. A value past them is a cell issue, not a result:
 * - shares at most 1e12 per lot; a NAV (unit, cumulative, cost) at most 1e6 per unit;
 * - an amount (cost amount, fee, dividends, total assets, and a lot's shares x NAV) at most 1e11
 *   yuan, i.e. 1e13 fen, where a product of two doubles is still rounded exactly (< 2^52);
 * - the accepted lots together at most 2^51 fen (about 22.5 trillion yuan) of cost + market value +
 *   dividends, so that every sum above a lot (positions, clients, products, totals) stays exact.
 * The largest real lots are many orders of magnitude below; values this big are typing errors
 * (a pasted account number in the shares column) or a damaged file.
 */
export const LIMITS = {
  shares: 1e12,
  nav: 1e6,
  amountYuan: 1e11,
  totalFen: 2 ** 51,
} as const;

// Fen and yuan are both numbers; the unit is a phantom mark so that one cannot be passed where the
// other is wanted (a yuan cell value into a formatter of fen is a type error). The mark is optional,
// so sums and differences of fen stay plain arithmetic (a number is a Fen): the engine adds lots
// without a cast, and the only way from yuan to fen is a function that rounds (fenFromYuan, mulToFen).
declare const unit: unique symbol;
/** Integer number of fen (0.01 CNY). */
export type Fen = number & { readonly [unit]?: "fen" };
/** An amount in yuan, as a cell holds it (a double). */
export type Yuan = number & { readonly [unit]?: "yuan" };

/** decimal.js configured for this project: plenty of precision, half-up. */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

// Relative error bound of a*b*100 against the exact decimal product: inputs are within 2^-53 of
// their decimals, and the two multiplications add one rounding each. 4 x 2^-53 < 5e-16; the
// window is set well wide of it. Being wide only sends more near-ties to the slow path.
const TIE_WINDOW = 4e-15;
const SAFE = Number.MAX_SAFE_INTEGER;

function roundHalfAwayFast(x: number): number | null {
  const ax = Math.abs(x);
  if (!(ax < 2 ** 52)) return null;
  const frac = ax - Math.floor(ax);
  if (Math.abs(frac - 0.5) <= TIE_WINDOW * Math.max(1, ax)) return null;
  const r = Math.round(ax);
  return x < 0 ? -r : r;
}

/** round2(a x b) in fen, exact. */
export function mulToFen(a: number, b: number): Fen {
  const fast = roundHalfAwayFast(a * b * 100);
  if (fast !== null) return fast + 0; // + 0 turns -0 into 0
  return new Dec(a).times(b).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() + 0;
}

/** An amount in yuan, rounded half-up to the fen, exact. */
export function fenFromYuan(yuan: Yuan): Fen {
  const fast = roundHalfAwayFast(yuan * 100);
  if (fast !== null) return fast + 0;
  return new Dec(yuan).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() + 0;
}

/**
 * Fen as a number of yuan (for writing to a sheet cell). Division is correctly rounded, so this is
 * the double nearest the exact decimal, the same number as parsing "1234.50"; + 0 turns -0 into 0.
 */
export function fenToYuanNumber(fen: Fen): Yuan {
  return fen / 100 + 0;
}

/** Rate in units of 1e-4 (basis points of 1), i.e. "-0.2000" is -2000. */
export type RateBp = number;

/**
 * n / d rounded half away from zero to an integer, the one rounding rule applied to a quotient
 * (a figure shortened for display: fen to whole yuan, to 0.1 万). Exact for safe integers; d > 0.
 */
export function roundDiv(n: number, d: number): number {
  const q = exactRoundDiv(n, d);
  return q ?? new Dec(n).div(d).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() + 0;
}

function exactRoundDiv(n: number, den: number): number | null {
  if (!(Number.isSafeInteger(n) && Number.isSafeInteger(den) && den !== 0)) return null;
  const sign = (n < 0) !== (den < 0) ? -1 : 1;
  const an = Math.abs(n);
  const ad = Math.abs(den);
  let q = Math.floor(an / ad);
  let r = an - q * ad; // exact: q * ad <= an <= SAFE
  // the float quotient can be one off when it lands next to an integer; settle it exactly
  if (r < 0) { q -= 1; r += ad; } else if (r >= ad) { q += 1; r -= ad; }
  if (2 * r >= ad) q += 1;
  return sign * q + 0;
}

/**
 * num / den rounded half away from zero to 4 decimals, as an integer of 1e-4 units.
 * Integer arithmetic while it is exact; decimal.js beyond. den must not be 0.
 */
export function ratioBp(num: number, den: number): RateBp {
  return exactRoundDiv(num * 10000, den)
    ?? new Dec(num).times(10000).div(den).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() + 0;
}

/** Exact decimal ratio rounded half-up to 4 decimals, for non-integer inputs such as NAVs. */
export function decimalRatioBp(num: number, den: number): RateBp {
  return new Dec(num).times(10000).div(den).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() + 0;
}

/**
 * Exact sum of decimals (share counts) that may carry up to 6 places: accumulated as integers of
 * 1e-6 while that is exact, in decimal.js once an input has more places or the sum grows too big.
 */
export class ExactSum {
  private units = 0; // integer of 1e-6
  private dec: Decimal | null = null;

  add(x: number): this {
    if (this.dec === null) {
      const u = x * 1e6;
      const r = Math.round(u);
      if (Math.abs(u - r) <= 1e-15 * Math.max(1, Math.abs(u)) && Math.abs(this.units + r) < SAFE) {
        // x has at most 6 decimals: r is exactly x * 1e6
        this.units += r;
        return this;
      }
      this.dec = new Dec(this.units).div(1e6);
    }
    this.dec = this.dec.plus(x);
    return this;
  }

  /** "1234.5", "-0.000001", "20000": the shortest exact decimal (decimal.js's toFixed()). */
  toString(): string {
    if (this.dec !== null) return this.dec.toFixed();
    // integers of 1e-6 below 2^53 place the point by hand: a JSON of 200,000 positions made
    // 200,000 Decimals only to print them
    const a = Math.abs(this.units);
    const whole = Math.floor(a / 1e6);
    const frac = a - whole * 1e6; // exact: both are integers below 2^53
    const s = frac === 0 ? String(whole) : `${whole}.${String(frac).padStart(6, "0").replace(/0+$/, "")}`;
    return this.units < 0 ? "-" + s : s;
  }
}
