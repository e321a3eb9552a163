// The WorkbookHost contract lives in src/host-api.ts so the Office and preview adapters never
// import from the pane's folder (the pane is a front end; the adapters are below it).
import fs from "fs";
import path from "path";

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []);
}

test("src/adapters import nothing from src/taskpane; src/preview only the pane's mount", () => {
  const src = path.join(__dirname, "..", "src");
  const all = [...files(path.join(src, "adapters")), ...files(path.join(src, "preview"))];
  expect(all.length).toBeGreaterThan(20);
  const leaks = all.flatMap((f) => fs.readFileSync(f, "utf8").split("\n")
    .filter((line) => /from\s+["'](\.\.\/)+taskpane\//.test(line))
    .map((line) => `${path.relative(src, f)}: ${line.trim()}`));
  // The preview is a front end: it mounts the pane (and nothing else of it).
  expect(leaks).toEqual(['preview/index.tsx: import { mountPane } from "../taskpane/mount";']);
});

test("src/host-api.ts imports types only (no Office.js, React or DOM code)", () => {
  const text = fs.readFileSync(path.join(__dirname, "..", "src", "host-api.ts"), "utf8");
  const imports = text.split("\n").filter((l) => /^import\b/.test(l));
  expect(imports).toEqual([
    'import type { CellValue, WorkbookSnapshot } from "./core/workbook";',
    'import type { OutputSheets, ReportOutput } from "./core/outputs";',
    // the types of the streamed analysis (analyzeInput)
    'import type { Analysis } from "./core/analysis";',
    'import type { ScoringConfig } from "./core/risk";',
    'import type { IsoDate } from "./core/values";',
    'import type { Locale } from "./core/i18n";',
  ]);
});
