#!/usr/bin/env node
// Collects the honest look-alikes the compliance unit tests pass (test/compliance.test.ts: every
// `test.each([...])` whose name says "passes" or "honest") into
// test/fixtures/compliance/lookalikes.tsv, in the corpus's columns, so the statistical model
// (bench/train-compliance.ts) learns from the hard negatives the rules were built on: "You won't
// lose your place in the queue" is honest, and only a sentence like it in the training data teaches
// an n-gram model so. Run after adding such tests: `node scripts/collect-lookalikes.js`, then
// `npm run train:compliance`.
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const src = fs.readFileSync(path.join(root, "test", "compliance.test.ts"), "utf8");
const out = [];
const seen = new Set();
let at = 0;
for (;;) {
  const start = src.indexOf("test.each([", at);
  if (start < 0) break;
  // the array ends at the first `])(` or `] as const)(` after it; its test name is the string literal
  // that follows. (Until session 10 only `])(` was looked for, so a flagging array typed `as const`
  // ran on into the honest one after it and 38 promises were collected as honest.)
  const close = /\](?:\s*as\s+const)?\)\(/g;
  close.lastIndex = start;
  const found = close.exec(src);
  if (!found) break;
  const end = found.index;
  const name = /^\](?:\s*as\s+const)?\)\(\s*"((?:[^"\\]|\\.)*)"/.exec(src.slice(end));
  at = end + found[0].length;
  if (!name || !/passes|honest/i.test(name[1])) continue;
  const body = src.slice(start + "test.each([".length, end);
  for (const m of body.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
    const s = JSON.parse(`"${m[1]}"`);
    // a rule's name ("certain-outcome") or an option is not a sentence
    if (seen.has(s) || /[\t\n]/.test(s) || /^[a-z-]+$/.test(s)) continue;
    seen.add(s);
    const locale = /[\u3400-\u9fff]/.test(s) ? "zh-CN" : "en-US";
    out.push([`lk${out.length + 1}`, locale, "honest", "-", "tune", s].join("\t"));
  }
}
const header = [
  "# Honest look-alikes from test/compliance.test.ts (made by scripts/collect-lookalikes.js; do not edit by hand).",
  "# Training rows of the statistical model only; the unit tests themselves are what checks them.",
];
// An output path as the argument (a test writes to a temp file and compares): default the fixture.
const target = process.argv[2] || path.join(root, "test", "fixtures", "compliance", "lookalikes.tsv");
fs.writeFileSync(target, `${[...header, ...out].join("\n")}\n`);
console.log(`${out.length} honest sentences -> ${path.relative(process.cwd(), target)}`);
