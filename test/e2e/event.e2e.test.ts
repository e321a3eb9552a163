// End-to-end: the live event in the built preview (dist/preview.html) in Debian's chromium. Open the
// sample, read it, start a live event from the Report step, download; customer service types a
// complaint into the register (ExcelJS, as in Excel); open that workbook in the preview again: the
// complaint is in the pane's register view; write the report; download: the register row is kept
// with the client's name looked up, and the risk report has the complaints section. Every request
// to anything but loopback is blocked and fails the run. Run with `npm run test:e2e`.

import fs from "fs";
import http from "http";
import os from "os";
import path from "path";
import type { AddressInfo } from "net";
import ExcelJS from "exceljs";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { readXlsxBytes, readXlsxFile } from "../../src/adapters/xlsx/read";
import { isLoopback, serve } from "./harness";
import { analyzeWorkbook } from "../../src/core/analysis";

const ROOT = path.join(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const SHOTS = path.join(ROOT, "artifacts", "e2e");
const SAMPLE = path.join(ROOT, "assets", "sample-lossdesk.xlsx");
const CHROMIUM = process.env.LOSSDESK_CHROMIUM || "/usr/bin/chromium";
const STEP_MS = 30_000;


async function eventually(check: () => Promise<void> | void, ms = STEP_MS): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try { await check(); return; } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

let server: http.Server;
let base: string;
let context: BrowserContext;
let page: Page;
let profile: string;
const temps: string[] = [];
const offsite: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "preview.html"))) throw new Error("dist/preview.html is missing: run `npm run test:e2e`");
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  fs.mkdirSync(SHOTS, { recursive: true });
  server = await serve(DIST);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  profile = fs.mkdtempSync(path.join(os.tmpdir(), "lossdesk-e2e-event-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, acceptDownloads: true, locale: "zh-CN", viewport: { width: 1280, height: 900 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (isLoopback(url)) return route.continue();
    offsite.push(url);
    return route.abort("blockedbyclient");
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(STEP_MS);
}, 60_000);

afterAll(async () => {
  await context?.close();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  for (const dir of [profile, ...temps]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  expect(offsite).toEqual([]);
});

async function download(name: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByTestId("preview-download").click()]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lossdesk-e2e-event-dl-"));
  temps.push(dir);
  const file = path.join(dir, name);
  await dl.saveAs(file);
  return file;
}

async function readAndReport(): Promise<void> {
  await page.getByTestId("tab-data").click();
  await page.getByTestId("read-workbook").click();
  await page.getByTestId("tab-report").click();
  await page.getByTestId("event-panel").waitFor();
}

describe("the live event in the preview", () => {
  let started: string;
  let typed: string;
  const client = { id: "", name: "" };

  test("start a live event from the Report step and download it", async () => {
    const a = analyzeWorkbook(await readXlsxFile(SAMPLE));
    const losing = a.clients.find((c) => c.pnlFen < 0 && c.clientName)!;
    client.id = losing.clientId;
    client.name = losing.clientName!;
    await page.goto(`${base}preview.html?lang=zh-CN`);
    await page.getByTestId("preview-open-sample").click();
    await readAndReport();
    await page.getByTestId("start-event").click();
    await page.getByTestId("event-started").waitFor();
    await page.screenshot({ path: path.join(SHOTS, "event-01-started.png"), fullPage: true });
    started = await download("started.xlsx");
    const wb = await readXlsxBytes(new Uint8Array(fs.readFileSync(started)));
    for (const n of ["应急事件", "应急响应", "事件复盘", "事件记录", "投诉登记", "舆情记录"]) expect(wb.sheets.map((s) => s.name)).toContain(n);
  });

  test("a complaint typed into the register shows in the pane's register view", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(started);
    const row = wb.getWorksheet("投诉登记")!.getRow(6);
    const today = new Date();
    row.getCell(1).value = "TS-E2E";
    row.getCell(2).value = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() - 14));
    row.getCell(3).value = client.id;
    row.getCell(7).value = "要求赔偿损失";
    row.getCell(11).value = "处理中";
    row.commit();
    typed = path.join(path.dirname(started), "typed.xlsx");
    await wb.xlsx.writeFile(typed);
    await page.getByTestId("preview-file-input").setInputFiles(typed);
    await eventually(async () => expect(await page.getByTestId("preview-file-name").textContent()).toBe("typed.xlsx"));
    await readAndReport();
    await eventually(async () => expect(await page.getByTestId("register-totals").textContent()).toBe("投诉 1 件，未办结 1 件，已逾期 0 件，3 日内到期 1 件"));
    const r = page.locator('[data-testid="register-row"][data-id="TS-E2E"]');
    expect(await r.textContent()).toContain(`${client.id} ${client.name}`);
    expect(await r.textContent()).toContain("将到期");
    await page.screenshot({ path: path.join(SHOTS, "event-02-register.png"), fullPage: true });
  });

  test("writing the report keeps the complaint, looks up the client, and the report counts it", async () => {
    await page.getByTestId("write-report").click();
    await eventually(async () => expect(await page.getByTestId("written-sheets").locator("li").count()).toBeGreaterThan(5));
    const out = await download("written.xlsx");
    const wb = await readXlsxBytes(new Uint8Array(fs.readFileSync(out)));
    const reg = wb.sheets.find((s) => s.name === "投诉登记")!;
    const row = reg.rows.find((r) => r?.[0] === "TS-E2E")!;
    expect(row.slice(2, 4)).toEqual([client.id, client.name]);
    const report = wb.sheets.find((s) => s.name === "风险评估报告")!;
    const at = report.rows.findIndex((r) => r?.[0] === "十一、客户投诉");
    expect(at).toBeGreaterThan(0);
    expect(report.rows.slice(at, at + 4).map((r) => [r?.[0], r?.find((v, i) => i > 0 && typeof v === "number")])).toContainEqual(["收到投诉", 1]);
    const steps = wb.sheets.find((s) => s.name === "应急响应")!;
    expect(steps.rows.find((r) => r?.includes("analyse"))?.[5]).toBe("已完成");
    expect(wb.sheets.some((s) => s.name === "监管报告")).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, "event-03-written.png"), fullPage: true });
  });
});
