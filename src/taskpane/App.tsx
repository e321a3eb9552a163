// The task pane: six steps in the order an analyst works (data, analysis, drafts, report, drill,
// settings). It owns the state that crosses steps (the snapshot, the analysis, the settings, the
// one long job that may be running, the drill open in this workbook) and reaches the workbook only
// through the WorkbookHost.

import { Component, type JSX, type ReactNode, Suspense, lazy, useCallback, useEffect, useRef, useState } from "react";
import {
  Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, Field, Spinner, Tab, TabList, Title3,
  makeStyles, tokens,
} from "@fluentui/react-components";
import { ArrowSync20Regular, Dismiss20Regular } from "@fluentui/react-icons";
import { Analysis, analyzeParsed, readInput } from "../core/analysis";
import { InputFatalError } from "../core/input";
import type { Locale } from "../core/i18n";
import { describeReadWarning, type WorkbookSnapshot } from "../core/workbook";
import { localDateTime } from "../core/contact";
import { HostError, Progress, WorkbookHost } from "./host";
import { Strings, localeOf, stringsFor } from "./strings";
import { DEFAULT_SETTINGS, PaneSettings, bankOf, parseSettings, resolveLocale, scoringOf, settingsJson } from "./settings";
import { DataStep } from "./DataStep";
import { AnalysisStep } from "./AnalysisStep";
import { ReportStep, WriteResult } from "./ReportStep";
import type { startLiveEvent } from "./EventPanel";
import type { RegulatorReportKind } from "../core/event";
import { isLiveEventSteps } from "../core/event/text";
import { SettingsStep } from "./SettingsStep";
import { DrillStep } from "./DrillStep";
import { drillNow, useDrill } from "./useDrill";
import { stepForActivity } from "../core/drill/logic";

// The compliance check (its rules, its model and opencc's traditional-to-simplified dictionary) and
// what needs it, the drafts, the sheets' builders and the live event, were 151 KB of the pane's 403 KB
// gzipped, and are needed only after a workbook is analysed. They load with import() (webpack.config.js keeps them out of the initial chunks),
// and begin to load as soon as a workbook has been analysed, so the step is there when opened.
const loadDrafts = () => import("./DraftsStep");
const loadEvent = () => import("./EventPanel");
const loadOutputs = () => import("../core/outputs");
const DraftsStep = lazy(() => loadDrafts().then((m) => ({ default: m.DraftsStep })));
const EventPanel = lazy(() => loadEvent().then((m) => ({ default: m.EventPanel })));
const preload = () => Promise.all([loadDrafts(), loadEvent(), loadOutputs()]).catch(() => {
  // a failed preload is reported when the step itself is opened (StepBoundary)
});

/** A step whose code could not be loaded says so, instead of taking the whole pane down. */
class StepBoundary extends Component<{ s: Strings; children: ReactNode }, { error?: string }> {
  override state: { error?: string } = {};
  static getDerivedStateFromError(e: unknown) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  override render() {
    if (this.state.error === undefined) return this.props.children;
    return <MessageBar intent="error" layout="multiline" data-testid="step-load-failed"><MessageBarBody>{this.props.s.stepLoadFailed(this.state.error)}</MessageBarBody></MessageBar>;
  }
}

type StepKey = "data" | "analysis" | "drafts" | "report" | "drill" | "settings";
const STEPS: StepKey[] = ["data", "analysis", "drafts", "report", "drill", "settings"];
const STEP_LABEL: Record<StepKey, keyof Strings> = {
  data: "tabData", analysis: "tabAnalysis", drafts: "tabDrafts", report: "tabReport", drill: "tabDrill", settings: "tabSettings",
};

interface Job {
  label: string;
  /** 0..1; undefined shows an indeterminate bar (the synchronous core gives no fractions). */
  fraction?: number;
  controller: AbortController;
}

type Message =
  | { kind: "error"; title: string; lines: string[]; hint?: string }
  | { kind: "info" | "success"; text: string };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: 0 },
  progress: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  grow: { flex: 1, minWidth: 0 },
  lines: { margin: 0, paddingLeft: "18px" },
});

/**
 * Let the browser paint (the progress bar) before work that blocks the thread: the synchronous
 * core, or a host that parses on the main thread. A frame, then a task; the timeout because a
 * hidden pane gets no animation frames.
 */
const yieldToPaint = () =>
  new Promise<void>((resolve) => {
    const fallback = setTimeout(resolve, 50);
    if (typeof requestAnimationFrame === "function") {
      requestAnimationFrame(() => { clearTimeout(fallback); setTimeout(resolve); });
    }
  });

function abortError(): Error {
  return typeof DOMException === "function" ? new DOMException("Aborted", "AbortError") : Object.assign(new Error("Aborted"), { name: "AbortError" });
}

/** A host call that stops waiting when the user cancels, even if the host itself ignores the signal. */
function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(abortError());
    const onAbort = () => reject(abortError());
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function checkAborted(signal: AbortSignal): void {
  if (signal.aborted) throw abortError();
}

const isAbort = (e: unknown) => e instanceof Error && e.name === "AbortError";

function errorMessage(e: unknown, s: Strings): Message {
  if (e instanceof InputFatalError) return { kind: "error", title: s.fatalTitle, lines: e.problems, hint: s.fatalHint };
  // A host's message is already written for the user, in the pane's language.
  if (e instanceof HostError) return { kind: "error", title: s.errorTitle, lines: [e.message] };
  return { kind: "error", title: s.errorTitle, lines: [s.unexpected(e instanceof Error ? e.message : String(e))] };
}

export function App(props: { host: WorkbookHost; locale?: "zh-CN" | "en-US" }): JSX.Element {
  const { host } = props;
  const styles = useStyles();
  const [settings, setSettings] = useState<PaneSettings>(DEFAULT_SETTINGS);
  const locale: Locale = resolveLocale(settings.locale, props.locale ?? localeOf(host.displayLanguage()));
  const s = stringsFor(locale);

  const [step, setStep] = useState<StepKey>("data");
  const [snapshot, setSnapshot] = useState<WorkbookSnapshot>();
  const [analysis, setAnalysis] = useState<Analysis>();
  // The generation time the drafts count from: set by an analysis, renewed when the sheets are written.
  const [generatedAt, setGeneratedAt] = useState(() => localDateTime(new Date()));
  const [stale, setStale] = useState(false);
  const [job, setJob] = useState<Job>();
  const [message, setMessage] = useState<Message>();
  const [written, setWritten] = useState<WriteResult>();
  // the live event: which regulator report the Report button writes (undefined: as the sheet has it)
  const [regulatorKind, setRegulatorKind] = useState<RegulatorReportKind>();
  // The drill open in this workbook (if any): its steps are completed by the work below.
  const drill = useDrill(host, locale);

  // Latest values for async work started earlier (a job must use the settings of when it runs).
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const localeRef = useRef(locale);
  localeRef.current = locale;
  const jobRef = useRef<AbortController | undefined>(undefined);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Settings travel with the workbook: load them once; a read waits for them (as-of, weights).
  const settingsLoaded = useRef<Promise<void> | undefined>(undefined);
  useEffect(() => {
    settingsLoaded.current = host.loadSettings().then(
      (json) => {
        const { settings: loaded, ok } = parseSettings(json);
        settingsRef.current = loaded;
        setSettings(loaded);
        if (!ok) setMessage({ kind: "info", text: stringsFor(resolveLocale(loaded.locale, localeRef.current)).settingsLoadFailed });
      },
      () => undefined, // settings that can't be loaded: the defaults stand
    );
  }, [host]);
  useEffect(() => () => clearTimeout(saveTimer.current), []);
  // Once there is an analysis the Drafts step and the sheets are next: fetch their code now.
  const analysed = analysis !== undefined;
  useEffect(() => {
    if (analysed) void preload();
  }, [analysed]);

  const changeSettings = useCallback((next: PaneSettings) => {
    settingsRef.current = next;
    setSettings(next);
    setStale((was) => was || analysis !== undefined);
    // Typing a weight changes it on every keystroke: save once the typing pauses.
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => {
      host.saveSettings(settingsJson(next)).catch((e: unknown) =>
        setMessage({ kind: "error", title: s.errorTitle, lines: [s.settingsSaveFailed(e instanceof Error ? e.message : String(e))] }));
    }, 300);
  }, [analysis, host, s]);

  /** Run one long step: progress bar, cancel button, errors in plain words. One at a time. */
  const runJob = useCallback(async (label: string, work: (progress: Progress, signal: AbortSignal, relabel: (l: string) => void) => Promise<void>) => {
    if (jobRef.current) return;
    const controller = new AbortController();
    jobRef.current = controller;
    setMessage(undefined);
    setJob({ label, controller });
    const update = (patch: Partial<Job>) => setJob((j) => (j && j.controller === controller ? { ...j, ...patch } : j));
    const progress: Progress = (fraction, l) => {
      if (!controller.signal.aborted) update({ fraction: Math.max(0, Math.min(1, fraction)), ...(l ? { label: l } : {}) });
    };
    try {
      await yieldToPaint();
      checkAborted(controller.signal);
      await work(progress, controller.signal, (l) => update({ label: l, fraction: undefined }));
    } catch (e) {
      const st = stringsFor(localeRef.current);
      setMessage(controller.signal.aborted || isAbort(e) ? { kind: "info", text: st.cancelled } : errorMessage(e, st));
    } finally {
      jobRef.current = undefined;
      setJob(undefined);
    }
  }, []);

  /** Parse and analyse a snapshot with the current settings. */
  const analyse = useCallback(async (snap: WorkbookSnapshot, signal: AbortSignal) => {
    // During a drill, running the analysis is the drill's analysis step (nothing when no drill is open).
    void drill.begin("analysis-run");
    await yieldToPaint();
    checkAborted(signal);
    const st = settingsRef.current;
    let parsed;
    try {
      parsed = readInput(snap, { asOf: st.asOf, locale: localeRef.current });
    } catch (e) {
      // The results shown must never be those of another workbook or another as-of date.
      setAnalysis(undefined);
      setStale(false);
      throw e;
    }
    await yieldToPaint();
    checkAborted(signal);
    const a = analyzeParsed(parsed, { scoring: scoringOf(st) });
    setGeneratedAt(localDateTime(new Date()));
    setAnalysis(a);
    setStale(false);
    void drill.finish("analysis-run");
  }, [drill.begin, drill.finish]);

  /**
   * A host that streams (the preview): it analyses the input tables from the bytes and hands back
   * a snapshot of the other sheets only, so the pane never holds every cell of a big workbook.
   */
  const analyseStreamed = useCallback(async (signal: AbortSignal, progress?: Progress, detect = false) => {
    await yieldToPaint();
    checkAborted(signal);
    const st = settingsRef.current;
    let r;
    try {
      r = await abortable(host.analyzeInput!({ asOf: st.asOf, locale: localeRef.current, scoring: scoringOf(st) }, progress, signal), signal);
    } catch (e) {
      setAnalysis(undefined);
      setStale(false);
      throw e;
    }
    checkAborted(signal);
    setSnapshot(r.snapshot);
    // A drill workbook: open its drill from this read first, so the analysis completes its step.
    if (detect) await drill.detect(r.snapshot);
    void drill.begin("analysis-run");
    setGeneratedAt(localDateTime(new Date()));
    setAnalysis(r.analysis);
    setStale(false);
    void drill.finish("analysis-run");
    return r.snapshot;
  }, [host, drill.begin, drill.finish, drill.detect]);

  const onRead = () =>
    runJob(s.reading, async (progress, signal, relabel) => {
      await settingsLoaded.current;
      if (host.analyzeInput) {
        relabel(stringsFor(localeRef.current).analysing);
        await analyseStreamed(signal, progress, true);
        setWritten(undefined);
        return;
      }
      const snap = await abortable(host.readWorkbook(progress, signal), signal);
      checkAborted(signal);
      setSnapshot(snap);
      setWritten(undefined);
      // A drill workbook: open its drill from this read, so the analysis below completes its step.
      void drill.detect(snap);
      relabel(stringsFor(localeRef.current).analysing);
      await analyse(snap, signal);
    });

  const onRerun = () => {
    if (!snapshot) return;
    if (host.analyzeInput) runJob(s.analysing, async (p, signal) => { await analyseStreamed(signal, p); });
    else runJob(s.analysing, async (_p, signal) => analyse(snapshot, signal));
  };

  const onWrite = () =>
    runJob(s.reading, async (progress, signal, relabel) => {
      if (!analysis) return;
      // Read the workbook again: people type statuses and notes into the drafts sheet and text
      // into the report after the first read, and the writer carries over what is in `wb`.
      const fresh = await abortable(host.readWorkbook(progress, signal), signal);
      checkAborted(signal);
      setSnapshot(fresh);
      relabel(s.building);
      await yieldToPaint();
      checkAborted(signal);
      // One moment for the sheets and the pane's Drafts step (which follows it from now on).
      const now = localDateTime(new Date());
      setGeneratedAt(now);
      const { buildOutputs } = await loadOutputs();
      checkAborted(signal);
      // On a live event the regulator report is built from the checklist as this write leaves it,
      // the drafts step done (as the CLI does), so the next write does not change what was approved.
      const open = drill.drill;
      const liveEvent = open && isLiveEventSteps(open.read.found.steps?.sheet) ? stepForActivity(open.state, "drafts-written", drillNow()).state : undefined;
      const built = buildOutputs(analysis, fresh, {
        locale, generatedAt: now, topClients: settingsRef.current.topClients, ...bankOf(settingsRef.current), regulatorReport: regulatorKind, liveEvent,
      });
      relabel(s.writing);
      void drill.begin("drafts-written");
      void drill.begin("report-written");
      const result = await abortable(host.writeSheets(built.outputs, progress, signal), signal);
      // the drafts and the report are in the workbook: their drill steps are done; on a live event
      // the written report is done only once the regulator report stands approved (审定)
      void drill.finish("drafts-written");
      if (built.regulatorApproved || !isLiveEventSteps(drill.drill?.read.found.steps?.sheet)) void drill.finish("report-written");
      const report = built.outputs.reports[0]?.sheet.name;
      if (report) await host.activateSheet(report);
      setWritten({ sheets: result.sheets, draftsAdded: built.draftsAdded, draftsDropped: built.draftsDropped, issues: built.issues });
    });

  const onStartEvent = (deadlines: Parameters<typeof startLiveEvent>[2]) =>
    runJob(s.writing, async (progress, signal) => {
      const { startLiveEvent } = await loadEvent();
      const fresh = await startLiveEvent(host, locale, deadlines, progress, signal);
      setSnapshot(fresh);
      void drill.detect(fresh);
    });

  const selectCell = (sheet: string, cell: string) => {
    host.selectCell(sheet, cell).catch((e: unknown) => setMessage(errorMessage(e, s)));
  };
  const activateSheet = (sheet: string) => {
    host.activateSheet(sheet).catch((e: unknown) => setMessage(errorMessage(e, s)));
  };

  const busy = job !== undefined;
  const loading = <Spinner size="small" label={s.loadingStep} data-testid="step-loading" />;
  const needData = <MessageBar intent="info" layout="multiline"><MessageBarBody>{s.needData}</MessageBarBody></MessageBar>;

  return (
    <div className={styles.root} data-testid="lossdesk-pane" lang={locale}>
      <Title3 as="h1">{s.appTitle}</Title3>

      <TabList selectedValue={step} onTabSelect={(_, d) => setStep(d.value as StepKey)} aria-label={s.stepsLabel} size="small">
        {STEPS.map((k) => (
          <Tab key={k} value={k} id={`lossdesk-tab-${k}`} data-testid={`tab-${k}`} aria-controls="lossdesk-panel">
            {s[STEP_LABEL[k]] as string}
          </Tab>
        ))}
      </TabList>

      {job && (
        <div className={styles.progress}>
          <Field className={styles.grow} label={job.fraction !== undefined ? `${job.label} ${Math.round(job.fraction * 100)}%` : job.label}>
            <ProgressBar value={job.fraction} thickness="large" data-testid="progress" />
          </Field>
          <Button onClick={() => job.controller.abort()} icon={<Dismiss20Regular />} data-testid="cancel">{s.cancel}</Button>
        </div>
      )}

      {message && (message.kind === "error" ? (
        <MessageBar intent="error" layout="multiline" data-testid="error-message">
          <MessageBarBody>
            <MessageBarTitle>{message.title}</MessageBarTitle>
            {message.lines.length === 1 ? message.lines[0] : (
              <ul className={styles.lines}>{message.lines.map((l, i) => <li key={i}>{l}</li>)}</ul>
            )}
            {message.hint && <div>{message.hint}</div>}
          </MessageBarBody>
          <MessageBarActions containerAction={
            <Button appearance="transparent" aria-label={s.dismiss} icon={<Dismiss20Regular />} onClick={() => setMessage(undefined)} />
          } />
        </MessageBar>
      ) : (
        <MessageBar intent={message.kind} layout="multiline" data-testid="status-message">
          <MessageBarBody>{message.text}</MessageBarBody>
          <MessageBarActions containerAction={
            <Button appearance="transparent" aria-label={s.dismiss} icon={<Dismiss20Regular />} onClick={() => setMessage(undefined)} />
          } />
        </MessageBar>
      ))}

      {stale && analysis && (
        <MessageBar intent="warning" layout="multiline" data-testid="stale">
          <MessageBarBody>{s.stale}</MessageBarBody>
          <MessageBarActions>
            <Button icon={<ArrowSync20Regular />} onClick={onRerun} disabled={busy} data-testid="rerun">{s.rerun}</Button>
          </MessageBarActions>
        </MessageBar>
      )}

      <div role="tabpanel" id="lossdesk-panel" aria-labelledby={`lossdesk-tab-${step}`}>
        <StepBoundary s={s} key={step}>
          <Suspense fallback={loading}>
            {step === "data" && (
              <DataStep
                s={s} locale={locale} analysis={analysis} busy={busy}
                asOf={settings.asOf ?? analysis?.asOf ?? ""}
                onAsOf={(asOf) => changeSettings({ ...settingsRef.current, asOf })}
                onRead={onRead}
                onSelectCell={selectCell}
                readWarnings={snapshot?.warnings?.map((w) => describeReadWarning(w, locale))}
              />
            )}
            {step === "analysis" && (analysis ? <AnalysisStep s={s} locale={locale} analysis={analysis} /> : needData)}
            {step === "drafts" && (analysis
              ? <DraftsStep s={s} locale={locale} analysis={analysis} snapshot={snapshot} generatedAt={generatedAt} bank={bankOf(settings)} onSelectCell={selectCell} />
              : needData)}
            {step === "report" && (analysis
              ? <>
                <ReportStep s={s} busy={busy} result={written} onWrite={onWrite} onSelectCell={selectCell} onActivateSheet={activateSheet} />
                <Suspense fallback={loading}>
                  <EventPanel locale={locale} analysis={analysis} snapshot={snapshot} busy={busy} kind={regulatorKind} onKind={setRegulatorKind}
                    onStart={onStartEvent} onSelectCell={selectCell} />
                </Suspense>
              </>
              : needData)}
            {step === "drill" && <DrillStep s={s} locale={locale} drill={drill} onSelectCell={selectCell} />}
            {step === "settings" && (
              <SettingsStep
                s={s} locale={locale} settings={settings}
                onChange={changeSettings}
                onReset={() => changeSettings({
                  ...settingsRef.current,
                  weights: { ...DEFAULT_SETTINGS.weights },
                  thresholds: { ...DEFAULT_SETTINGS.thresholds },
                  topClients: DEFAULT_SETTINGS.topClients,
                })}
              />
            )}
          </Suspense>
        </StepBoundary>
      </div>
    </div>
  );
}
