// The compliance check of a client text (a template part or a generated draft).
//
// Since the 2018 asset-management rules a bank may not promise principal or returns, may not make
// good a loss out of its own pocket, may not show a performance benchmark as an expected return,
// and its sales texts may not use unsupported superlatives. A reply to a client who lost money is
// exactly where a well-meaning relationship manager slips into such words ("we'll make it up to
// you"), so every draft is checked and a failing one is marked, never passed off as clean.
//
// The check is a set of named rules over plain text, Chinese and English. Each forbidden form is
// matched, then dropped again when it is negated in the same clause ("不保本", "不承诺保本",
// "does not guarantee", "无法承诺赔偿"): those are the honest statements a reply should make.
// A rule is a heuristic, not a lawyer: it errs towards flagging, and a person reads the finding.

import type { Locale } from "./i18n";

export type ComplianceRule =
  | "promise-words"
  | "compensation-promise"
  | "superlative"
  | "benchmark-as-return"
  | "missing-risk-warning";

export const COMPLIANCE_RULES: readonly ComplianceRule[] = [
  "promise-words", "compensation-promise", "superlative", "benchmark-as-return", "missing-risk-warning",
];

export interface Finding {
  rule: ComplianceRule;
  /** The offending excerpt as it stands in the text (for missing-risk-warning: what is missing). */
  text: string;
  /** Sheet!A1 of the template cell the text came from, when it came from the workbook. */
  cell?: string;
  /** error: must not go out as it is; warning: a person must look (superlatives can be supported). */
  severity: "error" | "warning";
}

export const RULE_LABEL: Record<ComplianceRule, Record<Locale, string>> = {
  "promise-words": { "zh-CN": "保本保收益类用语", "en-US": "guarantee of principal or return" },
  "compensation-promise": { "zh-CN": "承诺赔偿", "en-US": "promise of compensation" },
  superlative: { "zh-CN": "无依据的绝对化用语", "en-US": "unsupported superlative" },
  "benchmark-as-return": { "zh-CN": "业绩比较基准当作预期收益", "en-US": "benchmark shown as expected return" },
  "missing-risk-warning": { "zh-CN": "缺少风险提示", "en-US": "standard risk warning missing" },
};

/** The standard warnings, as a letter must carry them. */
export const RISK_WARNING: Record<Locale, string> = {
  "zh-CN": "风险提示：理财非存款、产品有风险、投资须谨慎；过往业绩不代表其未来表现。",
  "en-US": "Risk warning: wealth management products are not deposits; they carry risks, so invest prudently. Past performance does not represent future performance.",
};

export interface CheckOptions {
  /** A letter (or e-mail) must carry the standard risk warning. */
  letter?: boolean;
  /** Which language's risk warning a letter needs; guessed from the text when omitted. */
  locale?: Locale;
  /** Put on every finding: the template cell the text came from. */
  cell?: string;
}

// ---- negation ----

// A clause ends at these; a negation further back does not reach the match. "、" is not one:
// "不承诺保本、保收益" negates both.
const ZH_BOUNDARY = /[。！？；，,.;!?\n：:]/;
// 不 but not 不仅/不但 (not only), 不少 (many), 不断 (constantly), 不过 (but), 不错 (good)...;
// 未 but not 未来 (future); 非 but not 非常 (very).
const ZH_NEGATOR = /不(?![仅但少断久论管过错妨如同])|未(?!来)|非(?![常凡])|无法|没有|难以|打破|禁止|杜绝|[勿别莫]/;
const EN_NEGATOR = /\b(?:not|no|never|cannot|can't|won't|don't|doesn't|isn't|aren't|wasn't|without|nor|neither|unable|nothing)\b|n't\b/i;

/** Is the match at `index` negated by a word shortly before it in the same clause? */
function negatedBefore(text: string, index: number, en: boolean): boolean {
  let start = index;
  while (start > 0 && !ZH_BOUNDARY.test(text[start - 1])) start--;
  if (en) {
    const words = text.slice(start, index).trim().split(/\s+/).slice(-6).join(" ");
    return EN_NEGATOR.test(words) || ZH_NEGATOR.test(text.slice(Math.max(start, index - 8), index));
  }
  return ZH_NEGATOR.test(text.slice(Math.max(start, index - 8), index));
}

/** Does the span between two matches hold a negation ("基准不代表预期收益")? */
function negatedBetween(between: string): boolean {
  return ZH_NEGATOR.test(between) || EN_NEGATOR.test(between);
}

// ---- the rules ----

interface Pattern {
  rule: ComplianceRule;
  re: RegExp;
  /** Latin-script pattern: English negation words count. */
  en?: boolean;
  /** Skip the negation check: the match carries its own sense ("can't lose" is a promise). */
  noNegation?: boolean;
  /** Reject a match by its surroundings (e.g. 第一时间 is no ranking). */
  reject?: (text: string, index: number, match: string) => boolean;
}

const PROMISE_ZH = [
  "保证收益", "承诺收益", "刚性兑付", "保收益", "稳赚", "无风险", "零风险",
  "保证本金", "确保本金", "本金无忧", "保证不亏", "只赚不赔", "包赚", "保本",
];

const PATTERNS: Pattern[] = [
  // Longer forms first: once a span is reported, shorter overlapping matches are not.
  {
    rule: "promise-words",
    re: new RegExp(PROMISE_ZH.join("|"), "g"),
    // 确保本次 / 担保本行 hold the characters 保本 without meaning it.
    reject: (t, i, m) => m === "保本" && i > 0 && /[确担环]/.test(t[i - 1]),
  },
  { rule: "promise-words", en: true, re: /\bguarantee[sd]?\s+(?:(?:your|the|of|a|an)\s+)?(?:principal|capital|returns?|income|profits?|yields?|payouts?|gains?)\b/gi },
  { rule: "promise-words", en: true, re: /\b(?:principal|capital|returns?|income|profits?|yields?)[- ](?:guaranteed|protected)\b/gi },
  { rule: "promise-words", en: true, re: /\b(?:principal|capital|returns?|income|profits?|yields?|investments?)\s+(?:is|are|will be|remains?|stays?)\s+(?:fully\s+|100%\s+)?(?:guaranteed|protected|safe|secure)\b/gi },
  { rule: "promise-words", en: true, re: /\b(?:risk[- ]free|no risk|zero risk|without (?:any )?risk|rigid redemption|promised (?:returns?|yields?))\b/gi },
  { rule: "promise-words", en: true, noNegation: true, re: /\b(?:sure|certain|guaranteed) (?:profits?|wins?|gains?)\b|\bcan(?:not|'t) lose\b/gi },

  // Compensation as a promise: a promising verb right before it, or a form that promises by itself.
  {
    rule: "compensation-promise",
    re: /(?:会|将|一定|保证|承诺|负责|确保|愿意|同意|可以|可)(?:给予?|为|向|对)?您?(?:进行)?(?:全额|足额|全部|一次性)?(?:赔偿|补偿|赔付)|(?:全额|足额)(?:赔偿|补偿|赔付)|包赔|兜底|(?:会|将|一定|保证|承诺|负责|确保)(?:为您)?(?:弥补|承担|补足|补齐|赔)(?:您的?)?(?:全部|部分)?的?(?:损失|亏损|本金)/g,
  },
  { rule: "compensation-promise", en: true, re: /\b(?:we|i|the bank)\s*(?:will|'ll|shall|can|promise to|guarantee to|are going to|undertake to)\s+(?:fully\s+)?(?:compensate|reimburse|refund|make good|make up for|cover)\b/gi },
  { rule: "compensation-promise", en: true, re: /\b(?:full|guaranteed|complete)\s+(?:compensation|reimbursement|refund)\b|\bcompensate (?:you )?(?:in full|fully)\b/gi },

  // Unsupported superlatives. 最好 "had better" (最好先…, 最好不要…) is advice, not a claim.
  { rule: "superlative", re: /最好(?![不别先能还是在])|最佳|最优|最安全|最稳[健妥]?|最高收益|收益最高|唯一|名列前茅|遥遥领先|顶级|首选|(?:排名|行业|业绩|收益|全国|全行|全市|同类|市场)第一|第一名|第一品牌/g },
  {
    rule: "superlative", en: true,
    re: /\bbest\b|\b(?:the|our) only (?:products?|choices?|options?|investments?|solutions?|banks?|funds?)\b|\bnumber one\b|\bno\. ?1\b|#1\b|\btop[- ](?:ranked|rated|performing)\b|\b(?:industry|market)[- ]leading\b|\bsafest\b|\bhighest (?:returns?|yields?)\b|\bunbeatable\b|\bsecond to none\b|\branked first\b/gi,
    // "do our best", "best regards", "your best interests", "at best": manners, not claims.
    reject: (t, i, m) => {
      if (!/^best$/i.test(m)) return false;
      const before = t.slice(Math.max(0, i - 20), i).toLowerCase();
      const after = t.slice(i + 4, i + 20).toLowerCase();
      return /\b(?:do|does|did|doing|try|trying|tried)\s+(?:our|my|your|their|its|the)\s+$/.test(before)
        || /\b(?:at|as)\s+$/.test(before)
        || /^\s+(?:regards|wishes|interests?)\b/.test(after);
    },
  },

  // A bare 预期收益率 is the pre-2018 way of showing a return as promised.
  { rule: "benchmark-as-return", re: /预期(?:年化)?收益率/g },
  { rule: "benchmark-as-return", en: true, re: /\bexpected (?:annual(?:i[sz]ed)? )?(?:returns?|yields?) of\s*\d[\d.,]*%?/gi },
];

const ZH_RETURN_WORDS = /预期收益|预计收益|收益率为|将获得|可获得|能获得|预期回报|预期年化|到手收益|稳定获得/g;
const EN_RETURN_WORDS = /\b(?:expected (?:annual(?:i[sz]ed)? )?(?:returns?|yields?)|you(?: will|'ll) (?:get|earn|receive)|will (?:return|yield|pay)|target returns?|projected returns?)\b/gi;
const SENTENCE_END = /[。！？；.!?;\n]/;

/** 业绩比较基准 (or "benchmark") and a return word in one sentence, not negated between them. */
function benchmarkFindings(text: string): { index: number; end: number }[] {
  const out: { index: number; end: number }[] = [];
  for (const [bench, words] of [[/业绩比较基准/g, ZH_RETURN_WORDS], [/\bbenchmark\b/gi, EN_RETURN_WORDS]] as const) {
    for (const b of text.matchAll(bench)) {
      const bi = b.index!;
      let s = bi;
      while (s > 0 && !SENTENCE_END.test(text[s - 1])) s--;
      let e = bi + b[0].length;
      while (e < text.length && !SENTENCE_END.test(text[e])) e++;
      const sentence = text.slice(s, e);
      for (const w of sentence.matchAll(new RegExp(words.source, words.flags))) {
        const wi = s + w.index!;
        const wEnd = wi + w[0].length;
        const [from, to] = wi >= bi ? [bi, wEnd] : [wi, bi + b[0].length];
        const between = wi >= bi ? text.slice(bi + b[0].length, wi) : text.slice(wEnd, bi);
        if (negatedBetween(between) || negatedBefore(text, Math.min(bi, wi), true)) continue;
        out.push({ index: from, end: to });
        break;
      }
    }
  }
  return out;
}

function guessLocale(text: string): Locale {
  const cjk = (text.match(/[\u4e00-\u9fff]/g) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  return cjk * 3 >= latin ? "zh-CN" : "en-US";
}

/** What of the standard warning is missing from a letter, as the phrases a reader would look for. */
function missingWarning(text: string, locale: Locale): string | undefined {
  if (locale === "zh-CN") {
    const t = text.replace(/\s+/g, "");
    const need = ["理财非存款", "产品有风险", "投资须谨慎", "过往业绩不代表其未来表现"];
    const missing = need.filter((p) => !t.includes(p) && !(p === "过往业绩不代表其未来表现" && t.includes("过往业绩不代表未来表现")));
    return missing.length ? missing.join("、") : undefined;
  }
  const t = text.replace(/\s+/g, " ");
  const need: [string, RegExp][] = [
    ["not deposits", /\bnot (?:bank )?deposits?\b/i],
    ["carry risks", /\b(?:carr(?:y|ies)|involves?|entails?|ha(?:s|ve)) risks?\b/i],
    ["invest prudently", /\binvest\w*\b[^.;]*\b(?:prudently|with caution|carefully|cautiously)\b/i],
    ["past performance does not represent future performance", /\bpast performance (?:does not|doesn't|is not|isn't|may not|cannot) (?:represent|indicate|guarantee|predict|be (?:a|an) (?:guide|indication))/i],
  ];
  const missing = need.filter(([, re]) => !re.test(t)).map(([p]) => p);
  return missing.length ? missing.join("; ") : undefined;
}

/** Check one text; findings in the order they occur, the missing warning last. */
export function checkText(text: string, opts: CheckOptions = {}): Finding[] {
  const hits: { rule: ComplianceRule; index: number; end: number }[] = [];
  const taken: [number, number][] = [];
  const free = (a: number, b: number) => taken.every(([x, y]) => b <= x || a >= y);
  const add = (rule: ComplianceRule, index: number, end: number) => {
    if (!free(index, end)) return;
    taken.push([index, end]);
    hits.push({ rule, index, end });
  };
  for (const b of benchmarkFindings(text)) add("benchmark-as-return", b.index, b.end);
  for (const p of PATTERNS) {
    for (const m of text.matchAll(new RegExp(p.re.source, p.re.flags))) {
      const i = m.index!;
      if (p.reject?.(text, i, m[0])) continue;
      if (!p.noNegation && negatedBefore(text, i, !!p.en)) continue;
      add(p.rule, i, i + m[0].length);
    }
  }
  hits.sort((a, b) => a.index - b.index);
  const findings: Finding[] = hits.map((h) => ({
    rule: h.rule,
    text: text.slice(h.index, h.end),
    severity: h.rule === "superlative" ? "warning" : "error",
    ...(opts.cell ? { cell: opts.cell } : {}),
  }));
  if (opts.letter) {
    const missing = missingWarning(text, opts.locale ?? guessLocale(text));
    if (missing) findings.push({ rule: "missing-risk-warning", text: missing, severity: "error", ...(opts.cell ? { cell: opts.cell } : {}) });
  }
  return findings;
}

/** "通过" / "clean", or the findings in one line: "不通过：保本保收益类用语「保本」(promise-words)". */
export function complianceSummary(findings: readonly Finding[], locale: Locale): string {
  if (findings.length === 0) return locale === "zh-CN" ? "通过" : "clean";
  const zh = locale === "zh-CN";
  const items = findings.map((f) => {
    const where = f.cell ? (zh ? `（${f.cell}）` : ` (${f.cell})`) : "";
    return zh
      ? `${RULE_LABEL[f.rule][locale]}「${f.text}」(${f.rule})${where}`
      : `${RULE_LABEL[f.rule][locale]} "${f.text}" (${f.rule})${where}`;
  });
  const failed = findings.some((f) => f.severity === "error");
  const head = zh ? (failed ? "不通过：" : "需复核：") : failed ? "failed: " : "review: ";
  return head + items.join(zh ? "；" : "; ");
}
