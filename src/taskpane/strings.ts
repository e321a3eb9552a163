// Every string the task pane shows, in zh-CN and en-US. Words the core already owns (tiers, flags,
// factors, table roles, channels, compliance rules) come from the core so the pane and the
// sheets it writes never disagree; this file holds only the pane's own words.

import type { Locale } from "../core/i18n";
import { formatFen } from "../core/money";

const zh = {
  appTitle: "LossDesk 理财亏损应急",
  stepsLabel: "工作步骤",
  tabData: "数据",
  tabAnalysis: "分析",
  tabDrafts: "草稿",
  tabReport: "报告",
  tabSettings: "设置",

  // long work
  progressLabel: "进度",
  cancel: "取消",
  cancelled: "已取消。",
  reading: "正在读取工作簿…",
  analysing: "正在分析…",
  building: "正在生成报告和草稿…",
  writing: "正在写入工作表…",
  dismiss: "关闭",

  // errors
  errorTitle: "出错了",
  fatalTitle: "无法分析这个工作簿",
  fatalHint: "请在工作簿中补上缺少的表格或列，然后重新读取。",
  unexpected: (m: string) => `意外错误：${m}`,
  settingsLoadFailed: "工作簿中保存的设置无法读取，已改用默认设置。",
  settingsSaveFailed: (m: string) => `设置未能保存到工作簿：${m}`,

  needData: "请先在“数据”步骤读取工作簿。",
  stale: "设置已更改，当前结果按旧设置计算。",
  rerun: "重新分析",

  // data
  readWorkbook: "读取工作簿",
  tablesFound: "找到的表格",
  tableScanned: "（普通区域）",
  colTable: "表格",
  colSheet: "工作表",
  colAddress: "区域",
  colRows: "数据行",
  colTableName: "Excel 表名",
  asOf: "分析日",
  asOfHint: "默认为最新净值日期",
  issues: (n: number) => `数据问题（${n}）`,
  noIssues: "没有发现数据问题。",
  issuesLabel: "数据问题列表：按回车键跳转到单元格",
  severityError: "错误",
  severityWarning: "警告",
  lotsSummary: (rows: number, accepted: number) => `持仓 ${rows} 行，其中 ${accepted} 行计入分析，${rows - accepted} 行未计入。`,

  // analysis
  keyFigures: "关键数据",
  kfClients: "客户",
  kfClientsWithLoss: "亏损客户",
  kfTotalLoss: "亏损合计（元）",
  kfTierHigh: "高风险",
  kfTierMedium: "中风险",
  kfTierLow: "低风险",
  productsAffected: "受影响产品",
  product: "产品",
  drawdown: "回撤",
  holders: "持有客户",
  pnl: "盈亏（元）",
  noProductsAffected: "没有产品出现亏损或回撤。",
  clientsHeading: "客户（按风险评分排序）",
  filterTier: "风险分级",
  filterRm: "客户经理",
  filterFlag: "提示",
  all: "全部",
  shown: (n: number, total: number) => `显示 ${n} / ${total} 名客户`,
  clientsLabel: "客户列表：上下方向键移动，回车键展开评分因素",
  score: "评分",
  lossRate: "盈亏比例",
  factors: "评分因素",
  positions: "持仓",
  noFactors: "没有计分因素。",
  noClients: "没有符合条件的客户。",
  rank: (n: number) => `第 ${n} 名`,

  // drafts
  draftClient: "客户",
  draftClientPlaceholder: "输入客户编号或姓名搜索",
  draftChannel: "渠道",
  draftText: "草稿",
  contactBy: (d: string) => `最迟联系日：${d}`,
  length: (n: number) => `${n} 字`,
  sms: (segments: number, encoding: string, units: number) => `短信 ${segments} 条（${encoding}，${units} 个字符单位）`,
  complianceClean: "合规检查通过",
  complianceFindings: (n: number) => `合规检查发现 ${n} 处问题，须修改或人工复核后再发送`,
  findingError: "不得发送",
  findingWarning: "需复核",
  copy: "复制草稿",
  copied: "已复制到剪贴板。",
  copyFailed: "无法自动复制，请手动选择草稿文字复制。",
  templateIssues: (n: number) => `话术模板问题（${n}）`,
  reviewNote: "草稿须经人工复核后方可发送。",

  // report
  writeReport: "写入报告和草稿工作表",
  reportHint: "生成风险评估报告、客户亏损明细和沟通草稿工作表；同名工作表会被替换，已填写的状态、备注和分析文字会保留。",
  writtenSheets: "已写入的工作表",
  draftsAdded: (n: number) => `新增草稿行 ${n} 行`,
  draftsDropped: (n: number) => `不再生成的草稿行 ${n} 行`,
  outputIssues: (n: number) => `生成时发现的问题（${n}）`,

  // settings
  settingsHint: "设置保存在工作簿中，随文件一起传递。",
  asOfSetting: "分析日（留空则使用最新净值日期）",
  weights: "评分权重（各因素最高分）",
  thresholds: "分级阈值",
  thresholdHigh: "高风险起点（分）",
  thresholdMedium: "中风险起点（分）",
  topClients: "报告中列出的重点客户数",
  locale: "界面语言",
  localeAuto: "跟随 Excel",
  resetDefaults: "恢复默认权重和阈值",
  saved: "设置已保存到工作簿。",
  defaultIs: (n: number) => `默认 ${n}`,
};

export type Strings = typeof zh;

const en: Strings = {
  appTitle: "LossDesk loss response",
  stepsLabel: "Steps",
  tabData: "Data",
  tabAnalysis: "Analysis",
  tabDrafts: "Drafts",
  tabReport: "Report",
  tabSettings: "Settings",

  progressLabel: "Progress",
  cancel: "Cancel",
  cancelled: "Cancelled.",
  reading: "Reading the workbook…",
  analysing: "Analysing…",
  building: "Building the report and drafts…",
  writing: "Writing sheets…",
  dismiss: "Dismiss",

  errorTitle: "Something went wrong",
  fatalTitle: "This workbook can't be analysed",
  fatalHint: "Add the missing table or column to the workbook, then read it again.",
  unexpected: (m: string) => `Unexpected error: ${m}`,
  settingsLoadFailed: "The settings saved in the workbook could not be read; the defaults are used.",
  settingsSaveFailed: (m: string) => `The settings could not be saved in the workbook: ${m}`,

  needData: "Read the workbook first (Data step).",
  stale: "Settings changed: the results shown use the previous settings.",
  rerun: "Run the analysis again",

  readWorkbook: "Read workbook",
  tablesFound: "Tables found",
  tableScanned: "(plain range)",
  colTable: "Table",
  colSheet: "Sheet",
  colAddress: "Range",
  colRows: "Data rows",
  colTableName: "Excel table",
  asOf: "As-of date",
  asOfHint: "Defaults to the latest NAV date",
  issues: (n: number) => `Data issues (${n})`,
  noIssues: "No data issues found.",
  issuesLabel: "Data issues: press Enter to go to the cell",
  severityError: "Error",
  severityWarning: "Warning",
  lotsSummary: (rows: number, accepted: number) =>
    `${rows} holdings rows: ${accepted} analysed, ${rows - accepted} left out.`,

  keyFigures: "Key figures",
  kfClients: "Clients",
  kfClientsWithLoss: "Clients with a loss",
  kfTotalLoss: "Total loss (CNY)",
  kfTierHigh: "High risk",
  kfTierMedium: "Medium risk",
  kfTierLow: "Low risk",
  productsAffected: "Products affected",
  product: "Product",
  drawdown: "Drawdown",
  holders: "Holders",
  pnl: "P&L (CNY)",
  noProductsAffected: "No product shows a loss or a drawdown.",
  clientsHeading: "Clients by risk score",
  filterTier: "Risk tier",
  filterRm: "Relationship manager",
  filterFlag: "Flag",
  all: "All",
  shown: (n: number, total: number) => `Showing ${n} of ${total} clients`,
  clientsLabel: "Clients: arrow keys move, Enter shows the score factors",
  score: "Score",
  lossRate: "P&L rate",
  factors: "Score factors",
  positions: "Holdings",
  noFactors: "No scoring factors.",
  noClients: "No client matches.",
  rank: (n: number) => `Rank ${n}`,

  draftClient: "Client",
  draftClientPlaceholder: "Type a client ID or name",
  draftChannel: "Channel",
  draftText: "Draft",
  contactBy: (d: string) => `Contact by ${d}`,
  length: (n: number) => `${n} characters`,
  sms: (segments: number, encoding: string, units: number) =>
    `${segments} SMS segment${segments === 1 ? "" : "s"} (${encoding}, ${units} units)`,
  complianceClean: "Compliance check passed",
  complianceFindings: (n: number) =>
    `Compliance check: ${n} finding${n === 1 ? "" : "s"}; fix or have it reviewed before sending`,
  findingError: "must not be sent",
  findingWarning: "review",
  copy: "Copy draft",
  copied: "Copied to the clipboard.",
  copyFailed: "Could not copy automatically; select the draft text and copy it by hand.",
  templateIssues: (n: number) => `Template issues (${n})`,
  reviewNote: "A person reviews every draft before it is sent.",

  writeReport: "Write report and drafts sheets",
  reportHint:
    "Writes the risk assessment report, the client losses and the drafts sheets; sheets of the same name are replaced, keeping the statuses, notes and analyst text typed in them.",
  writtenSheets: "Sheets written",
  draftsAdded: (n: number) => `${n} new draft row${n === 1 ? "" : "s"}`,
  draftsDropped: (n: number) => `${n} draft row${n === 1 ? "" : "s"} no longer generated`,
  outputIssues: (n: number) => `Issues found while building (${n})`,

  settingsHint: "Settings are saved in the workbook and travel with the file.",
  asOfSetting: "As-of date (blank: the latest NAV date)",
  weights: "Score weights (maximum points per factor)",
  thresholds: "Tier thresholds",
  thresholdHigh: "High tier from (points)",
  thresholdMedium: "Medium tier from (points)",
  topClients: "Clients listed in the report",
  locale: "Language",
  localeAuto: "Follow Excel",
  resetDefaults: "Reset weights and thresholds to defaults",
  saved: "Settings saved in the workbook.",
  defaultIs: (n: number) => `default ${n}`,
};

const STRINGS: Record<Locale, Strings> = { "zh-CN": zh, "en-US": en };

export function stringsFor(locale: Locale): Strings {
  return STRINGS[locale];
}

/** zh-* follows Chinese, everything else English (Excel gives "zh-CN", "zh-TW", "en-GB", ...). */
export function localeOf(displayLanguage: string | undefined): Locale {
  return displayLanguage && /^zh\b/i.test(displayLanguage) ? "zh-CN" : "en-US";
}

/** Fen to "3,929,383.35" (sign kept). Display only: the figures themselves stay exact fen. */
export function money(fen: number): string {
  const s = formatFen(fen);
  const [int, dec] = s.split(".");
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + "." + dec;
}

/** Rate in 1e-4 units to "-20.00%"; "–" where there is no rate (cost 0). */
export function percent(bp: number | null): string {
  return bp === null ? "–" : `${(bp / 100).toFixed(2)}%`;
}
