// The Office adapter uses no Office.js member above the manifest's minimum ExcelApi requirement
// set without a support check at that call (test/helpers/api-sets.ts says exactly what counts as
// one). Reads the `[Api set: ExcelApi 1.x]` annotations of @types/office-js through the TypeScript
// compiler, so each property access is matched to the declaration (and overload) it really hits.

import fs from "fs";
import path from "path";
import { apiUses, manifestMinimum, tsFilesUnder, violations, type ApiUse } from "./helpers/api-sets";

const ROOT = path.join(__dirname, "..");
const OFFICE = path.join(ROOT, "src", "adapters", "office");
const PLANTED = path.join(OFFICE, "__planted__.ts"); // in memory only, never written to disk

// A planted file with every guard form and three mistakes (marked V). Line numbers matter below.
const planted = `import type { Batch } from "./batch";
import { excelApi } from "./support";
export function unguarded(sheet: Excel.Worksheet): void {
  sheet.showGridlines = false; // V 1.8
}
export function guarded(batch: Batch, sheet: Excel.Worksheet): void {
  if (batch.support.gridlines) sheet.showGridlines = false;
}
export function earlyExit(batch: Batch, sheet: Excel.Worksheet): void {
  if (!batch.support.pageLayout) return;
  sheet.pageLayout.orientation = Excel.PageOrientation.landscape;
}
export function tooLow(batch: Batch, sheet: Excel.Worksheet): void {
  if (batch.support.validation) sheet.pageLayout.centerHorizontally = true; // V 1.9 under a 1.8 check
}
export function direct(sheet: Excel.Worksheet): void {
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.9")) sheet.autoFilter.remove();
}
export function negated(batch: Batch, sheet: Excel.Worksheet): void {
  if (!batch.support.autoFilter) {
    return;
  } else sheet.autoFilter.remove();
}
export function inCallback(batch: Batch, sheets: Excel.Worksheet[]): void {
  if (batch.support.gridlines && sheets.length > 0) sheets.forEach((s) => { s.showGridlines = false; });
}
export function conditional(batch: Batch, f: Excel.RangeFormat): void {
  void (batch.support.textLayout ? (f.indentLevel = 2) : 0);
}
export function checkNotAtTheCall(sheet: Excel.Worksheet): void {
  const ok = excelApi("1.9");
  void ok;
  sheet.autoFilter.remove(); // V: the check does not guard this call
}
export function readIsFree(app: Excel.Application, ws: Excel.Worksheet): unknown {
  return [app.calculationMode, ws.getRange("A1").values]; // calculationMode: 1.1 to read, 1.8 to set
}
`;

let all: ApiUse[];
beforeAll(() => {
  all = apiUses({
    files: tsFilesUnder(OFFICE),
    virtual: { [PLANTED]: planted },
    supportFile: path.join(OFFICE, "support.ts"),
    tsconfig: path.join(ROOT, "tsconfig.json"),
  });
}, 120_000);

const real = (): ApiUse[] => all.filter((u) => !u.file.includes("__planted__"));
const inPlanted = (): ApiUse[] => all.filter((u) => u.file.includes("__planted__"));
const show = (us: ApiUse[]): string[] => us.map((u) => `${u.file}:${u.line} ${u.text} needs ExcelApi ${u.needs}${u.guardedBy ? `, guarded by ${u.guardedBy}` : ""}`);

test("the manifest's minimum is read from manifest.xml", () => {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  expect(manifestMinimum(xml)).toMatch(/^1\.\d+$/);
  expect(manifestMinimum('<Sets><Set Name="ExcelApi" MinVersion="1.12"/></Sets>')).toBe("1.12");
});

test("src/adapters/office uses nothing above the manifest's ExcelApi minimum without a support check at the call", () => {
  const min = manifestMinimum(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));
  expect(show(violations(real(), min))).toEqual([]);
});

test("the adapter is still correct at ExcelApi 1.7 (the minimum before this release): every 1.8+ use is guarded", () => {
  expect(show(violations(real(), "1.7"))).toEqual([]);
});

test("the check sees the adapter's uses and their sets (it cannot pass by finding nothing)", () => {
  const uses = real();
  expect(uses.length).toBeGreaterThan(250);
  const find = (member: string): ApiUse | undefined => uses.find((u) => u.member === member);
  expect(find("Range.values")?.needs).toBe("1.1");
  expect(find("Worksheet.showGridlines")?.needs).toBe("1.8");
  expect(find("Worksheet.pageLayout")?.needs).toBe("1.9");
  expect(find("Workbook.customXmlParts")?.needs).toBe("1.5");
  expect(find("ConditionalFormatCollection.add")?.needs).toBe("1.6");
  // writing the calculation mode needs 1.8 ("1.1 for get, 1.8 for set")
  expect(uses.filter((u) => u.member === "Application.calculationMode").map((u) => u.needs)).toContain("1.8");
  expect(uses.filter((u) => Number(u.needs.split(".")[1]) >= 8).every((u) => u.guardedBy !== "")).toBe(true);
});

test("a planted file: unguarded, too-low and not-at-the-call uses fail; every guard form passes", () => {
  expect(show(violations(inPlanted(), "1.7"))).toEqual([
    "src/adapters/office/__planted__.ts:4 sheet.showGridlines needs ExcelApi 1.8",
    "src/adapters/office/__planted__.ts:14 sheet.pageLayout.centerHorizontally needs ExcelApi 1.9, guarded by 1.8",
    "src/adapters/office/__planted__.ts:14 sheet.pageLayout needs ExcelApi 1.9, guarded by 1.8",
    "src/adapters/office/__planted__.ts:33 sheet.autoFilter.remove needs ExcelApi 1.9",
    "src/adapters/office/__planted__.ts:33 sheet.autoFilter needs ExcelApi 1.9",
  ]);
  const guards = inPlanted().filter((u) => u.needs !== "1.1").map((u) => `${u.line} ${u.text} ${u.needs} ${u.guardedBy}`);
  expect(guards).toEqual(expect.arrayContaining([
    "7 sheet.showGridlines 1.8 1.8",
    "11 sheet.pageLayout.orientation 1.9 1.9",
    "11 Excel.PageOrientation 1.7 1.9",
    "17 sheet.autoFilter.remove 1.9 1.9",
    "22 sheet.autoFilter.remove 1.9 1.9",
    "25 s.showGridlines 1.8 1.8",
    "28 f.indentLevel 1.9 1.9",
  ]));
  // reading calculationMode is ExcelApi 1.1: no guard needed
  expect(inPlanted().find((u) => u.text === "app.calculationMode")?.needs).toBe("1.1");
});
