// The drill's Office.js half against the strict Excel fake: writeCells (cells in place, rows added to
// the DrillLog table, in two requests), watchCells (Worksheet.onChanged filtered to the status and
// time columns, values read in one request, removed through its own context), and the pane's drill
// session running on the Excel host end to end: a status typed in the sheet comes back stamped
// and logged, and reads back as `lossdesk drill score` reads it.

import { FakeExcel, type Scalar } from "./fakes/excel-fake";
import { createExcelHost } from "../src/adapters/office/host";
import { addressBounds, watchedPart } from "../src/adapters/office/drill-events";
import { dateToSerial } from "../src/adapters/office/values";
import { TIME_FORMAT, applyStatusChange, newDrillWorkbook, readDrillWorkbook } from "../src/core/drill";
import { headerRowNumber, type CellValue, type TableSheetModel } from "../src/core/workbook";
import { applySheetChange, commit, editsFor, openDrill, watchArea } from "../src/taskpane/drill-session";
import type { WatchedChange } from "../src/host-api";

let fake: FakeExcel;
beforeEach(() => {
  fake = new FakeExcel();
  fake.install();
});
afterEach(() => fake.uninstall());

const wall = (hh: number, mm: number) => new Date(Date.UTC(2026, 10, 30, hh, mm));
const DRILL = "演练";
const LOG = "演练记录";
const rowOf = (no: number) => 6 + no; // header in row 6

function toScalar(v: CellValue): Scalar | null {
  if (v instanceof Date) return dateToSerial(v);
  if (v !== null && typeof v === "object") return v.error;
  return v;
}

/** The drill workbook as Excel holds it: dates as serials, the tables defined. */
function loadDrill(): void {
  const { sheets } = newDrillWorkbook({ locale: "zh-CN", now: wall(8, 0) });
  for (const m of sheets as TableSheetModel[]) {
    const rows: (Scalar | null)[][] = [];
    for (const line of m.preamble ?? []) rows.push([line]);
    if (m.preamble?.length) rows.push([]);
    rows.push(m.columns.map((c) => c.header));
    for (const r of m.rows) rows.push(m.columns.map((_, c) => toScalar(r[c] ?? null)));
    fake.addSheet(m.name, rows);
    if (m.tableName) {
      const h = headerRowNumber(m);
      fake.addTable(m.name, m.tableName, `A${h}:${String.fromCharCode(64 + m.columns.length)}${h + m.rows.length}`);
    }
  }
}

/** What a person typing does to a cell (no event: the test fires it). */
function type(sheet: string, a1: string, v: Scalar): void {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  fake.setCell(fake.sheet(sheet), +m[2] - 1, m[1].charCodeAt(0) - 65, v);
}

describe("writeCells", () => {
  test("a status, its stamps, the score line and a log row: the table grows, times are serials in the time format, 2 syncs", async () => {
    loadDrill();
    const host = createExcelHost();
    const d = openDrill(await host.readWorkbook(), "zh-CN").drill!;
    const r = applyStatusChange(d.state, 4, "in-progress", wall(9, 5), "pane");
    const edits = editsFor(d, { state: r.state, log: r.log, steps: [{ no: 4, status: true, writes: r.writes }] });
    const logTable = () => fake.tablesOn(LOG)[0];
    const rowsBefore = logTable().rect.nr;

    const syncs = fake.syncs;
    await host.writeCells!(edits);
    expect(fake.syncs - syncs).toBe(2);
    expect(fake.requests.at(-1)!.ops).toEqual(expect.arrayContaining(["TableRowCollection.add", "Range.values", "Range.numberFormat"]));

    expect(fake.cell(DRILL, `F${rowOf(4)}`)).toBe("进行中");
    expect(fake.cell(DRILL, `G${rowOf(4)}`)).toBe(dateToSerial(wall(9, 5)));
    expect(fake.numberFormat(DRILL, `G${rowOf(4)}`)).toBe(TIME_FORMAT);
    expect(String(fake.cell(DRILL, "A3"))).toMatch(/^得分：/);

    expect(logTable().rect.nr).toBe(rowsBefore + 1);
    const newRow = logTable().rect.r0 + logTable().rect.nr; // 1-based number of the last table row
    expect(fake.cell(LOG, `A${newRow}`)).toBe(dateToSerial(wall(9, 5)));
    expect(fake.numberFormat(LOG, `A${newRow}`)).toBe(TIME_FORMAT);
    expect([fake.cell(LOG, `B${newRow}`), fake.cell(LOG, `C${newRow}`), fake.cell(LOG, `D${newRow}`), fake.cell(LOG, `G${newRow}`)])
      .toEqual(["任务窗格", "状态变更", 4, "进行中"]);

    // read back as the CLI scores it: the stamp is the add-in's (a log line matches it), not typed
    const back = readDrillWorkbook(await host.readWorkbook());
    const s4 = back.state!.steps[3];
    expect([s4.status, s4.startedAt, s4.startedManual]).toEqual(["in-progress", wall(9, 5), false]);
    expect(back.state!.log.map((e) => e.event)).toEqual(["generated", "status"]);
  });

  test("a protected log sheet: the rows go first, so no stamp lands without its log line; the message says why", async () => {
    loadDrill();
    const host = createExcelHost();
    const d = openDrill(await host.readWorkbook(), "zh-CN").drill!;
    const r = applyStatusChange(d.state, 1, "in-progress", wall(9, 5), "pane");
    fake.sheet(LOG).protected = true;
    await expect(host.writeCells!(editsFor(d, { state: r.state, log: r.log, steps: [{ no: 1, status: true, writes: r.writes }] })))
      .rejects.toThrow("受保护");
    expect(fake.cell(DRILL, `F${rowOf(1)}`)).toBe("未开始");
    expect(fake.cell(DRILL, `G${rowOf(1)}`)).toBe("");
  });
});

describe("watchCells", () => {
  const area = { sheet: DRILL, columns: ["F", "G", "H"], firstRow: 7, lastRow: 43 };

  test("addresses: cells, ranges, whole rows and columns; only the watched part is kept", () => {
    expect(addressBounds("G9")).toEqual({ r0: 8, r1: 8, c0: 6, c1: 6 });
    expect(addressBounds("'演练'!$F$9:$H$12")).toEqual({ r0: 8, r1: 11, c0: 5, c1: 7 });
    expect(addressBounds("G:G")).toEqual({ r0: 0, r1: 1_048_575, c0: 6, c1: 6 });
    expect(addressBounds("9:9")).toEqual({ r0: 8, r1: 8, c0: 0, c1: 16_383 });
    expect(watchedPart(area, "9:9")).toEqual({ r0: 8, r1: 8, c0: 5, c1: 7 });
    expect(watchedPart(area, "G:G")).toEqual({ r0: 6, r1: 42, c0: 6, c1: 6 });
    expect(watchedPart(area, "I9")).toBeUndefined(); // notes
    expect(watchedPart(area, "F3")).toBeUndefined(); // above the steps
    expect(watchedPart(area, "E9:F9")).toEqual({ r0: 8, r1: 8, c0: 5, c1: 5 });
  });

  test("reports edits in the watched columns with their values now; ignores the rest; removed through its own context", async () => {
    loadDrill();
    const host = createExcelHost();
    const seen: WatchedChange[] = [];
    const remove = await host.watchCells!(area, (c) => seen.push(c));
    expect(fake.changeHandlers).toHaveLength(1);

    type(DRILL, `F${rowOf(3)}`, "进行中");
    await fake.fireChanged(DRILL, `F${rowOf(3)}`);
    expect(seen).toEqual([{ cells: [{ address: "F9", value: "进行中" }], resync: false }]);

    // a typed time arrives as Excel holds it (a serial); a note, outside the area, costs no round trip
    type(DRILL, `G${rowOf(4)}`, dateToSerial(wall(9, 2)));
    const syncs = fake.syncs;
    await fake.fireChanged(DRILL, `I${rowOf(4)}`);
    expect(fake.syncs).toBe(syncs);
    await fake.fireChanged(DRILL, `E${rowOf(4)}:H${rowOf(4)}`);
    expect(fake.syncs).toBe(syncs + 1);
    expect(seen[1].cells).toEqual([
      { address: "F10", value: "未开始" }, { address: "G10", value: dateToSerial(wall(9, 2)) }, { address: "H10", value: null },
    ]);

    // rows inserted, or a co-author's change: read the drill again; the add-in's own writes: nothing
    await fake.fireChanged(DRILL, "12:12", { changeType: "RowInserted" });
    await fake.fireChanged(DRILL, "F12", { source: "Remote" });
    await fake.fireChanged(DRILL, "F12", { triggerSource: "ThisLocalAddin" });
    expect(seen.slice(2)).toEqual([{ cells: [], resync: true }, { cells: [], resync: true }]);

    // a renamed tab still reports (found by its id)
    fake.sheet(DRILL).name = "演练-一组";
    type("演练-一组", `F${rowOf(5)}`, "已完成");
    await fake.fireChanged("演练-一组", `F${rowOf(5)}`);
    expect(seen.at(-1)).toEqual({ cells: [{ address: "F11", value: "已完成" }], resync: false });

    await remove();
    expect(fake.changeHandlers).toHaveLength(0);
    await fake.fireChanged("演练-一组", `F${rowOf(5)}`);
    expect(seen).toHaveLength(5);
  });

  test("the pane's drill session on the Excel host: a status typed in the sheet is stamped and logged, a typed time kept", async () => {
    loadDrill();
    const host = createExcelHost();
    let d = openDrill(await host.readWorkbook(), "zh-CN").drill!;
    const changes: WatchedChange[] = [];
    const remove = await host.watchCells!(watchArea(d)!, (c) => changes.push(c));

    // 09:02 typed as the start of step 4, then 已完成 picked from the dropdown at 09:30
    type(DRILL, `G${rowOf(4)}`, dateToSerial(wall(9, 2)));
    await fake.fireChanged(DRILL, `G${rowOf(4)}`);
    d = await commit(host, d, applySheetChange(d, changes.pop()!.cells, wall(9, 3), "zh-CN").change, "zh-CN");
    type(DRILL, `F${rowOf(4)}`, "已完成");
    await fake.fireChanged(DRILL, `F${rowOf(4)}`);
    d = await commit(host, d, applySheetChange(d, changes.pop()!.cells, wall(9, 30), "zh-CN").change, "zh-CN");
    await remove();

    expect(fake.cell(DRILL, `G${rowOf(4)}`)).toBe(dateToSerial(wall(9, 2)));
    expect(fake.cell(DRILL, `H${rowOf(4)}`)).toBe(dateToSerial(wall(9, 30)));
    const back = readDrillWorkbook(await host.readWorkbook());
    const s4 = back.state!.steps[3];
    expect([s4.status, s4.startedAt, s4.startedManual, s4.completedAt, s4.completedManual]).toEqual(["done", wall(9, 2), true, wall(9, 30), false]);
    expect(back.state!.log.map((e) => [e.event, e.source, e.stepNo])).toEqual([["generated", "cli", null], ["time-edit", "sheet", 4], ["status", "sheet", 4]]);
  });
});
