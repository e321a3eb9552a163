// Our own .xlsx reader, Node side: reading the file and opening the zip with zlib. The reader
// itself is platform-free and lives in read-core.ts (re-exported here, so existing imports of
// "adapters/xlsx/read" keep working); the browser preview uses read-core with zip-browser.

import { promises as fs } from "fs";
import type { WorkbookSnapshot } from "../../core/workbook";
import { WorkbookReadError, readXlsxBytesWith } from "./read-core";
import { openZipNode } from "./zip";

export {
  WorkbookReadError, describeReadError, isDateFormatCode, parseIsoDate, readWorkbook, readXlsxBytesWith, resolveTarget, serialToDate,
} from "./read-core";
export type { LooksLike, ReadErrorCode, ZipArchive } from "./read-core";

export async function readXlsxFile(path: string): Promise<WorkbookSnapshot> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why =
      e.code === "ENOENT" ? `no such file: ${path}` : e.code === "EACCES" || e.code === "EPERM" ? `permission denied: ${path}` : e.code === "EISDIR" ? `${path} is a folder` : `${path}: ${e.message ?? String(err)}`;
    throw new WorkbookReadError("file-unreadable", "", why);
  }
  return readXlsxBytes(bytes);
}

export async function readXlsxBytes(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  return readXlsxBytesWith(bytes, openZipNode);
}
