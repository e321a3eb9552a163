// Drafts of what to tell a client who lost money, by phone, SMS, WeChat and letter, from
// templates the bank can edit in the workbook, each checked for compliance.
//
// A reply has seven parts in a fixed order (domain brief: empathy; acknowledge the result fell
// short; the causes, factually; professional advice; a concrete plan; the long-term relationship;
// who will call and when). A template is therefore seven texts, one per part, and a draft is
// those seven filled in and joined: the order is the data structure, not a convention an editor
// can break. Templates differ by channel (a phone script is long and labelled for the RM, an SMS
// is short), by the client's risk tier (high: the longest and most careful, the RM calls in
// person; low: brief) and by language.
//
// The templates live in the workbook on the sheet 话术模板 (Templates), one row per (channel,
// tier, language, part); see docs/drafts.md. The drafts go to the sheet 沟通草稿 (Drafts), one
// row per client and channel, where people record what they did (status, notes). Regenerating
// the sheet keeps what they typed.
//
// Client names and product names come from the bank's data and may start with "=", "+", "-" or
// "@": they stay plain strings here (the writer keeps strings as text), never escaped or trimmed.
//
// The pieces live in ./drafts/*.ts and this module is their public face, for outputs.ts, the CLI
// (src/cli/draft.ts), the live event and the task pane: vocabulary.ts (channels, parts, tiers,
// statuses, sheet and column names), placeholders.ts (placeholders and filling a text),
// templates.ts + texts.ts (the built-in templates and their wording), template-sheet.ts (writing
// and reading 话术模板), sms.ts, values.ts (what each placeholder becomes for a client), check.ts
// (the memoised compliance check), render.ts (one draft), and the drafts sheet: sheet.ts,
// rows.ts (its rows held compactly), trail.ts (what people typed, carried over; sendBlock).

export {
  CHANNELS, PARTS, VARIANTS, TEMPLATE_TIERS, VARIANT_LABEL, templateTierLabel, CHANNEL_LABEL, PART_LABEL, STATUSES, STATUS_LABEL,
  TEMPLATE_SHEET, DRAFT_SHEET, NO_LONGER_GENERATED, DRAFT_HEADERS,
} from "./drafts/vocabulary";
export type { Channel, PartKey, DraftVariant, TemplateTier, DraftStatus } from "./drafts/vocabulary";
export { DRAFT_SHEET_NAMES } from "./sheet-names";
export { PLACEHOLDERS, BANK_FIELDS, BANK_PLACEHOLDER, unknownPlaceholders, fillTemplate } from "./drafts/placeholders";
export type { PlaceholderKey, BankDetails, BankField } from "./drafts/placeholders";
export { templateKey, defaultTemplates, DEFAULT_TEMPLATES } from "./drafts/templates";
export type { DraftTemplate, TemplateKey, Templates } from "./drafts/templates";
export { REGULATOR_HOTLINE } from "./drafts/texts";
export { TEMPLATE_HEADERS, templatesSheet, readTemplates } from "./drafts/template-sheet";
export type { TemplatesRead } from "./drafts/template-sheet";
export { smsSegments } from "./drafts/sms";
export type { SmsCount } from "./drafts/sms";
export {
  formatLossAmount, formatLossRate, formatLossShort, formatRateShort, mainPosition, draftValues, draftTier, reviewReasons,
} from "./drafts/values";
export type { DraftOptions, ReviewReason } from "./drafts/values";
export { checkDraftText } from "./drafts/check";
export { renderDraft, SMS_SEGMENT_BUDGET } from "./drafts/render";
export type { Draft } from "./drafts/render";
export { statusIn, parseStatus } from "./drafts/read";
export { reviewLabel, sendBlock, readDraftTrail, findDraftsSheet } from "./drafts/trail";
export type { DraftTrail } from "./drafts/trail";
export { clientsToDraft, draftsSheet } from "./drafts/sheet";
export type { DraftsSheetOptions, DraftsSheetResult } from "./drafts/sheet";
