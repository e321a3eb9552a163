// The result JSON on its way to a file or stdout. Making the JSON text is the main thread's work;
// turning that text into UTF-8 and writing it (a fifth of the time after a big read: 75 MB for
// 200,000 lots) is done on a second thread, which is idle by then, so the two overlap. The main
// thread stays synchronous (writeResultJson calls write() in a loop): it hands each chunk over with
// postMessage and waits, on a shared counter, only when too many are still unwritten, so memory
// stays a few megabytes whatever the size. Errors of the writing thread (a full disk, a closed
// pipe) are thrown by the next write() or by close(), as the one-thread writer would throw them.
// Node only. Under jest (sources, no compiled worker) or with LOSSDESK_JSON_THREAD=0, one thread.

import fs from "fs";
import { MessageChannel, Worker, isMainThread, parentPort, receiveMessageOnPort, workerData, type MessagePort } from "worker_threads";

/**
 * fs.writeSync on a pipe (stdout into `| jq`) may write part of a chunk, or fail with EAGAIN when
 * the pipe is full; the rest of the JSON would be lost. Write until every byte is out.
 */
export function writeAllSync(fd: number, chunk: string): void {
  const buf = Buffer.from(chunk, "utf8");
  let off = 0;
  while (off < buf.length) {
    try {
      off += fs.writeSync(fd, buf, off, buf.length - off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5); // the reader is behind: wait a moment
    }
  }
}

export interface JsonSink {
  write(chunk: string): void;
  /** Everything written (or the first error thrown). */
  close(): Promise<void>;
  /** Stops without waiting: the JSON could not be made (the thread must not keep the process alive). */
  abort(): void;
}

/** Writes what `make` writes through a sink, closed or aborted whatever happens. */
export async function writeJson(fd: number, make: (write: (chunk: string) => void) => void): Promise<void> {
  const sink = jsonSink(fd);
  try {
    make((chunk) => sink.write(chunk));
  } catch (e) {
    sink.abort();
    throw e;
  }
  await sink.close();
}

/** Chunks (of about 1 MB) handed over and not yet written, at most. */
const AHEAD = 4;
/** Slots of the shared counter: chunks outstanding, and 1 once the writing thread failed. */
const OUTSTANDING = 0;
const FAILED = 1;

interface Job { fd: number; shared: SharedArrayBuffer; errors: MessagePort }
interface Failure { message: string; code?: string }

const SCRIPT = __filename.endsWith(".js") ? __filename : undefined;

export function jsonSink(fd: number): JsonSink {
  if (!SCRIPT || process.env.LOSSDESK_JSON_THREAD === "0") {
    return { write: (chunk) => writeAllSync(fd, chunk), close: async () => {}, abort: () => {} };
  }
  const shared = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const job: Job = { fd, shared: shared.buffer as SharedArrayBuffer, errors: port2 };
  const worker = new Worker(SCRIPT, { workerData: { lossdeskJsonSink: job }, transferList: [port2] });
  const exited = new Promise<void>((resolve, reject) => {
    worker.on("error", reject);
    worker.on("exit", () => resolve());
  });
  const rethrow = () => {
    void worker.terminate();
    const m = receiveMessageOnPort(port1)?.message as Failure | undefined;
    const err = new Error(m?.message ?? "writing the JSON failed") as NodeJS.ErrnoException;
    if (m?.code) err.code = m.code;
    throw err;
  };
  return {
    write(chunk) {
      for (;;) {
        if (Atomics.load(shared, FAILED) !== 0) rethrow();
        const n = Atomics.load(shared, OUTSTANDING);
        if (n < AHEAD) break;
        Atomics.wait(shared, OUTSTANDING, n, 1000);
      }
      Atomics.add(shared, OUTSTANDING, 1);
      worker.postMessage(chunk);
    },
    async close() {
      worker.postMessage(null);
      await exited;
      port1.close();
      if (Atomics.load(shared, FAILED) !== 0) rethrow();
    },
    abort() {
      void worker.terminate();
      port1.close();
    },
  };
}

// The writing thread: chunks in order, a null at the end.
if (!isMainThread && (workerData as { lossdeskJsonSink?: Job } | undefined)?.lossdeskJsonSink) {
  const job = (workerData as { lossdeskJsonSink: Job }).lossdeskJsonSink;
  const shared = new Int32Array(job.shared);
  parentPort!.on("message", (chunk: string | null) => {
    if (chunk === null) {
      job.errors.close();
      parentPort!.close();
      return;
    }
    if (Atomics.load(shared, FAILED) === 0) {
      try {
        writeAllSync(job.fd, chunk);
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        job.errors.postMessage({ message: err.message, code: err.code } satisfies Failure);
        Atomics.store(shared, FAILED, 1);
      }
    }
    Atomics.sub(shared, OUTSTANDING, 1);
    Atomics.notify(shared, OUTSTANDING);
  });
}
