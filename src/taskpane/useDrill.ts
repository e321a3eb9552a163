// The drill open in this workbook, for the whole pane: the Drill step shows and changes it, and the
// analysis, drafts and report work completes its steps (beginActivity / stepForActivity).
//
// Every change (a status picked in the pane, the clock, the add-in's own work, an edit people make
// in the sheet) goes through one queue: each starts from the state the previous one left, so two
// quick changes never both start from the same state and lose one's log line. The workbook is
// the record; the state held here is the cache of it (see drill-session.ts).

import { useCallback, useEffect, useRef, useState } from "react";
import {
  applyStatusChange, beginActivity as coreBegin, startClock, stopClock, stepForActivity, wallClock,
  type Activity, type DrillState, type StepStatus,
} from "../core/drill";
import type { Issue } from "../core/sheet-address";
import type { Locale } from "../core/i18n";
import type { WorkbookSnapshot } from "../core/workbook";
import { HostError, type WatchedChange, type WorkbookHost } from "./host";
import { applySheetChange, commit, noChange, openDrill, watchArea, type DrillChange, type OpenDrill } from "./drill-session";
import { stringsFor } from "./strings";

export interface DrillApi {
  drill?: OpenDrill;
  /** What the last read said about the drill workbook (cells that could not be read, ...). */
  issues: Issue[];
  /** A read of the workbook for the drill is running. */
  loading: boolean;
  /** The workbook was looked at (so "no drill here" can be said). */
  looked: boolean;
  /** The last write or read that failed, in the pane's language. */
  error?: string;
  /** Cells people typed that could not be read (unknown status, not a time). */
  warnings: string[];
  /** The host reports people's edits in the sheet (Excel); else only the pane changes the drill. */
  watching: boolean;
  /** The last change, for the screen reader's live region. */
  announcement: string;
  open(): Promise<void>;
  /** Takes the drill from a snapshot the pane read anyway (the Data step), if it holds one. */
  detect(snap: WorkbookSnapshot): Promise<void>;
  setStatus(no: number, status: StepStatus): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The add-in starts / finished work that a drill step stands for; nothing when no drill is open. */
  begin(activity: Activity): Promise<void>;
  finish(activity: Activity): Promise<void>;
  dismissError(): void;
}

/** The drill's clock and steps are stamped in the drill's wall clock, to the minute. */
export const drillNow = (): Date => wallClock(new Date());

export function useDrill(host: WorkbookHost, locale: Locale): DrillApi {
  const [drill, setDrillState] = useState<OpenDrill>();
  const [issues, setIssues] = useState<Issue[]>([]);
  const [loading, setLoading] = useState(false);
  const [looked, setLooked] = useState(false);
  const [error, setError] = useState<string>();
  const [warnings, setWarnings] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const [watching, setWatching] = useState(false);

  const current = useRef<OpenDrill | undefined>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const localeRef = useRef(locale);
  localeRef.current = locale;

  const setDrill = useCallback((d: OpenDrill | undefined) => {
    current.current = d;
    setDrillState(d);
  }, []);

  const describe = (e: unknown): string => {
    const s = stringsFor(localeRef.current);
    return s.drillWriteFailed(e instanceof HostError || e instanceof Error ? e.message : String(e));
  };

  /** Reads the drill from the workbook (the record) into the cache. */
  const load = useCallback(async (snap?: WorkbookSnapshot) => {
    const r = openDrill(snap ?? (await host.readWorkbook()), localeRef.current);
    if (snap && !r.drill) return; // a snapshot read for the analysis that holds no drill: nothing to say
    setIssues(r.issues);
    setDrill(r.drill);
    setLooked(true);
  }, [host, setDrill]);

  const enqueue = useCallback((task: () => Promise<void>): Promise<void> => {
    const run = queue.current.then(task).catch(async (e: unknown) => {
      setError(describe(e));
      // A failed write may have landed in part: the workbook is the record, so read it again.
      try {
        if (current.current) await load();
      } catch {
        /* the error above already says what went wrong */
      }
    });
    queue.current = run;
    return run;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load]);

  /** Applies one change computed from the latest state and writes it; nothing when no drill is open. */
  const change = useCallback((make: (state: DrillState) => DrillChange, say?: (state: DrillState) => string) =>
    enqueue(async () => {
      const d = current.current;
      if (!d) return;
      const c = make(d.state);
      if (c.log.length === 0 && c.steps.length === 0) return;
      // shown at once (a picked status must not jump back while Excel writes); a failed write
      // re-reads the workbook (enqueue), so the pane never shows what the workbook does not hold
      setDrill({ ...d, state: c.state });
      setDrill(await commit(host, d, c, localeRef.current));
      if (say) setAnnouncement(say(c.state));
    }), [enqueue, host, setDrill]);

  const open = useCallback(() => enqueue(async () => {
    setLoading(true);
    setError(undefined);
    setWarnings([]);
    try {
      await load();
    } finally {
      setLoading(false);
    }
  }), [enqueue, load]);

  const detect = useCallback((snap: WorkbookSnapshot) => enqueue(() => load(snap)), [enqueue, load]);

  const setStatus = useCallback((no: number, status: StepStatus) => change(
    (st) => {
      const r = applyStatusChange(st, no, status, drillNow(), "pane");
      return r.step ? { state: r.state, log: r.log, steps: [{ no, status: true, writes: r.writes }] } : noChange(st);
    },
    () => stringsFor(localeRef.current).drillChanged(no, status),
  ), [change]);

  const start = useCallback(() => change((st) => ({ ...startClock(st, drillNow(), "pane"), steps: [] }),
    () => stringsFor(localeRef.current).drillClockStarted), [change]);
  const stop = useCallback(() => change((st) => ({ ...stopClock(st, drillNow(), "pane"), steps: [] }),
    () => stringsFor(localeRef.current).drillClockStopped), [change]);

  const activity = useCallback((fn: typeof coreBegin) => (a: Activity) => change((st) => {
    const r = fn(st, a, drillNow(), "addin");
    return r.step && r.stepNo !== undefined ? { state: r.state, log: r.log, steps: [{ no: r.stepNo, status: true, writes: r.writes }] } : noChange(st);
  }), [change]);
  const begin = useCallback((a: Activity) => activity(coreBegin)(a), [activity]);
  const finish = useCallback((a: Activity) => activity(stepForActivity)(a), [activity]);

  // ---- people's edits in the sheet ----

  const onSheetChange = useCallback((ch: WatchedChange) => enqueue(async () => {
    const d = current.current;
    if (!d) return;
    if (ch.resync) return load();
    const r = applySheetChange(d, ch.cells, drillNow(), localeRef.current);
    if (r.warnings.length > 0) setWarnings(r.warnings);
    setDrill({ ...d, state: r.change.state });
    setDrill(await commit(host, d, r.change, localeRef.current));
    if (r.resync) await load();
  }), [enqueue, host, load, setDrill]);
  const handler = useRef(onSheetChange);
  handler.current = onSheetChange;

  const area = drill ? watchArea(drill) : undefined;
  const areaKey = area ? JSON.stringify(area) : "";
  useEffect(() => {
    if (!area || !host.watchCells) return;
    let removed = false;
    let remove: (() => Promise<void>) | undefined;
    host.watchCells(area, (ch) => void handler.current(ch)).then(
      (r) => {
        if (removed) void r().catch(() => undefined);
        else { remove = r; setWatching(true); }
      },
      (e: unknown) => setError(describe(e)),
    );
    return () => {
      removed = true;
      setWatching(false);
      // the pane is closing or the drill moved: stop listening (a failure here leaves nothing to do)
      void remove?.().catch(() => undefined);
    };
    // the area by value: a new state object with the same cells must not re-register the handler
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host, areaKey]);

  return {
    drill, issues, loading, looked, error, warnings, watching, announcement,
    open, detect, setStatus, start, stop, begin, finish,
    dismissError: () => setError(undefined),
  };
}
