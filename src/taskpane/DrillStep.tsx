// Step 6: the emergency drill (应急演练) in this workbook: the clock, every step with its owner,
// status and time against its target, the progress and the score with its parts. Statuses are
// changed here or in the sheet; either way the times are stamped and a log row is written
// (useDrill / drill-session). Times are the drill's wall clock, as the sheet shows them.

import { useEffect, useMemo, useState } from "react";
import {
  Badge, Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, Select, Subtitle2, Text,
  makeStyles, tokens,
} from "@fluentui/react-components";
import { ArrowSync20Regular, Dismiss20Regular, Play20Regular, Stop20Regular } from "@fluentui/react-icons";
import {
  eventLabel, PHASE_LABEL, STATUSES, STATUS_LABEL, elapsedMinutes, formatWall, scoreDrill,
  type DrillLogEntry, type DrillStep as Step, type StepStatus,
} from "../core/drill";
import type { Locale } from "../core/i18n";
import type { Strings } from "./strings";
import { IssueSection } from "./IssueLinks";
import { drillNow, type DrillApi } from "./useDrill";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  steps: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  step: {
    display: "flex", flexDirection: "column", gap: "4px", padding: "8px 10px",
    border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
  },
  stepHead: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  grow: { flex: 1, minWidth: 0 },
  num: { fontVariantNumeric: "tabular-nums" },
  late: { color: tokens.colorPaletteRedForeground1, fontVariantNumeric: "tabular-nums" },
  parts: { display: "grid", gridTemplateColumns: "auto auto", columnGap: tokens.spacingHorizontalM, rowGap: "2px", margin: 0 },
  figure: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  list: { margin: 0, paddingLeft: "18px" },
});

const STATUS_COLOR: Record<StepStatus, "informative" | "warning" | "success" | "subtle"> = {
  "not-started": "subtle", "in-progress": "warning", done: "success", skipped: "informative",
};

/** "09:05" on the drill's own day, "12-01 09:05" on another one: the wall clock the sheet shows. */
function shortTime(d: Date, day: Date): string {
  const full = formatWall(d);
  return full.slice(0, 10) === formatWall(day).slice(0, 10) ? full.slice(11) : full.slice(5);
}

export function DrillStep(p: {
  s: Strings;
  locale: Locale;
  drill: DrillApi;
  onSelectCell: (sheet: string, cell: string) => void;
}) {
  const { s, locale, drill: api } = p;
  const styles = useStyles();
  const d = api.drill;
  const st = d?.state;

  // The clock's minutes move on their own: re-render while it runs (the state itself only changes on edits).
  const running = !!st?.clock.startedAt && !st.clock.stoppedAt;
  const [, tick] = useState(0);
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => tick((n) => n + 1), 15_000);
    return () => clearInterval(t);
  }, [running]);

  // First visit: read the drill from the workbook (a Data read of a drill workbook has already done it).
  const { looked, loading, open } = api;
  useEffect(() => {
    if (!looked && !loading && !d) void open();
    // once, when the step is first shown
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const score = useMemo(() => (d && st ? scoreDrill(st, { expectedSteps: d.read.expectedSteps }) : undefined), [d, st]);

  const now = drillNow();
  const day = st?.scenario.start ?? now;
  const elapsed = st ? elapsedMinutes(st, now) : null;

  const openButton = (
    <Button icon={<ArrowSync20Regular />} onClick={() => void api.open()} disabled={api.loading} data-testid="drill-open">
      {d ? s.drillReopen : s.drillOpen}
    </Button>
  );

  const errorBar = api.error && (
    <MessageBar intent="error" layout="multiline" data-testid="drill-error">
      <MessageBarBody>{api.error}</MessageBarBody>
      <MessageBarActions containerAction={
        <Button appearance="transparent" aria-label={s.dismiss} icon={<Dismiss20Regular />} onClick={api.dismissError} />
      } />
    </MessageBar>
  );

  const issueList = (
    <IssueSection title={s.drillIssues(api.issues.length)} issues={api.issues} onSelectCell={p.onSelectCell} testId="drill-issues" />
  );

  if (!d || !st || !score) {
    return (
      <div className={styles.stack}>
        <div className={styles.row}>{openButton}{api.loading && <Caption1 role="status">{s.drillOpening}</Caption1>}</div>
        {errorBar}
        {api.looked && !api.loading && (
          <MessageBar intent="info" layout="multiline" data-testid="drill-none"><MessageBarBody>{s.drillNone}</MessageBarBody></MessageBar>
        )}
        {issueList}
      </div>
    );
  }

  const total = Math.max(st.steps.length, d.read.expectedSteps);
  const done = st.steps.filter((x) => x.status === "done").length;
  const skipped = st.steps.filter((x) => x.status === "skipped").length;
  const parts = [
    { key: "completion", label: s.drillPartCompletion, part: score.parts.completion },
    { key: "on-time", label: s.drillPartOnTime, part: score.parts.onTime },
    { key: "order", label: s.drillPartOrder, part: score.parts.order },
    { key: "review", label: s.drillPartReview, part: score.parts.review },
  ];
  const recent = st.log.slice(-5).reverse();

  return (
    <div className={styles.stack}>
      <div>
        <Subtitle2 as="h2">{st.scenario.title}</Subtitle2>
        <Caption1 block>
          {s.drillPlanned(formatWall(st.scenario.start))}{st.scenario.team ? ` · ${s.drillTeam(st.scenario.team)}` : ""}
        </Caption1>
      </div>
      <div className={styles.row}>{openButton}</div>
      {errorBar}

      <section aria-label={s.drillClock}>
        <Subtitle2 as="h2">{s.drillClock}</Subtitle2>
        <div className={styles.row}>
          <Button appearance="primary" icon={<Play20Regular />} onClick={() => void api.start()} disabled={running} data-testid="drill-start">
            {st.clock.startedAt && !running ? s.drillResume : s.drillStart}
          </Button>
          <Button icon={<Stop20Regular />} onClick={() => void api.stop()} disabled={!running} data-testid="drill-stop">
            {s.drillStop}
          </Button>
        </div>
        <Text
          block role="timer" className={styles.figure} data-testid="drill-elapsed"
          data-value={elapsed === null ? "" : String(elapsed)} data-running={String(running)}
        >
          {elapsed === null ? s.drillNotStarted : s.drillElapsed(elapsed)}
        </Text>
        {st.clock.startedAt && (
          <Caption1 block>
            {s.drillStartedAt(shortTime(st.clock.startedAt, day))}
            {st.clock.stoppedAt ? ` · ${s.drillStoppedAt(shortTime(st.clock.stoppedAt, day))}` : ` · ${s.drillRunning}`}
          </Caption1>
        )}
      </section>

      <section aria-label={s.drillScore}>
        <div data-testid="drill-progress" data-done={done} data-skipped={skipped} data-total={total}>
          <Text block>{s.drillProgress(done, total, skipped)}</Text>
          <ProgressBar value={total === 0 ? 0 : done / total} thickness="large" aria-label={s.drillProgress(done, total, skipped)} />
        </div>
        <div data-testid="drill-score" data-value={score.total.toFixed(1)}>
          <Subtitle2 as="h2">{s.drillScore}: <span className={styles.num}>{s.drillScoreTotal(score.total.toFixed(1))}</span></Subtitle2>
          <dl className={styles.parts}>
            {parts.map(({ key, label, part }) => (
              <div key={key} style={{ display: "contents" }} data-testid={`drill-score-${key}`} data-value={part.points.toFixed(1)}>
                <dt>{label}</dt>
                <dd style={{ margin: 0 }} className={styles.num}>
                  {part.points.toFixed(1)}/{part.max}{s.drillPartCount(part.count, part.of)}
                </dd>
              </div>
            ))}
          </dl>
          <Caption1 block>{s.drillScoreNote}</Caption1>
        </div>
      </section>

      <section aria-labelledby="drill-steps-heading">
        <Subtitle2 as="h2" id="drill-steps-heading">{s.drillSteps}</Subtitle2>
        <Caption1 block>{api.watching ? s.drillWatchHint : s.drillNoWatch} {s.drillAddinHint}</Caption1>
        <ol className={styles.steps} aria-labelledby="drill-steps-heading">
          {st.steps.map((x, i) => (
            <StepRow key={i} step={x} s={s} locale={locale} now={now} day={day}
              onStatus={(status) => void api.setStatus(x.no, status)} />
          ))}
        </ol>
      </section>

      <Text role="status" aria-live="polite" data-testid="drill-announcement">{api.announcement}</Text>

      {api.warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="drill-warnings">
          <MessageBarBody>
            <strong>{s.drillWarnings}</strong>
            <ul className={styles.list}>{api.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>
          </MessageBarBody>
        </MessageBar>
      )}

      <section aria-label={s.drillLog}>
        <Subtitle2 as="h2">{s.drillLog}</Subtitle2>
        <ul className={styles.list} data-testid="drill-log" data-count={st.log.length}>
          {recent.map((e, i) => <li key={st.log.length - i}>{logText(e, locale, day)}</li>)}
        </ul>
      </section>

      {issueList}
    </div>
  );
}

function logText(e: DrillLogEntry, locale: Locale, day: Date): string {
  const parts = [shortTime(e.at, day), eventLabel(e.event, locale)];
  if (e.stepNo !== null) parts.push(`${e.stepNo}. ${e.stepText}`);
  if (e.from || e.to) parts.push(`${e.from ? STATUS_LABEL[e.from][locale] : ""} → ${e.to ? STATUS_LABEL[e.to][locale] : ""}`);
  if (e.note) parts.push(e.note);
  return parts.join(" · ");
}

function StepRow(p: { step: Step; s: Strings; locale: Locale; now: Date; day: Date; onStatus: (s: StepStatus) => void }) {
  const { step: x, s, locale } = p;
  const styles = useStyles();
  // minutes so far (in progress) or taken (done/skipped), against the step's own target
  const end = x.completedAt ?? (x.status === "in-progress" ? p.now : null);
  const minutes = x.startedAt && end ? Math.max(0, Math.floor((end.getTime() - x.startedAt.getTime()) / 60_000)) : null;
  const late = minutes !== null && x.targetMinutes !== null && minutes > x.targetMinutes;
  const labelId = `drill-step-text-${x.no}`;
  return (
    <li className={styles.step} data-testid="drill-step" data-step-no={x.no} data-status={x.status} data-late={String(late)}>
      <div className={styles.stepHead}>
        <span className={styles.grow}>
          <strong className={styles.num}>{x.no}.</strong>{" "}
          {x.phase && <Caption1>{PHASE_LABEL[x.phase][locale]} · </Caption1>}
          <Caption1>{x.owner}</Caption1>
        </span>
        <Badge appearance="tint" color={STATUS_COLOR[x.status]} aria-hidden>{STATUS_LABEL[x.status][locale]}</Badge>
        <Select
          size="small" value={x.status} onChange={(_, data) => p.onStatus(data.value as StepStatus)}
          aria-label={s.drillStatusLabel(x.no, x.text)} data-testid={`drill-status-${x.no}`}
        >
          {STATUSES.map((k) => <option key={k} value={k}>{STATUS_LABEL[k][locale]}</option>)}
        </Select>
      </div>
      <Text id={labelId}>{x.text}</Text>
      <Caption1 className={late ? styles.late : styles.num} data-testid="drill-step-times">
        {[
          x.startedAt ? s.drillStarted(shortTime(x.startedAt, p.day)) + (x.startedManual ? ` (${s.drillTyped})` : "") : x.status === "done" ? s.drillNoStart : "",
          x.completedAt ? s.drillCompleted(shortTime(x.completedAt, p.day)) + (x.completedManual ? ` (${s.drillTyped})` : "") : "",
          minutes !== null ? s.drillMinutes(minutes, x.targetMinutes) : s.drillTarget(x.targetMinutes),
        ].filter((t) => t !== "").join(" · ")}
        {late && <> · <strong>{s.drillLate}</strong></>}
      </Caption1>
    </li>
  );
}
