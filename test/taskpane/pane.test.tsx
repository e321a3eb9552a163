/** @jest-environment jsdom */
// The task pane against a fake WorkbookHost: each step as an analyst uses it, figures checked
// against the core's own result.

import "@testing-library/jest-dom";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { HostError } from "../../src/taskpane/host";
import { analyzeWorkbook, resultJson } from "../../src/core/analysis";
import {
  CHANNEL_LABEL, clientsToDraft, draftTier, draftsSheet, readTemplates, renderDraft, templateTierLabel, templatesSheet,
} from "../../src/core/drafts";
import { formatGeneratedAt, localDateTime } from "../../src/core/contact";
import { ui } from "../../src/core/i18n";
import { buildRegister } from "../../src/core/event";
import { DEFAULT_SCORING, scoringWith } from "../../src/core/risk";
import { generateSample } from "../../src/core/sample";
import { tableRows, type WorkbookSnapshot } from "../../src/core/workbook";
import { FakeHost, createFakeHost, installDomStubs, sampleSnapshot, sheetOf, snapshotOf } from "./fake-host";

installDomStubs();

async function renderPane(host: FakeHost, locale?: "zh-CN" | "en-US") {
  const r = render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} locale={locale} />
    </FluentProvider>,
  );
  await act(async () => {}); // the settings load
  return r;
}

async function readWorkbook() {
  fireEvent.click(screen.getByTestId("read-workbook"));
  await waitFor(() => expect(screen.queryByTestId("progress")).toBeNull(), { timeout: 20000 });
}

/** Opens a step and waits for its code (the Drafts step and the live event load with import()). */
async function tab(name: "data" | "analysis" | "drafts" | "report" | "settings") {
  fireEvent.click(screen.getByTestId(`tab-${name}`));
  await waitFor(() => expect(screen.queryByTestId("step-loading")).toBeNull(), { timeout: 20000 });
}

const SNAP = sampleSnapshot();
const scoring = (elderly: number, high: number) =>
  scoringWith({ weights: { ...DEFAULT_SCORING.weights, elderly }, thresholds: { high, medium: DEFAULT_SCORING.thresholds.medium } });
const EXPECTED = analyzeWorkbook(SNAP, { locale: "zh-CN" });

test("reading the workbook shows the tables found and the issues, and a click on an issue selects its cell", async () => {
  const host = createFakeHost(SNAP);
  await renderPane(host);
  await readWorkbook();
  expect(host.readWorkbook).toHaveBeenCalledTimes(1);

  const tables = screen.getAllByTestId("table-found");
  expect(tables.map((t) => t.getAttribute("data-role"))).toEqual(EXPECTED.tables.map((t) => t.role));
  const holdings = EXPECTED.tables.find((t) => t.role === "holdings")!;
  expect(tables.find((t) => t.getAttribute("data-role") === "holdings")).toHaveTextContent(holdings.address);
  expect((screen.getByTestId("as-of") as HTMLInputElement).value).toBe(EXPECTED.asOf);

  expect(EXPECTED.issues.length).toBeGreaterThan(3);
  const rows = screen.getAllByTestId("issue-row");
  expect(rows.length).toBe(Math.min(EXPECTED.issues.length, rows.length));
  expect(rows.map((r) => r.getAttribute("data-cell"))).toEqual(
    EXPECTED.issues.slice(0, rows.length).map((i) => `${i.sheet}!${i.cell}`),
  );

  const target = EXPECTED.issues[2];
  fireEvent.click(rows[2]);
  await waitFor(() => expect(host.selectCell).toHaveBeenCalledWith(target.sheet, target.cell));

  // The keyboard reaches the same: focus the list, move down, Enter.
  const list = screen.getByRole("listbox");
  fireEvent.keyDown(list, { key: "Home" });
  fireEvent.keyDown(list, { key: "ArrowDown" });
  fireEvent.keyDown(list, { key: "Enter" });
  expect(host.selectCell).toHaveBeenLastCalledWith(EXPECTED.issues[1].sheet, EXPECTED.issues[1].cell);
  expect(list.getAttribute("aria-activedescendant")).toBe(rows[1].id);
});

test("the key figures are the engine's result-JSON figures", async () => {
  const host = createFakeHost(SNAP);
  await renderPane(host);
  await readWorkbook();
  await tab("analysis");
  const json = resultJson(EXPECTED);
  const value = (id: string) => screen.getByTestId(id).getAttribute("data-value");
  expect(value("kf-clients")).toBe(String(json.totals.clients));
  expect(value("kf-clients-with-loss")).toBe(String(json.totals.clientsWithLoss));
  expect(value("kf-total-loss")).toBe(json.totals.loss);
  for (const tier of ["high", "medium", "low"] as const) {
    expect(value(`kf-tier-${tier}`)).toBe(String(json.clients.filter((c) => c.riskTier === tier).length));
  }
  // The first rows are the top of the ranking.
  const rows = screen.getAllByTestId("client-row");
  expect(rows.slice(0, 3).map((r) => r.getAttribute("data-client-id"))).toEqual(json.clients.slice(0, 3).map((c) => c.clientId));
  // The drill product shows with its 20% drawdown.
  expect(screen.getAllByTestId("product-affected").some((r) => r.textContent!.includes("20.00%"))).toBe(true);
});

test("the tier filter keeps only that tier, and a row expands to show its factors", async () => {
  const host = createFakeHost(SNAP);
  await renderPane(host);
  await readWorkbook();
  await tab("analysis");
  const high = EXPECTED.clients.filter((c) => c.riskTier === "high");
  expect(high.length).toBeGreaterThan(0);
  fireEvent.change(screen.getByTestId("filter-tier"), { target: { value: "high" } });
  expect(screen.getByTestId("clients-shown").getAttribute("data-value")).toBe(String(high.length));
  const ids = new Set(high.map((c) => c.clientId));
  const rows = screen.getAllByTestId("client-row");
  expect(rows.length).toBe(Math.min(high.length, rows.length));
  for (const r of rows) expect(ids.has(r.getAttribute("data-client-id")!)).toBe(true);

  expect(screen.queryByTestId("client-factors")).toBeNull();
  fireEvent.click(rows[0]);
  const factors = await screen.findByTestId("client-factors");
  expect(rows[0]).toHaveAttribute("aria-expanded", "true");
  const top = high[0].factors[0];
  expect(factors).toHaveTextContent(`${ui("factors", top.factor, "zh-CN")}: ${top.points}`);

  fireEvent.change(screen.getByTestId("filter-flag"), { target: { value: "elderly" } });
  const both = high.filter((c) => c.flags.includes("elderly")).length;
  expect(screen.getByTestId("clients-shown").getAttribute("data-value")).toBe(String(both));
});

test("a draft for a chosen client and channel, with its compliance findings", async () => {
  // A templates sheet whose SMS wording was edited to promise a return.
  const client = EXPECTED.clients[2];
  const tplModel = templatesSheet("zh-CN");
  for (const row of tplModel.rows) {
    // the template the client's draft uses: its tier, or the variant its flags choose
    if (row[0] === CHANNEL_LABEL.sms["zh-CN"] && row[1] === templateTierLabel(draftTier(client), "zh-CN") && String(row[3]).startsWith("7 ")) {
      row[4] = `${row[4]}本产品保证收益。`;
    }
  }
  const snap: WorkbookSnapshot = { sheets: [...SNAP.sheets, sheetOf(tplModel)] };
  const host = createFakeHost(snap);
  await renderPane(host);
  await readWorkbook();
  await tab("drafts");

  // Default: the top-risk client, phone.
  const input = screen.getByTestId("draft-client") as HTMLInputElement;
  expect(input.value).toContain(EXPECTED.clients[0].clientId);

  fireEvent.click(input);
  fireEvent.change(input, { target: { value: client.clientId } });
  fireEvent.click(await screen.findByRole("option", { name: new RegExp(client.clientId) }));
  await waitFor(() => expect(input.value).toContain(client.clientId));
  fireEvent.change(screen.getByTestId("draft-channel"), { target: { value: "sms" } });

  // the pane counts from the generation time of its analysis (the same minute as this test's clock)
  const now = localDateTime(new Date());
  const expected = renderDraft(EXPECTED, client, "sms", "zh-CN", readTemplates(snap, "zh-CN").templates, { from: now });
  expect(expected.findings.some((f) => f.rule === "promise-words")).toBe(true);
  expect(screen.getByTestId("draft-text").textContent).toBe(expected.text);
  const findings = screen.getByTestId("draft-findings");
  expect(findings).toHaveAttribute("data-clean", "false");
  expect(findings).toHaveTextContent("保证收益");
  expect(screen.getByTestId("sms-segments").getAttribute("data-value")).toBe(String(expected.sms!.segments));
  expect(screen.getByTestId("draft-generated-at").textContent).toMatch(/^联系截止与信函日期自生成时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 起算$/);
  expect(screen.getByTestId("draft-generated-at").textContent).toContain(formatGeneratedAt(now).slice(0, 10));
  // an error finding: the pane refuses "sent" and says why
  const review = screen.getByTestId("draft-review");
  expect(review).toHaveAttribute("data-sendable", "false");
  expect(review).toHaveTextContent("不得标记为“已发送”：合规检查不通过");
  expect(review).toHaveAttribute("data-review", String(expected.review.length > 0));

  // The phone draft of the same client is clean.
  fireEvent.change(screen.getByTestId("draft-channel"), { target: { value: "phone" } });
  expect(screen.getByTestId("draft-findings")).toHaveAttribute("data-clean", "true");

  // Copy: the clipboard API when there is one.
  const writeText = jest.fn(async () => {});
  Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText } });
  fireEvent.click(screen.getByTestId("copy-draft"));
  await waitFor(() => expect(writeText).toHaveBeenCalledWith(screen.getByTestId("draft-text").textContent));
  expect(await screen.findByText("已复制到剪贴板。")).toBeInTheDocument();
});

test("the Drafts step shows the review state and refuses sent like the sheet does", async () => {
  // The drafts sheet as people left it: the top client's phone draft marked sent without a review.
  const top = EXPECTED.clients[0];
  expect(top.flags).toContain("suitability-mismatch");
  // the sheet's rows are produced on demand: taken as an array once, to be edited
  const sheet = draftsSheet(EXPECTED, readTemplates(SNAP, "zh-CN").templates, "zh-CN").sheet;
  const model = { ...sheet, rows: tableRows(sheet) };
  const row = model.rows.find((r) => r[0] === top.clientId && r[4] === CHANNEL_LABEL.phone["zh-CN"])!;
  row[11] = "已发送";
  const host = createFakeHost({ sheets: [...SNAP.sheets, sheetOf(model)] });
  await renderPane(host);
  await readWorkbook();
  await tab("drafts");
  const review = screen.getByTestId("draft-review");
  expect(review).toHaveAttribute("data-review", "true");
  expect(review).toHaveAttribute("data-sendable", "false");
  expect(review).toHaveTextContent("须复核后方可发送：适当性不匹配；65岁及以上");
  expect(review).toHaveTextContent("不得标记为“已发送”：须复核而尚未复核（复核人、复核时间未填）");
  expect(review).toHaveTextContent("沟通草稿表：状态 已发送，复核人 —，复核时间 —");
  expect(within(review).getByRole("alert")).toHaveTextContent("沟通草稿表中此行已标为“已发送”，但不允许：重新生成时将改回并在备注中说明。");
});

test("the Drafts step holds the draft of a client with an open complaint, as the sheet does", async () => {
  // the register as people keep it: one complaint still being handled, from a client nothing else holds
  const who = EXPECTED.clients.find((c) => c.flags.length === 0 && c.pnlFen < 0)!;
  const register = buildRegister({ locale: "zh-CN", asOf: EXPECTED.asOf }).sheet;
  register.rows = [["TS-201", new Date(`${EXPECTED.asOf}T00:00:00Z`), who.clientId, null, null, "电话", "要求赔偿", null, null, null, "处理中", ...new Array(7).fill(null)]];
  const host = createFakeHost({ sheets: [...SNAP.sheets, sheetOf(register)] });
  await renderPane(host);
  await readWorkbook();
  await tab("drafts");
  const input = screen.getByTestId("draft-client") as HTMLInputElement;
  fireEvent.click(input);
  fireEvent.change(input, { target: { value: who.clientId } });
  fireEvent.click(await screen.findByRole("option", { name: new RegExp(who.clientId) }));
  await waitFor(() => expect(input.value).toContain(who.clientId));
  const review = screen.getByTestId("draft-review");
  expect(review).toHaveAttribute("data-review", "true");
  expect(review).toHaveAttribute("data-sendable", "false");
  expect(review).toHaveTextContent("须复核后方可发送：客户有未办结投诉，须投诉处理人同意后发送");
});

test("writing the report writes the output sheets and activates the report", async () => {
  const host = createFakeHost(SNAP);
  await renderPane(host);
  await readWorkbook();
  await tab("report");
  fireEvent.click(screen.getByTestId("write-report"));
  await waitFor(() => expect(host.activateSheet).toHaveBeenCalledWith("风险评估报告"), { timeout: 20000 });
  const out = host.writeSheets.mock.calls[0][0];
  expect(out.tables.map((t) => t.name)).toEqual(["亏损明细", "沟通草稿", "话术模板", "投诉登记", "媒体口径", "舆情记录"]);
  expect(out.reports.map((r) => r.sheet.name)).toEqual(["风险评估报告", "监管报告"]);
  const list = await screen.findByTestId("written-sheets");
  expect(within(list).getAllByRole("listitem").map((li) => li.getAttribute("data-sheet")))
    .toEqual(["亏损明细", "沟通草稿", "话术模板", "投诉登记", "媒体口径", "舆情记录", "风险评估报告", "报告数据", "监管报告", "监管报告数据"]);
  // Every holder of a product that fell and every losing client gets four drafts, all new on a workbook without a drafts sheet.
  const drafted = clientsToDraft(EXPECTED).length;
  expect(drafted).toBeGreaterThan(EXPECTED.clients.filter((c) => c.pnlFen < 0).length);
  expect(screen.getByTestId("drafts-added").getAttribute("data-value")).toBe(String(drafted * 4));
});

test("a HostError from the write is shown as it is", async () => {
  const host = createFakeHost(SNAP, { writeError: new HostError("工作表已受保护，无法写入。") });
  await renderPane(host);
  await readWorkbook();
  await tab("report");
  fireEvent.click(screen.getByTestId("write-report"));
  expect(await screen.findByTestId("error-message")).toHaveTextContent("工作表已受保护，无法写入。");
});

test("settings are loaded from the workbook, change the pane, and are saved back", async () => {
  const host = createFakeHost(SNAP, {
    settings: JSON.stringify({ locale: "en-US", scoring: { weights: { elderly: 15 }, thresholds: { high: 55 } }, topClients: 5 }),
  });
  await renderPane(host);
  await waitFor(() => expect(screen.getByTestId("tab-data")).toHaveTextContent("Data"));
  await readWorkbook();
  // The saved thresholds are used by the analysis.
  await tab("analysis");
  const withSaved = analyzeWorkbook(SNAP, { scoring: scoring(15, 55) });
  expect(screen.getByTestId("kf-tier-high").getAttribute("data-value"))
    .toBe(String(withSaved.clients.filter((c) => c.riskTier === "high").length));

  await tab("settings");
  expect((screen.getByTestId("weight-elderly") as HTMLInputElement).value).toBe("15");
  fireEvent.change(screen.getByTestId("threshold-high"), { target: { value: "50" } });
  await waitFor(() => expect(host.saveSettings).toHaveBeenCalled());
  const saved = JSON.parse(host.settings!);
  expect(saved.scoring.thresholds).toEqual({ high: 50, medium: 30 });
  expect(saved.scoring.weights.elderly).toBe(15);
  expect(saved.locale).toBe("en-US");
  expect(screen.getByTestId("stale")).toBeInTheDocument();

  // Re-run: the stale mark goes, the figures follow the new threshold.
  fireEvent.click(screen.getByTestId("rerun"));
  await waitFor(() => expect(screen.queryByTestId("stale")).toBeNull());
  await tab("analysis");
  const withNew = analyzeWorkbook(SNAP, { scoring: scoring(15, 50) });
  expect(screen.getByTestId("kf-tier-high").getAttribute("data-value"))
    .toBe(String(withNew.clients.filter((c) => c.riskTier === "high").length));

  // Reset puts the defaults back (and saves them).
  await tab("settings");
  fireEvent.click(screen.getByTestId("reset-settings"));
  await waitFor(() => expect(JSON.parse(host.settings!).scoring.thresholds.high).toBe(60));
  expect((screen.getByTestId("weight-elderly") as HTMLInputElement).value).toBe("10");
});

test("settings text that can't be read leaves the defaults, with a note", async () => {
  const host = createFakeHost(SNAP, { settings: "{not json" });
  await renderPane(host);
  expect(screen.getByTestId("status-message")).toHaveTextContent("已改用默认设置");
  await tab("settings");
  expect((screen.getByTestId("threshold-high") as HTMLInputElement).value).toBe("60");
  expect(host.saveSettings).not.toHaveBeenCalled();
});

test("labels follow Excel's language, and the language setting overrides it", async () => {
  const zh = createFakeHost(SNAP, { language: "zh-TW" });
  const { unmount } = await renderPane(zh);
  expect(screen.getByTestId("tab-data")).toHaveTextContent("数据");
  expect(screen.getByTestId("read-workbook")).toHaveTextContent("读取工作簿");
  unmount();

  const en = createFakeHost(SNAP, { language: "en-GB" });
  await renderPane(en);
  expect(screen.getByTestId("tab-analysis")).toHaveTextContent("Analysis");
  expect(screen.getByTestId("read-workbook")).toHaveTextContent("Read workbook");
  await tab("settings");
  fireEvent.change(screen.getByTestId("settings-locale"), { target: { value: "zh-CN" } });
  expect(screen.getByTestId("tab-settings")).toHaveTextContent("设置");
  expect(screen.getByTestId("lossdesk-pane")).toHaveAttribute("lang", "zh-CN");
});

test("cancel stops a long read", async () => {
  const host = createFakeHost(SNAP, { hangingRead: true });
  await renderPane(host);
  fireEvent.click(screen.getByTestId("read-workbook"));
  expect(await screen.findByTestId("progress")).toBeInTheDocument();
  expect(screen.getByTestId("read-workbook")).toBeDisabled();
  await waitFor(() => expect(host.readWorkbook).toHaveBeenCalled());
  fireEvent.click(screen.getByTestId("cancel"));
  await waitFor(() => expect(screen.queryByTestId("progress")).toBeNull());
  expect(host.lastReadSignal?.aborted).toBe(true);
  expect(screen.getByTestId("status-message")).toHaveTextContent("已取消");
  expect(screen.queryByTestId("table-found")).toBeNull();
  expect(screen.getByTestId("read-workbook")).not.toBeDisabled();
});

test("a missing table is shown in plain words, not a crash", async () => {
  const only = generateSample({ clients: 30, products: 2, seed: 3 }).sheets.filter((s) => s.name !== "客户持仓");
  const host = createFakeHost(snapshotOf(only));
  await renderPane(host);
  await readWorkbook();
  const err = screen.getByTestId("error-message");
  expect(err).toHaveTextContent("无法分析这个工作簿");
  expect(err).toHaveTextContent("未找到客户持仓表");
  expect(screen.queryByTestId("table-found")).toBeNull();
  await tab("analysis");
  expect(screen.getByText("请先在“数据”步骤读取工作簿。")).toBeInTheDocument();
});

test("a read error from the host is shown, and the pane stays usable", async () => {
  const host = createFakeHost(SNAP, { readError: new HostError("无法读取工作簿：工作表过大。") });
  await renderPane(host);
  await act(async () => { fireEvent.click(screen.getByTestId("read-workbook")); });
  expect(await screen.findByTestId("error-message")).toHaveTextContent("无法读取工作簿：工作表过大。");
  expect(screen.getByTestId("read-workbook")).not.toBeDisabled();
});

test("what the reader skipped is shown on the Data step, in the pane's language", async () => {
  const snap: WorkbookSnapshot = {
    ...SNAP,
    warnings: [{ code: "sheet-without-part", part: "xl/workbook.xml", sheet: "Macro1", detail: 'the sheet has r:id="" (no part)' }],
  };
  await renderPane(createFakeHost(snap), "en-US");
  expect(screen.queryByTestId("read-warnings")).toBeNull();
  await readWorkbook();
  const bar = screen.getByTestId("read-warnings");
  expect(bar).toHaveTextContent("Skipped or worked around while reading the workbook");
  expect(bar).toHaveTextContent('The sheet "Macro1" has no part in the workbook (an empty r:id, as very hidden macro sheets of files converted from .xls have); it was skipped.');
});
