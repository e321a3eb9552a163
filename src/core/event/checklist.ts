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
import { beginActivity, stepForActivity } from "../drill/logic";
import { readDrillWorkbook, type DrillRead } from "../drill/read";
import { defaultRoles, liveEventStepDefs, minutesPhrase, type StepRules } from "../drill/presets";
import type { Activity, DrillLogEntry, DrillState, DrillStep } from "../drill/types";
import { formatWall, toMinute } from "../drill/types";
import type { TableSheetModel, WorkbookSnapshot } from "../workbook";
import { EVENT_SHEETS, isLiveEventSteps, type Text } from "./text";

export { minutesPhrase };

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

/** The live event's steps (the drill preset "live-event" without its two preparation steps). */
export function liveSteps(locale: Locale, deadlines: ReportingDeadlines = DEFAULT_DEADLINES, rules?: StepRules): DrillStep[] {
  return liveEventStepDefs(deadlines, rules).map((d, i) => ({
    no: i + 1, key: d.key, phase: d.phase, text: d.text[locale], owner: ROLE_NAME[d.owner][locale], targetMinutes: d.minutes,
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
  /** The elderly age and complaint clock the steps name; default the settings' defaults. */
  rules?: StepRules;
}

export function newLiveEvent(o: NewLiveEventOptions): DrillState {
  const L = o.locale;
  const start = toMinute(o.discoveredAt ?? o.now);
  const steps = liveSteps(L, o.deadlines, o.rules);
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
  if (!wb.sheets.some((s) => isLiveEventSteps(s.name))) return undefined;
  const read = readDrillWorkbook(wb, locale);
  if (!read.state || !read.found.steps || !isLiveEventSteps(read.found.steps.sheet)) return undefined;
  return read;
}

/**
 * LossDesk did `activities` (the CLI's analyze --out: analysis, drafts, report): their steps go to
 * Done at `now` with a log line each, exactly as in a drill (stepForActivity); the `started` ones go
 * to In progress. Returns the sheets to rewrite (steps and log, under their names in the
 * workbook), or none when nothing changed.
 */
export function completeActivities(
  read: DrillRead, activities: readonly Activity[], now: Date, deadlines: ReportingDeadlines = DEFAULT_DEADLINES,
  started: readonly Activity[] = [],
): { state: DrillState; sheets: TableSheetModel[]; completed: number[] } {
  let state = read.state!;
  const completed: number[] = [];
  for (const a of activities) {
    const r = stepForActivity(state, a, now, "addin");
    if (r.stepNo !== undefined && r.step) completed.push(r.stepNo);
    state = r.state;
  }
  // begun, not done (a report written but not yet approved): In progress, if not yet started
  for (const a of started) {
    const r = beginActivity(state, a, now, "addin");
    if (r.stepNo !== undefined && r.step) completed.push(r.stepNo);
    state = r.state;
  }
  if (completed.length === 0) return { state, sheets: [], completed };
  const [, steps, , log] = liveEventSheets(state, deadlines);
  steps.name = read.found.steps?.sheet ?? steps.name;
  log.name = read.found.log?.sheet ?? log.name;
  return { state, sheets: [steps, log], completed };
}
