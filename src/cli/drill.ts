// `lossdesk drill new | score`: the trainer's side of an emergency drill.
//   drill new   [--scenario <preset|scenario.json>] [--team <name[:players]>] [--locale zh-CN|en-US]
//               [--plan <steps.json|steps.csv|drill.xlsx>] [--seed N] [--force] --out drill.xlsx
//   drill score <a.xlsx> <b.xlsx> ... [--out summary.xlsx] [--json -|file] [--locale] [--force]
//
// Files never overwritten: an input (plan, scenario file, a scored workbook) under any flag; any
// other existing file only with --force (a trainer's filled-in drill is worth more than a rerun).
// Exit codes as the rest of the CLI: 0 done (score: at least one workbook scored), 2 bad usage or
// nothing usable, 1 an unexpected failure (thrown to main).

import fs from "fs";
import path from "path";
import {
  DrillError, PRESETS, SCORE_WEIGHTS, newDrillWorkbook, parsePlanCsv, parsePlanJson, parseScenarioJson, parseTeamArg,
  readDrillWorkbook, scoreDrill, wallClock, type DrillScore, type DrillState, type PresetName, type ReviewGap,
  type ScenarioFile, type StepPlan,
} from "../core/drill";
import { cellRef, type Issue } from "../core/sheet-address";
import { isLocale, type Locale } from "../core/i18n";
import type { CellValue, TableSheetModel } from "../core/workbook";
import { readXlsxFile, WorkbookReadError, describeReadError } from "../adapters/xlsx/read";
import { Args, UsageError, defaultLocale, parseArgs, str, writeNewWorkbook } from "./args";

export interface DrillCommandOptions {
  /** Wall-clock "now" (tests pin it); default the machine's local time. */
  now?: () => Date;
}

const VALUE_FLAGS = new Set(["--scenario", "--team", "--locale", "--plan", "--out", "--json", "--seed", "--clients"]);
const BOOL_FLAGS = new Set(["--force", "--help"]);

export const DRILL_HELP = `lossdesk drill: 应急演练 / emergency drills

  lossdesk drill new [--scenario nav-fall|mass-complaint|media-inquiry|live-event|<scenario.json>] [--team <name[:players]>]
                     [--locale zh-CN|en-US] [--plan <steps.json|steps.csv|drill.xlsx>] [--seed N] [--force] --out <drill.xlsx>
      生成演练工作簿：情景、演练步骤（状态下拉、计时、得分）、示例净值与持仓、总结评估、演练记录。
      Writes a drill workbook: scenario, steps (status drop-down, times, score), sample NAV and holdings,
      after-action review, drill log. --plan drill.xlsx regenerates from an edited drill, keeping its times.
  lossdesk drill score <a.xlsx> [<b.xlsx> ...] [--out <summary.xlsx>] [--json <file>|-] [--locale zh-CN|en-US] [--force]
      收集并评分学员交回的演练工作簿，输出排名、各步骤用时、缺项。 / Scores returned drill workbooks into one summary.

Exit codes: 0 done (score: at least one workbook scored), 2 bad usage or nothing usable, 1 unexpected failure.`;

/** Same file, symlinks resolved (the output may not exist yet). */
function sameFile(a: string, b: string): boolean {
  const real = (p: string) => {
    const abs = path.resolve(p);
    if (fs.existsSync(abs)) return fs.realpathSync(abs);
    const dir = path.dirname(abs);
    return fs.existsSync(dir) ? path.join(fs.realpathSync(dir), path.basename(abs)) : abs;
  };
  return real(a) === real(b);
}

export async function drillCommand(
  argv: string[], out: (s: string) => void, err: (s: string) => void, opts: DrillCommandOptions = {},
): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv, VALUE_FLAGS, BOOL_FLAGS);
  } catch (e) {
    err(`lossdesk drill: ${(e as Error).message}\n\n${DRILL_HELP}`);
    return 2;
  }
  const [sub, ...rest] = args.positional;
  if (!sub || args.flags.has("--help") || sub === "help") {
    out(DRILL_HELP);
    return sub || args.flags.has("--help") ? 0 : 2;
  }
  try {
    const l = str(args, "--locale");
    if (l !== undefined && !isLocale(l)) throw new UsageError(`--locale must be zh-CN or en-US, not "${l}"`);
    const locale = (l as Locale | undefined) ?? defaultLocale();
    const now = opts.now ?? (() => wallClock(new Date()));
    if (sub === "new") {
      if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
      return await drillNew(args, locale, now(), out, err);
    }
    if (sub === "score") return await drillScore(rest, args, locale, out, err);
    throw new UsageError(`unknown drill command "${sub}" (use new or score)`);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`lossdesk drill: ${e.message}\n\n${DRILL_HELP}`);
      return 2;
    }
    throw e;
  }
}

/** Refuses inputs always, and existing files without --force; returns false after saying why. */
function outputAllowed(outPath: string, inputs: string[], force: boolean, locale: Locale, err: (s: string) => void): boolean {
  const zh = locale === "zh-CN";
  const input = inputs.find((i) => sameFile(i, outPath));
  if (input) {
    err(zh ? `lossdesk drill: 不会覆盖输入文件 ${input}；请用 --out 指定另一个文件` : `lossdesk drill: refusing to write over the input file ${input}; give --out another file`);
    return false;
  }
  if (fs.existsSync(outPath) && !force) {
    err(zh ? `lossdesk drill: ${outPath} 已存在；换一个文件名，或加 --force 覆盖` : `lossdesk drill: ${outPath} already exists; choose another name or add --force to replace it`);
    return false;
  }
  return true;
}

function issueLine(file: string, i: Issue, locale: Locale): string {
  const zh = locale === "zh-CN";
  const sev = i.severity === "error" ? (zh ? "错误" : "error") : zh ? "警告" : "warning";
  return `${file}: ${sev} ${i.message}`;
}

// ---- drill new ----

async function drillNew(args: Args, locale: Locale, now: Date, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const zh = locale === "zh-CN";
  const outPath = str(args, "--out");
  if (!outPath) throw new UsageError("drill new needs --out <drill.xlsx>");
  const inputs: string[] = [];
  const fail = (m: string) => { err(`lossdesk drill: ${m}`); return 2; };

  let preset: PresetName = "nav-fall";
  let scenarioFile: ScenarioFile | undefined;
  const sc = str(args, "--scenario");
  if (sc !== undefined) {
    if ((PRESETS as readonly string[]).includes(sc)) preset = sc as PresetName;
    else if (fs.existsSync(sc) && fs.statSync(sc).isFile()) {
      inputs.push(sc);
      try {
        scenarioFile = parseScenarioJson(fs.readFileSync(sc, "utf8"), locale);
      } catch (e) {
        if (e instanceof DrillError) return fail(`${sc}: ${e.message}`);
        throw e;
      }
    } else {
      return fail(zh
        ? `情景无法识别：“${sc}”（预设 ${PRESETS.join("、")}，或一个 .json 情景文件）`
        : `unknown scenario "${sc}" (presets ${PRESETS.join(", ")}, or a .json scenario file)`);
    }
  }

  let plan: StepPlan[] | undefined;
  let carry: DrillState | undefined;
  const planPath = str(args, "--plan");
  if (planPath !== undefined) {
    if (!fs.existsSync(planPath)) return fail(zh ? `找不到文件 ${planPath}` : `no such file ${planPath}`);
    inputs.push(planPath);
    const ext = path.extname(planPath).toLowerCase();
    try {
      if (ext === ".json") plan = parsePlanJson(fs.readFileSync(planPath, "utf8"), locale);
      else if (ext === ".csv" || ext === ".txt") plan = parsePlanCsv(fs.readFileSync(planPath, "utf8"), locale);
      else if (ext === ".xlsx" || ext === ".xlsm") {
        const read = readDrillWorkbook(await readXlsxFile(planPath), locale);
        for (const i of read.issues) err(issueLine(planPath, i, locale));
        if (!read.state) return fail(zh ? `${planPath} 无法作为演练计划读取` : `${planPath} cannot be read as a drill plan`);
        carry = read.state;
      } else {
        return fail(zh ? `${planPath}：计划文件须为 .json、.csv 或演练工作簿 .xlsx` : `${planPath}: a plan must be .json, .csv or a drill workbook .xlsx`);
      }
    } catch (e) {
      if (e instanceof DrillError) return fail(`${planPath}: ${e.message}`);
      if (e instanceof WorkbookReadError) return fail(`${planPath}: ${describeReadError(e, locale)}`);
      throw e;
    }
  }

  const int = (name: string) => {
    const v = str(args, name);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} must be a whole number >= 1`);
    return n;
  };
  const seed = int("--seed");
  const clients = int("--clients");
  const teamArg = str(args, "--team");

  if (!outputAllowed(outPath, inputs, args.flags.has("--force"), locale, err)) return 2;

  const drill = newDrillWorkbook({
    locale, preset, scenarioFile, plan, carry, seed, clients, now,
    team: teamArg !== undefined ? parseTeamArg(teamArg) : undefined,
  });
  fs.mkdirSync(path.dirname(path.resolve(outPath)), { recursive: true });
  await writeNewWorkbook(outPath, drill.sheets);
  const s = drill.state;
  out(zh
    ? `已写出 ${outPath}：${s.scenario.title}，${s.steps.length} 个步骤，${drill.sheets.length} 张工作表${s.scenario.team ? `，团队 ${s.scenario.team}` : ""}`
    : `wrote ${outPath}: ${s.scenario.title}, ${s.steps.length} steps, ${drill.sheets.length} sheets${s.scenario.team ? `, team ${s.scenario.team}` : ""}`);
  return 0;
}

// ---- drill score ----

interface Scored {
  file: string;
  team: string;
  state: DrillState;
  score: DrillScore;
  issues: Issue[];
}

interface StepStat {
  label: string;
  no: number;
  done: number;
  timed: number;
  totalMinutes: number;
  slowest: { minutes: number; team: string } | null;
  late: number;
  skipped: number;
  notDone: number;
}

export function gapText(g: ReviewGap, locale: Locale): string {
  const zh = locale === "zh-CN";
  switch (g.kind) {
    case "no-problems": return zh ? "未列出发现的问题" : "no problems listed";
    case "no-problem": return zh ? `第 ${g.item} 项缺少问题描述` : `item ${g.item} has no problem described`;
    case "no-action": return zh ? `第 ${g.item} 项缺少整改措施` : `item ${g.item} has no corrective action`;
    case "no-owner": return zh ? `第 ${g.item} 项缺少责任部门/责任人` : `item ${g.item} has no owner`;
    case "no-due": return zh ? `第 ${g.item} 项缺少完成期限` : `item ${g.item} has no due date`;
  }
}

const fmt1 = (x: number) => x.toFixed(1);

function stepStats(scored: Scored[]): StepStat[] {
  const stats = new Map<string, StepStat>();
  for (const s of scored) {
    s.state.steps.forEach((step, i) => {
      // the same step across workbooks: by its key, else its text (plans may be renumbered)
      const id = step.key || step.text;
      let st = stats.get(id);
      if (!st) {
        st = { label: step.text, no: step.no, done: 0, timed: 0, totalMinutes: 0, slowest: null, late: 0, skipped: 0, notDone: 0 };
        stats.set(id, st);
      }
      const j = s.score.steps[i];
      if (step.status === "done") st.done++;
      else st.notDone++;
      if (step.status === "skipped") st.skipped++;
      if (j.timing === "late") st.late++;
      if (step.status === "done" && j.minutes !== null) {
        st.timed++;
        st.totalMinutes += j.minutes;
        if (!st.slowest || j.minutes > st.slowest.minutes) st.slowest = { minutes: j.minutes, team: s.team };
      }
    });
  }
  return [...stats.values()].sort((a, b) => a.no - b.no);
}

async function drillScore(files: string[], args: Args, locale: Locale, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const zh = locale === "zh-CN";
  if (!files.length) throw new UsageError("drill score needs at least one workbook");
  const outPath = str(args, "--out");
  const jsonPath = str(args, "--json");
  const force = args.flags.has("--force");
  if (outPath && !outputAllowed(outPath, files, force, locale, err)) return 2;
  if (jsonPath && jsonPath !== "-" && !outputAllowed(jsonPath, files, force, locale, err)) return 2;
  // with the JSON on stdout, the human summary goes to stderr so the JSON stays parseable
  const say = jsonPath === "-" ? err : out;

  const scored: Scored[] = [];
  const failed: { file: string; message: string }[] = [];
  const allIssues: { file: string; issue: Issue }[] = [];
  for (const file of files) {
    if (!fs.existsSync(file)) {
      const m = zh ? `找不到文件` : `no such file`;
      failed.push({ file, message: m });
      err(`${file}: ${m}`);
      continue;
    }
    let read;
    try {
      read = readDrillWorkbook(await readXlsxFile(file), locale);
    } catch (e) {
      if (!(e instanceof WorkbookReadError)) throw e;
      const m = describeReadError(e, locale);
      failed.push({ file, message: m });
      err(`${file}: ${m}`);
      continue;
    }
    for (const i of read.issues) {
      allIssues.push({ file, issue: i });
      err(issueLine(file, i, locale));
    }
    if (!read.state) {
      const m = zh ? "未评分" : "not scored";
      failed.push({ file, message: read.issues.filter((i) => i.severity === "error").map((i) => i.message).join("; ") });
      err(`${file}: ${m}`);
      continue;
    }
    const score = scoreDrill(read.state, { expectedSteps: read.expectedSteps });
    scored.push({ file, team: read.state.scenario.team || path.basename(file, path.extname(file)), state: read.state, score, issues: read.issues });
  }

  // ranking: score, then file name so ties print in a stable order
  scored.sort((a, b) => b.score.total - a.score.total || a.file.localeCompare(b.file));
  const stats = stepStats(scored);

  if (scored.length) {
    say(zh ? `演练评分：${scored.length} 份已评分，${failed.length} 份未评分` : `drill scores: ${scored.length} scored, ${failed.length} not scored`);
    scored.forEach((s, i) => {
      const p = s.score.parts;
      say(zh
        ? `  ${i + 1}. ${s.team}（${s.file}）${fmt1(s.score.total)} 分：完成 ${fmt1(p.completion.points)}/40（${p.completion.count}/${p.completion.of}），按时 ${fmt1(p.onTime.points)}/25（${p.onTime.count}/${p.onTime.of}），顺序 ${fmt1(p.order.points)}/15（${p.order.count}/${p.order.of}），总结评估 ${fmt1(p.review.points)}/20`
        : `  ${i + 1}. ${s.team} (${s.file}) ${fmt1(s.score.total)}: completion ${fmt1(p.completion.points)}/40 (${p.completion.count}/${p.completion.of}), on time ${fmt1(p.onTime.points)}/25 (${p.onTime.count}/${p.onTime.of}), order ${fmt1(p.order.points)}/15 (${p.order.count}/${p.order.of}), after-action ${fmt1(p.review.points)}/20`);
    });
    const trouble = stats.filter((s) => s.late + s.skipped > 0).sort((a, b) => b.late + b.skipped - (a.late + a.skipped) || a.no - b.no).slice(0, 5);
    if (trouble.length) {
      say(zh ? "最常超时或跳过的步骤：" : "steps most often late or skipped:");
      for (const t of trouble) say(zh ? `  ${t.no}. ${t.label}：超时 ${t.late}，跳过 ${t.skipped}` : `  ${t.no}. ${t.label}: late ${t.late}, skipped ${t.skipped}`);
    }
    const gaps = scored.filter((s) => s.score.review.gaps.length);
    if (gaps.length) {
      say(zh ? "总结评估缺项：" : "after-action review gaps:");
      for (const s of gaps) say(`  ${s.team}: ${s.score.review.gaps.map((g) => gapText(g, locale)).join(zh ? "；" : "; ")}`);
    }
  } else {
    err(zh ? "lossdesk drill: 没有可评分的工作簿" : "lossdesk drill: no workbook could be scored");
  }

  if (jsonPath) {
    const json = JSON.stringify(summaryJson(scored, failed, stats, allIssues), null, 2) + "\n";
    if (jsonPath === "-") out(json.trimEnd());
    else {
      fs.mkdirSync(path.dirname(path.resolve(jsonPath)), { recursive: true });
      fs.writeFileSync(jsonPath, json);
      say(zh ? `已写出 ${jsonPath}` : `wrote ${jsonPath}`);
    }
  }
  if (outPath && scored.length) {
    fs.mkdirSync(path.dirname(path.resolve(outPath)), { recursive: true });
    await writeNewWorkbook(outPath, summarySheets(scored, failed, stats, allIssues, locale));
    say(zh ? `已写出 ${outPath}` : `wrote ${outPath}`);
  }
  return scored.length ? 0 : 2;
}

function summaryJson(scored: Scored[], failed: { file: string; message: string }[], stats: StepStat[], issues: { file: string; issue: Issue }[]) {
  return {
    weights: SCORE_WEIGHTS,
    ranking: scored.map((s, i) => ({
      rank: i + 1, team: s.team, file: s.file, score: s.score.total,
      parts: Object.fromEntries(Object.entries(s.score.parts).map(([k, p]) => [k, { points: p.points, max: p.max, count: p.count, of: p.of }])),
      missingSteps: s.score.missingSteps,
      review: { problems: s.score.review.problems, items: s.score.review.items, complete: s.score.review.complete, gaps: s.score.review.gaps },
    })),
    steps: stats.map((s) => ({
      no: s.no, step: s.label, done: s.done, averageMinutes: s.timed ? Math.round((s.totalMinutes / s.timed) * 10) / 10 : null,
      slowest: s.slowest, late: s.late, skipped: s.skipped, notDone: s.notDone,
    })),
    notScored: failed,
    issues: issues.map(({ file, issue }) => ({ file, ...issue })),
  };
}

function summarySheets(
  scored: Scored[], failed: { file: string; message: string }[], stats: StepStat[], issues: { file: string; issue: Issue }[], locale: Locale,
): TableSheetModel[] {
  const zh = locale === "zh-CN";
  const T = (a: string, b: string) => (zh ? a : b);
  const ranking: TableSheetModel = {
    name: T("演练成绩", "Ranking"),
    preamble: [T("应急演练评分汇总", "Drill score summary"), T(
      `得分 = 完成 ${SCORE_WEIGHTS.completion} + 按时 ${SCORE_WEIGHTS.onTime} + 顺序 ${SCORE_WEIGHTS.order} + 总结评估 ${SCORE_WEIGHTS.review}（见 docs/drills.md）`,
      `Score = completion ${SCORE_WEIGHTS.completion} + on time ${SCORE_WEIGHTS.onTime} + order ${SCORE_WEIGHTS.order} + after-action ${SCORE_WEIGHTS.review} (see docs/drills.md)`)],
    columns: [
      { header: T("名次", "Rank") }, { header: T("团队", "Team") }, { header: T("文件", "File") },
      { header: T("得分", "Score"), numFmt: "0.0" }, { header: T("完成", "Completion"), numFmt: "0.0" },
      { header: T("按时", "On time"), numFmt: "0.0" }, { header: T("顺序", "Order"), numFmt: "0.0" },
      { header: T("总结评估", "After-action"), numFmt: "0.0" }, { header: T("完成步骤", "Steps done") },
      { header: T("缺失步骤", "Steps missing") },
    ],
    rows: scored.map((s, i) => [
      i + 1, s.team, path.basename(s.file), s.score.total, s.score.parts.completion.points, s.score.parts.onTime.points,
      s.score.parts.order.points, s.score.parts.review.points, `${s.score.parts.completion.count}/${s.score.parts.completion.of}`,
      s.score.missingSteps,
    ]),
    tableName: "DrillRanking",
    freezeHeader: true,
  };
  const steps: TableSheetModel = {
    name: T("步骤统计", "Steps"),
    columns: [
      { header: T("序号", "No.") }, { header: T("步骤", "Step"), width: 60 }, { header: T("完成团队数", "Teams done") },
      { header: T("平均用时(分钟)", "Average (minutes)"), numFmt: "0.0" }, { header: T("最慢用时(分钟)", "Slowest (minutes)"), numFmt: "0.0" },
      { header: T("最慢团队", "Slowest team") }, { header: T("超时", "Late") }, { header: T("跳过", "Skipped") }, { header: T("未完成", "Not done") },
    ],
    rows: stats.map((s): CellValue[] => [
      s.no, s.label, s.done, s.timed ? Math.round((s.totalMinutes / s.timed) * 10) / 10 : null, s.slowest?.minutes ?? null,
      s.slowest?.team ?? null, s.late, s.skipped, s.notDone,
    ]),
    tableName: "DrillStepStats",
    freezeHeader: true,
  };
  const gaps: TableSheetModel = {
    name: T("总结评估缺项", "After-action gaps"),
    columns: [{ header: T("团队", "Team") }, { header: T("文件", "File") }, { header: T("缺项", "Gap"), width: 40 }],
    rows: scored.flatMap((s) => s.score.review.gaps.map((g): CellValue[] => [s.team, path.basename(s.file), gapText(g, locale)])),
    tableName: "DrillReviewGaps",
  };
  const problems: TableSheetModel = {
    name: T("问题", "Issues"),
    columns: [{ header: T("文件", "File") }, { header: T("级别", "Severity") }, { header: T("位置", "Cell") }, { header: T("说明", "Message"), width: 80 }],
    rows: [
      ...failed.map((f): CellValue[] => [path.basename(f.file), T("未评分", "not scored"), null, f.message]),
      ...issues.map(({ file, issue }): CellValue[] => [
        path.basename(file), issue.severity === "error" ? T("错误", "error") : T("警告", "warning"), cellRef(issue.sheet, issue.cell), issue.message,
      ]),
    ],
    tableName: "DrillIssues",
  };
  return [ranking, steps, gaps, problems];
}
