// The browser preview's WorkbookHost, run in Node: Node 20 has the same DecompressionStream and
// Blob the browser has, so the host's browser zip inflater and its ExcelJS writer run here as they
// do in the page (the end-to-end test in test/e2e/ covers the real browser).

import fs from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { createPreviewHost, XLSX_MIME, type PreviewHost, type PreviewState } from "../src/preview/host";
import { readXlsxFile, readXlsxBytes } from "../src/adapters/xlsx/read";
import { openZipBrowser, browserInflater } from "../src/adapters/xlsx/zip-browser";
import { openZipNode } from "../src/adapters/xlsx/zip";
import { HostError } from "../src/host-api";
import { analyzeWorkbook, clientLossSheet, writeResultJson } from "../src/core/analysis";
import { buildOutputs } from "../src/core/outputs";
import { tableRows, type WorkbookSnapshot } from "../src/core/workbook";

const SAMPLE = path.join(__dirname, "..", "assets", "sample-lossdesk.xlsx");
const FIX = path.join(__dirname, "fixtures", "workbooks");
const sampleBytes = new Uint8Array(fs.readFileSync(SAMPLE));

function host(): PreviewHost {
  return createPreviewHost({ language: "zh-CN" });
}

function outputsFor(wb: WorkbookSnapshot) {
  const a = analyzeWorkbook(wb, {});
  return buildOutputs(a, wb, { locale: "zh-CN", generatedAt: "2026-11-28T09:00:00" }).outputs;
}

describe("browser zip inflater", () => {
  test("reads every part of the sample exactly as zlib does", async () => {
    const web = openZipBrowser(sampleBytes);
    const node = openZipNode(sampleBytes);
    expect(web.names()).toEqual(node.names());
    for (const name of node.names()) expect(await web.text(name)).toBe(await node.text(name));
  });

  test("damaged deflate data fails as a corrupt zip naming the entry", async () => {
    const broken = sampleBytes.slice();
    // Overwrite the middle of the file with garbage: some entry's compressed data breaks.
    for (let i = 2000; i < 2400; i++) broken[i] = 0xff;
    const web = openZipBrowser(broken);
    const failures: string[] = [];
    for (const name of web.names()) await web.text(name).catch((e: Error) => failures.push(e.message));
    expect(failures.length).toBeGreaterThan(0);
    expect(failures[0]).toMatch(/compressed data is damaged/);
  });

  test("inflates a stream larger than one chunk", async () => {
    const zlib = await import("zlib");
    const big = Buffer.alloc(3 * 1024 * 1024 + 17, "理财亏损");
    const out = await browserInflater.inflate(zlib.deflateRawSync(big));
    expect(Buffer.from(out).equals(big)).toBe(true);
  });
});

describe("preview host", () => {
  test("analyzeInput streams the input tables: the snapshot path's result, and a snapshot without the table sheets", async () => {
    const h = host();
    await h.open(sampleBytes, "sample-lossdesk.xlsx");
    const full = await readXlsxFile(SAMPLE);
    const want = analyzeWorkbook(full, { locale: "zh-CN" });
    const { analysis, snapshot } = await h.analyzeInput({ locale: "zh-CN" });
    // same clients, figures, tables and issues (cells named) as analysing the whole snapshot
    // (the lots' sheet and row come from the columnar store there, from Lot objects here: the JSON names the same cells)
    const json = (a: typeof want) => { let t = ""; writeResultJson(a, (c) => { t += c; }); return t; };
    expect(json(analysis)).toBe(json(want));
    const lossSheet = (a: typeof want) => { const m = clientLossSheet(a, "zh-CN"); return { ...m, rows: tableRows(m) }; };
    expect(lossSheet(analysis)).toEqual(lossSheet(want));
    expect(analysis.tables).toEqual(want.tables);
    expect(analysis.issues).toEqual(want.issues);
    expect(analysis.lotsAccepted).toBe(want.lotsAccepted);
    const tableSheets = new Set(want.tables.map((t) => t.sheet));
    expect(snapshot.sheets.map((s) => s.name)).toEqual(full.sheets.map((s) => s.name).filter((n) => !tableSheets.has(n)));
    expect(await h.readWorkbook()).toBe(snapshot);
    // written sheets join the snapshot; the input sheets stay out of it
    await h.writeSheets(buildOutputs(analysis, snapshot, { locale: "zh-CN", generatedAt: "2026-11-28T09:00:00" }).outputs);
    const after = await h.readWorkbook();
    expect(after.sheets.map((s) => s.name)).toContain("沟通草稿");
    expect(after.sheets.some((s) => tableSheets.has(s.name))).toBe(false);
    expect(h.state().sheets).toEqual(expect.arrayContaining([...tableSheets, "沟通草稿"]));
  });

  test("before a workbook is open, reads fail with a message the pane can show", async () => {
    const h = host();
    expect(h.kind).toBe("preview");
    await expect(h.readWorkbook()).rejects.toThrow(HostError);
    await expect(h.readWorkbook()).rejects.toThrow(/还没有打开工作簿/);
    expect(() => h.download()).toThrow(HostError);
  });

  test("open reads the workbook with the browser inflater: the same snapshot as the CLI's reader", async () => {
    const h = host();
    const seen: PreviewState[] = [];
    h.subscribe((s) => seen.push(s));
    await h.open(sampleBytes, "sample-lossdesk.xlsx");
    const snap = await h.readWorkbook();
    expect(snap).toEqual(await readXlsxFile(SAMPLE));
    expect(await h.readWorkbook()).toBe(snap);
    const st = h.state();
    expect(st.fileName).toBe("sample-lossdesk.xlsx");
    expect(st.sheets).toEqual(snap.sheets.map((s) => s.name));
    expect(st.written).toEqual([]);
    expect(st.busy).toBe(false);
    expect(seen.some((s) => s.busy)).toBe(true);
  });

  test("a file that is not a workbook: open rejects, and the pane's next read says why", async () => {
    const h = host();
    await h.open(sampleBytes, "sample.xlsx");
    const bad = new Uint8Array(fs.readFileSync(path.join(FIX, "not-really.xlsx")));
    await expect(h.open(bad, "not-really.xlsx")).rejects.toThrow(HostError);
    expect(h.state().openError).toMatch(/^无法读取 not-really\.xlsx：/);
    expect(h.state().sheets).toEqual([]);
    await expect(h.readWorkbook()).rejects.toThrow(h.state().openError!);
  });

  test("writeSheets adds the output sheets, keeps the input sheets, and later reads see them", async () => {
    const h = host();
    await h.open(sampleBytes, "sample-lossdesk.xlsx");
    const input = await h.readWorkbook();
    const out = outputsFor(input);
    const progress: number[] = [];
    const res = await h.writeSheets(out, (f) => progress.push(f));
    const expected = [...out.tables.map((t) => t.name), ...out.reports.flatMap((r) => [r.data.name, r.sheet.name])];
    expect(res.sheets).toEqual(expected);
    expect(res.sheets).toEqual(expect.arrayContaining(["亏损明细", "沟通草稿", "风险评估报告"]));
    expect(progress[progress.length - 1]).toBe(1);

    const after = await h.readWorkbook();
    expect(after.sheets.map((s) => s.name)).toEqual([...input.sheets.map((s) => s.name), ...expected]);
    // the input sheets read back cell for cell as they were
    for (const s of input.sheets) expect(after.sheets.find((x) => x.name === s.name)).toEqual(s);
    expect(h.state().written).toEqual(expected);

    // the download is the same workbook, as an .xlsx Blob with the derived name
    const blob = h.download();
    expect(blob.type).toBe(XLSX_MIME);
    expect(h.downloadName()).toBe("sample-lossdesk-lossdesk.xlsx");
    const downloaded = new Uint8Array(await blob.arrayBuffer());
    expect(await readXlsxBytes(downloaded)).toEqual(after);
    // and ExcelJS (another reader) opens it, with the report's charts in the package
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(downloaded) as unknown as ArrayBuffer);
    expect(wb.getWorksheet("风险评估报告")).toBeTruthy();
    const zip = openZipNode(downloaded);
    expect(zip.names().filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).length).toBe(out.reports[0].charts.length);
  });

  test("a cell edit after the report (a drill status) keeps the report's charts", async () => {
    const h = host();
    await h.open(sampleBytes, "sample-lossdesk.xlsx");
    const input = await h.readWorkbook();
    const out = outputsFor(input);
    await h.writeSheets(out);
    await h.writeCells!({ cells: [{ sheet: "亏损明细", address: "N5", value: "已联系" }], appends: [] });
    const downloaded = new Uint8Array(await h.download().arrayBuffer());
    const zip = openZipNode(downloaded);
    expect(zip.names().filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).length).toBe(out.reports[0].charts.length);
    const after = await readXlsxBytes(downloaded);
    expect(after.sheets.find((x) => x.name === "亏损明细")!.rows[4]![13]).toBe("已联系");
  });

  test("writing again replaces LossDesk's sheets in place instead of adding copies", async () => {
    const h = host();
    await h.open(sampleBytes, "s.xlsx");
    const input = await h.readWorkbook();
    await h.writeSheets(outputsFor(input));
    const once = (await h.readWorkbook()).sheets.map((s) => s.name);
    await h.writeSheets(outputsFor(await h.readWorkbook()));
    expect((await h.readWorkbook()).sheets.map((s) => s.name)).toEqual(once);
  });

  test("a cancelled write changes nothing", async () => {
    const h = host();
    await h.open(sampleBytes, "s.xlsx");
    const input = await h.readWorkbook();
    const before = h.bytes();
    const ctl = new AbortController();
    ctl.abort();
    await expect(h.writeSheets(outputsFor(input), undefined, ctl.signal)).rejects.toBeTruthy();
    expect(h.bytes()).toBe(before);
    expect(h.state().written).toEqual([]);

    // cancelled while the writer works: the checkpoint between steps stops it
    const ctl2 = new AbortController();
    const p = h.writeSheets(outputsFor(input), (f) => f >= 0.4 && ctl2.abort(), ctl2.signal);
    await expect(p).rejects.toBeTruthy();
    expect(h.bytes()).toBe(before);
  });

  test("settings: in memory, written into LossDesk's custom XML part, restored on open, never in the snapshot", async () => {
    const h = host();
    expect(await h.loadSettings()).toBeUndefined();
    await h.saveSettings('{"topClients":5}');
    await h.open(sampleBytes, "s.xlsx");
    const input = await h.readWorkbook();
    expect(await h.loadSettings()).toBe('{"topClients":5}');
    await h.writeSheets({ tables: [clientLossSheet(analyzeWorkbook(input), "zh-CN")], reports: [] });
    expect((await h.readWorkbook()).sheets.map((s) => s.name)).not.toContain("_lossdesk");
    expect(h.state().sheets).not.toContain("_lossdesk");

    const bytes = new Uint8Array(await h.download().arrayBuffer());
    const zip = openZipNode(bytes);
    // no settings sheet any more: a custom XML part in LossDesk's namespace
    expect((await readXlsxBytes(bytes)).sheets.map((s) => s.name)).not.toContain("_lossdesk");
    const items = zip.names().filter((n) => /^customXml\/item\d+\.xml$/.test(n));
    expect(items).toHaveLength(1);
    expect(await zip.text(items[0])).toBe('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<settings xmlns="urn:lossdesk:settings:1">{"topClients":5}</settings>');

    const again = host();
    await again.open(bytes, "s-lossdesk.xlsx");
    expect(await again.loadSettings()).toBe('{"topClients":5}');
    expect(again.state().sheets).not.toContain("_lossdesk");
  });

  test("settings of an earlier version's hidden _lossdesk sheet are still read (and the sheet left out)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(sampleBytes) as unknown as ArrayBuffer);
    const ws = wb.addWorksheet("_lossdesk");
    ws.state = "hidden";
    ws.getCell("A1").value = "key";
    ws.getCell("B1").value = "value";
    ws.getCell("A2").value = "settings";
    ws.getCell("B2").value = '{"topClients":7}';
    const old = new Uint8Array(await wb.xlsx.writeBuffer());
    const h = host();
    await h.open(old, "old.xlsx");
    expect(await h.loadSettings()).toBe('{"topClients":7}');
    expect(h.state().sheets).not.toContain("_lossdesk");
  });

  test("selectCell and activateSheet are recorded for the chrome", async () => {
    const h = host();
    await h.open(sampleBytes, "s.xlsx");
    const seen: (string | undefined)[] = [];
    h.subscribe((s) => seen.push(s.selection ? `${s.selection.sheet}!${s.selection.cell ?? ""}` : undefined));
    await h.selectCell("客户持仓", "D398");
    expect(h.state().selection).toEqual({ sheet: "客户持仓", cell: "D398" });
    await h.activateSheet("产品净值");
    expect(h.state().selection).toEqual({ sheet: "产品净值" });
    expect(seen).toEqual(["客户持仓!D398", "产品净值!"]);
  });

  test("the display language comes from the option (the page passes navigator.language)", () => {
    expect(createPreviewHost({ language: "en-US" }).displayLanguage()).toBe("en-US");
  });

  test("English messages under an English display language", async () => {
    await expect(createPreviewHost({ language: "en-GB" }).readWorkbook()).rejects.toThrow(/No workbook is open/);
  });
});

test("an .xlsm opened in the preview downloads as an .xlsm, its macros kept", async () => {
  const bytes = new Uint8Array(fs.readFileSync(path.join(__dirname, "fixtures", "graft", "macro.xlsm")));
  const h = host();
  await h.open(bytes, "宏.xlsm");
  const input = await h.readWorkbook();
  await h.writeSheets(outputsFor(input));
  expect(h.downloadName()).toBe("宏-lossdesk.xlsm");
  const blob = h.download();
  expect(blob.type).toBe("application/vnd.ms-excel.sheet.macroenabled.12"); // Blob lower-cases types
  const zip = openZipNode(new Uint8Array(await blob.arrayBuffer()));
  expect(Buffer.from(await concat(zip.chunks("xl/vbaProject.bin"))).equals(Buffer.from(await concat(openZipNode(bytes).chunks("xl/vbaProject.bin"))))).toBe(true);
});

async function concat(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}
