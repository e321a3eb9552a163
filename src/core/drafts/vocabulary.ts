// The words of drafting: channels, the seven parts, template tiers and variants, statuses, the
// names of the two sheets and the drafts sheet's columns, in both languages. Everything else in
// drafts/ builds on these; this module imports nothing from the folder.

import type { RiskTier } from "../risk";
import { Locale, type Text, ui } from "../i18n";
import { OUTPUT_SHEETS } from "../sheet-names";

export type Channel = "phone" | "sms" | "wechat" | "letter";
export const CHANNELS: readonly Channel[] = ["phone", "sms", "wechat", "letter"];

export type PartKey = "empathy" | "acknowledge" | "causes" | "advice" | "plan" | "relationship" | "contact";
/** The seven parts, in the order a reply must follow. */
export const PARTS: readonly PartKey[] = ["empathy", "acknowledge", "causes", "advice", "plan", "relationship", "contact"];

export const TIERS: readonly RiskTier[] = ["high", "medium", "low"];

/**
 * Template variants chosen by the client's flags instead of the risk tier (see draftTier):
 * mismatch (product risk above the client's tolerance), elderly (age at or above the scoring
 * setting elderlyAge, 65 by default), netGain (holds a product that fell, not at a loss overall).
 */
export type DraftVariant = "mismatch" | "elderly" | "netGain";
export const VARIANTS: readonly DraftVariant[] = ["mismatch", "elderly", "netGain"];
/** What selects a template: the client's risk tier, or a variant that overrides it. */
export type TemplateTier = RiskTier | DraftVariant;
export const TEMPLATE_TIERS: readonly TemplateTier[] = [...TIERS, ...VARIANTS];

export const VARIANT_LABEL: Record<DraftVariant, Record<Locale, string>> = {
  mismatch: { "zh-CN": "适当性不匹配", "en-US": "suitability mismatch" },
  elderly: { "zh-CN": "老年客户", "en-US": "older client" },
  netGain: { "zh-CN": "整体未亏损", "en-US": "no overall loss" },
};

/** The label of a template tier on the template sheet: 高 / 中 / 低 or a variant's name. */
export function templateTierLabel(t: TemplateTier, locale: Locale): string {
  return (VARIANTS as readonly string[]).includes(t) ? VARIANT_LABEL[t as DraftVariant][locale] : ui("tiers", t as RiskTier, locale);
}
export const LOCALES: readonly Locale[] = ["zh-CN", "en-US"];

export const CHANNEL_LABEL: Record<Channel, Text> = {
  phone: { "zh-CN": "电话", "en-US": "phone" },
  sms: { "zh-CN": "短信", "en-US": "SMS" },
  wechat: { "zh-CN": "微信", "en-US": "WeChat" },
  letter: { "zh-CN": "信函", "en-US": "letter" },
};

/** Other spellings people type for a channel (matched case-insensitively). */
export const CHANNEL_ALIASES: Record<Channel, string[]> = {
  phone: ["电话", "电话话术", "phone", "call", "telephone"],
  sms: ["短信", "sms", "text"],
  wechat: ["微信", "wechat", "weixin"],
  letter: ["信函", "信件", "邮件", "电子邮件", "信函/邮件", "letter", "e-mail", "email", "letter/e-mail"],
};

export const PART_LABEL: Record<PartKey, Text> = {
  empathy: { "zh-CN": "共情", "en-US": "empathy" },
  acknowledge: { "zh-CN": "承认落差", "en-US": "acknowledge" },
  causes: { "zh-CN": "原因说明", "en-US": "causes" },
  advice: { "zh-CN": "专业建议", "en-US": "advice" },
  plan: { "zh-CN": "具体方案", "en-US": "plan" },
  relationship: { "zh-CN": "长期关系", "en-US": "relationship" },
  contact: { "zh-CN": "保持联系", "en-US": "keep in touch" },
};

export type DraftStatus = "pending" | "toReview" | "reviewed" | "contacted" | "sent" | "unreachable" | "escalated";
export const STATUSES: readonly DraftStatus[] = ["pending", "toReview", "reviewed", "contacted", "sent", "unreachable", "escalated"];
export const STATUS_LABEL: Record<DraftStatus, Text> = {
  pending: { "zh-CN": "待处理", "en-US": "pending" },
  toReview: { "zh-CN": "待复核", "en-US": "to review" },
  reviewed: { "zh-CN": "已复核", "en-US": "reviewed" },
  contacted: { "zh-CN": "已联系", "en-US": "contacted" },
  sent: { "zh-CN": "已发送", "en-US": "sent" },
  unreachable: { "zh-CN": "无法联系", "en-US": "unreachable" },
  escalated: { "zh-CN": "已升级", "en-US": "escalated" },
};

export const TEMPLATE_SHEET: Text = OUTPUT_SHEETS.templates;
export const DRAFT_SHEET: Text = OUTPUT_SHEETS.drafts;

/** What a kept row that is no longer generated carries at the start of its draft cell. */
export const NO_LONGER_GENERATED: Text = { "zh-CN": "【不再生成】", "en-US": "[no longer generated] " };

// ---- the drafts sheet's columns (written by sheet.ts, read back by trail.ts) ----

export type DraftColumn =
  | "clientId" | "clientName" | "rm" | "tier" | "channel" | "contactBy" | "draft" | "length" | "segments"
  | "compliance" | "review" | "status" | "reviewer" | "reviewedAt" | "notes";
export const DRAFT_COLUMNS: readonly DraftColumn[] = [
  "clientId", "clientName", "rm", "tier", "channel", "contactBy", "draft", "length", "segments", "compliance",
  "review", "status", "reviewer", "reviewedAt", "notes",
];
/** Exact headers of the drafts sheet; either language's is recognised when reading it back. */
export const DRAFT_HEADERS: Record<DraftColumn, Text> = {
  clientId: { "zh-CN": "客户编号", "en-US": "Client ID" },
  clientName: { "zh-CN": "客户姓名", "en-US": "Client name" },
  rm: { "zh-CN": "客户经理", "en-US": "Relationship manager" },
  tier: { "zh-CN": "风险分级", "en-US": "Risk tier" },
  channel: { "zh-CN": "渠道", "en-US": "Channel" },
  contactBy: { "zh-CN": "联系截止", "en-US": "Contact by" },
  draft: { "zh-CN": "草稿", "en-US": "Draft" },
  length: { "zh-CN": "字数", "en-US": "Length" },
  segments: { "zh-CN": "短信条数", "en-US": "SMS segments" },
  compliance: { "zh-CN": "合规检查", "en-US": "Compliance" },
  review: { "zh-CN": "须复核", "en-US": "Review needed" },
  status: { "zh-CN": "状态", "en-US": "Status" },
  reviewer: { "zh-CN": "复核人", "en-US": "Reviewer" },
  reviewedAt: { "zh-CN": "复核时间", "en-US": "Reviewed at" },
  notes: { "zh-CN": "备注", "en-US": "Notes" },
};
