// The pane's settings as a custom XML part of the workbook, the one place both Excel
// (workbook.customXmlParts, ExcelApi 1.5) and the .xlsx path (customXml/itemN.xml, related from
// xl/_rels/workbook.xml.rels) read and write, so a workbook moved between them keeps its settings.
//
// The part is found by its root element's namespace, never by its file name: Excel renumbers
// custom XML items on save. The settings themselves stay a JSON text (src/taskpane/settings.ts
// reads it tolerantly), carried as the root element's escaped text content.

export const SETTINGS_NAMESPACE = "urn:lossdesk:settings:1";
export const SETTINGS_ROOT = "settings";

function escapeXmlText(s: string): string {
  // XML 1.0 cannot carry C0 controls other than tab, LF, CR; JSON.stringify escapes them anyway.
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
}

function unescapeXmlText(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "amp") return "&";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    const code = e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** The whole custom XML part for a settings JSON text. */
export function settingsToXml(json: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${SETTINGS_ROOT} xmlns="${SETTINGS_NAMESPACE}">${escapeXmlText(json)}</${SETTINGS_ROOT}>`;
}

/** Is this custom XML part LossDesk's settings (root element in our namespace)? */
export function isSettingsXml(xml: string): boolean {
  return rootMatch(xml) !== null;
}

function rootMatch(xml: string): RegExpMatchArray | null {
  // The root element, with any prefix, declaring our namespace as its default or prefixed one.
  const body = xml.replace(/^\uFEFF/, "").replace(/<\?xml[^>]*\?>/, "").replace(/<!--[\s\S]*?-->/g, "");
  const m = body.match(/^\s*<((?:[A-Za-z_][\w.-]*:)?settings)\b([^>]*)>([\s\S]*?)<\/\1>\s*$/);
  if (!m) return null;
  if (!m[2].includes(`"${SETTINGS_NAMESPACE}"`) && !m[2].includes(`'${SETTINGS_NAMESPACE}'`)) return null;
  return m;
}

/** The settings JSON text of a settings part, or undefined when the part is not ours. */
export function settingsFromXml(xml: string): string | undefined {
  const m = rootMatch(xml);
  if (!m) return undefined;
  const inner = m[3];
  const cdata = inner.match(/^<!\[CDATA\[([\s\S]*)\]\]>$/);
  return cdata ? cdata[1] : unescapeXmlText(inner);
}
