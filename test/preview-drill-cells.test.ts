// The preview's writeCells (src/preview/drill-cells.ts) on real .xlsx bytes: a drill workbook
// written by ExcelJS, changed through the pane's drill session by a host made the way the preview
// host is meant to wire it (bytes in, the grafting writer's cell edits, bytes out, read again by our reader), and
// read back as `lossdesk drill score` reads it.

import ExcelJS from "exceljs";
import { replaceTableSheet } from "../src/adapters/exceljs/sheets";
import { writeWorkbookBytes } from "../src/adapters/exceljs/report";
import { readXlsxBytes } from "../src/adapters/xlsx/read";
import { newDrillWorkbook, readDrillWorkbook, applyStatusChange, startClock } from "../src/core/drill";
import type { WorkbookSnapshot } from "../src/core/workbook";
import { editWorkbookBytes } from "../src/preview/drill-cells";
import { commit, openDrill } from "../src/taskpane/drill-session";
import type { CellEdits, WorkbookHost } from "../src/host-api";

const wall = (hh: number, mm: number) => new Date(Date.UTC(2026, 10, 30, hh, mm));

async function drillBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const m of newDrillWorkbook({ locale: "zh-CN", now: wall(8, 0) }).sheets) replaceTableSheet(wb, m);
  return writeWorkbookBytes(wb, []);
}

/** A host holding bytes, as the preview host does, with writeCells wired to drill-cells. */
function bytesHost(start: Uint8Array): WorkbookHost & { bytes(): Uint8Array } {
  let bytes = start;
  let snap: WorkbookSnapshot | undefined;
  return {
    kind: "preview",
    displayLanguage: () => "zh-CN",
    async readWorkbook() {
      return (snap ??= await readXlsxBytes(bytes));
    },
    async writeSheets() { throw new Error("not used"); },
    async selectCell() {},
    async activateSheet() {},
    async loadSettings() { return undefined; },
    async saveSettings() {},
    async writeCells(edits: CellEdits) {
      bytes = await editWorkbookBytes(bytes, edits);
      snap = await readXlsxBytes(bytes);
    },
    bytes: () => bytes,
  };
}

test("status changes and the clock land in the cells and the DrillLog table, and read back", async () => {
  const host = bytesHost(await drillBytes());
  let d = openDrill(await host.readWorkbook(), "zh-CN").drill!;

  const clock = startClock(d.state, wall(9, 0), "pane");
  d = await commit(host, d, { state: clock.state, log: clock.log, steps: [] }, "zh-CN");
  for (const [status, hh, mm] of [["in-progress", 9, 5], ["done", 9, 40]] as const) {
    const r = applyStatusChange(d.state, 3, status, wall(hh, mm), "pane");
    d = await commit(host, d, { state: r.state, log: r.log, steps: [{ no: 3, status: true, writes: r.writes }] }, "zh-CN");
  }

  const snap = await readXlsxBytes(host.bytes());
  const back = readDrillWorkbook(snap);
  expect(back.issues.filter((i) => i.severity === "error")).toEqual([]);
  const s3 = back.state!.steps[2];
  expect([s3.status, s3.startedAt, s3.completedAt, s3.startedManual, s3.completedManual]).toEqual(["done", wall(9, 5), wall(9, 40), false, false]);
  expect(back.state!.clock).toEqual({ startedAt: wall(9, 0), stoppedAt: null });
  expect(back.state!.log.map((e) => e.event)).toEqual(["generated", "clock-start", "status", "status"]);
  // the table grew by the three rows: found by its name, its ref covers them
  const log = snap.sheets.find((s) => s.name === "演练记录")!;
  expect(log.tables).toEqual([expect.objectContaining({ name: "DrillLog", ref: "A4:H8" })]);
  // the score line follows
  const drillTab = snap.sheets.find((s) => s.name === "演练")!;
  expect(String(drillTab.rows[2]![0])).toMatch(/^得分：.*完成 2\.4\/40/);
});

test("the rows land in the table's columns, wherever the table starts", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("记录");
  ws.addTable({ name: "DrillLog", ref: "C2", headerRow: true, columns: [{ name: "时间" }, { name: "事件" }], rows: [[wall(8, 0), "生成工作簿"]] });
  const bytes = await editWorkbookBytes(await writeWorkbookBytes(wb, []), {
    cells: [],
    appends: [{ sheet: "记录", tableName: "drilllog", rows: [[wall(9, 0), "演练开始"]], numFmts: ["yyyy-mm-dd hh:mm"] }],
  });
  const snap = await readXlsxBytes(bytes);
  const s = snap.sheets[0];
  expect(s.tables[0].ref).toBe("C2:D4");
  expect(s.rows[3]!.slice(2, 4)).toEqual([wall(9, 0), "演练开始"]);
});
