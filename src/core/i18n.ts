// Every user-visible string, Chinese first, English too.

export type Locale = "zh-CN" | "en-US";

export function isLocale(s: string): s is Locale {
  return s === "zh-CN" || s === "en-US";
}

/** A user-visible string in both languages: every message table of the core is made of these. */
export type Text = Record<Locale, string>;

/**
 * The one way placeholders are filled: "{field} is blank" with { field: "Shares" } gives
 * "Shares is blank". One pass, so a filled-in value that itself reads "{date}" stays as it is;
 * a placeholder without a param stays too (a typo shows instead of vanishing).
 */
export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(params, k) ? String(params[k]) : m));
}

/** Issue texts; {value}, {field}, {date} are filled in by issueText. */
const ISSUE_TEXT: Record<string, Text> = {
  "error-value": { "zh-CN": "{field}为错误值 {value}", "en-US": "{field} is an error value {value}" },
  "not-a-number": { "zh-CN": "{field}不是数字：“{value}”", "en-US": "{field} is not a number: \"{value}\"" },
  "not-a-date": { "zh-CN": "{field}不是日期：“{value}”", "en-US": "{field} is not a date: \"{value}\"" },
  "not-a-risk-level": { "zh-CN": "{field}无法识别：“{value}”", "en-US": "{field} is not a risk level: \"{value}\"" },
  "missing-value": { "zh-CN": "{field}为空", "en-US": "{field} is blank" },
  "negative-shares": { "zh-CN": "持有份额为负数（{value}）", "en-US": "shares is negative ({value})" },
  "zero-shares": { "zh-CN": "持有份额为 0，该行未计入", "en-US": "shares is zero; row left out" },
  "negative-amount": { "zh-CN": "{field}为负数（{value}）", "en-US": "{field} is negative ({value})" },
  "missing-cost": {
    "zh-CN": "买入金额和买入净值均为空，无法计算成本",
    "en-US": "neither cost amount nor cost NAV is given; cost cannot be computed",
  },
  "no-nav": {
    "zh-CN": "产品 {value} 在 {date} 及之前没有净值",
    "en-US": "product {value} has no NAV on or before {date}",
  },
  "nav-not-positive": { "zh-CN": "{field}必须大于 0（{value}）", "en-US": "{field} must be greater than 0 ({value})" },
  "totals-row": { "zh-CN": "合计行已跳过", "en-US": "totals row skipped" },
  "out-of-range": {
    "zh-CN": "{field}超出可精确计算的范围（{value}），该行未计入",
    "en-US": "{field} is beyond the range that can be computed exactly ({value}); row left out",
  },
  "total-out-of-range": {
    "zh-CN": "已采用的持仓合计金额超出可精确计算的范围（{value}），该行及之后使合计超限的行未计入",
    "en-US": "the accepted lots together exceed the amount that can be computed exactly ({value}); this row and later ones that would exceed it are left out",
  },
  "duplicate-nav": {
    "zh-CN": "产品 {value} 在 {date} 有重复净值，以首次出现为准",
    "en-US": "product {value} has more than one NAV on {date}; the first is used",
  },
  "after-as-of": {
    "zh-CN": "买入日期 {value} 晚于分析日 {date}，该行未计入",
    "en-US": "purchase date {value} is after the as-of date {date}; row left out",
  },
};

/** Field names in messages. */
export const FIELD_LABEL: Record<string, Text> = {
  productCode: { "zh-CN": "产品代码", "en-US": "product code" },
  productName: { "zh-CN": "产品名称", "en-US": "product name" },
  navDate: { "zh-CN": "净值日期", "en-US": "NAV date" },
  unitNav: { "zh-CN": "单位净值", "en-US": "unit NAV" },
  cumulativeNav: { "zh-CN": "累计净值", "en-US": "cumulative NAV" },
  productRisk: { "zh-CN": "产品风险等级", "en-US": "product risk level" },
  benchmark: { "zh-CN": "业绩比较基准", "en-US": "benchmark" },
  clientId: { "zh-CN": "客户编号", "en-US": "client ID" },
  clientName: { "zh-CN": "客户姓名", "en-US": "client name" },
  shares: { "zh-CN": "持有份额", "en-US": "shares" },
  costNav: { "zh-CN": "买入净值", "en-US": "cost NAV" },
  costAmount: { "zh-CN": "买入金额", "en-US": "cost amount" },
  fee: { "zh-CN": "手续费", "en-US": "fee" },
  dividends: { "zh-CN": "已分红", "en-US": "dividends" },
  purchaseDate: { "zh-CN": "买入日期", "en-US": "purchase date" },
  clientRisk: { "zh-CN": "风险承受能力", "en-US": "risk tolerance" },
  age: { "zh-CN": "年龄", "en-US": "age" },
  birthDate: { "zh-CN": "出生日期", "en-US": "birth date" },
  rm: { "zh-CN": "客户经理", "en-US": "relationship manager" },
  phone: { "zh-CN": "联系电话", "en-US": "phone" },
  totalAssets: { "zh-CN": "总资产", "en-US": "total assets" },
  marketValue: { "zh-CN": "市值（份额×净值）", "en-US": "market value (shares x NAV)" },
  complaints: { "zh-CN": "投诉次数", "en-US": "complaints" },
  clientTier: { "zh-CN": "客户等级", "en-US": "client tier" },
  /** a product code column header in a wide NAV table */
  wideNav: { "zh-CN": "单位净值", "en-US": "unit NAV" },
};

export const TABLE_LABEL: Record<"nav" | "holdings" | "products", Text> = {
  nav: { "zh-CN": "产品净值表", "en-US": "NAV table" },
  holdings: { "zh-CN": "客户持仓表", "en-US": "holdings table" },
  products: { "zh-CN": "产品信息表", "en-US": "products table" },
};

export function fieldLabel(field: string, locale: Locale): string {
  return FIELD_LABEL[field]?.[locale] ?? field;
}

export function issueText(
  code: string,
  locale: Locale,
  params: { field?: string; value?: string; date?: string },
): string {
  const t = ISSUE_TEXT[code]?.[locale] ?? code;
  return fill(t, {
    field: params.field ? fieldLabel(params.field, locale) : "",
    value: params.value ?? "",
    date: params.date ?? "",
  });
}

/** Strings of the CLI summary, the client-loss sheet and the flags. */
export const UI = {
  flags: {
    "suitability-mismatch": { "zh-CN": "适当性不匹配", "en-US": "suitability mismatch" },
    elderly: { "zh-CN": "{age}岁及以上", "en-US": "aged {age}+" }, // the setting elderlyAge: flagLabel
  },
  tiers: {
    high: { "zh-CN": "高", "en-US": "high" },
    medium: { "zh-CN": "中", "en-US": "medium" },
    low: { "zh-CN": "低", "en-US": "low" },
  },
  factors: {
    lossAmount: { "zh-CN": "亏损金额", "en-US": "loss amount" },
    lossRate: { "zh-CN": "亏损比例", "en-US": "loss rate" },
    suitability: { "zh-CN": "适当性差距", "en-US": "suitability gap" },
    elderly: { "zh-CN": "高龄客户", "en-US": "elderly client" },
    concentration: { "zh-CN": "持仓集中度", "en-US": "concentration" },
    complaints: { "zh-CN": "历史投诉", "en-US": "past complaints" },
    tier: { "zh-CN": "客户等级", "en-US": "client tier" },
    noLoss: { "zh-CN": "无亏损，分级上限为低", "en-US": "no loss: tier capped at low" },
  },
} as const satisfies Record<string, Record<string, Text>>;

/**
 * A client flag's label; "elderly" names the age it was flagged at (the setting elderlyAge, the
 * analysis's a.elderlyAge), so the label changes with the setting on every surface.
 */
export function flagLabel(flag: keyof typeof UI.flags, locale: Locale, elderlyAge: number): string {
  return fill(UI.flags[flag][locale], { age: elderlyAge });
}

export function ui<G extends keyof typeof UI>(group: G, key: keyof (typeof UI)[G], locale: Locale): string {
  return ((UI[group] as Record<string, Text>)[key as string])[locale];
}
