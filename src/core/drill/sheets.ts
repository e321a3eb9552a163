// The drill workbook as TableSheetModels: scenario, drill steps (with the score in the preamble),
// after-action review and log. The synthetic NAV and holdings sheets come from generateSample and
// are added by newDrillWorkbook (build.ts); the pane, which only refreshes the drill's own sheets,
// calls drillSheets directly.

import type { Locale } from "../i18n";
import type { CellValue, ColumnSpec, TableSheetModel } from "../workbook";
import { scoreDrill, type DrillScore } from "./score";
import {
  EVENT_LABEL, FACT, LOG_HEADERS, PHASE_LABEL, REVIEW_HEADERS, ROLE_HEADERS, ROLE_NAME, SHEETS, SOURCE_LABEL,
  STATUS_LABEL, STEP_HEADERS, TABLES,
} from "./text";
import type { DrillLogEntry, DrillState } from "./types";
import { PHASES, ROLE_KEYS, STATUSES, formatWall } from "./types";

export const TIME_FORMAT = "yyyy-mm-dd hh:mm";
/** Dropdowns reach this many rows below the steps, for steps a trainer adds by hand. */
const EXTRA_ROWS = 20;
/** Blank rows offered on the review sheet beyond the items already there. */
export const REVIEW_MIN_ROWS = 5;

function fact(label: keyof typeof FACT, locale: Locale, value: string): string {
  return `${FACT[label][locale]}${locale === "zh-CN" ? "：" : ": "}${value}`;
}

/** "得分：72.5 / 100（完成 30.0/40，按时 ...）": the line the drill tab shows. */
export function scoreLine(score: DrillScore, locale: Locale): string {
  const p = score.parts;
  const f = (x: number) => x.toFixed(1);
  return locale === "zh-CN"
    ? fact("score", locale, `${f(score.total)} / 100（完成 ${f(p.completion.points)}/40，按时 ${f(p.onTime.points)}/25，顺序 ${f(p.order.points)}/15，总结评估 ${f(p.review.points)}/20）`)
    : fact("score", locale, `${f(score.total)} / 100 (completion ${f(p.completion.points)}/40, on time ${f(p.onTime.points)}/25, order ${f(p.order.points)}/15, after-action ${f(p.review.points)}/20)`);
}

export function scenarioSheet(state: DrillState): TableSheetModel {
  const L = state.locale;
  const sc = state.scenario;
  return {
    name: SHEETS.scenario[L],
    preamble: [
      sc.title,
      ...sc.description,
      fact("start", L, formatWall(sc.start)),
      fact("team", L, sc.team),
      fact("preset", L, sc.preset),
    ],
    columns: [
      { header: ROLE_HEADERS.role[L], width: 26 },
      { header: ROLE_HEADERS.duty[L], width: 60 },
      { header: ROLE_HEADERS.player[L], width: 24 },
    ],
    rows: sc.roles.map((r) => [r.role, r.duty, r.player || null]),
    tableName: TABLES.roles,
  };
}

export function drillStepsSheet(state: DrillState, score: DrillScore = scoreDrill(state)): TableSheetModel {
  const L = state.locale;
  const H = STEP_HEADERS;
  const zh = L === "zh-CN";
  const columns: ColumnSpec[] = [
    { header: H.no[L], width: 7 },
    { header: H.phase[L], width: 12, list: PHASES.map((p) => PHASE_LABEL[p][L]), listExtraRows: EXTRA_ROWS },
    { header: H.text[L], width: 60 },
    // owners are the plan's departments, but a trainer may name a team or a person
    { header: H.owner[L], width: 22, list: ROLE_KEYS.map((k) => ROLE_NAME[k][L]), listAllowOther: true, listExtraRows: EXTRA_ROWS },
    { header: H.target[L], numFmt: "0", width: 12 },
    { header: H.status[L], width: 12, list: STATUSES.map((s) => STATUS_LABEL[s][L]), listExtraRows: EXTRA_ROWS },
    { header: H.startedAt[L], numFmt: TIME_FORMAT, width: 18 },
    { header: H.completedAt[L], numFmt: TIME_FORMAT, width: 18 },
    { header: H.note[L], width: 36 },
    { header: H.key[L], width: 16 },
  ];
  const rows: CellValue[][] = state.steps.map((s) => [
    s.no, s.phase ? PHASE_LABEL[s.phase][L] : null, s.text, s.owner || null, s.targetMinutes,
    STATUS_LABEL[s.status][L], s.startedAt, s.completedAt, s.note || null, s.key || null,
  ]);
  return {
    name: SHEETS.drill[L],
    preamble: [
      state.scenario.title,
      fact("start", L, formatWall(state.scenario.start)) + (zh ? "    " : "    ") + fact("steps", L, String(state.steps.length)),
      scoreLine(score, L),
      zh
        ? "说明：状态请用下拉选择；开始/完成时间由加载项自动记录，也可手工填写（手工填写的时间不会被覆盖）。得分在重新生成工作簿、在任务窗格中刷新或运行 lossdesk drill score 时重新计算。"
        : "How to: pick the status from the drop-down; the add-in records start and completion times, or type them (typed times are never overwritten). The score is recomputed when the workbook is regenerated, refreshed from the task pane, or scored with lossdesk drill score.",
    ],
    columns,
    rows,
    tableName: TABLES.steps,
    freezeHeader: true,
  };
}

export function reviewSheet(state: DrillState): TableSheetModel {
  const L = state.locale;
  const H = REVIEW_HEADERS;
  const rows: CellValue[][] = state.review.map((r, i) => [i + 1, r.problem || null, r.action || null, r.owner || null, r.due ?? (r.dueText || null)]);
  for (let i = rows.length; i < Math.max(REVIEW_MIN_ROWS, state.review.length + 2); i++) rows.push([i + 1, null, null, null, null]);
  return {
    name: SHEETS.review[L],
    preamble: [
      L === "zh-CN" ? "总结评估" : "After-action review",
      L === "zh-CN"
        ? "列出演练中发现的问题；每个问题填写整改措施、责任部门/责任人和完成期限。行数不够可在表格下方继续添加。"
        : "List the problems the drill found; give each one a corrective action, an owner and a due date. Add rows below the table if you need more.",
    ],
    columns: [
      { header: H.no[L], width: 7 },
      { header: H.problem[L], width: 50 },
      { header: H.action[L], width: 50 },
      { header: H.owner[L], width: 22, list: ROLE_KEYS.map((k) => ROLE_NAME[k][L]), listAllowOther: true, listExtraRows: EXTRA_ROWS },
      { header: H.due[L], numFmt: "yyyy-mm-dd", width: 14 },
    ],
    rows,
    tableName: TABLES.review,
  };
}

export function logRow(e: DrillLogEntry, locale: Locale): CellValue[] {
  const who = [SOURCE_LABEL[e.source][locale], e.by].filter((x) => x).join(" · ");
  return [
    e.at, who || null, EVENT_LABEL[e.event][locale], e.stepNo, e.stepText || null,
    e.from ? STATUS_LABEL[e.from][locale] : null, e.to ? STATUS_LABEL[e.to][locale] : null, e.note || null,
  ];
}

export function logSheet(state: DrillState): TableSheetModel {
  const L = state.locale;
  const H = LOG_HEADERS;
  return {
    name: SHEETS.log[L],
    preamble: [
      L === "zh-CN" ? "演练记录" : "Drill log",
      L === "zh-CN"
        ? "只追加、不修改：每次状态变更、时间修改、演练开始与结束都记一行。"
        : "Append only: every status change, time edit, and start and stop of the drill adds a row.",
    ],
    columns: [
      { header: H.at[L], numFmt: TIME_FORMAT, width: 18 },
      { header: H.who[L], width: 18 },
      { header: H.event[L], width: 14 },
      { header: H.no[L], width: 7 },
      { header: H.step[L], width: 50 },
      { header: H.from[L], width: 10 },
      { header: H.to[L], width: 10 },
      { header: H.note[L], width: 40 },
    ],
    rows: state.log.map((e) => logRow(e, L)),
    tableName: TABLES.log,
    freezeHeader: true,
  };
}

/** The drill's own sheets, in tab order: scenario, drill, after-action review, log. */
export function drillSheets(state: DrillState, opts: { expectedSteps?: number } = {}): TableSheetModel[] {
  return [scenarioSheet(state), drillStepsSheet(state, scoreDrill(state, opts)), reviewSheet(state), logSheet(state)];
}
