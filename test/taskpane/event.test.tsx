/** @jest-environment jsdom */
// The live event in the pane's Report step: the register view (open complaints by deadline, bad
// cells), the regulator report kind reaching the written sheets, and starting a live event that
// the Drill step then opens like a drill.

import "@testing-library/jest-dom";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { analyzeWorkbook } from "../../src/core/analysis";
import { buildRegister, clientLookup } from "../../src/core/event";
import { tableRows, type CellValue, type WorkbookSnapshot } from "../../src/core/workbook";
import { createFakeHost, installDomStubs, sampleSnapshot, sheetOf } from "./fake-host";
import { todayIso } from "../../src/taskpane/EventPanel";

installDomStubs();

function withRegister(): { snap: WorkbookSnapshot; ids: string[] } {
  const snap = sampleSnapshot();
  const a = analyzeWorkbook(snap);
  const losing = a.clients.filter((c) => c.pnlFen < 0);
  const today = new Date(`${todayIso()}T00:00:00Z`);
  const daysAgo = (n: number) => new Date(today.getTime() - n * 86_400_000);
  const row = (...v: CellValue[]): CellValue[] => [...v, ...new Array(18 - v.length).fill(null)];
  const reg = buildRegister({ locale: "zh-CN", asOf: todayIso(), clients: clientLookup(a) }).sheet;
  const sheet = sheetOf({
    ...reg,
    rows: [
      row("TS-1", daysAgo(16), losing[0].clientId, null, null, "电话", "要求赔偿", null, null, null, "处理中"), // 1 day overdue
      row("TS-2", daysAgo(13), losing[1].clientId, null, null, "柜面", "要求解释", null, null, null, "已登记"), // 2 days left
      row("TS-3", "昨天", "C999999", null, null, "电话", "要求赎回", null, null, null, "已登记"), // bad date, unknown client
      row("TS-4", daysAgo(3), losing[2].clientId, null, null, "信函", "要求赔偿", null, null, null, "已办结"),
    ],
  });
  return { snap: { sheets: [...snap.sheets, sheet] }, ids: [losing[0].clientId, losing[1].clientId] };
}

async function renderPane(host: ReturnType<typeof createFakeHost>) {
  render(<FluentProvider theme={webLightTheme}><App host={host} locale="zh-CN" /></FluentProvider>);
  await act(async () => {});
  fireEvent.click(screen.getByTestId("read-workbook"));
  await waitFor(() => expect(screen.queryByTestId("progress")).toBeNull(), { timeout: 20000 });
  fireEvent.click(screen.getByTestId("tab-report"));
  // the live event's panel loads with import()
  await waitFor(() => expect(screen.queryByTestId("step-loading")).toBeNull(), { timeout: 20000 });
}

test("the register view lists the open complaints by deadline, marks overdue and due soon, names bad cells", async () => {
  const { snap, ids } = withRegister();
  await renderPane(createFakeHost(snap));
  expect(screen.getByTestId("register-totals")).toHaveTextContent("投诉 4 件，未办结 3 件，已逾期 1 件，3 日内到期 1 件");
  const rows = screen.getAllByTestId("register-row");
  expect(rows.map((r) => r.getAttribute("data-id"))).toEqual(["TS-1", "TS-2"]);
  expect(rows[0]).toHaveTextContent(ids[0]);
  expect(within(rows[0]).getByText("逾期")).toBeInTheDocument();
  expect(within(rows[1]).getByText("将到期")).toBeInTheDocument();
  expect(screen.getByText(/投诉登记!B8/)).toBeInTheDocument();
});

test("the Report button writes the register with the typed rows, the chosen regulator report and the complaints section", async () => {
  const { snap } = withRegister();
  const host = createFakeHost(snap);
  await renderPane(host);
  fireEvent.change(screen.getByTestId("regulator-kind"), { target: { value: "final" } });
  fireEvent.click(screen.getByTestId("write-report"));
  await waitFor(() => expect(host.writeSheets).toHaveBeenCalled(), { timeout: 20000 });
  const out = host.writeSheets.mock.calls[0][0];
  expect(out.tables.map((t) => t.name)).toEqual(["亏损明细", "沟通草稿", "话术模板", "投诉登记", "媒体口径", "舆情记录"]);
  expect(tableRows(out.tables[3]).map((r) => r[0])).toEqual(["TS-1", "TS-2", "TS-3", "TS-4"]);
  expect(out.reports.map((r) => r.sheet.name)).toEqual(["风险评估报告", "监管报告"]);
  const title = out.reports[1].sheet.blocks[0];
  expect(title.kind === "title" && title.text).toBe("理财产品净值下跌事件报告（终报）");
  expect(out.reports[0].sheet.blocks.some((b) => b.kind === "heading" && b.text === "十一、客户投诉")).toBe(true);
});

test("starting a live event writes the checklist; the pane then knows the workbook has one", async () => {
  const host = createFakeHost(sampleSnapshot(), { applyWrites: true });
  await renderPane(host);
  expect(screen.getByTestId("no-register")).toBeInTheDocument();
  fireEvent.change(screen.getByTestId("event-deadlines"), { target: { value: "standard" } });
  fireEvent.click(screen.getByTestId("start-event"));
  await waitFor(() => expect(screen.getByTestId("event-started")).toBeInTheDocument(), { timeout: 20000 });
  const out = host.writeSheets.mock.calls[0][0];
  expect(out.tables.map((t) => t.name)).toEqual(["应急事件", "应急响应", "事件复盘", "事件记录", "投诉登记", "舆情记录"]);
  expect(tableRows(out.tables[1]).find((r) => r[9] === "report-written")?.[4]).toBe(1440);
  expect(screen.getByTestId("register-totals")).toHaveTextContent("投诉 0 件");
  // the Drill step opens the live event's checklist as it opens a drill: its 16 steps
  fireEvent.click(screen.getByTestId("tab-drill"));
  await waitFor(() => expect(screen.getAllByTestId("drill-step")).toHaveLength(16), { timeout: 20000 });
  expect(screen.getByTestId("drill-progress").getAttribute("data-total")).toBe("16");
  // writing the report on a live event: the analysis and drafts steps are done, the written report
  // only started, as the regulator report is not approved yet (and the pane says so)
  const reportNo = tableRows(out.tables[1]).findIndex((r) => r[9] === "report-written") + 1;
  fireEvent.click(screen.getByTestId("tab-report"));
  fireEvent.click(screen.getByTestId("write-report"));
  await waitFor(() => expect(host.writeSheets).toHaveBeenCalledTimes(2), { timeout: 20000 });
  await waitFor(() => expect(screen.getByText(/监管报告待审定/)).toBeInTheDocument(), { timeout: 20000 });
  // the regulator report already counts this write's drafts among the measures taken
  const regulator = host.writeSheets.mock.calls[1][0].reports[1].sheet;
  expect(regulator.blocks.some((b) => b.kind === "paragraph" && b.text.includes("生成并审核客户沟通话术"))).toBe(true);
  fireEvent.click(screen.getByTestId("tab-drill"));
  const step = (no: number) => screen.getAllByTestId("drill-step").find((x) => x.getAttribute("data-step-no") === String(no));
  await waitFor(() => expect(step(reportNo)?.getAttribute("data-status")).toBe("in-progress"), { timeout: 20000 });
});
