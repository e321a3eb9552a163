// The preview in chromium on a big workbook (issue 11): it opens and analyses the file given in
// LOSSDESK_E2E_HEAP_FILE (the bench passes its 200,000-lot workbook) without the tab running out
// of memory, and prints the page's JS heap (CDP Runtime.getHeapUsage, performance.memory).
// Skipped unless that variable is set: `npm run bench` runs it (bench/stream-bench.ts).
import fs from "fs";
import http from "http";
import os from "os";
import path from "path";
import type { AddressInfo } from "net";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { isLoopback, serve } from "./harness";

const ROOT = path.join(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const CHROMIUM = process.env.LOSSDESK_CHROMIUM || "/usr/bin/chromium";
const FILE = process.env.LOSSDESK_E2E_HEAP_FILE;
const maybe = FILE ? describe : describe.skip;

maybe("the preview on a big workbook", () => {
  let server: http.Server;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  beforeAll(async () => {
    server = await serve(DIST);
    profile = fs.mkdtempSync(path.join(os.tmpdir(), "lossdesk-e2e-heap-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, locale: "zh-CN",
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--enable-precise-memory-info"],
    });
    await context.route("**/*", (route) => (isLoopback(route.request().url()) ? route.continue() : route.abort("blockedbyclient")));
    page = context.pages()[0] ?? (await context.newPage());
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  test("opens and analyses it; prints the JS heap", async () => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    let crashed = false;
    page.on("crash", () => { crashed = true; });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    await page.goto(`${base}preview.html?lang=zh-CN`);
    await page.getByTestId("lossdesk-pane").waitFor();
    const t0 = Date.now();
    await page.getByTestId("preview-file-input").setInputFiles(FILE!);
    await page.getByTestId("preview-sheets").locator("li").first().waitFor({ timeout: 300_000 });
    await page.getByTestId("tab-data").click();
    await page.getByTestId("read-workbook").click();
    await page.locator('[data-testid="table-found"][data-role="holdings"]').waitFor({ timeout: 300_000 });
    // The analysis is done when its step lists the clients.
    await page.getByTestId("tab-analysis").click();
    await page.getByTestId("clients-shown").waitFor({ timeout: 300_000 });
    const clients = Number(await page.getByTestId("clients-shown").getAttribute("data-value"));
    const seconds = (Date.now() - t0) / 1000;
    const cdp = await context.newCDPSession(page);
    const heap = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number; totalSize: number };
    const mem = await page.evaluate(() => {
      const m = (performance as unknown as { memory?: { usedJSHeapSize: number; totalJSHeapSize: number; jsHeapSizeLimit: number } }).memory;
      return m ? { used: m.usedJSHeapSize, total: m.totalJSHeapSize, limit: m.jsHeapSizeLimit } : undefined;
    });
    const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
    const line = `PREVIEW-HEAP ${path.basename(FILE!)}: opened, read and analysed (${clients.toLocaleString("en-US")} clients shown) in ${seconds.toFixed(1)} s; JS heap used ${mb(heap.usedSize)} of ${mb(heap.totalSize)}`
      + (mem ? ` (performance.memory: used ${mb(mem.used)}, limit ${mb(mem.limit)})` : "");
    process.stdout.write(line + "\n");
    fs.writeFileSync(path.join(os.tmpdir(), "lossdesk-preview-heap.txt"), line + "\n");
    expect(clients).toBeGreaterThan(0);
    expect(crashed).toBe(false);
    expect(errors).toEqual([]);
  }, 600_000);
});
