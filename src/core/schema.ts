// The columns LossDesk understands and the header names that name them.
//
// Exports from bank systems, WPS and Excel spell headers many ways ("持有份额(份)", "买入金额（元）",
// "Client ID"). A header matches a field when, after normalisation, it equals one of the field's
// names: exact equality, never a substring, so "净值日期" can't be mistaken for "净值".

export type Field =
  | "productCode" | "productName" | "navDate" | "unitNav" | "cumulativeNav" | "productRisk" | "benchmark"
  | "clientId" | "clientName" | "shares" | "costNav" | "costAmount" | "fee" | "dividends" | "purchaseDate"
  | "clientRisk" | "age" | "birthDate" | "rm" | "phone" | "totalAssets" | "complaints" | "clientTier";

export const FIELD_NAMES: Record<Field, readonly string[]> = {
  productCode: ["产品代码", "产品编号", "产品编码", "Product code", "Code"],
  productName: ["产品名称", "Product name"],
  navDate: ["净值日期", "日期", "Date", "NAV date"],
  unitNav: ["单位净值", "净值", "Unit NAV", "NAV"],
  cumulativeNav: ["累计净值", "Cumulative NAV"],
  productRisk: ["产品风险等级", "风险等级", "Risk level", "Product risk"],
  benchmark: ["业绩比较基准", "Benchmark"],
  clientId: ["客户编号", "客户号", "客户代码", "Client ID", "Customer ID"],
  clientName: ["客户姓名", "客户名称", "姓名", "Client name", "Name"],
  shares: ["持有份额", "份额", "持仓份额", "Shares", "Units"],
  costNav: ["买入净值", "成本净值", "认购净值", "申购净值", "Cost NAV", "Purchase NAV"],
  costAmount: ["买入金额", "认购金额", "申购金额", "投资金额", "成本金额", "Cost amount", "Amount invested"],
  fee: ["手续费", "认购费", "申购费", "Fee"],
  dividends: ["已分红", "分红金额", "现金分红", "Dividends"],
  purchaseDate: ["买入日期", "认购日期", "申购日期", "Purchase date"],
  clientRisk: ["风险承受能力", "客户风险等级", "风险测评等级", "Risk tolerance", "Client risk"],
  age: ["年龄", "Age"],
  birthDate: ["出生日期", "Birth date"],
  rm: ["客户经理", "Relationship manager", "RM"],
  phone: ["联系电话", "手机号", "Phone"],
  totalAssets: ["总资产", "Total assets"],
  complaints: ["投诉次数", "历史投诉次数", "Complaints"],
  clientTier: ["客户等级", "Tier"],
};

/**
 * Case-insensitive, full-width folded (NFKC turns "（元）" into "(元)" and "ＮＡＶ" into "NAV"),
 * spaces, underscores and hyphens dropped, and a trailing unit in brackets removed.
 */
export function normalizeHeader(text: string): string {
  let s = text.normalize("NFKC").toLowerCase().replace(/[\s_\-:：]+/g, "");
  // "持有份额(份)", "买入金额[元]", "金额【元】": the unit is not part of the name
  s = s.replace(/(\([^()]*\)|\[[^[\]]*\]|【[^【】]*】)$/u, "");
  return s;
}

const LOOKUP: Map<string, Field> = (() => {
  const m = new Map<string, Field>();
  for (const [field, names] of Object.entries(FIELD_NAMES) as [Field, readonly string[]][]) {
    for (const n of names) m.set(normalizeHeader(n), field);
  }
  return m;
})();

export function fieldOfHeader(text: string): Field | undefined {
  return LOOKUP.get(normalizeHeader(text));
}

export type TableRole = "nav" | "holdings" | "products";

/** Columns a table must have; `oneOf` groups need at least one member. */
export const REQUIRED: Record<TableRole, { all: Field[]; oneOf?: Field[] }> = {
  nav: { all: ["productCode", "navDate", "unitNav"] },
  holdings: { all: ["clientId", "productCode", "shares"], oneOf: ["costAmount", "costNav"] },
  products: { all: ["productCode"], oneOf: ["productName", "productRisk", "benchmark"] },
};
