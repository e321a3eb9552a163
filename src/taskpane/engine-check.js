/*
 * Runs inline in taskpane.html before the pane's bundle (webpack.config.js puts it there). The pane
 * (React 19, Fluent UI v9, our ES2020 bundle) needs a modern engine: Microsoft Edge WebView2 on
 * Windows, Safari on the Mac, a current browser for Excel on the web. Office 2016 / 2019 perpetual
 * and old Microsoft 365 builds run add-ins in Internet Explorer 11 or the original Edge (EdgeHTML),
 * where the bundle fails to parse and the pane would stay blank. This check, written in ES5 so that
 * those engines can run it (eslint.config.mjs lints this file as ES5), shows a plain message in both
 * languages instead, and sets window.LOSSDESK_UNSUPPORTED so nothing else starts.
 */
(function (win) {
  "use strict";

  /** True when `w` has what the bundle uses: ES2020 syntax and the library functions it calls. */
  function lossdeskEngineOk(w) {
    try {
      if (typeof w.Promise !== "function" || typeof w.Promise.allSettled !== "function") return false;
      if (typeof w.Symbol !== "function" || typeof w.Object.fromEntries !== "function") return false;
      if (typeof w.Array.prototype.flat !== "function" || typeof w.globalThis === "undefined") return false;
      // syntax: IE11 and EdgeHTML cannot parse optional chaining, ?? or class bodies with these
      var probe = new w.Function("var o = {}; class A { m() { return o?.a ?? 1; } } return new A().m() === 1;");
      return probe() === true;
    } catch (_e) {
      return false; // anything thrown (a SyntaxError from the probe, a missing object) means no
    }
  }

  var MESSAGE_ZH = "此版本的 Excel 使用旧的浏览器引擎（Internet Explorer 或旧版 Edge）运行加载项，无法运行 LossDesk。" +
    "请使用 Microsoft 365（已更新到最新版本）、Office 2021 或更高版本，或 Excel 网页版。";
  var MESSAGE_EN = "This version of Excel runs add-ins in an old browser engine (Internet Explorer or the original Edge), " +
    "which cannot run LossDesk. Use Microsoft 365 (kept up to date), Office 2021 or later, or Excel on the web.";

  function showMessage(doc) {
    var box = doc.createElement("div");
    box.setAttribute("id", "lossdesk-unsupported");
    box.setAttribute("role", "alert");
    box.style.font = "14px 'Segoe UI', 'Microsoft YaHei', sans-serif";
    box.style.padding = "16px";
    box.style.lineHeight = "1.5";
    var zh = doc.createElement("p");
    zh.setAttribute("lang", "zh-CN");
    zh.appendChild(doc.createTextNode(MESSAGE_ZH));
    var en = doc.createElement("p");
    en.setAttribute("lang", "en-US");
    en.appendChild(doc.createTextNode(MESSAGE_EN));
    box.appendChild(zh);
    box.appendChild(en);
    var body = doc.body;
    while (body.firstChild) body.removeChild(body.firstChild);
    body.appendChild(box);
  }

  win.lossdeskEngineOk = lossdeskEngineOk;
  win.lossdeskUnsupportedMessage = { "zh-CN": MESSAGE_ZH, "en-US": MESSAGE_EN };
  if (lossdeskEngineOk(win)) return;
  win.LOSSDESK_UNSUPPORTED = true;
  var doc = win.document;
  if (doc.body) showMessage(doc);
  else doc.addEventListener("DOMContentLoaded", function () { showMessage(doc); });
})(window);
