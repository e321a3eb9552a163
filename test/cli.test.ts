import fs from "fs";
import os from "os";
import path from "path";
import { Writable } from "stream";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";

const FIX = path.join(__dirname, "fixtures", "workbooks");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lossdesk-cli-"));

async function run(...argv: string[]) {
  let out = "", err = "";
  const sink = (f: (s: string) => void) => new Writable({ write(chunk, _enc, cb) { f(String(chunk)); cb(); } });
  const code = await main(argv, sink((s) => (out += s)), sink((s) => (err += s)));
  return { code, out, err };
}

describe("lossdesk analyze on a messy export (wide NAV table, title rows, text numbers, bad rows)", () => {
  const json = path.join(tmp, "messy.json");
  const out = path.join(tmp, "messy-out.xlsx");
  let r: Awaited<ReturnType<typeof run>>;
  let j: any;
  beforeAll(async () => {
    r = await run("analyze", path.join(FIX, "messy-wide.xlsx"), "--json", json, "--out", out, "--locale", "zh-CN");
    j = JSON.parse(fs.readFileSync(json, "utf8"));
  });

  test("exit 0 with row-level issues, each naming its sheet and cell", () => {
    expect(r.code).toBe(0);
    expect(j.issues.map((i: any) => `${i.severity} ${i.sheet}!${i.cell} ${i.code}`)).toEqual([
      "error 净值!C6 error-value",
      "error 持仓明细!D8 negative-shares",
      "error 持仓明细!D9 not-a-number",
      "error 持仓明细!C10 no-nav",
      "warning 持仓明细!D11 zero-shares",
      "warning 持仓明细!A12 totals-row",
    ]);
    expect(r.out).toContain("错误 持仓明细!D8: 持有份额为负数（-5）");
  });

  test("figures worked out by hand, to the cent", () => {
    expect(j.asOf).toBe("2026-11-27");
    const k01 = j.clients.find((c: any) => c.clientId === "K01");
    // suitability C2<R4 20 + loss rate 25 x 0.1532/0.2 = 19.2 + elderly 10 + 2 complaints 5 + 私行 5
    // + loss amount 25 x log10(3.0875)/3 = 4.1
    expect([k01.riskScore, k01.riskTier]).toEqual([63.3, "high"]);
    // WM001: cost 15,150.00 as given (fee included); value 10,000 x 1.2 = 12,000.00
    // WM002: cost 5,000 x 1.0 = 5,000.00; value 5,000 x 1.01 = 5,050.00; dividends 12.50
    expect(k01).toMatchObject({ cost: "20150.00", marketValue: "17050.00", dividends: "12.50", pnl: "-3087.50", lossRate: "-0.1532", flags: ["suitability-mismatch", "elderly"] });
    expect(k01.positions.map((p: any) => [p.productCode, p.pnl, p.lossRate])).toEqual([["WM001", "-3150.00", "-0.2079"], ["WM002", "62.50", "0.0125"]]);
    const k02 = j.clients.find((c: any) => c.clientId === "K02");
    // 333.33 x 1.5 = 499.995 -> 500.00, + fee 0.01; 333.33 x 1.2 = 399.996 -> 400.00
    expect(k02).toMatchObject({ clientName: "=1+1", cost: "500.01", marketValue: "400.00", pnl: "-100.01", lossRate: "-0.2000" });
    expect(j.totals).toEqual({
      lotRows: 7, lotsAccepted: 3, lotsRejected: 4, clients: 2, clientsWithLoss: 2,
      cost: "20650.01", marketValue: "17450.00", dividends: "12.50", pnl: "-3187.51", loss: "3187.51",
    });
    expect(j.products.map((p: any) => [p.productCode, p.latestNav, p.latestNavDate, p.peakNav, p.drawdown, p.holders, p.pnl, p.riskLevel])).toEqual([
      ["WM001", "1.2000", "2026-11-27", "1.5000", "0.2000", 2, "-3250.01", "R4"],
      ["WM002", "1.0100", "2026-11-26", "1.0100", "0.0000", 1, "62.50", "R2"],
    ]);
  });

  test("--out keeps every input sheet and adds the client-loss table, formula-looking text as text", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "说明", "净值", "产品", "持仓明细", "亏损明细", "沟通草稿", "话术模板", "投诉登记", "媒体口径", "舆情记录",
      "报告数据", "风险评估报告", "监管报告数据", "监管报告",
    ]);
    const src = new ExcelJS.Workbook();
    await src.xlsx.readFile(path.join(FIX, "messy-wide.xlsx"));
    for (const name of ["说明", "净值", "产品", "持仓明细"]) {
      const a = src.getWorksheet(name)!, b = wb.getWorksheet(name)!;
      expect(b.rowCount).toBe(a.rowCount);
      a.eachRow((row, n) => expect(b.getRow(n).values).toEqual(row.values));
    }
    const ws = wb.getWorksheet("亏损明细")!;
    const header = ws.getRow(4).values as unknown[];
    expect(header.slice(1, 7)).toEqual(["排序", "客户编号", "客户姓名", "客户经理", "风险分级", "风险评分"]);
    expect(ws.getRow(5).getCell(2).value).toBe("K01");
    const k02 = ws.getRow(6);
    expect(k02.getCell(3).value).toBe("=1+1");
    expect(k02.getCell(3).formula).toBeUndefined();
    expect(k02.getCell(11).value).toBe(-100.01);
    expect(k02.getCell(11).numFmt).toBe("#,##0.00;[Red]-#,##0.00");
    expect(k02.getCell(12).value).toBe(-0.2);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    expect(Object.keys((ws as any).tables)).toEqual(["ClientLosses"]);
  });

  test("English output", async () => {
    const e = await run("analyze", path.join(FIX, "messy-wide.xlsx"), "--locale", "en-US", "--top", "1");
    expect(e.code).toBe(0);
    expect(e.out).toContain("clients 2, with a loss 2, total loss 3,187.51, overall P&L -3,187.51");
    expect(e.out).toContain("error 持仓明细!D8: shares is negative (-5)");
    expect(e.out).toMatch(/ 1\. K01 钱一 {2}score 63\.3 high {2}-3,087\.50 \(-15\.32%\) {2}suitability mismatch, aged 65\+/);
  });
});

describe("what the CLI refuses, with exit code 2 and a plain message", () => {
  test("writing over the input file", async () => {
    const input = path.join(tmp, "copy.xlsx");
    fs.copyFileSync(path.join(FIX, "messy-wide.xlsx"), input);
    const before = fs.readFileSync(input);
    const r = await run("analyze", input, "--out", path.join(tmp, ".", "copy.xlsx"), "--locale", "en-US");
    expect(r.code).toBe(2);
    expect(r.err).toContain("refusing to write over the input file");
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });

  test("a missing column names the column and the headers that would match", async () => {
    const r = await run("analyze", path.join(FIX, "missing-shares.xlsx"), "--locale", "en-US");
    expect(r.code).toBe(2);
    expect(r.err).toContain("holdings table (header at 客户持仓!A1) is missing columns: shares (持有份额, 份额, 持仓份额, Shares, Units)");
  });

  test("a file that is not a workbook", async () => {
    const r = await run("analyze", path.join(FIX, "not-really.xlsx"), "--locale", "en-US");
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.err).toContain("not-really.xlsx");
  });

  test("a file that does not exist, a bad date, an unknown option", async () => {
    expect((await run("analyze", path.join(tmp, "nope.xlsx"), "--locale", "en-US")).err).toContain("no such file");
    expect((await run("analyze", path.join(FIX, "messy-wide.xlsx"), "--as-of", "27/11/2026")).code).toBe(2);
    expect((await run("analyze", "--frobnicate")).code).toBe(2);
  });
});

test("--as-of moves the valuation day back", async () => {
  const json = path.join(tmp, "asof.json");
  const r = await run("analyze", path.join(FIX, "messy-wide.xlsx"), "--as-of", "2026-11-26", "--json", json);
  expect(r.code).toBe(0);
  const j = JSON.parse(fs.readFileSync(json, "utf8"));
  expect(j.asOf).toBe("2026-11-26");
  expect(j.products.find((p: any) => p.productCode === "WM001")).toMatchObject({ latestNav: "1.3500", drawdown: "0.1000" });
});

test("--scoring changes the weights and thresholds", async () => {
  const cfg = path.join(tmp, "scoring.json");
  fs.writeFileSync(cfg, JSON.stringify({ thresholds: { high: 70 } }));
  const json = path.join(tmp, "scored.json");
  await run("analyze", path.join(FIX, "messy-wide.xlsx"), "--scoring", cfg, "--json", json);
  expect(JSON.parse(fs.readFileSync(json, "utf8")).clients[0]).toMatchObject({ clientId: "K01", riskScore: 63.3, riskTier: "medium" });
});

describe("the report, drafts and templates on the bundled sample (what a manager prints)", () => {
  const out = path.join(tmp, "demo-out.xlsx");
  const again = path.join(tmp, "demo-again.xlsx");
  const sample = path.join(__dirname, "..", "assets", "sample-lossdesk.xlsx");
  let r: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    r = await run("analyze", sample, "--out", out, "--locale", "zh-CN");
  });

  test("the report sheet: sections, print settings, footer, masked phones", async () => {
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("风险评估报告")!;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => { if (typeof c.value === "string") texts.push(c.value); }));
    for (const h of ["一、关键数据", "二、产品情况", "三、重点客户（按风险评分）", "六、联系计划", "七、原因分析", "八、处置措施", "九、监管报告要点", "十、图表"]) {
      expect(texts).toContain(h);
    }
    expect(texts.some((t) => t.startsWith("四、适当性不匹配客户（"))).toBe(true);
    expect(texts.some((t) => t.startsWith("五、65岁及以上客户（"))).toBe(true);
    expect(texts).toContain("业绩比较基准（非收益承诺）");
    const phones = texts.filter((t) => /^1\d{2}\*{4}\d{4}$/.test(t));
    expect(phones.length).toBe(20);
    expect(texts.some((t) => /^1\d{10}$/.test(t))).toBe(false); // no unmasked mobile number
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe("1:1");
    expect(ws.headerFooter.oddFooter).toContain("&P");
    expect(ws.headerFooter.oddFooter).toContain("&N");
    expect(ws.headerFooter.oddFooter).toContain("内部资料");
    expect(ws.headerFooter.oddFooter).toContain("2026-11-27");
  });

  test("the charts are real chart parts in the package", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const charts = Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(2);
    const xml = await Promise.all(charts.map((n) => zip.file(n)!.async("string")));
    expect(xml.some((x) => x.includes("<c:lineChart>"))).toBe(true);
    expect(xml.some((x) => x.includes("<c:barChart>"))).toBe(true);
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain("drawingml.chart+xml");
  });

  test("regenerating keeps the statuses and notes people typed in the drafts sheet", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("沟通草稿")!;
    let headerRow = 1;
    while (!(ws.getRow(headerRow).values as unknown[]).includes("客户编号")) headerRow++;
    const header = (ws.getRow(headerRow).values as unknown[]).map(String);
    const statusCol = header.indexOf("状态"), notesCol = header.indexOf("备注"), idCol = header.indexOf("客户编号"), chCol = header.indexOf("渠道");
    expect([statusCol, notesCol, idCol, chCol].every((c) => c > 0)).toBe(true);
    const row = ws.getRow(headerRow + 3);
    const key = `${row.getCell(idCol).value}/${row.getCell(chCol).value}`;
    row.getCell(statusCol).value = "已联系";
    row.getCell(notesCol).value = "客户情绪平稳，约周五面谈";
    await wb.xlsx.writeFile(path.join(tmp, "edited.xlsx"));
    const r2 = await run("analyze", path.join(tmp, "edited.xlsx"), "--out", again, "--locale", "zh-CN");
    expect(r2.code).toBe(0);
    expect(r2.out).toContain("草稿新增 0 行，不再生成 0 行");
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(again);
    const ws2 = wb2.getWorksheet("沟通草稿")!;
    let found = false;
    ws2.eachRow((rw) => {
      if (`${rw.getCell(idCol).value}/${rw.getCell(chCol).value}` === key) {
        found = true;
        expect(rw.getCell(statusCol).value).toBe("已联系");
        expect(rw.getCell(notesCol).value).toBe("客户情绪平稳，约周五面谈");
      }
    });
    expect(found).toBe(true);
    // the input's own sheets are still the first four, unchanged in count
    expect(wb2.worksheets.filter((w) => ["产品净值", "产品信息", "客户持仓"].includes(w.name)).length).toBe(3);
  });

  test("lossdesk draft prints one draft with its compliance result", async () => {
    const d = await run("draft", sample, "--client", "C000002", "--channel", "sms", "--locale", "zh-CN", "--bank-name", "宁波银行", "--generated-at", "2026-12-02T09:30");
    expect(d.code).toBe(0);
    // C000002: C2 holding R4, aged 68: the mismatch variant, to review; no amount in an SMS
    expect(d.out).toContain("客户 C000002 董丽 · 短信 · 风险分级 高 · 话术 适当性不匹配 · 联系截止 2026-12-03（自生成时间 2026-12-02 09:30 起算）\n须复核后方可发送：适当性不匹配；65岁及以上\n");
    expect(d.out).toContain("【宁波银行】董丽您好，稳盈增利1号近期下跌，让您担心了。我行将复核该产品的销售过程，吴建华24小时内来电约您面谈。");
    expect(d.out).toContain("合规检查：通过");
    expect((await run("draft", sample, "--client", "C000002", "--channel", "sms", "--generated-at", "02/12/2026")).code).toBe(2);
    expect((await run("draft", sample, "--client", "C000002", "--channel", "fax")).code).toBe(2);
  });
});

test("one generation time and the bank's details on every sheet of --out: drafts, letters and the report agree", async () => {
  const sample = path.join(__dirname, "..", "assets", "sample-lossdesk.xlsx");
  const out = path.join(tmp, "one-moment.xlsx");
  const r = await run("analyze", sample, "--out", out, "--locale", "zh-CN", "--generated-at", "2026-12-02T23:30",
    "--bank-name", "宁波银行", "--hotline", "95574", "--complaint-channel", "客服热线95574");
  expect(r.code).toBe(0);
  expect(r.out).not.toContain("信函缺少设置");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const drafts = wb.getWorksheet("沟通草稿")!;
  expect(drafts.getCell("A1").value).toBe("沟通草稿（分析日 2026-11-27，生成时间 2026-12-02 23:30）");
  expect(drafts.getCell("A3").value).toBe("联系截止日与信函落款日期均自生成时间 2026-12-02 23:30 起算。");
  const report = wb.getWorksheet("风险评估报告")!;
  const texts: string[] = [];
  report.eachRow((row) => row.eachCell((c) => { if (typeof c.value === "string") texts.push(c.value); }));
  expect(texts.some((t) => t.includes("生成时间：2026-12-02 23:30"))).toBe(true);
  expect(texts).toContain("高（2026-12-03 前）");
  // the high-tier rows of the drafts sheet carry the same date, and a letter is dated that day and signed by the bank
  let high = 0, letter = "";
  drafts.eachRow((row) => {
    if (row.getCell(4).value === "高") { high++; expect(row.getCell(6).value).toBe("2026-12-03"); }
    if (!letter && row.getCell(5).value === "信函") letter = String(row.getCell(7).value);
  });
  expect(high).toBe(4 * 10);
  expect(letter).toContain("\n\n宁波银行\n");
  expect(letter).toContain("2026年12月2日");
  expect(letter).toContain("如有疑问，欢迎致电95574。如您对我行的处理有异议，可通过客服热线95574向我行投诉，也可拨打消费者投诉热线12378。");
});

test("--out has no cell limit any more: the old LOSSDESK_OUT_MAX_CELLS refusal is gone, the output is written", async () => {
  const before = process.env.LOSSDESK_OUT_MAX_CELLS;
  process.env.LOSSDESK_OUT_MAX_CELLS = "100";
  try {
    const out = path.join(tmp, "no-limit.xlsx");
    const r = await run("analyze", path.join(FIX, "messy-wide.xlsx"), "--out", out, "--locale", "en-US");
    expect(r.code).toBe(0);
    expect(r.err).not.toMatch(/too big/);
    expect(r.out).toContain("total loss 3,187.51");
    expect(r.out).toMatch(/wrote .*no-limit\.xlsx: /);
    expect(fs.existsSync(out)).toBe(true);
  } finally {
    if (before === undefined) delete process.env.LOSSDESK_OUT_MAX_CELLS; else process.env.LOSSDESK_OUT_MAX_CELLS = before;
  }
});
