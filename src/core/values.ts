// Reading one cell's value: numbers, dates, risk levels, in every form exports put them in.
// Each reader returns the value, `undefined` for a blank cell, or a Bad naming what was wrong.

import { CellValue, isCellError } from "./workbook";
import { Dec } from "./money";
import { isoFromSerial } from "./excel-date";

export class Bad {
  constructor(
    readonly code: "error-value" | "not-a-number" | "not-a-date" | "not-a-risk-level",
    /** The cell's content as the user would recognise it. */
    readonly shown: string,
  ) {}
}

export type Read<T> = T | undefined | Bad;

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

export function shownValue(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (isCellError(v)) return v.error;
  if (v instanceof Date) return isNaN(v.getTime()) ? "?" : v.toISOString().slice(0, 10);
  return String(v);
}

/** Text of a cell, trimmed; numbers as their shortest form (client ids are sometimes numbers). */
export function readText(v: CellValue | undefined): Read<string> {
  if (isBlank(v)) return undefined;
  if (isCellError(v)) return new Bad("error-value", v.error);
  // A broken date cell can arrive as an invalid Date: it is not a text anyone typed.
  if (v instanceof Date) return isNaN(v.getTime()) ? new Bad("not-a-date", "?") : v.toISOString().slice(0, 10);
  return String(v).trim();
}

const CURRENCY = /^(?:¥|￥|RMB|CNY|人民币)\s*|\s*(?:元|RMB|CNY)$/giu;

/**
 * "12,345.67", "¥12,345.67", "￥ 1 234", " 3.5% ", "(1,200.00)", "１２３" -> numbers.
 * Text is converted through decimal.js so "3.5%" is exactly 0.035 in shortest form.
 */
export function readNumber(v: CellValue | undefined): Read<number> {
  if (isBlank(v)) return undefined;
  if (typeof v === "number") return Number.isFinite(v) ? v : new Bad("not-a-number", String(v));
  if (isCellError(v)) return new Bad("error-value", v.error);
  if (typeof v !== "string") return new Bad("not-a-number", shownValue(v));
  let s = v.normalize("NFKC").trim().replace(CURRENCY, "").trim();
  let negative = false;
  if (/^\(.*\)$/.test(s)) { negative = true; s = s.slice(1, -1).trim(); } // accounting negative
  let percent = false;
  if (s.endsWith("%")) { percent = true; s = s.slice(0, -1).trim(); }
  s = s.replace(/(?<=\d)[,\s](?=\d{3}(?:\D|$))/g, "");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return new Bad("not-a-number", v.trim());
  let d = new Dec(s);
  if (percent) d = d.div(100);
  if (negative) d = d.neg();
  const n = d.toNumber();
  return Number.isFinite(n) ? n : new Bad("not-a-number", v.trim());
}

/** A calendar day as "YYYY-MM-DD": sorts and compares as text. */
export type IsoDate = string;

// One string per calendar day, shared: 200,000 lots hold a few hundred purchase dates and a few
// thousand birth dates, not 400,000 copies of them.
const ISO_CACHE = new Map<number, IsoDate>();

/** Excel's calendar: 1900-01-01 to 9999-12-31. Days outside it are not dates (an issue, not a guess). */
function isoOf(y: number, m: number, d: number): IsoDate | undefined {
  if (!(y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1)) return undefined;
  const key = y * 10000 + m * 100 + d;
  const hit = ISO_CACHE.get(key);
  if (hit !== undefined) return hit;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > dim) return undefined;
  const iso = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  ISO_CACHE.set(key, iso);
  return iso;
}

/** Dates as Date, serial, 20261127, "2026-11-27", "2026/11/27", "2026.11.27", "2026年11月27日". */
export function readDate(v: CellValue | undefined): Read<IsoDate> {
  // A holdings table repeats a few hundred dates over its rows: each serial or Date is converted once.
  if (typeof v === "number") {
    const hit = DATE_OF_NUMBER.get(v);
    if (hit !== undefined) return hit;
    const r = readDateOnce(v);
    if (typeof r === "string") remember(DATE_OF_NUMBER, v, r);
    return r;
  }
  if (v instanceof Date) {
    const t = v.getTime();
    const hit = DATE_OF_TIME.get(t);
    if (hit !== undefined) return hit;
    const r = readDateOnce(v);
    if (typeof r === "string") remember(DATE_OF_TIME, t, r);
    return r;
  }
  return readDateOnce(v);
}

/** What a few hundred distinct cell values read as, forgotten all at once when it outgrows that. */
function remember<K, V>(memo: Map<K, V>, k: K, v: V): void {
  if (memo.size >= 4096) memo.clear();
  memo.set(k, v);
}
const DATE_OF_NUMBER = new Map<number, IsoDate>();
const DATE_OF_TIME = new Map<number, IsoDate>(); // a Date cell, by its time value

function readDateOnce(v: CellValue | undefined): Read<IsoDate> {
  if (isBlank(v)) return undefined;
  if (isCellError(v)) return new Bad("error-value", v.error);
  if (v instanceof Date) {
    if (isNaN(v.getTime())) return new Bad("not-a-date", "?");
    return isoOf(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()) ?? new Bad("not-a-date", shownValue(v));
  }
  if (typeof v === "number") {
    if (Number.isInteger(v) && v >= 19000101 && v <= 99991231) {
      return isoOf(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100) ?? new Bad("not-a-date", String(v));
    }
    return isoFromSerial(v) ?? new Bad("not-a-date", String(v));
  }
  if (typeof v !== "string") return new Bad("not-a-date", shownValue(v));
  const s = v.normalize("NFKC").trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(s)
    ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(s)
    ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return isoOf(+m[1], +m[2], +m[3]) ?? new Bad("not-a-date", v.trim());
  // a serial typed as text ("46353")
  m = /^(\d{5})(?:\.\d+)?$/.exec(s);
  if (m) return isoFromSerial(+s) ?? new Bad("not-a-date", v.trim());
  return new Bad("not-a-date", v.trim());
}

/** Whole years from birth to the as-of day. */
export function ageAt(birth: IsoDate, asOf: IsoDate): number {
  const [by, bm, bd] = [+birth.slice(0, 4), +birth.slice(5, 7), +birth.slice(8, 10)];
  const [ay, am, ad] = [+asOf.slice(0, 4), +asOf.slice(5, 7), +asOf.slice(8, 10)];
  return ay - by - (am < bm || (am === bm && ad < bd) ? 1 : 0);
}

/** Risk level 1..5 (R1..R5 for products, C1..C5 for clients). */
export type Level = 1 | 2 | 3 | 4 | 5;

const PRODUCT_NAMES: Record<string, Level> = {
  低: 1, 低风险: 1, 中低: 2, 中低风险: 2, 中: 3, 中风险: 3, 中等风险: 3, 中高: 4, 中高风险: 4, 高: 5, 高风险: 5,
  low: 1, lowmedium: 2, mediumlow: 2, medium: 3, mediumhigh: 4, highmedium: 4, high: 5,
};

const CLIENT_NAMES: Record<string, Level> = {
  保守型: 1, 谨慎型: 1, 稳健型: 2, 平衡型: 3, 成长型: 4, 进取型: 5, 激进型: 5, 积极型: 5,
  conservative: 1, cautious: 1, moderatelyconservative: 2, prudent: 2, steady: 2, moderate: 3, balanced: 3,
  growth: 4, moderatelyaggressive: 4, aggressive: 5, radical: 5,
};

function readLevel(v: CellValue | undefined, letters: RegExp, names: Record<string, Level>, memo: Map<string, Level>): Read<Level> {
  if (typeof v === "string") {
    const hit = memo.get(v);
    if (hit !== undefined) return hit;
    const r = readLevelOnce(v, letters, names);
    if (typeof r === "number") remember(memo, v, r);
    return r;
  }
  return readLevelOnce(v, letters, names);
}
const PRODUCT_LEVELS = new Map<string, Level>();
const CLIENT_LEVELS = new Map<string, Level>();

function readLevelOnce(v: CellValue | undefined, letters: RegExp, names: Record<string, Level>): Read<Level> {
  if (isBlank(v)) return undefined;
  if (isCellError(v)) return new Bad("error-value", v.error);
  if (typeof v === "number") {
    return Number.isInteger(v) && v >= 1 && v <= 5 ? (v as Level) : new Bad("not-a-risk-level", String(v));
  }
  const s = String(v).normalize("NFKC").trim().toLowerCase().replace(/[\s_\-()（）]/g, "");
  const m = letters.exec(s);
  if (m) return +m[1] as Level;
  const byName = names[s] ?? names[s.replace(/(风险|等级|级)$/u, "")];
  return byName ?? new Bad("not-a-risk-level", String(v).trim());
}

/** "R3", "r3", "PR3", "中风险", "3" -> 3 */
export function readProductRisk(v: CellValue | undefined): Read<Level> {
  return readLevel(v, /^p?r([1-5])(?:级)?$/, PRODUCT_NAMES, PRODUCT_LEVELS);
}

/** "C2", "c2", "稳健型", "C2稳健型" -> 2 */
export function readClientRisk(v: CellValue | undefined): Read<Level> {
  return readLevel(v, /^c([1-5])(?:级|保守型|谨慎型|稳健型|平衡型|成长型|进取型|激进型)?$/, CLIENT_NAMES, CLIENT_LEVELS);
}

const PLAIN_ASCII = /^[\x21-\x7e]*$/;

/** "合计", "总计", "Total", "小计": the first non-blank cell of a totals row. */
export function isTotalsLabel(v: CellValue | undefined): boolean {
  if (typeof v !== "string") return false;
  // Printable ASCII without spaces (a client id: the holdings table's first cell) is its own NFKC
  // form: spared the normalisation that every row's first cell went through.
  if (PLAIN_ASCII.test(v)) {
    const t = v.toLowerCase().replace(/:$/, "");
    return t === "total" || t === "totals" || t === "grandtotal" || t === "subtotal";
  }
  const s = v.normalize("NFKC").replace(/\s+/g, "").toLowerCase().replace(/[:：]$/, "");
  return s === "合计" || s === "总计" || s === "小计" || s === "total" || s === "totals" || s === "grandtotal" || s === "subtotal";
}
