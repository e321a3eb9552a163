// The client risk score: 0-100, a sum of named factors so that every score can be explained.
// It orders clients the way a risk team decides whom to call first: how much and how hard the
// client lost, whether the bank sold them a product above their risk tolerance (the strongest
// driver of complaints the bank loses), age 65+ (a special duty of care), how much of their
// wealth sits in the loss, past complaints, and the client tier.

import { Level } from "./values";
import type { Fen } from "./money";

export type FactorKey =
  | "lossAmount" | "lossRate" | "suitability" | "elderly" | "concentration" | "complaints" | "tier" | "noLoss";

export interface Factor {
  factor: FactorKey;
  /** Points this factor adds, one decimal. */
  points: number;
  /** The figure behind it, as text: "-25000.00", "-0.2500", "C2<R4", "71", ... */
  value: string;
}

export type RiskTier = "high" | "medium" | "low";

export interface ScoringConfig {
  /** Maximum points of each factor. */
  weights: {
    lossAmount: number; lossRate: number; suitability: number; elderly: number;
    concentration: number; complaints: number; tier: number;
  };
  /** Loss in yuan that earns no points, and the loss that earns full points; log scale between. */
  lossAmountFloor: number;
  lossAmountFull: number;
  /** Loss rate (positive fraction) at which the loss-rate factor is full; linear below. A 20% fall
   *  is the drill's scenario and, for a 理财 product sold as steady, already the worst case. */
  lossRateFull: number;
  /** Share of the suitability weight for a one-level gap; two or more levels earn it all. */
  suitabilityOneLevel: number;
  elderlyAge: number;
  /** Cost held in the analysed products over total assets at which concentration is full. */
  concentrationFull: number;
  /** Number of past complaints that earns full points. */
  complaintsFull: number;
  /** Share of the tier weight per client tier (matched after trimming, case-insensitive). */
  tierShare: Record<string, number>;
  /** Score at or above which a client is high, resp. medium. */
  thresholds: { high: number; medium: number };
}

export const DEFAULT_SCORING: ScoringConfig = {
  weights: { lossAmount: 25, lossRate: 25, suitability: 20, elderly: 10, concentration: 10, complaints: 5, tier: 5 },
  lossAmountFloor: 1_000,
  lossAmountFull: 1_000_000,
  lossRateFull: 0.2,
  suitabilityOneLevel: 0.7,
  elderlyAge: 65,
  concentrationFull: 0.5,
  complaintsFull: 2,
  tierShare: { 私行: 1, 私人银行: 1, 钻石: 1, 白金: 0.6, 金卡: 0.3, private: 1, diamond: 1, platinum: 0.6, gold: 0.3, vip: 0.6 },
  thresholds: { high: 60, medium: 30 },
};

/** Merge a partial config (e.g. from a JSON file or the workbook's settings) over the defaults. */
export function scoringWith(partial: Partial<ScoringConfig> | undefined): ScoringConfig {
  if (!partial) return DEFAULT_SCORING;
  return {
    ...DEFAULT_SCORING,
    ...partial,
    weights: { ...DEFAULT_SCORING.weights, ...(partial.weights ?? {}) },
    tierShare: { ...DEFAULT_SCORING.tierShare, ...(partial.tierShare ?? {}) },
    thresholds: { ...DEFAULT_SCORING.thresholds, ...(partial.thresholds ?? {}) },
  };
}

export interface ScoreInput {
  /** Client P&L and cost in fen. */
  pnlFen: Fen;
  costFen: Fen;
  /** Client loss rate in 1e-4 units (negative for a loss), null when cost is 0. */
  lossRateBp: number | null;
  clientRisk?: Level;
  /** Highest risk level among the products the client holds. */
  maxProductRisk?: Level;
  age?: number;
  totalAssets?: number;
  complaints?: number;
  tier?: string;
}

export interface Score {
  score: number;
  tier: RiskTier;
  factors: Factor[];
}

const tenth = (x: number) => Math.round(x * 10) / 10;
const clamp01 = (x: number) => (x <= 0 ? 0 : x >= 1 ? 1 : x);

export function scoreClient(c: ScoreInput, cfg: ScoringConfig = DEFAULT_SCORING): Score {
  const w = cfg.weights;
  const factors: Factor[] = [];
  const add = (factor: FactorKey, points: number, value: string) => {
    const p = tenth(points);
    if (p > 0) factors.push({ factor, points: p, value });
  };
  const lossYuan = c.pnlFen < 0 ? -c.pnlFen / 100 : 0;
  if (lossYuan > 0) {
    const span = Math.log10(cfg.lossAmountFull / cfg.lossAmountFloor);
    add("lossAmount", w.lossAmount * clamp01(Math.log10(lossYuan / cfg.lossAmountFloor) / span), (-lossYuan).toFixed(2));
    if (c.lossRateBp !== null && c.lossRateBp < 0) {
      add("lossRate", w.lossRate * clamp01(-c.lossRateBp / 10000 / cfg.lossRateFull), (c.lossRateBp / 10000).toFixed(4));
    }
  }
  if (c.clientRisk !== undefined && c.maxProductRisk !== undefined && c.maxProductRisk > c.clientRisk) {
    const gap = c.maxProductRisk - c.clientRisk;
    add("suitability", w.suitability * (gap >= 2 ? 1 : cfg.suitabilityOneLevel), `C${c.clientRisk}<R${c.maxProductRisk}`);
  }
  if (c.age !== undefined && c.age >= cfg.elderlyAge) add("elderly", w.elderly, String(c.age));
  if (c.totalAssets !== undefined && c.totalAssets > 0 && lossYuan > 0) {
    // Capped: total assets of a fraction of a fen would make the share Infinity in the result.
    const share = Math.min(c.costFen / 100 / c.totalAssets, 1e6);
    add("concentration", w.concentration * clamp01(share / cfg.concentrationFull), share.toFixed(4));
  }
  if (c.complaints !== undefined && c.complaints > 0) {
    add("complaints", w.complaints * clamp01(c.complaints / cfg.complaintsFull), String(c.complaints));
  }
  if (c.tier !== undefined) {
    const share = cfg.tierShare[c.tier.trim()] ?? cfg.tierShare[c.tier.trim().toLowerCase()];
    if (share) add("tier", w.tier * share, c.tier.trim());
  }
  factors.sort((a, b) => b.points - a.points);
  const score = Math.min(100, tenth(factors.reduce((s, f) => s + f.points, 0)));
  let tier: RiskTier = score >= cfg.thresholds.high ? "high" : score >= cfg.thresholds.medium ? "medium" : "low";
  // A client who did not lose is not someone to call first, whatever else is true of them.
  if (lossYuan === 0 && tier !== "low") {
    tier = "low";
    factors.push({ factor: "noLoss", points: 0, value: "0.00" });
  }
  return { score, tier, factors };
}
