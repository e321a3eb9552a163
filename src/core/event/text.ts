// Every user-visible string of the live event (complaint register, regulator report, media
// statement and log, the response checklist), zh-CN and en-US. Kept with the feature, as the
// drill keeps its own (core/drill/text.ts); readers accept either language's headers.

import type { Text } from "../i18n";

export type { Text };

export const EVENT_SHEETS = {
  complaints: { "zh-CN": "投诉登记", "en-US": "Complaints" },
  regulator: { "zh-CN": "监管报告", "en-US": "Regulator report" },
  regulatorData: { "zh-CN": "监管报告数据", "en-US": "Regulator report data" },
  statement: { "zh-CN": "媒体口径", "en-US": "Media statement" },
  mediaLog: { "zh-CN": "舆情记录", "en-US": "Media log" },
  // the response checklist: the drill's sheets under the live event's names (checklist.ts)
  event: { "zh-CN": "应急事件", "en-US": "Event" },
  steps: { "zh-CN": "应急响应", "en-US": "Response checklist" },
  review: { "zh-CN": "事件复盘", "en-US": "Event review" },
  log: { "zh-CN": "事件记录", "en-US": "Event log" },
} as const satisfies Record<string, Text>;

/** Every sheet name the live event writes, both languages (analysis.ts skips them as input). */
export const EVENT_SHEET_NAMES: string[] = Object.values(EVENT_SHEETS).flatMap((t) => [t["zh-CN"], t["en-US"]]);

export const EVENT_TABLES = { complaints: "Complaints", mediaLog: "MediaLog" } as const;

export function norm(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(/[\s()（）[\]【】/._:：-]/g, "");
}

/** A steps sheet of this name is a live event's checklist (应急响应), not a drill's. */
export function isLiveEventSteps(sheet: string | undefined): boolean {
  return sheet !== undefined && [EVENT_SHEETS.steps["zh-CN"], EVENT_SHEETS.steps["en-US"]].some((n) => norm(n) === norm(sheet));
}

/** Each key's spellings in both languages, normalised, to the key. */
export function labelIndex<K extends string>(labels: Record<K, Text>, extra: Partial<Record<K, string[]>> = {}): Map<string, K> {
  const m = new Map<string, K>();
  for (const k of Object.keys(labels) as K[]) {
    for (const s of [labels[k]["zh-CN"], labels[k]["en-US"], k, ...(extra[k] ?? [])]) if (s) m.set(norm(s), k);
  }
  return m;
}
