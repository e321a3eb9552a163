// Our own .xlsx reader, Node side: reading the file and opening the zip with zlib. The reader
// itself is platform-free and lives in read-core.ts (re-exported here, so existing imports of
// "adapters/xlsx/read" keep working); the browser preview uses read-core with zip-browser.

import { promises as fs, closeSync, fstatSync, openSync, readSync } from "fs";
import { basename } from "path";
import type { WorkbookSnapshot } from "../../core/workbook";
import type { StreamWorkbook } from "../../core/stream-input";
import { openWorkbookStream, openXlsxStream } from "./read-stream";
import { WorkbookReadError, readXlsxBytesWith } from "./read-core";
import { toReadError } from "./errors";
import { openZipFile, openZipNode } from "./zip";
import { threadBytes, workerSheetBatches } from "./read-worker";

export {
  WorkbookReadError, describeReadError, describeReadWarning, isDateFormatCode, parseIsoDate, readWorkbook, readXlsxBytesWith, resolveTarget, serialToDate,
} from "./read-core";
export type { LooksLike, ReadErrorCode, ReadWarning, ZipArchive } from "./read-core";

/** A WorkbookReadError saying plainly why the file cannot be read. */
function unreadable(path: string, err: unknown): WorkbookReadError {
  const e = err as NodeJS.ErrnoException;
  const why =
    e.code === "ENOENT" ? `no such file: ${path}` : e.code === "EACCES" || e.code === "EPERM" ? `permission denied: ${path}` : e.code === "EISDIR" ? `${path} is a folder` : `${path}: ${e.message ?? String(err)}`;
  return new WorkbookReadError("file-unreadable", "", why);
}

/** The file's bytes, or a WorkbookReadError saying plainly why it cannot be read. */
async function readFileBytes(path: string): Promise<Uint8Array> {
  try {
    return await fs.readFile(path);
  } catch (err) {
    throw unreadable(path, err);
  }
}

/** Opens the file's package with `open`; "~$Holdings.xlsx" that does not read as a zip is Excel's lock file. */
async function openFile<T>(path: string, open: (bytes: Uint8Array) => Promise<T>): Promise<T> {
  const bytes = await readFileBytes(path);
  try {
    return await open(bytes);
  } catch (err) {
    if (err instanceof WorkbookReadError && err.code === "not-zip" && /^~\$/.test(basename(path)) && err.looksLike !== "empty") {
      throw new WorkbookReadError("not-zip", "", `${basename(path)} is an Excel lock (owner) file, not a workbook`, { looksLike: "excel-lock-file" });
    }
    throw err;
  }
}

export async function readXlsxFile(path: string): Promise<WorkbookSnapshot> {
  return openFile(path, readXlsxBytes);
}

/**
 * The streaming reader on a file: what `lossdesk analyze` reads with. The file stays on disk and
 * open: the central directory and each part being read come from it a megabyte at a time, inflated
 * piece by piece with zlib on every pass (holding the file was 121 MB at 1,048,000 lots). Call
 * `close()` when done. A file that does not start like a zip is read whole, for the reader's
 * messages on what it is instead (a lock file, an .xls, a PDF...).
 */
export async function openXlsxFileStream(path: string): Promise<StreamWorkbook> {
  let fd: number;
  let size: number;
  try {
    fd = openSync(path, "r");
  } catch (err) {
    throw unreadable(path, err);
  }
  const head = new Uint8Array(2);
  try {
    const st = fstatSync(fd);
    size = st.size;
    if (st.isDirectory() || size < 22 || readSync(fd, head, 0, 2, 0) < 2 || head[0] !== 0x50 || head[1] !== 0x4b) {
      closeSync(fd);
      return openFile(path, openXlsxBytesStream);
    }
  } catch (err) {
    closeSync(fd);
    throw unreadable(path, err);
  }
  try {
    const wb = await openWorkbookStream(openZipFile(fd, size), { batches: workerSheetBatches(path), batchBytes: threadBytes() });
    let open = true;
    return { ...wb, close: () => { if (open) closeSync(fd); open = false; } };
  } catch (err) {
    closeSync(fd);
    throw toReadError(err);
  }
}

/** The streaming reader over bytes already in memory (the package `--out` opened to check it). */
export function openXlsxBytesStream(bytes: Uint8Array): Promise<StreamWorkbook> {
  return openXlsxStream(bytes, openZipNode);
}

export async function readXlsxBytes(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  return readXlsxBytesWith(bytes, openZipNode);
}
