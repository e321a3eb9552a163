// Placeholders of the templates ({客户姓名} or {clientName}), the bank settings some of them name,
// and filling a template text: compiled once into literal runs and placeholders, then joined.

import type { Text } from "../i18n";

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
export const SMS_SIGNATURE_UNSET: Text = { "zh-CN": "【银行名称】", "en-US": "【Bank name】" };

const PLACEHOLDER_BY_NAME = new Map<string, PlaceholderKey>();
for (const p of PLACEHOLDERS) {
  PLACEHOLDER_BY_NAME.set(p.zh, p.key);
  PLACEHOLDER_BY_NAME.set(p.key.toLowerCase(), p.key);
}

export function placeholderOf(name: string): PlaceholderKey | undefined {
  return PLACEHOLDER_BY_NAME.get(name.trim()) ?? PLACEHOLDER_BY_NAME.get(name.trim().toLowerCase());
}

export const PLACEHOLDER_RE = /\{([^{}\n]*)\}/g;

/** Placeholders in a text that name nothing we know: "{客户名字}". */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER_RE)].filter((m) => !placeholderOf(m[1])).map((m) => m[0]);
}

/**
 * A template text split at its placeholders, once: literal runs, and each known placeholder with
 * whether its value starts a sentence of an English text (and so takes a capital). Filling is
 * then a join, which matters on 400,000 drafts.
 */
export type CompiledText = readonly (string | { key: PlaceholderKey; capital: boolean })[];

export function compileText(text: string): CompiledText {
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

export function fillCompiled(parts: CompiledText, values: Record<PlaceholderKey, string>): string {
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
