// Filling in a draft: what every placeholder becomes for one client (figures, dates, the contact
// clock, bank settings), which template the client's flags choose, and why a draft needs review.

import type { ClientResult, EngineResult, Flag, PositionResult } from "../engine";
import { fallenProducts, holdsFallenProduct } from "../engine";
import type { RiskTier } from "../risk";
import type { Locale, Text } from "../i18n";
import { formatPercent, formatPercentShort, formatYuan, formatYuanShort } from "../format";
import type { Fen } from "../money";
import { ContactPolicy, DEFAULT_CONTACT_POLICY, contactDeadline, contactPhrase, formatLongDate } from "../contact";
import type { TemplateTier } from "./vocabulary";
import { BANK_PLACEHOLDER, type BankDetails, type BankField, type PlaceholderKey, SMS_SIGNATURE_UNSET } from "./placeholders";

export interface DraftOptions extends BankDetails {
  /**
   * The generation time (ISO date or date-time, OutputOptions.generatedAt): the contact clock and
   * the letter's date both count from it, on every surface. Default: the analysis as-of date.
   */
  from?: string;
  /** Contact deadlines by tier; default 24 hours / 3 days / 7 days. */
  policy?: ContactPolicy;
  /**
   * Client IDs with a complaint still open in the register (event/complaints.ts
   * `openComplaintClients`): their drafts go to review ("open-complaint").
   */
  openComplaints?: ReadonlySet<string>;
}

/** 40000.00 yuan loss -> "40,000.00" (fen in, positive out). */
export function formatLossAmount(fen: Fen): string {
  return formatYuan(Math.abs(fen));
}

/** -2000 (1e-4 units) -> "20.00%". */
export function formatLossRate(bp: number | null): string {
  return formatPercent(Math.abs(bp ?? 0));
}

/**
 * The loss rounded half-up for a phone screen: 40000.00 -> "4.0万" (zh) / "CNY 40.0k" (en);
 * 1859753.08 -> "186.0万" / "CNY 1.86m"; under 10,000 whole yuan: "8,000" / "CNY 8,000".
 */
export function formatLossShort(fen: Fen, locale: Locale): string {
  return formatYuanShort(fen, locale === "zh-CN");
}

/** -2000 -> "20.0%" (half-up to one decimal). */
export function formatRateShort(bp: number | null): string {
  return formatPercentShort(bp ?? 0);
}

/**
 * The position a draft talks about: the largest loss; for a client without one, the product that
 * fell the most (by drawdown) among those held, so a holder of a falling product hears about that
 * product; else the smallest gain.
 */
export function mainPosition(c: ClientResult, a?: Pick<EngineResult, "products">): PositionResult | undefined {
  let best: PositionResult | undefined;
  for (const p of c.positions) {
    if (!best || p.pnlFen < best.pnlFen || (p.pnlFen === best.pnlFen && p.productCode < best.productCode)) best = p;
  }
  if (!best || best.pnlFen < 0 || !a) return best;
  const drawdown = new Map(a.products.map((p) => [p.productCode, p.drawdownBp]));
  let fell: PositionResult | undefined;
  for (const p of c.positions) {
    const d = drawdown.get(p.productCode) ?? 0;
    if (d > 0 && (!fell || d > (drawdown.get(fell.productCode) ?? 0))) fell = p;
  }
  return fell ?? best;
}

/** {合计说明}: the total across several products, said as it is (a loss, or up overall). */
function totalNote(c: ClientResult, locale: Locale): string {
  if (c.positions.length < 2) return "";
  const zh = locale === "zh-CN";
  const amount = formatLossAmount(c.pnlFen);
  if (c.pnlFen < 0) {
    const rate = formatLossRate(c.lossRateBp);
    return zh ? `；您持有的全部产品合计亏损${amount}元（${rate}）` : `; across all your holdings the loss is CNY ${amount} (${rate})`;
  }
  if (c.pnlFen === 0) return zh ? "；计入您持有的其他产品后，全部持仓合计盈亏持平" : "; counting your other holdings, you are even overall";
  return zh ? `；计入您持有的其他产品后，全部持仓合计盈利${amount}元` : `; counting your other holdings, you are up CNY ${amount} overall`;
}

/**
 * {持仓情况}: the client's position in one honest clause, whatever the case: a loss on the product
 * (and the total), a loss on it while up overall, or a gain on a product that fell. Never a
 * "fell short of expectations" next to "no overall loss".
 */
function positionNote(c: ClientResult, pos: PositionResult | undefined, productName: string, drawdownBp: number, locale: Locale): string {
  const zh = locale === "zh-CN";
  if (!pos) return "";
  const amount = formatLossAmount(pos.pnlFen);
  if (pos.pnlFen < 0) {
    const rate = formatLossRate(pos.lossRateBp);
    return (zh ? `您持有的${productName}亏损${amount}元（${rate}）` : `your holding in ${productName} shows a loss of CNY ${amount} (${rate})`) + totalNote(c, locale);
  }
  const fall = formatLossRate(drawdownBp);
  const head = zh
    ? `${productName}较此前高点下跌了${fall}，您在这只产品上目前${pos.pnlFen === 0 ? "盈亏持平" : `仍盈利${amount}元`}`
    : `${productName} is ${fall} below its earlier high, and your holding in it is ${pos.pnlFen === 0 ? "even" : `still up CNY ${amount}`}`;
  return head + totalNote(c, locale);
}

const COMPANION: Text = { "zh-CN": "，也欢迎您请家人一同前来", "en-US": ", and you are welcome to bring a family member" };

/** The values of every placeholder for one client. */
export function draftValues(a: EngineResult, c: ClientResult, locale: Locale, opts: DraftOptions = {}): Record<PlaceholderKey, string> {
  return valuesWith(a, c, locale, opts, runValues(a, c.riskTier, locale, opts));
}

/** The placeholder values every client of a tier shares in one run: dates and the contact clock. */
export interface RunValues {
  contactBy: string;
  contactTime: string;
  contactDate: string;
  asOf: string;
  date: string;
}

export function runValues(a: EngineResult, tier: RiskTier, locale: Locale, opts: DraftOptions): RunValues {
  const from = opts.from ?? a.asOf;
  const policy = opts.policy ?? DEFAULT_CONTACT_POLICY;
  const contactBy = contactDeadline(tier, from, policy);
  return {
    contactBy, contactTime: contactPhrase(tier, locale, policy), contactDate: formatLongDate(contactBy, locale),
    asOf: formatLongDate(a.asOf, locale), date: formatLongDate(from.slice(0, 10), locale),
  };
}

/** draftValues with the run's shared values given (the drafts sheet works them out once per tier). */
export function valuesWith(a: EngineResult, c: ClientResult, locale: Locale, opts: DraftOptions, run: RunValues): Record<PlaceholderKey, string> {
  const zh = locale === "zh-CN";
  const pos = mainPosition(c, a);
  const product = pos ? a.products.find((p) => p.productCode === pos.productCode) : undefined;
  const blank = (s: string | undefined) => s === undefined || s.trim() === "";
  const bank = (k: BankField) => (blank(opts[k]) ? BANK_PLACEHOLDER[k][locale] : opts[k]!.trim());
  const productName = product?.productName && !blank(product.productName) ? product.productName : (pos?.productCode ?? "");
  return {
    clientName: blank(c.clientName) ? (zh ? "客户" : "client") : c.clientName!,
    productName,
    productCode: pos?.productCode ?? "",
    lossAmount: formatLossAmount(pos && pos.pnlFen < 0 ? pos.pnlFen : 0),
    lossRate: formatLossRate(pos && pos.pnlFen < 0 ? pos.lossRateBp : 0),
    totalNote: totalNote(c, locale),
    drawdown: formatLossRate(product?.drawdownBp ?? 0),
    rm: blank(c.rm) ? (zh ? "您的客户经理" : "your relationship manager") : c.rm!,
    contactTime: run.contactTime,
    contactDate: run.contactDate,
    asOf: run.asOf,
    date: run.date,
    lossShort: formatLossShort(pos && pos.pnlFen < 0 ? pos.pnlFen : 0, locale),
    rateShort: formatRateShort(pos && pos.pnlFen < 0 ? pos.lossRateBp : 0),
    position: positionNote(c, pos, productName, product?.drawdownBp ?? 0, locale),
    companion: c.flags.includes("elderly") ? COMPANION[locale] : "",
    bankName: bank("bankName"),
    hotline: bank("hotline"),
    complaintChannel: bank("complaintChannel"),
    smsSignature: blank(opts.bankName) ? SMS_SIGNATURE_UNSET[locale] : `【${opts.bankName!.trim()}】`,
  };
}

/**
 * Which template a client's draft uses: a suitability mismatch first (the sale may be the cause),
 * then the elderly duty of care, then a client not at a loss overall (netGain), else the risk tier.
 */
export function draftTier(c: ClientResult): TemplateTier {
  if (c.flags.includes("suitability-mismatch")) return "mismatch";
  if (c.flags.includes("elderly")) return "elderly";
  if (c.pnlFen >= 0) return "netGain";
  return c.riskTier;
}

/**
 * Why a draft goes to review before anything is sent: the flags (compliance, legal), and
 * "loss-without-fall": a loss on products none of which fell (a subscription fee, a purchase
 * before a distribution), where the built-in words "净值下跌" would not be true and a person must
 * adjust the text; "open-complaint": the client has a complaint the bank has not closed, so a
 * routine notice must not cross the complaint handler's reply (the handler agrees to it first).
 */
export type ReviewReason = Flag | "loss-without-fall" | "open-complaint";

export function reviewReasons(
  c: ClientResult, a?: Pick<EngineResult, "products">, openComplaints?: ReadonlySet<string>,
): ReviewReason[] {
  const out: ReviewReason[] = c.flags.filter((f) => f === "suitability-mismatch" || f === "elderly");
  if (a && c.pnlFen < 0 && !holdsFallenProduct(c, fallenProducts(a))) out.push("loss-without-fall");
  if (openComplaints?.has(c.clientId)) out.push("open-complaint");
  return out;
}
