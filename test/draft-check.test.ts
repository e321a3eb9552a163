// The drafts are checked sentence by sentence with each distinct sentence checked once
// (checkDraftText, for speed on 100,000 clients). That is only right if it finds exactly what
// checking the whole text finds: compared here over every non-letter draft of the sample in both
// languages, and over the compliance corpus with its sentences run together in pairs. The rules
// only: drafts are checked without the statistical model (drafts/check.ts says why).
import fs from "fs";
import path from "path";
import { analyzeWorkbook } from "../src/core/analysis";
import { headerRowNumber } from "../src/core/workbook";
import type { CellValue, SheetSnapshot, TableSheetModel } from "../src/core/workbook";
import { generateSample } from "../src/core/sample";
import { CHANNELS, checkDraftText, clientsToDraft, defaultTemplates, renderDraft } from "../src/core/drafts";
import { checkText } from "../src/core/compliance";
import type { Locale } from "../src/core/i18n";

function toSheet(m: TableSheetModel): SheetSnapshot {
  const rows: CellValue[][] = [];
  (m.preamble ?? []).forEach((l) => rows.push([l]));
  while (rows.length < headerRowNumber(m) - 1) rows.push([]);
  rows.push(m.columns.map((c) => c.header));
  for (const r of m.rows) rows.push([...r]);
  return { name: m.name, rows, tables: [] };
}

const key = (fs: { rule: string; text: string; severity: string }[]) => fs.map((f) => `${f.rule}|${f.severity}|${f.text}`);

test("every draft of the sample, letters included: the masked, sentence-wise check finds what the whole text's check finds", () => {
  const s = generateSample({ clients: 200, products: 6, seed: 7 });
  const a = analyzeWorkbook({ sheets: s.sheets.map(toSheet) });
  const t = defaultTemplates();
  let compared = 0;
  for (const locale of ["zh-CN", "en-US"] as Locale[]) {
    for (const c of clientsToDraft(a)) {
      for (const ch of CHANNELS) {
        const d = renderDraft(a, c, ch, locale, t, { from: "2026-12-02T09:30" });
        expect(key(d.findings)).toEqual(key(checkText(d.text, { locale, letter: ch === "letter", model: false })));
        compared++;
      }
    }
  }
  expect(compared).toBe(107 * 4 * 2);
});

test("the corpus run together in pairs (figures and names masked first): the same findings as the whole text", () => {
  const rows = fs.readFileSync(path.join(__dirname, "fixtures", "compliance", "corpus.tsv"), "utf8")
    .split(/\r?\n/).filter((l) => l && !l.startsWith("#") && !l.startsWith("id\t")).map((l) => l.split("\t"));
  let flagged = 0;
  for (let i = 0; i + 1 < rows.length; i++) {
    const [, locale, , , , a] = rows[i];
    const b = rows[i + 1][5];
    for (const text of [a + b, `${a}\n${b}`]) {
      const whole = key(checkText(text, { locale: locale as Locale, model: false }));
      expect(key(checkDraftText(text, false, locale as Locale))).toEqual(whole);
      // a name in the sentence masked, digits masked: still the same findings
      expect(key(checkDraftText(`张伟先生，${text}`, false, locale as Locale, [["张伟", "客户"]])))
        .toEqual(key(checkText(`张伟先生，${text}`, { locale: locale as Locale, model: false })));
      if (whole.length) flagged++;
    }
  }
  expect(flagged).toBeGreaterThan(400);
});
