// Drafts, templates, SMS segments, contact deadlines and regeneration of the drafts sheet.
import os from "os";
import path from "path";
import fs from "fs";
import { analyzeWorkbook, Analysis } from "../src/core/analysis";
import { headerRowNumber } from "../src/core/workbook";
import type { CellValue, SheetSnapshot, TableSheetModel, WorkbookSnapshot } from "../src/core/workbook";
import { generateSample } from "../src/core/sample";
import {
  CHANNELS, DEFAULT_TEMPLATES, PARTS, PLACEHOLDERS, defaultTemplates, draftsSheet, readTemplates, renderDraft,
  smsSegments, templatesSheet, templateKey, unknownPlaceholders, draftValues, fillTemplate,
} from "../src/core/drafts";
import { checkText } from "../src/core/compliance";
import {
  CONTACT_DEADLINES, addWorkdays, complaintClock, complaintDeadlines, contactDeadline, contactPhrase,
} from "../src/core/contact";
import { draftCommand } from "../src/cli/draft";
import { writeNewWorkbook } from "../src/adapters/exceljs/write";

/** Lay a model out the way the writer does: preamble, a blank row, the header, the data. */
function toSheet(m: TableSheetModel): SheetSnapshot {
  const rows: CellValue[][] = [];
  (m.preamble ?? []).forEach((l) => rows.push([l]));
  while (rows.length < headerRowNumber(m) - 1) rows.push([]);
  rows.push(m.columns.map((c) => c.header));
  for (const r of m.rows) rows.push([...r]);
  return { name: m.name, rows, tables: [] };
}

function workbook(extraHoldings: CellValue[][] = [], drop: string[] = []): WorkbookSnapshot {
  const holdings: CellValue[][] = [
    ["C001", "王伟", "LC2026A01", 100000, 1.5, "周晓燕", "C2", 70],
    ["C002", "李娜", "LC2026A01", 20000, 1.5, "吴建华", "C4", 40],
    ["C003", "张敏", "LC2026A01", 2000, 1.26, "郑凯", "C4", 35],
    ["C004", "刘洋", "LC2026A02", 10000, 1.0, "郑凯", "C3", 30],
    ["C005", '=HYPERLINK("http://example.com","点击")', "LC2026A01", 1000, 1.5, "", "C4", 40],
    ...extraHoldings,
  ].filter((r) => !drop.includes(r[0] as string));
  return {
    sheets: [
      {
        name: "产品净值", tables: [], rows: [
          ["产品代码", "产品名称", "净值日期", "单位净值"],
          ["LC2026A01", "稳盈增利1号", "2026-06-01", 1.5],
          ["LC2026A01", "稳盈增利1号", "2026-11-27", 1.2],
          ["LC2026A02", "安鑫纯债1号", "2026-06-01", 1.0],
          ["LC2026A02", "安鑫纯债1号", "2026-11-27", 1.05],
        ],
      },
      { name: "产品信息", tables: [], rows: [["产品代码", "产品名称", "风险等级"], ["LC2026A01", "稳盈增利1号", "R4"], ["LC2026A02", "安鑫纯债1号", "R2"]] },
      { name: "客户持仓", tables: [], rows: [["客户编号", "客户姓名", "产品代码", "持有份额", "买入净值", "客户经理", "风险承受能力", "年龄"], ...holdings] },
    ],
  };
}

const analysis = (wb = workbook()) => analyzeWorkbook(wb);
const client = (a: Analysis, id: string) => a.clients.find((c) => c.clientId === id)!;

describe("contact deadlines and the complaint clock", () => {
  test("by tier, from a date (the starting day not counted)", () => {
    expect(contactDeadline("high", "2026-11-27")).toBe("2026-11-28");
    expect(contactDeadline("medium", "2026-11-27")).toBe("2026-11-30");
    expect(contactDeadline("low", "2026-11-27")).toBe("2026-12-04");
    expect(contactDeadline("high", "2026-11-27T15:30:00Z")).toBe("2026-11-28");
    expect(contactDeadline("high", "2026-11-27T23:30:00+08:00")).toBe("2026-11-28");
  });
  test("configurable, in working days with holidays", () => {
    const policy = { high: { amount: 4, unit: "hours" as const }, medium: { amount: 3, unit: "workdays" as const }, low: { amount: 10, unit: "days" as const }, holidays: ["2026-11-30"] };
    expect(contactDeadline("medium", "2026-11-27", policy)).toBe("2026-12-03"); // Fri -> skip Sat, Sun, Mon holiday
    expect(addWorkdays("2026-11-27", 3)).toBe("2026-12-02");
    expect(contactDeadline("high", "2026-11-27T21:00", policy)).toBe("2026-11-28");
    expect(contactPhrase("medium", "zh-CN", policy)).toBe("3个工作日内");
    expect(contactPhrase("medium", "en-US", policy)).toBe("within 3 working days");
  });
  test("phrases", () => {
    expect(["high", "medium", "low"].map((t) => contactPhrase(t as "high", "zh-CN"))).toEqual(["24小时内", "3日内", "7日内"]);
    expect(["high", "medium", "low"].map((t) => contactPhrase(t as "high", "en-US"))).toEqual(["within 24 hours", "within 3 days", "within 7 days"]);
    expect(CONTACT_DEADLINES.medium.label["zh-CN"]).toBe("3日内");
  });
  test("complaints: 15 days, 30 when complex, 60 at most", () => {
    expect(complaintDeadlines("2026-11-27")).toEqual({ received: "2026-11-27", decide: "2026-12-12", complex: "2026-12-27", extended: "2027-01-26" });
    expect(complaintClock("2026-11-27", "2026-12-12")).toMatchObject({ due: "2026-12-12", daysLeft: 0, overdue: false });
    expect(complaintClock("2026-11-27", "2026-12-13")).toMatchObject({ daysLeft: -1, overdue: true });
    expect(complaintClock("2026-11-27", "2026-12-13", "complex")).toMatchObject({ due: "2026-12-27", daysLeft: 14, overdue: false });
  });
});

describe("SMS segments", () => {
  const zh = (n: number) => "中".repeat(n);
  const a = (n: number) => "a".repeat(n);
  test.each([
    [zh(70), "UCS-2", 70, 70, 1], [zh(71), "UCS-2", 71, 67, 2], [zh(134), "UCS-2", 134, 67, 2], [zh(135), "UCS-2", 135, 67, 3],
    [a(160), "GSM-7", 160, 160, 1], [a(161), "GSM-7", 161, 153, 2], [a(306), "GSM-7", 306, 153, 2], [a(307), "GSM-7", 307, 153, 3],
    [a(159) + "€", "GSM-7", 161, 153, 2], // an extension character takes two septets
    [a(159) + "中", "UCS-2", 160, 67, 3], // one Chinese character makes the whole message UCS-2
    [zh(69) + "😀", "UCS-2", 71, 67, 2], // beyond the BMP: two code units
  ])("%#", (text, encoding, units, perSegment, segments) => {
    expect(smsSegments(text)).toEqual({ encoding, units, perSegment, segments });
  });
});

describe("default templates", () => {
  test("every (channel, tier, locale) has seven non-empty parts, known placeholders, and passes the check", () => {
    const keys = Object.keys(DEFAULT_TEMPLATES);
    expect(keys.length).toBe(4 * 3 * 2);
    for (const t of Object.values(DEFAULT_TEMPLATES)) {
      expect(t.parts.length).toBe(7);
      for (const p of t.parts) {
        expect(p.trim()).not.toBe("");
        expect(unknownPlaceholders(p)).toEqual([]);
      }
      expect(checkText(t.parts.join("\n"), { letter: t.channel === "letter", locale: t.locale })).toEqual([]);
    }
  });
  test("the placeholders have Chinese and English names that fill the same value", () => {
    expect(PLACEHOLDERS.map((p) => p.zh)).toEqual(["客户姓名", "产品名称", "产品代码", "亏损金额", "亏损比例", "合计说明", "净值回撤", "客户经理", "联系时间", "联系日期", "分析日", "日期", "亏损金额简", "亏损比例简"]);
    const a = analysis();
    const v = draftValues(a, client(a, "C001"), "zh-CN");
    expect(fillTemplate("{客户姓名}/{clientName}/{CLIENTNAME}/{亏损金额}/{lossRate}/{联系时间}/{联系日期}/{未知}", v))
      .toBe("王伟/王伟/王伟/30,000.00/20.00%/24小时内/2026年11月28日/{未知}");
  });
});

describe("drafts: every channel x locale", () => {
  const a = analysis();
  const t = defaultTemplates();
  test("the scenario's clients and tiers", () => {
    expect(a.clients.map((c) => [c.clientId, c.riskTier, c.pnlFen])).toEqual([
      ["C001", "high", -3000000], ["C002", "medium", -600000], ["C005", "low", -30000], ["C003", "low", -12000], ["C004", "low", 50000],
    ]);
  });

  test("high tier SMS, zh and en", () => {
    const zh = renderDraft(a, client(a, "C001"), "sms", "zh-CN", t);
    // the seven parts in order: empathy, shortfall, cause, advice, plan, relationship, contact
    expect(zh.text).toBe("王伟您好，理解您心情。稳盈增利1号亏约3.0万元(20.0%)不及预期，系市场波动。建议勿急，另议方案，长期陪伴。周晓燕24小时内来电。");
    expect(zh.sms).toEqual({ encoding: "UCS-2", units: 68, perSegment: 70, segments: 1 });
    expect(zh.contactBy).toBe("2026-11-28");
    expect(zh.findings).toEqual([]);
    const en = renderDraft(a, client(a, "C001"), "sms", "en-US", t);
    expect(en.text).toBe("王伟, sorry. 稳盈增利1号: down ~CNY 30.0k (20.0%), below hopes; markets fell. Stay calm; options next; we're with you. 周晓燕 calls within 24 hours.");
    // Chinese names make an English text UCS-2: English SMS fit one segment only with Latin names
    expect(en.sms?.encoding).toBe("UCS-2");
  });

  test("medium tier SMS names the 3-day call", () => {
    expect(renderDraft(a, client(a, "C002"), "sms", "zh-CN", t).text).toBe("李娜您好，理解您心情。稳盈增利1号亏约6,000元(20.0%)不及预期，系市场波动。建议勿急，另议方案，长期服务。吴建华3日内来电。");
    expect(renderDraft(a, client(a, "C002"), "sms", "en-US", t).text).toBe("李娜, sorry. 稳盈增利1号: down ~CNY 6,000 (20.0%), below hopes; markets fell. Stay calm; options next; we're here. 吴建华 calls within 3 days.");
  });

  const low: Record<string, string> = {
    "phone zh-CN": "【共情】张敏您好，我是郑凯，打扰您了。理解您对稳盈增利1号近期表现的关注。\n【承认落差】截至2026年11月27日，该产品亏损120.00元（4.76%），不及预期。\n【原因说明】主要是市场波动所致，净值型产品的净值会有涨跌。\n【专业建议】建议结合自身需要理性持有或调整。\n【具体方案】如需调整，我可以帮您梳理可选方案。\n【长期关系】我们会持续为您做好服务。\n【保持联系】我会在7日内再与您联系。",
    "sms zh-CN": "张敏您好，理解您关注。稳盈增利1号亏约120元(4.8%)不及预期，系市场波动。理性持有，可议方案，持续服务。郑凯7日内联系。",
    "wechat zh-CN": "张敏您好，我是郑凯，理解您对稳盈增利1号的关注。截至2026年11月27日，该产品亏损120.00元（4.76%），不及预期。主要是市场波动所致。建议结合自身需要理性持有或调整。需要的话我可以帮您梳理方案。我们会持续为您服务。我会在7日内与您联系。",
    "letter zh-CN": "尊敬的张敏：\n\n您好！感谢您对稳盈增利1号的关注。\n\n截至2026年11月27日，该产品亏损120.00元（4.76%），不及预期。\n\n这主要是市场波动所致。\n\n建议您结合自身需要理性持有或调整。\n\n如需调整，您的客户经理可为您梳理方案。\n\n我们将持续为您提供服务。\n\n郑凯将于7日内与您联系。\n\n郑凯\n2026年11月27日\n\n风险提示：理财非存款、产品有风险、投资须谨慎；过往业绩不代表其未来表现。",
    "phone en-US": "[empathy] Hello 张敏, this is 郑凯. I understand you may be concerned about 稳盈增利1号.\n[acknowledge] As of November 27, 2026, it shows a loss of CNY 120.00 (4.76%), below what you hoped for.\n[causes] This is mainly due to market movements; NAVs go up and down.\n[advice] I suggest holding or adjusting calmly, in line with your own needs.\n[plan] If you would like to adjust, I can go through the options with you.\n[relationship] We will keep looking after your account.\n[keep in touch] I will be in touch again within 7 days.",
    "sms en-US": "张敏, we understand. 稳盈增利1号: down ~CNY 120 (4.8%), below hopes; markets fell. Decide calmly; options open; at your service. 郑凯 will call within 7 days.",
    "wechat en-US": "Hello 张敏, this is 郑凯. I understand you may be concerned about 稳盈增利1号. As of November 27, 2026, the loss is CNY 120.00 (4.76%), below what you hoped for. This is mainly due to market movements. I suggest holding or adjusting calmly, in line with your needs. I can go through the options with you if you wish. We remain at your service. I will be in touch within 7 days.",
    "letter en-US": "Dear 张敏,\n\nThank you for your interest in 稳盈增利1号.\n\nAs of November 27, 2026, it shows a loss of CNY 120.00 (4.76%), below what you hoped for.\n\nThis is mainly due to market movements.\n\nWe suggest holding or adjusting calmly, in line with your needs.\n\nYour relationship manager can go through the options with you.\n\nWe remain at your service.\n\n郑凯 will contact you within 7 days.\n\n郑凯\nNovember 27, 2026\n\nRisk warning: wealth management products are not deposits; they carry risks, so invest prudently. Past performance does not represent future performance.",
  };
  test.each(Object.keys(low))("low tier %s, exactly", (k) => {
    const [channel, locale] = k.split(" ") as [typeof CHANNELS[number], "zh-CN" | "en-US"];
    const d = renderDraft(a, client(a, "C003"), channel, locale, t);
    expect(d.text).toBe(low[k]);
    expect(d.findings).toEqual([]);
    expect(d.contactBy).toBe("2026-12-04");
  });

  test("high tier phone and letter: seven parts in order, the RM calls in person, the letter ends with the warning", () => {
    const phone = renderDraft(a, client(a, "C001"), "phone", "zh-CN", t);
    expect(phone.text.split("\n").map((l) => l.slice(0, l.indexOf("】") + 1))).toEqual(["【共情】", "【承认落差】", "【原因说明】", "【专业建议】", "【具体方案】", "【长期关系】", "【保持联系】"]);
    expect(phone.parts[1]).toBe("截至2026年11月27日，您持有的稳盈增利1号亏损30,000.00元，亏损比例20.00%。这个结果没有达到您的预期，我们不回避这一点。");
    expect(phone.parts[6]).toBe("我会在24小时内再给您打电话，把方案和最新情况跟您详细沟通；在这之前有任何问题，请随时打给我。");
    expect(phone.length).toBe(507);
    const letter = renderDraft(a, client(a, "C001"), "letter", "zh-CN", t);
    expect(letter.text.startsWith("尊敬的王伟：\n\n您好！近期稳盈增利1号净值出现下跌")).toBe(true);
    expect(letter.text.endsWith("周晓燕\n2026年11月27日\n\n风险提示：理财非存款、产品有风险、投资须谨慎；过往业绩不代表其未来表现。")).toBe(true);
    const en = renderDraft(a, client(a, "C001"), "letter", "en-US", t);
    expect(en.parts[6]).toBe("周晓燕 will call you within 24 hours. Please contact us at any time if you have questions.\n\nYours sincerely,\n\n周晓燕\nNovember 27, 2026\n\nRisk warning: wealth management products are not deposits; they carry risks, so invest prudently. Past performance does not represent future performance.");
    expect(renderDraft(a, client(a, "C001"), "wechat", "en-US", t).parts[6]).toBe("I will call you personally within 24 hours to talk it through, and you can message me here any time.");
  });

  test("a name starting with = stays as it is; a blank RM reads naturally", () => {
    const d = renderDraft(a, client(a, "C005"), "sms", "zh-CN", t);
    expect(d.text).toBe('=HYPERLINK("http://example.com","点击")您好，理解您关注。稳盈增利1号亏约300元(20.0%)不及预期，系市场波动。理性持有，可议方案，持续服务。您的客户经理7日内联系。');
    expect(renderDraft(a, client(a, "C005"), "letter", "en-US", t).parts[6].startsWith("Your relationship manager will contact you within 7 days.\n\nYour relationship manager\n")).toBe(true);
  });

  test("a client with several products: the largest loss is named, the total follows", () => {
    const b = analysis(workbook([["C001", "王伟", "LC2026A02", 10000, 1.0, "周晓燕", "C2", 70]]));
    const d = renderDraft(b, client(b, "C001"), "wechat", "zh-CN", t);
    expect(d.parts[1]).toBe("截至2026年11月27日，您持有的该产品亏损30,000.00元（20.00%）；您持有的全部产品合计亏损29,500.00元（18.44%），这个结果没有达到您的预期。");
    expect(renderDraft(b, client(b, "C001"), "wechat", "en-US", t).parts[1]).toBe("As of November 27, 2026, your holding shows a loss of CNY 30,000.00 (20.00%); across all your holdings the loss is CNY 29,500.00 (18.44%). That is not the result you expected.");
  });

  test("the default zh SMS: two segments at most on the longest realistic values", () => {
    const b = analysis({
      sheets: [
        { name: "净值", tables: [], rows: [["产品代码", "产品名称", "净值日期", "单位净值"], ["LC2026A04", "丰年固收+季季分红12号", "2026-06-01", 1.5], ["LC2026A04", "丰年固收+季季分红12号", "2026-11-27", 1.1234]] },
        { name: "持仓", tables: [], rows: [["客户编号", "客户姓名", "产品代码", "持有份额", "买入金额", "客户经理", "年龄"], ["C9", "欧阳晓燕", "LC2026A04", 4938271.6, 7407407.4, "孙丽萍", 80]] },
      ],
    });
    const c = client(b, "C9");
    expect(c.riskTier).toBe("high");
    const d = renderDraft(b, c, "sms", "zh-CN", t);
    // a 12-character product name is past what one segment holds: two, never more
    expect(d.text).toBe("欧阳晓燕您好，理解您心情。丰年固收+季季分红12号亏约186.0万元(25.1%)不及预期，系市场波动。建议勿急，另议方案，长期陪伴。孙丽萍24小时内来电。");
    expect(d.sms).toEqual({ encoding: "UCS-2", units: 78, perSegment: 67, segments: 2 });
    // The fixed words of the seven parts leave room for the facts within 70 characters.
    const fixed = DEFAULT_TEMPLATES[templateKey("sms", "high", "zh-CN")].parts.join("").replace(/\{[^}]*\}/g, "");
    expect([...fixed].length).toBe(43);
    // English with Latin names is GSM-7.
    const e = analysis({
      sheets: [
        { name: "NAV", tables: [], rows: [["Product code", "Product name", "NAV date", "Unit NAV"], ["P1", "Wenying Zengli No.12", "2026-06-01", 1.5], ["P1", "Wenying Zengli No.12", "2026-11-27", 1.1234]] },
        { name: "Holdings", tables: [], rows: [["Client ID", "Client name", "Product code", "Shares", "Cost amount", "Relationship manager", "Age"], ["C9", "Ouyang Xiaoyan", "P1", 4938271.6, 7407407.4, "Sun Liping", 80]] },
      ],
    });
    expect(renderDraft(e, client(e, "C9"), "sms", "en-US", t).sms).toEqual({ encoding: "GSM-7", units: 172, perSegment: 153, segments: 2 });
    const w = analysis({
      sheets: [
        { name: "NAV", tables: [], rows: [["Product code", "Product name", "NAV date", "Unit NAV"], ["P1", "Wenying Growth 1", "2026-06-01", 1.5], ["P1", "Wenying Growth 1", "2026-11-27", 1.2]] },
        { name: "Holdings", tables: [], rows: [["Client ID", "Client name", "Product code", "Shares", "Cost amount", "Relationship manager", "Age"], ["C1", "Wang Wei", "P1", 100000, 150000, "Zhou Xiaoyan", 70]] },
      ],
    });
    const ordinary = renderDraft(w, client(w, "C1"), "sms", "en-US", t);
    expect(ordinary.text).toBe("Wang Wei, sorry. Wenying Growth 1: down ~CNY 30.0k (20.0%), below hopes; markets fell. Stay calm; options next; we're here. Zhou Xiaoyan calls within 3 days.");
    expect(ordinary.sms).toEqual({ encoding: "GSM-7", units: 158, perSegment: 160, segments: 1 });
  });

  test("on the bundled-style sample every zh SMS is one segment and every draft is clean", () => {
    const s = generateSample({ clients: 200, products: 6, seed: 7 });
    const b = analyzeWorkbook({ sheets: s.sheets.map(toSheet) });
    const r = draftsSheet(b, t, "zh-CN");
    expect(r.drafts.length).toBe(4 * b.totals.clientsWithLoss);
    const sms = r.drafts.filter((d) => d.channel === "sms");
    expect(sms).toHaveLength(97);
    // one segment each, but for the formula-looking junk name and the 11-character product name
    expect(sms.filter((d) => d.sms!.segments > 1).map((d) => [d.sms!.units, d.sms!.segments])).toEqual([[103, 2], [71, 2]]);
    expect(r.drafts.filter((d) => d.findings.length > 0)).toEqual([]);
  });
});

describe("the template sheet", () => {
  test("written in each language", () => {
    const zh = templatesSheet("zh-CN");
    expect(zh.name).toBe("话术模板");
    expect(zh.columns.map((c) => c.header)).toEqual(["渠道", "分级", "语言", "部分", "内容"]);
    expect(zh.rows.length).toBe(4 * 3 * 7);
    expect(zh.rows[0]).toEqual(["电话", "高", "zh-CN", "1 共情", DEFAULT_TEMPLATES["phone|high|zh-CN"].parts[0]]);
    expect(zh.rows[20].slice(0, 4)).toEqual(["电话", "低", "zh-CN", "7 保持联系"]);
    const en = templatesSheet("en-US");
    expect(en.name).toBe("Templates");
    expect(en.columns.map((c) => c.header)).toEqual(["Channel", "Tier", "Language", "Part", "Text"]);
    expect(en.rows[7].slice(0, 4)).toEqual(["phone", "medium", "en-US", "1 empathy"]);
    expect(templatesSheet("zh-CN", { locales: ["zh-CN", "en-US"] }).rows.length).toBe(168);
  });

  test("no sheet: the defaults, no issues; the written sheet reads back unchanged", () => {
    expect(readTemplates({ sheets: [] })).toEqual({ templates: defaultTemplates(), issues: [], findings: [] });
    const r = readTemplates({ sheets: [toSheet(templatesSheet("zh-CN"))] });
    expect(r.issues).toEqual([]);
    expect(r.templates["sms|low|zh-CN"].parts).toEqual(DEFAULT_TEMPLATES["sms|low|zh-CN"].parts);
    expect(r.templates["sms|low|zh-CN"].cells[0]).toBe("话术模板!E42");
  });

  test("an edited text is used; unknown placeholders, bad values, blanks and repeats are issues naming the cell", () => {
    const m = templatesSheet("zh-CN");
    // header on row 6 (4 preamble lines, a blank row); data from row 7
    m.rows[0][4] = "{客户名字}您好，{客户经理}来电。";
    m.rows[35][4] = "{clientName}您好！"; // sms|low|zh-CN part 1 (row 42): an English alias in a Chinese text
    m.rows[1][0] = "传真";
    m.rows[2][3] = "8 结束";
    m.rows[3][4] = "  ";
    m.rows[4][3] = "4";
    const sheet = toSheet(m);
    sheet.rows.push(["电话", "高", "zh-CN", "1 共情", "重复的行"]);
    const r = readTemplates({ sheets: [sheet] });
    expect(r.issues.map((i) => [i.severity, i.cell, i.code, i.message])).toEqual([
      ["error", "E7", "unknown-placeholder", "话术模板!E7: 未知占位符 {客户名字}"],
      ["error", "A8", "bad-channel", "话术模板!A8: 渠道无法识别：“传真”（可填 电话、短信、微信、信函）"],
      ["error", "D9", "bad-part", "话术模板!D9: 部分无法识别：“8 结束”（可填 1 至 7）"],
      ["warning", "E10", "empty-template", "话术模板!E10: 内容为空，使用默认话术"],
      ["warning", "D11", "duplicate-template", "话术模板!D11: 与第 10 行重复，以第 10 行为准"],
      ["warning", "D91", "duplicate-template", "话术模板!D91: 与第 7 行重复，以第 7 行为准"],
    ]);
    expect(r.templates["phone|high|zh-CN"].parts[0]).toBe(DEFAULT_TEMPLATES["phone|high|zh-CN"].parts[0]);
    expect(r.templates["sms|low|zh-CN"].parts[0]).toBe("{clientName}您好！");
    const en = readTemplates({ sheets: [sheet] }, "en-US");
    expect(en.issues[0].message).toBe("话术模板!E7: unknown placeholder {客户名字}");
  });

  test("columns in another order, English headers and values, no preamble", () => {
    const sheet: SheetSnapshot = {
      name: "Templates", tables: [], rows: [
        ["Text", "Part", "Channel", "Language", "Tier"],
        ["Hi {clientName}, sorry about {productName}.", "empathy", "SMS", "en-US", "high"],
        ["{客户姓名}您好。", "1", "短信", "中文", "中"],
      ],
    };
    const r = readTemplates({ sheets: [sheet] });
    expect(r.issues).toEqual([]);
    expect(r.templates["sms|high|en-US"].parts[0]).toBe("Hi {clientName}, sorry about {productName}.");
    expect(r.templates["sms|high|en-US"].cells[0]).toBe("Templates!A2");
    expect(r.templates["sms|medium|zh-CN"].parts[0]).toBe("{客户姓名}您好。");
  });

  test("an edited text that breaks a rule is reported at its cell; a letter without the warning too", () => {
    const sheet: SheetSnapshot = {
      name: "话术模板", tables: [], rows: [
        ["渠道", "分级", "语言", "部分", "内容"],
        ["短信", "高", "zh-CN", "4 专业建议", "本产品保本，请放心，"],
        ["信函", "低", "zh-CN", "7 保持联系", "{客户经理}将于{联系时间}与您联系。"],
      ],
    };
    const r = readTemplates({ sheets: [sheet] });
    expect(r.findings).toEqual([
      { rule: "promise-words", text: "保本", severity: "error", cell: "话术模板!E2" },
      { rule: "missing-risk-warning", text: "理财非存款、产品有风险、投资须谨慎、过往业绩不代表其未来表现", severity: "error", cell: "话术模板!E3" },
    ]);
    expect(r.issues.map((i) => i.message)).toEqual([
      "话术模板!E2: 不通过：保本保收益类用语「保本」(promise-words)",
      "话术模板!E3: 不通过：缺少风险提示「理财非存款、产品有风险、投资须谨慎、过往业绩不代表其未来表现」(missing-risk-warning)",
    ]);
    // ... and the draft made from it is marked, never clean
    const a = analysis();
    const out = draftsSheet(a, r.templates, "zh-CN");
    const row = out.sheet.rows.find((x) => x[0] === "C001" && x[4] === "短信")!;
    expect(row[9]).toBe("不通过：保本保收益类用语「保本」(promise-words)");
    const letter = out.sheet.rows.find((x) => x[0] === "C003" && x[4] === "信函")!;
    expect(letter[9]).toBe("不通过：缺少风险提示「理财非存款、产品有风险、投资须谨慎、过往业绩不代表其未来表现」(missing-risk-warning)");
  });
});

describe("the drafts sheet and regeneration", () => {
  const t = defaultTemplates();
  test("one row per client with a loss and channel, highest risk first", () => {
    const r = draftsSheet(analysis(), t, "zh-CN");
    expect(r.sheet.name).toBe("沟通草稿");
    expect(r.sheet.columns.map((c) => c.header)).toEqual(["客户编号", "客户姓名", "客户经理", "风险分级", "渠道", "联系截止", "草稿", "字数", "短信条数", "合规检查", "状态", "备注"]);
    expect(r.sheet.rows.map((x) => `${x[0]}/${x[4]}`)).toEqual([
      "C001/电话", "C001/短信", "C001/微信", "C001/信函", "C002/电话", "C002/短信", "C002/微信", "C002/信函",
      "C005/电话", "C005/短信", "C005/微信", "C005/信函", "C003/电话", "C003/短信", "C003/微信", "C003/信函",
    ]);
    const sms = r.sheet.rows[1];
    expect([sms[0], sms[1], sms[2], sms[3], sms[5], sms[7], sms[8], sms[9], sms[10], sms[11]]).toEqual(["C001", "王伟", "周晓燕", "高", "2026-11-28", 68, 1, "通过", "待处理", null]);
    expect(r.sheet.rows[0][8]).toBeNull(); // segments only for SMS
    expect(r.sheet.rows[9][1]).toBe('=HYPERLINK("http://example.com","点击")');
    expect(r.added.length).toBe(16);
    expect(r.dropped).toEqual([]);
    const en = draftsSheet(analysis(), t, "en-US", undefined, { allClients: true, channels: ["sms"] });
    expect(en.sheet.name).toBe("Drafts");
    expect(en.sheet.columns.map((c) => c.header)).toEqual(["Client ID", "Client name", "Relationship manager", "Risk tier", "Channel", "Contact by", "Draft", "Length", "SMS segments", "Compliance", "Status", "Notes"]);
    expect(en.sheet.rows.map((x) => [x[0], x[4], x[9], x[10]])).toEqual([
      ["C001", "SMS", "clean", "pending"], ["C002", "SMS", "clean", "pending"], ["C005", "SMS", "clean", "pending"],
      ["C003", "SMS", "clean", "pending"], ["C004", "SMS", "clean", "pending"],
    ]);
  });

  test("statuses and notes are kept by client and channel when rows and columns moved; a dropped client with a note stays, marked", () => {
    const first = draftsSheet(analysis(), t, "zh-CN");
    const sheet = toSheet(first.sheet);
    const h = headerRowNumber(first.sheet) - 1;
    const header = sheet.rows[h]!;
    const col = (name: string) => header.indexOf(name);
    const setCell = (id: string, ch: string, name: string, v: CellValue) => {
      const row = sheet.rows.find((r) => r?.[col("客户编号")] === id && r?.[col("渠道")] === ch)!;
      row[col(name)] = v;
    };
    setCell("C001", "短信", "状态", "已发送");
    setCell("C001", "电话", "状态", "contacted"); // typed in English
    setCell("C001", "电话", "备注", "客户要求周五下午回电");
    setCell("C002", "电话", "备注", "已转投诉处理");
    setCell("C002", "短信", "状态", "待处理");
    setCell("C003", "微信", "状态", "需要再打一次"); // free text is kept as typed
    // People sorted the rows and moved 状态 and 备注 to the front.
    const perm = [10, 11, ...header.map((_, i) => i).filter((i) => i !== 10 && i !== 11)];
    const data = sheet.rows.slice(h + 1).reverse();
    const moved: SheetSnapshot = { name: "沟通草稿", tables: [], rows: [perm.map((i) => header[i]), ...data.map((r) => perm.map((i) => r![i]))] };

    // C002 recovered (no longer in the data); a new client C006 lost.
    const next = analysis(workbook([["C006", "陈静", "LC2026A01", 5000, 1.5, "林雪", "C4", 45]], ["C002"]));
    const r = draftsSheet(next, t, "zh-CN", moved);
    const rows = r.sheet.rows;
    const at = (id: string, ch: string) => rows.find((x) => x[0] === id && x[4] === ch)!;
    expect([at("C001", "短信")[10], at("C001", "短信")[11]]).toEqual(["已发送", null]);
    expect([at("C001", "电话")[10], at("C001", "电话")[11]]).toEqual(["已联系", "客户要求周五下午回电"]);
    expect(at("C003", "微信")[10]).toBe("需要再打一次");
    expect(at("C006", "短信")[10]).toBe("待处理");
    expect(r.added).toEqual(["C006/phone", "C006/sms", "C006/wechat", "C006/letter"]);
    expect(r.dropped.sort()).toEqual(["C002/letter", "C002/phone", "C002/sms", "C002/wechat"]);
    expect(r.kept).toEqual(["C002/phone"]);
    const last = rows[rows.length - 1];
    expect(last[0]).toBe("C002");
    expect(last[4]).toBe("电话");
    expect((last[6] as string).startsWith("【不再生成】【共情】李娜您好")).toBe(true);
    expect([last[10], last[11]]).toEqual(["待处理", "已转投诉处理"]);
    expect(rows.length).toBe(4 * 4 + 1);

    // Regenerating again keeps the kept row once, marked once; in English the status is translated.
    const again = draftsSheet(next, t, "en-US", toSheet(r.sheet));
    const kept = again.sheet.rows[again.sheet.rows.length - 1];
    expect((kept[6] as string).startsWith("【不再生成】【共情】")).toBe(true);
    expect([kept[4], kept[10], kept[11]]).toEqual(["phone", "pending", "已转投诉处理"]);
    expect(again.sheet.rows.find((x) => x[0] === "C001" && x[4] === "SMS")![10]).toBe("sent");
    expect(again.added).toEqual([]);
  });
});

describe("draftCommand", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lossdesk-drafts-"));
  const file = path.join(dir, "sample.xlsx");
  const capture = () => {
    const out: string[] = [], err: string[] = [];
    return { out, err, o: (s: string) => out.push(s), e: (s: string) => err.push(s) };
  };
  beforeAll(async () => {
    const s = generateSample({ clients: 40, products: 6, seed: 7 });
    const drafts = draftsSheet(analyzeWorkbook({ sheets: s.sheets.map(toSheet) }), defaultTemplates(), "zh-CN").sheet;
    const templates = templatesSheet("zh-CN");
    templates.rows[7 * 3 + 6][4] = "{客户经理}将在{联系时间}亲自致电，保证收益。"; // sms|high|zh-CN part 7
    await writeNewWorkbook(file, [...s.sheets, templates, drafts]);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("prints one draft with its segments and compliance, from the workbook's templates", async () => {
    const c = capture();
    const a = analyzeWorkbook({ sheets: generateSample({ clients: 40, products: 6, seed: 7 }).sheets.map(toSheet) });
    const high = a.clients.find((x) => x.riskTier === "high")!;
    expect(await draftCommand({ input: file, clientId: high.clientId, channel: "sms", locale: "zh-CN" }, c.o, c.e)).toBe(0);
    expect(c.out[0]).toBe(`客户 ${high.clientId} ${high.clientName} · 短信 · 风险分级 高 · 联系截止 ${contactDeadline("high", a.asOf)}`);
    expect(c.out[2].endsWith("亲自致电，保证收益。")).toBe(true);
    expect(c.out[c.out.length - 2]).toMatch(/^字数 \d+ · 短信 2 条（UCS-2，每条 67 字）$/);
    expect(c.out[c.out.length - 1]).toBe("合规检查：不通过：保本保收益类用语「保证收益」(promise-words)");
    expect(c.err).toEqual(["错误: 话术模板!E34: 不通过：保本保收益类用语「保证收益」(promise-words)"]);
  });

  test("an English letter ends with the warning and is clean", async () => {
    const c = capture();
    expect(await draftCommand({ input: file, clientId: "C000002", channel: "letter", locale: "en-US" }, c.o, c.e)).toBe(0);
    expect(c.out.join("\n")).toContain("Risk warning: wealth management products are not deposits");
    expect(c.out[c.out.length - 1]).toBe("Compliance: clean");
  });

  test("unknown client or channel: exit 2 with a clear message", async () => {
    const c = capture();
    expect(await draftCommand({ input: file, clientId: "C999999", channel: "sms", locale: "zh-CN" }, c.o, c.e)).toBe(2);
    expect(c.err[0]).toMatch(/^lossdesk: 找不到客户 C999999（共 \d+ 名客户）$/);
    const d = capture();
    expect(await draftCommand({ input: file, clientId: "C000002", channel: "fax", locale: "en-US" }, d.o, d.e)).toBe(2);
    expect(d.err).toEqual(['lossdesk: unknown channel "fax" (use phone, sms, wechat or letter)']);
    expect(d.out).toEqual([]);
  });
});

test("PARTS are the seven parts in order", () => {
  expect(PARTS).toEqual(["empathy", "acknowledge", "causes", "advice", "plan", "relationship", "contact"]);
});
