// `lossdesk event new`: start a live event (docs/live-event.md). Writes the response checklist (the
// drill's engine under the event's names: 应急事件, 应急响应, 事件复盘, 事件记录), an empty complaint
// register and the media log, into a copy of the bank's workbook (`<input.xlsx>`, never changed)
// or into a new workbook. `lossdesk analyze --out` on that workbook then completes the steps
// LossDesk does (analysis, drafts, report) and logs them, and writes the regulator report.
//
//   lossdesk event new [<input.xlsx>] [--discovered "YYYY-MM-DD HH:MM"] [--title <text>]
//                      [--report-deadlines 30m/1h|2h/24h] [--scoring <scoring.json>] [--locale zh-CN|en-US] [--force] --out <event.xlsx>
//
// Also here: the analyze options of the live event (--regulator-report, --report-deadlines) and
// what analyze --out does to the checklist, so main.ts only gains a few lines.

import fs from "fs";
import path from "path";
import {
  buildMediaLog, buildRegister, completeActivities, isRegulatorKind, liveEventSheets, newLiveEvent, parseReportingDeadlines,
  readLiveEvent, deadlinesOfEvent, type RegulatorReportKind, type ReportingDeadlines,
} from "../core/event";
import { parseTimeText, wallClock } from "../core/drill";
import type { Locale } from "../core/i18n";
import type { Activity, DrillState } from "../core/drill/types";
import type { TableSheetModel, WorkbookSnapshot } from "../core/workbook";
import { graftWorkbookFile } from "../adapters/xlsx/graft-node";
import { Args, UsageError, defaultLocale, parseArgs, scoringOf, str, writeNewWorkbook } from "./args";
import { DEFAULT_SCORING } from "../core/risk";
import { DEFAULT_COMPLAINT_POLICY, type ComplaintPolicy } from "../core/contact";
import type { StepRules } from "../core/drill/presets";
import { isLocale } from "../core/i18n";

const VALUE_FLAGS = new Set(["--discovered", "--title", "--report-deadlines", "--scoring", "--locale", "--out"]);
const BOOL_FLAGS = new Set(["--force", "--help"]);

export const EVENT_HELP = `lossdesk event: 应急事件 / a live event

  lossdesk event new [<input.xlsx>] [--discovered "YYYY-MM-DD HH:MM"] [--title <text>]
                     [--report-deadlines 30m/1h|2h/24h] [--scoring <scoring.json>] [--locale zh-CN|en-US] [--force] --out <event.xlsx>
      启动应急事件：应急响应清单（状态、时间、记录，与演练同一引擎）、投诉登记、舆情记录；
      有输入工作簿时写入其副本（输入文件不变）。--report-deadlines 为突发事件口头/书面报告时限（默认 30m/1h）。
      Starts a live event: the response checklist (statuses, times, log: the drill's engine), the complaint
      register and the media log; into a copy of <input.xlsx> when given (the input is never changed).
      --report-deadlines: the oral / written incident-report deadlines of the bank's region (default 30m/1h).
      --scoring 与 analyze 相同的评分配置（其中 elderlyAge 为步骤所称的老年客户年龄）。
      --scoring: the same scoring config as analyze (its elderlyAge is the age the steps name).`;

export interface EventCommandOptions {
  now?: () => Date;
  /** The complaint clock in force (the complaintPolicy setting): the steps and the register name it. Default DEFAULT_COMPLAINT_POLICY. */
  complaintPolicy?: ComplaintPolicy;
}

/** The live event's options of \`analyze\`: --regulator-report first|update|final, --report-deadlines 30m/1h. */
export function eventAnalyzeOptions(args: Args): { regulatorReport?: RegulatorReportKind; reportingDeadlines?: ReportingDeadlines } {
  const kind = str(args, "--regulator-report");
  if (kind !== undefined && !isRegulatorKind(kind)) throw new UsageError(`--regulator-report must be first, update or final, not "${kind}"`);
  return { regulatorReport: kind as RegulatorReportKind | undefined, reportingDeadlines: deadlinesArg(args) };
}

function deadlinesArg(args: Args): ReportingDeadlines | undefined {
  const v = str(args, "--report-deadlines");
  if (v === undefined) return undefined;
  const d = parseReportingDeadlines(v);
  if (!d) throw new UsageError(`--report-deadlines must be oral/written, e.g. 30m/1h or 2h/24h, not "${v}"`);
  return d;
}

/**
 * analyze --out on a workbook with a live event, in two steps around building the outputs. First
 * the analysis and the drafts are done, so their checklist steps are completed (as the pane does in
 * a drill) and `state` is what the regulator report is built from, so it says so. Then `after`:
 * the written report is done only once that report stands approved (审定) as written; before
 * that, writing it only starts its step. `after` gives the sheets to write (steps and log), or none.
 */
export function liveEventAnalyze(previous: WorkbookSnapshot, locale: Locale, now: Date = wallClock(new Date())): {
  state?: DrillState; after(regulatorApproved: boolean): TableSheetModel[];
} {
  const read = readLiveEvent(previous, locale);
  if (!read?.state) return { after: () => [] };
  const deadlines = deadlinesOfEvent(read.state.steps);
  const done = completeActivities(read, ["analysis-run", "drafts-written"], now, deadlines);
  const report: Activity[] = ["report-written"];
  return {
    state: done.state,
    after: (approved) => {
      const r = completeActivities({ ...read, state: done.state }, approved ? report : [], now, deadlines, approved ? [] : report);
      return r.completed.length ? r.sheets : done.sheets;
    },
  };
}

function sameFile(a: string, b: string): boolean {
  const real = (p: string) => (fs.existsSync(p) ? fs.realpathSync(p) : path.resolve(p));
  return real(a) === real(b);
}

export async function eventCommand(argv: string[], say: (s: string) => void, complain: (s: string) => void, opts: EventCommandOptions = {}): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv, VALUE_FLAGS, BOOL_FLAGS);
  } catch (e) {
    complain(`lossdesk event: ${(e as Error).message}\n\n${EVENT_HELP}`);
    return 2;
  }
  const [sub, ...rest] = args.positional;
  if (!sub || args.flags.has("--help") || sub === "help") { say(EVENT_HELP); return sub || args.flags.has("--help") ? 0 : 2; }
  try {
    if (sub !== "new") throw new UsageError(`unknown sub-command "${sub}"`);
    const l = str(args, "--locale");
    if (l !== undefined && !isLocale(l)) throw new UsageError(`--locale must be zh-CN or en-US, not "${l}"`);
    const locale = (l as Locale | undefined) ?? defaultLocale();
    const zh = locale === "zh-CN";
    const out = str(args, "--out");
    if (!out) throw new UsageError("event new needs --out <event.xlsx>");
    if (rest.length > 1) throw new UsageError(`unexpected argument "${rest[1]}"`);
    const input = rest[0];
    if (input && !fs.existsSync(input)) { complain(zh ? `lossdesk: 找不到文件 ${input}` : `lossdesk: no such file ${input}`); return 2; }
    if (input && sameFile(input, out)) {
      complain(zh ? `lossdesk: 不会覆盖输入文件 ${input}` : `lossdesk: refusing to write over the input file ${input}`);
      return 2;
    }
    if (fs.existsSync(out) && !args.flags.has("--force")) {
      complain(zh ? `lossdesk: ${out} 已存在（一个进行中的应急事件比重新生成更重要）；确需覆盖请加 --force` : `lossdesk: ${out} exists (a live event in progress is worth more than a rerun); add --force to replace it`);
      return 2;
    }
    const now = (opts.now ?? (() => wallClock(new Date())))();
    const d = str(args, "--discovered");
    const discoveredAt = d === undefined ? undefined : parseTimeText(d);
    if (d !== undefined && (!discoveredAt || discoveredAt.getUTCFullYear() < 1971)) throw new UsageError(`--discovered must be "YYYY-MM-DD HH:MM", not "${d}"`);
    const deadlines = deadlinesArg(args);
    const title = str(args, "--title");
    const scoring = scoringOf(args, zh, complain);
    if (scoring === false) return 2;
    // The settings the steps name (elderly age, complaint clock), as analyze would use them.
    const rules: StepRules = {
      elderlyAge: (scoring ?? DEFAULT_SCORING).elderlyAge, complaints: opts.complaintPolicy ?? DEFAULT_COMPLAINT_POLICY,
    };
    const state = newLiveEvent({ locale, now, discoveredAt, deadlines, rules, ...(title ? { title } : {}) });
    const day = now.toISOString().slice(0, 10);
    const sheets = [
      ...liveEventSheets(state, deadlines), buildRegister({ locale, asOf: day, policy: rules.complaints }).sheet, buildMediaLog(locale),
    ];
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    if (input) await graftWorkbookFile(input, out, { tables: sheets, reports: [] });
    else await writeNewWorkbook(out, sheets);
    say(zh
      ? `已写出 ${out}：${sheets.map((s) => s.name).join("、")}（${state.steps.length} 个步骤，发现时间 ${state.scenario.start.toISOString().slice(0, 16).replace("T", " ")}）`
      : `wrote ${out}: ${sheets.map((s) => s.name).join(", ")} (${state.steps.length} steps, discovered ${state.scenario.start.toISOString().slice(0, 16).replace("T", " ")})`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) { complain(`lossdesk event: ${e.message}\n\n${EVENT_HELP}`); return 2; }
    throw e;
  }
}
