// Emergency drills (应急演练): build a drill workbook, time it while it runs, read it back and score
// it. Pure core; the pieces live in ./drill/*.ts and this module is their public face, for the CLI
// (src/cli/drill.ts) and the task pane. docs/drills.md describes the workbook, the files and the
// score formula.

export * from "./drill/types";
export {
  SHEETS as DRILL_SHEETS, TABLES as DRILL_TABLES, PHASE_LABEL, STATUS_LABEL, ROLE_NAME, STEP_HEADERS, REVIEW_HEADERS,
  LOG_HEADERS, ROLE_HEADERS,
} from "./drill/text";
export { presetSteps, presetScenarioTexts, defaultRoles, ACTIVITY_STEPS } from "./drill/presets";
export {
  DrillError, applyStatusChange, applyTimeEdit, startClock, stopClock, elapsedMinutes, stepForActivity, beginActivity,
  stepNoForActivity, parseStatus, parsePhase, statusLabel, eventLabel, keyOf,
} from "./drill/logic";
export type { StepChange, ChangeOptions, ClockChange, ActivityChange } from "./drill/logic";
export { scoreDrill, SCORE_WEIGHTS, REVIEW_WEIGHTS, isReviewItem } from "./drill/score";
export type { DrillScore, ScorePart, StepJudgement, TimingReason, ReviewGap, ReviewGapKind } from "./drill/score";
export { drillSheets, scenarioSheet, drillStepsSheet, reviewSheet, logSheet, logRow, scoreLine, TIME_FORMAT } from "./drill/sheets";
export { readDrillWorkbook } from "./drill/read";
export type { DrillRead, FoundDrillTable } from "./drill/read";
export { parsePlanJson, parsePlanCsv, parseScenarioJson, parseCsv, localiseOwner } from "./drill/plan";
export type { ScenarioFile } from "./drill/plan";
export { newDrillWorkbook, parseTeamArg } from "./drill/build";
export type { NewDrillOptions, NewDrill, TeamSpec } from "./drill/build";
export { readTimeCell, parseTimeText } from "./drill/time";
