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
  /**
   * On the streaming path: the same rows as a chain in the analysis's LotSources (lots.ts), from
   * `lotFirst` to `lotLast` (-1: none). Two numbers in the position itself rather than an object
   * beside it: at 500,000 positions an object each was 12 MB.
   */
  lotFirst?: number;
  lotLast?: number;
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
  /** On the engine's clients a getter (derived from the fields above): copy a client with
   *  Object.create(c), not a spread, which drops it. */
  readonly factors: Factor[];
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

/**
 * A client as the accumulator builds it. Its score factors are not stored: `factors` scores the
 * client again from the fields that made the score (scoreClient is pure, about a microsecond),
 * because three Factor objects, their texts and an array were some 270 bytes a client, the
 * biggest single cost at Excel's row limit (500,000 clients). Every field is set in the
 * constructor, in one order: one hidden class, its fields in the object.
 */
class ClientRecord implements ClientResult {
  clientName: string | undefined = undefined;
  rm: string | undefined = undefined;
  phone: string | undefined = undefined;
  clientRisk: Level | undefined = undefined;
  age: number | undefined = undefined;
  totalAssets: number | undefined = undefined;
  complaints: number | undefined = undefined;
  clientTier: string | undefined = undefined;
  costFen: Fen = 0;
  marketValueFen: Fen = 0;
  dividendsFen: Fen = 0;
  pnlFen: Fen = 0;
  lossRateBp: RateBp | null = null;
  riskScore = 0;
  riskTier: RiskTier = "low";
  flags: Flag[] = NO_FLAGS;
  positions: PositionResult[] = [];
  /** What the score needs beyond the fields above: the highest risk among the client's products. */
  maxProductRisk: Level | undefined = undefined;
  birthDate: IsoDate | undefined = undefined;

  constructor(
    readonly clientId: string,
    private readonly scoring: ScoringConfig,
  ) {}

  get factors(): Factor[] {
    return scoreClient(scoreInput(this), this.scoring).factors;
  }
}

function scoreInput(r: ClientRecord) {
  return {
    pnlFen: r.pnlFen, costFen: r.costFen, lossRateBp: r.lossRateBp, clientRisk: r.clientRisk,
    maxProductRisk: r.maxProductRisk, age: r.age, totalAssets: r.totalAssets, complaints: r.complaints,
    tier: r.clientTier,
  };
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

/** The four sets of flags a client can have, shared (frozen: never pushed to). */
const NO_FLAGS = Object.freeze([]) as unknown as Flag[];
const MISMATCH = Object.freeze(["suitability-mismatch"]) as unknown as Flag[];
const ELDERLY = Object.freeze(["elderly"]) as unknown as Flag[];
const MISMATCH_ELDERLY = Object.freeze(["suitability-mismatch", "elderly"]) as unknown as Flag[];
/** The lots of every position when the lots are not kept (streaming: see lotFirst). */
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
  private readonly clients = new Map<string, ClientRecord>();
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

    let r = clients.get(lot.clientId);
    if (!r) {
      r = new ClientRecord(lot.clientId, this.scoring);
      clients.set(lot.clientId, r);
    }
    // A client's details come from the first lot that gives them.
    if (r.clientName === undefined) r.clientName = lot.clientName;
    if (r.rm === undefined) r.rm = lot.rm;
    if (r.phone === undefined) r.phone = lot.phone;
    if (r.clientRisk === undefined) r.clientRisk = lot.clientRisk;
    if (r.age === undefined) r.age = lot.age;
    if (r.birthDate === undefined) r.birthDate = lot.birthDate;
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
        pnlFen: 0, lossRateBp: null, lots: this.keep === "lots" ? [] : NO_LOTS, lotFirst: -1, lotLast: -1,
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
      if (pos.lotFirst! < 0) pos.lotFirst = i;
      else this.sources.link(pos.lotLast!, i);
      pos.lotLast = i;
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
    for (const r of clients.values()) {
      for (const pos of r.positions) {
        pos.pnlFen = pos.marketValueFen + pos.dividendsFen - pos.costFen;
        pos.lossRateBp = rateOf(pos.pnlFen, pos.costFen);
        r.costFen += pos.costFen;
        r.marketValueFen += pos.marketValueFen;
        r.dividendsFen += pos.dividendsFen;
        const risk = at.get(pos.productCode)!.info.risk;
        if (risk !== undefined && (r.maxProductRisk === undefined || risk > r.maxProductRisk)) r.maxProductRisk = risk;
      }
      r.pnlFen = r.marketValueFen + r.dividendsFen - r.costFen;
      r.lossRateBp = rateOf(r.pnlFen, r.costFen);
      if (r.birthDate !== undefined) r.age = ageAt(r.birthDate, asOf);
      const mismatch = r.clientRisk !== undefined && r.maxProductRisk !== undefined && r.maxProductRisk > r.clientRisk;
      const elderly = r.age !== undefined && r.age >= scoring.elderlyAge;
      r.flags = mismatch && elderly ? MISMATCH_ELDERLY : mismatch ? MISMATCH : elderly ? ELDERLY : NO_FLAGS;
      // An array of its exact length: one grown by push keeps room for 17 items.
      if (r.positions.length < 17) r.positions = r.positions.slice();
      const s = scoreClient(scoreInput(r), scoring);
      r.riskScore = s.score;
      r.riskTier = s.tier;
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
