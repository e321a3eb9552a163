// What LossDesk writes back after an analysis, in one place so the CLI and the task pane write
// the same sheets: the client-loss table, the communication drafts, the templates (only when the
// workbook has none, so a bank's edited wording is kept) and the risk-assessment report.

import { Analysis, clientLossSheet } from "./analysis";
import { draftsSheet, findDraftsSheet, readTemplates, templatesSheet, TEMPLATE_SHEET } from "./drafts";
import { Issue } from "./input";
import { Locale } from "./i18n";
import { REPORT_SHEET, buildReport } from "./report";
import { SheetSnapshot, TableSheetModel, WorkbookSnapshot } from "./workbook";
import type { ChartData } from "./report";
import type { ReportSheetModel } from "./workbook";
import { buildEventOutputs, type RegulatorReportKind, type ReportingDeadlines } from "./event";

export interface ReportOutput {
  sheet: ReportSheetModel;
  data: TableSheetModel;
  charts: ChartData[];
}

export interface OutputSheets {
  tables: TableSheetModel[];
  reports: ReportOutput[];
}

export interface OutputOptions {
  locale: Locale;
  /** ISO date-time of generation: shown on the report, starts the contact clocks. */
  generatedAt: string;
  topClients?: number;
  /** The live event's regulator report kind (default: as the sheet has it, else first) and report deadlines. */
  regulatorReport?: RegulatorReportKind;
  reportingDeadlines?: ReportingDeadlines;
}

export interface Outputs {
  outputs: OutputSheets;
  /** "C000002/sms" rows new on the drafts sheet, and rows no longer generated. */
  draftsAdded: string[];
  draftsDropped: string[];
  /** Problems in an edited templates sheet (unknown placeholders, compliance findings). */
  issues: Issue[];
}

function sheetNamed(wb: WorkbookSnapshot, names: string[]): SheetSnapshot | undefined {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  return wb.sheets.find((s) => wanted.has(s.name.toLowerCase()));
}

export function buildOutputs(a: Analysis, wb: WorkbookSnapshot, o: OutputOptions): Outputs {
  const templates = readTemplates(wb, o.locale);
  const from = o.generatedAt.slice(0, 10);
  const drafts = draftsSheet(a, templates.templates, o.locale, findDraftsSheet(wb), { from });
  const event = buildEventOutputs(a, wb, o);
  const report = buildReport(a, {
    locale: o.locale, generatedAt: o.generatedAt, topClients: o.topClients,
    previous: sheetNamed(wb, Object.values(REPORT_SHEET)), complaints: event.complaints,
  });
  const tables = [clientLossSheet(a, o.locale), drafts.sheet];
  if (!sheetNamed(wb, Object.values(TEMPLATE_SHEET))) tables.push(templatesSheet(o.locale));
  tables.push(...event.tables);
  return {
    outputs: { tables, reports: [{ sheet: report.sheet, data: report.data, charts: report.charts }, ...event.reports] },
    draftsAdded: drafts.added,
    draftsDropped: drafts.dropped,
    issues: [...templates.issues, ...event.issues],
  };
}
