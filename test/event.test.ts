// The live event's core: the complaint clock as the register applies it, the register's round
// trip, the CLI's JSON, the regulator report, the media statement and log, the checklist on the
// drill engine.
import { GENERATED_SHEETS, analyzeWorkbook } from "../src/core/analysis";
import { checkText } from "../src/core/compliance";
import { complaintClock } from "../src/core/contact";
import { readDrillWorkbook, stepForActivity, presetSteps } from "../src/core/drill";
import {
  EVENT_SHEET_NAMES, buildEventOutputs, buildMediaLog, buildRegister, buildRegulatorReport, buildStatement, clientLookup,
  complaintStage, complaintsJson, completeActivities, daysLeftFormula, dueFormula, liveEventSheets, liveSteps, newLiveEvent,
  parseReportingDeadlines, previousKind, readLiveEvent, regulatorFigures, summarise, demandKind,
  findRegister, openComplaintClients, openComplaintClientsIn, readRegister,
} from "../src/core/event";
import { buildOutputs } from "../src/core/outputs";
import { DEFAULT_TEMPLATES, renderDraft, reviewLabel, reviewReasons, sendBlock } from "../src/core/drafts";
import { tableRows } from "../src/core/workbook";
import { buildReport } from "../src/core/report";
import { generateSample } from "../src/core/sample";
import { planReport } from "../src/core/layout";
import { fenToYuanNumber } from "../src/core/money";
import type { CellValue, ReportBlock, SheetSnapshot, WorkbookSnapshot } from "../src/core/workbook";
import { sheetOf, snapshotOf } from "./helpers/snapshot";

const sample = generateSample({ clients: 200, products: 6, seed: 7 });
const input = snapshotOf(sample.sheets);
const analysis = analyzeWorkbook(input);
const losing = analysis.clients.filter((c) => c.pnlFen < 0);
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("the complaint clock as the register applies it", () => {
  test("15 days, the day of receipt not counted; 30 with a reason; 60 with the approval too", () => {
    expect(complaintClock("2026-12-01", "2026-12-01", complaintStage("", "")).due).toBe("2026-12-16");
    expect(complaintClock("2026-12-01", "2026-12-01", complaintStage("需调取销售录音", "")).due).toBe("2026-12-31");
    expect(complaintClock("2026-12-01", "2026-12-01", complaintStage("需调取销售录音", "张行长 2026-12-20")).due).toBe("2027-01-30");
    // an approval without a reason extends nothing
    expect(complaintStage("", "张行长")).toBe("normal");
  });
  test("month ends and leap years", () => {
    expect(complaintClock("2026-01-31", "2026-01-31").due).toBe("2026-02-15");
    expect(complaintClock("2026-01-31", "2026-01-31", "complex").due).toBe("2026-03-02");
    expect(complaintClock("2026-01-31", "2026-01-31", "extended").due).toBe("2026-04-01");
    expect(complaintClock("2028-02-14", "2028-02-14").due).toBe("2028-02-29");
    expect(complaintClock("2026-12-20", "2027-01-04").daysLeft).toBe(0); // the last day: 0 left, not overdue
    expect(complaintClock("2026-12-20", "2027-01-05").overdue).toBe(true);
  });
  test("demands are grouped by what the client asks for", () => {
    expect(demandKind("要求银行赔偿全部损失")).toBe("compensation");
    expect(demandKind("Wants the loss made good")).toBe("compensation");
    expect(demandKind("要求赎回并退款")).toBe("redemption");
    expect(demandKind("要求解释净值下跌原因")).toBe("explanation");
    expect(demandKind("投诉客户经理态度")).toBe("other");
  });
});

/** A register as people leave it: the generated sheet with rows typed in (values as the reader returns them). */
function typedRegister(rows: CellValue[][], locale: "zh-CN" | "en-US" = "zh-CN"): WorkbookSnapshot {
  const first = buildRegister({ locale, asOf: "2026-12-01", clients: clientLookup(analysis) });
  const sheet = sheetOf({ ...first.sheet, rows });
  return { sheets: [...input.sheets, sheet] };
}
const A = losing[0];
const B = losing[1];
// 投诉编号 收到日期 客户编号 客户姓名 亏损 渠道 诉求 涉及产品 承办部门 处理人 状态 延期原因 延期批准 答复期限 剩余天数 答复日期 处理结果 备注
const row = (...v: CellValue[]): CellValue[] => [...v, ...new Array(18 - v.length).fill(null)];
const TYPED = [
  row("TS-001", d("2026-11-20"), A.clientId, null, null, "电话", "要求赔偿损失", "WM2026A", "客户服务部", "李四", "处理中"),
  row("TS-002", "2026/11/25", B.clientId, null, null, "12378", "要求解释", null, null, null, "已延期", "需调取录音", "王行长 2026-11-30"),
  row("TS-003", "下周一", "C999999", "某客户", null, "柜面", "要求赎回", null, null, null, "已登记"),
  row(null, d("2026-11-30"), null, "未留编号的来电", null, "电话", "询问净值", null, null, null, null),
  row("TS-004", d("2026-11-10"), A.clientId, null, null, "信函", "要求赔偿", null, null, null, "已办结", null, null, null, null, d("2026-11-20"), "已解释，不予赔偿"),
];

describe("the complaint register", () => {
  test("first time: one blank row to type into, computed columns, drop-downs and the two colours", () => {
    const r = buildRegister({ locale: "zh-CN", asOf: "2026-12-01", clients: clientLookup(analysis) });
    expect(r.sheet.name).toBe("投诉登记");
    expect(r.sheet.tableName).toBe("Complaints");
    expect(r.sheet.columns.map((c) => c.header)).toEqual([
      "投诉编号", "收到日期", "客户编号", "客户姓名", "亏损金额（元）", "渠道", "诉求", "涉及产品", "承办部门", "处理人", "状态",
      "延期原因", "延期批准", "答复期限", "剩余天数", "答复日期", "处理结果", "备注",
    ]);
    expect(r.sheet.rows).toEqual([new Array(18).fill(null)]);
    expect(r.sheet.columns[10].list).toEqual(["已登记", "处理中", "已答复", "已办结", "已延期"]);
    expect(r.sheet.columns[10].listExtraRows).toBe(200);
    expect(r.sheet.columns[5].list).toEqual(["电话", "柜面", "信函", "网络", "监管转办", "12378"]);
    expect(r.sheet.columns[13].formula).toBe(dueFormula());
    expect(dueFormula()).toBe('=IF(B{r}="","",B{r}+IF(L{r}="",15,IF(M{r}="",30,60)))');
    expect(daysLeftFormula("zh-CN")).toBe('=IF(OR(N{r}="",K{r}="已答复",K{r}="已办结"),"",N{r}-TODAY())');
    expect(daysLeftFormula("en-US")).toBe('=IF(OR(N{r}="",K{r}="Answered",K{r}="Closed"),"",N{r}-TODAY())');
    expect(r.sheet.conditionalFormats).toEqual([
      { formula: "AND(ISNUMBER($O{r}),$O{r}<0)", style: "bad" },
      { formula: "AND(ISNUMBER($O{r}),$O{r}<=3)", style: "warn" },
    ]);
  });

  test("regeneration keeps every typed row, looks up name and loss, computes due dates, names bad cells", () => {
    const r = buildRegister({ locale: "zh-CN", asOf: "2026-12-06", clients: clientLookup(analysis), previous: typedRegister(TYPED) });
    expect(r.sheet.rows.length).toBe(5);
    const [one, two, three, four, five] = r.sheet.rows;
    expect(one.slice(0, 5)).toEqual(["TS-001", d("2026-11-20"), A.clientId, A.clientName, fenToYuanNumber(-A.pnlFen)]);
    expect(one.slice(10, 15)).toEqual(["处理中", null, null, d("2026-12-05"), -1]);
    expect(two.slice(10, 15)).toEqual(["已延期", "需调取录音", "王行长 2026-11-30", d("2027-01-24"), 49]);
    expect(two[1]).toEqual(d("2026-11-25")); // typed as text, written back as a date
    // a date that is not a date and an unknown client: kept as typed, no deadline, no lookup
    expect(three.slice(0, 5)).toEqual(["TS-003", "下周一", "C999999", "某客户", null]);
    expect(three[13]).toBeNull();
    expect(four.slice(0, 4)).toEqual([null, d("2026-11-30"), null, "未留编号的来电"]);
    expect(four[10]).toBe("已登记");
    expect(four.slice(13, 15)).toEqual([d("2026-12-15"), 9]);
    // closed: due date shown, no days left
    expect(five.slice(13, 17)).toEqual([d("2026-11-25"), null, d("2026-11-20"), "已解释，不予赔偿"]);
    expect(r.issues.map((i) => i.message)).toEqual([
      "投诉登记!B8: 收到日期不是日期：“下周一”，无法计算答复期限",
      "投诉登记!C8: 客户编号 C999999 不在本次分析的客户中，姓名与亏损未查到",
    ]);
    expect(r.sheet.preamble![1]).toBe("投诉 5 件，未办结 4 件，已逾期 1 件。");
  });

  test("regenerated in English, the same rows with the statuses in English", () => {
    const r = buildRegister({ locale: "en-US", asOf: "2026-12-06", clients: clientLookup(analysis), previous: typedRegister(TYPED) });
    expect(r.sheet.name).toBe("Complaints");
    expect(r.sheet.rows.map((x) => x[10])).toEqual(["In progress", "Extended", "Registered", "Registered", "Closed"]);
    expect(r.sheet.rows.map((x) => x[0])).toEqual(["TS-001", "TS-002", "TS-003", null, "TS-004"]);
  });

  test("status Extended without a reason is an issue and keeps 15 days", () => {
    const r = buildRegister({
      locale: "en-US", asOf: "2026-12-06", clients: clientLookup(analysis),
      previous: typedRegister([row("X1", d("2026-12-01"), A.clientId, null, null, "Phone", "Compensation", null, null, null, "Extended")], "en-US"),
    });
    expect(r.sheet.rows[0][13]).toEqual(d("2026-12-16"));
    expect(r.issues.map((i) => i.message)).toEqual(["Complaints!K6: status is Extended but no extension reason is given; 15 days still apply"]);
  });

  test("the CLI's JSON: open complaints by due date, totals", () => {
    const r = buildRegister({ locale: "zh-CN", asOf: "2026-12-06", clients: clientLookup(analysis), previous: typedRegister(TYPED) });
    expect(complaintsJson(r.complaints, "2026-12-06")).toEqual({
      asOf: "2026-12-06",
      complaints: [
        { id: "TS-001", clientId: A.clientId, receivedDate: "2026-11-20", dueDate: "2026-12-05", status: "in-progress", overdue: true, daysLeft: -1, demand: "要求赔偿损失" },
        { id: "", clientId: "", receivedDate: "2026-11-30", dueDate: "2026-12-15", status: "registered", overdue: false, daysLeft: 9, demand: "询问净值" },
        { id: "TS-002", clientId: B.clientId, receivedDate: "2026-11-25", dueDate: "2027-01-24", status: "extended", overdue: false, daysLeft: 49, demand: "要求解释" },
      ],
      totals: { open: 3, overdue: 1, dueSoon: 0 },
    });
    expect(summarise(r.complaints)).toEqual({
      received: 5, open: 4, overdue: 1, dueSoon: 0,
      byDemand: {
        compensation: { received: 2, open: 1 }, redemption: { received: 1, open: 1 },
        explanation: { received: 1, open: 1 }, other: { received: 1, open: 1 },
      },
    });
  });

  test("the risk report gets a complaints section from the register", () => {
    const r = buildRegister({ locale: "zh-CN", asOf: "2026-12-06", clients: clientLookup(analysis), previous: typedRegister(TYPED) });
    const rep = buildReport(analysis, { locale: "zh-CN", generatedAt: "2026-12-06T09:00:00", complaints: r.complaints });
    const i = rep.sheet.blocks.findIndex((b) => b.kind === "heading" && b.text === "十一、客户投诉");
    expect(i).toBeGreaterThan(0);
    const facts = rep.sheet.blocks[i + 1];
    expect(facts.kind === "facts" && facts.rows.map((x) => [x.label, x.value])).toEqual([["收到投诉", 5], ["未办结", 4], ["已逾期", 1], ["3 日内到期", 0]]);
    const table = rep.sheet.blocks[i + 2];
    expect(table.kind === "table" && table.rows).toEqual([["要求赔偿", 2, 1], ["要求赎回/退款", 1, 1], ["要求解释说明", 1, 1], ["其他", 1, 1]]);
    // without a register (older callers), no section
    expect(buildReport(analysis, { locale: "zh-CN", generatedAt: "2026-12-06T09:00:00" }).sheet.blocks.some((b) => b.kind === "heading" && b.text === "十一、客户投诉")).toBe(false);
  });
});

const textsOf = (blocks: ReportBlock[]) => blocks.flatMap((b) => {
  if (b.kind === "paragraph" || b.kind === "heading") return [b.text];
  if (b.kind === "title") return [b.text, ...(b.subtitle ?? [])];
  if (b.kind === "facts") return b.rows.map((r) => `${r.label} ${String(r.value)}`);
  if (b.kind === "input") return [b.area.label, b.area.prefill];
  if (b.kind === "table") return [b.note ?? ""];
  return [];
});

describe("the regulator report", () => {
  const reg = buildRegister({ locale: "zh-CN", asOf: "2026-12-06", clients: clientLookup(analysis), previous: typedRegister(TYPED) });
  const base = { generatedAt: "2026-12-06T10:00:00", complaints: reg.complaints, contacted: new Set([A.clientId, B.clientId, "C999999"]) };

  test("its figures are the engine's", () => {
    const f = regulatorFigures(analysis);
    expect(f.lossFen).toBe(analysis.totals.lossFen);
    expect(f.clientsWithLoss).toBe(analysis.totals.clientsWithLoss);
    expect(f.byTier.high.lossFen + f.byTier.medium.lossFen + f.byTier.low.lossFen).toBe(analysis.totals.lossFen);
    expect(f.byTier.high.clients + f.byTier.medium.clients + f.byTier.low.clients).toBe(analysis.clients.length);
    expect(f.mismatches).toBe(analysis.clients.filter((c) => c.flags.includes("suitability-mismatch")).length);
    expect(f.elderly).toBe(analysis.clients.filter((c) => c.flags.includes("elderly")).length);
    const r = buildRegulatorReport(analysis, { ...base, locale: "zh-CN", kind: "first" });
    const impact = r.sheet.blocks.find((b) => b.kind === "facts" && b.rows[0].label === "持有下跌产品的客户");
    if (impact?.kind !== "facts") throw new Error("no impact facts");
    // the counts named as the risk report names them: 92 holders of the products that fell (10 of them
    // not at a loss overall) and 97 clients with a loss across all products (15 holding none of them)
    expect(impact.rows.map((x) => x.label)).toEqual([
      "持有下跌产品的客户", "　其中全部持仓合计未亏损", "全部产品中出现亏损的客户", "　其中未持有下跌产品", "亏损合计（元）", "适当性不匹配客户", "65岁及以上客户",
    ]);
    expect(impact.rows.map((x) => x.value)).toEqual([92, 10, 97, 15, fenToYuanNumber(analysis.totals.lossFen), f.mismatches, f.elderly]);
    expect(analysis.totals.clientsWithLoss).toBe(97);
    expect(impact.rows[4].numFmt).toBe("#,##0.00");
    const measures = r.sheet.blocks.find((b) => b.kind === "facts" && b.rows[0].label === "已联系亏损客户");
    expect(measures?.kind === "facts" && measures.rows.map((x) => x.value)).toEqual([`2 / ${analysis.totals.clientsWithLoss}`, 5, "4 / 1", 2]);
  });

  test("first report by default, update and final when asked, in both languages; every sentence passes the compliance check", () => {
    for (const locale of ["zh-CN", "en-US"] as const) {
      for (const kind of ["first", "update", "final"] as const) {
        const r = buildRegulatorReport(analysis, { ...base, locale, kind });
        expect(() => planReport(r.sheet)).not.toThrow();
        for (const t of [...r.texts, ...textsOf(r.sheet.blocks)]) {
          expect({ t, errors: checkText(t, { locale }).filter((x) => x.severity === "error") }).toEqual({ t, errors: [] });
        }
      }
    }
    const first = buildRegulatorReport(analysis, { ...base, locale: "zh-CN", kind: "first" });
    expect(first.sheet.name).toBe("监管报告");
    expect(first.sheet.blocks[0].kind === "title" && first.sheet.blocks[0].text).toBe("理财产品净值下跌事件报告（初报）");
    expect(first.sheet.blocks.filter((b) => b.kind === "input").map((b) => b.kind === "input" && b.area.key)).toEqual([
      "regulator-unit", "regulator-contact", "regulator-summary", "regulator-measures", "regulator-next",
      "regulator-approver", "regulator-approved-at", "regulator-approval-history",
    ]);
    const upd = buildRegulatorReport(analysis, { ...base, locale: "en-US", kind: "update" });
    expect(upd.sheet.blocks[0].kind === "title" && upd.sheet.blocks[0].text).toBe("Incident report: fall in product NAV (Update report)");
    expect(upd.sheet.blocks.filter((b) => b.kind === "input").map((b) => b.kind === "input" && b.area.key)).toContain("regulator-progress");
  });

  test("approval: of one version of the content; a regeneration that changes it asks for approval again and keeps the record", () => {
    // the sheet as laid out, with text typed into some of its boxes
    const typed = (r: ReturnType<typeof buildRegulatorReport>, text: Record<string, string>): SheetSnapshot => {
      const plan = planReport(r.sheet);
      const rows: CellValue[][] = plan.grid.map((x) => x.slice());
      for (const area of plan.inputAreas) if (text[area.key] !== undefined) rows[Number(/\d+/.exec(area.address)![0]) - 1][0] = text[area.key];
      return { name: r.sheet.name, rows, tables: [] };
    };
    const state = (r: ReturnType<typeof buildRegulatorReport>) => {
      const f = r.sheet.blocks.find((b) => b.kind === "facts" && ["报告版本（内容变化即更新）", "Report version (changes with the content)"].includes(b.rows[0].label));
      if (f?.kind !== "facts") throw new Error("no approval facts");
      const boxes = Object.fromEntries(r.sheet.blocks.flatMap((b) => (b.kind === "input" ? [[b.area.key, b.area.prefill]] : [])));
      const title = r.sheet.blocks[0];
      return { version: String(f.rows[0].value), status: f.rows[1].value, subtitle: title.kind === "title" ? title.subtitle?.[0] : "", approver: boxes["regulator-approver"], at: boxes["regulator-approved-at"], history: boxes["regulator-approval-history"] };
    };
    const first = buildRegulatorReport(analysis, { ...base, locale: "zh-CN", kind: "first" });
    const s1 = state(first);
    expect(s1.version).toMatch(/^[0-9a-f]{8}$/);
    expect(s1.status).toBe("待审定：报送前须经应急领导小组审定");
    expect(s1.subtitle).toBe(`生成时间：2026-12-06 10:00    分析日：${analysis.asOf}    待审定：报送前须经应急领导小组审定`);
    // approved: the same content regenerated an hour later stays approved
    const approved = typed(first, { "regulator-approver": "王行长", "regulator-approved-at": "2026-12-06 10:30" });
    const again = buildRegulatorReport(analysis, { ...base, generatedAt: "2026-12-06T11:00:00", locale: "zh-CN", kind: "first", previous: approved });
    const s2 = state(again);
    expect(s2).toMatchObject({ version: s1.version, status: "已审定：王行长 2026-12-06 10:30", approver: "王行长", at: "2026-12-06 10:30", history: "" });
    expect(s2.subtitle).toContain("已审定：王行长 2026-12-06 10:30");
    // approval with only a name is not an approval
    const nameOnly = buildRegulatorReport(analysis, { ...base, locale: "zh-CN", kind: "first", previous: typed(first, { "regulator-approver": "王行长" }) });
    expect(state(nameOnly).status).toBe("待审定：报送前须经应急领导小组审定");
    // one more client contacted: the figures changed, the approval does not carry over, its record is kept
    const more = buildRegulatorReport(analysis, {
      ...base, contacted: new Set([...base.contacted, analysis.clients.find((c) => c.pnlFen < 0 && !base.contacted.has(c.clientId))!.clientId]),
      locale: "zh-CN", kind: "first", previous: typed(again, { "regulator-approver": "王行长", "regulator-approved-at": "2026-12-06 10:30" }),
    });
    const s3 = state(more);
    expect(s3.version).not.toBe(s1.version);
    expect(s3).toMatchObject({
      status: "待重新审定：内容自上次审定后已变化，报送前须经应急领导小组审定", approver: "", at: "", history: `2026-12-06 10:30 王行长 审定版本 ${s1.version}`,
    });
    // text typed into a box after the approval changes the content too
    const edited = buildRegulatorReport(analysis, {
      ...base, locale: "zh-CN", kind: "first",
      previous: typed(again, { "regulator-approver": "王行长", "regulator-approved-at": "2026-12-06 10:30", "regulator-summary": "12月1日发现净值下跌。" }),
    });
    expect(state(edited).status).toBe("待重新审定：内容自上次审定后已变化，报送前须经应急领导小组审定");
    // English
    const en = state(buildRegulatorReport(analysis, { ...base, locale: "en-US", kind: "final" }));
    expect(en.status).toBe("To be approved: the leadership group approves it before it is sent");
  });

  test("the deadlines: from the live event's discovery time, with the oral report's status (the written report is this sheet: not its own)", () => {
    const ev = newLiveEvent({ locale: "zh-CN", now: new Date(Date.UTC(2026, 11, 1, 9, 5)), discoveredAt: new Date(Date.UTC(2026, 11, 1, 8, 40)) });
    const done = stepForActivity(ev, "report-written", new Date(Date.UTC(2026, 11, 1, 9, 30))).state;
    const r = buildRegulatorReport(analysis, { ...base, locale: "zh-CN", kind: "first", event: done });
    const facts = r.sheet.blocks.find((b) => b.kind === "facts" && b.rows[0].label === "事件发现时间");
    expect(facts?.kind === "facts" && facts.rows.map((x) => [x.label, x.value])).toEqual([
      ["事件发现时间", "2026-12-01 08:40"],
      ["口头报告（30 分钟内）", "2026-12-01 09:10 前；未开始"],
      ["书面报告（1 小时内）", "2026-12-01 09:40 前"],
      ["本次报告", "初报"],
    ]);
    const std = buildRegulatorReport(analysis, { ...base, locale: "en-US", kind: "first", deadlines: { oralMinutes: 120, writtenMinutes: 1440 } });
    const f2 = std.sheet.blocks.find((b) => b.kind === "facts" && b.rows[0].label === "Event discovered");
    expect(f2?.kind === "facts" && f2.rows.slice(1, 3).map((x) => [x.label, x.value])).toEqual([
      ["Oral report (within 2 hours)", "counted from the time the event was discovered; (no response checklist)"],
      ["Written report (within 24 hours)", "counted from the time the event was discovered"],
    ]);
    // sending the report (its step done) does not change the content approved
    const before = buildRegulatorReport(analysis, { ...base, locale: "zh-CN", kind: "first", event: ev });
    const version = (x: typeof r) => x.sheet.blocks.flatMap((b) => (b.kind === "facts" ? b.rows : [])).find((x) => x.label === "报告版本（内容变化即更新）")?.value;
    expect(version(before)).toMatch(/^[0-9a-f]{8}$/);
    expect(version(r)).toBe(version(before));
  });

  test("what people typed into the boxes, and the report's kind, are kept on regeneration", () => {
    const first = buildOutputs(analysis, input, { locale: "zh-CN", generatedAt: "2026-12-06T10:00:00", regulatorReport: "update" });
    const model = first.outputs.reports[1].sheet;
    const plan = planReport(model);
    // the sheet as the writer lays it out, with the person's text typed into two boxes
    const rows: CellValue[][] = plan.grid.map((r) => r.slice());
    for (const area of plan.inputAreas) {
      const r = Number(/\d+/.exec(area.address)![0]) - 1;
      if (area.key === "regulator-unit") rows[r][0] = "某银行股份有限公司某分行";
      if (area.key === "regulator-progress") rows[r][0] = "已联系全部高风险客户。";
    }
    const previous: SheetSnapshot = { name: "监管报告", rows, tables: [] };
    expect(previousKind(previous)).toBe("update");
    const again = buildOutputs(analysis, { sheets: [...input.sheets, previous] }, { locale: "zh-CN", generatedAt: "2026-12-07T10:00:00" });
    const boxes = Object.fromEntries(again.outputs.reports[1].sheet.blocks.filter((b) => b.kind === "input").map((b) => b.kind === "input" ? [b.area.key, b.area.prefill] : []));
    expect(boxes["regulator-unit"]).toBe("某银行股份有限公司某分行");
    expect(boxes["regulator-progress"]).toBe("已联系全部高风险客户。");
    expect(boxes["regulator-contact"]).toBe("");
  });
});

describe("the media statement and log", () => {
  test("the built-in statement: facts of the event only, compliance-clean, in both languages", () => {
    for (const locale of ["zh-CN", "en-US"] as const) {
      const s = buildStatement(analysis, locale);
      expect(s.issues).toEqual([]);
      expect(s.paragraphs.every((p) => p.findings.every((f) => f.severity !== "error"))).toBe(true);
      expect(s.sheet.rows.map((r) => r[3])).toEqual(new Array(5).fill(locale === "zh-CN" ? "通过" : "clean"));
      for (const c of analysis.clients) expect(s.paragraphs.some((p) => p.text.includes(c.clientId))).toBe(false);
    }
    const zh = buildStatement(analysis, "zh-CN");
    // every affected product with its own move
    const affected = analysis.products.filter((p) => p.pnlFen < 0 || p.drawdownBp > 0);
    expect(affected.length).toBeGreaterThan(1);
    for (const p of affected) expect(zh.paragraphs[1].text).toContain(`${p.productName ?? p.productCode}由 ${p.peakNav.toFixed(4)} 降至 ${p.latestNav.toFixed(4)}`);
    expect(zh.paragraphs[1].text).toMatch(/^近期受市场波动影响，相关产品单位净值出现下跌：.*（截至2026-11-27）。$/);
  });

  test("an edited template is kept; a promise or a client's name in it is an issue naming the cell", () => {
    const s = buildStatement(analysis, "zh-CN");
    const sheet = sheetOf(s.sheet);
    const h = 5; // preamble 3 lines + blank row -> header on row 5
    sheet.rows[h + 1]![1] = "我行承诺保本，请客户放心。";
    sheet.rows[h + 2]![1] = `客户${A.clientId}的亏损我行正在核实。`;
    const again = buildStatement(analysis, "zh-CN", { sheets: [sheet] });
    expect(again.sheet.rows[1][1]).toBe("我行承诺保本，请客户放心。");
    expect(again.issues.map((i) => `${i.cell} ${i.code}`)).toEqual(["C7 statement-promise-words", "C8 statement-client-data"]);
    expect(again.sheet.rows[0][1]).toBe(s.sheet.rows[0][1]);
  });

  test("the media log keeps every typed row", () => {
    const log = buildMediaLog("zh-CN");
    expect(log.columns.map((c) => c.header)).toEqual(["时间", "媒体/平台", "报道/问询内容", "回应", "处理人", "备注"]);
    const sheet = sheetOf({ ...log, rows: [["2026-12-01 10:00", "财经日报", "询问亏损情况", "按媒体口径回复", "公关部 周", null], [null, null, null, null, null, null], [null, "微博", "网友讨论", null, null, null]] });
    const again = buildMediaLog("en-US", { sheets: [{ ...sheet, name: "舆情记录" }] });
    expect(again.name).toBe("Media log");
    expect(again.rows).toEqual([["2026-12-01 10:00", "财经日报", "询问亏损情况", "按媒体口径回复", "公关部 周", null], [null, "微博", "网友讨论", null, null, null]]);
  });
});

describe("the live event's checklist on the drill engine", () => {
  const now = new Date(Date.UTC(2026, 11, 1, 9, 0));
  const state = newLiveEvent({ locale: "zh-CN", now, discoveredAt: new Date(Date.UTC(2026, 11, 1, 8, 45)) });

  test("the response flow of the plan, with owners and target times; deadlines from the setting", () => {
    expect(state.steps.map((s) => s.key)).toEqual([
      "activate", "notify-service", "report-phone", "analyse", "report-written", "legal-assess", "dispose", "drafts", "contact",
      "complaints", "media", "reassess", "regulator-final", "review", "actions", "revise-plan",
    ]);
    expect(state.steps[2]).toMatchObject({ text: "自发现起 30 分钟内，电话（口头）报告上级行与监管部门", owner: "应急领导小组", targetMinutes: 30 });
    const std = liveSteps("en-US", parseReportingDeadlines("2h/24h"));
    expect(std[4]).toMatchObject({ text: "Within 24 hours of discovery, send the written report (Regulator report, first report)", targetMinutes: 1440 });
    expect(parseReportingDeadlines("30m/1h")).toEqual({ oralMinutes: 30, writtenMinutes: 60 });
    expect(parseReportingDeadlines("30/60")).toEqual({ oralMinutes: 30, writtenMinutes: 60 });
    expect(parseReportingDeadlines("1h/30m")).toBeUndefined();
    expect(parseReportingDeadlines("soon")).toBeUndefined();
    // the steps the add-in completes have the keys a drill's steps have
    const drillKeys = new Set(presetSteps("nav-fall", "zh-CN").map((s) => s.key));
    for (const k of ["activate", "analyse", "drafts", "complaints", "review", "actions", "revise-plan", "dispose", "reassess"]) expect(drillKeys.has(k)).toBe(true);
  });

  test("its sheets read back as a drill does; LossDesk's work completes its steps and writes the log", () => {
    const sheets = liveEventSheets(state);
    expect(sheets.map((s) => [s.name, s.tableName])).toEqual([["应急事件", "DrillRoles"], ["应急响应", "DrillSteps"], ["事件复盘", "DrillReview"], ["事件记录", "DrillLog"]]);
    expect(sheets[1].preamble![1]).toBe("事件发现时间：2026-12-01 08:45    步骤数：16");
    expect(sheets[1].preamble![2]).toBe("报告时限：口头报告 2026-12-01 09:15 前（30 分钟），书面报告 2026-12-01 09:45 前（1 小时）");
    const wb = { sheets: [...input.sheets, ...snapshotOf(sheets).sheets] };
    const read = readLiveEvent(wb, "zh-CN")!;
    expect(read.state!.scenario.start).toEqual(new Date(Date.UTC(2026, 11, 1, 8, 45)));
    expect(read.state!.steps.length).toBe(16);
    expect(readDrillWorkbook(wb).issues.filter((i) => i.severity === "error")).toEqual([]);
    const done = completeActivities(read, ["analysis-run", "drafts-written", "report-written"], new Date(Date.UTC(2026, 11, 1, 9, 20)));
    expect(done.completed).toEqual([4, 8, 5]);
    expect(done.sheets.map((s) => s.name)).toEqual(["应急响应", "事件记录"]);
    const log = done.sheets[1].rows;
    expect(log.slice(-3).map((r) => [r[1], r[2], r[3], r[6], r[7]])).toEqual([
      ["加载项", "自动完成", 4, "已完成", "已运行亏损分析；未记录开始时间"],
      ["加载项", "自动完成", 8, "已完成", "已生成客户沟通话术；未记录开始时间"],
      ["加载项", "自动完成", 5, "已完成", "已生成风险报告；未记录开始时间"],
    ]);
    // a workbook without the live event's sheets has none (a drill workbook is not a live event)
    expect(readLiveEvent(input, "zh-CN")).toBeUndefined();
  });

  test("buildEventOutputs takes the deadlines from the event's own checklist", () => {
    const ev = newLiveEvent({ locale: "en-US", now, deadlines: { oralMinutes: 120, writtenMinutes: 1440 } });
    const wb = { sheets: [...input.sheets, ...snapshotOf(liveEventSheets(ev, { oralMinutes: 120, writtenMinutes: 1440 })).sheets] };
    const out = buildEventOutputs(analysis, wb, { locale: "en-US", generatedAt: "2026-12-01T10:00:00" });
    const facts = out.reports[0].sheet.blocks.find((b) => b.kind === "facts" && b.rows[0].label === "Event discovered");
    expect(facts?.kind === "facts" && facts.rows.map((x) => x.value)).toEqual([
      "2026-12-01 09:00", "by 2026-12-01 11:00; Not started", "by 2026-12-02 09:00", "First report",
    ]);
  });

  test("every live-event sheet is a generated sheet, never read as input", () => {
    for (const n of EVENT_SHEET_NAMES) expect(GENERATED_SHEETS).toContain(n);
  });
});

describe("a drill rehearses exactly the live event's steps", () => {
  test("the live-event drill preset has the live checklist's steps after its preparation", async () => {
    const { newDrillWorkbook } = await import("../src/core/drill");
    const drill = newDrillWorkbook({ locale: "zh-CN", preset: "live-event", now: new Date(Date.UTC(2026, 10, 30, 8, 0)) }).state.steps;
    const live = liveSteps("zh-CN");
    expect(drill.slice(2).map((s) => [s.key, s.phase, s.text, s.owner, s.targetMinutes])).toEqual(live.map((s) => [s.key, s.phase, s.text, s.owner, s.targetMinutes]));
    expect(drill.slice(0, 2).map((s) => s.key)).toEqual(["setup-group", "brief-plan"]);
  });
});

describe("a client who has complained", () => {
  // A routine loss notice must not cross the complaint handler's reply: while a complaint is open
  // the client's drafts wait for review (on the sheet, in `lossdesk draft` and in the pane alike).
  const C = losing.find((c) => c !== A && c !== B && reviewReasons(c, analysis).length === 0)!;
  const register = typedRegister([...TYPED, row("TS-005", d("2026-11-15"), C.clientId, null, null, "电话", "要求解释", null, null, null, "已办结")]);

  test("open complaints name their clients; answered and closed ones do not", () => {
    const found = readRegister(findRegister(register), { locale: "zh-CN", asOf: "2026-12-06" }).complaints;
    expect([...openComplaintClients(found)].sort()).toEqual([A.clientId, B.clientId, "C999999"].sort());
    expect(openComplaintClientsIn(register, "zh-CN", "2026-12-06").has(C.clientId)).toBe(false);
    expect(openComplaintClientsIn(input, "zh-CN", "2026-12-06").size).toBe(0);
  });

  test("their drafts start as 待复核 with the reason; a client whose complaint is closed is not held", () => {
    const out = buildOutputs(analysis, register, { locale: "zh-CN", generatedAt: "2026-12-06T10:00:00" });
    const sheet = out.outputs.tables.find((t) => t.name === "沟通草稿")!;
    const rows = tableRows(sheet);
    const ofA = rows.filter((r) => r[0] === A.clientId);
    expect(ofA.length).toBe(4);
    for (const r of ofA) {
      expect(String(r[10])).toContain("客户有未办结投诉，须投诉处理人同意后发送");
      expect(r[11]).toBe("待复核");
    }
    const ofC = rows.filter((r) => r[0] === C.clientId);
    expect(ofC.map((r) => [r[10], r[11]])).toEqual(new Array(4).fill([null, "待处理"]));
    // the one draft renderer gives the pane and the CLI the same verdict
    const d1 = renderDraft(analysis, A, "sms", "en-US", DEFAULT_TEMPLATES, { openComplaints: new Set([A.clientId]) });
    expect(d1.review).toContain("open-complaint");
    expect(sendBlock(d1, false, "en-US")).toBeDefined();
    expect(reviewLabel(["open-complaint"], 65, "en-US")).toBe("open complaint: send only with the complaint handler's agreement");
  });
});
