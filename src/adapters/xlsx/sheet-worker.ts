// The second thread of the CLI's reader (read-worker.ts starts it): inflates and tokenizes one
// sheet part of a file and sends its cells to the main thread in batches (cell-batches.ts), at
// most a few ahead of what the main thread has taken, so memory stays flat however big the sheet.
// The main thread meanwhile turns the previous batches into rows, lots and positions: on two
// cores the XML and the analysis run side by side.

import { parentPort, workerData } from "worker_threads";
import { closeSync, fstatSync, openSync } from "fs";
import { openZipFile } from "./zip";
import { BatchingHandler, type CellBatch } from "./cell-batches";
import { feedPart } from "./read-stream";
import { toReadError } from "./errors";

export interface SheetJob {
  file: string;
  part: string;
  sheet: string;
}

/** Batches sent and not yet taken: enough to keep both threads busy, few enough to stay small. */
const AHEAD = 4;

const port = parentPort!;
const job = workerData as SheetJob;
let sent = 0;
let taken = 0;
let wake: (() => void) | undefined;
port.on("message", () => {
  taken++;
  wake?.();
  wake = undefined;
});

async function send(batches: CellBatch[]): Promise<void> {
  for (const b of batches) {
    port.postMessage({ type: "batch", batch: b }, [b.cells.buffer as ArrayBuffer]);
    sent++;
  }
  while (sent - taken > AHEAD) await new Promise<void>((r) => (wake = r));
}

async function run(): Promise<void> {
  let fd: number | undefined;
  let part = job.part;
  try {
    fd = openSync(job.file, "r");
    const zip = openZipFile(fd, fstatSync(fd).size);
    part = zip.resolve(job.part) ?? job.part;
    const handler = new BatchingHandler();
    await feedPart(zip, job.part, handler, async () => {
      await send(handler.take());
      return true;
    });
    await send(handler.take(true));
    port.postMessage({ type: "done" });
  } catch (err) {
    const e = toReadError(err, part, job.sheet);
    port.postMessage({ type: "error", code: e.code, part: e.part, detail: e.detail, extra: e.extra });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

void run();
