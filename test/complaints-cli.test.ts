// `lossdesk complaints` on a register typed by hand (openpyxl: test/fixtures/event/make-registers.py),
// and the live event end to end on real files: event new, a complaint typed in with ExcelJS,
// analyze --out (register kept and looked up, regulator report, checklist steps completed, report
// section), then complaints on the result.
import fs from "fs";
import os from "os";
import path from "path";
import { Writable } from "stream";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";
import { readXlsxFile } from "../src/adapters/xlsx/read";
import type { SheetSnapshot } from "../src/core/workbook";

const FIX = path.join(__dirname, "fixtures");
const HAND = path.join(FIX, "event", "hand-register.xlsx");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lossdesk-event-"));
const at = (p: string) => path.join(tmp, p);

async function run(...argv: string[]) {
  let out = "", err = "";
  const sink = (f: (s: string) => void) => new Writable({ write(chunk, _enc, cb) { f(String(chunk)); cb(); } });
  const code = await main(argv, sink((s) => (out += s)), sink((s) => (err += s)));
  return { code, out, err };
}

describe("lossdesk complaints on a register typed by hand", () => {
  test("--json -: the open complaints by due date, overdue and due soon, exactly", async () => {
    const r = await run("complaints", HAND, "--as-of", "2026-12-06", "--json", "-", "--locale", "zh-CN");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      asOf: "2026-12-06",
      complaints: [
        { id: "TS-01", clientId: "K01", receivedDate: "2026-11-20", dueDate: "2026-12-05", status: "in-progress", overdue: true, daysLeft: -1, demand: "要求赔偿损失" },
        { id: "TS-04", clientId: "K99", receivedDate: "2026-12-01", dueDate: "2026-12-16", status: "registered", overdue: false, daysLeft: 10, demand: "要求赔偿" },
        { id: "TS-07", clientId: "K02", receivedDate: "2026-12-03", dueDate: "2026-12-18", status: "神秘状态", overdue: false, daysLeft: 12, demand: "要求赔偿" },
        { id: "TS-02", clientId: "K02", receivedDate: "2026-11-25", dueDate: "2026-12-25", status: "extended", overdue: false, daysLeft: 19, demand: "要求解释下跌原因" },
        { id: "TS-06", clientId: "K03", receivedDate: "2026-11-05", dueDate: "2027-01-04", status: "extended", overdue: false, daysLeft: 29, demand: "投诉服务态度" },
      ],
      totals: { open: 5, overdue: 1, dueSoon: 0 },
    });
    // bad rows are issues naming the cell (on stderr with the JSON on stdout); the rest is listed
    expect(r.err).toContain("错误 投诉台账!A6: 收到日期不是日期：“下周一”，无法计算答复期限");
    expect(r.err).toContain("警告 投诉台账!C7: 客户编号 K99 不在本次分析的客户中，姓名与亏损未查到");
    expect(r.err).toContain("警告 投诉台账!E10: 状态无法识别：“神秘状态”，按未办结处理");
  });

  test("the human list in English, soonest first, with a JSON file", async () => {
    const json = at("c.json");
    const r = await run("complaints", HAND, "--as-of", "2026-12-04", "--json", json, "--locale", "en-US");
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toBe("complaints on 投诉台账 (as of 2026-12-04): 5 open, 0 overdue, 1 due within 3 days");
    expect(lines[1]).toBe(`  2026-12-05  ${"1 day left".padEnd(16)}  TS-01  K01  In progress  要求赔偿损失`);
    expect(JSON.parse(fs.readFileSync(json, "utf8")).totals).toEqual({ open: 5, overdue: 0, dueSoon: 1 });
  });

  test("no register, no file: exit 2 with a sentence", async () => {
    const r = await run("complaints", path.join(FIX, "event", "no-register.xlsx"), "--locale", "en-US");
    expect(r.code).toBe(2);
    expect(r.err).toContain("has no complaint register");
    expect((await run("complaints", at("missing.xlsx"))).code).toBe(2);
  });
});

const sheet = (wb: { sheets: SheetSnapshot[] }, name: string) => {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}: ${wb.sheets.map((x) => x.name).join(", ")}`);
  return s;
};
const find = (s: SheetSnapshot, text: string) => s.rows.find((r) => r?.some((v) => typeof v === "string" && v.includes(text)));

describe("the live event end to end on files", () => {
  const input = path.join(FIX, "workbooks", "messy-wide.xlsx");
  const event = at("event.xlsx");
  const typed = at("typed.xlsx");
  const out = at("out.xlsx");

  beforeAll(async () => {
    const r = await run("event", "new", input, "--discovered", "2026-11-28 09:00", "--report-deadlines", "2h/24h", "--locale", "zh-CN", "--out", event);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    // customer service types a complaint into the register (row 6: under the header on row 5)
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(event);
    const ws = wb.getWorksheet("投诉登记")!;
    const row = ws.getRow(6);
    row.getCell(1).value = "TS-100";
    row.getCell(2).value = new Date(Date.UTC(2026, 10, 28));
    row.getCell(3).value = "K01";
    row.getCell(6).value = "电话";
    row.getCell(7).value = "要求银行赔偿损失";
    row.getCell(11).value = "处理中";
    row.commit();
    await wb.xlsx.writeFile(typed);
  });

  test("event new: the checklist, the register and the media log in a copy of the input", async () => {
    const wb = await readXlsxFile(event);
    expect(wb.sheets.map((s) => s.name)).toEqual(["说明", "净值", "产品", "持仓明细", "应急事件", "应急响应", "事件复盘", "事件记录", "投诉登记", "舆情记录"]);
    const steps = sheet(wb, "应急响应");
    expect(steps.rows[2]?.[0]).toBe("报告时限：口头报告 2026-11-28 11:00 前（2 小时），书面报告 2026-11-29 09:00 前（24 小时）");
    expect(find(steps, "自发现起 2 小时内")).toBeDefined();
    // an existing output is not replaced without --force, the input never
    expect((await run("event", "new", "--out", event)).code).toBe(2);
    expect((await run("event", "new", input, "--out", input, "--force")).code).toBe(2);
    expect((await run("event", "new", "--report-deadlines", "soon", "--out", at("x.xlsx"))).code).toBe(2);
  });

  test("analyze --out: the typed complaint kept and looked up, the regulator report, the steps LossDesk did completed (the written report once approved)", async () => {
    const r = await run("analyze", typed, "--out", out, "--locale", "zh-CN", "--regulator-report", "update");
    expect(r.code).toBe(0);
    const wb = await readXlsxFile(out);
    const reg = sheet(wb, "投诉登记");
    const tsRow = find(reg, "TS-100")!;
    expect(tsRow.slice(0, 7)).toEqual(["TS-100", new Date(Date.UTC(2026, 10, 28)), "K01", "钱一", expect.any(Number), "电话", "要求银行赔偿损失"]);
    expect(tsRow[13]).toEqual(new Date(Date.UTC(2026, 11, 13)));
    const report = sheet(wb, "监管报告");
    expect(report.rows[0]?.[0]).toBe("理财产品净值下跌事件报告（续报）");
    expect(find(report, "2026-11-28 09:00")).toBeDefined();
    expect(find(report, "口头报告（2 小时内）")).toBeDefined();
    const steps = sheet(wb, "应急响应");
    const status = (key: string) => steps.rows.find((x) => x?.includes(key))?.[5];
    // the report is written but not approved: its step is started, not done, and the run says why
    expect([status("analyse"), status("drafts"), status("report-written"), status("activate")]).toEqual(["已完成", "已完成", "进行中", "未开始"]);
    expect(r.out).toContain("监管报告!A1: 监管报告待审定：填写审定人和审定时间后方可报送；审定前“报送书面报告”一步保持进行中，不标为完成");
    const log = sheet(wb, "事件记录");
    expect(log.rows.filter((x) => x?.[2] === "自动完成").map((x) => x![4])).toHaveLength(2);
    // the leadership group approves it (approver and time typed under their labels); the next run completes the step
    const approvedFile = at("approved.xlsx");
    const xb = new ExcelJS.Workbook();
    await xb.xlsx.readFile(out);
    const ws = xb.getWorksheet("监管报告")!;
    const box = (label: string, value: string) => {
      let row = 0;
      ws.eachRow((x, n) => { if (String(x.getCell(1).value ?? "").trim() === label) row = n; });
      expect(row).toBeGreaterThan(0);
      ws.getRow(row + 1).getCell(1).value = value;
    };
    box("审定人（应急领导小组，填写）", "王行长");
    box("审定时间（填写）", "2026-12-01 10:30");
    await xb.xlsx.writeFile(approvedFile);
    const again = at("again.xlsx");
    const r2 = await run("analyze", approvedFile, "--out", again, "--locale", "zh-CN");
    expect(r2.code).toBe(0);
    expect(r2.out).not.toContain("监管报告待审定");
    const wb2 = await readXlsxFile(again);
    expect(find(sheet(wb2, "监管报告"), "已审定：王行长 2026-12-01 10:30")).toBeDefined();
    expect(sheet(wb2, "应急响应").rows.find((x) => x?.includes("report-written"))?.[5]).toBe("已完成");
    const risk = sheet(wb, "风险评估报告");
    expect(find(risk, "十一、客户投诉")).toBeDefined();
    expect(sheet(wb, "媒体口径").rows.length).toBeGreaterThan(5);
    // and the register is listed by the complaints command
    const c = await run("complaints", out, "--as-of", "2026-12-01", "--json", "-");
    expect(JSON.parse(c.out).complaints).toEqual([
      { id: "TS-100", clientId: "K01", receivedDate: "2026-11-28", dueDate: "2026-12-13", status: "in-progress", overdue: false, daysLeft: 12, demand: "要求银行赔偿损失" },
    ]);
  });

  test("a bad --regulator-report is a usage error", async () => {
    const r = await run("analyze", typed, "--out", at("bad.xlsx"), "--regulator-report", "interim");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--regulator-report must be first, update or final");
  });
});
