// The pane's bank settings: they travel with the workbook and reach the drafts as OutputOptions do.
import { bankOf, parseSettings, settingsJson } from "../src/taskpane/settings";

test("bank name, hotline and complaint channel: read, written back, and absent in an older settings text", () => {
  const older = parseSettings(JSON.stringify({ version: 1, locale: "zh-CN", topClients: 20 }));
  expect(older.ok).toBe(true);
  expect(bankOf(older.settings)).toEqual({ bankName: undefined, hotline: undefined, complaintChannel: undefined });
  const s = parseSettings(JSON.stringify({ bankName: " 宁波银行 ", hotline: "95574", complaintChannel: "客服热线95574或手机银行", topClients: 20 }));
  expect(bankOf(s.settings)).toEqual({ bankName: "宁波银行", hotline: "95574", complaintChannel: "客服热线95574或手机银行" });
  const again = parseSettings(settingsJson(s.settings));
  expect(bankOf(again.settings)).toEqual(bankOf(s.settings));
  // not text, or blank: unset (the drafts then show 【银行名称】 and a letter may not be sent)
  expect(bankOf(parseSettings(JSON.stringify({ bankName: 42, hotline: "  " })).settings)).toEqual({ bankName: undefined, hotline: undefined, complaintChannel: undefined });
  expect(JSON.parse(settingsJson(older.settings))).not.toHaveProperty("bankName");
});
