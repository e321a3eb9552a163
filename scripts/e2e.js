#!/usr/bin/env node
// `npm run test:e2e`: the browser end-to-end test (test/e2e/*.e2e.test.ts) in Debian's chromium.
//
//   1. builds dist/ with webpack (production) unless it is newer than every source it comes from
//      (`--build` forces it, `--no-build` skips it; LOSSDESK_E2E_MODE=development for a faster,
//      unminified build);
//   2. runs the e2e tests with jest (the project's jest config, narrowed to test/e2e/), one at a
//      time: they share one browser.
// Exits non-zero when the build or any test fails. Screenshots: artifacts/e2e/.
"use strict";

const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const args = process.argv.slice(2);
const CHROMIUM = process.env.LOSSDESK_CHROMIUM || "/usr/bin/chromium";

/** Newest modification time under `p` (a file or a folder), skipping nothing but node_modules. */
function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of fs.readdirSync(p)) if (name !== "node_modules") max = Math.max(max, newest(path.join(p, name)));
  return max;
}

const MODE = process.env.LOSSDESK_E2E_MODE === "development" ? "development" : "production";

function needsBuild() {
  if (args.includes("--build")) return true;
  if (args.includes("--no-build")) return false;
  const built = path.join(ROOT, "dist", "preview.html");
  if (!fs.existsSync(built)) return true;
  // A build of the other mode: production names its scripts with a content hash, development not.
  const hashed = /preview\.[0-9a-f]{8}\.js/.test(fs.readFileSync(built, "utf8"));
  if (hashed !== (MODE === "production")) return true;
  const sources = ["src", "assets", "manifest.xml", "webpack.config.js", "tsconfig.json", "package-lock.json", "scripts/manifest.js"];
  return Math.max(...sources.map((s) => newest(path.join(ROOT, s)))) > fs.statSync(built).mtimeMs;
}

function run(cmd, argv, what) {
  // Direct children of this process (no npx / shell), so Ctrl-C and failures end them with us.
  const r = spawnSync(cmd, argv, { cwd: ROOT, stdio: "inherit" });
  if (r.error) throw r.error;
  if (r.status !== 0) {
    console.error(`e2e: ${what} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

if (!fs.existsSync(CHROMIUM)) {
  console.error(`e2e: ${CHROMIUM} not found. Install Debian's chromium: apt-get update && apt-get install -y chromium`);
  process.exit(1);
}

if (needsBuild()) {
  console.log(`e2e: building dist/ (${MODE})`);
  run(process.execPath, [require.resolve("webpack/bin/webpack.js", { paths: [ROOT] }), "--mode", MODE], "the webpack build");
  // webpack leaves an output it would write unchanged alone ("compared for emit"), so after a
  // source was touched without changing the build, preview.html would stay older than it and every
  // later run would build again: mark the build as done now.
  const now = new Date();
  fs.utimesSync(path.join(ROOT, "dist", "preview.html"), now, now);
} else {
  console.log("e2e: dist/ is up to date");
}

const base = require(path.join(ROOT, "jest.config.js"));
const config = {
  ...base,
  rootDir: ROOT,
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.test.ts"],
  testPathIgnorePatterns: ["/node_modules/"],
  testTimeout: 120000,
};
run(
  process.execPath,
  [path.join(ROOT, "node_modules", "jest", "bin", "jest.js"), "--config", JSON.stringify(config), "--runInBand", ...args.filter((a) => !/^--(no-)?build$/.test(a))],
  "the e2e tests",
);
