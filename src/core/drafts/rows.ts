// The drafts sheet's generated rows held compactly until the writer asks for them.

import type { CellValue } from "../workbook";

/**
 * The generated rows of the drafts sheet without their draft text (which the writer's pass makes
 * again), column by column in typed arrays: 400,000 rows take a few MB. Texts that repeat (the
 * compliance verdict, the review reasons, the status) are held once and referred to by number;
 * what was typed on the previous sheet is kept for the rows that had a previous row only.
 */
export class DraftRows {
  readonly client: Int32Array;
  readonly channel: Uint8Array;
  readonly length: Int32Array;
  /** SMS segments, -1 for none (not an SMS). */
  readonly segments: Int32Array;
  /** Indices into `texts`, -1 for none. */
  readonly compliance: Int32Array;
  readonly review: Int32Array;
  readonly status: Int32Array;
  readonly typed = new Map<number, { reviewer: CellValue; reviewedAt: CellValue; notes: string | null }>();
  private readonly texts: string[] = [];
  private readonly textIndex = new Map<string, number>();
  count = 0;

  constructor(capacity: number) {
    this.client = new Int32Array(capacity);
    this.channel = new Uint8Array(capacity);
    this.length = new Int32Array(capacity);
    this.segments = new Int32Array(capacity);
    this.compliance = new Int32Array(capacity);
    this.review = new Int32Array(capacity);
    this.status = new Int32Array(capacity);
  }

  private ref(t: string | null): number {
    if (t === null) return -1;
    let i = this.textIndex.get(t);
    if (i === undefined) {
      i = this.texts.length;
      this.texts.push(t);
      this.textIndex.set(t, i);
    }
    return i;
  }

  text(i: number): string | null {
    return i < 0 ? null : this.texts[i];
  }

  push(r: {
    client: number; channel: number; length: number; segments: number | null; compliance: string; review: string | null; status: string;
    typed?: { reviewer: CellValue; reviewedAt: CellValue; notes: string | null };
  }): void {
    const i = this.count++;
    this.client[i] = r.client;
    this.channel[i] = r.channel;
    this.length[i] = r.length;
    this.segments[i] = r.segments ?? -1;
    this.compliance[i] = this.ref(r.compliance);
    this.review[i] = this.ref(r.review);
    this.status[i] = this.ref(r.status);
    if (r.typed) this.typed.set(i, r.typed);
  }
}
