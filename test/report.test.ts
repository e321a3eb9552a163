import { analyzeWorkbook } from "../src/core/analysis";
import { buildReport, maskPhone, readAnalystText } from "../src/core/report";
import { generateSample } from "../src/core/sample";
import { ReportBlock } from "../src/core/workbook";
import { snapshotOf } from "./helpers/snapshot";

const sample = generateSample({ clients: 200, products: 6, seed: 7 });
const analysis = analyzeWorkbook(snapshotOf(sample.sheets));

const headings = (blocks: ReportBlock[]) => blocks.filter((b) => b.kind === "heading").map((b) => (b as { text: string }).text);

describe("the risk-assessment report model", () => {
  const r = buildReport(analysis, { locale: "zh-CN", generatedAt: "2026-11-28T09:30:00" });

  test("states the as-of date, when it was generated, the sources and the rejected rows", () => {
    const title = r.sheet.blocks[0];
    expect(title.kind).toBe("title");
    if (title.kind !== "title") return;
    expect(title.text).toBe("理财产品净值下跌风险评估报告");
    expect(title.subtitle![0]).toBe("分析日：2026-11-27    生成时间：2026-11-28 09:30    内部资料 注意保密");
    expect(title.subtitle![1]).toContain(`持仓行 ${analysis.lotRows}，采用 ${analysis.lotsAccepted}，剔除 ${analysis.lotRows - analysis.lotsAccepted}`);
    expect(title.subtitle![1]).toContain("客户持仓!A1:");
  });

  test("has every section in order, with charts last", () => {
    expect(headings(r.sheet.blocks).map((h) => h.replace(/（\d+）$/, ""))).toEqual([
      "一、关键数据", "二、产品情况", "三、重点客户（按风险评分）", "四、适当性不匹配客户", "五、65岁及以上客户",
      "六、联系计划", "七、原因分析", "八、处置措施", "九、监管报告要点", "十、图表",
    ]);
    expect(r.sheet.blocks.filter((b) => b.kind === "chart").map((b) => b.kind === "chart" && b.chart.type)).toEqual(["line", "bar"]);
    expect(r.sheet.blocks.filter((b) => b.kind === "input").map((b) => b.kind === "input" && b.area.key)).toEqual([
      "cause-market", "cause-selection", "cause-behaviour", "cause-risk-management", "disposal", "regulator",
    ]);
    expect(r.sheet.footer).toEqual({ left: "分析日 2026-11-27", center: "第 &P 页 / 共 &N 页", right: "内部资料 Internal" });
  });

  test("key figures agree with the analysis to the cent", () => {
    const facts = r.sheet.blocks.find((b) => b.kind === "facts");
    if (facts?.kind !== "facts") throw new Error("no facts");
    const v = Object.fromEntries(facts.rows.map((x) => [x.label, x.value]));
    expect(v["亏损客户"]).toBe(analysis.totals.clientsWithLoss);
    expect(v["亏损合计（元）"]).toBe(analysis.totals.lossFen / 100);
    const losingCost = analysis.clients.filter((c) => c.pnlFen < 0).reduce((s, c) => s + c.costFen, 0);
    expect(v["亏损客户平均亏损率（按成本加权）"]).toBe(Math.round((analysis.totals.lossFen / losingCost) * 10000) / 10000);
    expect(v["最大净值跌幅"]).toMatch(/^LC2026A05 科创先锋1号：29\.31%/);
  });

  test("top 20 clients with masked phones; the benchmark is labelled as not a promise", () => {
    const tables = r.sheet.blocks.filter((b) => b.kind === "table");
    const top = tables[1];
    if (top.kind !== "table") return;
    expect(top.rows).toHaveLength(20);
    expect(top.rows[0][1]).toBe(analysis.clients[0].clientId);
    for (const row of top.rows) expect(String(row[4])).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const products = tables[0];
    if (products.kind !== "table") return;
    expect(products.columns[9].header).toBe("业绩比较基准（非收益承诺）");
    expect(products.note).toContain("不构成对收益的承诺");
  });

  test("the charts draw from the data sheet: NAV paths and loss by tier", () => {
    const [nav, tier] = r.charts;
    expect(nav.chart.dataSheet).toBe("报告数据");
    // the three products that fell, 188 open days up to the as-of date
    expect(nav.series.map((s) => s.name)).toEqual(["LC2026A01", "LC2026A03", "LC2026A05"]);
    expect(nav.categories).toHaveLength(188);
    expect(nav.chart.dataRef).toBe("A1:D189");
    const drill = nav.series.find((s) => s.name === "LC2026A01")!;
    expect(drill.values[drill.values.length - 1]).toBe(1.2);
    expect(Math.max(...drill.values.filter((x): x is number => x !== null))).toBe(1.5);
    expect(tier.categories).toEqual(["高", "中", "低"]);
    const lossByTier = tier.series[0].values.reduce((s: number, x) => s + (x ?? 0), 0);
    expect(Math.round(lossByTier * 100)).toBe(analysis.totals.lossFen);
    expect(tier.chart.dataRef).toBe("F1:G4");
    expect(r.data.columns.map((c) => c.header)).toEqual(["净值日期", "LC2026A01", "LC2026A03", "LC2026A05", "", "风险分级", "亏损金额（元）"]);
  });

  test("English report", () => {
    const en = buildReport(analysis, { locale: "en-US", generatedAt: "2026-11-28T09:30:00" });
    expect(en.sheet.name).toBe("Risk assessment report");
    expect(headings(en.sheet.blocks)[0]).toBe("1. Key figures");
  });
});

test("phone masking", () => {
  expect(maskPhone("13800138000")).toBe("138****8000");
  expect(maskPhone("021-6888 1234")).toBe("021******234");
  expect(maskPhone(undefined)).toBeNull();
  expect(maskPhone("1234")).toBe("****");
});

test("regenerating keeps what the analyst typed in an input box", () => {
  const first = buildReport(analysis, { locale: "zh-CN", generatedAt: "2026-11-28T09:30:00" });
  const input = first.sheet.blocks.find((b) => b.kind === "input" && b.area.key === "disposal");
  if (input?.kind !== "input") throw new Error("no disposal box");
  expect(input.area.prefill).toBe("");
  // found by the hidden marker in the box's first row, even under a retyped label
  const previous = { name: "风险评估报告", tables: [], rows: [["标题"], ["处置措施（已改）"], ["已暂停该产品申购，客户经理逐户回访。", null, null, "lossdesk:input:disposal"]] };
  expect(readAnalystText(previous, "disposal", input.area.label)).toBe("已暂停该产品申购，客户经理逐户回访。");
  expect(readAnalystText({ name: "x", tables: [], rows: [[input.area.label], ["手工文本"]] }, "disposal", input.area.label)).toBe("手工文本");
  expect(readAnalystText(previous, "regulator", "监管报告（应急领导小组审定）")).toBe("");
  const again = buildReport(analysis, { locale: "zh-CN", generatedAt: "2026-11-29T09:30:00", previous });
  const kept = again.sheet.blocks.find((b) => b.kind === "input" && b.area.key === "disposal");
  expect(kept?.kind === "input" && kept.area.prefill).toBe("已暂停该产品申购，客户经理逐户回访。");
});
