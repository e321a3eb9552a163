// The Excel entry point: inside Excel, mount the pane on the Office.js host; opened anywhere else
// (a plain browser tab), say where the browser preview is instead of failing on Office calls.

import { createExcelHost } from "../adapters/office/host";
import { mountPane } from "./mount";

Office.onReady((info) => {
  // engine-check.js (inline in taskpane.html) found the engine too old and shows its message
  if ((window as { LOSSDESK_UNSUPPORTED?: boolean }).LOSSDESK_UNSUPPORTED) return;
  const root = document.getElementById("root") ?? document.body.appendChild(document.createElement("div"));
  if (info.host === Office.HostType.Excel) {
    mountPane(root, createExcelHost());
    return;
  }
  const zh = /^zh\b/i.test(navigator.language);
  const p = document.createElement("p");
  p.style.font = "14px 'Segoe UI', 'Microsoft YaHei', sans-serif";
  p.style.padding = "16px";
  p.append(zh ? "LossDesk 需要在 Excel 中运行。在浏览器中试用：" : "LossDesk runs inside Excel. To try it in a browser, open ");
  const a = document.createElement("a");
  a.href = "preview.html";
  a.textContent = "preview.html";
  p.append(a);
  root.replaceChildren(p);
});
