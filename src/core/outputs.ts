// What LossDesk writes back after an analysis, in one place so the CLI and the task pane write
// the same sheets: the client-loss table, the communication drafts, the templates (only when the
// workbook has none, so a bank's edited wording is kept) and the risk-assessment report.

import { Analysis, clientLossSheet } from "./analysis";
import { draftsSheet, findDraftsSheet, readTemplates, templatesSheet, TEMPLATE_SHEET } from "./drafts";
import { Issue } from "./sheet-address";
import { Locale } from "./i18n";
import { REPORT_SHEET, buildReport } from "./report";
import { SheetSnapshot, TableRows, TableSheetModel, WorkbookSnapshot } from "./workbook";
import type { ComplaintPolicy, ContactPolicy } from "./contact";
import type { ReportOutput } from "./report";
import type { DrillState } from "./drill/types";
import { buildEventOutputs, openComplaintClients, type RegulatorReportKind, type ReportingDeadlines } from "./event";

export type { ReportOutput };

export interface OutputSheets {
  /** The drafts and client-loss sheets' rows are produced as a writer takes them (TableRows). */
  tables: TableSheetModel<TableRows>[];
  reports: ReportOutput[];
}

export interface OutputOptions {
  locale: Locale;
  /**
   * ISO date-time of generation, the analyst's local time ("2026-11-28T09:30:00", see
   * localDateTime): stated on the report and the drafts sheet; the contact deadlines and the
   * letters' date count from it, on the drafts sheet and the report alike.
   */
  generatedAt: string;
  topClients?: number;
  /** The bank's name: letters' sign-off, the SMS signature 【…】 ({银行名称}, {短信签名}). */
  bankName?: string;
  /** The bank's service hotline in letters ({客服热线}). */
  hotline?: string;
  /** How to complain to the bank, in letters ({投诉渠道}); 12378 is always added. */
  complaintChannel?: string;
  /** The contact deadlines in force (default DEFAULT_CONTACT_POLICY). */
  contactPolicy?: ContactPolicy;
  /** The complaint clock in force (default DEFAULT_COMPLAINT_POLICY). */
  complaintPolicy?: ComplaintPolicy;
  /** The live event's regulator report kind (default: as the sheet has it, else first) and report deadlines. */
  regulatorReport?: RegulatorReportKind;
  reportingDeadlines?: ReportingDeadlines;
  /** The live event's checklist after this run's own work (EventOutputOptions.liveEvent). */
  liveEvent?: DrillState;
}

export interface Outputs {
  outputs: OutputSheets;
  /** "C000002/sms" rows new on the drafts sheet, and rows no longer generated. */
  draftsAdded: string[];
  draftsDropped: string[];
  /** Problems in an edited templates sheet (unknown placeholders, compliance findings), drafts
   *  set to sent that may not be (their status cell), letters lacking the bank's settings. */
  issues: Issue[];
  /** The regulator report stands approved as written (on a live event its written-report step waits for it). */
  regulatorApproved: boolean;
}

function sheetNamed(wb: WorkbookSnapshot, names: string[]): SheetSnapshot | undefined {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  return wb.sheets.find((s) => wanted.has(s.name.toLowerCase()));
}

export function buildOutputs(a: Analysis, wb: WorkbookSnapshot, o: OutputOptions): Outputs {
  const templates = readTemplates(wb, o.locale);
  // The register first: a client with an open complaint has their drafts held for review.
  const event = buildEventOutputs(a, wb, o);
  const drafts = draftsSheet(a, templates.templates, o.locale, findDraftsSheet(wb), {
    from: o.generatedAt, policy: o.contactPolicy, bankName: o.bankName, hotline: o.hotline, complaintChannel: o.complaintChannel, keepDrafts: false,
    openComplaints: openComplaintClients(event.complaints),
  });
  const report = buildReport(a, {
    locale: o.locale, generatedAt: o.generatedAt, topClients: o.topClients,
    contactPolicy: o.contactPolicy, complaintPolicy: o.complaintPolicy,
    previous: sheetNamed(wb, Object.values(REPORT_SHEET)), complaints: event.complaints,
  });
  const tables: TableSheetModel<TableRows>[] = [clientLossSheet(a, o.locale), drafts.sheet];
  if (!sheetNamed(wb, Object.values(TEMPLATE_SHEET))) tables.push(templatesSheet(o.locale));
  tables.push(...event.tables);
  return {
    outputs: { tables, reports: [{ sheet: report.sheet, data: report.data, charts: report.charts }, ...event.reports] },
    draftsAdded: drafts.added,
    draftsDropped: drafts.dropped,
    issues: [...templates.issues, ...drafts.issues, ...event.issues],
    regulatorApproved: event.regulatorApproved,
  };
}
