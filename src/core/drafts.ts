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

import type { CellValue, SheetSnapshot, TableRows, TableSheetModel, WorkbookSnapshot } from "./workbook";
import { dataRowNumber, lazyRows } from "./workbook";
import type { ClientResult, EngineResult, Flag, PositionResult } from "./engine";
import { fallenProducts, holdsFallenProduct } from "./engine";
import { DEFAULT_SCORING } from "./risk";
import type { RiskTier } from "./risk";
import { cellIssue, cellRef, colLetter, type Issue, unquoteSheetName } from "./sheet-address";
import { Locale, type Text, ui } from "./i18n";
import { OUTPUT_SHEETS } from "./sheet-names";
import { formatPercent, formatPercentShort, formatYuan, formatYuanShort } from "./format";
import type { Fen } from "./money";
import { ContactPolicy, DEFAULT_CONTACT_POLICY, contactDeadline, contactPhrase, formatGeneratedAt, formatLongDate } from "./contact";
import { Finding, checkText, complianceSummary } from "./compliance";
import { DEFAULT_TEXTS } from "./draft-texts";

// ---- vocabulary ----

export type Channel = "phone" | "sms" | "wechat" | "letter";
export const CHANNELS: readonly Channel[] = ["phone", "sms", "wechat", "letter"];

export type PartKey = "empathy" | "acknowledge" | "causes" | "advice" | "plan" | "relationship" | "contact";
/** The seven parts, in the order a reply must follow. */
export const PARTS: readonly PartKey[] = ["empathy", "acknowledge", "causes", "advice", "plan", "relationship", "contact"];

const TIERS: readonly RiskTier[] = ["high", "medium", "low"];

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
const LOCALES: readonly Locale[] = ["zh-CN", "en-US"];

export const CHANNEL_LABEL: Record<Channel, Text> = {
  phone: { "zh-CN": "电话", "en-US": "phone" },
  sms: { "zh-CN": "短信", "en-US": "SMS" },
  wechat: { "zh-CN": "微信", "en-US": "WeChat" },
  letter: { "zh-CN": "信函", "en-US": "letter" },
};

/** Other spellings people type for a channel (matched case-insensitively). */
const CHANNEL_ALIASES: Record<Channel, string[]> = {
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
/** Sheets this module writes: never input tables (the drafts sheet has a 客户编号 column). */
export const DRAFT_SHEET_NAMES = [DRAFT_SHEET["zh-CN"], DRAFT_SHEET["en-US"], TEMPLATE_SHEET["zh-CN"], TEMPLATE_SHEET["en-US"]];

/** What a kept row that is no longer generated carries at the start of its draft cell. */
export const NO_LONGER_GENERATED: Text = { "zh-CN": "【不再生成】", "en-US": "[no longer generated] " };

// ---- placeholders ----

export type PlaceholderKey =
  | "clientName" | "productName" | "productCode" | "lossAmount" | "lossRate" | "totalNote" | "drawdown"
  | "rm" | "contactTime" | "contactDate" | "asOf" | "date" | "lossShort" | "rateShort"
  | "position" | "companion" | "bankName" | "hotline" | "complaintChannel" | "smsSignature";

/** Every placeholder, its Chinese name and what it becomes. `{客户姓名}` and `{clientName}` are the same. */
export const PLACEHOLDERS: readonly { key: PlaceholderKey; zh: string; meaning: string }[] = [
  { key: "clientName", zh: "客户姓名", meaning: "client name (客户 / client when blank)" },
  { key: "productName", zh: "产品名称", meaning: "the product with the client's largest loss (its code when it has no name)" },
  { key: "productCode", zh: "产品代码", meaning: "that product's code" },
  { key: "lossAmount", zh: "亏损金额", meaning: "loss on that product, yuan, positive, grouped: 40,000.00" },
  { key: "lossRate", zh: "亏损比例", meaning: "loss rate on that product, positive: 20.00%" },
  { key: "totalNote", zh: "合计说明", meaning: "when the client holds more than one product: the total across them, else empty" },
  { key: "drawdown", zh: "净值回撤", meaning: "that product's fall from its peak NAV: 20.00%" },
  { key: "rm", zh: "客户经理", meaning: "relationship manager (您的客户经理 / your relationship manager when blank)" },
  { key: "contactTime", zh: "联系时间", meaning: "when the RM will call, by tier: 24小时内 / within 24 hours" },
  { key: "contactDate", zh: "联系日期", meaning: "the last day for that call: 2026年11月28日 / November 28, 2026" },
  { key: "asOf", zh: "分析日", meaning: "the as-of date of the analysis" },
  { key: "date", zh: "日期", meaning: "the date of the draft (the as-of date unless given)" },
  { key: "lossShort", zh: "亏损金额简", meaning: "the loss rounded for an SMS: 4.0万 / CNY 40.0k (yuan below 10,000: 8,000 / CNY 8,000)" },
  { key: "rateShort", zh: "亏损比例简", meaning: "the loss rate to one decimal: 20.0%" },
  { key: "position", zh: "持仓情况", meaning: "the client's position, honest in every case: the loss on that product, the total, or that the client is up overall" },
  { key: "companion", zh: "陪同说明", meaning: "for a client of the elderly age: an invitation to bring a family member (，也欢迎您请家人一同前来), else empty" },
  { key: "bankName", zh: "银行名称", meaning: "the bank's name (setting bankName; 【银行名称】 / [bank name] until set)" },
  { key: "hotline", zh: "客服热线", meaning: "the bank's service hotline (setting hotline; 【客服热线】 / [service hotline] until set)" },
  { key: "complaintChannel", zh: "投诉渠道", meaning: "how to complain to the bank (setting complaintChannel; 【投诉渠道】 / [complaint channel] until set)" },
  { key: "smsSignature", zh: "短信签名", meaning: "the SMS signature: 【bank name】 (【银行名称】 / 【Bank name】 until set)" },
];

/** The bank's contact details a letter carries: workbook settings, see OutputOptions. */
export interface BankDetails {
  bankName?: string;
  hotline?: string;
  complaintChannel?: string;
}
export type BankField = keyof BankDetails;
export const BANK_FIELDS: readonly BankField[] = ["bankName", "hotline", "complaintChannel"];

/** What a placeholder of an unset bank setting becomes: plainly a blank to fill. */
export const BANK_PLACEHOLDER: Record<BankField, Text> = {
  bankName: { "zh-CN": "【银行名称】", "en-US": "[bank name]" },
  hotline: { "zh-CN": "【客服热线】", "en-US": "[service hotline]" },
  complaintChannel: { "zh-CN": "【投诉渠道】", "en-US": "[complaint channel]" },
};
const SMS_SIGNATURE_UNSET: Text = { "zh-CN": "【银行名称】", "en-US": "【Bank name】" };

const PLACEHOLDER_BY_NAME = new Map<string, PlaceholderKey>();
for (const p of PLACEHOLDERS) {
  PLACEHOLDER_BY_NAME.set(p.zh, p.key);
  PLACEHOLDER_BY_NAME.set(p.key.toLowerCase(), p.key);
}

function placeholderOf(name: string): PlaceholderKey | undefined {
  return PLACEHOLDER_BY_NAME.get(name.trim()) ?? PLACEHOLDER_BY_NAME.get(name.trim().toLowerCase());
}

const PLACEHOLDER_RE = /\{([^{}\n]*)\}/g;

/** Placeholders in a text that name nothing we know: "{客户名字}". */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER_RE)].filter((m) => !placeholderOf(m[1])).map((m) => m[0]);
}

/**
 * A template text split at its placeholders, once: literal runs, and each known placeholder with
 * whether its value starts a sentence of an English text (and so takes a capital). Filling is
 * then a join, which matters on 400,000 drafts.
 */
type CompiledText = readonly (string | { key: PlaceholderKey; capital: boolean })[];

function compileText(text: string): CompiledText {
  const out: (string | { key: PlaceholderKey; capital: boolean })[] = [];
  const latin = /[A-Za-z]/.test(text);
  let at = 0;
  for (const m of text.matchAll(PLACEHOLDER_RE)) {
    const key = placeholderOf(m[1]);
    if (!key) continue; // unknown: left as it is, part of the literal run
    const offset = m.index!;
    if (offset > at) out.push(text.slice(at, offset));
    out.push({ key, capital: latin && /(^|[.!?]\s+|\n\s*)$/.test(text.slice(0, offset)) });
    at = offset + m[0].length;
  }
  if (at < text.length || out.length === 0) out.push(text.slice(at));
  return out;
}

function fillCompiled(parts: CompiledText, values: Record<PlaceholderKey, string>): string {
  let s = "";
  for (const p of parts) {
    if (typeof p === "string") { s += p; continue; }
    const v = values[p.key];
    s += p.capital && /^[a-z]/.test(v) ? v[0].toUpperCase() + v.slice(1) : v;
  }
  return s;
}

/**
 * Fill a template text. Unknown placeholders are left as they are (readTemplates reports them).
 * In English a value that starts a sentence gets a capital ("your relationship manager will call"
 * becomes "Your ..."): the fallbacks are written for the middle of a sentence.
 */
export function fillTemplate(text: string, values: Record<PlaceholderKey, string>): string {
  return fillCompiled(compileText(text), values);
}

// ---- templates ----

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

// ---- the template sheet ----

type TemplateColumn = "channel" | "tier" | "language" | "part" | "text";
const TEMPLATE_COLUMNS: readonly TemplateColumn[] = ["channel", "tier", "language", "part", "text"];
/** Exact headers of the template sheet; either language's is recognised. */
export const TEMPLATE_HEADERS: Record<TemplateColumn, Text> = {
  channel: { "zh-CN": "渠道", "en-US": "Channel" },
  tier: { "zh-CN": "分级", "en-US": "Tier" },
  language: { "zh-CN": "语言", "en-US": "Language" },
  part: { "zh-CN": "部分", "en-US": "Part" },
  text: { "zh-CN": "内容", "en-US": "Text" },
};

const norm = (s: string) => s.normalize("NFKC").trim().toLowerCase();

function partLabel(i: number, locale: Locale): string {
  return `${i + 1} ${PART_LABEL[PARTS[i]][locale]}`;
}

/**
 * The template sheet 话术模板 / Templates: one row per (channel, tier, language, part). Written
 * with the templates of `opts.locales` (default: the sheet's own language), from `opts.templates`
 * (default: the built-in ones), so an edited set can be written back too.
 */
export function templatesSheet(locale: Locale, opts: { templates?: Templates; locales?: Locale[] } = {}): TableSheetModel {
  const zh = locale === "zh-CN";
  const templates = opts.templates ?? DEFAULT_TEMPLATES;
  const rows: CellValue[][] = [];
  for (const l of opts.locales ?? [locale]) for (const channel of CHANNELS) for (const tier of TEMPLATE_TIERS) {
    const t = templates[templateKey(channel, tier, l)] ?? DEFAULT_TEMPLATES[templateKey(channel, tier, l)];
    PARTS.forEach((_, i) => rows.push([
      CHANNEL_LABEL[channel][locale], templateTierLabel(tier, locale), l, partLabel(i, locale), t.parts[i] ?? "",
    ]));
  }
  const names = PLACEHOLDERS.map((p) => `{${zh ? p.zh : p.key}}`).join(" ");
  return {
    name: TEMPLATE_SHEET[locale],
    preamble: zh
      ? [
        "话术模板",
        "每行是一个模板的一个部分（渠道、分级、语言、部分）；修改“内容”列后重新生成沟通草稿即可生效，缺少的行使用默认话术。",
        `部分依次为：${PARTS.map((_, i) => partLabel(i, locale)).join("、")}。占位符：${names}`,
        "不得出现保本、保收益、承诺赔偿、绝对化用语或把业绩比较基准当作预期收益；信函须保留风险提示。",
        `“分级”除高、中、低外还有：${VARIANTS.map((v) => VARIANT_LABEL[v][locale]).join("、")}（按客户标记选用，优先于风险分级，须复核后发送）；短信可留空部分。`,
      ]
      : [
        "Templates",
        "One row per part of a template (channel, tier, language, part); edit the Text column and regenerate the drafts. Missing rows use the built-in text.",
        `Parts in order: ${PARTS.map((_, i) => partLabel(i, locale)).join(", ")}. Placeholders: ${names}`,
        "Never promise principal, returns or compensation, use superlatives or show the benchmark as an expected return; letters keep the risk warning.",
        `Besides high, medium and low, Tier has: ${VARIANTS.map((v) => VARIANT_LABEL[v][locale]).join(", ")} (chosen by the client's flags, before the risk tier; reviewed before sending). SMS parts may be left blank.`,
      ],
    columns: TEMPLATE_COLUMNS.map((c) => ({ header: TEMPLATE_HEADERS[c][locale], width: c === "text" ? 80 : c === "part" ? 14 : 10 })),
    rows,
    tableName: "DraftTemplates",
    freezeHeader: true,
  };
}

function parseChannel(v: string): Channel | undefined {
  const s = norm(v);
  return CHANNELS.find((c) => CHANNEL_ALIASES[c].some((a) => norm(a) === s) || norm(CHANNEL_LABEL[c]["en-US"]) === s);
}

const VARIANT_ALIASES: Record<DraftVariant, string[]> = {
  mismatch: ["适当性不匹配", "不匹配", "mismatch", "suitability mismatch"],
  elderly: ["老年客户", "老年", "65岁及以上", "elderly", "older client", "aged 65+"],
  netGain: ["整体未亏损", "未亏损", "netgain", "net gain", "no overall loss"],
};

function parseTier(v: string): TemplateTier | undefined {
  const s = norm(v);
  return TIERS.find((t) => s === t || s === ui("tiers", t, "zh-CN") || s === `${ui("tiers", t, "zh-CN")}风险` || s === `${t} risk`)
    ?? VARIANTS.find((x) => VARIANT_ALIASES[x].some((a) => norm(a) === s));
}

function parseLanguage(v: string): Locale | undefined {
  const s = norm(v);
  if (["zh-cn", "zh", "中文", "简体中文", "chinese"].includes(s)) return "zh-CN";
  if (["en-us", "en", "英文", "english"].includes(s)) return "en-US";
  return undefined;
}

function parsePart(v: string): number | undefined {
  const s = norm(v);
  const m = /^([1-7])(?:\D|$)/.exec(s);
  if (m) return +m[1] - 1;
  const i = PARTS.findIndex((p) => s === p.toLowerCase() || s === norm(PART_LABEL[p]["zh-CN"]) || s === norm(PART_LABEL[p]["en-US"]));
  return i >= 0 ? i : undefined;
}

function cellString(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v.error;
}

const TEMPLATE_ISSUE: Record<string, Text> = {
  "unknown-placeholder": { "zh-CN": "未知占位符 {value}", "en-US": "unknown placeholder {value}" },
  "bad-channel": { "zh-CN": "渠道无法识别：“{value}”（可填 电话、短信、微信、信函）", "en-US": "unknown channel \"{value}\" (use phone, SMS, WeChat or letter)" },
  "bad-tier": {
    "zh-CN": "分级无法识别：“{value}”（可填 高、中、低、适当性不匹配、老年客户、整体未亏损）",
    "en-US": "unknown tier \"{value}\" (use high, medium, low, suitability mismatch, older client or no overall loss)",
  },
  "missing-variant": {
    "zh-CN": "模板表缺少“{value}”话术（较早版本的模板表），使用内置话术",
    "en-US": "the sheet has no \"{value}\" templates (a sheet from an older version); the built-in text is used",
  },
  "bad-language": { "zh-CN": "语言无法识别：“{value}”（可填 zh-CN、en-US）", "en-US": "unknown language \"{value}\" (use zh-CN or en-US)" },
  "bad-part": { "zh-CN": "部分无法识别：“{value}”（可填 1 至 7）", "en-US": "unknown part \"{value}\" (use 1 to 7)" },
  "empty-template": { "zh-CN": "内容为空，使用默认话术", "en-US": "empty text; the built-in text is used" },
  "duplicate-template": { "zh-CN": "与第 {value} 行重复，以第 {value} 行为准", "en-US": "repeats row {value}; row {value} is used" },
  "no-template-header": {
    "zh-CN": "未找到表头（需要 渠道、分级、语言、部分、内容），使用默认话术",
    "en-US": "no header row found (needs Channel, Tier, Language, Part, Text); the built-in templates are used",
  },
};

function templateIssue(locale: Locale, severity: Issue["severity"], sheet: string, cell: string, code: string, value = ""): Issue {
  return cellIssue(severity, sheet, cell, code, TEMPLATE_ISSUE[code][locale].replaceAll("{value}", value));
}

function findSheet(wb: WorkbookSnapshot, names: Text): SheetSnapshot | undefined {
  const want = [norm(names["zh-CN"]), norm(names["en-US"])];
  return wb.sheets.find((s) => want.includes(norm(s.name)));
}

/** The header row (0-based) and the column of each wanted header, looking at the first 20 rows. */
function findHeader<K extends string>(sheet: SheetSnapshot, headers: Record<K, Text>, required: readonly K[]): { row: number; cols: Map<K, number> } | undefined {
  const lookup = new Map<string, K>();
  for (const k of Object.keys(headers) as K[]) for (const l of LOCALES) lookup.set(norm(headers[k][l]), k);
  for (let r = 0; r < Math.min(20, sheet.rows.length); r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    const cols = new Map<K, number>();
    row.forEach((v, c) => {
      const k = typeof v === "string" ? lookup.get(norm(v)) : undefined;
      if (k !== undefined && !cols.has(k)) cols.set(k, c);
    });
    if (required.every((k) => cols.has(k))) return { row: r, cols };
  }
  return undefined;
}

export interface TemplatesRead {
  templates: Templates;
  /** Unreadable rows, unknown placeholders, and compliance findings on edited texts. */
  issues: Issue[];
  /** The compliance findings among `issues`, as findings (rule, excerpt, cell). */
  findings: Finding[];
}

/**
 * Read the template sheet (话术模板 or Templates) from a workbook. Anything missing, unreadable
 * or naming an unknown placeholder falls back to the built-in text for that part; each problem
 * is an Issue naming its cell. Edited texts are compliance-checked; a letter from the sheet must
 * still carry the risk warning. `locale` is the language of the messages.
 */
export function readTemplates(wb: WorkbookSnapshot, locale: Locale = "zh-CN"): TemplatesRead {
  const templates = defaultTemplates();
  const issues: Issue[] = [];
  const findings: Finding[] = [];
  const sheet = findSheet(wb, TEMPLATE_SHEET);
  if (!sheet) return { templates, issues, findings };
  const header = findHeader(sheet, TEMPLATE_HEADERS, TEMPLATE_COLUMNS);
  if (!header) {
    issues.push(templateIssue(locale, "error", sheet.name, "A1", "no-template-header"));
    return { templates, issues, findings };
  }
  const col = (k: TemplateColumn) => header.cols.get(k)!;
  const seen = new Map<string, number>(); // template part -> sheet row that set it
  const edited = new Set<TemplateKey>();
  const present = new Set<string>(); // "tier|lang" with at least one readable row on the sheet
  for (let r = header.row + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row || TEMPLATE_COLUMNS.every((k) => cellString(row[col(k)]).trim() === "")) continue;
    const at = (k: TemplateColumn) => `${colLetter(col(k))}${r + 1}`;
    const raw = (k: TemplateColumn) => cellString(row[col(k)]);
    const channel = parseChannel(raw("channel"));
    const tier = parseTier(raw("tier"));
    const lang = parseLanguage(raw("language"));
    const part = parsePart(raw("part"));
    let bad = false;
    if (!channel) { issues.push(templateIssue(locale, "error", sheet.name, at("channel"), "bad-channel", raw("channel").trim())); bad = true; }
    if (!tier) { issues.push(templateIssue(locale, "error", sheet.name, at("tier"), "bad-tier", raw("tier").trim())); bad = true; }
    if (!lang) { issues.push(templateIssue(locale, "error", sheet.name, at("language"), "bad-language", raw("language").trim())); bad = true; }
    if (part === undefined) { issues.push(templateIssue(locale, "error", sheet.name, at("part"), "bad-part", raw("part").trim())); bad = true; }
    if (bad) continue;
    const key = templateKey(channel!, tier!, lang!);
    present.add(`${tier}|${lang}`);
    present.add(`*|${lang}`);
    const slot = `${key}|${part}`;
    const first = seen.get(slot);
    if (first !== undefined) {
      issues.push(templateIssue(locale, "warning", sheet.name, at("part"), "duplicate-template", String(first)));
      continue;
    }
    seen.set(slot, r + 1);
    // Text is kept as typed (leading "=" and all); only blank means "not given".
    const text = raw("text");
    if (text.trim() === "") {
      // An SMS part the built-in text leaves out is blank on the written sheet too: not an issue.
      if (DEFAULT_TEMPLATES[key].parts[part!].trim() !== "") {
        issues.push(templateIssue(locale, "warning", sheet.name, at("text"), "empty-template"));
      }
      continue;
    }
    const unknown = unknownPlaceholders(text);
    if (unknown.length) {
      for (const u of unknown) issues.push(templateIssue(locale, "error", sheet.name, at("text"), "unknown-placeholder", u));
      continue;
    }
    const cell = cellRef(sheet.name, at("text"));
    for (const f of checkText(text, { cell })) findings.push(f);
    const t = templates[key];
    t.parts[part!] = text;
    t.cells[part!] = cell;
    edited.add(key);
  }
  // A sheet written by an older version has no variant rows: those use the built-in text, said once
  // per variant and language the sheet has rows for.
  for (const l of LOCALES) {
    if (!present.has(`*|${l}`)) continue;
    // only a sheet with all three tiers of a language is a whole (older) set; a few edited rows are not
    if (!TIERS.every((t) => present.has(`${t}|${l}`))) continue;
    for (const v of VARIANTS) {
      if (present.has(`${v}|${l}`)) continue;
      issues.push(templateIssue(locale, "warning", sheet.name, `${colLetter(col("tier"))}${header.row + 1}`, "missing-variant", `${templateTierLabel(v, locale)} (${l})`));
    }
  }
  // A letter must still end with the standard warning once edited: checked on the whole letter.
  for (const key of edited) {
    const t = templates[key];
    if (t.channel !== "letter") continue;
    const lastCell = [...t.cells].reverse().find((c) => c !== undefined);
    const missing = checkText(t.parts.join("\n"), { letter: true, locale: t.locale, cell: lastCell })
      .filter((f) => f.rule === "missing-risk-warning");
    findings.push(...missing);
  }
  for (const f of findings) {
    const [sheetPart, cellPart] = splitRef(f.cell!);
    issues.push({
      severity: f.severity, sheet: sheetPart, cell: cellPart, code: `compliance-${f.rule}`,
      message: `${f.cell}: ${complianceSummary([{ ...f, cell: undefined }], locale)}`,
    });
  }
  return { templates, issues, findings };
}

function splitRef(ref: string): [string, string] {
  const i = ref.lastIndexOf("!");
  // ref is a cellRef: a quoted name always ends in its closing quote.
  return [unquoteSheetName(ref.slice(0, i)), ref.slice(i + 1)];
}

// ---- SMS segments ----

// GSM 03.38 default alphabet; the extension table's characters take two septets (escape + char).
const GSM_BASIC = new Set(Array.from(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
));
const GSM_EXTENDED = new Set(Array.from("^{}\\[~]|€\f"));

export interface SmsCount {
  encoding: "GSM-7" | "UCS-2";
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
  /** Units per segment at this length: 160/70 for one segment, 153/67 when split. */
  perSegment: number;
  segments: number;
}

/**
 * How many SMS segments a text takes. Any character outside the GSM-7 alphabet (any Chinese
 * character) makes the whole message UCS-2: 70 per single message, 67 per part when split (the
 * concatenation header takes the rest); GSM-7: 160, else 153 per part.
 */
export function smsSegments(text: string): SmsCount {
  let septets = 0;
  let gsm = true;
  for (const ch of text) {
    if (GSM_BASIC.has(ch)) septets += 1;
    else if (GSM_EXTENDED.has(ch)) septets += 2;
    else { gsm = false; break; }
  }
  if (gsm) {
    return septets <= 160
      ? { encoding: "GSM-7", units: septets, perSegment: 160, segments: septets === 0 ? 0 : 1 }
      : { encoding: "GSM-7", units: septets, perSegment: 153, segments: Math.ceil(septets / 153) };
  }
  const units = text.length; // UTF-16 code units: a character beyond the BMP takes two
  return units <= 70
    ? { encoding: "UCS-2", units, perSegment: 70, segments: 1 }
    : { encoding: "UCS-2", units, perSegment: 67, segments: Math.ceil(units / 67) };
}

// ---- filling in a draft ----

export interface DraftOptions extends BankDetails {
  /**
   * The generation time (ISO date or date-time, OutputOptions.generatedAt): the contact clock and
   * the letter's date both count from it, on every surface. Default: the analysis as-of date.
   */
  from?: string;
  /** Contact deadlines by tier; default 24 hours / 3 days / 7 days. */
  policy?: ContactPolicy;
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
interface RunValues {
  contactBy: string;
  contactTime: string;
  contactDate: string;
  asOf: string;
  date: string;
}

function runValues(a: EngineResult, tier: RiskTier, locale: Locale, opts: DraftOptions): RunValues {
  const from = opts.from ?? a.asOf;
  const policy = opts.policy ?? DEFAULT_CONTACT_POLICY;
  const contactBy = contactDeadline(tier, from, policy);
  return {
    contactBy, contactTime: contactPhrase(tier, locale, policy), contactDate: formatLongDate(contactBy, locale),
    asOf: formatLongDate(a.asOf, locale), date: formatLongDate(from.slice(0, 10), locale),
  };
}

/** draftValues with the run's shared values given (the drafts sheet works them out once per tier). */
function valuesWith(a: EngineResult, c: ClientResult, locale: Locale, opts: DraftOptions, run: RunValues): Record<PlaceholderKey, string> {
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
 * adjust the text.
 */
export type ReviewReason = Flag | "loss-without-fall";

export function reviewReasons(c: ClientResult, a?: Pick<EngineResult, "products">): ReviewReason[] {
  const out: ReviewReason[] = c.flags.filter((f) => f === "suitability-mismatch" || f === "elderly");
  if (a && c.pnlFen < 0 && !holdsFallenProduct(c, fallenProducts(a))) out.push("loss-without-fall");
  return out;
}

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

// Checking every draft whole is the costliest step of writing the drafts sheet (100,000 clients
// make 400,000 drafts), yet the drafts of one template differ only in the client's name, the
// relationship manager's name and figures. So a draft is first checked with those masked (each
// name replaced by the neutral word the draft uses when it is blank, every digit by 7), each
// distinct masked sentence once; when that is clean, which it is for almost every draft, so is the
// draft. Anything else, and any finding at all, is checked again on the real text, so findings
// and their excerpts are always the real text's. The check's rules stay within a sentence
// (clauses, negation scope, the benchmark's sentence), and neither a personal name nor the value
// of a digit makes a sentence honest: a test compares this with checking every draft whole, over
// the sample and the compliance corpus. A letter is checked whole (its missing-warning finding
// depends on the whole text), masked first in the same way.
const SENTENCE_END = /[。！？!?\n]+/g;
const checkedSentences = new Map<string, boolean>();
const checkedLetters = new Map<string, boolean>();
const MAX_CHECKED = 200_000;

function memoClean(memo: Map<string, boolean>, key: string, clean: () => boolean): boolean {
  let v = memo.get(key);
  if (v === undefined) {
    if (memo.size >= MAX_CHECKED) memo.clear();
    v = clean();
    memo.set(key, v);
  }
  return v;
}

/** The sentences of a text, each with its end mark (。！？!? or line breaks). */
function sentencesOf(t: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of t.matchAll(SENTENCE_END)) {
    const end = m.index! + m[0].length;
    if (end > start) out.push(t.slice(start, end));
    start = end;
  }
  if (t.length > start) out.push(t.slice(start));
  return out;
}

/** The text with the given names (2 characters or more) replaced by neutral words and digits by 7. */
function maskDraft(text: string, names: readonly (readonly [string, string])[]): string {
  let t = text;
  for (const [name, neutral] of names) if (name.length >= 2 && name !== neutral) t = t.split(name).join(neutral);
  return t.replace(/[0-9]/g, "7");
}

export function checkDraftText(
  text: string, letter: boolean, locale: Locale, names: readonly (readonly [string, string])[] = [],
): Finding[] {
  const masked = maskDraft(text, names);
  if (letter) {
    if (memoClean(checkedLetters, masked, () => checkText(masked, { letter: true, locale }).length === 0)) return [];
    return checkText(text, { letter: true, locale });
  }
  for (const x of sentencesOf(masked)) {
    if (!memoClean(checkedSentences, x, () => checkText(x, { locale }).length === 0)) {
      const out: Finding[] = [];
      for (const y of sentencesOf(text)) for (const f of checkText(y, { locale })) out.push(f);
      return out;
    }
  }
  return [];
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
interface ClientDrafting {
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
class Drafter {
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
      review: reviewReasons(c, this.a), contactBy: run.contactBy, from: this.from,
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

// ---- the drafts sheet ----

type DraftColumn =
  | "clientId" | "clientName" | "rm" | "tier" | "channel" | "contactBy" | "draft" | "length" | "segments"
  | "compliance" | "review" | "status" | "reviewer" | "reviewedAt" | "notes";
const DRAFT_COLUMNS: readonly DraftColumn[] = [
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

export interface DraftsSheetOptions extends DraftOptions {
  /** Draft every client, not only the holders of a product that fell and those with a loss. */
  allClients?: boolean;
  /** Draft these clients (whatever their P&L) instead. */
  clientIds?: string[];
  /** Channels, in row order; default all four. */
  channels?: Channel[];
  /** Return the drafts themselves too (default true); buildOutputs, writing the sheet, does not need them. */
  keepDrafts?: boolean;
}

export interface DraftsSheetResult {
  /** Its rows are produced as they are read (TableRows): tableRows(sheet) lists them all. */
  sheet: TableSheetModel<TableRows>;
  /** "C000002/sms": rows that were not on the previous sheet (all rows when there was none). */
  added: string[];
  /** Rows of the previous sheet that are no longer generated (kept or not). */
  dropped: string[];
  /** Those of `dropped` kept at the end because someone typed a status or a note. */
  kept: string[];
  /** The drafts, in row order (empty when `keepDrafts` is false). */
  drafts: Draft[];
  /** "C000002/sms": rows set to 已发送 that may not be sent, put back to their permitted status. */
  refused: string[];
  /** One per refused row, naming the status cell (Sheet!L5); and unset bank settings in letters. */
  issues: Issue[];
}

/** A status as typed, in either language, in this locale's words; unknown text is kept as typed. */
export function statusIn(v: string, locale: Locale): string {
  const st = parseStatus(v);
  return st ? STATUS_LABEL[st][locale] : v;
}

export function parseStatus(v: string): DraftStatus | undefined {
  const s = norm(v);
  return STATUSES.find((k) => norm(STATUS_LABEL[k]["zh-CN"]) === s || norm(STATUS_LABEL[k]["en-US"]) === s);
}

/** The flags that need review, in words: "适当性不匹配；65岁及以上" / "suitability mismatch; aged 65+". */
export function reviewLabel(flags: readonly ReviewReason[], elderlyAge: number, locale: Locale): string {
  const zh = locale === "zh-CN";
  return flags.map((f) => (f === "suitability-mismatch" ? VARIANT_LABEL.mismatch[locale]
    : f === "loss-without-fall" ? (zh ? "亏损并非来自净值下跌，须人工调整话术" : "loss not from a NAV fall: adjust the text by hand")
      : zh ? `${elderlyAge}岁及以上` : `aged ${elderlyAge}+`))
    .join(zh ? "；" : "; ");
}

const SETTING_LABEL: Record<BankField, Text> = {
  bankName: { "zh-CN": "银行名称", "en-US": "bank name" },
  hotline: { "zh-CN": "客服热线", "en-US": "service hotline" },
  complaintChannel: { "zh-CN": "投诉渠道", "en-US": "complaint channel" },
};

/**
 * Why a draft may not be set to 已发送 / sent, or undefined when it may: an error finding, a
 * letter still showing an unset bank setting, or a review it needs and has not had (a reviewer
 * and a review time on its row).
 */
export function sendBlock(d: Pick<Draft, "findings" | "review" | "missing">, reviewed: boolean, locale: Locale): string | undefined {
  const zh = locale === "zh-CN";
  const why: string[] = [];
  if (d.findings.some((f) => f.severity === "error")) why.push(zh ? "合规检查不通过" : "it fails the compliance check");
  if (d.missing.length) {
    const names = d.missing.map((m) => SETTING_LABEL[m][locale]).join(zh ? "、" : ", ");
    why.push(zh ? `信函缺少设置：${names}` : `the letter lacks settings: ${names}`);
  }
  if (d.review.length && !reviewed) why.push(zh ? "须复核而尚未复核（复核人、复核时间未填）" : "it needs a review and has none (no reviewer and review time)");
  return why.length ? why.join(zh ? "；" : "; ") : undefined;
}

interface PreviousRow {
  values: Partial<Record<DraftColumn, CellValue>>;
  channel: Channel;
  clientId: string;
}

/** The rows of an earlier drafts sheet, by "clientId/channel" (the first row wins). */
function readPrevious(sheet: SheetSnapshot): Map<string, PreviousRow> {
  const out = new Map<string, PreviousRow>();
  const header = findHeader(sheet, DRAFT_HEADERS, ["clientId", "channel"]);
  if (!header) return out;
  for (let r = header.row + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    const values: Partial<Record<DraftColumn, CellValue>> = {};
    for (const [k, c] of header.cols) values[k] = row[c] ?? null;
    const clientId = cellString(values.clientId).trim();
    const channel = parseChannel(cellString(values.channel));
    if (!clientId || !channel) continue;
    const key = `${clientId}/${channel}`;
    if (!out.has(key)) out.set(key, { values, channel, clientId });
  }
  return out;
}

/** The review trail of one row of the drafts sheet, as typed. */
export interface DraftTrail {
  status?: DraftStatus;
  /** The status as typed (also when it is not one of STATUSES). */
  statusText: string;
  reviewer: string;
  reviewedAt: string;
  notes: string;
  /** A reviewer and a review time are both filled in. */
  reviewed: boolean;
}

/** The review trail of the drafts sheet, by "clientId/channel", for the pane to show. */
export function readDraftTrail(sheet: SheetSnapshot): Map<string, DraftTrail> {
  const out = new Map<string, DraftTrail>();
  for (const [key, p] of readPrevious(sheet)) {
    const t = (k: DraftColumn) => cellString(p.values[k] ?? null).trim();
    const statusText = t("status");
    out.set(key, {
      status: statusText ? parseStatus(statusText) : undefined, statusText, reviewer: t("reviewer"),
      reviewedAt: p.values.reviewedAt instanceof Date ? p.values.reviewedAt.toISOString().slice(0, 16).replace("T", " ") : t("reviewedAt"),
      notes: t("notes"), reviewed: t("reviewer") !== "" && t("reviewedAt") !== "",
    });
  }
  return out;
}

/** The drafts sheet of a workbook (沟通草稿 or Drafts), to pass as `previous`. */
export function findDraftsSheet(wb: WorkbookSnapshot): SheetSnapshot | undefined {
  return findSheet(wb, DRAFT_SHEET);
}

/**
 * The generated rows of the drafts sheet without their draft text (which the writer's pass makes
 * again), column by column in typed arrays: 400,000 rows take a few MB. Texts that repeat (the
 * compliance verdict, the review reasons, the status) are held once and referred to by number;
 * what was typed on the previous sheet is kept for the rows that had a previous row only.
 */
class DraftRows {
  readonly client: Int32Array;
  readonly channel: Uint8Array;
  readonly length: Int32Array;
  /** SMS segments, -1 for none (not an SMS). */
  readonly segments: Int32Array;
  /** Indices into `texts`, -1 for none. */
  readonly compliance: Int32Array;
  readonly review: Int32Array;
  readonly status: Int32Array;
  readonly typed = new Map<number, { reviewer: CellValue; reviewedAt: CellValue; notes: string | null }>();
  private readonly texts: string[] = [];
  private readonly textIndex = new Map<string, number>();
  count = 0;

  constructor(capacity: number) {
    this.client = new Int32Array(capacity);
    this.channel = new Uint8Array(capacity);
    this.length = new Int32Array(capacity);
    this.segments = new Int32Array(capacity);
    this.compliance = new Int32Array(capacity);
    this.review = new Int32Array(capacity);
    this.status = new Int32Array(capacity);
  }

  private ref(t: string | null): number {
    if (t === null) return -1;
    let i = this.textIndex.get(t);
    if (i === undefined) {
      i = this.texts.length;
      this.texts.push(t);
      this.textIndex.set(t, i);
    }
    return i;
  }

  text(i: number): string | null {
    return i < 0 ? null : this.texts[i];
  }

  push(r: {
    client: number; channel: number; length: number; segments: number | null; compliance: string; review: string | null; status: string;
    typed?: { reviewer: CellValue; reviewedAt: CellValue; notes: string | null };
  }): void {
    const i = this.count++;
    this.client[i] = r.client;
    this.channel[i] = r.channel;
    this.length[i] = r.length;
    this.segments[i] = r.segments ?? -1;
    this.compliance[i] = this.ref(r.compliance);
    this.review[i] = this.ref(r.review);
    this.status[i] = this.ref(r.status);
    if (r.typed) this.typed.set(i, r.typed);
  }
}

/** Whom the drafts sheet drafts by default: every holder of a product that fell, and every client with a loss. */
export function clientsToDraft(a: EngineResult): ClientResult[] {
  const fallen = fallenProducts(a);
  return a.clients.filter((c) => c.pnlFen < 0 || holdsFallenProduct(c, fallen));
}

/**
 * The drafts sheet 沟通草稿 / Drafts: one row per client (highest risk first) and channel, for
 * every holder of a product that fell and every client with a loss. With `previous` (the sheet as
 * it is in the workbook), the review trail people typed (status, reviewer, review time, notes) is
 * carried over by client ID and channel, wherever the rows or columns moved. A draft that needs
 * review starts as 待复核; one that may not be sent (sendBlock) and was set to 已发送 goes back to
 * its permitted status, with a line in its notes and an Issue naming the status cell. A previous
 * row that is no longer generated and had a status (other than pending / to review), a reviewer
 * or a note is kept at the end, its draft marked 【不再生成】 / "[no longer generated]"; one with
 * nothing typed is dropped. Both are listed in `dropped`.
 */
export function draftsSheet(
  analysis: EngineResult, templates: Templates, locale: Locale, previous?: SheetSnapshot, opts: DraftsSheetOptions = {},
): DraftsSheetResult {
  const zh = locale === "zh-CN";
  const channels = opts.channels ?? [...CHANNELS];
  const wanted = opts.clientIds ? new Set(opts.clientIds) : undefined;
  const fallen = fallenProducts(analysis);
  const clients = analysis.clients.filter((c) => (wanted ? wanted.has(c.clientId) : opts.allClients || c.pnlFen < 0 || holdsFallenProduct(c, fallen)));
  const elderlyAge = analysis.elderlyAge ?? DEFAULT_SCORING.elderlyAge;
  const from = opts.from ?? analysis.asOf;
  const prev = previous ? readPrevious(previous) : new Map<string, PreviousRow>();
  // The sheet's rows are made as the writer takes them: on 100,000 clients their texts alone
  // would take some 200 MB. Here every draft is made and checked once for what the preamble, the
  // issues and the rows' small cells need (counts, compliance, status); the writer's pass makes
  // each draft's text again, from the same client values and compiled template (DraftRows).
  const rows = new DraftRows(clients.length * channels.length);
  // The drafts themselves are kept only when asked (tests, one client): on 100,000 clients their
  // parts would double the memory the sheet's rows already take. The figures are counted here.
  const keep = opts.keepDrafts ?? true;
  const drafts: Draft[] = [];
  let draftCount = 0, failing = 0, toReview = 0, missingCount = 0, firstMissing = -1;
  const missingFields = new Set<BankField>();
  const added: string[] = [];
  const refusedAt: { key: string; index: number; reason: string; to: DraftStatus }[] = [];
  const matched = new Set<PreviousRow>();
  const str = (v: CellValue | undefined) => (v === undefined || v === null ? null : typeof v === "string" ? v : cellString(v));
  const filled = (v: CellValue | undefined) => { const t = str(v); return t !== null && t.trim() !== ""; };
  const keepCell = (v: CellValue | undefined): CellValue => (v === undefined ? null : v);
  const drafter = new Drafter(analysis, locale, templates, opts);

  clients.forEach((c, ci) => {
    const cd = drafter.client(c);
    const review = cd.review.length ? reviewLabel(cd.review, elderlyAge, locale) : null;
    channels.forEach((channel, chi) => {
      const d = drafter.draft(cd, channel);
      if (keep) drafts.push(d);
      if (d.findings.some((f) => f.severity === "error")) failing++;
      if (d.review.length > 0) toReview++;
      if (d.missing.length > 0) {
        if (firstMissing < 0) firstMissing = draftCount;
        missingCount++;
        for (const f of d.missing) missingFields.add(f);
      }
      draftCount++;
      const key = `${c.clientId}/${channel}`;
      const p = prev.get(key);
      if (p) matched.add(p);
      else added.push(key);
      const permitted: DraftStatus = d.review.length ? "toReview" : "pending";
      const typed = p && filled(p.values.status) ? str(p.values.status)! : undefined;
      let status = typed !== undefined ? statusIn(typed, locale) : STATUS_LABEL[permitted][locale];
      let notes = p ? str(p.values.notes) : null;
      const reviewed = !!p && filled(p.values.reviewer) && filled(p.values.reviewedAt);
      const block = sendBlock(d, reviewed, locale);
      if (typed !== undefined && parseStatus(typed) === "sent" && block) {
        const to = d.review.length && !reviewed ? "toReview" : "pending";
        status = STATUS_LABEL[to][locale];
        const line = zh
          ? `【LossDesk ${formatGeneratedAt(from)}】不得标记为“已发送”：${block}；状态已改回“${status}”。`
          : `[LossDesk ${formatGeneratedAt(from)}] may not be marked sent: ${block}; status put back to "${status}".`;
        notes = notes && notes.trim() !== "" ? `${notes}\n${line}` : line;
        refusedAt.push({ key, index: rows.count, reason: block, to });
      }
      const compliance = complianceSummary(d.findings, locale) + (d.missing.length
        ? (zh ? `；信函缺少设置：${d.missing.map((m) => SETTING_LABEL[m][locale]).join("、")}` : `; letter lacks settings: ${d.missing.map((m) => SETTING_LABEL[m][locale]).join(", ")}`)
        : "");
      rows.push({
        client: ci, channel: chi, length: d.length, segments: d.sms ? d.sms.segments : null, compliance, review, status,
        typed: p ? { reviewer: keepCell(p.values.reviewer), reviewedAt: keepCell(p.values.reviewedAt), notes } : undefined,
      });
    });
  });

  const dropped: string[] = [];
  const kept: string[] = [];
  const keptRows: CellValue[][] = [];
  const marks = [NO_LONGER_GENERATED["zh-CN"], NO_LONGER_GENERATED["en-US"]];
  for (const [key, p] of prev) {
    if (matched.has(p)) continue;
    dropped.push(key);
    const status = str(p.values.status);
    const notes = str(p.values.notes);
    const st = status === null ? undefined : parseStatus(status);
    const typed = (status !== null && status.trim() !== "" && st !== "pending" && st !== "toReview")
      || (notes !== null && notes.trim() !== "") || filled(p.values.reviewer);
    if (!typed) continue;
    kept.push(key);
    const old = str(p.values.draft) ?? "";
    const draft = marks.some((m) => old.startsWith(m)) ? old : NO_LONGER_GENERATED[locale] + old;
    const v = p.values;
    keptRows.push([
      p.clientId, v.clientName ?? null, v.rm ?? null, v.tier ?? null, CHANNEL_LABEL[p.channel][locale], v.contactBy ?? null,
      draft, v.length ?? null, v.segments ?? null, v.compliance ?? null, v.review ?? null,
      status === null ? null : statusIn(status, locale), keepCell(v.reviewer), keepCell(v.reviewedAt), notes,
    ]);
  }

  // A generated row, made again for the writer: the client's values once for its channels (they
  // come one after another), the text from the template compiled in the first pass.
  let last: ClientDrafting | undefined;
  const generatedRow = (i: number): CellValue[] => {
    const c = clients[rows.client[i]];
    const channel = channels[rows.channel[i]];
    if (last?.client !== c) last = drafter.client(c);
    const typed = rows.typed.get(i);
    return [
      c.clientId, c.clientName ?? null, c.rm ?? null, ui("tiers", c.riskTier, locale), CHANNEL_LABEL[channel][locale],
      last.contactBy, drafter.text(last, channel), rows.length[i], rows.segments[i] < 0 ? null : rows.segments[i], rows.text(rows.compliance[i]),
      rows.text(rows.review[i]), rows.text(rows.status[i]), typed ? typed.reviewer : null, typed ? typed.reviewedAt : null, typed ? typed.notes : null,
    ];
  };
  const sheetRows = lazyRows(rows.count + keptRows.length, (i) => (i < rows.count ? generatedRow(i) : keptRows[i - rows.count]));

  const holders = clients.filter((c) => holdsFallenProduct(c, fallen)).length;
  const losers = clients.filter((c) => c.pnlFen < 0).length;
  const statuses = STATUSES.map((s) => STATUS_LABEL[s][locale]).join(" / ");
  const stamp = formatGeneratedAt(from);
  const sheet: TableSheetModel<TableRows> = {
    name: DRAFT_SHEET[locale],
    preamble: zh
      ? [
        `沟通草稿（分析日 ${analysis.asOf}，生成时间 ${stamp}）`,
        `客户 ${clients.length} 名（持有净值下跌产品的客户 ${holders} 名，全部持仓合计亏损的客户 ${losers} 名），草稿 ${draftCount} 份，其中合规检查不通过 ${failing} 份，须复核 ${toReview} 份；草稿须经人工复核后方可发送。`,
        `联系截止日与信函落款日期均自生成时间 ${stamp} 起算。`,
        `状态可填：${statuses}。适当性不匹配、${elderlyAge}岁及以上客户及亏损并非来自净值下跌的草稿为“待复核”，填写复核人和复核时间后方可标记为“已发送”；合规检查不通过或信函缺少银行设置的草稿不得标记为“已发送”，重新生成时改回并在备注中说明。重新生成时按客户编号与渠道保留状态、复核人、复核时间和备注；不再生成但已填写的行保留在末尾，草稿前标注${NO_LONGER_GENERATED[locale]}。`,
      ]
      : [
        `Drafts (as of ${analysis.asOf}, generated ${stamp})`,
        `${clients.length} clients (${holders} holding a product that fell, ${losers} with a loss across all their holdings), ${draftCount} drafts, ${failing} failing the compliance check, ${toReview} to review; a person reviews every draft before it is sent.`,
        `Contact deadlines and letter dates count from the generation time ${stamp}.`,
        `Status: ${statuses}. Drafts for suitability mismatches, clients aged ${elderlyAge}+ and losses not from a NAV fall start as "to review" and may be marked sent only once a reviewer and review time are filled in; a draft failing the compliance check, or a letter lacking the bank's settings, may not be marked sent: regenerating puts it back and says why in Notes. Regenerating keeps the status, reviewer, review time and notes typed here, by client ID and channel; rows no longer generated that have something typed stay at the end, their draft marked "${NO_LONGER_GENERATED[locale].trim()}".`,
      ],
    columns: DRAFT_COLUMNS.map((k) => ({
      header: DRAFT_HEADERS[k][locale],
      width: k === "draft" ? 70 : k === "compliance" || k === "notes" ? 30 : k === "review" ? 18 : k === "reviewedAt" ? 16 : undefined,
      numFmt: k === "length" || k === "segments" ? "0" : k === "reviewedAt" ? "yyyy-mm-dd hh:mm" : undefined,
      // The drop-down offers every status; whether 已发送 is allowed depends on the row, which a
      // list cannot express: the red fill below marks it, and regeneration refuses it.
      list: k === "status" ? STATUSES.map((s) => STATUS_LABEL[s][locale]) : undefined,
      listAllowOther: k === "status" ? true : undefined,
    })),
    rows: sheetRows,
    tableName: "Drafts",
    freezeHeader: true,
    conditionalFormats: [{ formula: sentNotAllowedFormula(locale), style: "bad" }],
  };
  const colOf = (k: DraftColumn) => colLetter(DRAFT_COLUMNS.indexOf(k));
  const issues: Issue[] = refusedAt.map((r) => cellIssue("error", sheet.name, `${colOf("status")}${dataRowNumber(sheet, r.index)}`, "draft-sent-refused", zh
    ? `不得标记为“已发送”（${r.key}）：${r.reason}；已改回“${STATUS_LABEL[r.to][locale]}”`
    : `may not be marked sent (${r.key}): ${r.reason}; put back to "${STATUS_LABEL[r.to][locale]}"`));
  if (firstMissing >= 0) {
    const fields = BANK_FIELDS.filter((f) => missingFields.has(f));
    const n = missingCount;
    issues.push(cellIssue("warning", sheet.name, `${colOf("draft")}${dataRowNumber(sheet, firstMissing)}`, "letter-settings-missing", zh
      ? `${n} 封信函缺少设置：${fields.map((f) => SETTING_LABEL[f][locale]).join("、")}（仍显示${fields.map((f) => BANK_PLACEHOLDER[f][locale]).join("")}），请在设置中填写后重新生成`
      : `${n} letters lack settings: ${fields.map((f) => SETTING_LABEL[f][locale]).join(", ")} (they still show ${fields.map((f) => BANK_PLACEHOLDER[f][locale]).join(" ")}); fill them in the settings and regenerate`));
  }
  return { sheet, added, dropped, kept, drafts, refused: refusedAt.map((r) => r.key), issues };
}

/** Red fill on a row marked sent that may not be: compliance failed, settings missing, or review needed and not done. */
function sentNotAllowedFormula(locale: Locale): string {
  const c = (k: DraftColumn) => `$${colLetter(DRAFT_COLUMNS.indexOf(k))}{r}`;
  const zh = locale === "zh-CN";
  const failed = zh ? `LEFT(${c("compliance")},3)="不通过"` : `LEFT(${c("compliance")},7)="failed:"`;
  const lacks = `ISNUMBER(SEARCH("${zh ? "缺少设置" : "lacks settings"}",${c("compliance")}))`;
  const unreviewed = `AND(${c("review")}<>"",OR(${c("reviewer")}="",${c("reviewedAt")}=""))`;
  return `AND(${c("status")}="${STATUS_LABEL.sent[locale]}",OR(${failed},${lacks},${unreviewed}))`;
}
