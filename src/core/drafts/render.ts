// One draft: the chosen template compiled once per run, filled with a client's values, joined as
// the channel wants (a labelled phone script, a letter's paragraphs, one flowing message) and checked.

import type { ClientResult, EngineResult } from "../engine";
import type { RiskTier } from "../risk";
import type { Locale } from "../i18n";
import type { Finding } from "../compliance";
import { type Channel, PARTS, PART_LABEL, type TemplateTier } from "./vocabulary";
import {
  BANK_FIELDS, type BankField, type CompiledText, type PlaceholderKey, PLACEHOLDER_RE, compileText, fillCompiled, placeholderOf,
} from "./placeholders";
import { DEFAULT_TEMPLATES, type DraftTemplate, type TemplateKey, type Templates, templateKey } from "./templates";
import { type SmsCount, smsSegments } from "./sms";
import { type DraftOptions, type ReviewReason, type RunValues, draftTier, reviewReasons, runValues, valuesWith } from "./values";
import { checkDraftText } from "./check";

export interface Draft {
  clientId: string;
  channel: Channel;
  locale: Locale;
  tier: RiskTier;
  /** The template used: the tier, or the variant the client's flags chose. */
  template: TemplateTier;
  /** The seven filled parts, in order (empty when the template leaves a part out). */
  parts: string[];
  text: string;
  /** Characters (code points). */
  length: number;
  /** For SMS: the segment count. */
  sms?: SmsCount;
  /** YYYY-MM-DD: the last day for the RM's call. */
  contactBy: string;
  /** What the contact clock and the letter date count from (DraftOptions.from). */
  from: string;
  findings: Finding[];
  /** Flags that require a review before the draft is sent (empty: no review needed). */
  review: ReviewReason[];
  /** Bank settings a letter uses that are not set: it still shows 【银行名称】 etc. */
  missing: BankField[];
}

function joinParts(parts: string[], channel: Channel, locale: Locale): string {
  const zh = locale === "zh-CN";
  const present = parts.map((p, i) => [p.trim(), i] as const).filter(([p]) => p !== "");
  switch (channel) {
    case "phone": // a script: each part on its own line, labelled so the RM keeps the order
      return present.map(([p, i]) => (zh ? `【${PART_LABEL[PARTS[i]][locale]}】${p}` : `[${PART_LABEL[PARTS[i]][locale]}] ${p}`)).join("\n");
    case "letter":
      return present.map(([p]) => p).join("\n\n");
    default: // SMS and WeChat: one flowing message
      return present.map(([p]) => p).join(zh ? "" : " ");
  }
}

const BANK_PLACEHOLDER_KEYS: Record<BankField, PlaceholderKey[]> = {
  bankName: ["bankName", "smsSignature"], hotline: ["hotline"], complaintChannel: ["complaintChannel"],
};

// The placeholders a template uses, once per template (renderDraft runs 400,000 times on 100,000 clients).
const usedByTemplate = new WeakMap<DraftTemplate, Set<PlaceholderKey | undefined>>();
function placeholdersUsed(t: DraftTemplate): Set<PlaceholderKey | undefined> {
  let used = usedByTemplate.get(t);
  if (!used) {
    used = new Set(t.parts.flatMap((p) => [...p.matchAll(PLACEHOLDER_RE)].map((m) => placeholderOf(m[1]))));
    usedByTemplate.set(t, used);
  }
  return used;
}

/** Characters (code points) of a text, as [...text].length counts them, without the array. */
function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { n--; i++; }
    }
  }
  return n;
}

/**
 * Everything about one client that its drafts on every channel share, worked out once: the
 * placeholder values, the template tier, the review reasons, the contact deadline.
 */
export interface ClientDrafting {
  client: ClientResult;
  values: Record<PlaceholderKey, string>;
  tier: TemplateTier;
  review: ReviewReason[];
  contactBy: string;
  from: string;
}

/** The chosen template of a channel and tier, with its parts compiled and the settings it lacks. */
interface ChosenTemplate {
  template: DraftTemplate;
  compiled: CompiledText[];
  missing: BankField[];
}

/**
 * What drafting needs across clients, once per run (a sheet of 400,000 drafts, or one draft):
 * the chosen templates compiled, and the contact deadline by tier.
 */
export class Drafter {
  private readonly chosen = new Map<TemplateKey, ChosenTemplate>();
  private readonly perTier = new Map<RiskTier, RunValues>();
  readonly from: string;

  constructor(
    readonly a: EngineResult, readonly locale: Locale, private readonly templates: Templates, readonly opts: DraftOptions,
  ) {
    this.from = opts.from ?? a.asOf;
  }

  client(c: ClientResult): ClientDrafting {
    let run = this.perTier.get(c.riskTier);
    if (!run) {
      run = runValues(this.a, c.riskTier, this.locale, this.opts);
      this.perTier.set(c.riskTier, run);
    }
    return {
      client: c, values: valuesWith(this.a, c, this.locale, this.opts, run), tier: draftTier(c),
      review: reviewReasons(c, this.a, this.opts.openComplaints), contactBy: run.contactBy, from: this.from,
    };
  }

  template(channel: Channel, tier: TemplateTier): ChosenTemplate {
    const key = templateKey(channel, tier, this.locale);
    let hit = this.chosen.get(key);
    if (!hit) {
      const t = this.templates[key] ?? DEFAULT_TEMPLATES[key];
      // An unset bank setting only matters where the template uses it; a letter must not go out so.
      const used = placeholdersUsed(t);
      const missing = channel !== "letter" ? [] : BANK_FIELDS.filter((f) =>
        (this.opts[f] === undefined || this.opts[f]!.trim() === "") && BANK_PLACEHOLDER_KEYS[f].some((k) => used.has(k)));
      hit = { template: t, compiled: PARTS.map((_, i) => compileText(t.parts[i] ?? "")), missing };
      this.chosen.set(key, hit);
    }
    return hit;
  }

  /** The draft's seven filled parts. */
  parts(cd: ClientDrafting, channel: Channel): string[] {
    return this.template(channel, cd.tier).compiled.map((p) => fillCompiled(p, cd.values));
  }

  /** The draft's text alone (what the drafts sheet writes), the same as draft(...).text. */
  text(cd: ClientDrafting, channel: Channel): string {
    return joinParts(this.parts(cd, channel), channel, this.locale);
  }

  /** The whole draft, checked. */
  draft(cd: ClientDrafting, channel: Channel): Draft {
    const { locale } = this;
    const c = cd.client;
    const parts = this.parts(cd, channel);
    const text = joinParts(parts, channel, locale);
    return {
      clientId: c.clientId, channel, locale, tier: c.riskTier, template: cd.tier, parts, text,
      length: codePoints(text),
      sms: channel === "sms" ? smsSegments(text) : undefined,
      contactBy: cd.contactBy,
      from: cd.from,
      findings: checkDraftText(text, channel === "letter", locale, [
        [cd.values.clientName, locale === "zh-CN" ? "客户" : "client"], [cd.values.rm, locale === "zh-CN" ? "您的客户经理" : "your relationship manager"],
      ]),
      review: cd.review,
      missing: this.template(channel, cd.tier).missing,
    };
  }
}

/** One client's draft for one channel, filled in and checked. */
export function renderDraft(
  a: EngineResult, c: ClientResult, channel: Channel, locale: Locale, templates: Templates, opts: DraftOptions = {},
): Draft {
  const drafter = new Drafter(a, locale, templates, opts);
  return drafter.draft(drafter.client(c), channel);
}

/** Most segments a default SMS may take, in either language, on the longest realistic values. */
export const SMS_SEGMENT_BUDGET = 2;
