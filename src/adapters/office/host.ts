// The WorkbookHost inside Excel: the task pane's one door to the workbook (src/taskpane/host.ts).
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
import { readSnapshot, type ReadStats } from "./read";
import { writeCellEdits } from "./cells";
import { watchCells } from "./drill-events";
import { writeReportSheet, type WrittenReport } from "./report";
import { detectSupport, displayLanguage, messageLang, theme, type Lang, type Support } from "./support";
import { freeTableName, writeTableSheet } from "./write";
import type { OutputSheets, Progress, WorkbookHost, WrittenSheets } from "../../taskpane/host";
import type { ReportSheetModel, TableSheetModel, WorkbookSnapshot } from "../../core/workbook";

/** The workbook setting holding LossDesk's settings (JSON text); it is saved with the file. */
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

export type ExcelHost = WorkbookHost & { readonly stats: ExcelHostStats };

export function createExcelHost(options: ExcelHostOptions = {}): ExcelHost {
  const stats: ExcelHostStats = {};

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

    readWorkbook(progress?: Progress, signal?: AbortSignal): Promise<WorkbookSnapshot> {
      return run(
        "read",
        async (batch) => {
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
      if (!detectSupport().settings) return legacySettings()?.get(SETTINGS_KEY) ?? undefined;
      return run("read", async (batch) => {
        const item = batch.context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
        item.load("value");
        await batch.sync();
        if (item.isNullObject) return undefined;
        const v: unknown = item.value;
        return typeof v === "string" ? v : JSON.stringify(v);
      });
    },

    async saveSettings(json: string): Promise<void> {
      if (!detectSupport().settings) {
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

function legacySettings(): Office.Settings | undefined {
  try {
    return typeof Office !== "undefined" ? Office.context?.document?.settings : undefined;
  } catch {
    return undefined;
  }
}

// ---- writing ----

type Item = { kind: "table"; model: TableSheetModel } | { kind: "report"; model: ReportSheetModel };

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
  sheets.load("items/name,items/position");
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

    // -- request 2: replace the output sheets, free their table names, drop their stale names
    const existing = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s]));
    const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    const replaced = new Set<string>();
    const target = new Map<string, Excel.Worksheet>();
    let tmp = 0;
    for (const it of items) {
      const old = existing.get(it.model.name.toLowerCase());
      if (old) {
        // Rename the old sheet out of the way, add the new one in its tab position, then delete the
        // old one: the workbook is never left without a visible sheet (deleting the last one fails)
        // and no other sheet is touched.
        let t: string;
        do t = `~LossDesk old ${++tmp}`; while (taken.has(t.toLowerCase()));
        taken.add(t.toLowerCase());
        replaced.add(old.name.toLowerCase());
        batch.write(4);
        old.name = t;
        const ws = sheets.add(it.model.name);
        ws.position = old.position;
        old.delete();
        target.set(it.model.name, ws);
      } else {
        batch.write();
        target.set(it.model.name, sheets.add(it.model.name));
      }
    }
    // Our input-box names on a replaced report point at a deleted sheet now; they are re-added.
    const takenNames = new Set<string>();
    for (const n of names?.items ?? []) {
      if (!n.name.startsWith("LossDesk_")) continue;
      const value = typeof n.value === "string" ? n.value : "";
      const refersTo = sheetOfReference(value);
      if (value.includes("#REF!") || (refersTo !== undefined && replaced.has(refersTo.toLowerCase()))) {
        batch.write();
        n.delete();
      } else takenNames.add(n.name.toLowerCase());
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
    if (restoreCalc !== undefined) await restoreCalculation(context, restoreCalc, failed);
  }
}

/**
 * Puts the calculation mode back. In the same context first; if that request fails (the context
 * may be unusable after the error that brought us here), in a fresh Excel.run. When the write
 * already failed, a failing restore must not hide the original error, so it is swallowed then.
 */
async function restoreCalculation(context: Excel.RequestContext, mode: Excel.CalculationMode | `${Excel.CalculationMode}`, failed: boolean): Promise<void> {
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
  const s = v.slice(0, bang);
  return s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

export type { Lang, Support };
