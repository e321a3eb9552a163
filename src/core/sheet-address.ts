// The one home for A1 addresses and sheet names in references: column letters, ranges, the
// "sheet!cell" shown in every message, the quoting a formula or defined name needs ('It''s'!A1),
// and the Issue that names a cell. Everything that reports or writes cells (report, layout, drafts,
// drill, event, the adapters) imports these from here rather than from the parser (input.ts).

/** 0 -> "A", 27 -> "AB". */
export function colLetter(index0: number): string {
  let n = index0 + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" -> 0, "AB" -> 27: the inverse of colLetter. */
export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** "B2:D9", "$B$2" (a single cell: r1 = r0, c1 = c0) -> 0-based corners; undefined when no A1 ref. */
export function parseA1Range(ref: string): { r0: number; c0: number; r1: number; c1: number } | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return undefined;
  const r0 = +m[2] - 1, c0 = colIndex(m[1]);
  return { r0, c0, r1: m[4] ? +m[4] - 1 : r0, c1: m[3] ? colIndex(m[3]) : c0 };
}

/**
 * A sheet name as a formula, a defined name or a chart series writes it: always in single quotes,
 * a quote inside doubled ('It''s'). Always quoting is valid for every name, so writers need no test.
 */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The inverse of quoteSheetName; a name without quotes comes back as it is. */
export function unquoteSheetName(s: string): string {
  return s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

/**
 * "客户持仓!F39", "'My sheet'!A1": the reference shown in messages, quoted (as Excel would) only
 * when the name is not plain letters, digits, "_" and "." or starts with a digit.
 */
export function cellRef(sheet: string, cell: string): string {
  const plain = /^[\p{L}\p{N}_.]+$/u.test(sheet) && !/^\d/.test(sheet);
  return `${plain ? sheet : quoteSheetName(sheet)}!${cell}`;
}

export interface Issue {
  severity: "error" | "warning";
  sheet: string;
  /** A1 address of the cell (or the row's first cell for row-level issues). */
  cell: string;
  code: string;
  /** "客户持仓!F39: 持有份额为负数（-100）" */
  message: string;
}

/** An issue whose message starts with the cell it names, as every issue of LossDesk's does. */
export function cellIssue(severity: Issue["severity"], sheet: string, cell: string, code: string, text: string): Issue {
  return { severity, sheet, cell, code, message: `${cellRef(sheet, cell)}: ${text}` };
}
