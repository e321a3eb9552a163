// The drill score, 0-100, from four parts (docs/drills.md has the formula with worked examples):
//
//   completion  40 x done / N
//   on time     25 x on-time / N
//   order       15 x in-order / R
//   review      20 = 8 x min(problems, 3) / 3  +  12 x complete items / items
//
// N = steps in the plan (steps deleted from the sheet still count, as not done), R = steps of the
// response phase. Skipped is not done. A step is on time when it is Done, has both times, was not
// completed before it started, and took no longer than its target (no target: no limit). A Done
// response step with a completed-at is in order when no response step listed before it was
// completed later. Each part is rounded half up to one decimal; the total is the sum of the
// rounded parts, so the parts shown always add up to the total shown.

import type { DrillState, DrillStep, ReviewRow, StepStatus } from "./types";

export const SCORE_WEIGHTS = { completion: 40, onTime: 25, order: 15, review: 20 } as const;
/** Within the review part: listing problems (up to this many count) and owned, dated actions. */
export const REVIEW_WEIGHTS = { problems: 8, actions: 12, problemsExpected: 3 } as const;

export interface ScorePart {
  points: number;
  max: number;
  /** What was counted: done steps, steps on time, steps in order, (review: complete items). */
  count: number;
  /** Out of how many. */
  of: number;
}

export type TimingReason = "not-done" | "no-times" | "completed-before-start" | "late" | "on-time";

export interface StepJudgement {
  no: number;
  text: string;
  status: StepStatus;
  /** completed-at minus started-at in minutes, when both are there and not negative. */
  minutes: number | null;
  targetMinutes: number | null;
  timing: TimingReason;
  /** null for steps outside the response phase or not judged (not done / no completion time). */
  inOrder: boolean | null;
}

export type ReviewGapKind = "no-problems" | "no-problem" | "no-action" | "no-owner" | "no-due";

export interface ReviewGap {
  /** 1-based item number (data row of the review table), 0 for "no problems listed at all". */
  item: number;
  kind: ReviewGapKind;
}

export interface DrillScore {
  total: number;
  parts: { completion: ScorePart; onTime: ScorePart; order: ScorePart; review: ScorePart };
  /** Review sub-parts, for the summary. */
  review: { problems: number; items: number; complete: number; problemPoints: number; actionPoints: number; gaps: ReviewGap[] };
  steps: StepJudgement[];
  /** Steps the plan should have but the sheet lost (counted as not done). */
  missingSteps: number;
}

/** weight x num / den in tenths, rounded half up; 0 when den is 0. */
function tenths(weight: number, num: number, den: number): number {
  if (den <= 0) return 0;
  // integers all the way: weight*10*num is exact, and the half-up rounding is on a rational
  return Math.floor((2 * weight * 10 * num + den) / (2 * den)) / 10;
}

function minutesOf(s: DrillStep): number | null {
  if (!s.startedAt || !s.completedAt) return null;
  return (s.completedAt.getTime() - s.startedAt.getTime()) / 60_000;
}

function judgeTiming(s: DrillStep): TimingReason {
  if (s.status !== "done") return "not-done";
  const m = minutesOf(s);
  if (m === null) return "no-times";
  if (m < 0) return "completed-before-start";
  if (s.targetMinutes !== null && m > s.targetMinutes) return "late";
  return "on-time";
}

function filled(v: string | undefined): boolean {
  return v !== undefined && v.trim() !== "";
}

export function isReviewItem(r: ReviewRow): boolean {
  return filled(r.problem) || filled(r.action) || filled(r.owner) || r.due !== null || filled(r.dueText);
}

export function scoreDrill(state: DrillState, opts: { expectedSteps?: number } = {}): DrillScore {
  const steps = state.steps;
  const n = Math.max(steps.length, opts.expectedSteps ?? 0);
  const missingSteps = n - steps.length;

  const judged: StepJudgement[] = steps.map((s) => {
    const m = minutesOf(s);
    return {
      no: s.no, text: s.text, status: s.status, minutes: m !== null && m >= 0 ? m : null,
      targetMinutes: s.targetMinutes, timing: judgeTiming(s), inOrder: null,
    };
  });

  // Order: response steps in plan order (by number); one is out of order when an earlier one was
  // completed strictly later. Steps not done or without completion time are not judged here (the
  // completion and on-time parts already cost them) but still count in R.
  const response = steps.map((s, i) => ({ s, i })).filter(({ s }) => s.phase === "response").sort((a, b) => a.s.no - b.s.no);
  let inOrder = 0;
  response.forEach(({ s, i }, k) => {
    if (s.status !== "done" || !s.completedAt) return;
    const t = s.completedAt.getTime();
    const ok = response.slice(0, k).every(({ s: e }) => !(e.status === "done" && e.completedAt && e.completedAt.getTime() > t));
    judged[i].inOrder = ok;
    if (ok) inOrder++;
  });

  const done = steps.filter((s) => s.status === "done").length;
  const onTime = judged.filter((j) => j.timing === "on-time").length;

  // Review: an item is a row with anything in it; complete when it has a problem, an action, an
  // owner and a readable due date.
  const items = state.review.filter(isReviewItem);
  const gaps: ReviewGap[] = [];
  let problems = 0;
  let complete = 0;
  items.forEach((r, k) => {
    const item = k + 1;
    const miss: ReviewGapKind[] = [];
    if (filled(r.problem)) problems++;
    else miss.push("no-problem");
    if (!filled(r.action)) miss.push("no-action");
    if (!filled(r.owner)) miss.push("no-owner");
    if (r.due === null) miss.push("no-due");
    if (miss.length === 0) complete++;
    for (const kind of miss) gaps.push({ item, kind });
  });
  if (problems === 0) gaps.unshift({ item: 0, kind: "no-problems" });
  const problemPoints = tenths(REVIEW_WEIGHTS.problems, Math.min(problems, REVIEW_WEIGHTS.problemsExpected), REVIEW_WEIGHTS.problemsExpected);
  const actionPoints = tenths(REVIEW_WEIGHTS.actions, complete, items.length);

  const parts = {
    completion: { points: tenths(SCORE_WEIGHTS.completion, done, n), max: SCORE_WEIGHTS.completion, count: done, of: n },
    onTime: { points: tenths(SCORE_WEIGHTS.onTime, onTime, n), max: SCORE_WEIGHTS.onTime, count: onTime, of: n },
    order: { points: tenths(SCORE_WEIGHTS.order, inOrder, response.length), max: SCORE_WEIGHTS.order, count: inOrder, of: response.length },
    review: { points: Math.round((problemPoints + actionPoints) * 10) / 10, max: SCORE_WEIGHTS.review, count: complete, of: items.length },
  };
  const total = Math.round((parts.completion.points + parts.onTime.points + parts.order.points + parts.review.points) * 10) / 10;
  return {
    total, parts, steps: judged, missingSteps,
    review: { problems, items: items.length, complete, problemPoints, actionPoints, gaps },
  };
}
