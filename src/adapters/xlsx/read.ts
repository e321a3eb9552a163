// Our own .xlsx reader, Node side: reading the file and opening the zip with zlib. The reader
// itself is platform-free and lives in read-core.ts (re-exported here, so existing imports of
// "adapters/xlsx/read" keep working); the browser preview uses read-core with zip-browser.

import { promises as fs } from "fs";
import { basename } from "path";
import type { WorkbookSnapshot } from "../../core/workbook";
import { WorkbookReadError, readXlsxBytesWith } from "./read-core";
import { openZipNode } from "./zip";

export {
  WorkbookReadError, describeReadError, describeReadWarning, isDateFormatCode, parseIsoDate, readWorkbook, readXlsxBytesWith, resolveTarget, serialToDate,
} from "./read-core";
export type { LooksLike, ReadErrorCode, ReadWarning, ZipArchive } from "./read-core";

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
  try {
    return await readXlsxBytes(bytes);
  } catch (err) {
    // "~$Holdings.xlsx" that does not read as a zip is Excel's lock file, whatever its bytes say.
    if (err instanceof WorkbookReadError && err.code === "not-zip" && /^~\$/.test(basename(path)) && err.looksLike !== "empty") {
      throw new WorkbookReadError("not-zip", "", `${basename(path)} is an Excel lock (owner) file, not a workbook`, { looksLike: "excel-lock-file" });
    }
    throw err;
  }
}

export async function readXlsxBytes(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  return readXlsxBytesWith(bytes, openZipNode);
}
