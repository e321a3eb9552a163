// Every string the task pane shows, in zh-CN and en-US. Words the core already owns (tiers, flags,
// factors, table roles, channels, compliance rules) come from the core so the pane and the
// sheets it writes never disagree; this file holds only the pane's own words.

import type { Locale } from "../core/i18n";
import { formatFen } from "../core/money";
import { STATUS_LABEL, type StepStatus } from "../core/drill";

/** A status key ("done") in words, for the pane's announcements. */
function statusWord(status: string, locale: Locale): string {
  return STATUS_LABEL[status as StepStatus]?.[locale] ?? status;
}

const zh = {
  appTitle: "LossDesk 理财亏损应急",
  stepsLabel: "工作步骤",
  tabData: "数据",
  tabAnalysis: "分析",
  tabDrafts: "草稿",
  tabReport: "报告",
  tabSettings: "设置",
  tabDrill: "演练",

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
  // drill
  drillOpen: "打开演练",
  drillReopen: "重新读取演练",
  drillOpening: "正在读取演练…",
  drillNone: "这个工作簿中没有演练（找不到演练步骤表 DrillSteps）。演练工作簿可用 lossdesk drill new 生成。",
  drillPlanned: (t: string) => `计划开始：${t}`,
  drillTeam: (t: string) => `参演团队：${t}`,
  drillClock: "演练计时",
  drillStart: "开始演练",
  drillResume: "继续计时",
  drillStop: "结束演练",
  drillNotStarted: "尚未开始计时",
  drillElapsed: (m: number) => `已用时 ${Math.floor(m / 60)} 小时 ${String(m % 60).padStart(2, "0")} 分`,
  drillStartedAt: (t: string) => `开始于 ${t}`,
  drillStoppedAt: (t: string) => `结束于 ${t}`,
  drillRunning: "计时中",
  drillProgress: (done: number, total: number, skipped: number) =>
    `已完成 ${done} / ${total} 步${skipped > 0 ? `，跳过 ${skipped} 步` : ""}`,
  drillScore: "得分",
  drillScoreTotal: (t: string) => `${t} / 100`,
  drillPartCompletion: "完成",
  drillPartOnTime: "按时",
  drillPartOrder: "顺序",
  drillPartReview: "总结评估",
  drillPartCount: (count: number, of: number) => `（${count}/${of}）`,
  drillScoreNote: "总结评估一项按上次读取时的“总结评估”表计分；填写后请点“重新读取演练”。",
  drillSteps: "演练步骤",
  drillStatusLabel: (no: number, text: string) => `第 ${no} 步的状态：${text}`,
  drillStarted: (t: string) => `开始 ${t}`,
  drillCompleted: (t: string) => `完成 ${t}`,
  drillMinutes: (m: number, target: number | null) => (target === null ? `用时 ${m} 分钟（不限时）` : `用时 ${m} / ${target} 分钟`),
  drillTarget: (t: number | null) => (t === null ? "不限时" : `目标 ${t} 分钟`),
  drillLate: "超时",
  drillNoStart: "未记录开始时间",
  drillTyped: "手工填写",
  drillIssues: (n: number) => `演练表问题（${n}）`,
  drillLog: "最近记录",
  drillWarnings: "工作表中无法识别的输入",
  drillChanged: (no: number, status: string) => `第 ${no} 步已改为${statusWord(status, "zh-CN")}`,
  drillClockStarted: "演练已开始计时。",
  drillClockStopped: "演练已结束计时。",
  drillWriteFailed: (m: string) => `演练记录未能写入工作簿：${m}`,
  drillNoWatch: "在此环境中，工作表里的修改不会自动记录，请在这里更改状态。",
  drillWatchHint: "在工作表中修改状态或时间，也会自动记录时间并写入演练记录。",
  drillAddinHint: "运行分析、写入报告和草稿时，对应步骤会自动完成并记入演练记录。",

  // drafts: a text the user writes, checked as they type (TextCheck)
  ownText: "检查自己写的文字",
  ownTextHint: "粘贴或输入准备发给客户的回复，边输入边显示合规检查结果；文字不会写入工作簿。",
  ownTextPlaceholder: "例如：您好，理解您的心情……",
  ownTextLetter: "按信函检查（须含标准风险提示）",
  ownTextEmpty: "输入文字后显示检查结果。",
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
  tabDrill: "Drill",

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
  drillOpen: "Open the drill",
  drillReopen: "Read the drill again",
  drillOpening: "Reading the drill…",
  drillNone: "This workbook holds no drill (no drill steps table DrillSteps). Make a drill workbook with lossdesk drill new.",
  drillPlanned: (t: string) => `Planned start: ${t}`,
  drillTeam: (t: string) => `Team: ${t}`,
  drillClock: "Drill clock",
  drillStart: "Start the drill",
  drillResume: "Resume the clock",
  drillStop: "Stop the drill",
  drillNotStarted: "The clock has not started",
  drillElapsed: (m: number) => `Elapsed ${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`,
  drillStartedAt: (t: string) => `started ${t}`,
  drillStoppedAt: (t: string) => `stopped ${t}`,
  drillRunning: "running",
  drillProgress: (done: number, total: number, skipped: number) =>
    `${done} of ${total} steps done${skipped > 0 ? `, ${skipped} skipped` : ""}`,
  drillScore: "Score",
  drillScoreTotal: (t: string) => `${t} / 100`,
  drillPartCompletion: "Completion",
  drillPartOnTime: "On time",
  drillPartOrder: "Order",
  drillPartReview: "After-action",
  drillPartCount: (count: number, of: number) => ` (${count}/${of})`,
  drillScoreNote: "The after-action part uses the review sheet as last read; after filling it in, choose “Read the drill again”.",
  drillSteps: "Drill steps",
  drillStatusLabel: (no: number, text: string) => `Status of step ${no}: ${text}`,
  drillStarted: (t: string) => `started ${t}`,
  drillCompleted: (t: string) => `done ${t}`,
  drillMinutes: (m: number, target: number | null) => (target === null ? `${m} min (no limit)` : `${m} of ${target} min`),
  drillTarget: (t: number | null) => (t === null ? "no limit" : `target ${t} min`),
  drillLate: "late",
  drillNoStart: "no start time recorded",
  drillTyped: "typed",
  drillIssues: (n: number) => `Drill sheet issues (${n})`,
  drillLog: "Latest log",
  drillWarnings: "Entries in the sheet that could not be read",
  drillChanged: (no: number, status: string) => `Step ${no} is now ${statusWord(status, "en-US")}`,
  drillClockStarted: "The drill clock started.",
  drillClockStopped: "The drill clock stopped.",
  drillWriteFailed: (m: string) => `The drill record could not be written to the workbook: ${m}`,
  drillNoWatch: "Here, edits in the sheet are not recorded automatically: change statuses in this pane.",
  drillWatchHint: "Changing a status or a time in the sheet is recorded too (times stamped, a log row added).",
  drillAddinHint: "Running the analysis and writing the report and drafts complete their drill steps, with a log row.",

  ownText: "Check your own text",
  ownTextHint: "Paste or type a reply you mean to send; the compliance findings show as you type. The text is not written to the workbook.",
  ownTextPlaceholder: "For example: Dear Mr Wang, we understand how you feel...",
  ownTextLetter: "Check as a letter (must carry the standard risk warning)",
  ownTextEmpty: "The findings show once you type some text.",
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
