#!/usr/bin/env node
// Launcher: runs the compiled CLI. `npm ci` builds build/cli/ through the prepare script
// (dist/ is the web build only: what is deployed).
"use strict";
const path = require("path");
const fs = require("fs");
const entry = path.join(__dirname, "..", "build", "cli", "src", "cli", "main.js");
if (!fs.existsSync(entry)) {
  console.error("lossdesk: not built yet. Run `npm ci` (or `npm run build:cli`) in " + path.join(__dirname, ".."));
  process.exit(2);
}
// `lossdesk analyze x.xlsx | head`: the reader went away; stop quietly instead of a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err) => {
    if (err && err.code === "EPIPE") process.exit(0);
    throw err;
  });
}
require(entry).main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error("lossdesk: " + (err && err.message ? err.message : String(err))); process.exitCode = 1; }
);
