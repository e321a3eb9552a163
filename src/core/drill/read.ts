// Reading a drill workbook back (a WorkbookSnapshot from our xlsx reader or from Office.js) into a
// DrillState, for scoring, for regenerating with the recorded times kept, and for the pane.
//
// Tolerant by design: trainees move tables, rename sheets, delete rows and type into time cells.
// - Each table is found by its Excel table name first (DrillSteps, DrillReview, DrillLog,
//   DrillRoles: a renamed sheet or a moved table still reads), else by sheet name and header row,
//   else by its header row on any sheet. Headers match in either language.
// - Every unreadable cell is an Issue naming sheet and cell; the cell is then treated as blank and
//   reading goes on. Only a missing steps table (or its No./Step/Status columns) is fatal.
// - Steps deleted from the table are detected from the step count the drill tab's preamble states
//   (步骤数 / Steps) and from gaps in the numbering; they count as not done.
// - Whether a time was typed by a person is inferred from the log: a time equal (to the minute) to
//   a status or activity line of the same step was stamped automatically, any other was typed. With
//   no log every time counts as typed, the safe side (typed times are never cleared).

import { cellIssue, colLetter, type Issue, parseA1Range } from "../sheet-address";
import type { Locale } from "../i18n";
import { isCellError, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "../workbook";
import { parsePhase, parseStatus } from "./logic";
import {
  EVENT_LABEL, FACT, FACT_ALIASES, LOG_HEADERS, REVIEW_HEADERS, ROLE_HEADERS, SHEETS, SOURCE_LABEL, STEP_HEADERS, TABLES,
  labelIndex, msg, normHeader, type MessageCode, type StepColumn, type Text,
} from "./text";
import { parseTimeText, readTimeCell } from "./time";
import type { DrillLogEntry, DrillRole, DrillState, DrillStep, LogSource, PresetName, ReviewRow, StepStatus } from "./types";
import { PRESETS } from "./types";

export interface FoundDrillTable {
  sheet: string;
  /** A1 range, header row included. */
  ref: string;
  /** Set when found as an Excel table. */
  tableName?: string;
}

export interface DrillRead {
  /** undefined when the workbook has no usable steps table (see issues). */
  state: DrillState | undefined;
  issues: Issue[];
  /** Steps the plan had (from the drill tab's preamble), at least the steps read. */
  expectedSteps: number;
  found: { steps?: FoundDrillTable; review?: FoundDrillTable; log?: FoundDrillTable; scenario?: FoundDrillTable };
  /**
   * Where each step lives, for a pane that writes the stamped times back: the 1-based sheet row
   * of state.steps[i], and the column letter of each steps-table column found.
   */
  stepRows: number[];
  stepColumns: Partial<Record<StepColumn, string>>;
  /** The cell holding the score line above the steps table ("演练!A3"-style address, no sheet), if any. */
  scoreCell?: string;
}

interface Located<K extends string> {
  sheet: SheetSnapshot;
  headerRow: number; // 0-based
  lastRow: number; // 0-based inclusive
  cols: Map<K, number>;
  found: FoundDrillTable;
  byName: boolean;
}

function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (isCellError(v)) return v.error;
  if (v instanceof Date) return v.toISOString().slice(0, 16).replace("T", " ");
  return String(v);
}

function mapHeaders<K extends string>(row: CellValue[] | undefined, c0: number, c1: number, index: Map<string, K>): Map<K, number> {
  const cols = new Map<K, number>();
  if (!row) return cols;
  for (let c = c0; c <= c1; c++) {
    const k = index.get(normHeader(cellText(row[c])));
    if (k && !cols.has(k)) cols.set(k, c);
  }
  return cols;
}

const SCAN_ROWS = 40;

/**
 * Finds a table: by Excel table name on any sheet, else on the sheets named `names` (then all
 * sheets) the first row within SCAN_ROWS holding every `required` header.
 */
function locate<K extends string>(
  wb: WorkbookSnapshot, tableName: string, names: Text, headers: Record<K, Text>, required: NoInfer<K>[],
): Located<K> | undefined {
  const index = labelIndex(headers);
  for (const sheet of wb.sheets) {
    for (const t of sheet.tables) {
      if (t.name.toLowerCase() !== tableName.toLowerCase() || !t.headerRow) continue;
      const r = parseA1Range(t.ref);
      if (!r) continue;
      const cols = mapHeaders(sheet.rows[r.r0], r.c0, r.c1, index);
      return { sheet, headerRow: r.r0, lastRow: r.r1, cols, found: { sheet: sheet.name, ref: t.ref, tableName: t.name }, byName: true };
    }
  }
  const wanted = new Set([names["zh-CN"], names["en-US"]].map((n) => n.toLowerCase()));
  const ordered = [...wb.sheets.filter((s) => wanted.has(s.name.toLowerCase())), ...wb.sheets.filter((s) => !wanted.has(s.name.toLowerCase()))];
  for (const sheet of ordered) {
    for (let r = 0; r < Math.min(SCAN_ROWS, sheet.rows.length); r++) {
      const row = sheet.rows[r];
      if (!row) continue;
      const cols = mapHeaders(row, 0, row.length - 1, index);
      if (!required.every((k) => cols.has(k))) continue;
      const c0 = Math.min(...cols.values());
      const c1 = Math.max(...cols.values());
      const lastRow = Math.max(r, sheet.rows.length - 1);
      return {
        sheet, headerRow: r, lastRow, cols, byName: false,
        found: { sheet: sheet.name, ref: `${colLetter(c0)}${r + 1}:${colLetter(c1)}${lastRow + 1}` },
      };
    }
  }
  return undefined;
}

class IssueList {
  readonly items: Issue[] = [];
  constructor(readonly locale: Locale) {}
  add(severity: Issue["severity"], sheet: string, cell: string, code: MessageCode, ...args: (string | number)[]): void {
    this.items.push(cellIssue(severity, sheet, cell, code, msg(code, this.locale, ...args)));
  }
}

const ROW_BLANK = (row: CellValue[] | undefined, cols: Iterable<number>) => {
  if (!row) return true;
  for (const c of cols) {
    const v = row[c];
    if (!(v === null || v === undefined || (typeof v === "string" && v.trim() === ""))) return false;
  }
  return true;
};

/** "label：value" lines above a table. */
function facts(sheet: SheetSnapshot, above: number): {
  lines: string[]; cells: string[]; get: (k: keyof typeof FACT) => string | undefined;
} {
  // the first non-blank cell of each row: the preamble may have moved along with the table
  const lines: string[] = [];
  const cells: string[] = [];
  for (let r = 0; r < above; r++) {
    const row = sheet.rows[r] ?? [];
    const c = row.findIndex((v) => cellText(v).trim() !== "");
    if (c < 0) continue;
    lines.push(cellText(row[c]).trim());
    cells.push(`${colLetter(c)}${r + 1}`);
  }
  const get = (k: keyof typeof FACT) => {
    for (const line of lines) {
      for (const label of [FACT[k]["zh-CN"], FACT[k]["en-US"], ...(FACT_ALIASES[k] ?? [])]) {
        // the drill tab puts two facts on one line, separated by spaces
        const m = new RegExp(`(?:^|\\s)${label}\\s*[:：]\\s*(.*?)(?:\\s{2,}|$)`).exec(line);
        if (m) return m[1].trim();
      }
    }
    return undefined;
  };
  return { lines, cells, get };
}

const STATUS_TEXT = (s: string) => parseStatus(s);
const EVENT_INDEX = labelIndex(EVENT_LABEL);

function sourceOf(who: string): LogSource {
  const w = who.trim().toLowerCase();
  for (const k of ["pane", "sheet", "addin", "cli"] as LogSource[]) {
    for (const label of [SOURCE_LABEL[k]["zh-CN"], SOURCE_LABEL[k]["en-US"]]) {
      if (label && w.startsWith(label.toLowerCase())) return k;
    }
  }
  return "unknown";
}

function byOf(who: string, source: LogSource): string {
  if (source === "unknown") return who.trim();
  const parts = who.split("·");
  return parts.length > 1 ? parts.slice(1).join("·").trim() : "";
}

const minuteOf = (d: Date) => Math.floor(d.getTime() / 60_000);

export function readDrillWorkbook(wb: WorkbookSnapshot, locale: Locale = "zh-CN"): DrillRead {
  const issues = new IssueList(locale);
  const found: DrillRead["found"] = {};

  // ---- scenario (first: its start day places bare times of day) ----
  const roles: DrillRole[] = [];
  let title = "";
  const description: string[] = [];
  let start: Date | undefined;
  let team = "";
  let preset: PresetName | "custom" = "custom";
  const sc = locate(wb, TABLES.roles, SHEETS.scenario, ROLE_HEADERS, ["role"]);
  if (sc) {
    found.scenario = sc.found;
    const f = facts(sc.sheet, sc.headerRow);
    const factLabels = [...Object.values(FACT).flatMap((t) => [t["zh-CN"], t["en-US"]]), ...Object.values(FACT_ALIASES).flat()];
    const isFact = (l: string) => factLabels.some((lab) => new RegExp(`^${lab}\\s*[:：]`).test(l));
    title = f.lines[0] ?? "";
    description.push(...f.lines.slice(1).filter((l) => !isFact(l)));
    const st = f.get("start");
    if (st) start = parseTimeText(st);
    team = f.get("team") ?? "";
    const p = f.get("preset");
    if (p && PRESETS.includes(p as PresetName)) preset = p as PresetName;
    for (let r = sc.headerRow + 1; r <= sc.lastRow; r++) {
      const row = sc.sheet.rows[r];
      if (ROW_BLANK(row, sc.cols.values())) continue;
      const get = (k: "role" | "duty" | "player") => (sc.cols.has(k) ? cellText(row![sc.cols.get(k)!]).trim() : "");
      roles.push({ role: get("role"), duty: get("duty"), player: get("player") });
    }
  } else {
    issues.add("warning", SHEETS.scenario[locale], "A1", "no-scenario-sheet");
  }

  // ---- steps ----
  const st = locate(wb, TABLES.steps, SHEETS.drill, STEP_HEADERS, ["no", "text", "status"]);
  if (!st) {
    issues.add("error", SHEETS.drill[locale], "A1", "no-steps-table");
    return { state: undefined, issues: issues.items, expectedSteps: 0, found, stepRows: [], stepColumns: {} };
  }
  found.steps = st.found;
  const S = st.sheet.name;
  const hdrCell = `${colLetter(Math.min(...st.cols.values()))}${st.headerRow + 1}`;
  if (!st.byName) issues.add("warning", S, hdrCell, "steps-table-by-header", S);
  let missingRequired = false;
  for (const k of ["no", "text", "status"] as const) {
    if (!st.cols.has(k)) {
      issues.add("error", S, hdrCell, "missing-column", STEP_HEADERS[k][locale]);
      missingRequired = true;
    }
  }
  if (missingRequired) return { state: undefined, issues: issues.items, expectedSteps: 0, found, stepRows: [], stepColumns: {} };
  for (const k of ["phase", "target", "startedAt", "completedAt"] as const) {
    if (!st.cols.has(k)) issues.add("warning", S, hdrCell, "missing-column", STEP_HEADERS[k][locale]);
  }
  const drillFacts = facts(st.sheet, st.headerRow);
  if (!title) title = drillFacts.lines[0] ?? "";
  if (!start) {
    const t = drillFacts.get("start");
    if (t) start = parseTimeText(t);
  }
  const isZh = normHeader(cellText(st.sheet.rows[st.headerRow]?.[st.cols.get("no")!])) === normHeader(STEP_HEADERS.no["zh-CN"]);
  const drillLocale: Locale = isZh ? "zh-CN" : "en-US";

  const steps: DrillStep[] = [];
  const stepRows: number[] = [];
  const stepColumns: Partial<Record<StepColumn, string>> = {};
  for (const [k, c] of st.cols) stepColumns[k] = colLetter(c);
  const scoreAt = drillFacts.lines.findIndex((v) => [FACT.score["zh-CN"], FACT.score["en-US"]].some((l) => new RegExp(`^${l}\\s*[:：]`).test(v)));
  const scoreCell = scoreAt >= 0 ? drillFacts.cells[scoreAt] : undefined;
  const seenNo = new Set<number>();
  const col = (k: keyof typeof STEP_HEADERS) => st.cols.get(k);
  for (let r = st.headerRow + 1; r <= st.lastRow; r++) {
    const row = st.sheet.rows[r];
    if (ROW_BLANK(row, st.cols.values())) continue;
    const at = (c: number) => `${colLetter(c)}${r + 1}`;
    const v = (k: keyof typeof STEP_HEADERS): CellValue | undefined => (col(k) === undefined ? undefined : row![col(k)!]);
    const t = (k: keyof typeof STEP_HEADERS) => cellText(v(k)).trim();

    let no: number;
    const noRaw = v("no");
    const noNum = typeof noRaw === "number" ? noRaw : Number(t("no"));
    if (t("no") !== "" && Number.isInteger(noNum) && noNum >= 1) no = noNum;
    else {
      // a step a trainer added without a number follows the one above it; junk is reported
      no = (steps.length ? steps[steps.length - 1].no : 0) + 1;
      if (t("no") !== "") issues.add("error", S, at(col("no")!), "bad-no", t("no"));
    }
    if (seenNo.has(no)) issues.add("error", S, at(col("no")!), "duplicate-no", no);
    seenNo.add(no);

    let phase = null as DrillStep["phase"];
    if (col("phase") !== undefined && t("phase")) {
      phase = parsePhase(t("phase")) ?? null;
      if (!phase) issues.add("warning", S, at(col("phase")!), "bad-phase", t("phase"));
    }
    let status: StepStatus = "not-started";
    const stText = t("status");
    const parsed = STATUS_TEXT(stText);
    if (parsed) status = parsed;
    else issues.add("warning", S, at(col("status")!), "bad-status", stText);

    let targetMinutes: number | null = null;
    if (col("target") !== undefined && t("target")) {
      const tv = v("target");
      const n = typeof tv === "number" ? tv : Number(t("target").normalize("NFKC").replace(/(分钟|分|min(utes?)?)$/i, "").trim());
      if (Number.isFinite(n) && n >= 0) targetMinutes = n;
      else issues.add("warning", S, at(col("target")!), "bad-target", t("target"));
    }
    const time = (k: "startedAt" | "completedAt"): Date | null => {
      if (col(k) === undefined) return null;
      const rt = readTimeCell(v(k), start);
      if (rt.ok) return rt.value;
      issues.add("error", S, at(col(k)!), "bad-time", STEP_HEADERS[k][locale], rt.shown);
      return null;
    };
    stepRows.push(r + 1);
    steps.push({
      no, key: t("key"), phase, text: t("text"), owner: t("owner"), targetMinutes, status,
      startedAt: time("startedAt"), completedAt: time("completedAt"), startedManual: false, completedManual: false,
      note: cellText(v("note")).trim(),
    });
  }

  // steps lost from the table: the count the preamble states, and gaps in the numbering
  const stated = Number(drillFacts.get("steps"));
  const maxNo = steps.reduce((m, s) => Math.max(m, s.no), 0);
  const expectedSteps = Math.max(steps.length, Number.isInteger(stated) ? stated : 0, maxNo);
  if (expectedSteps > steps.length) {
    const missing: number[] = [];
    for (let n = 1; n <= expectedSteps; n++) if (!seenNo.has(n)) missing.push(n);
    issues.add("error", S, st.found.ref, "missing-steps", expectedSteps, steps.length, missing.join(locale === "zh-CN" ? "、" : ", "));
  }

  // ---- review ----
  const review: ReviewRow[] = [];
  const rv = locate(wb, TABLES.review, SHEETS.review, REVIEW_HEADERS, ["problem"]);
  if (rv) {
    found.review = rv.found;
    const R = rv.sheet.name;
    const dataCols = (["problem", "action", "owner", "due"] as const).map((k) => rv.cols.get(k)).filter((c): c is number => c !== undefined);
    for (let r = rv.headerRow + 1; r <= rv.lastRow; r++) {
      const row = rv.sheet.rows[r];
      if (ROW_BLANK(row, dataCols)) continue;
      const get = (k: "problem" | "action" | "owner") => (rv.cols.has(k) ? cellText(row![rv.cols.get(k)!]).trim() : "");
      let due: Date | null = null;
      let dueText: string | undefined;
      if (rv.cols.has("due")) {
        const c = rv.cols.get("due")!;
        const rt = readTimeCell(row![c]);
        if (rt.ok) due = rt.value && rt.value.getUTCFullYear() >= 1971 ? rt.value : null;
        else {
          dueText = rt.shown;
          issues.add("warning", R, `${colLetter(c)}${r + 1}`, "bad-due", rt.shown);
        }
      }
      review.push({ problem: get("problem"), action: get("action"), owner: get("owner"), due, ...(dueText ? { dueText } : {}) });
    }
  } else {
    issues.add("warning", SHEETS.review[locale], "A1", "no-review-sheet");
  }

  // ---- log ----
  const log: DrillLogEntry[] = [];
  const lg = locate(wb, TABLES.log, SHEETS.log, LOG_HEADERS, ["at", "event"]);
  if (lg) {
    found.log = lg.found;
    for (let r = lg.headerRow + 1; r <= lg.lastRow; r++) {
      const row = lg.sheet.rows[r];
      if (ROW_BLANK(row, lg.cols.values())) continue;
      const get = (k: keyof typeof LOG_HEADERS) => (lg.cols.has(k) ? row![lg.cols.get(k)!] : undefined);
      const atRead = readTimeCell(get("at"), start);
      if (!atRead.ok || !atRead.value) {
        issues.add("warning", lg.sheet.name, `${colLetter(lg.cols.get("at")!)}${r + 1}`, "bad-log-time", atRead.ok ? "" : atRead.shown);
        continue;
      }
      const who = cellText(get("who"));
      const source = sourceOf(who);
      const noV = get("no");
      const stepNo = typeof noV === "number" ? noV : cellText(noV).trim() && Number.isInteger(Number(cellText(noV))) ? Number(cellText(noV)) : null;
      const from = cellText(get("from")).trim();
      const to = cellText(get("to")).trim();
      const fromS = from ? parseStatus(from) ?? null : null;
      const toS = to ? parseStatus(to) ?? null : null;
      log.push({
        at: atRead.value, source, by: byOf(who, source),
        event: EVENT_INDEX.get(normHeader(cellText(get("event")))) ?? "status",
        stepNo, stepText: cellText(get("step")).trim(), from: fromS, to: toS, note: cellText(get("note")).trim(),
      });
    }
    // typed or stamped: see the header comment
    for (const s of steps) {
      const stamped = new Set(log.filter((e) => e.stepNo === s.no && (e.event === "status" || e.event === "activity")).map((e) => minuteOf(e.at)));
      s.startedManual = s.startedAt !== null && !stamped.has(minuteOf(s.startedAt));
      s.completedManual = s.completedAt !== null && !stamped.has(minuteOf(s.completedAt));
    }
  } else {
    issues.add("warning", SHEETS.log[locale], "A1", "no-log-sheet");
    for (const s of steps) {
      s.startedManual = s.startedAt !== null;
      s.completedManual = s.completedAt !== null;
    }
  }

  // the clock: first start, and the stop that follows the last start
  let clockStart: Date | null = null;
  let clockStop: Date | null = null;
  for (const e of log) {
    if (e.event === "clock-start") { clockStart ??= e.at; clockStop = null; }
    if (e.event === "clock-stop" && clockStart) clockStop = e.at;
  }

  const state: DrillState = {
    locale: drillLocale,
    scenario: { preset, title, description, start: start ?? new Date(0), team, roles },
    steps, review, log, clock: { startedAt: clockStart, stoppedAt: clockStop },
  };
  return { state, issues: issues.items, expectedSteps, found, stepRows, stepColumns, ...(scoreCell ? { scoreCell } : {}) };
}
