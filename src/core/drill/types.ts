// Shapes of an emergency drill (应急演练) as the core sees it. One DrillState holds everything a
// drill workbook holds (scenario, steps, after-action review, log, clock), so that generating,
// regenerating, timing and scoring all go through the same value, in the CLI and in the pane.
//
// Times are "wall-clock" Dates: their UTC fields carry the local clock time, which is how the
// workbook port delivers date cells and how ExcelJS writes them (see core/workbook.ts). A caller
// holding a real instant (new Date()) converts it with wallClock() first.

import type { Locale } from "../i18n";

export type Phase = "preparation" | "response" | "communication" | "after-action";
export const PHASES: readonly Phase[] = ["preparation", "response", "communication", "after-action"];

export type StepStatus = "not-started" | "in-progress" | "done" | "skipped";
export const STATUSES: readonly StepStatus[] = ["not-started", "in-progress", "done", "skipped"];

/** Who changed a status: the task pane's buttons, a person typing in the sheet, the add-in itself. */
export type ChangeSource = "pane" | "sheet" | "addin";
/** Log entries also come from the CLI (regeneration) or from a person typing into the log. */
export type LogSource = ChangeSource | "cli" | "unknown";

/** Things the add-in does that complete a drill step. */
export type Activity = "analysis-run" | "drafts-written" | "report-written";
export const ACTIVITIES: readonly Activity[] = ["analysis-run", "drafts-written", "report-written"];

/** The departments of the response plan (domain brief: organisation in an incident). */
export type RoleKey = "leadership" | "service" | "legal" | "finance" | "risk" | "pr";
export const ROLE_KEYS: readonly RoleKey[] = ["leadership", "service", "legal", "finance", "risk", "pr"];

export type PresetName = "nav-fall" | "mass-complaint" | "media-inquiry" | "live-event";
export const PRESETS: readonly PresetName[] = ["nav-fall", "mass-complaint", "media-inquiry", "live-event"];

export interface DrillRole {
  /** Department name as shown ("客户服务部" / "Customer service"). */
  role: string;
  duty: string;
  /** Who plays it; "" leaves the cell blank for the trainer. */
  player: string;
}

export interface DrillScenario {
  /** The preset it came from, or "custom" (a scenario file without a base, or read back). */
  preset: PresetName | "custom";
  title: string;
  /** What happened, one paragraph per line. */
  description: string[];
  /** Planned start of the drill (wall clock). */
  start: Date;
  /** Team name ("" when none): shown on the scenario sheet and used to rank workbooks. */
  team: string;
  roles: DrillRole[];
}

export interface DrillStep {
  /** 序号, 1-based, the order of the plan. */
  no: number;
  /**
   * Stable code of the step ("analyse", "report-phone", ...; "" for a step a trainer added).
   * Survives renumbering and rewording, so the add-in's activities still find their step.
   */
  key: string;
  /** null when the sheet holds a phase we do not recognise (then it counts in no phase). */
  phase: Phase | null;
  text: string;
  owner: string;
  /** null when blank: the step then has no time limit. */
  targetMinutes: number | null;
  status: StepStatus;
  startedAt: Date | null;
  completedAt: Date | null;
  /** The time was typed (or edited) by a person: never overwritten or cleared automatically. */
  startedManual: boolean;
  completedManual: boolean;
  /** 证据/备注 */
  note: string;
}

export interface ReviewRow {
  /** 发现的问题 */
  problem: string;
  /** 整改措施 */
  action: string;
  /** 责任部门/责任人 */
  owner: string;
  /** 完成期限; null when blank or unreadable. */
  due: Date | null;
  /** The cell text when it could not be read as a date (kept so regeneration does not lose it). */
  dueText?: string;
}

export type LogEvent = "status" | "clock-start" | "clock-stop" | "activity" | "time-edit" | "generated";

export interface DrillLogEntry {
  at: Date;
  source: LogSource;
  /** Optional person (e.g. the pane's user name). */
  by: string;
  event: LogEvent;
  stepNo: number | null;
  stepText: string;
  from: StepStatus | null;
  to: StepStatus | null;
  note: string;
}

export interface DrillClock {
  startedAt: Date | null;
  stoppedAt: Date | null;
}

export interface DrillState {
  locale: Locale;
  scenario: DrillScenario;
  steps: DrillStep[];
  review: ReviewRow[];
  /** Append-only, oldest first. */
  log: DrillLogEntry[];
  clock: DrillClock;
}

/** A step as a plan file or a preset gives it: no statuses or times. */
export interface StepPlan {
  key?: string;
  phase: Phase;
  text: string;
  owner: string;
  targetMinutes: number | null;
}

/** Wall-clock Date from a real instant, in the time zone of the machine running the code. */
export function wallClock(instant: Date): Date {
  return new Date(instant.getTime() - instant.getTimezoneOffset() * 60_000);
}

/** Stamps are kept to the whole minute: what the sheet shows (hh:mm) is what is scored. */
export function toMinute(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 60_000) * 60_000);
}

/** "2026-11-30 09:05" from a wall-clock Date. */
export function formatWall(d: Date): string {
  return d.toISOString().slice(0, 16).replace("T", " ");
}
