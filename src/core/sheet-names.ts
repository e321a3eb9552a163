// The names of the sheets the analysis writes, in both languages: the one source that the sheet
// builders (analysis, report, drafts) name their sheets from and that analysis.ts's
// GENERATED_SHEETS (never read back as input) is made of. The live event names its sheets in
// event/text.ts (EVENT_SHEETS) and the drill in drill/text.ts (SHEETS), beside their other strings.

import type { Text } from "./i18n";

export const OUTPUT_SHEETS = {
  clientLosses: { "zh-CN": "亏损明细", "en-US": "Client losses" },
  report: { "zh-CN": "风险评估报告", "en-US": "Risk assessment report" },
  reportData: { "zh-CN": "报告数据", "en-US": "Report data" },
  drafts: { "zh-CN": "沟通草稿", "en-US": "Drafts" },
  templates: { "zh-CN": "话术模板", "en-US": "Templates" },
} as const satisfies Record<string, Text>;

/** The sheets drafting writes: never input tables (the drafts sheet has a 客户编号 column). */
export const DRAFT_SHEET_NAMES: string[] = [
  OUTPUT_SHEETS.drafts["zh-CN"], OUTPUT_SHEETS.drafts["en-US"], OUTPUT_SHEETS.templates["zh-CN"], OUTPUT_SHEETS.templates["en-US"],
];
