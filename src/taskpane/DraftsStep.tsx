// Step 3: one client's draft for one channel, in the pane's language, with its compliance check.
// The draft comes from the same templates (the workbook's 话术模板 sheet, else the built-in ones)
// and the same renderDraft as the drafts sheet, so what the analyst reads here is what gets written.

import { useEffect, useMemo, useRef, useState } from "react";
import {
  Button, Caption1, Combobox, Field, MessageBar, MessageBarBody, MessageBarTitle, Option, Select, Subtitle2,
  Text, makeStyles, tokens,
} from "@fluentui/react-components";
import { Copy20Regular } from "@fluentui/react-icons";
import type { Analysis } from "../core/analysis";
import type { ClientResult } from "../core/engine";
import type { WorkbookSnapshot } from "../core/workbook";
import type { Locale } from "../core/i18n";
import {
  BankDetails, CHANNELS, CHANNEL_LABEL, Channel, STATUS_LABEL, findDraftsSheet, readDraftTrail, readTemplates, renderDraft,
  reviewLabel, sendBlock,
} from "../core/drafts";
import { DEFAULT_SCORING } from "../core/risk";
import { formatGeneratedAt } from "../core/contact";
import { RULE_LABEL } from "../core/compliance";
import { openComplaintClientsIn } from "../core/event";
import type { Strings } from "./strings";
import { IssueSection } from "./IssueLinks";
import { TextCheck } from "./TextCheck";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  pickers: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  text: {
    whiteSpace: "pre-wrap", padding: "10px 12px", maxHeight: "320px", overflowY: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2, lineHeight: tokens.lineHeightBase400,
  },
  meta: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL },
  findings: { margin: 0, paddingLeft: "18px" },
});

/** Options shown at once: enough to pick from, few enough to stay instant with 100,000 clients. */
const MAX_OPTIONS = 50;

const clientLabel = (c: ClientResult) => `${c.clientId}${c.clientName ? ` ${c.clientName}` : ""}`;

/** navigator.clipboard where allowed; Office's webviews may refuse it, and a selected textarea still copies there. */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the fallback
  }
  const ta = document.createElement("textarea");
  ta.value = text;
  ta.setAttribute("readonly", "");
  ta.style.position = "fixed";
  ta.style.opacity = "0";
  document.body.appendChild(ta);
  ta.select();
  try {
    return typeof document.execCommand === "function" && document.execCommand("copy");
  } catch {
    return false;
  } finally {
    ta.remove();
  }
}

export function DraftsStep(p: {
  s: Strings;
  locale: Locale;
  analysis: Analysis;
  snapshot?: WorkbookSnapshot;
  /** The generation time the sheets count from (App's, so the pane and the sheets show one date). */
  generatedAt: string;
  /** The bank settings (letters, SMS signature). */
  bank?: BankDetails;
  onSelectCell: (sheet: string, cell: string) => void;
}) {
  const { s, locale, analysis: a } = p;
  const styles = useStyles();
  const top = a.clients[0];
  const [clientId, setClientId] = useState(top?.clientId);
  const [query, setQuery] = useState(top ? clientLabel(top) : "");
  const [channel, setChannel] = useState<Channel>("phone");
  const [copyState, setCopyState] = useState<"" | "copied" | "failed">("");
  // The label of the client whose draft is shown, read when the list closes (after a selection in
  // the same event), so the box never keeps a half-typed search that names another client.
  const chosenLabel = useRef(top ? clientLabel(top) : "");

  // A new analysis may not hold the chosen client: start again from the top of the list.
  useEffect(() => {
    const c = a.clients[0];
    setClientId(c?.clientId);
    chosenLabel.current = c ? clientLabel(c) : "";
    setQuery(chosenLabel.current);
  }, [a]);
  useEffect(() => setCopyState(""), [clientId, channel, locale]);

  const templates = useMemo(() => readTemplates(p.snapshot ?? { sheets: [] }, locale), [p.snapshot, locale]);
  const client = useMemo(() => a.clients.find((c) => c.clientId === clientId), [a, clientId]);
  // `from` is the generation time the written sheets use, so the pane shows the same contact date.
  const { generatedAt, bank } = p;
  // Clients with a complaint still open in the register: their drafts go to review, as on the sheet.
  const openComplaints = useMemo(() => openComplaintClientsIn(p.snapshot ?? { sheets: [] }, locale, a.asOf), [p.snapshot, locale, a.asOf]);
  const draft = useMemo(
    () => (client ? renderDraft(a, client, channel, locale, templates.templates, { from: generatedAt, ...bank, openComplaints }) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [a, client, channel, locale, templates, generatedAt, bank?.bankName, bank?.hotline, bank?.complaintChannel, openComplaints],
  );
  // The review trail typed on the drafts sheet, if the workbook has one.
  const trails = useMemo(() => {
    const sheet = p.snapshot ? findDraftsSheet(p.snapshot) : undefined;
    return sheet ? readDraftTrail(sheet) : undefined;
  }, [p.snapshot]);

  const options = useMemo(() => {
    const q = query.trim().toLowerCase();
    const selected = client && clientLabel(client).toLowerCase() === q;
    const out: ClientResult[] = [];
    for (const c of a.clients) {
      if (out.length >= MAX_OPTIONS) break;
      if (!q || selected || c.clientId.toLowerCase().includes(q) || (c.clientName ?? "").toLowerCase().includes(q)) out.push(c);
    }
    if (client && !out.includes(client)) out.unshift(client);
    return out;
  }, [a, query, client]);

  if (!draft || !client) return <Text>{s.noClients}</Text>;
  const errors = draft.findings.filter((f) => f.severity === "error").length;
  const clean = draft.findings.length === 0;
  const trail = trails?.get(`${client.clientId}/${channel}`);
  const block = sendBlock(draft, trail?.reviewed ?? false, locale);

  return (
    <div className={styles.stack}>
      <div className={styles.pickers}>
        <Field label={s.draftClient}>
          <Combobox
            freeform
            value={query}
            placeholder={s.draftClientPlaceholder}
            selectedOptions={clientId ? [clientId] : []}
            onChange={(e) => setQuery(e.target.value)}
            onOptionSelect={(_, d) => {
              if (!d.optionValue) return;
              setClientId(d.optionValue);
              chosenLabel.current = d.optionText ?? d.optionValue;
              setQuery(chosenLabel.current);
            }}
            onOpenChange={(_, d) => { if (!d.open) setQuery(chosenLabel.current); }}
            data-testid="draft-client"
          >
            {options.map((c) => (
              <Option key={c.clientId} value={c.clientId} text={clientLabel(c)}>
                {clientLabel(c)}
              </Option>
            ))}
          </Combobox>
        </Field>
        <Field label={s.draftChannel}>
          <Select value={channel} onChange={(_, d) => setChannel(d.value as Channel)} data-testid="draft-channel">
            {CHANNELS.map((c) => <option key={c} value={c}>{CHANNEL_LABEL[c][locale]}</option>)}
          </Select>
        </Field>
      </div>

      <section aria-label={s.draftText}>
        <Subtitle2 as="h2" id="draft-heading">{s.draftText}</Subtitle2>
        <div className={styles.text} data-testid="draft-text" lang={locale} tabIndex={0} role="region" aria-labelledby="draft-heading">
          {draft.text}
        </div>
        <div className={styles.meta}>
          <Caption1>{s.contactBy(draft.contactBy)}</Caption1>
          <Caption1 data-testid="draft-generated-at">{s.generatedFrom(formatGeneratedAt(draft.from))}</Caption1>
          <Caption1>{s.length(draft.length)}</Caption1>
          {draft.sms && <Caption1 data-testid="sms-segments" data-value={draft.sms.segments}>
            {s.sms(draft.sms.segments, draft.sms.encoding, draft.sms.units)}
          </Caption1>}
        </div>
      </section>

      <div data-testid="draft-findings" data-clean={String(clean)} data-count={draft.findings.length}>
        <MessageBar intent={clean ? "success" : errors ? "error" : "warning"} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{clean ? s.complianceClean : s.complianceFindings(draft.findings.length)}</MessageBarTitle>
            {!clean && (
              <ul className={styles.findings}>
                {draft.findings.map((f, i) => (
                  <li key={i}>
                    {RULE_LABEL[f.rule][locale]}
                    {f.rule === "missing-risk-warning" ? `: ${f.text}` : locale === "zh-CN" ? `「${f.text}」` : ` "${f.text}"`}
                    {` (${f.severity === "error" ? s.findingError : s.findingWarning})`}
                  </li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      </div>

      <div data-testid="draft-review" data-review={String(draft.review.length > 0)} data-sendable={String(!block)}>
        <MessageBar intent={block ? "warning" : "info"} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {draft.review.length
                ? s.reviewNeeded(reviewLabel(draft.review, a.elderlyAge ?? DEFAULT_SCORING.elderlyAge, locale))
                : s.reviewNotNeeded}
            </MessageBarTitle>
            <div>{block ? s.sendRefused(block) : s.sendAllowed}</div>
            {trail && <div>{s.sheetTrail(trail.status ? STATUS_LABEL[trail.status][locale] : trail.statusText, trail.reviewer, trail.reviewedAt)}</div>}
            {trail?.status === "sent" && block && <div role="alert">{s.sheetSentRefused}</div>}
          </MessageBarBody>
        </MessageBar>
      </div>

      <div className={styles.meta}>
        <Button icon={<Copy20Regular />} onClick={async () => setCopyState((await copyText(draft.text)) ? "copied" : "failed")} data-testid="copy-draft">
          {s.copy}
        </Button>
        <Text role="status" aria-live="polite">{copyState === "copied" ? s.copied : copyState === "failed" ? s.copyFailed : ""}</Text>
      </div>
      <Caption1>{s.reviewNote}</Caption1>

      <TextCheck s={s} locale={locale} />

      <IssueSection title={s.templateIssues(templates.issues.length)} issues={templates.issues} onSelectCell={p.onSelectCell} />
    </div>
  );
}
