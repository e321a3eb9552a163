// The preview page's entry: a small chrome (open the sample or a local file, the workbook's sheets,
// the selection, download) around the real task pane, mounted with the same mountPane the Excel
// entry uses but on the in-memory preview host. No office.js here: the pane sees only the host.

import { StrictMode, useState, useSyncExternalStore, type ChangeEvent } from "react";
import { createPortal } from "react-dom";
import { createRoot } from "react-dom/client";
import { mountPane } from "../taskpane/mount";
import { createPreviewHost, type PreviewHost } from "./host";
import { isCellError, type CellValue, type SheetSnapshot } from "../core/workbook";
import { colIndex, colLetter } from "../core/sheet-address";

/** The bundled sample, served from the same origin as this page (webpack copies assets/). */
const SAMPLE_URL = "assets/sample-lossdesk.xlsx";
const SAMPLE_NAME = "sample-lossdesk.xlsx";

const TEXT = {
  "zh-CN": {
    title: "LossDesk 预览",
    tag: "浏览器预览：文件只在本页面内处理，不会上传",
    openSample: "打开示例",
    openFile: "打开 .xlsx 文件…",
    download: "下载工作簿",
    noFile: "未打开工作簿",
    sheets: "工作表",
    written: "LossDesk 写入",
    selected: "已选择",
    loading: "正在处理…",
    hint: "这里模拟 Excel：左边是当前工作簿的工作表，右边是真实的 LossDesk 任务窗格。在窗格中读取工作簿、运行分析、写入结果后，可下载包含结果的工作簿。",
    sampleFailed: "无法加载示例：",
  },
  "en-US": {
    title: "LossDesk preview",
    tag: "Browser preview: files stay in this page, nothing is uploaded",
    openSample: "Open sample",
    openFile: "Open .xlsx file…",
    download: "Download workbook",
    noFile: "No workbook open",
    sheets: "Sheets",
    written: "written by LossDesk",
    selected: "selected",
    loading: "Working…",
    hint: "This stands in for Excel: the current workbook's sheets on the left, the real LossDesk task pane on the right. Read the workbook, run the analysis and write the results in the pane, then download the workbook with the results.",
    sampleFailed: "Could not load the sample: ",
  },
};

function pickLanguage(): string {
  // ?lang=en-US overrides the browser's language (handy for screenshots and tests).
  const fromQuery = new URLSearchParams(location.search).get("lang");
  return fromQuery || navigator.language || "zh-CN";
}

/** The bar goes where the chrome's root is; the sheet list is portalled into the body's left column. */
function Chrome({ host, book, onOpened }: { host: PreviewHost; book: HTMLElement; onOpened: () => void }) {
  const state = useSyncExternalStore(host.subscribe, host.state);
  const [localError, setLocalError] = useState<string | undefined>();
  const t = TEXT[host.displayLanguage().toLowerCase().startsWith("en") ? "en-US" : "zh-CN"];

  async function open(load: () => Promise<{ bytes: Uint8Array; name: string }>, failPrefix = ""): Promise<void> {
    setLocalError(undefined);
    let file: { bytes: Uint8Array; name: string };
    try {
      file = await load();
    } catch (err) {
      setLocalError(failPrefix + (err instanceof Error ? err.message : String(err)));
      return;
    }
    // A new workbook gets a fresh pane, as Excel gives each workbook its own task pane.
    await host.open(file.bytes, file.name).catch(() => undefined); // the host keeps the reason: state.openError
    onOpened();
  }

  const openSample = () =>
    open(async () => {
      const res = await fetch(SAMPLE_URL);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return { bytes: new Uint8Array(await res.arrayBuffer()), name: SAMPLE_NAME };
    }, t.sampleFailed);

  const openLocal = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ""; // choosing the same file again must fire change again
    if (file) void open(async () => ({ bytes: new Uint8Array(await file.arrayBuffer()), name: file.name }));
  };

  const download = () => {
    const url = URL.createObjectURL(host.download());
    const a = document.createElement("a");
    a.href = url;
    a.download = host.downloadName();
    document.body.appendChild(a);
    a.click();
    a.remove();
    // Revoke later: revoking at once can cancel the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  const written = new Set(state.written.map((n) => n.toLowerCase()));
  const sel = state.selection;
  const error = localError ?? state.openError;
  const canDownload = state.sheets.length > 0 && !state.busy;

  return (
    <>
      <div className="pv-bar">
        <span className="pv-title">{t.title}</span>
        <span className="pv-tag">{t.tag}</span>
        <button type="button" data-testid="preview-open-sample" onClick={openSample} disabled={state.busy}>
          {t.openSample}
        </button>
        <label className="pv-file">
          {t.openFile}
          <input type="file" accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-testid="preview-file-input" onChange={openLocal} />
        </label>
        <span className="pv-name" data-testid="preview-file-name">
          {state.busy ? t.loading : (state.fileName ?? t.noFile)}
        </span>
        <button type="button" data-testid="preview-download" onClick={download} disabled={!canDownload}>
          {t.download}
        </button>
        <span className="pv-selection" data-testid="preview-selection" data-sheet={sel?.sheet ?? ""} data-cell={sel?.cell ?? ""}>
          {sel ? `${t.selected} ${sel.sheet}${sel.cell ? `!${sel.cell}` : ""}` : ""}
        </span>
        {error && (
          <div className="pv-error" role="alert" data-testid="preview-error">
            {error}
          </div>
        )}
      </div>
      {createPortal(
      <div className="pv-book">
        <h2>{t.sheets}</h2>
        <ul className="pv-sheets" data-testid="preview-sheets">
          {state.sheets.map((name) => {
            const isWritten = written.has(name.toLowerCase());
            return (
              <li
                key={name}
                data-sheet={name}
                data-written={isWritten ? "true" : "false"}
                data-active={sel?.sheet === name ? "true" : "false"}
                onClick={() => void host.activateSheet(name)}
              >
                {name}
                {isWritten && <span className="pv-new">{t.written}</span>}
              </li>
            );
          })}
        </ul>
        {sel && <CellView sheet={host.sheet(sel.sheet)} cell={sel.cell} />}
        <p className="pv-hint">{t.hint}</p>
      </div>,
      book,
      )}
    </>
  );
}

// ---- a read-only look at the selected sheet, around the selected cell ----

const VIEW_ROWS = 15;
const VIEW_COLS = 10;


function parseCell(ref: string | undefined): { row: number; col: number } | undefined {
  const m = ref ? /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref) : null;
  if (!m) return undefined;
  return { row: Number(m[2]) - 1, col: colIndex(m[1]) };
}

function shown(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, v.getUTCHours() || v.getUTCMinutes() ? 16 : 10).replace("T", " ");
  if (isCellError(v)) return v.error;
  return String(v);
}

/** What Excel would show around the cell the pane selected: the analyst sees the bad value. */
function CellView({ sheet, cell }: { sheet?: SheetSnapshot; cell?: string }) {
  if (!sheet) return null;
  const at = parseCell(cell);
  const top = at ? Math.max(0, at.row - Math.floor(VIEW_ROWS / 2)) : 0;
  const left = at ? Math.max(0, at.col - VIEW_COLS + 3) : 0;
  const rows = Array.from({ length: VIEW_ROWS }, (_, i) => top + i);
  const cols = Array.from({ length: VIEW_COLS }, (_, i) => left + i);
  return (
    <table className="pv-grid" data-testid="preview-grid" data-sheet={sheet.name}>
      <thead>
        <tr>
          <th />
          {cols.map((c) => (
            <th key={c}>{colLetter(c)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r}>
            <th>{r + 1}</th>
            {cols.map((c) => {
              const here = at !== undefined && at.row === r && at.col === c;
              return (
                <td key={c} className={here ? "pv-here" : undefined} data-cell={here ? `${colLetter(c)}${r + 1}` : undefined}>
                  {shown(sheet.rows[r]?.[c])}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function start(): void {
  const root = document.getElementById("preview-root");
  if (!root) throw new Error("preview.html has no #preview-root");
  const language = pickLanguage();
  document.documentElement.lang = language;
  const host = createPreviewHost({ language });

  const header = document.createElement("div");
  header.style.display = "contents";
  const body = document.createElement("div");
  body.className = "pv-body";
  const book = document.createElement("div");
  book.style.display = "contents";
  const paneFrame = document.createElement("div");
  paneFrame.className = "pv-pane";
  body.append(book, paneFrame);
  root.append(header, body);

  let unmount: (() => void) | undefined;
  const mount = (): void => {
    unmount?.();
    paneFrame.replaceChildren();
    const el = document.createElement("div");
    paneFrame.appendChild(el);
    const handle: unknown = mountPane(el, host);
    unmount = unmountOf(handle);
  };

  // The chrome's bar and sheet list render into one React root; the pane has its own (mountPane).
  const chromeRoot = createRoot(header);
  chromeRoot.render(
    <StrictMode>
      <Chrome host={host} book={book} onOpened={mount} />
    </StrictMode>,
  );
  mount();
  // For the end-to-end test and for poking at the host from the console.
  (window as unknown as { lossdeskPreview?: PreviewHost }).lossdeskPreview = host;
}

/** mountPane may return an unmount function or a React root; either way, how to take it down. */
function unmountOf(handle: unknown): (() => void) | undefined {
  if (typeof handle === "function") return handle as () => void;
  if (handle && typeof (handle as { unmount?: unknown }).unmount === "function") return () => (handle as { unmount: () => void }).unmount();
  return undefined;
}

start();
