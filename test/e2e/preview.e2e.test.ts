// End-to-end: the built preview page (dist/preview.html) in Debian's chromium, driven by
// playwright-core, served by a tiny static server on 127.0.0.1. It walks the analyst's path
// through the real task pane on the in-memory preview host: open the sample, read it, check the
// tables and issues, analyse, check the key figures against the engine run here in Node, open a
// draft, write the report, download the workbook and check it with ExcelJS, write the report into a
// workbook from openpyxl with a chart on its NAV sheet and check the download keeps that chart and
// has ours, then open broken
// workbooks through the file input, and run a short drill (a drill workbook made here: start the
// clock, complete two steps, check the progress, the score, the log, and the downloaded drill
// read back). Every request to anything but loopback is blocked and fails the run. Run with
// `npm run test:e2e` (scripts/e2e.js builds dist/ first when it is stale).
// Screenshots of every step: artifacts/e2e/.

import fs from "fs";
import http from "http";
import os from "os";
import path from "path";
import type { AddressInfo } from "net";
import ExcelJS from "exceljs";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { readXlsxBytes, readXlsxFile } from "../../src/adapters/xlsx/read";
import { isLoopback, serve } from "./harness";
import { openZipNode } from "../../src/adapters/xlsx/zip";
import { replaceTableSheet } from "../../src/adapters/exceljs/sheets";
import { writeWorkbookBytes } from "../../src/adapters/exceljs/report";
import { analyzeWorkbook, resultJson, type Analysis } from "../../src/core/analysis";
import { readTemplates, renderDraft } from "../../src/core/drafts";
import {
  DRILL_SHEETS, STATUS_LABEL, eventLabel, newDrillWorkbook, readDrillWorkbook, scoreDrill, scoreLine, toMinute, wallClock,
  type DrillState,
} from "../../src/core/drill";
import type { WorkbookSnapshot } from "../../src/core/workbook";

const ROOT = path.join(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const SHOTS = path.join(ROOT, "artifacts", "e2e");
const SAMPLE = path.join(ROOT, "assets", "sample-lossdesk.xlsx");
const FIX = path.join(ROOT, "test", "fixtures", "workbooks");
const GRAFT_FIX = path.join(ROOT, "test", "fixtures", "graft");
const CHROMIUM = process.env.LOSSDESK_CHROMIUM || "/usr/bin/chromium";
const STEP_MS = 30_000;

// ---- a static server for dist/ ----

// ---- helpers ----

/** Retries `check` (jest assertions) until it passes or `ms` runs out: the page updates asynchronously. */
async function eventually(check: () => Promise<void> | void, ms = STEP_MS): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

let shot = 0;
async function screenshot(page: Page, name: string): Promise<void> {
  shot++;
  await page.screenshot({ path: path.join(SHOTS, `${String(shot).padStart(2, "0")}-${name}.png`), fullPage: true });
}

const testIds = (page: Page, id: string, attr: string): Promise<string[]> =>
  page.getByTestId(id).evaluateAll((els, a) => els.map((e) => e.getAttribute(a) ?? ""), attr);

// ---- the run ----

let server: http.Server;
let base: string;
let context: BrowserContext;
let page: Page;
let profile: string;
/** Temp folders of this run (browser profile aside), removed at the end. */
const temps: string[] = [];
/** Requests to anything but loopback, by the page that made them. */
const offsite: string[] = [];
const offsiteFromTaskpane: string[] = [];
const pageErrors: string[] = [];
/** Every URL the main page requested. */
const requested: string[] = [];
let taskpanePage: Page | undefined;

let sampleSnapshot: WorkbookSnapshot;
let sampleAnalysis: Analysis;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "preview.html"))) {
    throw new Error("dist/preview.html is missing: run `npm run test:e2e` (it builds first) or `npm run build`");
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });

  sampleSnapshot = await readXlsxFile(SAMPLE);
  sampleAnalysis = analyzeWorkbook(sampleSnapshot);

  server = await serve(DIST);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  profile = fs.mkdtempSync(path.join(os.tmpdir(), "lossdesk-e2e-profile-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    locale: "zh-CN",
    viewport: { width: 1280, height: 900 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  // Every request of every page goes through here; anything off this machine is refused and noted.
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (isLoopback(url)) return route.continue();
    const from = route.request().frame()?.page();
    (from && from === taskpanePage ? offsiteFromTaskpane : offsite).push(url);
    return route.abort("blockedbyclient");
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (err) => pageErrors.push(String(err)));
  page.on("request", (r) => requested.push(r.url()));
  page.setDefaultTimeout(STEP_MS);
}, 60_000);

afterAll(async () => {
  await context?.close();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  for (const dir of [profile, ...temps]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the preview in chromium", () => {
  test("the page loads: chrome and task pane, no workbook yet", async () => {
    await page.goto(`${base}preview.html?lang=zh-CN`);
    await page.getByTestId("lossdesk-pane").waitFor();
    await page.getByTestId("preview-open-sample").waitFor();
    expect(await page.getByTestId("preview-download").isDisabled()).toBe(true);
    expect(await page.getByTestId("preview-sheets").locator("li").count()).toBe(0);
    await screenshot(page, "loaded");
  });

  test("open sample: the workbook's sheets are listed", async () => {
    await page.getByTestId("preview-open-sample").click();
    await eventually(async () =>
      expect(await page.getByTestId("preview-sheets").locator("li").evaluateAll((els) => els.map((e) => e.getAttribute("data-sheet")))).toEqual(
        sampleSnapshot.sheets.map((s) => s.name),
      ),
    );
    expect(await page.getByTestId("preview-file-name").textContent()).toBe("sample-lossdesk.xlsx");
    await screenshot(page, "sample-open");
  });

  test("read the workbook: tables found, as-of date, every issue with its cell", async () => {
    await page.getByTestId("tab-data").click();
    await page.getByTestId("read-workbook").click();
    await eventually(async () => expect(await testIds(page, "table-found", "data-role")).toEqual(sampleAnalysis.tables.map((t) => t.role)));
    const tableText = await page.getByTestId("table-found").allTextContents();
    for (const t of sampleAnalysis.tables) expect(tableText.some((x) => x.includes(t.sheet) && x.includes(t.address))).toBe(true);
    expect(await page.getByTestId("as-of").inputValue()).toBe(sampleAnalysis.asOf);

    const expected = sampleAnalysis.issues.map((i) => `${i.sheet}!${i.cell}`);
    expect(expected).toContain("产品净值!D1008");
    await eventually(async () => expect(await testIds(page, "issue-row", "data-cell")).toEqual(expected));
    const nav = page.locator('[data-testid="issue-row"][data-cell="产品净值!D1008"]');
    expect(await nav.textContent()).toContain("#N/A");

    // a click on an issue selects its cell; the preview shows the selection as Excel would
    await page.locator('[data-testid="issue-row"][data-cell="客户持仓!D398"]').click();
    await eventually(async () => expect(await page.getByTestId("preview-selection").textContent()).toBe("已选择 客户持仓!D398"));
    // and shows the cell in its sheet, with the value the issue is about
    const holdings = sampleSnapshot.sheets.find((s) => s.name === "客户持仓")!;
    const here = page.locator('[data-testid="preview-grid"][data-sheet="客户持仓"] td[data-cell="D398"]');
    expect(await here.textContent()).toBe(String(holdings.rows[397]![3]));
    await screenshot(page, "read-issues");
  });

  test("analysis: the key figures are the engine's", async () => {
    const json = resultJson(sampleAnalysis);
    await page.getByTestId("tab-analysis").click();
    await page.getByTestId("kf-clients").waitFor();
    const value = (id: string) => page.getByTestId(id).getAttribute("data-value");
    const tiers = { high: 0, medium: 0, low: 0 } as Record<string, number>;
    for (const c of json.clients) tiers[c.riskTier]++;
    expect(await value("kf-clients")).toBe(String(json.totals.clients));
    expect(await value("kf-clients-with-loss")).toBe(String(json.totals.clientsWithLoss));
    expect(await value("kf-total-loss")).toBe(json.totals.loss);
    expect(await value("kf-tier-high")).toBe(String(tiers.high));
    expect(await value("kf-tier-medium")).toBe(String(tiers.medium));
    expect(await value("kf-tier-low")).toBe(String(tiers.low));
    // the figures this sample is known for (README): 201 clients, 97 with a loss, 3,929,383.35
    expect([json.totals.clients, json.totals.clientsWithLoss, json.totals.loss]).toEqual([201, 97, "3929383.35"]);
    // the list is ranked as the engine ranks
    await eventually(async () => expect((await testIds(page, "client-row", "data-client-id")).slice(0, 3)).toEqual(json.clients.slice(0, 3).map((c) => c.clientId)));
    await screenshot(page, "analysis");
  });

  test("a draft: client and channel chosen, the text and the compliance check shown", async () => {
    const client = sampleAnalysis.clients[1];
    await page.getByTestId("tab-drafts").click();
    const picker = page.getByTestId("draft-client");
    await picker.click();
    await picker.fill(client.clientId);
    await page.getByRole("option", { name: new RegExp(client.clientId) }).first().click();
    await page.getByTestId("draft-channel").selectOption("sms");

    const templates = readTemplates(sampleSnapshot, "zh-CN").templates;
    const today = new Date().toISOString().slice(0, 10);
    const draft = renderDraft(sampleAnalysis, client, "sms", "zh-CN", templates, { from: today });
    await eventually(async () => expect(await page.getByTestId("draft-text").textContent()).toBe(draft.text));
    expect(draft.text).toContain(client.clientName ?? client.clientId);
    const findings = page.getByTestId("draft-findings");
    expect(await findings.getAttribute("data-count")).toBe(String(draft.findings.length));
    expect(await findings.getAttribute("data-clean")).toBe(String(draft.findings.length === 0));
    expect((await findings.textContent())?.length).toBeGreaterThan(0);
    await screenshot(page, "draft");
  });

  test("write the report: the sheets are written and show in the workbook", async () => {
    expect(requested.filter((u) => /exceljs/i.test(u))).toEqual([]);
    await page.getByTestId("tab-report").click();
    await page.getByTestId("write-report").click();
    await page.getByTestId("written-sheets").waitFor({ timeout: 60_000 });
    const written = await page.getByTestId("written-sheets").locator("li").evaluateAll((els) => els.map((e) => e.getAttribute("data-sheet") ?? ""));
    expect(written).toEqual(expect.arrayContaining(["亏损明细", "沟通草稿", "风险评估报告"]));
    await eventually(async () => {
      const marked = await page.locator('[data-testid="preview-sheets"] li[data-written="true"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-sheet")));
      expect(marked).toEqual(written);
    });
    // the grafting writer needs no ExcelJS: none was fetched
    expect(requested.filter((u) => /exceljs/i.test(u))).toEqual([]);
    // the pane brings the report to the front
    await eventually(async () => expect(await page.getByTestId("preview-selection").getAttribute("data-sheet")).toBe("风险评估报告"));
    await screenshot(page, "report-written");
  });

  test("download: the input sheets unchanged, the loss, drafts and report sheets added", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("preview-download").click()]);
    expect(download.suggestedFilename()).toBe("sample-lossdesk-lossdesk.xlsx");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lossdesk-e2e-dl-"));
    temps.push(dir);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const bytes = new Uint8Array(fs.readFileSync(file));

    // our reader: every input sheet reads back cell for cell as it was
    const back = await readXlsxBytes(bytes);
    for (const s of sampleSnapshot.sheets) expect(back.sheets.find((x) => x.name === s.name)).toEqual(s);

    // ExcelJS: the output sheets are there, with content
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, sampleSnapshot.sheets.length)).toEqual(sampleSnapshot.sheets.map((s) => s.name));
    for (const n of ["亏损明细", "沟通草稿", "风险评估报告", "报告数据"]) expect(names).toContain(n);
    const losses = wb.getWorksheet("亏损明细")!;
    expect(losses.actualRowCount).toBeGreaterThanOrEqual(sampleAnalysis.clients.length);
    const report = wb.getWorksheet("风险评估报告")!;
    const reportText: string[] = [];
    // (merged cells' followers skipped: ExcelJS's .text fails on them when the box is still empty)
    report.eachRow((row) => row.eachCell((c) => (c.isMerged && c.master.address !== c.address ? undefined : reportText.push(String(c.text ?? "")))));
    expect(reportText.join("\n")).toContain("风险评估报告");
    // the report's charts made it into the package
    expect(openZipNode(bytes).names().some((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toBe(true);
    await screenshot(page, "downloaded");
  });

  test("a workbook with a chart on its NAV sheet: the report written into it, the download keeps that chart and has ours", async () => {
    const input = path.join(GRAFT_FIX, "openpyxl-rich.xlsx");
    const inputBytes = new Uint8Array(fs.readFileSync(input));
    const inputZip = openZipNode(inputBytes);
    const inputCharts = inputZip.names().filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(inputCharts).toEqual(["xl/charts/chart1.xml"]);
    await page.getByTestId("preview-file-input").setInputFiles(input);
    await eventually(async () => expect(await page.getByTestId("preview-file-name").textContent()).toBe("openpyxl-rich.xlsx"));
    await page.getByTestId("tab-data").click();
    await page.getByTestId("read-workbook").click();
    await eventually(async () => expect(await testIds(page, "table-found", "data-role")).toEqual(["nav", "holdings"]));
    await page.getByTestId("tab-report").click();
    await page.getByTestId("write-report").click();
    await eventually(async () => {
      const marked = await page.locator('[data-testid="preview-sheets"] li[data-written="true"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-sheet")));
      expect(marked).toEqual(expect.arrayContaining(["亏损明细", "沟通草稿", "风险评估报告"]));
    }, 60_000);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("preview-download").click()]);
    expect(download.suggestedFilename()).toBe("openpyxl-rich-lossdesk.xlsx");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lossdesk-e2e-dl-"));
    temps.push(dir);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const zip = openZipNode(new Uint8Array(fs.readFileSync(file)));
    const charts = zip.names().filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(3);
    // the input's chart, byte for byte, and our two (the NAV trend and the loss by tier)
    expect(await zip.text("xl/charts/chart1.xml")).toBe(await inputZip.text("xl/charts/chart1.xml"));
    const ours = (await Promise.all(charts.filter((n) => n !== "xl/charts/chart1.xml").map((n) => zip.text(n)))).join("");
    expect(ours).toContain("受影响产品单位净值走势");
    expect(ours).toContain("各风险分级客户亏损金额");
    // and every other input part as it was
    for (const n of inputZip.names()) {
      if (["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"].includes(n)) continue;
      expect([n, await zip.text(n)]).toEqual([n, await inputZip.text(n)]);
    }
    await screenshot(page, "graft-downloaded");
  });

  test("a messy workbook through the file input: its issues listed with their cells", async () => {
    const messy = path.join(FIX, "messy-wide.xlsx");
    const expected = analyzeWorkbook(await readXlsxFile(messy)).issues.map((i) => `${i.sheet}!${i.cell}`);
    expect(expected.length).toBeGreaterThan(0);
    await page.getByTestId("preview-file-input").setInputFiles(messy);
    await eventually(async () => expect(await page.getByTestId("preview-file-name").textContent()).toBe("messy-wide.xlsx"));
    await page.getByTestId("tab-data").click();
    await page.getByTestId("read-workbook").click();
    await eventually(async () => expect(await testIds(page, "issue-row", "data-cell")).toEqual(expected));
    // nothing written yet in this workbook
    expect(await page.locator('[data-testid="preview-sheets"] li[data-written="true"]').count()).toBe(0);
    await screenshot(page, "messy-issues");
  });

  test("a file that is not a workbook: the chrome and the pane say why", async () => {
    await page.getByTestId("preview-file-input").setInputFiles(path.join(FIX, "not-really.xlsx"));
    await page.getByTestId("preview-error").waitFor();
    expect(await page.getByTestId("preview-error").textContent()).toMatch(/^无法读取 not-really\.xlsx：/);
    expect(await page.getByTestId("preview-sheets").locator("li").count()).toBe(0);
    expect(await page.getByTestId("preview-download").isDisabled()).toBe(true);
    await page.getByTestId("tab-data").click();
    await page.getByTestId("read-workbook").click();
    await page.getByTestId("error-message").waitFor();
    expect(await page.getByTestId("error-message").textContent()).toContain("not-really.xlsx");
    await screenshot(page, "not-a-workbook");
  });
});

// ---- a short drill: start, complete two steps, see the log and the score ----

describe("a short drill in the preview", () => {
  const L = "zh-CN" as const;
  /** The drill as generated here (the nav-fall preset: 17 steps; 1 and 2 are preparation steps). */
  let made: DrillState;
  let madeSnapshot: WorkbookSnapshot;
  /** Wall clock, to the minute, just before the clock was started: every stamp is at or after it. */
  let before: Date;
  /** The score the pane showed, part by part. */
  let shownScore: Record<string, string>;

  /** A time as the pane shows it: "09:05" on the drill's planned day (2026-11-30), "11-28 19:32" on any other. */
  const HHMM = String.raw`(?:\d\d-\d\d )?\d\d:\d\d`;
  const stepRow = (no: number, status?: string) =>
    page.locator(`[data-testid="drill-step"][data-step-no="${no}"]${status ? `[data-status="${status}"]` : ""}`);
  const attr = (id: string, a: string) => page.getByTestId(id).getAttribute(a);
  const stepText = (no: number) => made.steps.find((s) => s.no === no)!.text;
  /** The cells the preview's grid shows, row by row (the row number column left out). */
  const gridRows = (sheet: string): Promise<string[][]> =>
    page
      .locator(`[data-testid="preview-grid"][data-sheet="${sheet}"] tbody tr`)
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent ?? "")));

  test("a drill workbook through the file input: the Drill step shows its 17 steps, the clock not started", async () => {
    const drill = newDrillWorkbook({ locale: L, now: new Date(Date.UTC(2026, 10, 30, 8, 0)) });
    made = drill.state;
    const wb = new ExcelJS.Workbook();
    for (const sheet of drill.sheets) replaceTableSheet(wb, sheet);
    const bytes = await writeWorkbookBytes(wb, []);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lossdesk-e2e-drill-"));
    temps.push(dir);
    const file = path.join(dir, "drill.xlsx");
    fs.writeFileSync(file, bytes);
    madeSnapshot = await readXlsxBytes(bytes);
    const madeRead = readDrillWorkbook(madeSnapshot, L);
    expect(made.steps.length).toBe(17);

    await page.getByTestId("preview-file-input").setInputFiles(file);
    await eventually(async () => expect(await page.getByTestId("preview-file-name").textContent()).toBe("drill.xlsx"));
    await eventually(async () =>
      expect(await page.getByTestId("preview-sheets").locator("li").evaluateAll((els) => els.map((e) => e.getAttribute("data-sheet")))).toEqual(
        drill.sheets.map((s) => s.name),
      ),
    );
    expect(await page.locator("[data-testid=preview-error]").count()).toBe(0);

    await page.getByTestId("tab-drill").click();
    await eventually(async () => expect(await page.getByTestId("drill-step").count()).toBe(17));
    expect(await testIds(page, "drill-step", "data-step-no")).toEqual(made.steps.map((s) => String(s.no)));
    expect(await testIds(page, "drill-step", "data-status")).toEqual(made.steps.map(() => "not-started"));
    expect(await page.locator('[id^="drill-step-text-"]').allTextContents()).toEqual(made.steps.map((s) => s.text));
    expect(await attr("drill-elapsed", "data-value")).toBe("");
    expect(await attr("drill-elapsed", "data-running")).toBe("false");
    expect(await page.getByTestId("drill-stop").isDisabled()).toBe(true);
    expect([await attr("drill-progress", "data-done"), await attr("drill-progress", "data-total")]).toEqual(["0", "17"]);
    expect(await attr("drill-score", "data-value")).toBe("0.0");
    // the pane says what the reader says about this workbook (a fresh one: nothing)
    expect(madeRead.issues).toEqual([]);
    expect(await page.locator("[data-testid=drill-issues]").count()).toBe(0);
    expect(await attr("drill-log", "data-count")).toBe("1"); // the "generated" line
    await screenshot(page, "drill-open");
  });

  test("start the drill: the clock runs", async () => {
    before = toMinute(wallClock(new Date()));
    await page.getByTestId("drill-start").click();
    await page.locator('[data-testid="drill-elapsed"][data-running="true"]').waitFor();
    // started just now: 0 minutes, 1 if a minute turned over meanwhile
    expect(["0", "1"]).toContain(await attr("drill-elapsed", "data-value"));
    expect(await page.getByTestId("drill-start").isDisabled()).toBe(true);
    expect(await page.getByTestId("drill-stop").isEnabled()).toBe(true);
    await eventually(async () => expect(await attr("drill-log", "data-count")).toBe("2"));
    await screenshot(page, "drill-started");
  });

  test("step 1: in progress, then done; the start and completion are stamped", async () => {
    const times = stepRow(1).getByTestId("drill-step-times");
    await page.getByTestId("drill-status-1").selectOption("in-progress");
    await stepRow(1, "in-progress").waitFor();
    expect(await times.textContent()).toMatch(new RegExp(`^开始 ${HHMM} · 用时 [01] / 15 分钟$`));
    await screenshot(page, "drill-step1-in-progress");

    await page.getByTestId("drill-status-1").selectOption("done");
    await stepRow(1, "done").waitFor();
    expect(await page.getByTestId("drill-status-1").inputValue()).toBe("done");
    expect(await times.textContent()).toMatch(new RegExp(`^开始 ${HHMM} · 完成 ${HHMM} · 用时 [01] / 15 分钟$`));
    expect(await stepRow(1).getAttribute("data-late")).toBe("false");
    await screenshot(page, "drill-step1-done");
  });

  test("step 2: straight to done; no start is recorded", async () => {
    await page.getByTestId("drill-status-2").selectOption("done");
    await stepRow(2, "done").waitFor();
    // done with no start: the start stays blank (docs/drills.md), so the step cannot be on time
    expect(await stepRow(2).getByTestId("drill-step-times").textContent()).toMatch(new RegExp(`^未记录开始时间 · 完成 ${HHMM} · 目标 15 分钟$`));
    expect(await testIds(page, "drill-step", "data-status")).toEqual(made.steps.map((s) => (s.no <= 2 ? "done" : "not-started")));
    await screenshot(page, "drill-step2-done");
  });

  test("progress and score: 2 of 17 done, 1 on time", async () => {
    await eventually(async () => expect([await attr("drill-progress", "data-done"), await attr("drill-progress", "data-total")]).toEqual(["2", "17"]));
    expect(await attr("drill-progress", "data-skipped")).toBe("0");
    shownScore = {
      total: (await attr("drill-score", "data-value")) ?? "",
      completion: (await attr("drill-score-completion", "data-value")) ?? "",
      onTime: (await attr("drill-score-on-time", "data-value")) ?? "",
      order: (await attr("drill-score-order", "data-value")) ?? "",
      review: (await attr("drill-score-review", "data-value")) ?? "",
    };
    // completion 40 x 2/17 = 4.7; on time 25 x 1/17 = 1.5 (step 1 took 0-1 of its 15 minutes, step 2
    // has no start); order 0 (steps 1 and 2 are not response steps); no after-action items: 0
    expect(shownScore).toEqual({ total: "6.2", completion: "4.7", onTime: "1.5", order: "0.0", review: "0.0" });
    // the same as the core scores the drill as the pane changed it
    const expected = scoreDrill(
      {
        ...made,
        steps: made.steps.map((s) =>
          s.no === 1 ? { ...s, status: "done", startedAt: before, completedAt: before }
          : s.no === 2 ? { ...s, status: "done", completedAt: before }
          : s,
        ),
      },
      { expectedSteps: 17 },
    );
    expect(shownScore).toEqual({
      total: expected.total.toFixed(1),
      completion: expected.parts.completion.points.toFixed(1),
      onTime: expected.parts.onTime.points.toFixed(1),
      order: expected.parts.order.points.toFixed(1),
      review: expected.parts.review.points.toFixed(1),
    });
    expect(await page.getByTestId("drill-score-completion").textContent()).toContain("（2/17）");
    expect(await page.getByTestId("drill-score-on-time").textContent()).toContain("（1/17）");
    await screenshot(page, "drill-score");
  });

  test("the log: in the pane, and in the 演练记录 sheet of the workbook", async () => {
    // the pane: the last five lines, newest first
    expect(await attr("drill-log", "data-count")).toBe("5");
    const lines = await page.getByTestId("drill-log").locator("li").allTextContents();
    const status = (no: number, from: keyof typeof STATUS_LABEL, to: keyof typeof STATUS_LABEL) =>
      `${eventLabel("status", L)} · ${no}. ${stepText(no)} · ${STATUS_LABEL[from][L]} → ${STATUS_LABEL[to][L]}`;
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(new RegExp(`^${HHMM} · `));
    expect(lines[0]).toContain(`${status(2, "not-started", "done")} · 未记录开始时间`);
    expect(lines[1]).toContain(status(1, "in-progress", "done"));
    expect(lines[2]).toContain(status(1, "not-started", "in-progress"));
    expect(lines[3]).toMatch(new RegExp(`^${HHMM} · 演练开始$`));
    expect(lines[4]).toBe(`08:00 · ${eventLabel("generated", L)} · nav-fall · 17`);

    // the workbook: the log sheet in the preview's grid, the rows appended to the DrillLog table
    const logSheet = DRILL_SHEETS.log[L];
    await page.locator(`[data-testid="preview-sheets"] li[data-sheet="${logSheet}"]`).click();
    await page.locator(`[data-testid="preview-grid"][data-sheet="${logSheet}"]`).waitFor();
    const at = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");
    await eventually(async () => {
      const rows = await gridRows(logSheet);
      const header = rows.findIndex((r) => r[0] === "时间");
      expect(header).toBeGreaterThanOrEqual(0);
      const body = rows.slice(header + 1).filter((r) => r.some((c) => c !== ""));
      // event, no, from, to
      expect(body.map((r) => [r[2], r[3], r[5], r[6]])).toEqual([
        ["生成工作簿", "", "", ""],
        ["演练开始", "", "", ""],
        ["状态变更", "1", "未开始", "进行中"],
        ["状态变更", "1", "进行中", "已完成"],
        ["状态变更", "2", "未开始", "已完成"],
      ]);
      expect(body.map((r) => r[1])).toEqual(["命令行", "任务窗格", "任务窗格", "任务窗格", "任务窗格"]);
      expect(body[4][4]).toBe(stepText(2));
      expect(body[4][7]).toBe("未记录开始时间");
      expect(body[0][0]).toBe("2026-11-30 08:00");
      // (the grid leaves out a time of 00:00, as it shows a plain date)
      for (const r of body.slice(1)) expect((r[0].length === 10 ? `${r[0]} 00:00` : r[0]) >= at(before)).toBe(true);
    });
    await page.getByTestId("drill-log").scrollIntoViewIfNeeded();
    await screenshot(page, "drill-log");
  });

  test("download: the drill reads back with both steps done, their times, the log and the score", async () => {
    const after = toMinute(wallClock(new Date()));
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("preview-download").click()]);
    expect(download.suggestedFilename()).toBe("drill-lossdesk.xlsx");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lossdesk-e2e-drill-dl-"));
    temps.push(dir);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const snap = await readXlsxBytes(new Uint8Array(fs.readFileSync(file)));
    const read = readDrillWorkbook(snap, L);
    expect(read.issues.filter((i) => i.severity === "error")).toEqual([]);
    const st = read.state!;
    expect(st).toBeDefined();
    expect(read.expectedSteps).toBe(17);

    expect(st.steps.map((s) => s.status)).toEqual(made.steps.map((s) => (s.no <= 2 ? "done" : "not-started")));
    const [s1, s2] = st.steps;
    const within = (d: Date | null) => {
      expect(d).toBeInstanceOf(Date);
      expect(d!.getTime()).toBeGreaterThanOrEqual(before.getTime());
      expect(d!.getTime()).toBeLessThanOrEqual(after.getTime());
    };
    within(s1.startedAt);
    within(s1.completedAt);
    expect(s1.completedAt!.getTime()).toBeGreaterThanOrEqual(s1.startedAt!.getTime());
    expect(s2.startedAt).toBeNull();
    within(s2.completedAt);
    // stamped, not typed: each time matches a status line of its step in the log
    expect([s1.startedManual, s1.completedManual, s2.completedManual]).toEqual([false, false, false]);
    for (const s of st.steps.slice(2)) expect([s.startedAt, s.completedAt]).toEqual([null, null]);
    within(st.clock.startedAt);
    expect(st.clock.stoppedAt).toBeNull();

    expect(st.log.map((e) => [e.event, e.source, e.stepNo, e.from, e.to])).toEqual([
      ["generated", "cli", null, null, null],
      ["clock-start", "pane", null, null, null],
      ["status", "pane", 1, "not-started", "in-progress"],
      ["status", "pane", 1, "in-progress", "done"],
      ["status", "pane", 2, "not-started", "done"],
    ]);
    expect(st.log.slice(2).map((e) => e.at.getTime())).toEqual([s1.startedAt, s1.completedAt, s2.completedAt].map((d) => d!.getTime()));

    // the score: the core's, from the cells, is what the pane showed, and the drill tab's score line says it
    const score = scoreDrill(st, { expectedSteps: read.expectedSteps });
    expect({
      total: score.total.toFixed(1),
      completion: score.parts.completion.points.toFixed(1),
      onTime: score.parts.onTime.points.toFixed(1),
      order: score.parts.order.points.toFixed(1),
      review: score.parts.review.points.toFixed(1),
    }).toEqual(shownScore);
    expect(read.scoreCell).toBeDefined();
    const m = /^([A-Z]+)(\d+)$/.exec(read.scoreCell!)!;
    const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const drillTab = snap.sheets.find((s) => s.name === read.found.steps!.sheet)!;
    expect(drillTab.rows[Number(m[2]) - 1]![col]).toBe(scoreLine(score, L));

    // the rest of the workbook as it was: the same sheets, the data and review sheets cell for cell
    expect(snap.sheets.map((s) => s.name)).toEqual(madeSnapshot.sheets.map((s) => s.name));
    const touched = new Set<string>([DRILL_SHEETS.drill[L], DRILL_SHEETS.log[L]]);
    for (const s of madeSnapshot.sheets) if (!touched.has(s.name)) expect(snap.sheets.find((x) => x.name === s.name)).toEqual(s);
    await screenshot(page, "drill-downloaded");
  });
});

describe("network", () => {
  test("the guard works: taskpane.html's office.js from the CDN is caught and blocked", async () => {
    taskpanePage = await context.newPage();
    await taskpanePage.goto(`${base}taskpane.html`).catch(() => undefined);
    await eventually(() => expect(offsiteFromTaskpane.some((u) => u.startsWith("https://appsforoffice.microsoft.com/"))).toBe(true), 10_000);
    await taskpanePage.close();
    taskpanePage = undefined;
  });

  test("a fresh preview page makes no request off 127.0.0.1", async () => {
    const fresh = await context.newPage();
    const seen: string[] = [];
    fresh.on("request", (r) => seen.push(r.url()));
    await fresh.goto(`${base}preview.html`, { waitUntil: "networkidle" });
    await fresh.getByTestId("preview-open-sample").click();
    await fresh.getByTestId("preview-sheets").locator("li").first().waitFor();
    await fresh.waitForLoadState("networkidle");
    await fresh.close();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((u) => !isLoopback(u))).toEqual([]);
    // ExcelJS is fetched only when something is written, not to open or read a workbook
    expect(seen.filter((u) => /exceljs/i.test(u))).toEqual([]);
  });

  test("no request of the whole run left this machine, and the page threw nothing", () => {
    expect(offsite).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
