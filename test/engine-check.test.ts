/** @jest-environment node */
// The task pane's inline engine check (src/taskpane/engine-check.js, put into taskpane.html by
// webpack.config.js): on an engine too old for the pane (IE11, EdgeHTML) it shows a plain
// bilingual message instead of a blank page, and it runs before any other script.

import fs from "fs";
import path from "path";
import { JSDOM } from "jsdom";

const ROOT = path.join(__dirname, "..");
const CHECK = fs.readFileSync(path.join(ROOT, "src/taskpane/engine-check.js"), "utf8");
const { taskpaneHtml } = require("../webpack.config.js") as { taskpaneHtml(): string };

type CheckWindow = Window & { lossdeskEngineOk(w: unknown): boolean; LOSSDESK_UNSUPPORTED?: boolean; lossdeskUnsupportedMessage: Record<string, string> };

/** A page with `before` run first (to take features away), then the check. */
function page(before: string): CheckWindow {
  const html = `<!doctype html><html><head><script>${before}</script><script>${CHECK}</script></head><body><div id="root"></div></body></html>`;
  return new JSDOM(html, { runScripts: "dangerously" }).window as unknown as CheckWindow;
}

test("a modern engine passes: nothing is shown, the pane's root stays", () => {
  const w = page("");
  expect(w.LOSSDESK_UNSUPPORTED).toBeUndefined();
  expect(w.document.getElementById("root")).not.toBeNull();
  expect(w.document.getElementById("lossdesk-unsupported")).toBeNull();
});

test.each([
  ["no Object.fromEntries (EdgeHTML 18)", "delete Object.fromEntries;"],
  ["no Promise.allSettled", "delete Promise.allSettled;"],
  ["no globalThis", "delete globalThis.globalThis;"],
  ["no ES2020 syntax (the Function constructor cannot parse ?. and ??)", "window.Function = function () { throw new SyntaxError('Expected identifier'); };"],
])("%s: the page says so in Chinese and English, and nothing else starts", (_what, before) => {
  const w = page(before);
  w.document.dispatchEvent(new w.document.defaultView!.Event("DOMContentLoaded"));
  expect(w.LOSSDESK_UNSUPPORTED).toBe(true);
  const box = w.document.getElementById("lossdesk-unsupported")!;
  expect(box.getAttribute("role")).toBe("alert");
  const [zh, en] = Array.from(box.querySelectorAll("p")).map((p) => [p.getAttribute("lang"), p.textContent]);
  expect(zh).toEqual(["zh-CN", "此版本的 Excel 使用旧的浏览器引擎（Internet Explorer 或旧版 Edge）运行加载项，无法运行 LossDesk。请使用 Microsoft 365（已更新到最新版本）、Office 2021 或更高版本，或 Excel 网页版。"]);
  expect(en).toEqual(["en-US", "This version of Excel runs add-ins in an old browser engine (Internet Explorer or the original Edge), which cannot run LossDesk. Use Microsoft 365 (kept up to date), Office 2021 or later, or Excel on the web."]);
  expect(w.document.getElementById("root")).toBeNull(); // the blank mount point is replaced
});

test("the detection itself, on a stand-in window", () => {
  const w = page("");
  expect(w.lossdeskEngineOk(w)).toBe(true);
  expect(w.lossdeskEngineOk({ ...windowLike(w), Promise: undefined })).toBe(false);
  expect(w.lossdeskEngineOk({ ...windowLike(w), globalThis: undefined })).toBe(false);
  expect(w.lossdeskEngineOk({})).toBe(false); // throws inside: still just "no"
});

function windowLike(w: CheckWindow): Record<string, unknown> {
  const o = w as unknown as Record<string, unknown>;
  return { Promise: o.Promise, Symbol: o.Symbol, Object: o.Object, Array: o.Array, globalThis: o, Function: o.Function };
}

test("taskpane.html carries the check inline, before office.js and before the bundle webpack injects", () => {
  const html = taskpaneHtml();
  const at = html.indexOf(CHECK.trim().slice(0, 80));
  expect(at).toBeGreaterThan(0);
  expect(html.lastIndexOf("<script>", at)).toBeGreaterThan(html.indexOf("<head>"));
  expect(at).toBeLessThan(html.indexOf('src="https://appsforoffice.microsoft.com'));
  expect(at).toBeLessThan(html.indexOf("</head>")); // webpack puts the deferred bundle at the end of <head>
  expect(html).not.toContain("lossdesk:engine-check");
  // ES5 only: no arrow functions, let/const, template strings or classes outside the probe's string
  const code = CHECK.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
  expect(code).not.toMatch(/=>|\blet\b|\bconst\b|`|\bclass\b/);
});
