// The second thread of the CLI's reader (read-worker.ts starts it): inflates and tokenizes one
// sheet part of a file and sends its cells to the main thread in batches (cell-batches.ts), at
// most a few ahead of what the main thread has taken, so memory stays flat however big the sheet.
// The main thread meanwhile turns the previous batches into rows, lots and positions: on two
// cores the XML and the analysis run side by side.

import { parentPort, workerData } from "worker_threads";
import { closeSync, fstatSync, openSync } from "fs";
import { openZipFile } from "./zip";
import { BatchingHandler, lastRowCut, type CellBatch } from "./cell-batches";
import { feedPart, type FeedText } from "./read-stream";
import { toReadError } from "./errors";
import type { TokenizerRest, XmlTokenizer } from "./xml";

export interface SheetJob {
  file: string;
  part: string;
  sheet: string;
}

/** A run of whole rows handed to the main thread to read itself, and where the document stands. */
export interface RowPiece extends TokenizerRest {
  text: string;
}

/** Batches (and row pieces) sent and not yet taken: enough to keep both threads busy, few enough to stay small. */
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
  await notTooFarAhead();
}

async function notTooFarAhead(): Promise<void> {
  while (sent - taken > AHEAD) await new Promise<void>((r) => (wake = r));
}

/**
 * The text of the sheet cut into runs of whole rows; each run read here or, when the main thread
 * has run out of work (it is waiting for the next batch), handed to it as text. On two cores the
 * worker's XML reading is the slower half: this lets the main thread take a share of it as its
 * load allows. A run is handed over only where this tokenizer stands between two rows of
 * <sheetData> with nothing left over, and holds no comment, CDATA or processing instruction (so
 * every `</row>` in it is a tag), so the main thread's tokenizer reads it exactly as this one would.
 * LOSSDESK_READ_HANDOFF=always hands over every run it can, =never none (tests);
 * LOSSDESK_READ_UNIT_CHARS cuts the text into runs of about that size (tests: small workbooks).
 */
function rowHandoff(handler: BatchingHandler): FeedText {
  const mode = process.env.LOSSDESK_READ_HANDOFF;
  const unit = Number(process.env.LOSSDESK_READ_UNIT_CHARS) || 0;
  let carry = "";
  const run = async (tokenizer: XmlTokenizer, s: string, last: boolean) => {
    const cut = last ? -1 : lastRowCut(s);
    if (cut <= 0) {
      // No cut in sight (the head, the end, a sheet without row numbers): read it all here.
      carry = "";
      tokenizer.write(s);
      return;
    }
    carry = s.slice(cut);
    const piece = s.slice(0, cut);
    const mainIdle = mode === "always" || (mode !== "never" && sent - taken <= 1);
    const rest = mainIdle && s.startsWith("<row") && piece.indexOf("<!") < 0 && piece.indexOf("<?") < 0 ? tokenizer.rest() : undefined;
    if (rest && rest.locals[rest.locals.length - 1] === "sheetData") {
      // The cells read so far go first: the main thread takes everything in order.
      await send(handler.take(true));
      const message: RowPiece = { ...rest, text: piece };
      port.postMessage({ type: "rows", piece: message });
      sent++;
      tokenizer.skip(piece.length);
      await notTooFarAhead();
    } else tokenizer.write(piece);
  };
  return async (tokenizer, text, last) => {
    let s = carry + text;
    carry = "";
    while (unit > 0 && s.length > unit) {
      await run(tokenizer, s.slice(0, unit), false);
      s = carry + s.slice(unit);
      carry = "";
    }
    await run(tokenizer, s, last);
  };
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
    }, rowHandoff(handler));
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
