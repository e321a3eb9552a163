// The CLI's reader on two threads: a whole pass over a big sheet is read by sheet-worker.ts on a
// worker thread while this thread analyses the rows already read. Node only; the preview and the
// Office host read on one thread. LOSSDESK_READ_THREADS=1 turns it off (the same results, slower);
// LOSSDESK_READ_THREAD_BYTES sets the part size from which a sheet goes to the thread (default 4 MB:
// a smaller sheet is read sooner than a thread starts; the tests set 0 to send every sheet there).

import * as fs from "fs";
import * as path from "path";
import { Worker } from "worker_threads";
import type { CellBatch } from "./cell-batches";
import type { SheetBatches } from "./read-stream";
import type { RowPiece, SheetJob } from "./sheet-worker";
import { WorkbookReadError, toReadError } from "./errors";
import { BatchingHandler } from "./cell-batches";
import { XmlError, XmlTokenizer } from "./xml";

/** The compiled worker beside this file (build/cli/...); absent when running from the TypeScript sources. */
const SCRIPT = path.join(__dirname, "sheet-worker.js");

type Message =
  | { type: "batch"; batch: CellBatch }
  | { type: "rows"; piece: RowPiece }
  | { type: "done" }
  | { type: "error"; code: WorkbookReadError["code"]; part: string; detail: string; extra: WorkbookReadError["extra"] };

/** The part size from which a whole pass is read on the thread, when the environment sets one. */
export function threadBytes(): number | undefined {
  const v = process.env.LOSSDESK_READ_THREAD_BYTES;
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

/**
 * Sheet batches of `file` read on a worker thread, or undefined where there is no worker to run
 * (from the sources under jest, unless `spawn` is given; or when turned off).
 */
export function workerSheetBatches(file: string, spawn?: (job: SheetJob) => Worker): SheetBatches | undefined {
  if (!spawn) {
    if (process.env.LOSSDESK_READ_THREADS === "1" || !fs.existsSync(SCRIPT)) return undefined;
    spawn = (job) => new Worker(SCRIPT, { workerData: job });
  }
  const start = spawn;
  return (part, sheet) => batchesOf(start({ file, part, sheet }), part, sheet);
}

async function* batchesOf(worker: Worker, part: string, sheet: string): AsyncGenerator<CellBatch> {
  const queue: Message[] = [];
  let failure: unknown;
  let exited = false;
  let wake: (() => void) | undefined;
  const poke = () => {
    wake?.();
    wake = undefined;
  };
  worker.on("message", (m: Message) => {
    queue.push(m);
    poke();
  });
  worker.on("error", (err) => {
    failure = err;
    poke();
  });
  worker.on("exit", () => {
    exited = true;
    poke();
  });
  try {
    for (;;) {
      while (queue.length === 0 && failure === undefined && !exited) await new Promise<void>((r) => (wake = r));
      const m = queue.shift();
      if (m === undefined) {
        const why = failure instanceof Error ? `${failure.name}: ${failure.message}` : "the reading thread stopped";
        throw new WorkbookReadError("internal", part, why, { sheet });
      }
      if (m.type === "done") return;
      if (m.type === "error") throw new WorkbookReadError(m.code, m.part, m.detail, m.extra);
      if (m.type === "rows") yield* rowsOf(m.piece, part, sheet);
      else yield m.batch;
      worker.postMessage(0); // taken: the worker may read one more ahead
    }
  } finally {
    // Done, failed, or the pass stopped early (a bounded table ends): the thread is not needed.
    void worker.terminate();
  }
}

/**
 * Rows the worker handed over as text (it does so when this thread is waiting): read here with
 * the worker's own cell parsing, so they come out as the worker's batches would have.
 */
function rowsOf(piece: RowPiece, part: string, sheet: string): CellBatch[] {
  const handler = new BatchingHandler();
  try {
    const tokenizer = XmlTokenizer.resume(handler, piece);
    tokenizer.write(piece.text);
    const after = tokenizer.rest();
    // Whole rows leave the document where they found it; anything else is malformed markup.
    if (!after || after.stack.join("\u0000") !== piece.stack.join("\u0000")) {
      throw new XmlError(`elements left open or closed across rows near character ${piece.at + piece.text.length}`);
    }
  } catch (err) {
    throw toReadError(err, part, sheet);
  }
  return handler.take(true);
}
