// The loss engine: lots -> positions (client x product) -> clients and products -> totals.
// Money is rounded once, at the lot (see money.ts); everything above is integer sums of fen.

import { Dec, ExactSum, Fen, RateBp, decimalRatioBp, fenFromYuan, mulToFen, ratioBp } from "./money";
import { IsoDate, Level, ageAt } from "./values";
import { Lot, NavPoint, ProductInfo, lastNavOnOrBefore } from "./input";
import { LotSources } from "./lots";
import { Factor, RiskTier, ScoringConfig, DEFAULT_SCORING, scoreClient } from "./risk";

export type Flag = "suitability-mismatch" | "elderly";

export interface PositionResult {
  productCode: string;
  shares: ExactSum;
  costFen: Fen;
  marketValueFen: Fen;
  dividendsFen: Fen;
  pnlFen: Fen;
  lossRateBp: RateBp | null;
  /** The holdings rows behind this position (their sheet, row and cells). */
  lots: Lot[];
  /** On the streaming path: the same rows as a chain in the analysis's LotSources (lots.ts). */
  lotChain?: { first: number; last: number };
}

export interface ClientResult {
  clientId: string;
  clientName?: string;
  rm?: string;
  phone?: string;
  clientRisk?: Level;
  age?: number;
  totalAssets?: number;
  complaints?: number;
  clientTier?: string;
  costFen: Fen;
  marketValueFen: Fen;
  dividendsFen: Fen;
  pnlFen: Fen;
  lossRateBp: RateBp | null;
  riskScore: number;
  riskTier: RiskTier;
  flags: Flag[];
  factors: Factor[];
  positions: PositionResult[];
}

export interface ProductResult {
  productCode: string;
  productName?: string;
  risk?: Level;
  benchmark?: string;
  latestNav: number;
  latestNavDate: IsoDate;
  /** The peak on the drawdown series (`drawdownBasis`): cumulative NAV when given, else unit NAV. */
  peakNav: number;
  peakNavDate: IsoDate;
  /** The latest value on that same series: peak, latest and drawdown always come from one series
   *  (`latestNav` is the unit NAV, which a dividend lowers without a loss). */
  latestBasisNav: number;
  /** Which series the drawdown was measured on. */
  drawdownBasis: "cumulative" | "unit";
  drawdownBp: RateBp;
  holders: number;
  costFen: Fen;
  marketValueFen: Fen;
  pnlFen: Fen;
  /** The product's NAV series (all dates; the report charts the part up to as-of). */
  navs: readonly NavPoint[];
}

export interface Totals {
  clients: number;
  clientsWithLoss: number;
  costFen: Fen;
  marketValueFen: Fen;
  dividendsFen: Fen;
  pnlFen: Fen;
  /** Sum of the losses of clients who lost (a positive number of fen). */
  lossFen: Fen;
}

export interface EngineResult {
  asOf: IsoDate;
  /** The age from which a client is flagged elderly (the scoring setting the flags used). */
  elderlyAge?: number;
  clients: ClientResult[];
  products: ProductResult[];
  totals: Totals;
}

interface ClientAcc {
  result: ClientResult;
  birthDate?: IsoDate;
  maxProductRisk?: Level;
}

/** Per-product data the lot loop needs, looked up once per product. */
interface ProductAt {
  info: ProductInfo;
  latestNav: number;
  holders: number;
  costFen: Fen;
  marketValueFen: Fen;
  pnlFen: Fen;
}

/** Placeholder until finish() sets each client's flags (never pushed to). */
const NO_FLAGS: Flag[] = [];
/** The lots of every position when the lots are not kept (streaming: see lotChain). */
const NO_LOTS: Lot[] = [];

function rateOf(pnl: Fen, cost: Fen): RateBp | null {
  return cost === 0 ? null : ratioBp(pnl, cost);
}

/** The exact money arithmetic: lots to clients and products. Lots must have a NAV on or before asOf. */
export function computeLosses(
  lots: readonly Lot[],
  products: ReadonlyMap<string, ProductInfo>,
  asOf: IsoDate,
  scoring: ScoringConfig = DEFAULT_SCORING,
): EngineResult {
  const acc = new LossAccumulator(products, asOf, scoring);
  for (let i = 0; i < lots.length; i++) acc.add(lots[i]);
  return acc.finish();
}

/**
 * The lot loop as an accumulator, so that a reader can hand over lots as it reads them and drop
 * each one at once (src/core/stream-input.ts): only positions and clients stay, not lots. With
 * `sources` the positions keep where their lots came from in a columnar store (lots.ts) instead of
 * the lots themselves; with `keep: "none"` they keep nothing.
 */
export class LossAccumulator {
  private readonly at = new Map<string, ProductAt>();
  private readonly clients = new Map<string, ClientAcc>();
  count = 0;

  constructor(
    private readonly products: ReadonlyMap<string, ProductInfo>,
    private readonly asOf: IsoDate,
    private readonly scoring: ScoringConfig = DEFAULT_SCORING,
    private readonly sources?: LotSources,
    private readonly keep: "lots" | "source" | "none" = "lots",
  ) {}

  add(lot: Lot): void {
    const { at, clients, products, asOf } = this;
    this.count++;
    let p = at.get(lot.productCode);
    if (!p) {
      const info = products.get(lot.productCode)!;
      const nav = lastNavOnOrBefore(info.navs, asOf)!;
      p = { info, latestNav: nav.unitNav, holders: 0, costFen: 0, marketValueFen: 0, pnlFen: 0 };
      at.set(lot.productCode, p);
    }
    const costFen = lot.costAmount !== undefined
      ? fenFromYuan(lot.costAmount)
      : mulToFen(lot.shares, lot.costNav!) + (lot.fee ? fenFromYuan(lot.fee) : 0);
    const marketValueFen = mulToFen(lot.shares, p.latestNav);
    const dividendsFen = lot.dividends ? fenFromYuan(lot.dividends) : 0;

    let c = clients.get(lot.clientId);
    if (!c) {
      c = {
        // Every field declared here, even those still unknown: one object with its fields in
        // place, not a second property store per client added field by field (500,000 clients).
        result: {
          clientId: lot.clientId, clientName: undefined, rm: undefined, phone: undefined, clientRisk: undefined,
          age: undefined, totalAssets: undefined, complaints: undefined, clientTier: undefined,
          costFen: 0, marketValueFen: 0, dividendsFen: 0, pnlFen: 0, lossRateBp: null,
          riskScore: 0, riskTier: "low", flags: NO_FLAGS, factors: [], positions: [],
        },
      };
      clients.set(lot.clientId, c);
    }
    // A client's details come from the first lot that gives them.
    const r = c.result;
    if (r.clientName === undefined) r.clientName = lot.clientName;
    if (r.rm === undefined) r.rm = lot.rm;
    if (r.phone === undefined) r.phone = lot.phone;
    if (r.clientRisk === undefined) r.clientRisk = lot.clientRisk;
    if (r.age === undefined) r.age = lot.age;
    if (c.birthDate === undefined) c.birthDate = lot.birthDate;
    if (r.totalAssets === undefined) r.totalAssets = lot.totalAssets;
    if (r.complaints === undefined) r.complaints = lot.complaints;
    if (r.clientTier === undefined) r.clientTier = lot.clientTier;
    // The highest product risk is taken in finish(), over the client's positions: a product's
    // risk may still be filled in by a later holdings row while lots stream in.

    // A client holds a handful of products: a scan beats a Map per client (and its garbage).
    let pos: PositionResult | undefined;
    for (const x of r.positions) if (x.productCode === lot.productCode) { pos = x; break; }
    if (!pos) {
      pos = {
        productCode: lot.productCode, shares: new ExactSum(), costFen: 0, marketValueFen: 0, dividendsFen: 0,
        pnlFen: 0, lossRateBp: null, lots: this.keep === "lots" ? [] : NO_LOTS,
      };
      r.positions.push(pos);
      p.holders++;
    }
    pos.shares.add(lot.shares);
    pos.costFen += costFen;
    pos.marketValueFen += marketValueFen;
    pos.dividendsFen += dividendsFen;
    if (this.keep === "lots") pos.lots.push(lot);
    else if (this.keep === "source" && this.sources) {
      const i = this.sources.add(lot.sheet, lot.row, lot.cols);
      if (pos.lotChain === undefined) pos.lotChain = { first: i, last: i };
      else { this.sources.link(pos.lotChain.last, i); pos.lotChain.last = i; }
    }

    const pnl = marketValueFen + dividendsFen - costFen;
    p.costFen += costFen;
    p.marketValueFen += marketValueFen;
    p.pnlFen += pnl;
  }

  finish(): EngineResult {
    const { at, clients, asOf, scoring } = this;
    const totals: Totals = { clients: 0, clientsWithLoss: 0, costFen: 0, marketValueFen: 0, dividendsFen: 0, pnlFen: 0, lossFen: 0 };
    const out: ClientResult[] = [];
    for (const c of clients.values()) {
      const r = c.result;
      for (const pos of r.positions) {
        pos.pnlFen = pos.marketValueFen + pos.dividendsFen - pos.costFen;
        pos.lossRateBp = rateOf(pos.pnlFen, pos.costFen);
        r.costFen += pos.costFen;
        r.marketValueFen += pos.marketValueFen;
        r.dividendsFen += pos.dividendsFen;
        const risk = at.get(pos.productCode)!.info.risk;
        if (risk !== undefined && (c.maxProductRisk === undefined || risk > c.maxProductRisk)) c.maxProductRisk = risk;
      }
      r.pnlFen = r.marketValueFen + r.dividendsFen - r.costFen;
      r.lossRateBp = rateOf(r.pnlFen, r.costFen);
      if (c.birthDate !== undefined) r.age = ageAt(c.birthDate, asOf);
      const mismatch = r.clientRisk !== undefined && c.maxProductRisk !== undefined && c.maxProductRisk > r.clientRisk;
      const elderly = r.age !== undefined && r.age >= scoring.elderlyAge;
      // Arrays of their exact length: one grown by push keeps room for 17 items.
      r.flags = mismatch && elderly ? ["suitability-mismatch", "elderly"] : mismatch ? ["suitability-mismatch"] : elderly ? ["elderly"] : [];
      if (r.positions.length < 17) r.positions = r.positions.slice();
      const s = scoreClient({
        pnlFen: r.pnlFen, costFen: r.costFen, lossRateBp: r.lossRateBp, clientRisk: r.clientRisk,
        maxProductRisk: c.maxProductRisk, age: r.age, totalAssets: r.totalAssets, complaints: r.complaints,
        tier: r.clientTier,
      }, scoring);
      r.riskScore = s.score;
      r.riskTier = s.tier;
      r.factors = s.factors.slice();
      totals.clients++;
      totals.costFen += r.costFen;
      totals.marketValueFen += r.marketValueFen;
      totals.dividendsFen += r.dividendsFen;
      totals.pnlFen += r.pnlFen;
      if (r.pnlFen < 0) { totals.clientsWithLoss++; totals.lossFen -= r.pnlFen; }
      out.push(r);
    }
    clients.clear();
    // Whom to call first: highest score, then the biggest loss, then by id for a stable order.
    out.sort((a, b) => b.riskScore - a.riskScore || a.pnlFen - b.pnlFen || (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0));

    const productResults: ProductResult[] = [];
    for (const p of at.values()) productResults.push(productFigures(p, asOf));
    productResults.sort((a, b) => a.pnlFen - b.pnlFen || (a.productCode < b.productCode ? -1 : 1));
    return { asOf, elderlyAge: scoring.elderlyAge, clients: out, products: productResults, totals };
  }
}

function productFigures(p: ProductAt, asOf: IsoDate): ProductResult {
  const navs = p.info.navs;
  let last = 0;
  while (last < navs.length && navs[last].date <= asOf) last++;
  const upto = navs.slice(0, last);
  // Cumulative NAV adds back distributions; a unit-NAV drawdown would overstate the fall of a
  // product that paid out. Use it when every point up to as-of has one.
  const cumulative = upto.length > 0 && upto.every((n) => n.cumulativeNav !== undefined);
  const value = (n: (typeof navs)[number]) => (cumulative ? n.cumulativeNav! : n.unitNav);
  let peak = upto[0];
  for (const n of upto) if (value(n) > value(peak)) peak = n;
  const latest = upto[upto.length - 1];
  const peakV = value(peak), latestV = value(latest);
  return {
    productCode: p.info.code,
    productName: p.info.name,
    risk: p.info.risk,
    benchmark: p.info.benchmark,
    latestNav: latest.unitNav,
    latestNavDate: latest.date,
    peakNav: peakV,
    peakNavDate: peak.date,
    latestBasisNav: latestV,
    drawdownBasis: cumulative ? "cumulative" : "unit",
    drawdownBp: decimalRatioBp(new Dec(peakV).minus(latestV).toNumber(), peakV),
    holders: p.holders,
    costFen: p.costFen,
    marketValueFen: p.marketValueFen,
    pnlFen: p.pnlFen,
    navs,
  };
}

/**
 * The products that fell: NAV below its peak up to the as-of date, on the drawdown series
 * (drawdownBp > 0). A holder of one of these is owed a notice whatever their overall P&L.
 */
export function fallenProducts(r: Pick<EngineResult, "products">): Set<string> {
  return new Set(r.products.filter((p) => p.drawdownBp > 0).map((p) => p.productCode));
}

/** Does this client hold a product that fell? */
export function holdsFallenProduct(c: ClientResult, fallen: ReadonlySet<string>): boolean {
  return c.positions.some((p) => fallen.has(p.productCode));
}
