// One Excel.run's worth of queued work, synced in requests that stay small.
//
// Office.js queues every property set and method call on proxy objects and sends them with the
// next context.sync(); one sync is one round trip (on the web an HTTP request capped at 5 MB).
// Batch counts what has been queued so callers can sync every few thousand operations instead of
// once per cell (far too many round trips) or once per sheet (far too big a request), and it puts
// the "suspend until next sync" calls at the head of every write request.

import { cancelledError } from "./errors";
import type { Lang, Support } from "./support";

/** Queued operations per request: a format op is a few hundred bytes of JSON, so ~1 MB at most. */
export const OPS_PER_SYNC = 3000;

export class Batch {
  /** Operations queued since the last sync. */
  ops = 0;
  /** Syncs this batch made (for progress, tests and the support log). */
  syncs = 0;
  private begun = false;

  constructor(
    readonly context: Excel.RequestContext,
    readonly support: Support,
    readonly lang: Lang,
    readonly signal?: AbortSignal,
  ) {}

  /**
   * Call before queuing writes. The first write of each request is preceded by the suspend calls:
   * both last only until the next sync, so they are re-issued per request.
   */
  write(n = 1): void {
    if (!this.begun) {
      this.begun = true;
      const app = this.context.application;
      // no recalculation of dependent formulas while our values land (ExcelApi 1.6)
      if (this.support.suspendCalc) app.suspendApiCalculationUntilNextSync();
      // no repaint per request (ExcelApi 1.9); the sheet appears when the write is done
      if (this.support.screenUpdating) app.suspendScreenUpdatingUntilNextSync();
    }
    this.ops += n;
  }

  async sync(): Promise<void> {
    await this.context.sync();
    this.syncs++;
    this.ops = 0;
    this.begun = false;
  }

  /** Sync when the request has grown past `limit` operations. */
  async maybeSync(limit = OPS_PER_SYNC): Promise<void> {
    if (this.ops >= limit) await this.sync();
  }

  /** Throws the "cancelled" HostError when the pane's AbortSignal fired; called between requests. */
  checkAbort(): void {
    if (this.signal?.aborted) throw cancelledError(this.lang);
  }
}
