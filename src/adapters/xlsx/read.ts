// Our own .xlsx reader, Node side: reading the file and opening the zip with zlib. The reader
// itself is platform-free and lives in read-core.ts (re-exported here, so existing imports of
// "adapters/xlsx/read" keep working); the browser preview uses read-core with zip-browser.

import { promises as fs } from "fs";
import { basename } from "path";
import type { WorkbookSnapshot } from "../../core/workbook";
import type { StreamWorkbook } from "../../core/stream-input";
import { openXlsxStream } from "./read-stream";
import { WorkbookReadError, readXlsxBytesWith } from "./read-core";
import { openZipNode } from "./zip";

export {
  WorkbookReadError, describeReadError, describeReadWarning, isDateFormatCode, parseIsoDate, readWorkbook, readXlsxBytesWith, resolveTarget, serialToDate,
} from "./read-core";
export type { LooksLike, ReadErrorCode, ReadWarning, ZipArchive } from "./read-core";

/** The file's bytes, or a WorkbookReadError saying plainly why it cannot be read. */
async function readFileBytes(path: string): Promise<Uint8Array> {
  try {
    return await fs.readFile(path);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why =
      e.code === "ENOENT" ? `no such file: ${path}` : e.code === "EACCES" || e.code === "EPERM" ? `permission denied: ${path}` : e.code === "EISDIR" ? `${path} is a folder` : `${path}: ${e.message ?? String(err)}`;
    throw new WorkbookReadError("file-unreadable", "", why);
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
 * The streaming reader on a file (the zip held compressed in memory, inflated piece by piece with
 * zlib on every pass): what `lossdesk analyze` reads with.
 */
export async function openXlsxFileStream(path: string): Promise<StreamWorkbook> {
  return openFile(path, openXlsxBytesStream);
}

/** The streaming reader over bytes already in memory (the package `--out` opened to check it). */
export function openXlsxBytesStream(bytes: Uint8Array): Promise<StreamWorkbook> {
  return openXlsxStream(bytes, openZipNode);
}

export async function readXlsxBytes(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  return readXlsxBytesWith(bytes, openZipNode);
}
