// What happens while a drill runs: status changes with their time stamps, typed time edits, the
// drill clock, and the add-in's own work completing steps. Every function is pure: it returns a
// new DrillState plus what changed (the cells to write and the log rows to append), so the pane can
// write exactly those cells and React can compare states by reference.
//
// Time-stamping rules (docs/drills.md):
// - to In progress: started-at := now, unless a start is already there.
// - to Done or Skipped: completed-at := now, unless a typed completion is there; an automatic one
//   (e.g. from an earlier Skipped) is replaced. A step that goes to Done without a start keeps a
//   blank start: we do not invent a zero-minute step that would always be "on time"; the log says
//   so and the trainer may type the start.
// - back to Not started: automatic stamps are cleared; typed ones stay.
// - back to In progress from Done/Skipped: an automatic completed-at is cleared, a typed one stays.
// Typed times (startedManual / completedManual) are never overwritten or cleared.

import type { Locale } from "../i18n";
import { ACTIVITY_STEPS, defaultTextsByKey } from "./presets";
import { ACTIVITY_LABEL, EVENT_LABEL, PHASE_LABEL, STATUS_LABEL, STEP_HEADERS, labelIndex, msg, normHeader } from "./text";
import type {
  Activity, ChangeSource, DrillLogEntry, DrillState, DrillStep, LogEvent, Phase, StepStatus,
} from "./types";
import { formatWall, toMinute } from "./types";

export class DrillError extends Error {}

const STATUS_INDEX = labelIndex(STATUS_LABEL, {
  "not-started": ["未开始", "待开始", "todo", "notstarted", "未"],
  "in-progress": ["进行中", "处理中", "doing", "inprogress", "started", "ongoing"],
  done: ["已完成", "完成", "done", "complete", "completed", "finished", "ok", "✓", "√"],
  skipped: ["跳过", "已跳过", "skip", "skipped", "na", "n/a", "不适用"],
});

/** A status cell's text in either language (blank = Not started); undefined when unrecognised. */
export function parseStatus(text: string): StepStatus | undefined {
  const s = normHeader(text);
  if (s === "") return "not-started";
  return STATUS_INDEX.get(s) ?? STATUS_INDEX.get(text.trim().toLowerCase());
}

const PHASE_INDEX = labelIndex(PHASE_LABEL, {
  preparation: ["准备阶段", "prep"],
  response: ["响应", "应急响应阶段", "响应阶段"],
  communication: ["沟通", "客户沟通阶段", "沟通阶段", "comms"],
  "after-action": ["总结", "总结评估阶段", "事后", "afteraction", "review", "afteractionreview"],
});

export function parsePhase(text: string): Phase | undefined {
  return PHASE_INDEX.get(normHeader(text));
}

export function statusLabel(s: StepStatus, locale: Locale): string {
  return STATUS_LABEL[s][locale];
}

export interface ChangeOptions {
  /** Person's name for the log (optional). */
  by?: string;
  /** Extra note for the log line. */
  note?: string;
}

export interface StepChange {
  state: DrillState;
  /** The step after the change (undefined when nothing changed because the status was the same). */
  step: DrillStep | undefined;
  /** The time cells whose value changed: write these (null = clear the cell). */
  writes: { startedAt?: Date | null; completedAt?: Date | null };
  /** Rows to append to the log. */
  log: DrillLogEntry[];
}

function findStep(state: DrillState, stepNo: number): number {
  const i = state.steps.findIndex((s) => s.no === stepNo);
  if (i < 0) throw new DrillError(msg("step-not-found", state.locale, stepNo));
  return i;
}

function entry(
  state: DrillState, at: Date, source: DrillLogEntry["source"], event: LogEvent, step: DrillStep | null,
  from: StepStatus | null, to: StepStatus | null, note: string, by = "",
): DrillLogEntry {
  return { at, source, by, event, stepNo: step?.no ?? null, stepText: step?.text ?? "", from, to, note };
}

function withStep(state: DrillState, i: number, step: DrillStep, log: DrillLogEntry[]): DrillState {
  const steps = state.steps.slice();
  steps[i] = step;
  return { ...state, steps, log: [...state.log, ...log] };
}

/**
 * Moves step `stepNo` to `newStatus` at `now` (wall clock; kept to the minute) and stamps its
 * times by the rules at the top of this file. Setting the status a step already has changes nothing
 * and logs nothing. Throws DrillError for an unknown step number.
 */
export function applyStatusChange(
  state: DrillState, stepNo: number, newStatus: StepStatus, now: Date, source: ChangeSource, opts: ChangeOptions = {},
): StepChange {
  const i = findStep(state, stepNo);
  const old = state.steps[i];
  if (old.status === newStatus) return { state, step: undefined, writes: {}, log: [] };
  const at = toMinute(now);
  const s: DrillStep = { ...old, status: newStatus };
  const writes: StepChange["writes"] = {};
  const notes: string[] = [];
  const L = state.locale;
  const setStart = (v: Date | null) => { s.startedAt = v; s.startedManual = false; writes.startedAt = v; };
  const setDone = (v: Date | null) => { s.completedAt = v; s.completedManual = false; writes.completedAt = v; };

  switch (newStatus) {
    case "in-progress":
      if (!s.startedAt) setStart(at);
      if (s.completedAt && !s.completedManual) setDone(null); // reopened: the old stamp is void
      break;
    case "done":
    case "skipped":
      if (!s.completedManual) setDone(at);
      else notes.push(msg("kept-typed-time", L, STEP_HEADERS.completedAt[L]));
      if (newStatus === "done" && !s.startedAt) notes.push(msg("no-start-recorded", L));
      break;
    case "not-started":
      if (s.startedAt && !s.startedManual) setStart(null);
      if (s.completedAt && !s.completedManual) setDone(null);
      if (s.startedManual || s.completedManual) notes.push(msg("kept-typed-time", L, L === "zh-CN" ? "时间" : "times"));
      break;
  }
  if (opts.note) notes.unshift(opts.note);
  const log = [entry(state, at, source, "status", s, old.status, newStatus, notes.join(L === "zh-CN" ? "；" : "; "), opts.by)];
  return { state: withStep(state, i, s, log), step: s, writes, log };
}

/**
 * A person typed (or cleared) a time cell. The value is kept as typed and marked manual, so later
 * status changes leave it alone; clearing it (null) hands the cell back to automatic stamping.
 */
export function applyTimeEdit(
  state: DrillState, stepNo: number, field: "startedAt" | "completedAt", value: Date | null, now: Date,
  source: ChangeSource, opts: ChangeOptions = {},
): StepChange {
  const i = findStep(state, stepNo);
  const old = state.steps[i];
  const s: DrillStep = { ...old };
  const manual = value !== null;
  if (field === "startedAt") { s.startedAt = value; s.startedManual = manual; } else { s.completedAt = value; s.completedManual = manual; }
  const L = state.locale;
  const label = STEP_HEADERS[field][L];
  const show = (d: Date | null) => (d ? formatWall(d) : L === "zh-CN" ? "空白" : "blank");
  const note = `${label}: ${show(old[field])} → ${show(value)}${opts.note ? ` (${opts.note})` : ""}`;
  const log = [entry(state, toMinute(now), source, "time-edit", s, null, null, note, opts.by)];
  return { state: withStep(state, i, s, log), step: s, writes: {}, log };
}

// ---- the drill clock ----

export interface ClockChange {
  state: DrillState;
  log: DrillLogEntry[];
}

/**
 * Starts the clock (or resumes it after a stop: elapsed time then still counts from the first
 * start, which is how a drill's total duration is judged). A second start while running is a no-op.
 */
export function startClock(state: DrillState, now: Date, source: ChangeSource = "pane", by = ""): ClockChange {
  if (state.clock.startedAt && !state.clock.stoppedAt) return { state, log: [] };
  const at = toMinute(now);
  const log = [entry(state, at, source, "clock-start", null, null, null, "", by)];
  const clock = { startedAt: state.clock.startedAt ?? at, stoppedAt: null };
  return { state: { ...state, clock, log: [...state.log, ...log] }, log };
}

export function stopClock(state: DrillState, now: Date, source: ChangeSource = "pane", by = ""): ClockChange {
  if (!state.clock.startedAt || state.clock.stoppedAt) return { state, log: [] };
  const at = toMinute(now);
  const log = [entry(state, at, source, "clock-stop", null, null, null, "", by)];
  return { state: { ...state, clock: { ...state.clock, stoppedAt: at }, log: [...state.log, ...log] }, log };
}

/** Whole minutes since the clock started (to the stop, if stopped); null before it starts. */
export function elapsedMinutes(state: DrillState, now: Date): number | null {
  const { startedAt, stoppedAt } = state.clock;
  if (!startedAt) return null;
  const end = stoppedAt ?? now;
  return Math.max(0, Math.floor((end.getTime() - startedAt.getTime()) / 60_000));
}

// ---- the add-in's activities ----

let textKeys: Map<string, string> | undefined;

/** A step's key, or the key of the default step whose text it still has (a sheet without the key column). */
export function keyOf(step: DrillStep): string {
  if (step.key) return step.key;
  textKeys ??= defaultTextsByKey();
  return textKeys.get(step.text.trim()) ?? "";
}

/** The step an activity completes: the first open step with one of the activity's keys. */
export function stepNoForActivity(state: DrillState, activity: Activity): number | undefined {
  for (const key of ACTIVITY_STEPS[activity]) {
    const open = state.steps.find((s) => keyOf(s) === key && s.status !== "done" && s.status !== "skipped");
    if (open) return open.no;
  }
  return undefined;
}

export interface ActivityChange extends StepChange {
  /** The step completed, or undefined when the plan has no open step for this activity. */
  stepNo: number | undefined;
}

/**
 * The add-in finished `activity` (the analysis ran, the drafts or the report were written): the
 * step it stands for goes to Done, with a log line saying the add-in did it. Nothing happens when
 * the plan has no such step or it is already done or skipped.
 */
export function stepForActivity(
  state: DrillState, activity: Activity, now: Date, source: ChangeSource = "addin", opts: ChangeOptions = {},
): ActivityChange {
  const stepNo = stepNoForActivity(state, activity);
  if (stepNo === undefined) return { state, step: undefined, writes: {}, log: [], stepNo };
  const label = ACTIVITY_LABEL[activity][state.locale];
  const r = applyStatusChange(state, stepNo, "done", now, source, { ...opts, note: label });
  // the log line of an activity is marked as such, so the trainer sees the add-in did the work
  const log = r.log.map((e) => ({ ...e, event: "activity" as const }));
  const st = { ...r.state, log: [...state.log, ...log] };
  return { ...r, state: st, log, stepNo };
}

/** The add-in started `activity`: its step goes to In progress (start stamped) if not yet started. */
export function beginActivity(
  state: DrillState, activity: Activity, now: Date, source: ChangeSource = "addin", opts: ChangeOptions = {},
): ActivityChange {
  const stepNo = stepNoForActivity(state, activity);
  const step = stepNo === undefined ? undefined : state.steps.find((s) => s.no === stepNo);
  if (!step || step.status !== "not-started") return { state, step: undefined, writes: {}, log: [], stepNo };
  return { ...applyStatusChange(state, step.no, "in-progress", now, source, { ...opts, note: ACTIVITY_LABEL[activity][state.locale] }), stepNo };
}

/** The event label for a log line, for the pane's own log view. */
export function eventLabel(e: LogEvent, locale: Locale): string {
  return EVENT_LABEL[e][locale];
}
