// src/core must stay pure: no Office, DOM, ExcelJS, React or Node I/O. It is what the task pane,
// the CLI and the tests share, and what runs without Excel.
import fs from "fs";
import path from "path";

const CORE = path.join(__dirname, "..", "src", "core");
const FORBIDDEN = [
  /from\s+["'](exceljs|jszip|react|react-dom|fs|fs\/promises|path|os|child_process|zlib|stream|http|https|net)["']/,
  /from\s+["']node:/,
  /from\s+["']@fluentui\//,
  /from\s+["']\.\.\/(adapters|cli|taskpane|commands)/,
  /require\(/,
  /\b(Excel|Office)\.(run|context|onReady)\b/,
  /\b(window|document|localStorage|fetch|XMLHttpRequest)\s*[.(]/,
];

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []);
}

test("src/core imports nothing from Office, the DOM, ExcelJS or Node I/O", () => {
  const found = files(CORE).length;
  expect(found).toBeGreaterThanOrEqual(8);
  const leaks: string[] = [];
  for (const f of files(CORE)) {
    fs.readFileSync(f, "utf8").split("\n").forEach((line, i) => {
      if (/^\s*\/\//.test(line)) return;
      for (const re of FORBIDDEN) if (re.test(line)) leaks.push(`${path.relative(CORE, f)}:${i + 1}: ${line.trim()}`);
    });
  }
  expect(leaks).toEqual([]);
});

test("the purity check itself catches a leak", () => {
  const line = `import ExcelJS from "exceljs";`;
  expect(FORBIDDEN.some((re) => re.test(line))).toBe(true);
  expect(FORBIDDEN.some((re) => re.test(`await Excel.run(async (ctx) => {})`))).toBe(true);
});
