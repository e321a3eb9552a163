// A setting is named on many sheets; each sheet must take it from the setting, not from a literal.
// Changing the elderly age (65 by default) to 70 changes every sheet that names it, and none keeps "65".
import { analyzeWorkbook } from "../src/core/analysis";
import { buildOutputs } from "../src/core/outputs";
import { scoringWith } from "../src/core/risk";
import { generateSample } from "../src/core/sample";
import { liveSteps } from "../src/core/event/checklist";
import { DEFAULT_COMPLAINT_POLICY } from "../src/core/contact";
import { snapshotOf } from "./helpers/snapshot";

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
