// When a client must hear from the bank, and the complaint clock.
//
// Contact deadlines follow the client's risk tier (risk.ts): the riskiest clients are called
// first, by their relationship manager in person. The defaults are the response plan's: high
// within 24 hours, medium within 3 days, low within 7 days. Banks count some of these in working
// days, so the unit is configurable ("workdays" skips Saturdays, Sundays and the listed holidays;
// there is no built-in holiday calendar because the official one, with its make-up Saturdays, is
// published year by year).
//
// Days are counted the way Chinese law counts periods (民法典 第二百零一条): the starting day is
// not counted, so "within 3 days" from 2026-11-27 ends on 2026-11-30. A period of hours that
// starts from a date (no time given) ends on the following day(s): 24 hours from 2026-11-27 is
// 2026-11-28.
//
// The complaint clock (银行业保险业消费投诉处理管理办法, 2020): a decision within 15 days of
// receiving the complaint; a complex case up to 30; with approval a further 30, 60 at most.
// Calendar days, counted as above.

import type { RiskTier } from "./risk";
import type { Locale } from "./i18n";

export type DurationUnit = "hours" | "days" | "workdays";

export interface Duration {
  amount: number;
  unit: DurationUnit;
}

export interface ContactPolicy {
  high: Duration;
  medium: Duration;
  low: Duration;
  /** Days that are not working days although they are weekdays (YYYY-MM-DD), for "workdays". */
  holidays?: string[];
}

export const DEFAULT_CONTACT_POLICY: ContactPolicy = {
  high: { amount: 24, unit: "hours" },
  medium: { amount: 3, unit: "days" },
  low: { amount: 7, unit: "days" },
};

/** Merge a partial policy (e.g. from a settings sheet or JSON) over the defaults. */
export function contactPolicyWith(partial: Partial<ContactPolicy> | undefined): ContactPolicy {
  return { ...DEFAULT_CONTACT_POLICY, ...(partial ?? {}) };
}

const DAY_MS = 86_400_000;

/** "2026-11-27" or "2026-11-27T15:30[:00][.000][Z]" -> epoch ms (UTC); the time part is optional. */
function parseIso(s: string): { ms: number; hasTime: boolean } {
  // A time zone suffix is accepted and ignored: the clock runs in the bank's local calendar.
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s.trim());
  if (!m) throw new Error(`not an ISO date: "${s}"`);
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) {
    throw new Error(`not a calendar day: "${s}"`);
  }
  return { ms, hasTime: m[4] !== undefined };
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The date `amount` calendar days after `fromIso` (the starting day not counted). */
export function addDays(fromIso: string, amount: number): string {
  const { ms } = parseIso(fromIso);
  const day = Math.floor(ms / DAY_MS) * DAY_MS;
  return isoDay(day + amount * DAY_MS);
}

/** The date `amount` working days after `fromIso`: weekends and `holidays` skipped. */
export function addWorkdays(fromIso: string, amount: number, holidays: readonly string[] = []): string {
  const off = new Set(holidays);
  let ms = Math.floor(parseIso(fromIso).ms / DAY_MS) * DAY_MS;
  let left = amount;
  while (left > 0) {
    ms += DAY_MS;
    const wd = new Date(ms).getUTCDay();
    if (wd === 0 || wd === 6 || off.has(isoDay(ms))) continue;
    left--;
  }
  return isoDay(ms);
}

/** Whole calendar days from `fromIso` to `toIso` (negative when `toIso` is earlier). */
export function daysBetween(fromIso: string, toIso: string): number {
  const a = Math.floor(parseIso(fromIso).ms / DAY_MS);
  const b = Math.floor(parseIso(toIso).ms / DAY_MS);
  return b - a;
}

/**
 * The last day (YYYY-MM-DD) by which a client of this tier must have been contacted, counted from
 * `fromIso`: the as-of date of the analysis or the day the drafts are generated.
 */
export function contactDeadline(tier: RiskTier, fromIso: string, policy: ContactPolicy = DEFAULT_CONTACT_POLICY): string {
  const d = policy[tier];
  switch (d.unit) {
    case "hours": {
      const { ms, hasTime } = parseIso(fromIso);
      // From a bare date the clock can only start at the end of that day: ceil to whole days.
      return hasTime ? isoDay(ms + d.amount * 3_600_000) : addDays(fromIso, Math.ceil(d.amount / 24));
    }
    case "days":
      return addDays(fromIso, d.amount);
    case "workdays":
      return addWorkdays(fromIso, d.amount, policy.holidays);
  }
}

/** The default deadlines with their phrases, for reports that state the plan ("高风险 24小时内"). */
export const CONTACT_DEADLINES: Record<RiskTier, { duration: Duration; label: Record<Locale, string> }> = {
  high: deadlineEntry(DEFAULT_CONTACT_POLICY.high),
  medium: deadlineEntry(DEFAULT_CONTACT_POLICY.medium),
  low: deadlineEntry(DEFAULT_CONTACT_POLICY.low),
};

function deadlineEntry(duration: Duration) {
  return { duration, label: { "zh-CN": durationPhrase(duration, "zh-CN"), "en-US": durationPhrase(duration, "en-US") } };
}

/** "24小时内" / "3日内" / "3个工作日内"; "within 24 hours" / "within 3 days" / "within 3 working days". */
export function durationPhrase(d: Duration, locale: Locale): string {
  const n = d.amount;
  if (locale === "zh-CN") {
    return d.unit === "hours" ? `${n}小时内` : d.unit === "days" ? `${n}日内` : `${n}个工作日内`;
  }
  const unit = d.unit === "hours" ? "hour" : d.unit === "days" ? "day" : "working day";
  return `within ${n} ${unit}${n === 1 ? "" : "s"}`;
}

/** The phrase a draft uses for when the relationship manager will call: "24小时内", "within 24 hours". */
export function contactPhrase(tier: RiskTier, locale: Locale, policy: ContactPolicy = DEFAULT_CONTACT_POLICY): string {
  return durationPhrase(policy[tier], locale);
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A date as a client reads it: "2026年11月28日" / "November 28, 2026". */
export function formatLongDate(iso: string, locale: Locale): string {
  const [y, m, d] = [+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10)];
  return locale === "zh-CN" ? `${y}年${m}月${d}日` : `${MONTHS[m - 1]} ${d}, ${y}`;
}

// ---- the complaint clock ----

export interface ComplaintPolicy {
  /** Days to decide an ordinary complaint. */
  decideDays: number;
  /** Days to decide a complex case. */
  complexDays: number;
  /** The most days with the approved extension. */
  maxDays: number;
}

export const DEFAULT_COMPLAINT_POLICY: ComplaintPolicy = { decideDays: 15, complexDays: 30, maxDays: 60 };

export type ComplaintStage = "normal" | "complex" | "extended";

export interface ComplaintDeadlines {
  received: string;
  /** 15 days: the ordinary deadline. */
  decide: string;
  /** 30 days: a complex case. */
  complex: string;
  /** 60 days: complex plus the approved extension; never later. */
  extended: string;
}

export function complaintDeadlines(receivedIso: string, policy: ComplaintPolicy = DEFAULT_COMPLAINT_POLICY): ComplaintDeadlines {
  const received = isoDay(Math.floor(parseIso(receivedIso).ms / DAY_MS) * DAY_MS);
  return {
    received,
    decide: addDays(received, policy.decideDays),
    complex: addDays(received, policy.complexDays),
    extended: addDays(received, policy.maxDays),
  };
}

export interface ComplaintClock extends ComplaintDeadlines {
  stage: ComplaintStage;
  /** The deadline that applies at this stage. */
  due: string;
  /** Days from `todayIso` to `due`; 0 on the last day, negative when overdue. */
  daysLeft: number;
  overdue: boolean;
}

/** Where a complaint stands on `todayIso`, given how it has been classified. */
export function complaintClock(
  receivedIso: string, todayIso: string, stage: ComplaintStage = "normal", policy: ComplaintPolicy = DEFAULT_COMPLAINT_POLICY,
): ComplaintClock {
  const dl = complaintDeadlines(receivedIso, policy);
  const due = stage === "normal" ? dl.decide : stage === "complex" ? dl.complex : dl.extended;
  const daysLeft = daysBetween(todayIso, due);
  return { ...dl, stage, due, daysLeft, overdue: daysLeft < 0 };
}

// ---- the generation moment ----
//
// One moment counts every clock LossDesk prints: the contact deadlines, the letter's date, the
// report's "generated" line. Each surface (the pane, `lossdesk analyze --out`, `lossdesk draft`)
// takes it once, as the analyst's local wall-clock time, and passes it down (generatedAt / from).

/** A Date as the local wall-clock ISO date-time "2026-11-28T09:30:00" (no zone: the bank's calendar). */
export function localDateTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** "2026-11-28T09:30:00" -> "2026-11-28 09:30", how the generation time is stated in the output. */
export function formatGeneratedAt(iso: string): string {
  return iso.replace("T", " ").slice(0, 16);
}
