// Synthetic sample workbook: a product NAV table, a product table and a client holdings table that
// look like what a bank's systems export, for demos, drills, tests and benchmarks.
//
// Pure core: no I/O, no ExcelJS, no Office. It only describes sheets (TableSheetModel); an adapter
// renders them. Everything is driven by a seeded PRNG so that a seed always gives the same workbook
// (tests, drill hand-outs and benchmark runs must be reproducible). All the data is invented.
//
// Money and NAVs are built in integers (cents, 1/10000 of NAV) and only divided at the end, so a
// NAV is always an exact 4-decimal number and an amount an exact 2-decimal one, never 1.49999999.

import { dataRowNumber, type CellValue, type ColumnSpec, type TableSheetModel } from "./workbook";

export interface SampleOptions {
  clients: number;
  products: number;
  seed?: number;
  /** YYYY-MM-DD; default "2026-11-27". */
  asOf?: string;
  /** Append the fixed set of faulty rows a real export has (only when clients >= 20). Default true. */
  badRows?: boolean;
}

/**
 * A row that the reader/engine must report. `severity` says what the engine should do with it:
 * "error" (row rejected, reported), "warning" (row left out or cell ignored, reported),
 * "ignored" (recognised and skipped silently or with an info note, e.g. the totals row).
 */
export interface SampleBadRow {
  /** Sheet name, so a test can find the right sheet. */
  sheet: string;
  /** 1-based row number on the rendered sheet (preamble and blank row counted). */
  row: number;
  /** Header of the offending column. */
  column: string;
  /** Matches the issue kinds of i18n.ts: "negative-shares", "error-value", ... */
  kind: string;
  severity: "error" | "warning" | "ignored";
}

export interface SampleResult {
  sheets: TableSheetModel[];
  /** Data rows of the holdings table that are lots, i.e. all of them except the totals row. */
  lotRows: number;
  asOf: string;
  /** The faulty rows, in sheet order (empty when badRows is false or clients < 20). */
  badRows: SampleBadRow[];
  /**
   * Cells that look odd but must be read as valid: a "¥12,345.68" amount given as text (must parse
   * as 12345.68) and a client name starting with "=" (must stay text, never become a formula).
   */
  trickyCells: SampleBadRow[];
}

export const SHEET_NAV = "产品净值";
export const SHEET_PRODUCTS = "产品信息";
export const SHEET_HOLDINGS = "客户持仓";
export const DRILL_PRODUCT_CODE = "LC2026A01";
export const DRILL_PRODUCT_NAME = "稳盈增利1号";
/** A product code that has no NAV at all (used by one bad row). */
export const UNKNOWN_PRODUCT_CODE = "LC9999X99";
/** Below this many clients the bad rows are not added: they would be a large share of a tiny sample. */
export const BAD_ROWS_MIN_CLIENTS = 20;

export const HOLDINGS_HEADERS = [
  "客户编号", "客户姓名", "产品代码", "持有份额(份)", "买入净值", "买入金额(元)", "手续费", "已分红", "买入日期",
  "风险承受能力", "年龄", "出生日期", "客户经理", "联系电话", "总资产", "投诉次数", "客户等级",
] as const;

// ---- PRNG ----

/** mulberry32: tiny, fast, good enough for synthetic data, and identical on every platform. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  /** Index drawn with the given (unnormalised) weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
  /** Standard normal (Box-Muller); only used for NAV paths, so speed doesn't matter. */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

// ---- dates ----

const DAY_MS = 86_400_000;

function parseIsoDay(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new Error(`asOf must be YYYY-MM-DD, got "${s}"`);
  const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  const d = new Date(t);
  if (d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) {
    throw new Error(`asOf is not a calendar day: "${s}"`);
  }
  return t;
}

/**
 * Open days (交易日) over the 9 months up to asOf: weekdays, minus the May Day (05-01..05-05) and
 * National Day (10-01..10-07) holidays, approximated with fixed dates (the real calendar shifts
 * them and adds make-up Saturdays, which doesn't matter for a sample). If asOf itself is not an
 * open day, the last NAV is on the open day before it, as in a real export.
 */
function openDays(asOfMs: number): number[] {
  const a = new Date(asOfMs);
  const start = Date.UTC(a.getUTCFullYear(), a.getUTCMonth() - 9, a.getUTCDate());
  const days: number[] = [];
  for (let t = start; t <= asOfMs; t += DAY_MS) {
    const d = new Date(t);
    const wd = d.getUTCDay();
    if (wd === 0 || wd === 6) continue;
    const m = d.getUTCMonth() + 1;
    const day = d.getUTCDate();
    if ((m === 5 && day <= 5) || (m === 10 && day <= 7)) continue;
    days.push(t);
  }
  return days;
}

// ---- products and NAV paths ----

type Template = "drill" | "bond" | "balanced" | "dividend" | "equity" | "cash";

interface Product {
  code: string;
  name: string;
  risk: number; // 1..5
  riskText: string;
  benchmark: string;
  template: Template;
  /** unit NAV per open day, in 1/10000 */
  unit: Int32Array;
  /** cumulative NAV per open day, in 1/10000 (unit + distributions paid so far) */
  cum: Int32Array;
  /** open-day index of the ex-dividend date, -1 if none */
  exIdx: number;
  /** cash distributed per share on exIdx, in 1/10000 */
  perShare: number;
  /** relative popularity when clients pick a product */
  weight: number;
}

const RISK_WORDS = ["", "低风险", "中低风险", "中风险", "中高风险", "高风险"];

/** Product 1 is the drill product; products 2.. cycle through these shapes. */
const TEMPLATE_CYCLE: Template[] = ["bond", "balanced", "dividend", "equity", "cash"];

const FAMILY: Record<Template, { name: string; risk: number; benchmark: string }> = {
  drill: { name: "稳盈增利", risk: 4, benchmark: "5.00%-7.50%" },
  bond: { name: "安鑫纯债", risk: 2, benchmark: "3.00%-4.50%" },
  balanced: { name: "睿远平衡", risk: 3, benchmark: "4.00%-6.00%" },
  dividend: { name: "丰年固收+季季分红", risk: 2, benchmark: "3.20%-4.80%" },
  equity: { name: "科创先锋", risk: 5, benchmark: "沪深300指数收益率*80%+中债综合指数收益率*20%" },
  cash: { name: "天天利现金", risk: 1, benchmark: "1.80%-2.20%" },
};

function productCode(i: number): string {
  // LC2026A01..LC2026A99, then LC2026B01..: the drill product is always LC2026A01.
  const letter = String.fromCharCode(65 + Math.floor(i / 99));
  return `LC2026${letter}${String((i % 99) + 1).padStart(2, "0")}`;
}

/**
 * A path through (t, level) waypoints, t in [0,1], with AR(1) noise that is damped to zero at
 * both ends (sin bridge) so the path starts and ends near the waypoints. Levels are NAVs.
 */
function wavyPath(rng: Rng, n: number, points: [number, number][], vol: number): Float64Array {
  const out = new Float64Array(n);
  let noise = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const t = n === 1 ? 1 : i / (n - 1);
    while (k < points.length - 2 && t > points[k + 1][0]) k++;
    const [t0, v0] = points[k];
    const [t1, v1] = points[k + 1];
    const base = v0 + ((v1 - v0) * (t - t0)) / (t1 - t0);
    noise = 0.85 * noise + vol * rng.normal();
    out[i] = base * (1 + noise * Math.sin(Math.PI * t));
  }
  return out;
}

function toUnits(x: number): number {
  return Math.max(1000, Math.round(x * 1e4)); // never below 0.1000: a sample NAV stays positive
}

function buildProduct(rng: Rng, i: number, template: Template, familyCount: number, n: number): Product {
  const fam = FAMILY[template];
  const unit = new Int32Array(n);
  const cum = new Int32Array(n);
  let exIdx = -1;
  let perShare = 0;
  let weight = 1;
  switch (template) {
    case "drill": {
      // Rises from about 1.0 to a peak of exactly 1.5000, then falls to exactly 1.2000 on the last
      // open day: the 20% fall of the worked scenario. Noise is clamped inside the band so that no
      // other day reaches the peak or the final level.
      const peak = Math.round((n - 1) * 0.55);
      const rise = wavyPath(rng, peak + 1, [[0, 1.0], [0.6, 1.22], [1, 1.5]], 0.003);
      for (let d = 0; d < peak; d++) unit[d] = Math.min(14990, Math.max(9500, toUnits(rise[d])));
      unit[peak] = 15000;
      const fall = wavyPath(rng, n - peak, [[0, 1.5], [0.35, 1.36], [1, 1.2]], 0.004);
      for (let d = peak + 1; d < n - 1; d++) unit[d] = Math.min(14990, Math.max(12010, toUnits(fall[d - peak])));
      unit[n - 1] = 12000;
      cum.set(unit);
      weight = 4; // the bank pushed it hard: many clients bought it, many near the peak
      break;
    }
    case "bond": {
      const s = 1.0 + rng.int(0, 600) / 1e4;
      const p = wavyPath(rng, n, [[0, s], [1, s * (1.02 + rng.next() * 0.01)]], 0.0004);
      for (let d = 0; d < n; d++) unit[d] = toUnits(p[d]);
      cum.set(unit);
      break;
    }
    case "balanced": {
      // a moderate fall: up a little, then down about 8% from the start
      const s = 1.0 + rng.int(0, 1500) / 1e4;
      const p = wavyPath(rng, n, [[0, s], [0.4, s * 1.04], [1, s * (0.9 + rng.next() * 0.04)]], 0.002);
      for (let d = 0; d < n; d++) unit[d] = toUnits(p[d]);
      cum.set(unit);
      break;
    }
    case "dividend": {
      // The only distributing product: 0.0500 per share in cash, ex-date about 60% into the period.
      // The unit NAV drops by the distribution on the ex-date; the cumulative NAV adds it back, so
      // from then on 累计净值 = 单位净值 + 0.0500.
      const s = 1.05 + rng.int(0, 500) / 1e4;
      const total = wavyPath(rng, n, [[0, s], [1, s * 1.035]], 0.0008);
      exIdx = Math.round((n - 1) * 0.6);
      perShare = 500;
      for (let d = 0; d < n; d++) {
        cum[d] = toUnits(total[d]);
        unit[d] = d >= exIdx ? cum[d] - perShare : cum[d];
      }
      break;
    }
    case "equity": {
      // the "tech stocks" case: up, then a shock, ending about 30% below the high
      const p = wavyPath(rng, n, [[0, 1.0], [0.3, 1.25], [0.45, 1.02], [1, 0.86 + rng.next() * 0.04]], 0.01);
      for (let d = 0; d < n; d++) unit[d] = toUnits(p[d]);
      cum.set(unit);
      break;
    }
    case "cash": {
      // money-market-like: climbs a little every day, never falls
      const s = 1.0 + rng.int(0, 300) / 1e4;
      let u = Math.round(s * 1e4);
      for (let d = 0; d < n; d++) {
        if (d > 0 && rng.next() < 0.3) u += 1;
        unit[d] = u;
      }
      cum.set(unit);
      weight = 2;
      break;
    }
  }
  // A few products show their risk level in words (中高风险) as some systems do; never the drill
  // product, so the scenario reads "R4" plainly.
  const riskText = i > 0 && (i + 1) % 3 === 0 ? RISK_WORDS[fam.risk] : `R${fam.risk}`;
  const name = template === "drill" ? DRILL_PRODUCT_NAME : `${fam.name}${familyCount}号`;
  return {
    code: productCode(i), name, risk: fam.risk, riskText, benchmark: fam.benchmark, template,
    unit, cum, exIdx, perShare, weight,
  };
}

// ---- clients ----

const SURNAMES = Array.from("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢");
const GIVEN = Array.from("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红文辉鹏飞慧婷晓雪梅琳海波宇浩然子涵欣怡佳");
const RISK_NAMES = ["", "保守型", "稳健型", "平衡型", "成长型", "进取型"];
const RMS = ["周晓燕", "吴建华", "郑凯", "孙丽萍", "马俊杰", "林雪"];
const MOBILE_PREFIXES = [
  "130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "152", "158", "159",
  "176", "177", "180", "181", "182", "186", "187", "188", "189", "199",
];

function clientId(i: number): string {
  return `C${String(i).padStart(6, "0")}`;
}

function tierOf(totalAssetsYuan: number): string {
  // roughly the thresholds Chinese retail banks use for card tiers
  if (totalAssetsYuan >= 6_000_000) return "私行";
  if (totalAssetsYuan >= 2_000_000) return "钻石";
  if (totalAssetsYuan >= 500_000) return "白金";
  if (totalAssetsYuan >= 50_000) return "金卡";
  return "普通";
}

/** Round half up of a non-negative integer ratio num/den (both exact integers < 2^53). */
function divRound(num: number, den: number): number {
  return Math.floor((num + Math.floor(den / 2)) / den);
}

interface Lot {
  p: number; // product index
  day: number; // open-day index of the purchase
  principalCents: number;
}

// ---- the generator ----

export function generateSample(opts: SampleOptions): SampleResult {
  const clients = Math.floor(opts.clients);
  const nProducts = Math.floor(opts.products);
  if (!(clients >= 0)) throw new Error(`clients must be >= 0, got ${opts.clients}`);
  if (!(nProducts >= 1)) throw new Error(`products must be >= 1, got ${opts.products}`);
  const seed = opts.seed ?? 1;
  const asOf = opts.asOf ?? "2026-11-27";
  const asOfMs = parseIsoDay(asOf);
  const withBad = (opts.badRows ?? true) && clients >= BAD_ROWS_MIN_CLIENTS;

  // Separate streams for products and clients: adding a product doesn't reshuffle unrelated paths
  // more than necessary, and the client stream is independent of how many normals the paths drew.
  const prng = new Rng(seed ^ 0x5eed1234);
  const crng = new Rng((seed * 2654435761) ^ 0x0c11e47);

  const days = openDays(asOfMs);
  const n = days.length;
  // One shared Date per open day: 200,000 lots would otherwise allocate 200,000 identical Dates.
  const dayDates = days.map((t) => new Date(t));

  const products: Product[] = [];
  const familyCounts = new Map<Template, number>();
  for (let i = 0; i < nProducts; i++) {
    const template: Template = i === 0 ? "drill" : TEMPLATE_CYCLE[(i - 1) % TEMPLATE_CYCLE.length];
    const c = (familyCounts.get(template) ?? 0) + 1;
    familyCounts.set(template, c);
    products.push(buildProduct(prng, i, template, c, n));
  }
  const peakIdx = Math.round((n - 1) * 0.55);
  const dividendIdx = products.findIndex((p) => p.template === "dividend");

  // ---- sheet 1: long NAV table ----
  const navModel: TableSheetModel = {
    name: SHEET_NAV,
    preamble: ["理财产品净值表", `导出时间: ${asOf} 18:30:00`, "说明: 合成样例数据, 不涉及真实产品与客户"],
    columns: [
      { header: "产品代码" },
      { header: "产品名称" },
      { header: "净值日期", numFmt: "yyyy-mm-dd" },
      { header: "单位净值", numFmt: "0.0000" },
      { header: "累计净值", numFmt: "0.0000" },
    ],
    rows: [],
    freezeHeader: true,
  };
  for (const p of products) {
    for (let d = 0; d < n; d++) {
      navModel.rows.push([p.code, p.name, dayDates[d], p.unit[d] / 1e4, p.cum[d] / 1e4]);
    }
  }

  // ---- sheet 2: products ----
  const productsModel: TableSheetModel = {
    name: SHEET_PRODUCTS,
    columns: [
      { header: "产品代码" }, { header: "产品名称" }, { header: "产品风险等级" }, { header: "业绩比较基准" },
    ],
    rows: products.map((p) => [p.code, p.name, p.riskText, p.benchmark]),
  };

  // ---- sheet 3: holdings ----
  const money = "#,##0.00";
  const holdingsColumns: ColumnSpec[] = HOLDINGS_HEADERS.map((header) => {
    switch (header) {
      case "持有份额(份)": case "买入金额(元)": case "手续费": case "已分红": case "总资产":
        return { header, numFmt: money };
      case "买入净值":
        return { header, numFmt: "0.0000" };
      case "买入日期": case "出生日期":
        return { header, numFmt: "yyyy-mm-dd" };
      case "联系电话":
        return { header, numFmt: "@" };
      default:
        return { header };
    }
  });
  const H = (h: (typeof HOLDINGS_HEADERS)[number]): number => HOLDINGS_HEADERS.indexOf(h);
  const holdings: CellValue[][] = [];
  const lastBuyDay = Math.max(0, n - 6); // nobody bought in the final week
  const asOfDate = new Date(asOfMs);

  const weightsOf = (idx: number[]): number[] => idx.map((i) => products[i].weight);
  // eligible[level] = product indices whose risk <= level (suitability); above[level] the others
  const eligible: number[][] = [[]];
  for (let lv = 1; lv <= 5; lv++) eligible.push(products.map((p, i) => (p.risk <= lv ? i : -1)).filter((i) => i >= 0));
  const above: number[][] = [[]];
  for (let lv = 1; lv <= 5; lv++) above.push(products.map((p, i) => (p.risk > lv ? i : -1)).filter((i) => i >= 0));
  const aboveWeights = above.map((idx) => weightsOf(idx));
  const allIdx = products.map((_, i) => i);
  const eligibleWeights = eligible.map(weightsOf);
  const allWeights = weightsOf(allIdx);

  for (let c = 1; c <= clients; c++) {
    const r = crng;
    const name = r.pick(SURNAMES) + r.pick(GIVEN) + (r.next() < 0.65 ? r.pick(GIVEN) : "");
    let level = 1 + r.weighted([8, 25, 35, 22, 10]);
    // about 21% aged 65+ (the special-duty-of-care group)
    const ageBand = r.weighted([15, 20, 22, 22, 15, 6]);
    let age = r.int([25, 35, 45, 55, 65, 75][ageBand], [34, 44, 54, 64, 74, 88][ageBand]);
    const nLots = 1 + r.weighted([30, 40, 30]); // mean 2 lots per client
    const lots: Lot[] = [];
    for (let k = 0; k < nLots; k++) {
      let p: number;
      if (k > 0 && r.next() < 0.15) {
        p = lots[k - 1].p; // a second purchase of the same product
      } else if (r.next() < 0.12 && above[level].length > 0) {
        // mis-sold: a product above the client's level (about 10% of lots; mostly the pushed drill product)
        p = above[level][r.weighted(aboveWeights[level])];
      } else if (eligible[level].length > 0) {
        p = eligible[level][r.weighted(eligibleWeights[level])];
      } else {
        p = allIdx[r.weighted(allWeights)]; // nothing suits (e.g. a C1 client and no R1 product)
      }
      // half of the drill product's buyers came in on the peak day (the campaign day)
      const day = products[p].template === "drill" && r.next() < 0.45 ? peakIdx : r.int(0, lastBuyDay);
      const band = r.weighted([10, 30, 35, 20, 5]);
      const lo = [10_000, 20_000, 50_000, 200_000, 1_000_000][band];
      const hi = [10_000, 50_000, 200_000, 1_000_000, 3_000_000][band];
      const step = r.next() < 0.7 ? 1000 : 100;
      const principal = Math.round((lo + r.next() * (hi - lo)) / step) * step;
      lots.push({ p, day, principalCents: principal * 100 });
    }
    // Scenario anchors, the same for every seed, so demos and tests can point at them:
    // C000001 a C4 client who bought the drill product at 1.5000 for 100,000;
    // C000002 a C2 (稳健型) client aged 68 who was sold the R4 drill product at 1.5000 for 200,000
    //         (a suitability mismatch and an elderly client: the complaint the bank is most likely to lose);
    // C000003 a holder of the distributing product since before its ex-date.
    if (c === 1) {
      level = 4; age = 45;
      lots.length = 1;
      lots[0] = { p: 0, day: peakIdx, principalCents: 10_000_000 };
    } else if (c === 2) {
      level = 2; age = 68;
      lots.length = 1;
      lots[0] = { p: 0, day: peakIdx, principalCents: 20_000_000 };
    } else if (c === 3 && dividendIdx >= 0) {
      level = 3;
      lots[0] = { p: dividendIdx, day: Math.floor(products[dividendIdx].exIdx / 2), principalCents: 5_000_000 };
    }
    lots.sort((a, b) => a.day - b.day);

    const riskRoll = r.next();
    const riskText = c === 2 ? "稳健型"
      : riskRoll < 0.8 ? `C${level}` : riskRoll < 0.95 ? RISK_NAMES[level] : `c${level}`;
    // birth date consistent with the age on asOf: the birthday fell 1..364 days before asOf
    const birth = new Date(Date.UTC(asOfDate.getUTCFullYear() - age, asOfDate.getUTCMonth(), asOfDate.getUTCDate()) - r.int(1, 364) * DAY_MS);
    const ageRoll = r.next(); // 45% age only, 35% birth date only, 20% both
    const ageCell: CellValue = ageRoll < 0.45 || ageRoll >= 0.8 ? age : null;
    const birthCell: CellValue = ageRoll >= 0.45 ? birth : null;
    const rm = r.pick(RMS);
    let phone = r.pick(MOBILE_PREFIXES);
    for (let k = 0; k < 8; k++) phone += String(r.int(0, 9));

    let investedCents = 0;
    let holdsDrillAtPeak = false;
    const rowsOfClient: CellValue[][] = [];
    for (const lot of lots) {
      const prod = products[lot.p];
      const navU = prod.unit[lot.day];
      const zeroFee = r.next() < 0.6;
      const feeCents = zeroFee ? 0 : divRound(lot.principalCents * r.pick([10, 15, 20, 50]), 10_000);
      // shares = (amount - fee) / NAV, cut to 2 decimals (cents of a share)
      const shareCents = Math.floor(((lot.principalCents - feeCents) * 1e4) / navU);
      const costCents = divRound(shareCents * navU, 1e4) + feeCents;
      const blankAmount = r.next() < 0.1; // ~10%: the engine must compute cost from NAV + fee
      let divCents: number | null = null;
      if (lot.p === dividendIdx && lot.day < prod.exIdx) divCents = divRound(shareCents * prod.perShare, 1e4);
      investedCents += lot.principalCents;
      if (prod.template === "drill" && lot.day === peakIdx) holdsDrillAtPeak = true;
      rowsOfClient.push([
        clientId(c), name, prod.code, shareCents / 100, navU / 1e4, blankAmount ? null : costCents / 100,
        feeCents / 100, divCents === null ? null : divCents / 100, dayDates[lot.day], riskText, ageCell, birthCell,
        rm, phone, null, null, null,
      ]);
    }
    // total assets: the lots plus other deposits and funds, to the nearest 100 yuan
    const totalAssets = Math.round(((investedCents / 100) * (1.1 + r.next() * 4)) / 100) * 100;
    const complaints = holdsDrillAtPeak ? r.weighted([60, 25, 10, 5]) : r.weighted([92, 6, 1.5, 0.5]);
    const tier = tierOf(totalAssets);
    for (const row of rowsOfClient) {
      row[H("总资产")] = totalAssets;
      row[H("投诉次数")] = complaints;
      row[H("客户等级")] = tier;
      holdings.push(row);
    }
  }

  const holdingsModel: TableSheetModel = {
    name: SHEET_HOLDINGS,
    columns: holdingsColumns,
    rows: holdings,
    tableName: "Holdings",
    freezeHeader: true,
  };

  const badRows: SampleBadRow[] = [];
  const trickyCells: SampleBadRow[] = [];
  if (withBad) {
    // NAV sheet: the export wrote #N/A for one day of the last product (a gap in the NAV feed).
    // Chosen a third into the period: never the drill product's peak or last day.
    const navRowIdx = (nProducts - 1) * n + Math.floor(n / 3);
    navModel.rows[navRowIdx][3] = { error: "#N/A" };
    badRows.push({ sheet: SHEET_NAV, row: dataRowNumber(navModel, navRowIdx), column: "单位净值", kind: "error-value", severity: "error" });

    // Holdings: copies of real lots (so every other cell is plausible) with one fault each,
    // appended after the clean lots. The count is fixed, so a 100,000-client sample stays clean.
    const copyOf = (i: number): CellValue[] => holdings[i].slice();
    const add = (row: CellValue[], column: string, kind: string, severity: SampleBadRow["severity"], list = badRows): void => {
      holdings.push(row);
      list.push({ sheet: SHEET_HOLDINGS, row: dataRowNumber(holdingsModel, holdings.length - 1), column, kind, severity });
    };
    // 1. a negative share count (a reversal booked as a lot): rejected
    let row = copyOf(10);
    row[H("持有份额(份)")] = -(row[H("持有份额(份)")] as number);
    add(row, "持有份额(份)", "negative-shares", "error");
    // 2. junk text in a date cell: the purchase date was never filled in
    row = copyOf(11);
    row[H("买入日期")] = "待补录";
    add(row, "买入日期", "not-a-date", "error");
    // 3. a zero-share lot (fully redeemed but still exported): left out with a warning
    row = copyOf(12);
    row[H("持有份额(份)")] = 0;
    row[H("买入金额(元)")] = null;
    row[H("已分红")] = null;
    add(row, "持有份额(份)", "zero-shares", "warning");
    // 4. neither cost amount nor cost NAV: the cost cannot be computed
    row = copyOf(13);
    row[H("买入金额(元)")] = null;
    row[H("买入净值")] = null;
    add(row, "买入金额(元)", "missing-cost", "error");
    // 5. a product code that has no NAV anywhere in the NAV table
    row = copyOf(14);
    row[H("产品代码")] = UNKNOWN_PRODUCT_CODE;
    row[H("买入净值")] = 1;
    row[H("已分红")] = null;
    // at NAV 1.0000 the cost is shares + fee; summed in cents so it stays an exact 2-decimal number
    row[H("买入金额(元)")] =
      (Math.round((row[H("持有份额(份)")] as number) * 100) + Math.round((row[H("手续费")] as number) * 100)) / 100;
    add(row, "产品代码", "no-nav", "error");
    // 6. a valid lot whose amount was pasted as text with a currency sign and thousands
    //    separators: must parse, i.e. NOT a bad row. 8230.45 shares at 1.5000 = 12,345.675 -> 12,345.68.
    row = copyOf(15);
    row[H("产品代码")] = DRILL_PRODUCT_CODE;
    row[H("买入日期")] = dayDates[peakIdx];
    row[H("买入净值")] = 1.5;
    row[H("持有份额(份)")] = 8230.45;
    row[H("手续费")] = 0;
    row[H("已分红")] = null;
    row[H("买入金额(元)")] = "¥12,345.68";
    add(row, "买入金额(元)", "currency-text", "ignored", trickyCells);
    // 7. a new client whose name starts with "=": formula injection; must stay text
    row = copyOf(16);
    row[H("客户编号")] = clientId(clients + 1);
    row[H("客户姓名")] = '=HYPERLINK("http://example.com/x","点击查看")';
    add(row, "客户姓名", "formula-text", "ignored", trickyCells);
    // 8. the export's totals row, as the last data row of the table: skipped as a totals row
    let shareCents = 0;
    let costCents = 0;
    for (const h of holdings) {
      if (typeof h[H("持有份额(份)")] === "number") shareCents += Math.round((h[H("持有份额(份)")] as number) * 100);
      if (typeof h[H("买入金额(元)")] === "number") costCents += Math.round((h[H("买入金额(元)")] as number) * 100);
    }
    const totals: CellValue[] = HOLDINGS_HEADERS.map(() => null);
    totals[H("客户编号")] = "合计";
    totals[H("持有份额(份)")] = shareCents / 100;
    totals[H("买入金额(元)")] = costCents / 100;
    add(totals, "客户编号", "totals-row", "ignored");
  }

  const lotRows = holdings.length - (withBad ? 1 : 0);
  badRows.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === SHEET_NAV ? -1 : 1));
  return { sheets: [navModel, productsModel, holdingsModel], lotRows, asOf, badRows, trickyCells };
}
