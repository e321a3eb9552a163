// The pane's settings: what travels with the workbook (host.saveSettings) so that whoever opens
// the file next analyses it the same way. Read tolerantly: a hand-edited or older settings text
// must never stop the pane; what can't be read falls back to the default, field by field.

import type { Locale } from "../core/i18n";
import { DEFAULT_SCORING, ScoringConfig, scoringWith } from "../core/risk";

export type LocaleSetting = "auto" | Locale;
export type WeightKey = keyof ScoringConfig["weights"];
export const WEIGHT_KEYS = Object.keys(DEFAULT_SCORING.weights) as WeightKey[];

export interface PaneSettings {
  /** YYYY-MM-DD; undefined: the latest NAV date in the workbook. */
  asOf?: string;
  locale: LocaleSetting;
  weights: ScoringConfig["weights"];
  thresholds: ScoringConfig["thresholds"];
  /** Clients listed by name in the report. */
  topClients: number;
  /** The bank's name, service hotline and complaint channel for letters and the SMS signature
   *  (OutputOptions.bankName / hotline / complaintChannel); unset: the drafts show 【银行名称】 etc. */
  bankName?: string;
  hotline?: string;
  complaintChannel?: string;
}

/** The bank settings, as the pane stores them and passes them to buildOutputs and renderDraft. */
export const BANK_SETTING_KEYS = ["bankName", "hotline", "complaintChannel"] as const;

export const DEFAULT_TOP_CLIENTS = 20;

export const DEFAULT_SETTINGS: PaneSettings = {
  locale: "auto",
  weights: { ...DEFAULT_SCORING.weights },
  thresholds: { ...DEFAULT_SCORING.thresholds },
  topClients: DEFAULT_TOP_CLIENTS,
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDay(s: unknown): s is string {
  return typeof s === "string" && ISO_DAY.test(s) && !Number.isNaN(Date.parse(s + "T00:00:00Z"));
}

const nonNegative = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0;

/**
 * Settings from the workbook's JSON text. `ok` is false when there was text but it was not a
 * settings object (the pane says so once, then uses the defaults).
 */
export function parseSettings(json: string | undefined): { settings: PaneSettings; ok: boolean } {
  const out: PaneSettings = { ...DEFAULT_SETTINGS, weights: { ...DEFAULT_SETTINGS.weights }, thresholds: { ...DEFAULT_SETTINGS.thresholds } };
  if (json === undefined || json.trim() === "") return { settings: out, ok: true };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { settings: out, ok: false };
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { settings: out, ok: false };
  const r = raw as Record<string, unknown>;
  if (isIsoDay(r.asOf)) out.asOf = r.asOf;
  if (r.locale === "auto" || r.locale === "zh-CN" || r.locale === "en-US") out.locale = r.locale;
  // The same shape as the CLI's --scoring file, so one JSON serves both.
  const scoring = (typeof r.scoring === "object" && r.scoring !== null ? r.scoring : {}) as Record<string, unknown>;
  const weights = (scoring.weights ?? {}) as Record<string, unknown>;
  for (const k of WEIGHT_KEYS) if (nonNegative(weights[k])) out.weights[k] = weights[k] as number;
  const thresholds = (scoring.thresholds ?? {}) as Record<string, unknown>;
  if (nonNegative(thresholds.high)) out.thresholds.high = thresholds.high;
  if (nonNegative(thresholds.medium)) out.thresholds.medium = thresholds.medium;
  if (nonNegative(r.topClients) && Number.isInteger(r.topClients)) out.topClients = r.topClients;
  // Text a person typed; an older settings text has none of them (the drafts show placeholders).
  for (const k of BANK_SETTING_KEYS) {
    const v = r[k];
    if (typeof v === "string" && v.trim() !== "") out[k] = v.trim().slice(0, 200);
  }
  return { settings: out, ok: true };
}

export function settingsJson(s: PaneSettings): string {
  return JSON.stringify({
    version: 1,
    ...(s.asOf ? { asOf: s.asOf } : {}),
    locale: s.locale,
    scoring: { weights: s.weights, thresholds: s.thresholds },
    topClients: s.topClients,
    ...(s.bankName ? { bankName: s.bankName } : {}),
    ...(s.hotline ? { hotline: s.hotline } : {}),
    ...(s.complaintChannel ? { complaintChannel: s.complaintChannel } : {}),
  });
}

/** The bank settings as OutputOptions / DraftOptions take them. */
export function bankOf(s: PaneSettings): { bankName?: string; hotline?: string; complaintChannel?: string } {
  return { bankName: s.bankName, hotline: s.hotline, complaintChannel: s.complaintChannel };
}

export function scoringOf(s: PaneSettings): ScoringConfig {
  return scoringWith({ weights: s.weights, thresholds: s.thresholds });
}

/** The pane's language: the setting when it names one, else the caller's, else Excel's. */
export function resolveLocale(setting: LocaleSetting, fallback: Locale): Locale {
  return setting === "auto" ? fallback : setting;
}
