import { isSettingsXml, settingsFromXml, settingsToXml, SETTINGS_NAMESPACE } from "../src/core/settings-xml";

describe("settings as a custom XML part", () => {
  it("round-trips a JSON text with markup characters in it", () => {
    const json = JSON.stringify({ locale: "zh-CN", note: "a < b & c > d\r\n", bank: "某银行" });
    const xml = settingsToXml(json);
    expect(xml).toContain(`xmlns="${SETTINGS_NAMESPACE}"`);
    expect(isSettingsXml(xml)).toBe(true);
    expect(settingsFromXml(xml)).toBe(json);
  });

  it("reads a part Excel re-serialised with a prefix and CDATA", () => {
    const xml = `<?xml version="1.0"?><ld:settings xmlns:ld="${SETTINGS_NAMESPACE}"><![CDATA[{"locale":"en-US"}]]></ld:settings>`;
    expect(settingsFromXml(xml)).toBe('{"locale":"en-US"}');
  });

  it("ignores other custom XML parts", () => {
    expect(settingsFromXml('<settings xmlns="urn:other">{}</settings>')).toBeUndefined();
    expect(isSettingsXml('<b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/>')).toBe(false);
  });
});
