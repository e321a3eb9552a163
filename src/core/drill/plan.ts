// Plan files (a trainer's own steps) and scenario files, parsed from their text. The CLI reads the
// file; the core only sees its content, so the pane can accept the same files by upload.
//
// Plan: JSON `{"steps": [...]}` or a bare array, or CSV with a header row. A step has phase, text,
// owner, targetMinutes and optionally key (docs/drills.md). Steps are numbered in file order.
// Scenario: JSON with title, description, start, team, roles, steps (all optional) and `base`, the
// preset it starts from.

import type { Locale } from "../i18n";
import { DrillError, parsePhase } from "./logic";
import { ROLE_DUTY, ROLE_NAME, labelIndex, normHeader } from "./text";
import { parseTimeText } from "./time";
import type { DrillRole, PresetName, StepPlan } from "./types";
import { PRESETS, ROLE_KEYS } from "./types";

const ROLE_INDEX = labelIndex(ROLE_NAME, {
  leadership: ["领导小组", "应急领导小组", "leadership group"],
  service: ["客服", "客户服务", "customer service department"],
  legal: ["法务", "legal department"],
  finance: ["财务", "finance department"],
  risk: ["风险管理", "风控", "risk", "risk management department"],
  pr: ["公关", "媒体公关", "public relations", "media"],
});

/** A department named in either language (or by its key) in the plan's locale; other text as is. */
export function localiseOwner(owner: string, locale: Locale): string {
  const k = ROLE_INDEX.get(normHeader(owner));
  return k ? ROLE_NAME[k][locale] : owner.trim();
}

type Raw = Record<string, unknown>;

/** A text field: a plain string, or {"zh-CN": ..., "en-US": ...} from which the locale's is taken. */
function textOf(v: unknown, locale: Locale): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (v && typeof v === "object" && !Array.isArray(v)) {
    const o = v as Raw;
    const t = o[locale] ?? o["zh-CN"] ?? o["en-US"];
    return typeof t === "string" ? t : undefined;
  }
  return undefined;
}

const FIELD_ALIASES: Record<keyof StepPlan, string[]> = {
  phase: ["phase", "阶段"],
  text: ["text", "step", "步骤", "步骤内容"],
  owner: ["owner", "责任部门", "负责部门", "department"],
  targetMinutes: ["targetMinutes", "target", "minutes", "目标用时(分钟)", "目标用时", "target (minutes)"],
  key: ["key", "步骤代码", "step key", "code"],
};
const FIELD_INDEX = new Map<string, keyof StepPlan>();
for (const [k, names] of Object.entries(FIELD_ALIASES)) for (const n of names) FIELD_INDEX.set(normHeader(n), k as keyof StepPlan);

function where(locale: Locale, n: number, unit: "step" | "line"): string {
  if (locale === "zh-CN") return unit === "step" ? `第 ${n} 个步骤` : `第 ${n} 行`;
  return unit === "step" ? `step ${n}` : `line ${n}`;
}

function stepFrom(fields: Partial<Record<keyof StepPlan, unknown>>, locale: Locale, at: string): StepPlan {
  const zh = locale === "zh-CN";
  const text = (textOf(fields.text, locale) ?? "").trim();
  if (!text) throw new DrillError(zh ? `${at}：缺少步骤内容（text）` : `${at}: the step has no text`);
  const phaseText = textOf(fields.phase, locale) ?? "";
  const phase = parsePhase(phaseText);
  if (!phase) {
    throw new DrillError(zh
      ? `${at}：阶段无法识别：“${phaseText}”（可用 preparation/response/communication/after-action 或 准备/应急响应/客户沟通/总结评估）`
      : `${at}: phase not recognised: "${phaseText}" (use preparation, response, communication or after-action)`);
  }
  let targetMinutes: number | null = null;
  const t = fields.targetMinutes;
  if (t !== undefined && t !== null && String(t).trim() !== "") {
    const n = typeof t === "number" ? t : Number(String(t).normalize("NFKC").trim());
    if (!Number.isFinite(n) || n < 0) {
      throw new DrillError(zh ? `${at}：目标用时不是分钟数：“${String(t)}”` : `${at}: target is not a number of minutes: "${String(t)}"`);
    }
    targetMinutes = n;
  }
  const key = textOf(fields.key, locale)?.trim() || undefined;
  return { key, phase, text, owner: localiseOwner(textOf(fields.owner, locale) ?? "", locale), targetMinutes };
}

function stepsFromJson(arr: unknown, locale: Locale): StepPlan[] {
  const zh = locale === "zh-CN";
  if (!Array.isArray(arr)) throw new DrillError(zh ? "steps 必须是数组" : "steps must be an array");
  if (arr.length === 0) throw new DrillError(zh ? "steps 为空" : "steps is empty");
  return arr.map((o, i) => {
    const at = where(locale, i + 1, "step");
    if (!o || typeof o !== "object" || Array.isArray(o)) throw new DrillError(zh ? `${at}：必须是对象` : `${at}: must be an object`);
    const fields: Partial<Record<keyof StepPlan, unknown>> = {};
    for (const [k, v] of Object.entries(o as Raw)) {
      const f = FIELD_INDEX.get(normHeader(k));
      if (f) fields[f] = v;
    }
    return stepFrom(fields, locale, at);
  });
}

function parseJson(text: string, locale: Locale): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new DrillError(locale === "zh-CN" ? `不是有效的 JSON：${(e as Error).message}` : `not valid JSON: ${(e as Error).message}`);
  }
}

export function parsePlanJson(text: string, locale: Locale): StepPlan[] {
  const v = parseJson(text, locale);
  return stepsFromJson(Array.isArray(v) ? v : (v as Raw | null)?.steps, locale);
}

/** RFC 4180 CSV: quoted fields with "" escapes and line breaks; , or ; or tab as the separator. */
export function parseCsv(text: string): string[][] {
  const s = text.replace(/^\uFEFF/, "");
  const firstLine = s.split(/\r?\n/, 1)[0] ?? "";
  const sep = [",", ";", "\t"].map((c) => [c, firstLine.split(c).length] as const).sort((a, b) => b[1] - a[1])[0][0];
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === sep) { row.push(field); field = ""; }
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && s[i + 1] === "\n") i++;
      row.push(field); rows.push(row); row = []; field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) { row.push(field); rows.push(row); }
  return rows;
}

export function parsePlanCsv(text: string, locale: Locale): StepPlan[] {
  const zh = locale === "zh-CN";
  const rows = parseCsv(text);
  const headerAt = rows.findIndex((r) => r.some((c) => c.trim() !== ""));
  if (headerAt < 0) throw new DrillError(zh ? "CSV 文件为空" : "the CSV file is empty");
  const cols = new Map<keyof StepPlan, number>();
  rows[headerAt].forEach((h, c) => {
    const f = FIELD_INDEX.get(normHeader(h));
    if (f && !cols.has(f)) cols.set(f, c);
  });
  for (const need of ["phase", "text"] as const) {
    if (!cols.has(need)) {
      throw new DrillError(zh
        ? `${where(locale, headerAt + 1, "line")}：表头缺少“${need === "phase" ? "阶段 / phase" : "步骤 / text"}”列`
        : `${where(locale, headerAt + 1, "line")}: the header row has no ${need} column`);
    }
  }
  const out: StepPlan[] = [];
  for (let r = headerAt + 1; r < rows.length; r++) {
    if (rows[r].every((c) => c.trim() === "")) continue;
    const fields: Partial<Record<keyof StepPlan, unknown>> = {};
    for (const [f, c] of cols) fields[f] = rows[r][c] ?? "";
    out.push(stepFrom(fields, locale, where(locale, r + 1, "line")));
  }
  if (!out.length) throw new DrillError(zh ? "CSV 文件没有步骤" : "the CSV file has no steps");
  return out;
}

// ---- scenario files ----

export interface ScenarioFile {
  base: PresetName;
  title?: string;
  description?: string[];
  start?: Date;
  team?: string;
  roles?: DrillRole[];
  steps?: StepPlan[];
}

export function parseScenarioJson(text: string, locale: Locale): ScenarioFile {
  const zh = locale === "zh-CN";
  const v = parseJson(text, locale);
  if (!v || typeof v !== "object" || Array.isArray(v)) throw new DrillError(zh ? "情景文件必须是 JSON 对象" : "a scenario file must be a JSON object");
  const o = v as Raw;
  const out: ScenarioFile = { base: "nav-fall" };
  if (o.base !== undefined) {
    if (!PRESETS.includes(o.base as PresetName)) {
      throw new DrillError(zh ? `base 必须是 ${PRESETS.join("、")} 之一：“${String(o.base)}”` : `base must be one of ${PRESETS.join(", ")}: "${String(o.base)}"`);
    }
    out.base = o.base as PresetName;
  }
  if (o.title !== undefined) out.title = textOf(o.title, locale);
  if (o.description !== undefined) {
    const d = Array.isArray(o.description) ? o.description : [o.description];
    out.description = d.map((x) => textOf(x, locale) ?? "").filter((x) => x.trim() !== "");
  }
  if (o.start !== undefined) {
    const t = typeof o.start === "string" ? parseTimeText(o.start) : undefined;
    if (!t || t.getUTCFullYear() < 1971) {
      throw new DrillError(zh ? `start 必须是“YYYY-MM-DD HH:MM”：“${String(o.start)}”` : `start must be "YYYY-MM-DD HH:MM": "${String(o.start)}"`);
    }
    out.start = t;
  }
  if (o.team !== undefined) out.team = textOf(o.team, locale) ?? "";
  if (o.roles !== undefined) {
    if (!Array.isArray(o.roles)) throw new DrillError(zh ? "roles 必须是数组" : "roles must be an array");
    out.roles = o.roles.map((r, i) => {
      const rr = (r ?? {}) as Raw;
      const role = typeof r === "string" ? r : textOf(rr.role, locale);
      if (!role) throw new DrillError(zh ? `第 ${i + 1} 个角色缺少 role` : `role ${i + 1} has no "role"`);
      const name = localiseOwner(role, locale);
      // a department of the plan gets its standard duty when the file gives none
      const k = ROLE_KEYS.find((key) => ROLE_NAME[key][locale] === name);
      return { role: name, duty: textOf(rr.duty, locale) ?? (k ? ROLE_DUTY[k][locale] : ""), player: textOf(rr.player, locale) ?? "" };
    });
  }
  if (o.steps !== undefined) out.steps = stepsFromJson(o.steps, locale);
  return out;
}
