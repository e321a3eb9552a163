// The Drafts step's own-text check: the user pastes or types a reply (one they wrote, or a draft
// they edited elsewhere) and sees the compliance findings as they type, from the same checkText
// as the drafts, the templates sheet and `lossdesk check`. The text stays in the pane.

import { useDeferredValue, useMemo, useState } from "react";
import {
  Caption1, Checkbox, Field, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Textarea, makeStyles, tokens,
} from "@fluentui/react-components";
import type { Locale } from "../core/i18n";
import { RULE_LABEL, checkText } from "../core/compliance";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  findings: { margin: 0, paddingLeft: "18px" },
});

export function TextCheck(p: { s: Strings; locale: Locale }) {
  const { s, locale } = p;
  const styles = useStyles();
  const [text, setText] = useState("");
  const [letter, setLetter] = useState(false);
  // A long paste re-checks after the keystroke is painted, so typing stays smooth.
  const deferred = useDeferredValue(text);
  const findings = useMemo(
    () => (deferred.trim() ? checkText(deferred, { letter, locale: letter ? locale : undefined }) : []),
    [deferred, letter, locale],
  );
  const empty = deferred.trim() === "";
  const clean = !empty && findings.length === 0;
  const errors = findings.filter((f) => f.severity === "error").length;

  return (
    <section className={styles.stack} aria-labelledby="own-text-heading">
      <Subtitle2 as="h2" id="own-text-heading">{s.ownText}</Subtitle2>
      <Field label={s.ownTextHint}>
        <Textarea
          value={text}
          onChange={(_, d) => setText(d.value)}
          placeholder={s.ownTextPlaceholder}
          resize="vertical"
          rows={4}
          lang={locale}
          data-testid="own-text"
        />
      </Field>
      <Checkbox checked={letter} onChange={(_, d) => setLetter(!!d.checked)} label={s.ownTextLetter} data-testid="own-text-letter" />
      <div data-testid="own-text-findings" data-clean={String(clean)} data-count={findings.length} aria-live="polite">
        {empty ? (
          <Caption1>{s.ownTextEmpty}</Caption1>
        ) : (
          <MessageBar intent={clean ? "success" : errors ? "error" : "warning"} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{clean ? s.complianceClean : s.complianceFindings(findings.length)}</MessageBarTitle>
              {!clean && (
                <ul className={styles.findings}>
                  {findings.map((f, i) => (
                    <li key={i} data-testid="own-text-finding" data-rule={f.rule} data-severity={f.severity}>
                      {RULE_LABEL[f.rule][locale]}
                      {f.rule === "missing-risk-warning" ? `: ${f.text}` : locale === "zh-CN" ? `「${f.text}」` : ` "${f.text}"`}
                      {` (${f.severity === "error" ? s.findingError : s.findingWarning})`}
                    </li>
                  ))}
                </ul>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
