// The compliance check of a draft, memoised on the draft with names and digits masked.

import type { Locale } from "../i18n";
import { Finding, checkText } from "../compliance";

// Checking every draft whole is the costliest step of writing the drafts sheet (100,000 clients
// make 400,000 drafts), yet the drafts of one template differ only in the client's name, the
// relationship manager's name and figures. So a draft is first checked with those masked (each
// name replaced by the neutral word the draft uses when it is blank, every digit by 7), each
// distinct masked sentence once; when that is clean, which it is for almost every draft, so is the
// draft. Anything else, and any finding at all, is checked again on the real text, so findings
// and their excerpts are always the real text's. The check's rules stay within a sentence
// (clauses, negation scope, the benchmark's sentence), and neither a personal name nor the value
// of a digit makes a sentence honest: a test compares this with checking every draft whole, over
// the sample and the compliance corpus. A letter is checked whole (its missing-warning finding
// depends on the whole text), masked first in the same way.
// The statistical model (compliance-model.ts) is left out here: it judges a short text whole and a
// long one by pairs of sentences, which this sentence-wise memo cannot reproduce, and a draft is a
// template filled in with figures, while the template's own wording is checked with the model
// where it is written (the templates sheet, template-sheet.ts).
// Not at ！？!?: a question and its answer are read together ("Will I lose? Never.", 吗？不可能的事儿).
const SENTENCE_END = /[。\n]+/g;
const checkedSentences = new Map<string, boolean>();
const checkedLetters = new Map<string, boolean>();
const MAX_CHECKED = 200_000;

function memoClean(memo: Map<string, boolean>, key: string, clean: () => boolean): boolean {
  let v = memo.get(key);
  if (v === undefined) {
    if (memo.size >= MAX_CHECKED) memo.clear();
    v = clean();
    memo.set(key, v);
  }
  return v;
}

/** The sentences of a text, each with its end mark (。 or line breaks). */
function sentencesOf(t: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of t.matchAll(SENTENCE_END)) {
    const end = m.index! + m[0].length;
    if (end > start) out.push(t.slice(start, end));
    start = end;
  }
  if (t.length > start) out.push(t.slice(start));
  return out;
}

/** The text with the given names (2 characters or more) replaced by neutral words and digits by 7. */
function maskDraft(text: string, names: readonly (readonly [string, string])[]): string {
  let t = text;
  for (const [name, neutral] of names) if (name.length >= 2 && name !== neutral) t = t.split(name).join(neutral);
  return t.replace(/[0-9]/g, "7");
}

export function checkDraftText(
  text: string, letter: boolean, locale: Locale, names: readonly (readonly [string, string])[] = [],
): Finding[] {
  const masked = maskDraft(text, names);
  if (letter) {
    if (memoClean(checkedLetters, masked, () => checkText(masked, { letter: true, locale, model: false }).length === 0)) return [];
    return checkText(text, { letter: true, locale, model: false });
  }
  for (const x of sentencesOf(masked)) {
    if (!memoClean(checkedSentences, x, () => checkText(x, { locale, model: false }).length === 0)) {
      const out: Finding[] = [];
      for (const y of sentencesOf(text)) for (const f of checkText(y, { locale, model: false })) out.push(f);
      return out;
    }
  }
  return [];
}
