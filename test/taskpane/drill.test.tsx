/** @jest-environment jsdom */
// The Drill step against the fake host: a drill workbook made by newDrillWorkbook, run from the
// pane and from the sheet, its cells and log rows checked in the workbook (the fake's snapshot),
// and read back by the core as `lossdesk drill score` would.

import "@testing-library/jest-dom";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { newDrillWorkbook, readDrillWorkbook, scoreDrill, scoreLine, type DrillLogEntry } from "../../src/core/drill";
import type { WorkbookSnapshot } from "../../src/core/workbook";
import { snapshotOf } from "../helpers/snapshot";
import { FakeHost, createFakeHost, installDomStubs } from "./fake-host";

installDomStubs();

// Only Date is faked: the pane's timers, React and Fluent run as usual.
beforeEach(() => {
  jest.useFakeTimers({
    doNotFake: [
      "setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate", "clearImmediate", "queueMicrotask",
      "nextTick", "requestAnimationFrame", "cancelAnimationFrame", "requestIdleCallback", "cancelIdleCallback", "performance", "hrtime",
    ],
  });
  at(8, 30);
});
afterEach(() => {
  cleanup();
  jest.useRealTimers();
});

/** The machine's clock reads hh:mm on the drill day (local time; the pane turns it into wall clock). */
function at(hh: number, mm: number): void {
  jest.setSystemTime(new Date(2026, 10, 30, hh, mm));
}
/** A wall-clock time of the drill day, as the workbook holds it. */
const wall = (hh: number, mm: number) => new Date(Date.UTC(2026, 10, 30, hh, mm));

/** A fresh nav-fall drill workbook (17 steps) in zh-CN, generated at 08:00. */
function drillSnapshot(): WorkbookSnapshot {
  return snapshotOf(newDrillWorkbook({ locale: "zh-CN", now: wall(8, 0) }).sheets);
}

// The drill tab: 4 preamble lines, a blank row, the header in row 6, step n in row 6 + n.
// Columns: A 序号, B 阶段, C 步骤, D 责任部门, E 目标用时, F 状态, G 开始时间, H 完成时间.
const rowOf = (no: number) => 6 + no;
const DRILL = "演练";

async function renderPane(host: FakeHost) {
  const r = render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>,
  );
  await act(async () => {});
  return r;
}

async function openDrillTab(steps = 17) {
  fireEvent.click(screen.getByTestId("tab-drill"));
  await waitFor(() => expect(screen.getAllByTestId("drill-step")).toHaveLength(steps));
}

const stepRow = (no: number) => screen.getAllByTestId("drill-step").find((e) => e.getAttribute("data-step-no") === String(no))!;

/** Picks a status in the pane, at hh:mm, and waits until the workbook holds it. */
async function setStatus(host: FakeHost, no: number, status: string, hh: number, mm: number) {
  at(hh, mm);
  const calls = host.writeCells?.mock.calls.length ?? 0;
  fireEvent.change(screen.getByTestId(`drill-status-${no}`), { target: { value: status } });
  if (host.writeCells) await waitFor(() => expect(host.writeCells!.mock.calls.length).toBeGreaterThan(calls));
  await waitFor(() => expect(stepRow(no)).toHaveAttribute("data-status", status));
}

/** The drill as `lossdesk drill score` would read it from the workbook now. */
const readBack = (host: FakeHost) => readDrillWorkbook(snapOf(host));
const snapshots = new WeakMap<FakeHost, WorkbookSnapshot>();
const snapOf = (host: FakeHost) => snapshots.get(host)!;
function hostOver(snap: WorkbookSnapshot, o: Parameters<typeof createFakeHost>[1] = {}): FakeHost {
  const h = createFakeHost(snap, o);
  snapshots.set(h, snap);
  return h;
}

const events = (log: DrillLogEntry[]) => log.map((e) => [e.event, e.source, e.stepNo, e.to]);

test("open, start the clock, complete two steps: cells, log rows and the score", async () => {
  const host = hostOver(drillSnapshot());
  await renderPane(host);
  await openDrillTab();
  expect(screen.getByTestId("drill-elapsed")).toHaveAttribute("data-value", "");
  expect(screen.getByTestId("drill-progress")).toHaveAttribute("data-total", "17");
  // every step with its owner and its labelled status control
  expect(stepRow(4)).toHaveTextContent("财务部");
  expect(within(stepRow(4)).getByRole("combobox", { name: /第 4 步的状态/ })).toHaveValue("not-started");

  at(9, 0);
  fireEvent.click(screen.getByTestId("drill-start"));
  await waitFor(() => expect(screen.getByTestId("drill-elapsed")).toHaveAttribute("data-value", "0"));
  expect(screen.getByTestId("drill-start")).toBeDisabled();
  expect(host.writeCells!.mock.calls[0][0].appends[0]).toMatchObject({ sheet: "演练记录", tableName: "DrillLog" });
  expect(host.writeCells!.mock.calls[0][0].appends[0].rows[0].slice(0, 3)).toEqual([wall(9, 0), "任务窗格", "演练开始"]);

  await setStatus(host, 1, "in-progress", 9, 5);
  await setStatus(host, 1, "done", 9, 14);
  await setStatus(host, 2, "in-progress", 9, 14);
  await setStatus(host, 2, "done", 9, 40); // 26 minutes against 15: late

  // the cells of the drill tab
  const cell = (a: string) => host.cell(DRILL, a);
  expect([cell(`F${rowOf(1)}`), cell(`G${rowOf(1)}`), cell(`H${rowOf(1)}`)]).toEqual(["已完成", wall(9, 5), wall(9, 14)]);
  expect([cell(`F${rowOf(2)}`), cell(`G${rowOf(2)}`), cell(`H${rowOf(2)}`)]).toEqual(["已完成", wall(9, 14), wall(9, 40)]);
  expect(cell(`F${rowOf(3)}`)).toBe("未开始");

  // the log: appended, never rewritten; the echoes of the pane's own writes add nothing
  const back = readBack(host);
  expect(events(back.state!.log)).toEqual([
    ["generated", "cli", null, null],
    ["clock-start", "pane", null, null],
    ["status", "pane", 1, "in-progress"],
    ["status", "pane", 1, "done"],
    ["status", "pane", 2, "in-progress"],
    ["status", "pane", 2, "done"],
  ]);
  expect(back.issues.filter((i) => i.severity === "error")).toEqual([]);

  // the score: completion 40x2/17 = 4.7, on time 25x1/17 = 1.5 (step 2 was late), order 0, review 0
  const score = scoreDrill(back.state!, { expectedSteps: back.expectedSteps });
  expect(score.total).toBe(6.2);
  expect(screen.getByTestId("drill-score")).toHaveAttribute("data-value", "6.2");
  expect(screen.getByTestId("drill-score-completion")).toHaveAttribute("data-value", "4.7");
  expect(screen.getByTestId("drill-score-on-time")).toHaveAttribute("data-value", "1.5");
  expect(screen.getByTestId("drill-progress")).toHaveAttribute("data-done", "2");
  expect(stepRow(2)).toHaveAttribute("data-late", "true");
  // and the score line in the drill tab's preamble
  expect(cell(back.scoreCell!)).toBe(scoreLine(score, "zh-CN"));

  at(9, 45);
  fireEvent.click(screen.getByTestId("drill-stop"));
  await waitFor(() => expect(screen.getByTestId("drill-elapsed")).toHaveAttribute("data-running", "false"));
  at(11, 0);
  fireEvent.click(screen.getByTestId("tab-data"));
  fireEvent.click(screen.getByTestId("tab-drill"));
  expect(screen.getByTestId("drill-elapsed")).toHaveAttribute("data-value", "45"); // stopped: the clock no longer moves
});

test("a status changed in the sheet stamps the time and logs it; a typed time is kept", async () => {
  const host = hostOver(drillSnapshot());
  await renderPane(host);
  await openDrillTab();
  expect(host.watchCells).toHaveBeenCalledTimes(1);
  expect(host.watchCells!.mock.calls[0][0]).toEqual({ sheet: DRILL, columns: ["F", "G", "H"], firstRow: 7, lastRow: 23 + 20 });

  // someone picks 进行中 for step 3 in the sheet at 09:10
  at(9, 10);
  act(() => host.edit(DRILL, [{ address: `F${rowOf(3)}`, value: "进行中" }]));
  await waitFor(() => expect(host.cell(DRILL, `G${rowOf(3)}`)).toEqual(wall(9, 10)));
  await waitFor(() => expect(stepRow(3)).toHaveAttribute("data-status", "in-progress"));
  // the status cell already holds what was typed: only the time and the score line are written
  const w = host.writeCells!.mock.calls.at(-1)![0];
  expect(w.cells.map((c) => c.address)).toEqual([`G${rowOf(3)}`, "A3"]);
  expect(w.appends[0].rows[0].slice(0, 7)).toEqual([wall(9, 10), "工作表", "状态变更", 3, expect.any(String), "未开始", "进行中"]);

  // someone types the start of step 4 by hand, as text
  at(9, 12);
  act(() => host.edit(DRILL, [{ address: `G${rowOf(4)}`, value: "9:02" }]));
  await waitFor(() => expect(within(stepRow(4)).getByTestId("drill-step-times")).toHaveTextContent("开始 09:02 (手工填写)"));
  expect(host.cell(DRILL, `G${rowOf(4)}`)).toBe("9:02"); // left as typed

  // then the step is done from the pane: the typed start stays, the completion is stamped
  await setStatus(host, 4, "done", 9, 30);
  expect(host.cell(DRILL, `G${rowOf(4)}`)).toBe("9:02");
  expect(host.cell(DRILL, `H${rowOf(4)}`)).toEqual(wall(9, 30));

  // and a typed completion is not overwritten by a status set in the sheet
  at(9, 31);
  act(() => host.edit(DRILL, [{ address: `H${rowOf(5)}`, value: wall(9, 25) }]));
  await waitFor(() => expect(readBack(host).state!.log.at(-1)!.event).toBe("time-edit"));
  at(9, 33);
  act(() => host.edit(DRILL, [{ address: `F${rowOf(5)}`, value: "已完成" }]));
  await waitFor(() => expect(stepRow(5)).toHaveAttribute("data-status", "done"));
  expect(host.cell(DRILL, `H${rowOf(5)}`)).toEqual(wall(9, 25));

  // an unknown status is reported, not applied
  act(() => host.edit(DRILL, [{ address: `F${rowOf(6)}`, value: "差不多了" }]));
  expect(await screen.findByTestId("drill-warnings")).toHaveTextContent("差不多了");

  const back = readBack(host);
  expect(events(back.state!.log).slice(1)).toEqual([
    ["status", "sheet", 3, "in-progress"],
    ["time-edit", "sheet", 4, null],
    ["status", "pane", 4, "done"],
    ["time-edit", "sheet", 5, null],
    ["status", "sheet", 5, "done"],
  ]);
  const s4 = back.state!.steps[3];
  const s5 = back.state!.steps[4];
  expect([s4.startedAt, s4.startedManual, s4.completedAt, s4.completedManual]).toEqual([wall(9, 2), true, wall(9, 30), false]);
  expect([s5.completedAt, s5.completedManual]).toEqual([wall(9, 25), true]);
});

test("a new pane over the same workbook resumes the drill; the old pane stopped listening", async () => {
  const snap = drillSnapshot();
  const first = hostOver(snap);
  const { unmount } = await renderPane(first);
  await openDrillTab();
  at(9, 0);
  fireEvent.click(screen.getByTestId("drill-start"));
  await waitFor(() => expect(screen.getByTestId("drill-start")).toBeDisabled());
  await setStatus(first, 1, "in-progress", 9, 1);
  await setStatus(first, 1, "done", 9, 10);
  await setStatus(first, 2, "in-progress", 9, 10);
  await waitFor(() => expect(first.watchers.size).toBe(1));
  unmount();
  await waitFor(() => expect(first.watchers.size).toBe(0));

  // the workbook is closed and opened again: a new pane, a new host, the same cells
  at(10, 0);
  const second = hostOver(snap);
  await renderPane(second);
  await openDrillTab();
  expect(stepRow(1)).toHaveAttribute("data-status", "done");
  expect(stepRow(2)).toHaveAttribute("data-status", "in-progress");
  expect(screen.getByTestId("drill-elapsed")).toHaveAttribute("data-value", "60");
  expect(screen.getByTestId("drill-start")).toBeDisabled(); // still running
  // the stamps read back as automatic, so reopening step 2 and finishing it restamps nothing typed
  await setStatus(second, 2, "done", 10, 5);
  expect(second.cell(DRILL, `G${rowOf(2)}`)).toEqual(wall(9, 10));
  expect(second.cell(DRILL, `H${rowOf(2)}`)).toEqual(wall(10, 5));
  expect(readBack(second).state!.log).toHaveLength(6);
});

test("running the analysis and writing the report during a drill completes their steps, said so in the log", async () => {
  const host = hostOver(drillSnapshot());
  await renderPane(host);
  at(9, 20);
  // the analyst reads the drill workbook from the Data step: the drill opens from that read
  fireEvent.click(screen.getByTestId("read-workbook"));
  await waitFor(() => expect(screen.queryByTestId("progress")).toBeNull(), { timeout: 20000 });
  await waitFor(() => expect(host.cell(DRILL, `H${rowOf(4)}`)).toEqual(wall(9, 20)));
  expect(host.cell(DRILL, `F${rowOf(4)}`)).toBe("已完成");
  expect(host.cell(DRILL, `G${rowOf(4)}`)).toEqual(wall(9, 20)); // begun when the analysis started

  at(9, 50);
  fireEvent.click(screen.getByTestId("tab-report"));
  fireEvent.click(screen.getByTestId("write-report"));
  await waitFor(() => expect(host.cell(DRILL, `F${rowOf(7)}`)).toBe("已完成"), { timeout: 20000 });
  expect(host.cell(DRILL, `F${rowOf(10)}`)).toBe("已完成"); // drafts
  expect(host.cell(DRILL, `H${rowOf(10)}`)).toEqual(wall(9, 50));

  const log = readBack(host).state!.log;
  expect(events(log).filter((e) => e[0] === "activity")).toEqual([
    ["activity", "addin", 4, "done"],
    ["activity", "addin", 10, "done"],
    ["activity", "addin", 7, "done"],
  ]);
  expect(log.find((e) => e.event === "activity" && e.stepNo === 4)!.note).toContain("已运行亏损分析");

  fireEvent.click(screen.getByTestId("tab-drill"));
  await waitFor(() => expect(screen.getByTestId("drill-progress")).toHaveAttribute("data-done", "3"));
});

test("a workbook without a drill: the analysis writes nothing to it and the Drill step says so", async () => {
  const { sampleSnapshot } = await import("./fake-host");
  const host = createFakeHost(sampleSnapshot());
  await renderPane(host);
  fireEvent.click(screen.getByTestId("read-workbook"));
  await waitFor(() => expect(screen.queryByTestId("progress")).toBeNull(), { timeout: 20000 });
  fireEvent.click(screen.getByTestId("tab-drill"));
  expect(await screen.findByTestId("drill-none")).toBeInTheDocument();
  expect(host.writeCells).not.toHaveBeenCalled();
  expect(host.watchCells).not.toHaveBeenCalled();
});

test("a host without writeCells: the drill tab and the log are rewritten, the review sheet left alone", async () => {
  const host = hostOver(drillSnapshot(), { cellWrites: false, applyWrites: true });
  await renderPane(host);
  await openDrillTab();
  expect(screen.getByText(/工作表里的修改不会自动记录/)).toBeInTheDocument();
  await setStatus(host, 1, "in-progress", 9, 5);
  await waitFor(() => expect(host.writeSheets).toHaveBeenCalledTimes(1));
  expect(host.writeSheets.mock.calls[0][0].tables.map((t) => t.name)).toEqual(["演练", "演练记录"]);
  await setStatus(host, 1, "done", 9, 9);
  await waitFor(() => expect(host.writeSheets).toHaveBeenCalledTimes(2));
  const back = readBack(host);
  const s1 = back.state!.steps[0];
  expect([s1.status, s1.startedAt, s1.completedAt, s1.startedManual, s1.completedManual]).toEqual(["done", wall(9, 5), wall(9, 9), false, false]);
  expect(events(back.state!.log).slice(1)).toEqual([["status", "pane", 1, "in-progress"], ["status", "pane", 1, "done"]]);
});

test("a write the workbook refuses: the message says why and the pane shows what the workbook holds", async () => {
  const { HostError } = await import("../../src/taskpane/host");
  const host = hostOver(drillSnapshot(), { writeError: new HostError("工作表或工作簿受保护，无法写入。请撤销保护后重试。") });
  await renderPane(host);
  await openDrillTab();
  at(9, 5);
  fireEvent.change(screen.getByTestId("drill-status-1"), { target: { value: "in-progress" } });
  expect(await screen.findByTestId("drill-error")).toHaveTextContent("受保护");
  await waitFor(() => expect(stepRow(1)).toHaveAttribute("data-status", "not-started"));
  expect(screen.getByTestId("drill-status-1")).toHaveValue("not-started");
  expect(host.cell(DRILL, `F${rowOf(1)}`)).toBe("未开始");
});
