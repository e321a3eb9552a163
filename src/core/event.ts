// The live event (docs/live-event.md): the complaint register, the regulator report, the media
// statement and log, and the response checklist on the drill's engine. Pure core; the pieces live
// in ./event/*.ts and this module is their public face, for outputs.ts, the CLI and the task pane.

import type { Analysis } from "./analysis";
import { cellIssue, type Issue } from "./sheet-address";
import type { Locale } from "./i18n";
import type { SheetSnapshot, TableSheetModel, WorkbookSnapshot } from "./workbook";
import type { ReportOutput } from "./report";
import type { DrillState } from "./drill/types";
import type { ComplaintPolicy } from "./contact";
import { buildRegister, clientLookup, type Complaint } from "./event/complaints";
import { buildRegulatorReport, contactedClients, previousKind, type RegulatorReportKind } from "./event/regulator";
import { buildMediaLog, buildStatement } from "./event/media";
import { DEFAULT_DEADLINES, readLiveEvent, type ReportingDeadlines } from "./event/checklist";
import { EVENT_SHEETS, norm } from "./event/text";

export * from "./event/text";
export * from "./event/complaints";
export * from "./event/regulator";
export * from "./event/media";
export * from "./event/checklist";

export interface EventOutputOptions {
  locale: Locale;
  generatedAt: string;
  /** Which regulator report to write; default the kind the sheet already has, else the first report. */
  regulatorReport?: RegulatorReportKind;
  /** Incident-report deadlines; default the live event's own (its report steps' targets), else 30 min / 1 h. */
  reportingDeadlines?: ReportingDeadlines;
  /** The complaint clock in force (the complaintPolicy setting): the register counts it. Default DEFAULT_COMPLAINT_POLICY. */
  complaintPolicy?: ComplaintPolicy;
  /**
   * The live event's checklist as it stands after this run's own work (the CLI completes the
   * analysis and drafts steps first, so the report says so); default as read from the workbook.
   */
  liveEvent?: DrillState;
}

export interface EventOutputs {
  tables: TableSheetModel[];
  reports: ReportOutput[];
  complaints: Complaint[];
  issues: Issue[];
  /**
   * Whether the regulator report stands approved as written. Writing it does not send it: on a live
   * event the written-report step is only started, not done, until it is (liveEventAnalyze,
   * the pane's Write step).
   */
  regulatorApproved: boolean;
}

function sheetNamed(wb: WorkbookSnapshot, names: Record<Locale, string>): SheetSnapshot | undefined {
  const want = [norm(names["zh-CN"]), norm(names["en-US"])];
  return wb.sheets.find((s) => want.includes(norm(s.name)));
}

/** The live event's deadlines as its checklist holds them: the report steps' targets. */
export function deadlinesOfEvent(steps: readonly { key: string; targetMinutes: number | null }[]): ReportingDeadlines | undefined {
  const oral = steps.find((s) => s.key === "report-phone")?.targetMinutes;
  const written = steps.find((s) => s.key === "report-written")?.targetMinutes;
  return oral && written ? { oralMinutes: oral, writtenMinutes: written } : undefined;
}

/** On a live event, a regulator report not (or no longer) approved: said once, with what it holds back. */
function notApprovedIssue(sheet: string, L: Locale): Issue {
  return cellIssue("warning", sheet, "A1", "regulator-not-approved", L === "zh-CN"
    ? "监管报告待审定：填写审定人和审定时间后方可报送；审定前“报送书面报告”一步保持进行中，不标为完成"
    : "the regulator report is not approved: it may be sent once the approver and the time are filled in; until then the written-report step stays in progress, not done");
}

/** The live event's sheets written with every analysis (buildOutputs): register, regulator report, media. */
export function buildEventOutputs(a: Analysis, wb: WorkbookSnapshot, o: EventOutputOptions): EventOutputs {
  const day = o.generatedAt.slice(0, 10);
  const register = buildRegister({ locale: o.locale, asOf: day, clients: clientLookup(a), previous: wb, policy: o.complaintPolicy });
  const event = o.liveEvent ?? readLiveEvent(wb, o.locale)?.state;
  const deadlines = o.reportingDeadlines ?? (event && deadlinesOfEvent(event.steps)) ?? DEFAULT_DEADLINES;
  const previous = sheetNamed(wb, EVENT_SHEETS.regulator);
  const regulator = buildRegulatorReport(a, {
    locale: o.locale, kind: o.regulatorReport ?? previousKind(previous) ?? "first", generatedAt: o.generatedAt,
    complaints: register.complaints, contacted: contactedClients(wb), event, deadlines, previous,
  });
  const statement = buildStatement(a, o.locale, wb);
  return {
    tables: [register.sheet, statement.sheet, buildMediaLog(o.locale, wb)],
    reports: [{ sheet: regulator.sheet, data: regulator.data, charts: [] }],
    complaints: register.complaints,
    issues: [...register.issues, ...statement.issues, ...(event && !regulator.approved ? [notApprovedIssue(regulator.sheet.name, o.locale)] : [])],
    regulatorApproved: regulator.approved,
  };
}
