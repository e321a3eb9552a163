// End-to-end: the built preview page (dist/preview.html) in Debian's chromium, driven by
// playwright-core, served by a tiny static server on 127.0.0.1. It walks the analyst's path
// through the real task pane on the in-memory preview host: open the sample, read it, check the
// tables and issues, analyse, check the key figures against the engine run here in Node, open a
// draft, write the report, download the workbook and check it with ExcelJS, then open broken
// workbooks through the file input. Every request to anything but loopback is blocked and fails
// the run. Run with `npm run test:e2e` (scripts/e2e.js builds dist/ first when it is stale).
// Screenshots of every step: artifacts/e2e/.

import fs from "fs";
import http from "http";
import os from "os";
import path from "path";
import type { AddressInfo } from "net";
import ExcelJS from "exceljs";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { readXlsxBytes, readXlsxFile } from "../../src/adapters/xlsx/read";
import { openZipNode } from "../../src/adapters/xlsx/zip";
import { analyzeWorkbook, resultJson, type Analysis } from "../../src/core/analysis";
import { readTemplates, renderDraft } from "../../src/core/drafts";
import type { WorkbookSnapshot } from "../../src/core/workbook";

const ROOT = path.join(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const SHOTS = path.join(ROOT, "artifacts", "e2e");
const SAMPLE = path.join(ROOT, "assets", "sample-lossdesk.xlsx");
const FIX = path.join(ROOT, "test", "fixtures", "workbooks");
const CHROMIUM = process.env.LOSSDESK_CHROMIUM || "/usr/bin/chromium";
const STEP_MS = 30_000;

// ---- a static server for dist/ ----

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, "") || "preview.html";
    const file = path.resolve(dir, rel);
    // Only files inside dist/, nothing above it.
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

// ---- helpers ----

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);
function isLoopback(url: string): boolean {
  const u = new URL(url);
  if (u.protocol === "data:" || u.protocol === "blob:" || u.protocol === "about:") return true;
  return LOOPBACK_HOSTS.has(u.hostname);
}

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
    // ExcelJS came in its own chunk, now that something was written
    expect(requested.filter((u) => /\/exceljs\.[^/]*js$/.test(u)).length).toBe(1);
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
    report.eachRow((row) => row.eachCell((c) => reportText.push(String(c.text ?? ""))));
    expect(reportText.join("\n")).toContain("风险评估报告");
    // the report's charts made it into the package
    expect(openZipNode(bytes).names().some((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toBe(true);
    await screenshot(page, "downloaded");
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
