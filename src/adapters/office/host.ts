// The WorkbookHost inside Excel: the task pane's one door to the workbook (src/host-api.ts).
// Nothing outside src/adapters/office touches Office.js.
//
// Every call is one Excel.run with delayForCellEdit (a user typing in a cell delays the batch
// instead of failing it). Writes also ask for one undo group where Excel has it (ExcelApi 1.20:
// mergeUndoGroup; elsewhere each request is its own undo step), switch calculation to manual for
// the duration (ExcelApi 1.8, restored in `finally`, even when the write fails or is cancelled),
// and suspend API calculation and screen updating per request (see Batch). Errors come out as
// HostError in Excel's display language (errors.ts).

import { Batch } from "./batch";
import { toHostError } from "./errors";
import { planReport } from "../../core/layout";
import { unquoteSheetName } from "../../core/sheet-address";
import { openStream, readSnapshot, type ReadStats } from "./read";
import { analyzeStream, readSheets, type StreamWorkbook } from "../../core/stream-input";
import { GENERATED_SHEETS } from "../../core/analysis";
import { writeCellEdits } from "./cells";
import { watchCells } from "./drill-events";
import { writeReportSheet, type WrittenReport } from "./report";
import { detectSupport, displayLanguage, messageLang, theme, watchTheme, type Lang, type Support } from "./support";
import { clearSheet, freeTableName, writeTableSheet } from "./write";
import type { AnalyzeInputOptions, HostAnalysis, OutputSheets, Progress, WorkbookHost, WrittenSheets } from "../../host-api";
import type { ReportSheetModel, TableRows, TableSheetModel, WorkbookSnapshot } from "../../core/workbook";
import { SETTINGS_NAMESPACE, settingsFromXml, settingsToXml } from "../../core/settings-xml";

/**
 * The workbook setting that held LossDesk's settings (JSON text) before they moved to a custom XML
 * part (SETTINGS_NAMESPACE); still read once to migrate them, and used below ExcelApi 1.5.
 */
export const SETTINGS_KEY = "LossDesk.settings";

export interface ExcelHostOptions {
  /** Rows per read request to start with (default 5,000; tests use smaller numbers). */
  readBlockRows?: number;
}

/** What the last read / write cost, for the pane's support log and for tests. */
export interface ExcelHostStats {
  read?: ReadStats;
  write?: { syncs: number; reports: WrittenReport[] };
}

export type ExcelHost = WorkbookHost & {
  readonly stats: ExcelHostStats;
  analyzeInput(options: AnalyzeInputOptions, progress?: Progress, signal?: AbortSignal): Promise<HostAnalysis>;
};

/** The sheets of `wb` not in `except` (LossDesk's and the drill's sheets: small), read whole. */
async function snapshotOf(wb: StreamWorkbook, except: Set<string>): Promise<WorkbookSnapshot> {
  return { sheets: await readSheets(wb, (name) => !except.has(name)) };
}

export function createExcelHost(options: ExcelHostOptions = {}): ExcelHost {
  const stats: ExcelHostStats = {};
  // The sheets holding the input tables the last analysis found: the analysis streams them (each
  // 5,000-row block into the engine as it arrives, none kept), and the pane's snapshot leaves them out.
  let inputSheets = new Set<string>();

  async function run<T>(kind: "read" | "write", fn: (batch: Batch) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const support = detectSupport();
    const lang = messageLang(displayLanguage());
    const runOptions: Excel.RunOptions = { delayForCellEdit: true };
    if (kind === "write" && support.mergeUndo) runOptions.mergeUndoGroup = true;
    try {
      return await Excel.run(runOptions, (context) => fn(new Batch(context, support, lang, signal)));
    } catch (e) {
      throw toHostError(e, lang);
    }
  }

  return {
    kind: "excel",
    stats,
    displayLanguage,
    theme,
    onThemeChange: watchTheme,

    analyzeInput(o: AnalyzeInputOptions, progress?: Progress, signal?: AbortSignal): Promise<HostAnalysis> {
      return run(
        "read",
        async (batch) => {
          const { workbook, stats: s } = await openStream(batch, { progress, blockRows: options.readBlockRows, orNullObject: batch.support.nullObjects });
          const analysis = await analyzeStream(workbook, {
            asOf: o.asOf, locale: o.locale, scoring: o.scoring, skipSheets: GENERATED_SHEETS, lots: "source",
          });
          inputSheets = new Set(analysis.tables.map((t) => t.sheet));
          const snapshot = await snapshotOf(workbook, inputSheets);
          stats.read = s;
          return { analysis, snapshot };
        },
        signal,
      );
    },

    readWorkbook(progress?: Progress, signal?: AbortSignal): Promise<WorkbookSnapshot> {
      return run(
        "read",
        async (batch) => {
          if (inputSheets.size) {
            // after an analysis: the input tables are not read again, only the other sheets
            const { workbook, stats: s } = await openStream(batch, { progress, blockRows: options.readBlockRows, orNullObject: batch.support.nullObjects });
            const snapshot = await snapshotOf(workbook, inputSheets);
            stats.read = s;
            return snapshot;
          }
          const { snapshot, stats: s } = await readSnapshot(batch, {
            progress,
            blockRows: options.readBlockRows,
            orNullObject: batch.support.nullObjects,
          });
          stats.read = s;
          return snapshot;
        },
        signal,
      );
    },

    writeSheets(out: OutputSheets, progress?: Progress, signal?: AbortSignal): Promise<WrittenSheets> {
      return run(
        "write",
        async (batch) => {
          const reports: WrittenReport[] = [];
          try {
            return await writeOutput(batch, out, reports, progress);
          } finally {
            stats.write = { syncs: batch.syncs, reports };
          }
        },
        signal,
      );
    },

    // in-place edits and change events for the pane's drill (cells.ts, drill-events.ts)
    writeCells: (edits) => run("write", (batch) => writeCellEdits(batch, edits)),
    watchCells,

    selectCell(sheet: string, cell: string): Promise<void> {
      return run("read", async (batch) => {
        const ws = batch.context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await batch.sync();
      });
    },

    activateSheet(sheet: string): Promise<void> {
      return run("read", async (batch) => {
        batch.context.workbook.worksheets.getItem(sheet).activate();
        await batch.sync();
      });
    },

    async loadSettings(): Promise<string | undefined> {
      const support = detectSupport();
      if (support.customXml) return run("read", (batch) => loadSettingsPart(batch));
      if (!support.settings) return legacySettings()?.get(SETTINGS_KEY) ?? undefined;
      return run("read", async (batch) => {
        const item = batch.context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
        item.load("value");
        await batch.sync();
        return settingValue(item);
      });
    },

    async saveSettings(json: string): Promise<void> {
      const support = detectSupport();
      if (support.customXml) return run("write", (batch) => saveSettingsPart(batch, json));
      if (!support.settings) {
        // Before ExcelApi 1.4: the Common API's document settings, which are also saved in the file
        const s = legacySettings();
        if (!s) return;
        s.set(SETTINGS_KEY, json);
        await new Promise<void>((resolve, reject) =>
          s.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(toHostError(r.error, messageLang())))),
        );
        return;
      }
      return run("write", async (batch) => {
        batch.context.workbook.settings.add(SETTINGS_KEY, json);
        await batch.sync();
      });
    },
  };
}

function settingValue(item: Excel.Setting): string | undefined {
  if (item.isNullObject) return undefined;
  const v: unknown = item.value;
  return typeof v === "string" ? v : JSON.stringify(v);
}

// ---- settings as a custom XML part (ExcelApi 1.5), the place the preview and the CLI read too ----

/**
 * Our part, found by its root namespace (Excel renumbers parts on save). A workbook saved by an
 * older LossDesk has its settings in workbook.settings instead: they are read from there and moved
 * into the part, and the old setting is deleted, so the settings live in one place from then on.
 */
async function loadSettingsPart(batch: Batch): Promise<string | undefined> {
  const wb = batch.context.workbook;
  const parts = wb.customXmlParts.getByNamespace(SETTINGS_NAMESPACE);
  parts.load("items/id");
  const old = batch.support.settings ? wb.settings.getItemOrNullObject(SETTINGS_KEY) : undefined;
  old?.load("value");
  await batch.sync();
  const xml = parts.items.map((p) => p.getXml());
  if (xml.length > 0) await batch.sync();
  for (const x of xml) {
    const json = settingsFromXml(x.value);
    if (json !== undefined) return json;
  }
  const legacy = old ? settingValue(old) : undefined;
  if (legacy === undefined) return undefined;
  // migrate: the part first, then the old setting goes (in one request: both or, on failure, the part alone)
  batch.write(2);
  wb.customXmlParts.add(settingsToXml(legacy));
  old!.delete();
  await batch.sync();
  return legacy;
}

async function saveSettingsPart(batch: Batch, json: string): Promise<void> {
  const wb = batch.context.workbook;
  const parts = wb.customXmlParts.getByNamespace(SETTINGS_NAMESPACE);
  parts.load("items/id");
  await batch.sync();
  const xml = settingsToXml(json);
  const [first, ...extra] = parts.items;
  batch.write(1 + extra.length);
  if (first) first.setXml(xml);
  else wb.customXmlParts.add(xml);
  for (const p of extra) p.delete(); // one settings part: copies (e.g. from merged workbooks) go
  await batch.sync();
}

function legacySettings(): Office.Settings | undefined {
  try {
    return typeof Office !== "undefined" ? Office.context?.document?.settings : undefined;
  } catch {
    return undefined;
  }
}

// ---- writing ----

type Item = { kind: "table"; model: TableSheetModel<TableRows> } | { kind: "report"; model: ReportSheetModel };

async function writeOutput(batch: Batch, out: OutputSheets, reports: WrittenReport[], progress?: Progress): Promise<WrittenSheets> {
  const { context, support, lang } = batch;
  // the data sheet before its report: the charts draw from it
  const items: Item[] = [
    ...out.tables.map((model): Item => ({ kind: "table", model })),
    ...out.reports.flatMap((r): Item[] => [{ kind: "table", model: r.data }, { kind: "report", model: r.sheet }]),
  ];
  const seen = new Set<string>();
  for (const it of items) {
    const key = it.model.name.toLowerCase(); // Excel compares sheet names case-insensitively
    if (seen.has(key)) throw new Error(`two output sheets are named "${it.model.name}"`);
    seen.add(key);
  }
  const rowsOf = (it: Item): number => (it.kind === "table" ? it.model.rows.length : planReport(it.model).lastRow);
  const total = items.reduce((n, it) => n + rowsOf(it), 0);
  let done = 0;
  const label = lang === "zh-CN" ? "正在写入工作表" : "Writing the sheets";
  const onRows = (n: number): void => {
    done += n;
    progress?.(total === 0 ? 1 : Math.min(1, done / total), label);
  };
  progress?.(0, label);

  // -- request 1: what is there (sheets, names) and the calculation mode to restore
  const wb = context.workbook;
  const sheets = wb.worksheets;
  sheets.load("items/name");
  const app = context.application;
  if (support.calcMode) app.load("calculationMode");
  const names = support.names ? wb.names : undefined;
  names?.load("items/name,items/value");
  await batch.sync();

  let restoreCalc: Excel.CalculationMode | `${Excel.CalculationMode}` | undefined;
  let failed = false;
  try {
    if (support.calcMode && app.calculationMode !== Excel.CalculationMode.manual) {
      // no recalculation of the whole workbook while tens of thousands of cells land
      restoreCalc = app.calculationMode;
      batch.write();
      app.calculationMode = Excel.CalculationMode.manual;
    }

    // -- request 2: find or add the output sheets; load what is on the ones regenerated
    // A LossDesk sheet that exists already is regenerated in place: cleared and written again,
    // the same sheet object (id, name, tab position), so formulas, names and charts elsewhere that
    // point at it keep working. Deleting it and adding a new one would turn them into #REF!.
    const existing = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s]));
    const regenerated = new Set<string>();
    const target = new Map<string, Excel.Worksheet>();
    const toClear: { ws: Excel.Worksheet; tables: Excel.TableCollection; charts: Excel.ChartCollection; shapes?: Excel.ShapeCollection }[] = [];
    for (const it of items) {
      const old = existing.get(it.model.name.toLowerCase());
      if (old) {
        regenerated.add(old.name.toLowerCase());
        target.set(it.model.name, old);
        const entry: (typeof toClear)[number] = { ws: old, tables: old.tables, charts: old.charts };
        entry.tables.load("items/name");
        entry.charts.load("items/name");
        if (support.shapes) {
          // pictures and text boxes people put on the sheet (ExcelApi 1.9): ours to clear too
          entry.shapes = old.shapes;
          entry.shapes.load("items/id");
        }
        toClear.push(entry);
      } else {
        batch.write();
        target.set(it.model.name, sheets.add(it.model.name));
      }
    }
    // Our input-box names on a regenerated report may move with its layout: they are re-added.
    const takenNames = new Set<string>();
    for (const n of names?.items ?? []) {
      if (!n.name.startsWith("LossDesk_")) continue;
      const value = typeof n.value === "string" ? n.value : "";
      const refersTo = sheetOfReference(value);
      if (value.includes("#REF!") || (refersTo !== undefined && regenerated.has(refersTo.toLowerCase()))) {
        batch.write();
        n.delete();
      } else takenNames.add(n.name.toLowerCase());
    }
    if (toClear.length > 0) {
      await batch.sync();
      // -- request 3: clear the regenerated sheets (tables, charts and shapes first, then the cells)
      for (const { ws, tables, charts, shapes } of toClear) {
        for (const t of tables.items) (batch.write(), t.delete());
        for (const c of charts.items) (batch.write(), c.delete());
        if (support.shapes && shapes) for (const sh of shapes.items) (batch.write(), sh.delete());
        clearSheet(batch, ws);
      }
    }
    const tables = wb.tables;
    tables.load("items/name"); // after the deletes in the same request: names freed by them are free
    await batch.sync();
    const takenTables = new Set(tables.items.map((t) => t.name.toLowerCase()));

    // -- the sheets, one after another
    const written: string[] = [];
    for (const it of items) {
      batch.checkAbort();
      const ws = target.get(it.model.name)!;
      if (it.kind === "table") {
        const tableName = it.model.tableName ? freeTableName(it.model.tableName, takenTables) : undefined;
        await writeTableSheet(batch, ws, it.model, { tableName, onRows });
      } else {
        reports.push(await writeReportSheet(batch, ws, it.model, { takenNames, onRows }));
      }
      written.push(it.model.name);
    }
    progress?.(1, label);
    return { sheets: written };
  } catch (e) {
    failed = true;
    throw e;
  } finally {
    if (restoreCalc !== undefined) await restoreCalculation(context, support, restoreCalc, failed);
  }
}

/**
 * Puts the calculation mode back. In the same context first; if that request fails (the context
 * may be unusable after the error that brought us here), in a fresh Excel.run. When the write
 * already failed, a failing restore must not hide the original error, so it is swallowed then.
 */
async function restoreCalculation(context: Excel.RequestContext, support: Support, mode: Excel.CalculationMode | `${Excel.CalculationMode}`, failed: boolean): Promise<void> {
  if (!support.calcMode) return; // only set where it was read (ExcelApi 1.8)
  try {
    context.application.calculationMode = mode;
    await context.sync();
    return;
  } catch {
    try {
      await Excel.run(async (ctx) => {
        ctx.application.calculationMode = mode;
        await ctx.sync();
      });
    } catch (e2) {
      if (!failed) throw e2;
    }
  }
}

/** "='My sheet'!$A$1:$B$2" or "=Sheet1!$A$1" -> the sheet name; undefined when it is no plain reference. */
export function sheetOfReference(value: string): string | undefined {
  const v = value.startsWith("=") ? value.slice(1) : value;
  const bang = v.lastIndexOf("!");
  if (bang < 0) return undefined;
  return unquoteSheetName(v.slice(0, bang));
}

export type { Lang, Support };
