// The zip layer for the browser: the platform-free parsing of zip-core.ts with an inflater built on
// DecompressionStream("deflate-raw") (Chromium 103+, Safari 16.4+, Firefox 113+, Node 20). No
// Node import here, so the preview bundle does not need zlib polyfills.

import { MemoryZipArchive, type RawInflater, type ZipArchive } from "./zip-core";

function decompressed(first: Uint8Array, input: Iterator<Uint8Array>): ReadableStream<Uint8Array> {
  let head: Uint8Array | undefined = first;
  // A pull source rather than one big enqueue: the decompressor asks for the next piece only when
  // it has room, which keeps a 100 MB sheet from being inflated all at once ahead of the parser.
  const source = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (head) {
        controller.enqueue(head);
        head = undefined;
        return;
      }
      const next = input.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
  // The DOM typings declare the stream types slightly differently from what pipeThrough expects
  // for Uint8Array<ArrayBufferLike>; the runtime objects are the standard ones.
  return source.pipeThrough(new DecompressionStream("deflate-raw") as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
}

export const browserInflater: RawInflater = {
  async inflate(data: Uint8Array): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    let total = 0;
    for await (const piece of browserInflater.inflateChunks(data.length > 0 ? [data] : [])) {
      parts.push(piece);
      total += piece.length;
    }
    if (parts.length === 1) return parts[0];
    const out = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  },

  async *inflateChunks(pieces: Iterable<Uint8Array>): AsyncIterable<Uint8Array> {
    // An empty deflate stream is not valid deflate, but some writers store empty parts that way.
    const input = pieces[Symbol.iterator]();
    let first = input.next();
    while (!first.done && first.value.length === 0) first = input.next();
    if (first.done) return;
    const reader = decompressed(first.value, input).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        if (value && value.length > 0) yield value;
      }
    } finally {
      // Stop the decompressor if the consumer gave up early (a parse error, a cancelled read).
      reader.cancel().catch(() => undefined);
    }
  },
};

/** Opens an in-memory zip with the browser's decompressor. Throws ZipError. */
export function openZipBrowser(bytes: Uint8Array): ZipArchive {
  return new MemoryZipArchive(bytes, browserInflater);
}
