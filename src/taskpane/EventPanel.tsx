// The live event in the Report step (docs/live-event.md): start a live event in the workbook (the
// response checklist, which the Drill step then runs exactly as it runs a drill, the complaint
// register and the media log), choose which regulator report the Report button writes (first,
// update, final), and see the complaint register: open complaints by reply deadline, overdue and
// due soon marked, bad cells listed with a link to the cell.
//
// Everything here is computed by the core from the workbook snapshot (core/event); the pane only
// shows it. The strings are kept in this file, as the live event's core keeps its own.

import { useMemo, useState } from "react";
import {
  Badge, Button, Caption1, Field, Select, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow,
  makeStyles, tokens,
} from "@fluentui/react-components";
import { AlertUrgent20Regular } from "@fluentui/react-icons";
import type { Analysis } from "../core/analysis";
import type { Locale } from "../core/i18n";
import type { WorkbookSnapshot } from "../core/workbook";
import {
  COMPLAINT_STATUS_LABEL, DUE_SOON_DAYS, KIND_LABEL, REGULATOR_KINDS, STANDARD_DEADLINES, STRICT_DEADLINES,
  buildMediaLog, buildRegister, clientLookup, findRegister, liveEventSheets, newLiveEvent, openByDue, readLiveEvent,
  readRegister, summarise, type RegulatorReportKind, type ReportingDeadlines,
} from "../core/event";
import { wallClock } from "../core/drill";
import type { Progress, WorkbookHost } from "./host";
import { IssueSection } from "./IssueLinks";

type Text = Record<Locale, string>;
const T = {
  event: { "zh-CN": "应急事件", "en-US": "Live event" },
  start: { "zh-CN": "启动应急事件", "en-US": "Start a live event" },
  started: { "zh-CN": "本工作簿已有应急事件：在“演练”页更新步骤状态。", "en-US": "This workbook has a live event: update its steps on the Drill tab." },
  startHint: {
    "zh-CN": "写入应急响应清单（与演练同一套步骤与记录）、投诉登记和舆情记录。",
    "en-US": "Writes the response checklist (the same steps and log as a drill), the complaint register and the media log.",
  },
  deadlines: { "zh-CN": "突发事件报告时限（口头 / 书面）", "en-US": "Incident report deadlines (oral / written)" },
  strict: { "zh-CN": "30 分钟 / 1 小时", "en-US": "30 minutes / 1 hour" },
  standard: { "zh-CN": "2 小时 / 24 小时", "en-US": "2 hours / 24 hours" },
  kind: { "zh-CN": "监管报告", "en-US": "Regulator report" },
  asSheet: { "zh-CN": "沿用工作表中的（默认初报）", "en-US": "As on the sheet (first report by default)" },
  register: { "zh-CN": "投诉登记", "en-US": "Complaint register" },
  noRegister: { "zh-CN": "工作簿中还没有投诉登记表：写出报告或启动应急事件后生成。", "en-US": "No complaint register yet: it is written with the report or when a live event starts." },
  id: { "zh-CN": "编号", "en-US": "ID" },
  client: { "zh-CN": "客户", "en-US": "Client" },
  due: { "zh-CN": "答复期限", "en-US": "Due" },
  left: { "zh-CN": "剩余", "en-US": "Left" },
  status: { "zh-CN": "状态", "en-US": "Status" },
  overdue: { "zh-CN": "逾期", "en-US": "overdue" },
  soon: { "zh-CN": "将到期", "en-US": "due soon" },
  issues: { "zh-CN": "投诉登记的问题", "en-US": "Register issues" },
} satisfies Record<string, Text>;

function totalsLine(locale: Locale, n: { received: number; open: number; overdue: number; dueSoon: number }): string {
  return locale === "zh-CN"
    ? `投诉 ${n.received} 件，未办结 ${n.open} 件，已逾期 ${n.overdue} 件，${DUE_SOON_DAYS} 日内到期 ${n.dueSoon} 件`
    : `${n.received} complaints, ${n.open} open, ${n.overdue} overdue, ${n.dueSoon} due within ${DUE_SOON_DAYS} days`;
}

/** Today on the analyst's calendar, YYYY-MM-DD. */
export function todayIso(): string {
  return wallClock(new Date()).toISOString().slice(0, 10);
}

/**
 * Writes a new live event into the workbook (checklist, register kept if there is one, media log)
 * and returns the workbook read again, for the pane to pick the event up like a drill.
 */
export async function startLiveEvent(
  host: WorkbookHost, locale: Locale, deadlines: ReportingDeadlines, progress?: Progress, signal?: AbortSignal,
): Promise<WorkbookSnapshot> {
  const before = await host.readWorkbook(progress, signal);
  const now = wallClock(new Date());
  const state = newLiveEvent({ locale, now, deadlines });
  const register = buildRegister({ locale, asOf: now.toISOString().slice(0, 10), previous: before });
  await host.writeSheets({ tables: [...liveEventSheets(state, deadlines), register.sheet, buildMediaLog(locale, before)], reports: [] }, progress, signal);
  const after = await host.readWorkbook(progress, signal);
  // a new object even if the host hands back the one it mutated: the pane's views key on it
  return { sheets: [...after.sheets] };
}

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
});

export function EventPanel(p: {
  locale: Locale;
  analysis: Analysis;
  snapshot?: WorkbookSnapshot;
  busy: boolean;
  kind?: RegulatorReportKind;
  onKind: (k: RegulatorReportKind | undefined) => void;
  onStart: (deadlines: ReportingDeadlines) => void;
  onSelectCell: (sheet: string, cell: string) => void;
  /** The day days-left count from (tests pin it). */
  asOf?: string;
}) {
  const L = p.locale;
  const styles = useStyles();
  const [strict, setStrict] = useState(true);
  const asOf = p.asOf ?? todayIso();
  const hasEvent = useMemo(() => (p.snapshot ? readLiveEvent(p.snapshot, L) !== undefined : false), [p.snapshot, L]);
  const register = useMemo(() => {
    const found = p.snapshot ? findRegister(p.snapshot) : undefined;
    return found ? readRegister(found, { locale: L, asOf, clients: clientLookup(p.analysis) }) : undefined;
  }, [p.snapshot, p.analysis, L, asOf]);
  const open = register ? openByDue(register.complaints) : [];
  const totals = register ? summarise(register.complaints) : undefined;

  return (
    <section className={styles.stack} aria-label={T.event[L]} data-testid="event-panel">
      <Subtitle2 as="h2">{T.event[L]}</Subtitle2>
      {hasEvent
        ? <Caption1 block data-testid="event-started">{T.started[L]}</Caption1>
        : (
          <div className={styles.row}>
            <Field label={T.deadlines[L]}>
              <Select value={strict ? "strict" : "standard"} onChange={(_, d) => setStrict(d.value === "strict")} data-testid="event-deadlines">
                <option value="strict">{T.strict[L]}</option>
                <option value="standard">{T.standard[L]}</option>
              </Select>
            </Field>
            <Button icon={<AlertUrgent20Regular />} disabled={p.busy} data-testid="start-event"
              onClick={() => p.onStart(strict ? STRICT_DEADLINES : STANDARD_DEADLINES)} title={T.startHint[L]}>
              {T.start[L]}
            </Button>
          </div>
        )}
      <Field label={T.kind[L]}>
        <Select value={p.kind ?? ""} onChange={(_, d) => p.onKind(d.value === "" ? undefined : d.value as RegulatorReportKind)} data-testid="regulator-kind">
          <option value="">{T.asSheet[L]}</option>
          {REGULATOR_KINDS.map((k) => <option key={k} value={k}>{KIND_LABEL[k][L]}</option>)}
        </Select>
      </Field>

      <Subtitle2 as="h3">{T.register[L]}</Subtitle2>
      {!register && <Caption1 block data-testid="no-register">{T.noRegister[L]}</Caption1>}
      {totals && <Caption1 block data-testid="register-totals">{totalsLine(L, totals)}</Caption1>}
      {open.length > 0 && (
        <Table size="extra-small" aria-label={T.register[L]} data-testid="register-table">
          <TableHeader>
            <TableRow>
              {[T.id, T.client, T.due, T.left, T.status].map((h) => <TableHeaderCell key={h["en-US"]}>{h[L]}</TableHeaderCell>)}
            </TableRow>
          </TableHeader>
          <TableBody>
            {open.map((c) => (
              <TableRow key={`${c.row}`} data-testid="register-row" data-id={c.id}>
                <TableCell>{c.id || "-"}</TableCell>
                <TableCell>{[c.clientId, c.clientName].filter(Boolean).join(" ") || "-"}</TableCell>
                <TableCell>{c.due}</TableCell>
                <TableCell>
                  {c.daysLeft}
                  {c.overdue && <> <Badge color="danger" size="small">{T.overdue[L]}</Badge></>}
                  {!c.overdue && c.daysLeft !== null && c.daysLeft <= DUE_SOON_DAYS && <> <Badge color="warning" size="small">{T.soon[L]}</Badge></>}
                </TableCell>
                <TableCell>{c.status ? COMPLAINT_STATUS_LABEL[c.status][L] : c.statusText}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {register && <IssueSection title={`${T.issues[L]} (${register.issues.length})`} issues={register.issues} onSelectCell={p.onSelectCell} />}
    </section>
  );
}
