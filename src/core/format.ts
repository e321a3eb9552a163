// How amounts and rates are shown: the one home for yuan, grouping and percent.
//
// Every figure is an integer in a minor unit (fen = 1/100 yuan, bp = 1/10000 of 1), so showing it
// is placing a decimal point, never a float division: toDecimal(amount, scale) writes the integer
// with `scale` decimals, and a transformer dresses those parts for a surface (grouping, a sign
// dropped for "loss of", a unit), as dinero.js's toDecimal does. Shortening a figure (a phone
// message's "4.0万") rounds with money.ts's one rule, roundDiv, before it is placed.

import { Dec, Fen, RateBp, roundDiv } from "./money";

/** The parts of a scaled integer: "-1234.50" is { negative: true, int: "1234", frac: "50" }. */
export interface DecimalParts {
  negative: boolean;
  int: string;
  frac: string;
}

/** Parts back to "-1234.50" (the default transformer). */
export const plain = (p: DecimalParts): string => (p.negative ? "-" : "") + p.int + (p.frac ? "." + p.frac : "");

/** "1234567.89" -> "1,234,567.89": thousands grouping of a decimal string (sign kept). */
export function groupThousands(s: string): string {
  const [int, dec] = s.split(".");
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (dec !== undefined ? "." + dec : "");
}

/** Parts to "-1,234.50". */
export const grouped = (p: DecimalParts): string => groupThousands(plain(p));

/** An integer of 10^-scale units as a decimal with exactly `scale` decimals, through `transform`. */
export function toDecimal(amount: number, scale: number, transform: (p: DecimalParts) => string = plain): string {
  const a = Math.abs(amount);
  const unit = 10 ** scale;
  const whole = Math.floor(a / unit);
  const frac = scale === 0 ? "" : String(a - whole * unit).padStart(scale, "0");
  return transform({ negative: amount < 0, int: String(whole), frac });
}

/** "-30000.00": fen as a yuan string with exactly 2 decimals, no grouping (JSON, cell text). */
export function formatFen(fen: Fen): string {
  // toDecimal(fen, 2) without its parts object: the result JSON formats five amounts a position
  const a = Math.abs(fen);
  const cents = a % 100;
  return `${fen < 0 ? "-" : ""}${(a - cents) / 100}.${cents < 10 ? "0" : ""}${cents}`;
}

/** "-3,929,383.35": fen as grouped yuan with 2 decimals, for text (a report sentence, a summary). */
export function formatYuan(fen: Fen): string {
  return toDecimal(fen, 2, grouped);
}

/** "-0.2000": a rate in 1e-4 units as a decimal fraction with 4 places. */
export function formatRate(bp: RateBp): string {
  return toDecimal(bp, 4);
}

/** -2000 (1e-4 units) -> "-20.00%": a rate as a percent with 2 decimals (1 bp = 0.01%). */
export function formatPercent(bp: RateBp): string {
  return toDecimal(bp, 2) + "%";
}

/** -2000 -> "20.0%": a percent half-up to one decimal (a phone screen). */
export function formatPercentShort(bp: RateBp): string {
  return toDecimal(roundDiv(Math.abs(bp), 10), 1) + "%";
}

/**
 * A loss rounded half-up for a phone screen: 4000000 fen -> "4.0万" (zh) / "CNY 40.0k" (en);
 * 185975308 fen -> "186.0万" / "CNY 1.86m"; under 10,000 whole yuan: "8,000" / "CNY 8,000".
 */
export function formatYuanShort(fen: Fen, zh: boolean): string {
  const a = Math.abs(fen);
  if (zh) return a >= 1e6 ? toDecimal(roundDiv(a, 1e5), 1) + "万" : toDecimal(roundDiv(a, 100), 0, grouped);
  if (a >= 1e8) return `CNY ${toDecimal(roundDiv(a, 1e6), 2)}m`;
  return a >= 1e6 ? `CNY ${toDecimal(roundDiv(a, 1e4), 1)}k` : `CNY ${toDecimal(roundDiv(a, 100), 0, grouped)}`;
}

/** A NAV as a string with at least 4 decimals ("1.2000", "1.23456"). */
export function formatNav(nav: number): string {
  const s = new Dec(nav).toFixed();
  const dot = s.indexOf(".");
  const decimals = dot < 0 ? 0 : s.length - dot - 1;
  return decimals >= 4 ? s : new Dec(nav).toFixed(4);
}
