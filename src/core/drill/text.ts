// Every user-visible string of the drill, zh-CN and en-US. Kept here rather than in core/i18n.ts
// so the drill feature stays in its own files; the reader accepts both languages' labels whatever
// the locale, because trainees hand back workbooks in either.

import { fill, type Locale, type Text } from "../i18n";
import type { Activity, LogEvent, LogSource, Phase, RoleKey, StepStatus } from "./types";

export type { Text };

export const SHEETS = {
  scenario: { "zh-CN": "演练场景", "en-US": "Scenario" },
  drill: { "zh-CN": "演练", "en-US": "Drill" },
  review: { "zh-CN": "总结评估", "en-US": "After-action review" },
  log: { "zh-CN": "演练记录", "en-US": "Drill log" },
} as const satisfies Record<string, Text>;

/** Excel table names: the same in both locales, so the pane finds them whatever the language. */
export const TABLES = { roles: "DrillRoles", steps: "DrillSteps", review: "DrillReview", log: "DrillLog" } as const;

export const PHASE_LABEL: Record<Phase, Text> = {
  preparation: { "zh-CN": "准备", "en-US": "Preparation" },
  response: { "zh-CN": "应急响应", "en-US": "Response" },
  communication: { "zh-CN": "客户沟通", "en-US": "Communication" },
  "after-action": { "zh-CN": "总结评估", "en-US": "After-action" },
};

export const STATUS_LABEL: Record<StepStatus, Text> = {
  "not-started": { "zh-CN": "未开始", "en-US": "Not started" },
  "in-progress": { "zh-CN": "进行中", "en-US": "In progress" },
  done: { "zh-CN": "已完成", "en-US": "Done" },
  skipped: { "zh-CN": "跳过", "en-US": "Skipped" },
};

export const SOURCE_LABEL: Record<LogSource, Text> = {
  pane: { "zh-CN": "任务窗格", "en-US": "Task pane" },
  sheet: { "zh-CN": "工作表", "en-US": "Sheet" },
  addin: { "zh-CN": "加载项", "en-US": "Add-in" },
  cli: { "zh-CN": "命令行", "en-US": "Command line" },
  unknown: { "zh-CN": "", "en-US": "" },
};

export const EVENT_LABEL: Record<LogEvent, Text> = {
  status: { "zh-CN": "状态变更", "en-US": "Status change" },
  "clock-start": { "zh-CN": "演练开始", "en-US": "Drill started" },
  "clock-stop": { "zh-CN": "演练结束", "en-US": "Drill stopped" },
  activity: { "zh-CN": "自动完成", "en-US": "Completed by add-in" },
  "time-edit": { "zh-CN": "修改时间", "en-US": "Time edited" },
  generated: { "zh-CN": "生成工作簿", "en-US": "Workbook generated" },
};

export const ACTIVITY_LABEL: Record<Activity, Text> = {
  "analysis-run": { "zh-CN": "已运行亏损分析", "en-US": "loss analysis run" },
  "drafts-written": { "zh-CN": "已生成客户沟通话术", "en-US": "client drafts written" },
  "report-written": { "zh-CN": "已生成风险报告", "en-US": "risk report written" },
};

export const ROLE_NAME: Record<RoleKey, Text> = {
  leadership: { "zh-CN": "应急领导小组", "en-US": "Emergency leadership group" },
  service: { "zh-CN": "客户服务部", "en-US": "Customer service" },
  legal: { "zh-CN": "法务部", "en-US": "Legal" },
  finance: { "zh-CN": "财务部", "en-US": "Finance" },
  risk: { "zh-CN": "风险管理部", "en-US": "Risk management" },
  pr: { "zh-CN": "媒体公关部", "en-US": "Public relations" },
};

export const ROLE_DUTY: Record<RoleKey, Text> = {
  leadership: { "zh-CN": "启动应急响应，统筹协调，作出决策", "en-US": "Starts the response, coordinates, decides" },
  service: { "zh-CN": "联系客户，安抚情绪，登记投诉，逐级上报", "en-US": "Contacts clients, calms them, records complaints, escalates" },
  legal: { "zh-CN": "法律评估与应对策略，诉讼支持", "en-US": "Legal assessment and strategy, litigation support" },
  finance: { "zh-CN": "分析净值下跌原因与严重程度，协助客户资产问题", "en-US": "Analyses the cause and severity of the fall; helps clients with asset questions" },
  risk: { "zh-CN": "制定处置措施（调整策略与结构、降低风险），风险预警", "en-US": "Decides disposal measures (adjust strategy and structure, lower risk); early warning" },
  pr: { "zh-CN": "对外声明，媒体沟通，舆情监测", "en-US": "Public statements, media contact, watching public opinion" },
};

/** Column headers. Each key lists the shown header first, then other spellings the reader accepts. */
export const STEP_HEADERS = {
  no: { "zh-CN": "序号", "en-US": "No." },
  phase: { "zh-CN": "阶段", "en-US": "Phase" },
  text: { "zh-CN": "步骤", "en-US": "Step" },
  owner: { "zh-CN": "责任部门", "en-US": "Owner" },
  target: { "zh-CN": "目标用时(分钟)", "en-US": "Target (minutes)" },
  status: { "zh-CN": "状态", "en-US": "Status" },
  startedAt: { "zh-CN": "开始时间", "en-US": "Started at" },
  completedAt: { "zh-CN": "完成时间", "en-US": "Completed at" },
  note: { "zh-CN": "证据/备注", "en-US": "Evidence / notes" },
  key: { "zh-CN": "步骤代码", "en-US": "Step key" },
} as const satisfies Record<string, Text>;
export type StepColumn = keyof typeof STEP_HEADERS;

export const REVIEW_HEADERS = {
  no: { "zh-CN": "序号", "en-US": "No." },
  problem: { "zh-CN": "发现的问题", "en-US": "Problem found" },
  action: { "zh-CN": "整改措施", "en-US": "Corrective action" },
  owner: { "zh-CN": "责任部门/责任人", "en-US": "Owner" },
  due: { "zh-CN": "完成期限", "en-US": "Due date" },
} as const satisfies Record<string, Text>;
export type ReviewColumn = keyof typeof REVIEW_HEADERS;

export const LOG_HEADERS = {
  at: { "zh-CN": "时间", "en-US": "Time" },
  who: { "zh-CN": "来源/人员", "en-US": "Who / what" },
  event: { "zh-CN": "事件", "en-US": "Event" },
  no: { "zh-CN": "序号", "en-US": "No." },
  step: { "zh-CN": "步骤", "en-US": "Step" },
  from: { "zh-CN": "原状态", "en-US": "From" },
  to: { "zh-CN": "新状态", "en-US": "To" },
  note: { "zh-CN": "备注", "en-US": "Note" },
} as const satisfies Record<string, Text>;
export type LogColumn = keyof typeof LOG_HEADERS;

export const ROLE_HEADERS = {
  role: { "zh-CN": "角色", "en-US": "Role" },
  duty: { "zh-CN": "职责", "en-US": "Duty" },
  player: { "zh-CN": "演练人员", "en-US": "Played by" },
} as const satisfies Record<string, Text>;
export type RoleColumn = keyof typeof ROLE_HEADERS;

/** Labels of the "label：value" lines of the preambles, read back by the reader. */
export const FACT = {
  start: { "zh-CN": "演练开始时间", "en-US": "Drill starts" },
  team: { "zh-CN": "参演团队", "en-US": "Team" },
  preset: { "zh-CN": "情景代码", "en-US": "Scenario code" },
  steps: { "zh-CN": "步骤数", "en-US": "Steps" },
  score: { "zh-CN": "得分", "en-US": "Score" },
} as const satisfies Record<string, Text>;

/**
 * Other labels the reader accepts for a fact: a live event's checklist (core/event/checklist.ts)
 * is the drill's workbook under the event's words, its start being when the event was discovered.
 */
export const FACT_ALIASES: Partial<Record<keyof typeof FACT, string[]>> = {
  start: ["事件发现时间", "Event discovered"],
};

/** Message templates; {a} {b} {c} are filled in order by msg(). */
export const MESSAGES = {
  "no-steps-table": {
    "zh-CN": "找不到演练步骤表（表格 DrillSteps，或“演练”工作表上含“序号、步骤、状态”的表头）",
    "en-US": "no drill steps table (Excel table DrillSteps, or a Drill sheet with No., Step and Status headers)",
  },
  "missing-column": { "zh-CN": "演练步骤表缺少“{a}”列", "en-US": "the drill steps table has no \"{a}\" column" },
  "steps-table-by-header": {
    "zh-CN": "未找到表格 DrillSteps，按表头在工作表“{a}”上找到步骤表",
    "en-US": "no Excel table DrillSteps; found the steps by their headers on sheet \"{a}\"",
  },
  "bad-status": { "zh-CN": "状态无法识别：“{a}”，按未开始处理", "en-US": "status not recognised: \"{a}\"; counted as Not started" },
  "bad-time": { "zh-CN": "{a}不是时间：“{b}”，按空白处理", "en-US": "{a} is not a time: \"{b}\"; treated as blank" },
  "bad-target": { "zh-CN": "目标用时不是分钟数：“{a}”，该步骤不限时", "en-US": "target is not a number of minutes: \"{a}\"; the step has no time limit" },
  "bad-phase": { "zh-CN": "阶段无法识别：“{a}”", "en-US": "phase not recognised: \"{a}\"" },
  "bad-no": { "zh-CN": "序号不是正整数：“{a}”", "en-US": "step number is not a whole number: \"{a}\"" },
  "duplicate-no": { "zh-CN": "序号 {a} 重复", "en-US": "step number {a} appears twice" },
  "missing-steps": {
    "zh-CN": "演练步骤表应有 {a} 个步骤，现只有 {b} 个（缺少序号 {c}），缺少的步骤按未完成计分",
    "en-US": "the drill steps table should hold {a} steps but holds {b} (missing No. {c}); missing steps count as not done",
  },
  "completed-before-start": {
    "zh-CN": "完成时间早于开始时间，该步骤不计为按时",
    "en-US": "completed before it started; the step does not count as on time",
  },
  "done-without-times": {
    "zh-CN": "已完成但缺少{a}，该步骤不计为按时",
    "en-US": "done but {a} is blank; the step does not count as on time",
  },
  "no-review-sheet": {
    "zh-CN": "找不到总结评估表（表格 DrillReview 或“总结评估”工作表），总结评估得 0 分",
    "en-US": "no after-action review table (Excel table DrillReview or an After-action review sheet); that part scores 0",
  },
  "bad-due": { "zh-CN": "完成期限不是日期：“{a}”", "en-US": "due date is not a date: \"{a}\"" },
  "no-log-sheet": {
    "zh-CN": "找不到演练记录表（表格 DrillLog 或“演练记录”工作表），手工时间无法与自动记录区分",
    "en-US": "no drill log (Excel table DrillLog or a Drill log sheet); typed times cannot be told from recorded ones",
  },
  "bad-log-time": { "zh-CN": "演练记录的时间无法识别：“{a}”，该条已忽略", "en-US": "log time not recognised: \"{a}\"; entry ignored" },
  "no-scenario-sheet": {
    "zh-CN": "找不到演练场景表（“演练场景”工作表），团队名与开始时间未知",
    "en-US": "no scenario sheet (Scenario); team and start time unknown",
  },
  "step-not-found": { "zh-CN": "没有序号为 {a} 的步骤", "en-US": "no step numbered {a}" },
  "no-start-recorded": { "zh-CN": "未记录开始时间", "en-US": "no start time recorded" },
  "kept-typed-time": { "zh-CN": "保留手工填写的{a}", "en-US": "kept the typed {a}" },
} as const satisfies Record<string, Text>;
export type MessageCode = keyof typeof MESSAGES;

export function msg(code: MessageCode, locale: Locale, ...args: (string | number)[]): string {
  const [a = "", b = "", c = ""] = args;
  return fill(MESSAGES[code][locale], { a, b, c });
}

/** Header text for matching: NFKC, no spaces or brackets, lower case ("目标用时（分钟）" = "目标用时(分钟)"). */
export function normHeader(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(/[\s()（）[\]【】/._:：-]/g, "");
}

/** Every spelling of a label in either locale, normalised, mapped to its key. */
export function labelIndex<K extends string>(labels: Record<K, Text>, extra: Partial<Record<K, string[]>> = {}): Map<string, K> {
  const m = new Map<string, K>();
  for (const k of Object.keys(labels) as K[]) {
    for (const s of [labels[k]["zh-CN"], labels[k]["en-US"], k, ...(extra[k] ?? [])]) if (s) m.set(normHeader(s), k);
  }
  return m;
}
