// A setting is named on many sheets; each sheet must take it from the setting, not from a literal.
// Changing the elderly age (65 by default) to 70 changes every sheet that names it, and none keeps "65".
import { analyzeWorkbook } from "../src/core/analysis";
import { buildOutputs } from "../src/core/outputs";
import { scoringWith } from "../src/core/risk";
import { generateSample } from "../src/core/sample";
import { liveSteps } from "../src/core/event/checklist";
import { DEFAULT_COMPLAINT_POLICY } from "../src/core/contact";
import { snapshotOf } from "./helpers/snapshot";
import fs from "fs";
import os from "os";
import path from "path";
import { eventCommand } from "../src/cli/event";
import { readXlsxFile } from "../src/adapters/xlsx/read";
import type { SheetSnapshot } from "../src/core/workbook";

const sample = generateSample({ clients: 60, products: 3, seed: 7, asOf: "2026-11-27" });
const input = snapshotOf(sample.sheets);

function sheetsText(elderlyAge: number, locale: "zh-CN" | "en-US"): Map<string, string> {
  const a = analyzeWorkbook(input, { scoring: scoringWith({ elderlyAge }) });
  const { outputs } = buildOutputs(a, input, { locale, generatedAt: "2026-12-02T09:30" });
  const m = new Map<string, string>();
  for (const t of outputs.tables) m.set(t.name, JSON.stringify(t));
  for (const r of outputs.reports) { m.set(r.sheet.name, JSON.stringify(r.sheet)); m.set(r.data.name, JSON.stringify(r.data)); }
  return m;
}

describe.each(["zh-CN", "en-US"] as const)("the elderly age has one source (%s)", (locale) => {
  const age = locale === "zh-CN" ? (n: number) => `${n}岁及以上` : (n: number) => `aged ${n}`;
  const before = sheetsText(65, locale);
  const after = sheetsText(70, locale);
  const naming = [...before].filter(([, s]) => s.includes(age(65))).map(([n]) => n);

  test("the client-loss sheet, the report and the drafts name it", () => {
    // the flags column, the report's heading, summary and note, the drafts' review labels and notes
    expect(naming.length).toBeGreaterThanOrEqual(3);
  });

  test.each([...before.keys()])("sheet %s follows the setting", (name) => {
    const s = after.get(name) ?? "";
    expect(s.includes(age(65))).toBe(false);
    if (naming.includes(name)) expect(s).toContain(age(70));
  });
});

test("the live event's steps name the elderly age and complaint clock they are given", () => {
  const texts = (r?: Parameters<typeof liveSteps>[2]) => liveSteps("en-US", undefined, r).map((s) => s.text).join("\n");
  expect(texts()).toContain("aged 65+");
  expect(texts()).toContain("within 15 days (30 with an extension reason, at most 60 with approval)");
  const changed = texts({ elderlyAge: 70, complaints: { ...DEFAULT_COMPLAINT_POLICY, decideDays: 10, complexDays: 20, maxDays: 40 } });
  expect(changed).toContain("aged 70+");
  expect(changed).toContain("within 10 days (20 with an extension reason, at most 40 with approval)");
  expect(changed).not.toContain("65");
});

describe.each(["zh-CN", "en-US"] as const)("the complaint clock has one source (%s)", (locale) => {
  // A register with one complaint received 2026-11-20 with an extension reason and no approval:
  // due at complexDays, 30 -> 2026-12-20 by default, 20 -> 2026-12-10 with the changed policy.
  const register: SheetSnapshot = {
    name: locale === "zh-CN" ? "投诉登记" : "Complaints",
    tables: [],
    rows: [
      locale === "zh-CN" ? ["投诉编号", "收到日期", "客户编号", "诉求", "状态", "延期原因"] : ["Complaint ID", "Received", "Client ID", "Demand", "Status", "Extension reason"],
      ["T001", new Date("2026-11-20T00:00:00Z"), "C000001", locale === "zh-CN" ? "要求解释" : "explain", "", locale === "zh-CN" ? "情况复杂" : "complex case"],
    ],
  };
  const wb = { sheets: [...input.sheets, register] };
  const a = analyzeWorkbook(input);
  const out = (complaintPolicy?: typeof DEFAULT_COMPLAINT_POLICY) =>
    buildOutputs(a, wb, { locale, generatedAt: "2026-12-02T09:30", complaintPolicy }).outputs;
  const changed = { decideDays: 10, complexDays: 20, maxDays: 40 };
  const before = out();
  const after = out(changed);
  const sheetOf = (o: typeof before) => o.tables.find((t) => t.name === register.name)!;
  const reportOf = (o: typeof before) => JSON.stringify(o.reports[0].sheet);

  test("the register's formula, due date and note follow the setting", () => {
    const [b, x] = [sheetOf(before), sheetOf(after)];
    const due = (t: typeof b) => t.columns.find((c) => c.formula?.includes("IF("))!.formula;
    expect(due(b)).toBe('=IF(B{r}="","",B{r}+IF(L{r}="",15,IF(M{r}="",30,60)))');
    expect(due(x)).toBe('=IF(B{r}="","",B{r}+IF(L{r}="",10,IF(M{r}="",20,40)))');
    const dueCell = (t: typeof b) => (t.rows as unknown[][])[0][13];
    expect(dueCell(b)).toEqual(new Date("2026-12-20T00:00:00Z"));
    expect(dueCell(x)).toEqual(new Date("2026-12-10T00:00:00Z"));
    const note = (t: typeof b) => t.preamble!.join("\n");
    expect(note(b)).toContain(locale === "zh-CN" ? "收到日期 + 15 日" : "received + 15 days");
    expect(note(x)).toContain(locale === "zh-CN" ? "收到日期 + 10 日" : "received + 10 days");
    expect(note(x)).not.toMatch(/\b(15|30|60)\b/);
  });

  test("the report's complaints section and clock follow the setting", () => {
    const [b, x] = [reportOf(before), reportOf(after)];
    const section = locale === "zh-CN" ? "有延期原因的 20 日，经批准最长 40 日" : "20 with an extension reason, at most 40 with approval";
    expect(b).toContain(locale === "zh-CN" ? "有延期原因的 30 日，经批准最长 60 日" : "30 with an extension reason, at most 60 with approval");
    expect(x).toContain(section);
    expect(x).not.toContain(locale === "zh-CN" ? "30 日" : "30 with");
  });
});

test("lossdesk event new: the steps and the register take the elderly age (--scoring) and complaint clock given", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lossdesk-settings-"));
  const scoring = path.join(dir, "scoring.json");
  fs.writeFileSync(scoring, JSON.stringify({ elderlyAge: 70 }));
  const out = path.join(dir, "event.xlsx");
  const said: string[] = [];
  const code = await eventCommand(
    ["new", "--locale", "en-US", "--scoring", scoring, "--out", out], (s) => said.push(s), (s) => said.push(s),
    { now: () => new Date("2026-12-02T09:30:00Z"), complaintPolicy: { decideDays: 10, complexDays: 20, maxDays: 40 } },
  );
  expect({ code, said: said.length }).toEqual({ code: 0, said: 1 });
  const wb = await readXlsxFile(out);
  const text = (name: string) => JSON.stringify(wb.sheets.find((s) => s.name === name)!.rows);
  expect(text("Response checklist")).toContain("aged 70+");
  expect(text("Response checklist")).toContain("within 10 days (20 with an extension reason, at most 40 with approval)");
  expect(text("Response checklist")).not.toContain("65");
  expect(text("Complaints")).toContain("received + 10 days");
});
