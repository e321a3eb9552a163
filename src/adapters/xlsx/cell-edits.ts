// A few cells written into sheets that already exist, and rows added at the end of a table, as
// edits of the sheet's XML inside the grafting writer (graft.ts, GraftRequest.patch): the preview's
// drill steps (WorkbookHost.writeCells). Every other part of the workbook is copied as stored, so
// charts, images and pivot tables on any sheet survive a drill edit, which an ExcelJS round trip
// did not allow.
//
// Only the rows touched are rewritten; a replaced cell keeps its style unless the edit brings a
// number format. Strings are inline text (the sharedStrings part is never rewritten).

import type { CellEdits } from "../../host-api";
import { colIndex, colLetter } from "../../core/sheet-address";
import { parseRange } from "./charts";
import { cellXml } from "./sheet-writer";
import type { PatchContext } from "./graft";
import type { CellValue } from "../../core/workbook";

interface CellWrite {
  row: number; // 1-based
  col: number; // 0-based
  value: CellValue;
  numFmt?: string;
}

const ROW_RE = /<((?:[\w.-]+:)?)row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1row>)/g;
const CELL_RE = /<((?:[\w.-]+:)?)c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1c>)/g;

function attr(attrs: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}\\s*=\\s*"([^"]*)"`).exec(attrs)?.[1];
}

function splitRef(ref: string): { col: number; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref.replace(/\$/g, "").toUpperCase());
  if (!m) throw new Error(`not a cell address: "${ref}"`);
  return { col: colIndex(m[1]), row: Number(m[2]) };
}

/** The sheet XML with `writes` applied. */
export function editSheetXml(xml: string, writes: CellWrite[], ctx: Pick<PatchContext, "styles" | "date1904">): string {
  const sd = /<((?:[\w.-]+:)?)sheetData\b[^>]*?(?:\/>|>([\s\S]*?)<\/\1sheetData>)/.exec(xml);
  if (!sd) throw new Error("worksheet XML has no <sheetData>");
  const p = sd[1];
  const rows = new Map<number, { attrs: string; cells: Map<number, string> }>();
  const order: number[] = [];
  for (const m of (sd[2] ?? "").matchAll(ROW_RE)) {
    const r = Number(attr(m[2], "r"));
    const cells = new Map<number, string>();
    let next = 0;
    for (const c of (m[3] ?? "").matchAll(CELL_RE)) {
      const ref = attr(c[2], "r");
      const col = ref ? splitRef(ref).col : next;
      next = col + 1;
      cells.set(col, c[0]);
    }
    rows.set(r, { attrs: m[2], cells });
    order.push(r);
  }
  const touched = new Set<number>();
  for (const w of writes) {
    let row = rows.get(w.row);
    if (!row) {
      row = { attrs: ` r="${w.row}"`, cells: new Map() };
      rows.set(w.row, row);
      order.push(w.row);
    }
    const ref = `${colLetter(w.col)}${w.row}`;
    const old = row.cells.get(w.col);
    const oldStyle = old ? Number(attr(/<(?:[\w.-]+:)?c\b([^>]*?)\/?>/.exec(old)?.[1] ?? "", "s") ?? 0) : 0;
    const style = w.numFmt && w.value instanceof Date ? ctx.styles.xf({ numFmt: w.numFmt }) : oldStyle;
    let cell = cellXml(ref, w.value, style, ctx.date1904);
    if (p) cell = cell.replace(/<(\/?)(c|is|t|v)\b/g, `<$1${p}$2`);
    if (cell === "") row.cells.delete(w.col);
    else row.cells.set(w.col, cell);
    touched.add(w.row);
  }
  order.sort((a, b) => a - b);
  let body = "";
  for (const r of order) {
    const row = rows.get(r)!;
    if (!touched.has(r)) {
      // untouched rows exactly as they were
      body += rebuildRow(p, row.attrs, row.cells);
      continue;
    }
    // the spans hint would be stale
    body += rebuildRow(p, row.attrs.replace(/\s+spans\s*=\s*"[^"]*"/, ""), row.cells);
  }
  return xml.slice(0, sd.index) + `<${p}sheetData>${body}</${p}sheetData>` + xml.slice(sd.index + sd[0].length);
}

function rebuildRow(p: string, attrs: string, cells: Map<number, string>): string {
  const cols = [...cells.keys()].sort((a, b) => a - b);
  if (cols.length === 0) return `<${p}row${attrs}/>`;
  return `<${p}row${attrs}>${cols.map((c) => cells.get(c)).join("")}</${p}row>`;
}

/** The last used row of a sheet's XML (0 for an empty sheet). */
function lastUsedRow(xml: string): number {
  let last = 0;
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?row\b([^>]*?)(\/?)>/g)) {
    if (m[2] === "/") continue;
    last = Math.max(last, Number(attr(m[1], "r") ?? 0));
  }
  return last;
}

/** GraftRequest.patch for `edits`: appended rows first, then the cells (the order the other hosts use). */
export function cellEditsPatch(edits: CellEdits): (ctx: PatchContext) => Map<string, string> {
  return (ctx) => {
    const out = new Map<string, string>();
    const writesByPart = new Map<string, CellWrite[]>();
    const current = (part: string): string => out.get(part) ?? ctx.read(part) ?? "";
    const sheetPartOf = (name: string): string => {
      const part = ctx.sheetPart(name);
      if (!part) throw new Error(`no sheet "${name}"`);
      return part;
    };
    const push = (part: string, w: CellWrite): void => {
      if (!writesByPart.has(part)) writesByPart.set(part, []);
      writesByPart.get(part)!.push(w);
    };
    for (const a of edits.appends) {
      if (a.rows.length === 0) continue;
      let sheetPart: string;
      let c0 = 0;
      let first: number;
      if (a.tableName) {
        const t = ctx.tables.find((x) => {
          const root = /<(?:[\w.-]+:)?table\b([^>]*)>/.exec(current(x.part));
          return root && (attr(root[1], "name") ?? "").toLowerCase() === a.tableName!.toLowerCase();
        });
        if (!t || !t.sheetPart) throw new Error(`no table "${a.tableName}"`);
        sheetPart = t.sheetPart;
        const xml = current(t.part);
        const ref = attr(/<(?:[\w.-]+:)?table\b([^>]*)>/.exec(xml)![1], "ref");
        if (!ref) throw new Error(`table "${a.tableName}" has no readable range`);
        const r = parseRange(ref);
        c0 = r.left - 1;
        first = r.bottom + 1;
        const grown = `${colLetter(r.left - 1)}${r.top}:${colLetter(r.right - 1)}${r.bottom + a.rows.length}`;
        // the table and its autofilter grow with the rows, so readers take them as the table's
        out.set(t.part, xml.replace(/(<(?:[\w.-]+:)?table\b[^>]*\bref\s*=\s*")[^"]*"/, `$1${grown}"`).replace(/(<(?:[\w.-]+:)?autoFilter\b[^>]*\bref\s*=\s*")[^"]*"/, `$1${grown}"`));
      } else {
        sheetPart = sheetPartOf(a.sheet);
        const pending = writesByPart.get(sheetPart) ?? [];
        first = Math.max(lastUsedRow(current(sheetPart)), ...pending.map((w) => w.row)) + 1;
      }
      a.rows.forEach((values, i) =>
        values.forEach((v, c) => push(sheetPart, { row: first + i, col: c0 + c, value: v, numFmt: a.numFmts?.[c] })),
      );
    }
    for (const e of edits.cells) {
      const { col, row } = splitRef(e.address);
      push(sheetPartOf(e.sheet), { row, col, value: e.value, numFmt: e.numFmt });
    }
    for (const [part, writes] of writesByPart) out.set(part, editSheetXml(current(part), writes, ctx));
    return out;
  };
}
