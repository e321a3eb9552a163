// A template: seven texts for one channel, tier (or variant) and language; the built-in set is
// made from the wording in texts.ts.

import type { Locale } from "../i18n";
import { CHANNELS, type Channel, LOCALES, PARTS, TEMPLATE_TIERS, type TemplateTier } from "./vocabulary";
import { DEFAULT_TEXTS } from "./texts";

export interface DraftTemplate {
  channel: Channel;
  /** The risk tier, or the variant (mismatch, elderly, netGain) this template is for. */
  tier: TemplateTier;
  locale: Locale;
  /** One text per part, in PARTS order. An empty text leaves that part out of the draft. */
  parts: string[];
  /** Where each part came from on the template sheet (Sheet!A1), undefined for a default. */
  cells: (string | undefined)[];
}

/** "sms|high|zh-CN" */
export type TemplateKey = `${Channel}|${TemplateTier}|${Locale}`;
export type Templates = Record<TemplateKey, DraftTemplate>;

export function templateKey(channel: Channel, tier: TemplateTier, locale: Locale): TemplateKey {
  return `${channel}|${tier}|${locale}`;
}

/** A fresh copy of the built-in templates (callers may change theirs). */
export function defaultTemplates(): Templates {
  const out = {} as Templates;
  for (const locale of LOCALES) for (const channel of CHANNELS) for (const tier of TEMPLATE_TIERS) {
    out[templateKey(channel, tier, locale)] = {
      channel, tier, locale, parts: [...DEFAULT_TEXTS[locale][channel][tier]], cells: PARTS.map(() => undefined),
    };
  }
  return out;
}

export const DEFAULT_TEMPLATES: Readonly<Templates> = defaultTemplates();
