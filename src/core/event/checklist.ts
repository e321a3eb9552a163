// The live event's response checklist and log: the drill's engine (core/drill/) under the live
// event's words. The state is a DrillState, the sheets are the drill's sheets renamed (应急事件,
// 应急响应, 事件复盘, 事件记录) with the same Excel table names (DrillSteps, DrillLog, ...), so
// everything the drill does works on a live event unchanged: status drop-downs, time stamps, the
// append-only log, the task pane's Drill step (it finds the steps by table name), and the add-in's
// own work completing steps (analysis -> "analyse", drafts -> "drafts", report -> "report-written").
// A drill of the nav-fall preset is therefore a rehearsal of exactly these steps' engine; the step
// keys the add-in completes are the same in both.
//
// The steps follow the response plan (domain brief): convene the leadership group, notify customer
// service, the incident report by phone and in writing (deadlines from the bank's region: see
// ReportingDeadlines), finance analysis, legal assessment, disposal, client contact by tier,
// complaints, media, follow-up and final reports, and the after-action review.

import type { Locale } from "../i18n";
import { ROLE_NAME, STATUS_LABEL } from "../drill/text";
import { drillSheets } from "../drill/sheets";
import { stepForActivity } from "../drill/logic";
import { readDrillWorkbook, type DrillRead } from "../drill/read";
import { defaultRoles } from "../drill/presets";
import type { Activity, DrillLogEntry, DrillState, DrillStep, Phase, RoleKey } from "../drill/types";
import { formatWall, toMinute } from "../drill/types";
import type { TableSheetModel, WorkbookSnapshot } from "../workbook";
import { EVENT_SHEETS, norm, type Text } from "./text";

/** The incident-report deadlines (突发事件信息报告) of the bank's region, in minutes from discovery. */
export interface ReportingDeadlines {
  oralMinutes: number;
  writtenMinutes: number;
}
/** Some regions: phone within 30 minutes, written within 1 hour. The stricter one is the default. */
export const STRICT_DEADLINES: ReportingDeadlines = { oralMinutes: 30, writtenMinutes: 60 };
/** Other regions: oral within 2 hours, written within 24 hours. */
export const STANDARD_DEADLINES: ReportingDeadlines = { oralMinutes: 120, writtenMinutes: 1440 };
export const DEFAULT_DEADLINES = STRICT_DEADLINES;

/** "30m/1h", "2h/24h", "30/60" (minutes): oral / written. Undefined when unreadable. */
export function parseReportingDeadlines(s: string): ReportingDeadlines | undefined {
  const part = (p: string) => {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(m|min|h|hours?)?\s*$/i.exec(p);
    if (!m) return undefined;
    const n = +m[1] * (m[2] && /^h/i.test(m[2]) ? 60 : 1);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const [a, b, extra] = s.split("/");
  if (extra !== undefined || b === undefined) return undefined;
  const oral = part(a), written = part(b);
  return oral && written && oral <= written ? { oralMinutes: oral, writtenMinutes: written } : undefined;
}

/** "30 分钟" / "1 小时" / "24 小时"; "30 minutes" / "1 hour". */
export function minutesPhrase(min: number, locale: Locale): string {
  if (min % 60 === 0) {
    const h = min / 60;
    return locale === "zh-CN" ? `${h} 小时` : `${h} hour${h === 1 ? "" : "s"}`;
  }
  return locale === "zh-CN" ? `${min} 分钟` : `${min} minutes`;
}

interface LiveStepDef {
  key: string;
  phase: Phase;
  owner: RoleKey;
  minutes: number | ((d: ReportingDeadlines) => number);
  text: (d: ReportingDeadlines) => Text;
}

const fixed = (zh: string, en: string) => () => ({ "zh-CN": zh, "en-US": en });

const LIVE_STEPS: LiveStepDef[] = [
  { key: "activate", phase: "response", owner: "leadership", minutes: 30,
    text: fixed("接报产品净值下跌信息，启动应急响应机制，召集应急领导小组召开紧急会议",
      "NAV-fall information received: start the response mechanism, convene the emergency leadership group") },
  { key: "notify-service", phase: "response", owner: "leadership", minutes: 30,
    text: fixed("通知客户服务部及各网点：统一接待口径，逐件登记投诉（投诉登记表）",
      "Notify customer service and the branches: one way of receiving clients, every complaint recorded (Complaints sheet)") },
  { key: "report-phone", phase: "response", owner: "leadership", minutes: (d) => d.oralMinutes,
    text: (d) => ({
      "zh-CN": `自发现起 ${minutesPhrase(d.oralMinutes, "zh-CN")}内，电话（口头）报告上级行与监管部门`,
      "en-US": `Within ${minutesPhrase(d.oralMinutes, "en-US")} of discovery, report by phone to head office and the regulator`,
    }) },
  { key: "analyse", phase: "response", owner: "finance", minutes: 60,
    text: fixed("财务部分析净值下跌原因与严重程度：运行亏损分析，统计受影响客户、亏损金额与风险分级",
      "Finance analyses why the NAV fell and how severe it is: run the loss analysis (clients affected, losses, risk tiers)") },
  { key: "report-written", phase: "response", owner: "leadership", minutes: (d) => d.writtenMinutes,
    text: (d) => ({
      "zh-CN": `自发现起 ${minutesPhrase(d.writtenMinutes, "zh-CN")}内，报送书面报告（监管报告·初报）`,
      "en-US": `Within ${minutesPhrase(d.writtenMinutes, "en-US")} of discovery, send the written report (Regulator report, first report)`,
    }) },
  { key: "legal-assess", phase: "response", owner: "legal", minutes: 120,
    text: fixed("法务部法律评估：销售适当性、合同条款、诉讼风险与应对策略",
      "Legal assessment: suitability of the sales, contract terms, litigation risk and strategy") },
  { key: "dispose", phase: "response", owner: "risk", minutes: 120,
    text: fixed("风险管理部确定处置措施：调整投资策略与结构，降低风险，加强预警",
      "Risk management decides disposal measures: adjust strategy and structure, lower risk, early warning") },
  { key: "drafts", phase: "communication", owner: "service", minutes: 60,
    text: fixed("生成并审核客户沟通话术：不承诺保本、保收益或赔偿",
      "Write and review the client drafts: no promise of principal, returns or compensation") },
  { key: "contact", phase: "communication", owner: "service", minutes: 1440,
    text: fixed("按风险分级联系客户：高风险优先，65 岁及以上与适当性不匹配客户重点关注，记录联系结果",
      "Contact clients by risk tier: high first; special care for clients aged 65+ and suitability mismatches; record each outcome") },
  { key: "complaints", phase: "communication", owner: "service", minutes: 60,
    text: fixed("登记每一件投诉，按 15 日时限答复（有延期原因 30 日，经批准最长 60 日）",
      "Record every complaint and answer within 15 days (30 with an extension reason, at most 60 with approval)") },
  { key: "media", phase: "communication", owner: "pr", minutes: 120,
    text: fixed("媒体公关部审定并发布媒体口径，记录舆情与回应（舆情记录表）",
      "PR approves and issues the holding statement; records media coverage and responses (Media log)") },
  { key: "reassess", phase: "response", owner: "risk", minutes: 1440,
    text: fixed("定期重新评估风险，调整处置措施，按要求报送续报",
      "Reassess periodically, adjust the measures, send update reports as required") },
  { key: "regulator-final", phase: "after-action", owner: "leadership", minutes: 1440,
    text: fixed("事件处置结束后报送终报", "Send the final report once the event is over") },
  { key: "review", phase: "after-action", owner: "leadership", minutes: 120,
    text: fixed("总结复盘：从市场风险、选择风险、行为因素、风险管理缺失四方面分析原因",
      "Review: analyse the causes (market risk, selection risk, behaviour, missing risk management)") },
  { key: "actions", phase: "after-action", owner: "risk", minutes: 120,
    text: fixed("提出整改措施，明确责任人与完成期限，填写“事件复盘”表",
      "Propose corrective actions with owners and due dates; fill in the Event review sheet") },
  { key: "revise-plan", phase: "after-action", owner: "risk", minutes: 1440,
    text: fixed("修订应急预案并组织培训", "Revise the response plan and train staff") },
];

export function liveSteps(locale: Locale, deadlines: ReportingDeadlines = DEFAULT_DEADLINES): DrillStep[] {
  return LIVE_STEPS.map((d, i) => ({
    no: i + 1, key: d.key, phase: d.phase, text: d.text(deadlines)[locale], owner: ROLE_NAME[d.owner][locale],
    targetMinutes: typeof d.minutes === "number" ? d.minutes : d.minutes(deadlines),
    status: "not-started", startedAt: null, completedAt: null, startedManual: false, completedManual: false, note: "",
  }));
}

export const LIVE_PRESET_CODE = "live-event";

export interface NewLiveEventOptions {
  locale: Locale;
  /** When the workbook is made (wall clock): the first log line. */
  now: Date;
  /** When the event was discovered (wall clock); default `now`. The report deadlines run from it. */
  discoveredAt?: Date;
  title?: string;
  description?: string[];
  deadlines?: ReportingDeadlines;
}

export function newLiveEvent(o: NewLiveEventOptions): DrillState {
  const L = o.locale;
  const start = toMinute(o.discoveredAt ?? o.now);
  const steps = liveSteps(L, o.deadlines);
  const generated: DrillLogEntry = {
    at: toMinute(o.now), source: "cli", by: "", event: "generated", stepNo: null, stepText: "", from: null, to: null,
    note: `${LIVE_PRESET_CODE} · ${steps.length}`,
  };
  return {
    locale: L,
    scenario: {
      preset: "custom",
      title: o.title ?? (L === "zh-CN" ? "应急事件：理财产品净值下跌" : "Live event: a product's NAV fell"),
      description: o.description ?? [L === "zh-CN"
        ? "请在此简述事件：哪只产品、何时发现、净值变动、已知的客户反应。"
        : "Describe the event here: which product, when it was found, the NAV move, what clients have said so far."],
      start, team: "", roles: defaultRoles(L),
    },
    steps, review: [], log: [generated], clock: { startedAt: start, stoppedAt: null },
  };
}

const FACT_DISCOVERED: Text = { "zh-CN": "事件发现时间", "en-US": "Event discovered" };

/**
 * The live event's sheets: the drill's four sheets, renamed, with preambles in the event's words
 * (no drill score). The header rows, table names and fact labels the reader needs are unchanged.
 */
export function liveEventSheets(state: DrillState, deadlines: ReportingDeadlines = DEFAULT_DEADLINES): TableSheetModel[] {
  const L = state.locale;
  const zh = L === "zh-CN";
  const [scenario, steps, review, log] = drillSheets(state);
  const fact = (t: Text, v: string) => `${t[L]}${zh ? "：" : ": "}${v}`;
  const discovered = fact(FACT_DISCOVERED, formatWall(state.scenario.start));
  const oral = new Date(state.scenario.start.getTime() + deadlines.oralMinutes * 60_000);
  const written = new Date(state.scenario.start.getTime() + deadlines.writtenMinutes * 60_000);
  const deadlineLine = zh
    ? `报告时限：口头报告 ${formatWall(oral)} 前（${minutesPhrase(deadlines.oralMinutes, L)}），书面报告 ${formatWall(written)} 前（${minutesPhrase(deadlines.writtenMinutes, L)}）`
    : `Report deadlines: oral by ${formatWall(oral)} (${minutesPhrase(deadlines.oralMinutes, L)}), written by ${formatWall(written)} (${minutesPhrase(deadlines.writtenMinutes, L)})`;
  scenario.name = EVENT_SHEETS.event[L];
  scenario.preamble = [state.scenario.title, ...state.scenario.description, discovered, deadlineLine, fact({ "zh-CN": "情景代码", "en-US": "Scenario code" }, LIVE_PRESET_CODE)];
  steps.name = EVENT_SHEETS.steps[L];
  steps.preamble = [
    state.scenario.title,
    `${discovered}    ${fact({ "zh-CN": "步骤数", "en-US": "Steps" }, String(state.steps.length))}`,
    deadlineLine,
    zh
      ? `说明：状态请用下拉选择（${Object.values(STATUS_LABEL).map((s) => s[L]).join("/")}）；开始/完成时间由加载项记录，也可手工填写（不会被覆盖）。LossDesk 完成分析、话术和报告时自动完成对应步骤并记入事件记录。`
      : `How to: pick the status from the drop-down (${Object.values(STATUS_LABEL).map((s) => s[L]).join("/")}); the add-in records start and completion times, or type them (never overwritten). When LossDesk runs the analysis or writes the drafts and reports, their steps are completed and logged.`,
  ];
  review.name = EVENT_SHEETS.review[L];
  review.preamble = [
    zh ? "事件复盘" : "Event review",
    zh ? "列出处置中发现的问题；每个问题填写整改措施、责任部门/责任人和完成期限。" : "List the problems the response found; give each one a corrective action, an owner and a due date.",
  ];
  log.name = EVENT_SHEETS.log[L];
  log.preamble = [
    zh ? "事件记录" : "Event log",
    zh ? "只追加、不修改：每次状态变更、时间修改和 LossDesk 完成的工作都记一行。" : "Append only: every status change, time edit and piece of work LossDesk completed adds a row.",
  ];
  return [scenario, steps, review, log];
}

/** The live event of a workbook (its checklist found on the event's sheets), or undefined. */
export function readLiveEvent(wb: WorkbookSnapshot, locale: Locale): DrillRead | undefined {
  const names = new Set([EVENT_SHEETS.steps["zh-CN"], EVENT_SHEETS.steps["en-US"]].map(norm));
  if (!wb.sheets.some((s) => names.has(norm(s.name)))) return undefined;
  const read = readDrillWorkbook(wb, locale);
  if (!read.state || !read.found.steps || !names.has(norm(read.found.steps.sheet))) return undefined;
  return read;
}

/**
 * LossDesk did `activities` (the CLI's analyze --out: analysis, drafts, report): their steps go to
 * Done at `now` with a log line each, exactly as in a drill (stepForActivity). Returns the sheets
 * to rewrite (steps and log, under their names in the workbook), or none when nothing changed.
 */
export function completeActivities(
  read: DrillRead, activities: readonly Activity[], now: Date, deadlines: ReportingDeadlines = DEFAULT_DEADLINES,
): { state: DrillState; sheets: TableSheetModel[]; completed: number[] } {
  let state = read.state!;
  const completed: number[] = [];
  for (const a of activities) {
    const r = stepForActivity(state, a, now, "addin");
    if (r.stepNo !== undefined && r.step) completed.push(r.stepNo);
    state = r.state;
  }
  if (completed.length === 0) return { state, sheets: [], completed };
  const [, steps, , log] = liveEventSheets(state, deadlines);
  steps.name = read.found.steps?.sheet ?? steps.name;
  log.name = read.found.log?.sheet ?? log.name;
  return { state, sheets: [steps, log], completed };
}
