// `lossdesk drill new | score` end to end on real .xlsx files: the workbooks are written by the
// command, filled in and damaged with ExcelJS the way trainees do (renamed sheet, deleted table rows,
// junk in a time cell, a file that is not a workbook), then collected and scored.

import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { drillCommand } from "../src/cli/drill";
import { readXlsxFile } from "../src/adapters/xlsx/read";
import { writeNewWorkbook } from "../src/adapters/exceljs/write";
import { generateSample } from "../src/core/sample";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lossdesk-drill-"));
const at = (p: string) => path.join(tmp, p);
const NOW = () => new Date(Date.UTC(2026, 10, 30, 8, 30));
const T = (hhmm: string, day = "2026-11-30") => new Date(`${day}T${hhmm}:00Z`);

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await drillCommand(argv, (s) => out.push(s), (s) => err.push(s), { now: NOW });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** Fills steps on the drill sheet: [no, status, start, done]. Header on row 6, step n on row 6 + n. */
async function fill(
  file: string, opts: {
    sheet?: string; steps: [number, string, Date | string | null, Date | string | null][];
    review?: [string, string, string, Date | string | null][]; rename?: string; removeRows?: [number, number];
  },
) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(opts.sheet ?? "演练")!;
  for (const [no, status, start, done] of opts.steps) {
    const row = 6 + no;
    ws.getCell(`F${row}`).value = status;
    if (start !== null) ws.getCell(`G${row}`).value = start;
    if (done !== null) ws.getCell(`H${row}`).value = done;
  }
  if (opts.review) {
    const rv = wb.getWorksheet("总结评估")!;
    opts.review.forEach(([p, a, o, d], i) => {
      const row = 5 + i; // 2 preamble lines, blank, header on row 4
      rv.getCell(`B${row}`).value = p;
      rv.getCell(`C${row}`).value = a;
      rv.getCell(`D${row}`).value = o;
      rv.getCell(`E${row}`).value = d;
    });
  }
  if (opts.removeRows) {
    // What Excel does on "Delete table rows": the sheet rows go and the table's range shrinks.
    // (ExcelJS's own Table.removeRows needs row data that a loaded table does not have.)
    const [first, count] = opts.removeRows; // first = 1-based step row within the table
    ws.spliceRows(6 + first, count);
    const table = (ws as unknown as { tables: Record<string, { table: { tableRef: string; autoFilterRef?: string } }> }).tables.DrillSteps.table;
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(table.tableRef)!;
    table.tableRef = `${m[1]}${m[2]}:${m[3]}${+m[4] - count}`;
    if (table.autoFilterRef) table.autoFilterRef = table.tableRef;
  }
  if (opts.rename) ws.name = opts.rename;
  await wb.xlsx.writeFile(file);
}

describe("drill new", () => {
  test("writes the drill workbook: sheets, DrillSteps table, status dropdown on the data and spare rows", async () => {
    const out = at("new-zh.xlsx");
    const r = await run("new", "--out", out, "--locale", "zh-CN", "--team", "一组:张三,李四");
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toBe(`已写出 ${out}：应急演练：理财产品净值下跌与客户投诉，17 个步骤，7 张工作表，团队 一组`);
    const snap = await readXlsxFile(out);
    expect(snap.sheets.map((s) => s.name)).toEqual(["演练场景", "演练", "产品净值", "产品信息", "客户持仓", "总结评估", "演练记录"]);
    expect(snap.sheets[1].tables).toEqual([{ name: "DrillSteps", ref: "A6:J23", headerRow: true }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("演练")!;
    expect(ws.getCell("F7").value).toBe("未开始");
    expect(ws.getCell("F7").dataValidation).toMatchObject({ type: "list", formulae: ['"未开始,进行中,已完成,跳过"'] });
    expect(ws.getCell("F43").dataValidation).toMatchObject({ type: "list" }); // 20 spare rows below step 17
    expect(wb.getWorksheet("演练场景")!.getCell("C10").value).toBe("张三");
  });

  test("en-US and a preset", async () => {
    const out = at("new-en.xlsx");
    const r = await run("new", "--scenario", "mass-complaint", "--locale", "en-US", "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`wrote ${out}: Emergency drill: a NAV fall sets off a mass complaint, 20 steps, 7 sheets`);
    const snap = await readXlsxFile(out);
    expect(snap.sheets.map((s) => s.name)).toEqual(["Scenario", "Drill", "产品净值", "产品信息", "客户持仓", "After-action review", "Drill log"]);
  });

  test("a plan file and a scenario file", async () => {
    fs.writeFileSync(at("plan.csv"), "phase,text,owner,targetMinutes\nresponse,Start,leadership,30\nafter-action,Review,risk,60\n");
    fs.writeFileSync(at("sc.json"), JSON.stringify({ base: "media-inquiry", team: "PR team", start: "2026-12-02 10:00" }));
    const r = await run("new", "--plan", at("plan.csv"), "--scenario", at("sc.json"), "--locale", "en-US", "--out", at("plan-out.xlsx"));
    expect(r.code).toBe(0);
    expect(r.out).toBe(`wrote ${at("plan-out.xlsx")}: Emergency drill: a NAV fall and a media inquiry, 2 steps, 7 sheets, team PR team`);
  });

  test("never over an input, not over an existing file without --force; clear errors for bad files", async () => {
    fs.writeFileSync(at("plan.json"), JSON.stringify({ steps: [{ phase: "response", text: "x" }] }));
    let r = await run("new", "--plan", at("plan.json"), "--out", at("plan.json"), "--force", "--locale", "en-US");
    expect(r).toMatchObject({ code: 2, err: `lossdesk drill: refusing to write over the input file ${at("plan.json")}; give --out another file` });
    r = await run("new", "--out", at("new-zh.xlsx"), "--locale", "en-US");
    expect(r).toMatchObject({ code: 2, err: `lossdesk drill: ${at("new-zh.xlsx")} already exists; choose another name or add --force to replace it` });
    r = await run("new", "--out", at("new-zh.xlsx"), "--locale", "zh-CN", "--force");
    expect(r.code).toBe(0);
    r = await run("new", "--scenario", "fire", "--out", at("x.xlsx"), "--locale", "en-US");
    expect(r).toMatchObject({ code: 2, err: 'lossdesk drill: unknown scenario "fire" (presets nav-fall, mass-complaint, media-inquiry, live-event, or a .json scenario file)' });
    fs.writeFileSync(at("bad-plan.csv"), "phase,text\nresponse,ok\nsoon,x\n");
    r = await run("new", "--plan", at("bad-plan.csv"), "--out", at("x.xlsx"), "--locale", "zh-CN");
    expect(r.code).toBe(2);
    expect(r.err).toBe(`lossdesk drill: ${at("bad-plan.csv")}: 第 3 行：阶段无法识别：“soon”（可用 preparation/response/communication/after-action 或 准备/应急响应/客户沟通/总结评估）`);
    r = await run("new", "--locale", "en-US");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^lossdesk drill: drill new needs --out <drill.xlsx>/);
    expect(fs.existsSync(at("x.xlsx"))).toBe(false);
  });
});

describe("drill score", () => {
  const A = at("team-a.xlsx");
  const B = at("team-b.xlsx");
  const C = at("team-c.xlsx");
  const D = at("team-d.xlsx");
  const E = at("team-e.xlsx");
  const due = T("00:00", "2026-12-31");

  beforeAll(async () => {
    for (const [f, team] of [[A, "一组"], [B, "二组"], [C, "三组"]]) {
      expect((await run("new", "--out", f, "--team", team, "--locale", "zh-CN")).code).toBe(0);
    }
    // A: steps 1-3 done on time and in order, step 4 under way, one complete review item
    await fill(A, {
      steps: [[1, "已完成", T("09:00"), T("09:10")], [2, "已完成", T("09:10"), T("09:20")], [3, "已完成", T("09:20"), T("09:45")], [4, "进行中", T("09:45"), null]],
      review: [["通知链条慢", "建立应急通讯录", "应急领导小组", due]],
    });
    // B: renamed drill sheet, junk in step 3's start time, step 2 late, review with gaps
    await fill(B, {
      steps: [[1, "已完成", T("09:00"), T("09:10")], [2, "已完成", T("09:10"), T("09:40")], [3, "已完成", "刚才", T("09:50")], [5, "跳过", null, T("10:00")]],
      review: [["话术未经法务审核", "", "", "下周"]],
      rename: "二组演练",
    });
    // C: the last two rows of DrillSteps deleted
    await fill(C, { steps: [[1, "已完成", T("09:00"), T("09:05")]], removeRows: [16, 2] });
    // D: not a workbook at all; E: a workbook with no drill in it
    fs.writeFileSync(D, "序号,步骤\n1,启动\n");
    await writeNewWorkbook(E, generateSample({ clients: 5, products: 1 }).sheets);
  });

  test("scores what it can, names file and cell for every problem, ranks the teams", async () => {
    const json = at("summary.json");
    const r = await run("score", A, B, C, D, E, "--locale", "zh-CN", "--out", at("summary.xlsx"), "--json", json);
    expect(r.code).toBe(0);
    expect(r.err.split("\n")).toEqual([
      `${B}: 错误 二组演练!G9: 开始时间不是时间：“刚才”，按空白处理`,
      `${B}: 警告 总结评估!E5: 完成期限不是日期：“下周”`,
      `${C}: 错误 演练!A6:J21: 演练步骤表应有 17 个步骤，现只有 15 个（缺少序号 16、17），缺少的步骤按未完成计分`,
      `${D}: 该文件是纯文本（例如 CSV），只是用了 .xlsx 扩展名，不是 Excel 工作簿。请用 Excel 打开该文件，另存为“Excel 工作簿 (*.xlsx)”后重试。`,
      `${E}: 警告 演练场景!A1: 找不到演练场景表（“演练场景”工作表），团队名与开始时间未知`,
      `${E}: 错误 演练!A1: 找不到演练步骤表（表格 DrillSteps，或“演练”工作表上含“序号、步骤、状态”的表头）`,
      `${E}: 未评分`,
    ]);
    // A: completion 40*3/17 = 7.1, on time 25*3/17 = 4.4, order 15*1/6 = 2.5, review 8*1/3 = 2.7 + 12*1/1 = 12 -> 14.7
    // B: completion 40*3/17 = 7.1, on time 25*1/17 = 1.5 (step 2 late, step 3 no start), order 15*1/6 = 2.5,
    //    review 2.7 + 12*0/1 = 0 -> 2.7
    // C: completion 40*1/17 = 2.4, on time 25*1/17 = 1.5, order 0, review 0
    expect(r.out.split("\n")).toEqual([
      "演练评分：3 份已评分，2 份未评分",
      `  1. 一组（${A}）28.7 分：完成 7.1/40（3/17），按时 4.4/25（3/17），顺序 2.5/15（1/6），总结评估 14.7/20`,
      `  2. 二组（${B}）13.8 分：完成 7.1/40（3/17），按时 1.5/25（1/17），顺序 2.5/15（1/6），总结评估 2.7/20`,
      `  3. 三组（${C}）3.9 分：完成 2.4/40（1/17），按时 1.5/25（1/17），顺序 0.0/15（0/6），总结评估 0.0/20`,
      "最常超时或跳过的步骤：",
      "  2. 宣读应急预案与演练情景，确认各部门人员到位：超时 1，跳过 0",
      "  5. 联系客户，了解客户诉求，安抚客户情绪：超时 0，跳过 1",
      "总结评估缺项：",
      "  二组: 第 1 项缺少整改措施；第 1 项缺少责任部门/责任人；第 1 项缺少完成期限",
      "  三组: 未列出发现的问题",
      `已写出 ${json}`,
      `已写出 ${at("summary.xlsx")}`,
    ]);

    const j = JSON.parse(fs.readFileSync(json, "utf8"));
    expect(j.ranking.map((x: any) => [x.rank, x.team, x.score, x.missingSteps])).toEqual([[1, "一组", 28.7, 0], [2, "二组", 13.8, 0], [3, "三组", 3.9, 2]]);
    expect(j.notScored.map((x: any) => x.file)).toEqual([D, E]);
    expect(j.steps[0]).toEqual({ no: 1, step: "成立演练领导小组，明确各角色分工、联系人与演练规则", done: 3, averageMinutes: 8.3, slowest: { minutes: 10, team: "一组" }, late: 0, skipped: 0, notDone: 0 });
    expect(j.steps[2]).toMatchObject({ no: 3, done: 2, averageMinutes: 25, slowest: { minutes: 25, team: "一组" } });
    expect(j.issues.map((i: any) => `${path.basename(i.file)} ${i.sheet}!${i.cell}`)).toEqual([
      "team-b.xlsx 二组演练!G9", "team-b.xlsx 总结评估!E5", "team-c.xlsx 演练!A6:J21", "team-e.xlsx 演练场景!A1", "team-e.xlsx 演练!A1",
    ]);

    const summary = await readXlsxFile(at("summary.xlsx"));
    expect(summary.sheets.map((s) => s.name)).toEqual(["演练成绩", "步骤统计", "总结评估缺项", "问题"]);
    expect(summary.sheets[0].rows[4]).toEqual([1, "一组", "team-a.xlsx", 28.7, 7.1, 4.4, 2.5, 14.7, "3/17", 0]);
  });

  test("--json - puts the JSON alone on stdout; no workbook scored is exit 2", async () => {
    const r = await run("score", A, "--json", "-", "--locale", "en-US");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).ranking[0]).toMatchObject({ team: "一组", score: 28.7 });
    expect(r.err).toMatch(/^drill scores: 1 scored, 0 not scored/);
    const none = await run("score", D, E, "--locale", "en-US");
    expect(none.code).toBe(2);
    expect(none.err.split("\n").slice(-1)).toEqual(["lossdesk drill: no workbook could be scored"]);
    expect(none.out).toBe("");
  });

  test("never writes the summary over a scored workbook", async () => {
    const r = await run("score", A, B, "--out", B, "--force", "--locale", "en-US");
    expect(r).toMatchObject({ code: 2, err: `lossdesk drill: refusing to write over the input file ${B}; give --out another file` });
  });

  test("regenerating from a filled workbook keeps its times", async () => {
    const out = at("team-a-v2.xlsx");
    const r = await run("new", "--plan", A, "--out", out, "--locale", "zh-CN");
    expect(r).toMatchObject({ code: 0, err: "" });
    const again = await run("score", out, "--json", "-", "--locale", "zh-CN");
    expect(JSON.parse(again.out).ranking[0]).toMatchObject({ team: "一组", score: 28.7 });
  });
});
