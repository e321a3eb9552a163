// The drill as the pane runs it, without React: an open drill (the DrillState the core works on,
// plus where its cells are in the workbook), the cells and log rows one change needs, and how
// they reach the workbook through the WorkbookHost.
//
// All state lives in the workbook: the statuses and times in the drill tab, the clock and the
// typed-or-stamped distinction in the log (docs/drills.md). The pane keeps the last DrillState
// only as a cache: each change computes the next state with the pure core, writes exactly the
// cells that changed and appends the log rows, so closing the pane (or the workbook) and opening
// it again reads the same drill back.

import {
  LOG_HEADERS, STATUS_LABEL, TIME_FORMAT, readDrillWorkbook, readTimeCell, parseStatus, logRow, scoreDrill, scoreLine,
  drillSheets, applyStatusChange, applyTimeEdit, type DrillLogEntry, type DrillRead, type DrillState, type StepChange,
} from "../core/drill";
import { labelIndex, normHeader } from "../core/drill/text";
import { cellRef, type Issue, parseA1Range } from "../core/sheet-address";
import type { Locale } from "../core/i18n";
import type { CellValue, WorkbookSnapshot } from "../core/workbook";
import type { CellEdit, CellEdits, WatchArea, WorkbookHost } from "./host";

export interface OpenDrill {
  state: DrillState;
  /** Where things are: stepRows, stepColumns, found tables, scoreCell, expectedSteps (from the read). */
  read: DrillRead;
  /** The log table's columns by key, as offsets from its first column (a reordered log still gets its rows right). */
  logColumns: Partial<Record<keyof typeof LOG_HEADERS, number>>;
  /** Width of the log table, in columns. */
  logWidth: number;
}

/** The drill in `snap`, or the issues that say why there is none. */
export function openDrill(snap: WorkbookSnapshot, locale: Locale): { drill?: OpenDrill; issues: Issue[] } {
  const read = readDrillWorkbook(snap, locale);
  if (!read.state) return { issues: read.issues };
  const { logColumns, logWidth } = logLayout(snap, read);
  return { drill: { state: read.state, read, logColumns, logWidth }, issues: read.issues };
}

const LOG_INDEX = labelIndex(LOG_HEADERS);
const LOG_KEYS = Object.keys(LOG_HEADERS) as (keyof typeof LOG_HEADERS)[];

function logLayout(snap: WorkbookSnapshot, read: DrillRead): Pick<OpenDrill, "logColumns" | "logWidth"> {
  const standard = { logColumns: Object.fromEntries(LOG_KEYS.map((k, i) => [k, i])), logWidth: LOG_KEYS.length };
  const f = read.found.log;
  const r = f && parseA1Range(f.ref);
  const sheet = f && snap.sheets.find((s) => s.name === f.sheet);
  if (!r || !sheet) return standard;
  const header = sheet.rows[r.r0] ?? [];
  const cols: Partial<Record<keyof typeof LOG_HEADERS, number>> = {};
  for (let c = r.c0; c <= r.c1; c++) {
    const k = LOG_INDEX.get(normHeader(String(header[c] ?? "")));
    if (k && cols[k] === undefined) cols[k] = c - r.c0;
  }
  return cols.at === undefined ? standard : { logColumns: cols, logWidth: r.c1 - r.c0 + 1 };
}

/** What one change to the drill did: the next state, the step whose cells changed, and the log lines. */
export interface DrillChange {
  state: DrillState;
  log: DrillLogEntry[];
  /** Step cells to write: the status (pane changes only: a sheet change is already in its cell) and the stamped times. */
  steps: { no: number; status?: boolean; writes: StepChange["writes"] }[];
}

export const noChange = (state: DrillState): DrillChange => ({ state, log: [], steps: [] });

/** The cells and log rows `change` needs in the workbook. The score line is refreshed with them. */
export function editsFor(d: OpenDrill, change: DrillChange): CellEdits {
  const { read } = d;
  const next = change.state;
  const L = next.locale; // the workbook's language: the status dropdown only accepts its own labels
  const sheet = read.found.steps!.sheet;
  const cells: CellEdit[] = [];
  const at = new Map<string, number>(); // a later write to the same cell replaces the earlier one
  const put = (e: CellEdit) => {
    const k = e.address;
    if (at.has(k)) cells[at.get(k)!] = e;
    else { at.set(k, cells.length); cells.push(e); }
  };
  const col = read.stepColumns;
  for (const s of change.steps) {
    const i = next.steps.findIndex((x) => x.no === s.no);
    const row = read.stepRows[i];
    if (i < 0 || row === undefined) continue;
    const step = next.steps[i];
    if (s.status && col.status) put({ sheet, address: `${col.status}${row}`, value: STATUS_LABEL[step.status][L] });
    if (s.writes.startedAt !== undefined && col.startedAt) {
      put({ sheet, address: `${col.startedAt}${row}`, value: s.writes.startedAt, numFmt: TIME_FORMAT });
    }
    if (s.writes.completedAt !== undefined && col.completedAt) {
      put({ sheet, address: `${col.completedAt}${row}`, value: s.writes.completedAt, numFmt: TIME_FORMAT });
    }
  }
  if (read.scoreCell && (change.steps.length > 0 || change.log.length > 0)) {
    put({ sheet, address: read.scoreCell, value: scoreLine(scoreDrill(next, { expectedSteps: read.expectedSteps }), L) });
  }
  const appends: CellEdits["appends"] = [];
  const log = read.found.log;
  if (log && change.log.length > 0) {
    const rows = change.log.map((e) => {
      const std = logRow(e, L);
      const out: CellValue[] = new Array(d.logWidth).fill(null);
      LOG_KEYS.forEach((k, i) => {
        const c = d.logColumns[k];
        if (c !== undefined) out[c] = std[i];
      });
      return out;
    });
    const numFmts: (string | undefined)[] = new Array(d.logWidth).fill(undefined);
    numFmts[d.logColumns.at ?? 0] = TIME_FORMAT;
    appends.push({ sheet: log.sheet, ...(log.tableName ? { tableName: log.tableName } : {}), rows, numFmts });
  }
  return { cells, appends };
}

/**
 * Puts `change` into the workbook and returns the drill as it now stands. With writeCells, the few
 * cells and log rows; without it (or when the workbook has no log table to append to), the drill
 * tab and the log are rewritten from the state, the rest of the drill tab (texts, notes people
 * typed) taken from a fresh read so nothing typed since the drill was opened is lost.
 */
export async function commit(host: WorkbookHost, d: OpenDrill, change: DrillChange, locale: Locale): Promise<OpenDrill> {
  if (change.steps.length === 0 && change.log.length === 0) return d;
  if (host.writeCells && d.read.found.log) {
    await host.writeCells(editsFor(d, change));
    return { ...d, state: change.state };
  }
  return rewrite(host, d, change.state, locale);
}

async function rewrite(host: WorkbookHost, d: OpenDrill, next: DrillState, locale: Locale): Promise<OpenDrill> {
  const fresh = readDrillWorkbook(await host.readWorkbook(), locale);
  const byNo = new Map((fresh.state?.steps ?? []).map((s) => [s.no, s]));
  const merged: DrillState = {
    ...next,
    review: fresh.state?.review ?? next.review, // for the score line; the review sheet itself is not rewritten
    steps: next.steps.map((s) => {
      const f = byNo.get(s.no);
      return f ? { ...s, phase: f.phase, text: f.text, owner: f.owner, targetMinutes: f.targetMinutes, note: f.note, key: f.key || s.key } : s;
    }),
  };
  const [, drillModel, , logModel] = drillSheets(merged, { expectedSteps: d.read.expectedSteps });
  // the sheets as the trainer named them: a renamed tab must not get a twin under the default name
  drillModel.name = d.read.found.steps?.sheet ?? drillModel.name;
  logModel.name = d.read.found.log?.sheet ?? logModel.name;
  await host.writeSheets({ tables: [drillModel, logModel], reports: [] });
  const again = openDrill(await host.readWorkbook(), locale);
  return again.drill ?? { ...d, state: merged };
}

// ---- changes people make in the sheet ----

/** The area of the drill tab whose edits the pane handles: status and time columns of the step rows (and rows added below). */
export function watchArea(d: OpenDrill): WatchArea | undefined {
  const { read } = d;
  const sheet = read.found.steps?.sheet;
  const c = read.stepColumns;
  const columns = [c.status, c.startedAt, c.completedAt].filter((x): x is string => !!x);
  if (!sheet || columns.length === 0 || read.stepRows.length === 0) return undefined;
  const firstRow = Math.min(...read.stepRows);
  // rows a trainer adds below the steps: an edit there makes the pane read the drill again
  const lastRow = Math.max(...read.stepRows) + 20;
  return { sheet, columns, firstRow, lastRow };
}

export interface SheetChangeResult {
  change: DrillChange;
  /** Messages for cells that could not be read (unknown status, not a time). */
  warnings: string[];
  /** An edit on a row that holds no known step: read the drill again. */
  resync: boolean;
}

const minuteOf = (d: Date | null) => (d ? Math.round(d.getTime() / 60_000) : null);

/**
 * People changed cells of the drill tab (the values they hold now). Time edits first, then status
 * changes, so a time typed together with a status (a pasted row) is kept as typed. A value equal to
 * what the state already holds is nothing: that is how the pane's own writes come back as events.
 */
export function applySheetChange(d: OpenDrill, cells: { address: string; value: CellValue }[], now: Date, locale: Locale): SheetChangeResult {
  const { read } = d;
  const sheet = read.found.steps!.sheet;
  const col = read.stepColumns;
  let state = d.state;
  const log: DrillLogEntry[] = [];
  const steps: DrillChange["steps"] = [];
  const warnings: string[] = [];
  let resync = false;
  type Item = { no: number; kind: "status" | "startedAt" | "completedAt"; value: CellValue; address: string };
  const items: Item[] = [];
  for (const c of cells) {
    const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(c.address.slice(c.address.lastIndexOf("!") + 1));
    if (!m) continue;
    const letter = m[1].toUpperCase();
    const i = read.stepRows.indexOf(Number(m[2]));
    const kind = letter === col.status ? "status" : letter === col.startedAt ? "startedAt" : letter === col.completedAt ? "completedAt" : undefined;
    if (!kind) continue;
    if (i < 0) {
      if (!(c.value === null || (typeof c.value === "string" && c.value.trim() === ""))) resync = true;
      continue;
    }
    items.push({ no: state.steps[i].no, kind, value: c.value, address: `${letter}${m[2]}` });
  }
  items.sort((a, b) => Number(a.kind === "status") - Number(b.kind === "status"));
  for (const it of items) {
    const step = state.steps.find((s) => s.no === it.no)!;
    if (it.kind === "status") {
      // a date or an error pasted into the status column is no status: reported, not read as blank
      const text = it.value === null ? "" : it.value instanceof Date ? it.value.toISOString().slice(0, 16) : typeof it.value === "object" ? it.value.error : String(it.value);
      const status = parseStatus(text);
      if (!status) {
        warnings.push(`${cellRef(sheet, it.address)}: ${locale === "zh-CN" ? `状态无法识别：“${text}”` : `status not recognised: "${text}"`}`);
        continue;
      }
      const r = applyStatusChange(state, it.no, status, now, "sheet");
      if (!r.step) continue;
      state = r.state;
      log.push(...r.log);
      steps.push({ no: it.no, writes: r.writes });
    } else {
      const t = readTimeCell(it.value, state.scenario.start);
      if (!t.ok) {
        warnings.push(`${cellRef(sheet, it.address)}: ${locale === "zh-CN" ? `不是时间：“${t.shown}”` : `not a time: "${t.shown}"`}`);
        continue;
      }
      if (minuteOf(t.value) === minuteOf(step[it.kind])) continue;
      const r = applyTimeEdit(state, it.no, it.kind, t.value, now, "sheet");
      state = r.state;
      log.push(...r.log);
      // the typed value stays in its cell as typed: nothing to write but the log line
    }
  }
  return { change: { state, log, steps }, warnings, resync };
}
