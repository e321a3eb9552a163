// The pure drill core: generation for every preset and locale, status transitions and their time
// stamps (typed times respected), the clock, the add-in's activities, reading a drill workbook back
// from a snapshot, and the score formula on hand-computed cases.

import {
  DRILL_TABLES, DrillError, PRESETS, applyStatusChange, applyTimeEdit, beginActivity, drillSheets, elapsedMinutes,
  newDrillWorkbook, parsePlanCsv, parsePlanJson, parseScenarioJson, parseTeamArg, readDrillWorkbook, scoreDrill,
  startClock, stepForActivity, stopClock, type DrillState, type DrillStep, type Phase, type StepStatus,
} from "../src/core/drill";
import { headerRowNumber, type CellValue, type SheetSnapshot, type TableSheetModel, type WorkbookSnapshot } from "../src/core/workbook";
import { colLetter } from "../src/core/sheet-address";
import type { Locale } from "../src/core/i18n";

const NOW = new Date(Date.UTC(2026, 10, 30, 8, 45)); // wall clock 2026-11-30 08:45
const T = (hhmm: string, day = "2026-11-30") => new Date(`${day}T${hhmm}:00Z`);

/** Lays models out as the ExcelJS adapter does (preamble, blank row, header, data), as a snapshot. */
function snapshotOf(models: TableSheetModel[], shift: { rows: number; cols: number } = { rows: 0, cols: 0 }): WorkbookSnapshot {
  return {
    sheets: models.map((m): SheetSnapshot => {
      const rows: CellValue[][] = [];
      const put = (r: number, c: number, v: CellValue) => {
        const rr = r + shift.rows;
        const cc = c + shift.cols;
        rows[rr] ??= [];
        rows[rr][cc] = v;
      };
      (m.preamble ?? []).forEach((line, i) => put(i, 0, line));
      const h = headerRowNumber(m) - 1;
      m.columns.forEach((c, j) => put(h, j, c.header));
      m.rows.forEach((row, i) => row.forEach((v, j) => put(h + 1 + i, j, v ?? null)));
      const last = h + m.rows.length;
      const ref = `${colLetter(shift.cols)}${h + 1 + shift.rows}:${colLetter(shift.cols + m.columns.length - 1)}${last + 1 + shift.rows}`;
      return { name: m.name, rows, tables: m.tableName ? [{ name: m.tableName, ref, headerRow: true }] : [] };
    }),
  };
}

function step(no: number, phase: Phase, status: StepStatus, target: number | null, start?: string, done?: string): DrillStep {
  return {
    no, key: "", phase, text: `step ${no}`, owner: "x", targetMinutes: target, status,
    startedAt: start ? T(start) : null, completedAt: done ? T(done) : null, startedManual: false, completedManual: false, note: "",
  };
}

function stateWith(steps: DrillStep[], review: DrillState["review"] = []): DrillState {
  return {
    locale: "zh-CN",
    scenario: { preset: "nav-fall", title: "t", description: [], start: T("09:00"), team: "", roles: [] },
    steps, review, log: [], clock: { startedAt: null, stoppedAt: null },
  };
}

// ---- generation ----

const EXPECTED_KEYS: Record<string, string[]> = {
  // the live event's checklist (core/event/checklist.ts) after the drill's preparation
  "live-event": [
    "setup-group", "brief-plan", "activate", "notify-service", "report-phone", "analyse", "report-written", "legal-assess", "dispose",
    "drafts", "contact", "complaints", "media", "reassess", "regulator-final", "review", "actions", "revise-plan",
  ],
  "nav-fall": [
    "setup-group", "brief-plan", "activate", "analyse", "contact", "dispose", "regulator", "reassess",
    "call-high", "drafts", "legal-review", "send-drafts", "complaints", "review", "actions", "revise-plan", "training",
  ],
  "mass-complaint": [
    "setup-group", "brief-plan", "activate", "report-phone", "report-written", "analyse", "contact", "dispose", "regulator", "reassess",
    "site-order", "call-high", "drafts", "legal-review", "send-drafts", "complaints", "review", "actions", "revise-plan", "training",
  ],
  "media-inquiry": [
    "setup-group", "brief-plan", "activate", "analyse", "contact", "dispose", "regulator", "reassess",
    "media-log", "media-monitor", "statement-draft", "statement-legal", "statement-publish", "media-follow",
    "call-high", "drafts", "legal-review", "send-drafts", "complaints", "review", "actions", "revise-plan", "training",
  ],
};

const SHEET_NAMES: Record<Locale, string[]> = {
  "zh-CN": ["演练场景", "演练", "产品净值", "产品信息", "客户持仓", "总结评估", "演练记录"],
  "en-US": ["Scenario", "Drill", "产品净值", "产品信息", "客户持仓", "After-action review", "Drill log"],
};

describe.each(PRESETS.flatMap((p) => (["zh-CN", "en-US"] as Locale[]).map((l) => [p, l] as const)))("drill new %s %s", (preset, locale) => {
  const d = newDrillWorkbook({ locale, preset, now: NOW });
  const drill = d.sheets[1];

  test("sheets in tab order, with their tables", () => {
    expect(d.sheets.map((s) => s.name)).toEqual(SHEET_NAMES[locale]);
    expect(d.sheets.map((s) => s.tableName)).toEqual(["DrillRoles", "DrillSteps", undefined, undefined, "Holdings", "DrillReview", "DrillLog"]);
  });

  test("DrillSteps: headers, status dropdown, steps in order", () => {
    expect(drill.columns.map((c) => c.header)).toEqual(locale === "zh-CN"
      ? ["序号", "阶段", "步骤", "责任部门", "目标用时(分钟)", "状态", "开始时间", "完成时间", "证据/备注", "步骤代码"]
      : ["No.", "Phase", "Step", "Owner", "Target (minutes)", "Status", "Started at", "Completed at", "Evidence / notes", "Step key"]);
    const status = drill.columns[5];
    expect(status.list).toEqual(locale === "zh-CN" ? ["未开始", "进行中", "已完成", "跳过"] : ["Not started", "In progress", "Done", "Skipped"]);
    expect(status.listExtraRows).toBeGreaterThan(0);
    expect(drill.columns[1].list).toEqual(locale === "zh-CN" ? ["准备", "应急响应", "客户沟通", "总结评估"] : ["Preparation", "Response", "Communication", "After-action"]);
    expect(drill.rows.map((r) => r[9])).toEqual(EXPECTED_KEYS[preset]);
    expect(drill.rows.map((r) => r[0])).toEqual(EXPECTED_KEYS[preset].map((_, i) => i + 1));
    expect(drill.rows.every((r) => r[5] === (locale === "zh-CN" ? "未开始" : "Not started"))).toBe(true);
    expect(drill.rows.every((r) => typeof r[4] === "number" && r[4] > 0)).toBe(true);
    expect(drill.preamble).toContain(locale === "zh-CN"
      ? "得分：0.0 / 100（完成 0.0/40，按时 0.0/25，顺序 0.0/15，总结评估 0.0/20）"
      : "Score: 0.0 / 100 (completion 0.0/40, on time 0.0/25, order 0.0/15, after-action 0.0/20)");
  });

  test("scenario: start time, six roles with blank players; review with blank rows; log has the generation line", () => {
    const sc = d.sheets[0];
    expect(sc.preamble).toContain(locale === "zh-CN" ? "演练开始时间：2026-11-30 09:00" : "Drill starts: 2026-11-30 09:00");
    expect(sc.rows.map((r) => r[0])).toEqual(locale === "zh-CN"
      ? ["应急领导小组", "客户服务部", "法务部", "财务部", "风险管理部", "媒体公关部"]
      : ["Emergency leadership group", "Customer service", "Legal", "Finance", "Risk management", "Public relations"]);
    expect(sc.rows.every((r) => r[2] === null)).toBe(true);
    expect(d.sheets[5].rows).toHaveLength(5);
    expect(d.sheets[6].rows).toHaveLength(1);
  });

  test("the sample's drill product ends at 1.2000 the open day before the drill", () => {
    const nav = d.sheets[2].rows.filter((r) => r[0] === "LC2026A01");
    const last = nav[nav.length - 1];
    expect(last[3]).toBe(1.2);
    expect((last[2] as Date).toISOString().slice(0, 10)).toBe("2026-11-27");
  });

  test("reads back as it was written", () => {
    const r = readDrillWorkbook(snapshotOf(d.sheets), locale);
    expect(r.issues).toEqual([]);
    expect(r.state!.steps.map((s) => s.key)).toEqual(EXPECTED_KEYS[preset]);
    expect(r.state!.locale).toBe(locale);
    expect(r.state!.scenario.start).toEqual(T("09:00"));
    expect(r.state!.scenario.preset).toBe(preset);
  });
});

test("mass-complaint has the 30-minute phone and 1-hour written reports right after the alarm", () => {
  const s = newDrillWorkbook({ locale: "zh-CN", preset: "mass-complaint", now: NOW }).state.steps;
  expect(s.slice(2, 5).map((x) => [x.no, x.key, x.targetMinutes, x.owner])).toEqual([
    [3, "activate", 30, "应急领导小组"], [4, "report-phone", 30, "应急领导小组"], [5, "report-written", 60, "应急领导小组"],
  ]);
  expect(s[3].text).toContain("30 分钟内");
});

test("media-inquiry has the PR-led statement steps", () => {
  const s = newDrillWorkbook({ locale: "en-US", preset: "media-inquiry", now: NOW }).state.steps;
  expect(s.filter((x) => x.owner === "Public relations").map((x) => x.key)).toEqual(["media-log", "media-monitor", "statement-draft", "media-follow"]);
});

test("--team names the team and the players, in role order or by role", () => {
  expect(parseTeamArg("第一组")).toEqual({ name: "第一组" });
  expect(parseTeamArg("第一组：张三，李四")).toEqual({ name: "第一组", players: ["张三", "李四"] });
  expect(parseTeamArg("A:legal=Li,客户服务部=Wang")).toEqual({ name: "A", players: { legal: "Li", 客户服务部: "Wang" } });
  const d = newDrillWorkbook({ locale: "zh-CN", now: NOW, team: parseTeamArg("A:legal=Li,客户服务部=Wang") });
  expect(d.sheets[0].rows.map((r) => r[2])).toEqual([null, "Wang", "Li", null, null, null]);
  expect(d.sheets[0].preamble).toContain("参演团队：A");
});

// ---- plans and scenario files ----

test("plan files: JSON and CSV, either language, errors name the step or line", () => {
  const json = parsePlanJson(JSON.stringify({ steps: [
    { phase: "response", text: "启动", owner: "leadership", targetMinutes: 30, key: "activate" },
    { phase: "客户沟通", step: "致电", owner: "客服", target: "45" },
  ] }), "zh-CN");
  expect(json).toEqual([
    { key: "activate", phase: "response", text: "启动", owner: "应急领导小组", targetMinutes: 30 },
    { key: undefined, phase: "communication", text: "致电", owner: "客户服务部", targetMinutes: 45 },
  ]);
  const csv = parsePlanCsv("\uFEFF阶段,步骤,责任部门,目标用时(分钟)\n应急响应,\"启动, 开会\",应急领导小组,30\n\nafter-action,复盘,risk,\n", "en-US");
  expect(csv).toEqual([
    { key: undefined, phase: "response", text: "启动, 开会", owner: "Emergency leadership group", targetMinutes: 30 },
    { key: undefined, phase: "after-action", text: "复盘", owner: "Risk management", targetMinutes: null },
  ]);
  expect(() => parsePlanCsv("phase,text\nlater,x\n", "en-US")).toThrow(new DrillError('line 2: phase not recognised: "later" (use preparation, response, communication or after-action)'));
  expect(() => parsePlanJson('[{"phase":"response","text":"x","targetMinutes":"soon"}]', "zh-CN")).toThrow("第 1 个步骤：目标用时不是分钟数：“soon”");
  expect(() => parsePlanJson("{", "en-US")).toThrow(/^not valid JSON/);
});

test("a scenario file overrides title, start, team, roles and steps", () => {
  const f = parseScenarioJson(JSON.stringify({
    base: "media-inquiry",
    title: { "zh-CN": "自定义演练", "en-US": "Custom drill" },
    description: "记者来电",
    start: "2026-12-01 14:00",
    team: "二组",
    roles: [{ role: "media", player: "赵六" }, { role: "法务部", duty: "审核", player: "钱七" }],
    steps: [{ phase: "communication", text: "发布声明", owner: "pr", targetMinutes: 60 }],
  }), "zh-CN");
  const d = newDrillWorkbook({ locale: "zh-CN", scenarioFile: f, now: NOW });
  expect(d.state.scenario).toMatchObject({ preset: "custom", title: "自定义演练", description: ["记者来电"], team: "二组", start: T("14:00", "2026-12-01") });
  expect(d.state.scenario.roles).toEqual([
    { role: "媒体公关部", duty: "对外声明，媒体沟通，舆情监测", player: "赵六" },
    { role: "法务部", duty: "审核", player: "钱七" },
  ]);
  expect(d.state.steps.map((s) => [s.no, s.text, s.owner])).toEqual([[1, "发布声明", "媒体公关部"]]);
  expect(() => parseScenarioJson('{"start":"tomorrow"}', "en-US")).toThrow('start must be "YYYY-MM-DD HH:MM": "tomorrow"');
  expect(() => parseScenarioJson('{"base":"fire"}', "en-US")).toThrow('base must be one of nav-fall, mass-complaint, media-inquiry, live-event: "fire"');
});

// ---- transitions ----

describe("status changes and time stamps", () => {
  const base = newDrillWorkbook({ locale: "zh-CN", now: NOW }).state;

  test("In progress stamps the start (to the minute), Done the completion; each change logs one line", () => {
    const a = applyStatusChange(base, 3, "in-progress", new Date(Date.UTC(2026, 10, 30, 9, 5, 42)), "pane", { by: "张三" });
    expect(a.writes).toEqual({ startedAt: T("09:05") });
    expect(a.step).toMatchObject({ status: "in-progress", startedAt: T("09:05"), completedAt: null, startedManual: false });
    expect(a.log).toEqual([{
      at: T("09:05"), source: "pane", by: "张三", event: "status", stepNo: 3, stepText: base.steps[2].text,
      from: "not-started", to: "in-progress", note: "",
    }]);
    const b = applyStatusChange(a.state, 3, "done", T("09:31"), "sheet");
    expect(b.writes).toEqual({ completedAt: T("09:31") });
    expect(b.state.steps[2]).toMatchObject({ status: "done", startedAt: T("09:05"), completedAt: T("09:31") });
    expect(b.state.log.slice(-2).map((e) => `${e.source} ${e.from}->${e.to}`)).toEqual(["pane not-started->in-progress", "sheet in-progress->done"]);
    expect(base.steps[2].status).toBe("not-started"); // states are not mutated
  });

  test("the same status again changes and logs nothing; an unknown step throws", () => {
    const r = applyStatusChange(base, 1, "not-started", T("09:00"), "pane");
    expect(r).toEqual({ state: base, step: undefined, writes: {}, log: [] });
    expect(() => applyStatusChange(base, 99, "done", T("09:00"), "pane")).toThrow("没有序号为 99 的步骤");
  });

  test("straight to Done leaves the start blank and says so", () => {
    const r = applyStatusChange(base, 4, "done", T("10:00"), "sheet");
    expect(r.step).toMatchObject({ startedAt: null, completedAt: T("10:00") });
    expect(r.writes).toEqual({ completedAt: T("10:00") });
    expect(r.log[0].note).toBe("未记录开始时间");
  });

  test("reopening clears the automatic completion; Not started clears automatic stamps", () => {
    let s = applyStatusChange(base, 3, "in-progress", T("09:05"), "pane").state;
    s = applyStatusChange(s, 3, "done", T("09:20"), "pane").state;
    const re = applyStatusChange(s, 3, "in-progress", T("09:25"), "pane");
    expect(re.writes).toEqual({ completedAt: null });
    expect(re.step).toMatchObject({ startedAt: T("09:05"), completedAt: null });
    const back = applyStatusChange(re.state, 3, "not-started", T("09:26"), "pane");
    expect(back.writes).toEqual({ startedAt: null });
    expect(back.step).toMatchObject({ startedAt: null, completedAt: null });
  });

  test("Skipped stamps the completion; Skipped -> Done re-stamps it", () => {
    const sk = applyStatusChange(base, 2, "skipped", T("09:10"), "pane");
    expect(sk.step!.completedAt).toEqual(T("09:10"));
    const dn = applyStatusChange(sk.state, 2, "done", T("09:40"), "pane");
    expect(dn.step!.completedAt).toEqual(T("09:40"));
  });

  test("typed times are never overwritten or cleared", () => {
    let s = applyTimeEdit(base, 5, "completedAt", T("09:30"), T("09:50"), "sheet").state;
    const e = s.log[s.log.length - 1];
    expect(e).toMatchObject({ event: "time-edit", stepNo: 5, note: "完成时间: 空白 → 2026-11-30 09:30" });
    s = applyTimeEdit(s, 5, "startedAt", T("09:00"), T("09:51"), "sheet").state;
    const done = applyStatusChange(s, 5, "done", T("09:55"), "pane");
    expect(done.writes).toEqual({});
    expect(done.step).toMatchObject({ startedAt: T("09:00"), completedAt: T("09:30"), startedManual: true, completedManual: true });
    expect(done.log[0].note).toBe("保留手工填写的完成时间");
    const back = applyStatusChange(done.state, 5, "not-started", T("09:56"), "pane");
    expect(back.writes).toEqual({});
    expect(back.step).toMatchObject({ startedAt: T("09:00"), completedAt: T("09:30") });
    // clearing a typed time hands it back to automatic stamping
    const cleared = applyTimeEdit(back.state, 5, "startedAt", null, T("09:57"), "sheet").state;
    expect(applyStatusChange(cleared, 5, "in-progress", T("10:00"), "pane").writes).toEqual({ startedAt: T("10:00") });
  });

  test("the clock: start, stop, elapsed minutes; logged", () => {
    expect(elapsedMinutes(base, T("09:00"))).toBeNull();
    const a = startClock(base, T("09:00"));
    expect(elapsedMinutes(a.state, T("09:42"))).toBe(42);
    expect(startClock(a.state, T("09:10")).log).toEqual([]);
    const b = stopClock(a.state, T("10:30"));
    expect(elapsedMinutes(b.state, T("11:00"))).toBe(90);
    expect(b.state.log.slice(-2).map((e) => e.event)).toEqual(["clock-start", "clock-stop"]);
  });

  test("activities complete their step, with a log line saying the add-in did it", () => {
    const began = beginActivity(base, "analysis-run", T("09:10"));
    expect(began.stepNo).toBe(4);
    expect(began.step).toMatchObject({ status: "in-progress", startedAt: T("09:10") });
    const r = stepForActivity(began.state, "analysis-run", T("09:40"));
    expect(r.stepNo).toBe(4);
    expect(r.step).toMatchObject({ key: "analyse", status: "done", startedAt: T("09:10"), completedAt: T("09:40") });
    expect(r.log).toEqual([expect.objectContaining({ event: "activity", source: "addin", from: "in-progress", to: "done", note: "已运行亏损分析" })]);
    expect(r.state.log).toHaveLength(base.log.length + 2);
    // done already: nothing more to complete
    expect(stepForActivity(r.state, "analysis-run", T("09:50")).stepNo).toBeUndefined();
    expect(stepForActivity(base, "drafts-written", T("09:50")).step!.key).toBe("drafts");
    expect(stepForActivity(base, "report-written", T("09:50")).step!.key).toBe("regulator");
    const mass = newDrillWorkbook({ locale: "en-US", preset: "mass-complaint", now: NOW }).state;
    const m1 = stepForActivity(mass, "report-written", T("09:50"));
    expect(m1.step!.key).toBe("report-written");
    expect(m1.log[0].note).toBe("risk report written; no start time recorded");
    expect(stepForActivity(m1.state, "report-written", T("10:50")).step!.key).toBe("regulator");
  });
});

// ---- reading back ----

describe("reading a drill workbook back", () => {
  const d = newDrillWorkbook({ locale: "zh-CN", now: NOW, team: { name: "一组" } });
  let s = applyStatusChange(d.state, 3, "in-progress", T("09:05"), "pane").state;
  s = applyStatusChange(s, 3, "done", T("09:25"), "pane").state;
  s = applyStatusChange(s, 4, "in-progress", T("09:26"), "pane").state;
  s = { ...s, review: [{ problem: "通知慢", action: "建立通讯录", owner: "应急领导小组", due: T("00:00", "2026-12-31") }] };
  const models = [...drillSheets(s)];

  test("steps, times, review and log survive; the team comes from the scenario sheet", () => {
    const r = readDrillWorkbook(snapshotOf(models), "zh-CN");
    expect(r.issues).toEqual([]);
    expect(r.state!.steps[2]).toMatchObject({ status: "done", startedAt: T("09:05"), completedAt: T("09:25"), startedManual: false, completedManual: false });
    expect(r.state!.steps[3]).toMatchObject({ status: "in-progress", startedAt: T("09:26") });
    expect(r.state!.review).toEqual(s.review);
    expect(r.state!.log.map((e) => [e.event, e.source, e.stepNo, e.from, e.to])).toEqual([
      ["generated", "cli", null, null, null],
      ["status", "pane", 3, "not-started", "in-progress"], ["status", "pane", 3, "in-progress", "done"],
      ["status", "pane", 4, "not-started", "in-progress"],
    ]);
    expect(r.state!.scenario.team).toBe("一组");
    expect(r.expectedSteps).toBe(17);
    expect(scoreDrill(r.state!).total).toBe(scoreDrill(s).total);
  });

  test("a time typed into the sheet reads as typed (it matches no log line); a bare 10:05 lands on the drill day", () => {
    const snap = snapshotOf(models);
    const sheet = snap.sheets.find((x) => x.name === "演练")!;
    // header is on row 6 (4 preamble lines + blank), step 3 on row 9, step 4 on row 10; G/H = times
    sheet.rows[8]![7] = T("09:40");
    sheet.rows[9]![6] = "10:05";
    const r = readDrillWorkbook(snap, "zh-CN");
    expect(r.issues).toEqual([]);
    expect(r.state!.steps[2]).toMatchObject({ completedAt: T("09:40"), completedManual: true, startedManual: false });
    expect(r.state!.steps[3]).toMatchObject({ startedAt: T("10:05"), startedManual: true });
    // and a later status change keeps it
    expect(applyStatusChange(r.state!, 3, "in-progress", T("11:00"), "sheet").step!.completedAt).toEqual(T("09:40"));
  });

  test("a moved table on a renamed sheet is still found by its table name", () => {
    const snap = snapshotOf(models, { rows: 3, cols: 2 });
    snap.sheets[1].name = "我的演练";
    const r = readDrillWorkbook(snap, "en-US");
    expect(r.issues).toEqual([]);
    expect(r.found.steps).toEqual({ sheet: "我的演练", ref: "C9:L26", tableName: "DrillSteps" });
    // where the pane writes a step's times and refreshes the score
    expect([r.stepRows[0], r.stepRows[16], r.stepColumns.status, r.stepColumns.startedAt, r.stepColumns.completedAt]).toEqual([10, 26, "H", "I", "J"]);
    expect(r.scoreCell).toBe("C6");
    expect([r.expectedSteps, r.state!.scenario.team, r.state!.scenario.start]).toEqual([17, "一组", T("09:00")]);
    expect(r.state!.steps).toHaveLength(17);
  });

  test("without the table, by sheet name and headers; damaged cells are issues naming the cell", () => {
    const snap = snapshotOf(models);
    const sheet = snap.sheets[1];
    sheet.tables = [];
    sheet.rows[9]![6] = "刚才";
    sheet.rows[10]![5] = "差不多";
    sheet.rows[11]![4] = "半小时";
    sheet.rows.splice(20, 2); // two steps' rows gone (steps 15 and 16)
    const r = readDrillWorkbook(snap, "zh-CN");
    expect(r.issues.map((i) => `${i.severity} ${i.message}`)).toEqual([
      "warning 演练!A6: 未找到表格 DrillSteps，按表头在工作表“演练”上找到步骤表",
      "error 演练!G10: 开始时间不是时间：“刚才”，按空白处理",
      "warning 演练!F11: 状态无法识别：“差不多”，按未开始处理",
      "warning 演练!E12: 目标用时不是分钟数：“半小时”，该步骤不限时",
      "error 演练!A6:J21: 演练步骤表应有 17 个步骤，现只有 15 个（缺少序号 15、16），缺少的步骤按未完成计分",
    ]);
    expect(r.expectedSteps).toBe(17);
    expect(r.state!.steps[3].startedAt).toBeNull();
  });

  test("no steps table at all is fatal; no review or log sheet are warnings", () => {
    const snap = snapshotOf([models[0], models[2]]);
    const r = readDrillWorkbook(snap, "en-US");
    expect(r.state).toBeUndefined();
    expect(r.issues.map((i) => i.message)).toEqual([
      "Drill!A1: no drill steps table (Excel table DrillSteps, or a Drill sheet with No., Step and Status headers)",
    ]);
    const r2 = readDrillWorkbook(snapshotOf([models[1]]), "en-US");
    expect(r2.issues.map((i) => i.message)).toEqual([
      "Scenario!A1: no scenario sheet (Scenario); team and start time unknown",
      "'After-action review'!A1: no after-action review table (Excel table DrillReview or an After-action review sheet); that part scores 0",
      "'Drill log'!A1: no drill log (Excel table DrillLog or a Drill log sheet); typed times cannot be told from recorded ones",
    ]);
    // no log: every recorded time counts as typed (never cleared)
    expect(r2.state!.steps[2]).toMatchObject({ startedManual: true, completedManual: true });
  });

  test("regenerating from the edited workbook keeps edited steps, times, review, log and players", () => {
    const snap = snapshotOf(models);
    const sheet = snap.sheets[1];
    sheet.rows[8]![2] = "接报并启动应急响应（已改写）";
    sheet.rows[23] = [null, "总结评估", "补充：向董事会汇报", "应急领导小组", 30, "未开始"]; // a step added below (no number)
    snap.sheets[1].tables[0].ref = "A6:J24";
    snap.sheets[0].rows.find((row) => row?.[0] === "应急领导小组")![2] = "王五"; // a player typed in
    const r = readDrillWorkbook(snap, "zh-CN");
    expect(r.issues).toEqual([]);
    const again = newDrillWorkbook({ locale: "zh-CN", carry: r.state!, now: T("12:00") });
    expect(again.state.steps).toHaveLength(18);
    expect(again.state.steps[2]).toMatchObject({ text: "接报并启动应急响应（已改写）", status: "done", startedAt: T("09:05"), completedAt: T("09:25") });
    expect(again.state.steps[17]).toMatchObject({ no: 18, text: "补充：向董事会汇报", phase: "after-action" });
    expect(again.state.review).toEqual(s.review);
    expect(again.state.log).toHaveLength(5);
    expect(again.state.scenario.roles[0].player).toBe("王五");
    expect(again.state.scenario.team).toBe("一组");
    expect(again.sheets[1].preamble![1]).toContain("步骤数：18");
  });
});

// ---- the score, by hand ----

describe("score formula (hand-computed)", () => {
  test("case A: 5 steps, a late one, one out of order, one skipped, half-complete review = 50.3", () => {
    const s = stateWith([
      step(1, "preparation", "done", 15, "09:00", "09:10"), // 10 min: on time
      step(2, "response", "done", 30, "09:10", "09:50"), // 40 > 30: late; in order
      step(3, "response", "done", 60, "09:20", "09:45"), // 25: on time; completed before step 2: out of order
      step(4, "response", "skipped", 60, undefined, "09:30"),
      step(5, "after-action", "not-started", 60),
    ], [
      { problem: "通知慢", action: "通讯录", owner: "应急领导小组", due: T("00:00", "2026-12-31") },
      { problem: "话术未审", action: "法务先审", owner: "", due: T("00:00", "2026-12-31") },
    ]);
    const sc = scoreDrill(s);
    // completion 40*3/5 = 24; on time 25*2/5 = 10; order 15*1/3 = 5; review 8*2/3 = 5.33 -> 5.3 plus 12*1/2 = 6
    expect(sc.parts).toEqual({
      completion: { points: 24, max: 40, count: 3, of: 5 },
      onTime: { points: 10, max: 25, count: 2, of: 5 },
      order: { points: 5, max: 15, count: 1, of: 3 },
      review: { points: 11.3, max: 20, count: 1, of: 2 },
    });
    expect(sc.total).toBe(50.3);
    expect(sc.steps.map((j) => [j.timing, j.inOrder, j.minutes])).toEqual([
      ["on-time", null, 10], ["late", true, 40], ["on-time", false, 25], ["not-done", null, null], ["not-done", null, null],
    ]);
    expect(sc.review.gaps).toEqual([{ item: 2, kind: "no-owner" }]);
  });

  test("case B: the default plan, all done on time and in order, three complete review items = 100", () => {
    const d = newDrillWorkbook({ locale: "zh-CN", now: NOW }).state;
    let t = T("09:00").getTime();
    const steps = d.steps.map((x) => {
      const s0 = new Date(t);
      t += (x.targetMinutes ?? 0) * 60_000;
      return { ...x, status: "done" as const, startedAt: s0, completedAt: new Date(t) };
    });
    const due = T("00:00", "2027-01-31");
    const review = [1, 2, 3].map((i) => ({ problem: `p${i}`, action: `a${i}`, owner: "风险管理部", due }));
    const sc = scoreDrill({ ...d, steps, review });
    expect(sc.total).toBe(100);
    expect([sc.parts.completion.of, sc.parts.order.of]).toEqual([17, 6]);
  });

  test("case C: rounding half up per part, the total the sum of the rounded parts", () => {
    const s = stateWith([
      step(1, "response", "done", 30, "09:00", "09:20"),
      step(2, "response", "done", 30, "09:00", "09:10"), // completed before step 1: out of order
      step(3, "response", "in-progress", 30, "09:10"),
      step(4, "response", "done", null, "09:30", "10:30"), // no target: on time; in order (09:20, 09:10 earlier)
      step(5, "communication", "done", 30, undefined, "10:00"), // no start: not on time
      step(6, "communication", "done", 30, "10:00", "09:59"), // completed before it started
      step(7, "communication", "not-started", 30),
      step(8, "after-action", "not-started", 30),
    ], [{ problem: "p", action: "", owner: "", due: null }]);
    const sc = scoreDrill(s);
    // completion 40*5/8 = 25; on time 25*3/8 = 9.375 -> 9.4; order 15*2/4 = 7.5;
    // review 8*1/3 = 2.67 -> 2.7, actions 12*0/1 = 0
    expect([sc.parts.completion.points, sc.parts.onTime.points, sc.parts.order.points, sc.parts.review.points]).toEqual([25, 9.4, 7.5, 2.7]);
    expect(sc.total).toBe(44.6);
    expect(sc.steps.map((j) => j.timing)).toEqual(["on-time", "on-time", "not-done", "on-time", "no-times", "completed-before-start", "not-done", "not-done"]);
    expect(sc.review.gaps.map((g) => `${g.item}:${g.kind}`)).toEqual(["1:no-action", "1:no-owner", "1:no-due"]);
  });

  test("case D: steps deleted from the sheet count as not done; 15*1/4 rounds half up to 3.8", () => {
    const s = stateWith([
      step(1, "response", "done", 30, "09:00", "09:10"),
      step(2, "response", "not-started", 30),
      step(3, "response", "not-started", 30),
      step(4, "response", "not-started", 30),
    ]);
    const sc = scoreDrill(s, { expectedSteps: 5 });
    // completion 40*1/5 = 8; on time 25*1/5 = 5; order 15*1/4 = 3.75 -> 3.8; no review: 0
    expect([sc.parts.completion.points, sc.parts.onTime.points, sc.parts.order.points, sc.parts.review.points, sc.total]).toEqual([8, 5, 3.8, 0, 16.8]);
    expect(sc.missingSteps).toBe(1);
    expect(sc.review.gaps).toEqual([{ item: 0, kind: "no-problems" }]);
  });

  test("a fresh drill scores 0", () => {
    expect(scoreDrill(newDrillWorkbook({ locale: "en-US", now: NOW }).state).total).toBe(0);
  });
});

test("the steps table keeps its name in both locales", () => {
  expect(DRILL_TABLES.steps).toBe("DrillSteps");
});
