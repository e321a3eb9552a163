// The template sheet 话术模板 / Templates: writing it (templatesSheet) and reading a bank's edited
// copy back (readTemplates), every unreadable row an Issue naming its cell.

import type { CellValue, TableSheetModel, WorkbookSnapshot } from "../workbook";
import { cellIssue, cellRef, colLetter, type Issue, unquoteSheetName } from "../sheet-address";
import { Locale, type Text, ui } from "../i18n";
import { Finding, checkText, complianceSummary } from "../compliance";
import {
  CHANNELS, CHANNEL_LABEL, type DraftVariant, LOCALES, PARTS, PART_LABEL, TEMPLATE_SHEET, TEMPLATE_TIERS, TIERS,
  type TemplateTier, VARIANTS, VARIANT_LABEL, templateTierLabel,
} from "./vocabulary";
import { PLACEHOLDERS, unknownPlaceholders } from "./placeholders";
import { DEFAULT_TEMPLATES, type TemplateKey, type Templates, defaultTemplates, templateKey } from "./templates";
import { cellString, findHeader, findSheet, norm, parseChannel } from "./read";

type TemplateColumn = "channel" | "tier" | "language" | "part" | "text";
const TEMPLATE_COLUMNS: readonly TemplateColumn[] = ["channel", "tier", "language", "part", "text"];
/** Exact headers of the template sheet; either language's is recognised. */
export const TEMPLATE_HEADERS: Record<TemplateColumn, Text> = {
  channel: { "zh-CN": "渠道", "en-US": "Channel" },
  tier: { "zh-CN": "分级", "en-US": "Tier" },
  language: { "zh-CN": "语言", "en-US": "Language" },
  part: { "zh-CN": "部分", "en-US": "Part" },
  text: { "zh-CN": "内容", "en-US": "Text" },
};

function partLabel(i: number, locale: Locale): string {
  return `${i + 1} ${PART_LABEL[PARTS[i]][locale]}`;
}

/**
 * The template sheet 话术模板 / Templates: one row per (channel, tier, language, part). Written
 * with the templates of `opts.locales` (default: the sheet's own language), from `opts.templates`
 * (default: the built-in ones), so an edited set can be written back too.
 */
export function templatesSheet(locale: Locale, opts: { templates?: Templates; locales?: Locale[] } = {}): TableSheetModel {
  const zh = locale === "zh-CN";
  const templates = opts.templates ?? DEFAULT_TEMPLATES;
  const rows: CellValue[][] = [];
  for (const l of opts.locales ?? [locale]) for (const channel of CHANNELS) for (const tier of TEMPLATE_TIERS) {
    const t = templates[templateKey(channel, tier, l)] ?? DEFAULT_TEMPLATES[templateKey(channel, tier, l)];
    PARTS.forEach((_, i) => rows.push([
      CHANNEL_LABEL[channel][locale], templateTierLabel(tier, locale), l, partLabel(i, locale), t.parts[i] ?? "",
    ]));
  }
  const names = PLACEHOLDERS.map((p) => `{${zh ? p.zh : p.key}}`).join(" ");
  return {
    name: TEMPLATE_SHEET[locale],
    // The title is the sheet's name (sheet-names.ts), in either language.
    preamble: zh
      ? [
        TEMPLATE_SHEET[locale],
        "每行是一个模板的一个部分（渠道、分级、语言、部分）；修改“内容”列后重新生成沟通草稿即可生效，缺少的行使用默认话术。",
        `部分依次为：${PARTS.map((_, i) => partLabel(i, locale)).join("、")}。占位符：${names}`,
        "不得出现保本、保收益、承诺赔偿、绝对化用语或把业绩比较基准当作预期收益；信函须保留风险提示。",
        `“分级”除高、中、低外还有：${VARIANTS.map((v) => VARIANT_LABEL[v][locale]).join("、")}（按客户标记选用，优先于风险分级，须复核后发送）；短信可留空部分。`,
      ]
      : [
        TEMPLATE_SHEET[locale],
        "One row per part of a template (channel, tier, language, part); edit the Text column and regenerate the drafts. Missing rows use the built-in text.",
        `Parts in order: ${PARTS.map((_, i) => partLabel(i, locale)).join(", ")}. Placeholders: ${names}`,
        "Never promise principal, returns or compensation, use superlatives or show the benchmark as an expected return; letters keep the risk warning.",
        `Besides high, medium and low, Tier has: ${VARIANTS.map((v) => VARIANT_LABEL[v][locale]).join(", ")} (chosen by the client's flags, before the risk tier; reviewed before sending). SMS parts may be left blank.`,
      ],
    columns: TEMPLATE_COLUMNS.map((c) => ({ header: TEMPLATE_HEADERS[c][locale], width: c === "text" ? 80 : c === "part" ? 14 : 10 })),
    rows,
    tableName: "DraftTemplates",
    freezeHeader: true,
  };
}

const VARIANT_ALIASES: Record<DraftVariant, string[]> = {
  mismatch: ["适当性不匹配", "不匹配", "mismatch", "suitability mismatch"],
  elderly: ["老年客户", "老年", "65岁及以上", "elderly", "older client", "aged 65+"],
  netGain: ["整体未亏损", "未亏损", "netgain", "net gain", "no overall loss"],
};

function parseTier(v: string): TemplateTier | undefined {
  const s = norm(v);
  return TIERS.find((t) => s === t || s === ui("tiers", t, "zh-CN") || s === `${ui("tiers", t, "zh-CN")}风险` || s === `${t} risk`)
    ?? VARIANTS.find((x) => VARIANT_ALIASES[x].some((a) => norm(a) === s));
}

function parseLanguage(v: string): Locale | undefined {
  const s = norm(v);
  if (["zh-cn", "zh", "中文", "简体中文", "chinese"].includes(s)) return "zh-CN";
  if (["en-us", "en", "英文", "english"].includes(s)) return "en-US";
  return undefined;
}

function parsePart(v: string): number | undefined {
  const s = norm(v);
  const m = /^([1-7])(?:\D|$)/.exec(s);
  if (m) return +m[1] - 1;
  const i = PARTS.findIndex((p) => s === p.toLowerCase() || s === norm(PART_LABEL[p]["zh-CN"]) || s === norm(PART_LABEL[p]["en-US"]));
  return i >= 0 ? i : undefined;
}

const TEMPLATE_ISSUE: Record<string, Text> = {
  "unknown-placeholder": { "zh-CN": "未知占位符 {value}", "en-US": "unknown placeholder {value}" },
  "bad-channel": { "zh-CN": "渠道无法识别：“{value}”（可填 电话、短信、微信、信函）", "en-US": "unknown channel \"{value}\" (use phone, SMS, WeChat or letter)" },
  "bad-tier": {
    "zh-CN": "分级无法识别：“{value}”（可填 高、中、低、适当性不匹配、老年客户、整体未亏损）",
    "en-US": "unknown tier \"{value}\" (use high, medium, low, suitability mismatch, older client or no overall loss)",
  },
  "missing-variant": {
    "zh-CN": "模板表缺少“{value}”话术（较早版本的模板表），使用内置话术",
    "en-US": "the sheet has no \"{value}\" templates (a sheet from an older version); the built-in text is used",
  },
  "bad-language": { "zh-CN": "语言无法识别：“{value}”（可填 zh-CN、en-US）", "en-US": "unknown language \"{value}\" (use zh-CN or en-US)" },
  "bad-part": { "zh-CN": "部分无法识别：“{value}”（可填 1 至 7）", "en-US": "unknown part \"{value}\" (use 1 to 7)" },
  "empty-template": { "zh-CN": "内容为空，使用默认话术", "en-US": "empty text; the built-in text is used" },
  "duplicate-template": { "zh-CN": "与第 {value} 行重复，以第 {value} 行为准", "en-US": "repeats row {value}; row {value} is used" },
  "no-template-header": {
    "zh-CN": "未找到表头（需要 渠道、分级、语言、部分、内容），使用默认话术",
    "en-US": "no header row found (needs Channel, Tier, Language, Part, Text); the built-in templates are used",
  },
};

function templateIssue(locale: Locale, severity: Issue["severity"], sheet: string, cell: string, code: string, value = ""): Issue {
  return cellIssue(severity, sheet, cell, code, TEMPLATE_ISSUE[code][locale].replaceAll("{value}", value));
}

export interface TemplatesRead {
  templates: Templates;
  /** Unreadable rows, unknown placeholders, and compliance findings on edited texts. */
  issues: Issue[];
  /** The compliance findings among `issues`, as findings (rule, excerpt, cell). */
  findings: Finding[];
}

/**
 * Read the template sheet (话术模板 or Templates) from a workbook. Anything missing, unreadable
 * or naming an unknown placeholder falls back to the built-in text for that part; each problem
 * is an Issue naming its cell. Edited texts are compliance-checked; a letter from the sheet must
 * still carry the risk warning. `locale` is the language of the messages.
 */
export function readTemplates(wb: WorkbookSnapshot, locale: Locale = "zh-CN"): TemplatesRead {
  const templates = defaultTemplates();
  const issues: Issue[] = [];
  const findings: Finding[] = [];
  const sheet = findSheet(wb, TEMPLATE_SHEET);
  if (!sheet) return { templates, issues, findings };
  const header = findHeader(sheet, TEMPLATE_HEADERS, TEMPLATE_COLUMNS);
  if (!header) {
    issues.push(templateIssue(locale, "error", sheet.name, "A1", "no-template-header"));
    return { templates, issues, findings };
  }
  const col = (k: TemplateColumn) => header.cols.get(k)!;
  const seen = new Map<string, number>(); // template part -> sheet row that set it
  const edited = new Set<TemplateKey>();
  const present = new Set<string>(); // "tier|lang" with at least one readable row on the sheet
  for (let r = header.row + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row || TEMPLATE_COLUMNS.every((k) => cellString(row[col(k)]).trim() === "")) continue;
    const at = (k: TemplateColumn) => `${colLetter(col(k))}${r + 1}`;
    const raw = (k: TemplateColumn) => cellString(row[col(k)]);
    const channel = parseChannel(raw("channel"));
    const tier = parseTier(raw("tier"));
    const lang = parseLanguage(raw("language"));
    const part = parsePart(raw("part"));
    let bad = false;
    if (!channel) { issues.push(templateIssue(locale, "error", sheet.name, at("channel"), "bad-channel", raw("channel").trim())); bad = true; }
    if (!tier) { issues.push(templateIssue(locale, "error", sheet.name, at("tier"), "bad-tier", raw("tier").trim())); bad = true; }
    if (!lang) { issues.push(templateIssue(locale, "error", sheet.name, at("language"), "bad-language", raw("language").trim())); bad = true; }
    if (part === undefined) { issues.push(templateIssue(locale, "error", sheet.name, at("part"), "bad-part", raw("part").trim())); bad = true; }
    if (bad) continue;
    const key = templateKey(channel!, tier!, lang!);
    present.add(`${tier}|${lang}`);
    present.add(`*|${lang}`);
    const slot = `${key}|${part}`;
    const first = seen.get(slot);
    if (first !== undefined) {
      issues.push(templateIssue(locale, "warning", sheet.name, at("part"), "duplicate-template", String(first)));
      continue;
    }
    seen.set(slot, r + 1);
    // Text is kept as typed (leading "=" and all); only blank means "not given".
    const text = raw("text");
    if (text.trim() === "") {
      // An SMS part the built-in text leaves out is blank on the written sheet too: not an issue.
      if (DEFAULT_TEMPLATES[key].parts[part!].trim() !== "") {
        issues.push(templateIssue(locale, "warning", sheet.name, at("text"), "empty-template"));
      }
      continue;
    }
    const unknown = unknownPlaceholders(text);
    if (unknown.length) {
      for (const u of unknown) issues.push(templateIssue(locale, "error", sheet.name, at("text"), "unknown-placeholder", u));
      continue;
    }
    const cell = cellRef(sheet.name, at("text"));
    for (const f of checkText(text, { cell })) findings.push(f);
    const t = templates[key];
    t.parts[part!] = text;
    t.cells[part!] = cell;
    edited.add(key);
  }
  // A sheet written by an older version has no variant rows: those use the built-in text, said once
  // per variant and language the sheet has rows for.
  for (const l of LOCALES) {
    if (!present.has(`*|${l}`)) continue;
    // only a sheet with all three tiers of a language is a whole (older) set; a few edited rows are not
    if (!TIERS.every((t) => present.has(`${t}|${l}`))) continue;
    for (const v of VARIANTS) {
      if (present.has(`${v}|${l}`)) continue;
      issues.push(templateIssue(locale, "warning", sheet.name, `${colLetter(col("tier"))}${header.row + 1}`, "missing-variant", `${templateTierLabel(v, locale)} (${l})`));
    }
  }
  // A letter must still end with the standard warning once edited: checked on the whole letter.
  for (const key of edited) {
    const t = templates[key];
    if (t.channel !== "letter") continue;
    const lastCell = [...t.cells].reverse().find((c) => c !== undefined);
    const missing = checkText(t.parts.join("\n"), { letter: true, locale: t.locale, cell: lastCell })
      .filter((f) => f.rule === "missing-risk-warning");
    findings.push(...missing);
  }
  for (const f of findings) {
    const [sheetPart, cellPart] = splitRef(f.cell!);
    issues.push({
      severity: f.severity, sheet: sheetPart, cell: cellPart, code: `compliance-${f.rule}`,
      message: `${f.cell}: ${complianceSummary([{ ...f, cell: undefined }], locale)}`,
    });
  }
  return { templates, issues, findings };
}

function splitRef(ref: string): [string, string] {
  const i = ref.lastIndexOf("!");
  // ref is a cellRef: a quoted name always ends in its closing quote.
  return [unquoteSheetName(ref.slice(0, i)), ref.slice(i + 1)];
}
