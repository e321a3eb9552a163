// Step 5: the as-of date, the score weights and tier thresholds, the report's client count and the
// language. A numeric field keeps what is typed while it is not a number yet ("", "1."), and only
// a valid number reaches the settings: the analysis never sees a NaN weight.

import { useEffect, useState } from "react";
import { Button, Field, Input, Select, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowReset20Regular } from "@fluentui/react-icons";
import { Locale, ui } from "../core/i18n";
import { DEFAULT_SCORING } from "../core/risk";
import { BANK_SETTING_KEYS, LocaleSetting, PaneSettings, WEIGHT_KEYS, isIsoDay } from "./settings";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))", gap: tokens.spacingHorizontalM },
  // Fluent's Input has a minimum width; in a grid cell it must shrink to the cell.
  input: { minWidth: 0, width: "100%" },
});

/** The core's factor names are lower case for use inside sentences; a label starts with a capital. */
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function NumberField(p: {
  className?: string;
  label: string; value: number; hint?: string; min?: number; max?: number; integer?: boolean; testId: string;
  onChange: (v: number) => void;
}) {
  const [text, setText] = useState(String(p.value));
  // Follow outside changes (reset, settings loaded) without fighting the user's typing.
  useEffect(() => {
    if (Number(text) !== p.value) setText(String(p.value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [p.value]);
  const n = Number(text);
  const valid = text.trim() !== "" && Number.isFinite(n) && n >= (p.min ?? 0) && (p.max === undefined || n <= p.max)
    && (!p.integer || Number.isInteger(n));
  return (
    <Field label={p.label} hint={p.hint} validationState={valid ? "none" : "error"}>
      <Input
        className={p.className}
        type="number"
        inputMode="decimal"
        min={p.min ?? 0}
        max={p.max}
        step={p.integer ? 1 : "any"}
        value={text}
        data-testid={p.testId}
        onChange={(_, d) => {
          setText(d.value);
          const v = Number(d.value);
          if (d.value.trim() !== "" && Number.isFinite(v) && v >= (p.min ?? 0) && (p.max === undefined || v <= p.max)
            && (!p.integer || Number.isInteger(v))) p.onChange(v);
        }}
      />
    </Field>
  );
}

export function SettingsStep(p: {
  s: Strings;
  locale: Locale;
  settings: PaneSettings;
  onChange: (next: PaneSettings) => void;
  onReset: () => void;
}) {
  const { s, locale, settings: st } = p;
  const styles = useStyles();
  return (
    <div className={styles.stack}>
      <Text block>{s.settingsHint}</Text>

      <Field label={s.asOfSetting}>
        <Input
          type="date"
          value={st.asOf ?? ""}
          data-testid="settings-as-of"
          onChange={(_, d) => p.onChange({ ...st, asOf: isIsoDay(d.value) ? d.value : undefined })}
        />
      </Field>

      <Field label={s.locale}>
        <Select
          value={st.locale}
          data-testid="settings-locale"
          onChange={(_, d) => p.onChange({ ...st, locale: d.value as LocaleSetting })}
        >
          <option value="auto">{s.localeAuto}</option>
          {/* Each language names itself, so someone who can't read the current one still finds theirs. */}
          <option value="zh-CN" lang="zh-CN">中文</option>
          <option value="en-US" lang="en-US">English</option>
        </Select>
      </Field>

      <section aria-label={s.weights}>
        <Subtitle2 as="h2">{s.weights}</Subtitle2>
        <div className={styles.grid}>
          {WEIGHT_KEYS.map((k) => (
            <NumberField
              className={styles.input}
              key={k}
              label={capitalize(ui("factors", k, locale))}
              hint={s.defaultIs(DEFAULT_SCORING.weights[k])}
              value={st.weights[k]}
              max={100}
              testId={`weight-${k}`}
              onChange={(v) => p.onChange({ ...st, weights: { ...st.weights, [k]: v } })}
            />
          ))}
        </div>
      </section>

      <section aria-label={s.thresholds}>
        <Subtitle2 as="h2">{s.thresholds}</Subtitle2>
        <div className={styles.grid}>
          <NumberField
            className={styles.input}
            label={s.thresholdHigh}
            hint={s.defaultIs(DEFAULT_SCORING.thresholds.high)}
            value={st.thresholds.high}
            max={100}
            testId="threshold-high"
            onChange={(v) => p.onChange({ ...st, thresholds: { ...st.thresholds, high: v } })}
          />
          <NumberField
            className={styles.input}
            label={s.thresholdMedium}
            hint={s.defaultIs(DEFAULT_SCORING.thresholds.medium)}
            value={st.thresholds.medium}
            max={100}
            testId="threshold-medium"
            onChange={(v) => p.onChange({ ...st, thresholds: { ...st.thresholds, medium: v } })}
          />
          <NumberField
            className={styles.input}
            label={s.topClients}
            value={st.topClients}
            integer
            max={1000}
            testId="top-clients"
            onChange={(v) => p.onChange({ ...st, topClients: v })}
          />
        </div>
      </section>

      <section aria-label={s.bankSettings}>
        <Subtitle2 as="h2">{s.bankSettings}</Subtitle2>
        <Text as="p" size={200}>{s.bankHint}</Text>
        <div className={styles.grid}>
          {BANK_SETTING_KEYS.map((k) => (
            <Field key={k} label={s[k]}>
              <Input
                className={styles.input}
                value={st[k] ?? ""}
                data-testid={`setting-${k}`}
                onChange={(_, d) => p.onChange({ ...st, [k]: d.value.trim() === "" ? undefined : d.value })}
              />
            </Field>
          ))}
        </div>
      </section>

      <div>
        <Button icon={<ArrowReset20Regular />} onClick={p.onReset} data-testid="reset-settings">{s.resetDefaults}</Button>
      </div>
    </div>
  );
}
