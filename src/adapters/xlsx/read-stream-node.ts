// The streaming .xlsx reader on a file, Node side (the zip held compressed in memory, inflated
// piece by piece with zlib on every pass).

import { promises as fs } from "fs";
import type { StreamWorkbook } from "../../core/stream-input";
import { WorkbookReadError } from "./errors";
import { openXlsxStream } from "./read-stream";
import { openZipNode } from "./zip";

export async function openXlsxFileStream(path: string): Promise<StreamWorkbook> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why =
      e.code === "ENOENT" ? `no such file: ${path}` : e.code === "EACCES" || e.code === "EPERM" ? `permission denied: ${path}` : e.code === "EISDIR" ? `${path} is a folder` : `${path}: ${e.message ?? String(err)}`;
    throw new WorkbookReadError("file-unreadable", "", why);
  }
  return openXlsxStream(bytes, openZipNode);
}
