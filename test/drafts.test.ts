// Drafts, templates, SMS segments, contact deadlines and regeneration of the drafts sheet.
import os from "os";
import path from "path";
import fs from "fs";
import { analyzeWorkbook, Analysis } from "../src/core/analysis";
import { headerRowNumber, tableRows } from "../src/core/workbook";
import type { CellValue, SheetSnapshot, TableRows, TableSheetModel, WorkbookSnapshot } from "../src/core/workbook";
import { generateSample } from "../src/core/sample";
import {
  CHANNELS, DEFAULT_TEMPLATES, PARTS, PLACEHOLDERS, defaultTemplates, draftsSheet, readTemplates, renderDraft,
  smsSegments, templatesSheet, templateKey, unknownPlaceholders, draftValues, fillTemplate, SMS_SEGMENT_BUDGET,
} from "../src/core/drafts";
import { checkText } from "../src/core/compliance";
import { buildRegister } from "../src/core/event";
import {
  CONTACT_DEADLINES, addWorkdays, complaintClock, complaintDeadlines, contactDeadline, contactPhrase, formatGeneratedAt, localDateTime,
} from "../src/core/contact";
import { scoringWith } from "../src/core/risk";
import { draftCommand } from "../src/cli/draft";
import { writeNewWorkbook } from "../src/adapters/exceljs/write";

/** Lay a model out the way the writer does: preamble, a blank row, the header, the data. */
function toSheet(m: TableSheetModel<TableRows>): SheetSnapshot {
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
  test("every (channel, tier or variant, locale) has seven parts, known placeholders, and passes the check", () => {
    const keys = Object.keys(DEFAULT_TEMPLATES);
    // 4 channels x (3 tiers + mismatch, elderly, netGain) x 2 languages
    expect(keys.length).toBe(4 * 6 * 2);
    expect(keys).toContain("letter|mismatch|en-US");
    for (const t of Object.values(DEFAULT_TEMPLATES)) {
      expect(t.parts.length).toBe(7);
      t.parts.forEach((p, i) => {
        // an SMS may leave a middle part out (its segment budget); the greeting, the news and the call never
        if (t.channel !== "sms" || i <= 1 || i === 6) expect(p.trim()).not.toBe("");
        expect(unknownPlaceholders(p)).toEqual([]);
      });
      expect(checkText(t.parts.join("\n"), { letter: t.channel === "letter", locale: t.locale })).toEqual([]);
    }
  });
  test("the placeholders have Chinese and English names that fill the same value", () => {
    expect(PLACEHOLDERS.map((p) => p.zh)).toEqual([
      "客户姓名", "产品名称", "产品代码", "亏损金额", "亏损比例", "合计说明", "净值回撤", "客户经理", "联系时间", "联系日期", "分析日", "日期",
      "亏损金额简", "亏损比例简", "持仓情况", "陪同说明", "银行名称", "客服热线", "投诉渠道", "短信签名",
    ]);
    const a = analysis();
    const v = draftValues(a, client(a, "C001"), "zh-CN");
    expect(fillTemplate("{客户姓名}/{clientName}/{CLIENTNAME}/{亏损金额}/{lossRate}/{联系时间}/{联系日期}/{未知}", v))
      .toBe("王伟/王伟/王伟/30,000.00/20.00%/24小时内/2026年11月28日/{未知}");
  });
});

describe("drafts: every channel x locale", () => {
  const a = analysis();
  const t = defaultTemplates();
  // C001 (C2 holding R4, aged 70) gets the mismatch variant; its tier's own text is tested without the flags.
  const plain = (c: Analysis["clients"][number]) => ({ ...c, flags: [] });
  test("the scenario's clients and tiers", () => {
    expect(a.clients.map((c) => [c.clientId, c.riskTier, c.pnlFen])).toEqual([
      ["C001", "high", -3000000], ["C002", "medium", -600000], ["C005", "low", -30000], ["C003", "low", -12000], ["C004", "low", 50000],
    ]);
  });

  test("high tier SMS, zh and en", () => {
    const zh = renderDraft(a, plain(client(a, "C001")), "sms", "zh-CN", t);
    // the seven parts in order: empathy, shortfall, cause, advice, plan, relationship, contact; the
    // bank's signature first (a placeholder until set); no amount on a lock screen
    expect(zh.text).toBe("【银行名称】王伟您好，理解您心情。稳盈增利1号近期净值下跌，不及预期，系市场波动。建议勿急，另议方案，长期陪伴。周晓燕24小时内来电。");
    expect(zh.sms).toEqual({ encoding: "UCS-2", units: 67, perSegment: 70, segments: 1 });
    expect(zh.contactBy).toBe("2026-11-28");
    expect(zh.findings).toEqual([]);
    expect(zh.template).toBe("high");
    expect(zh.review).toEqual([]);
    const en = renderDraft(a, plain(client(a, "C001")), "sms", "en-US", t, { bankName: "Bank of Ningbo" });
    expect(en.text).toBe("【Bank of Ningbo】王伟, 稳盈增利1号 has fallen; we understand. 周晓燕 calls within 24 hours with options.");
    // the 【】 signature makes every SMS UCS-2, in English too
    expect(en.sms).toEqual({ encoding: "UCS-2", units: 93, perSegment: 67, segments: 2 });
  });

  test("medium tier SMS names the 3-day call", () => {
    expect(renderDraft(a, client(a, "C002"), "sms", "zh-CN", t, { bankName: "宁波银行" }).text).toBe("【宁波银行】李娜您好，理解您心情。稳盈增利1号近期净值下跌，不及预期，系市场波动。建议勿急，另议方案，长期服务。吴建华3日内来电。");
    expect(renderDraft(a, client(a, "C002"), "sms", "en-US", t).text).toBe("【Bank name】李娜, 稳盈增利1号 has fallen; we understand. 吴建华 calls within 3 days with options.");
  });

  const low: Record<string, string> = {
    "phone zh-CN": "【共情】张敏您好，我是郑凯，打扰您了。理解您对稳盈增利1号近期表现的关注。\n【承认落差】截至2026年11月27日，该产品亏损120.00元（4.76%），不及预期。\n【原因说明】主要是市场波动所致，净值型产品的净值会有涨跌。\n【专业建议】建议结合自身需要理性持有或调整。\n【具体方案】如需调整，我可以帮您梳理可选方案。\n【长期关系】我们会持续为您做好服务。\n【保持联系】我会在7日内再与您联系。",
    "sms zh-CN": "【银行名称】张敏您好，理解您关注。稳盈增利1号近期净值下跌，不及预期，系市场波动。理性持有，可议方案，持续服务。郑凯7日内联系。",
    "wechat zh-CN": "张敏您好，我是郑凯，理解您对稳盈增利1号的关注。截至2026年11月27日，该产品亏损120.00元（4.76%），不及预期。主要是市场波动所致。建议结合自身需要理性持有或调整。需要的话我可以帮您梳理方案。我们会持续为您服务。我会在7日内与您联系。",
    "letter zh-CN": "尊敬的张敏：\n\n您好！感谢您对稳盈增利1号的关注。\n\n截至2026年11月27日，该产品亏损120.00元（4.76%），不及预期。\n\n这主要是市场波动所致。\n\n建议您结合自身需要理性持有或调整。\n\n如需调整，您的客户经理可为您梳理方案。\n\n我们将持续为您提供服务。\n\n郑凯将于7日内与您联系。如有疑问，欢迎致电【客服热线】。如您对我行的处理有异议，可通过【投诉渠道】向我行投诉，也可拨打消费者投诉热线12378。\n\n此致\n敬礼！\n\n【银行名称】\n郑凯\n2026年11月27日\n\n风险提示：理财非存款、产品有风险、投资须谨慎；过往业绩不代表其未来表现。",
    "phone en-US": "[empathy] Hello 张敏, this is 郑凯. I understand you may be concerned about 稳盈增利1号.\n[acknowledge] As of November 27, 2026, it shows a loss of CNY 120.00 (4.76%), below what you hoped for.\n[causes] This is mainly due to market movements; NAVs go up and down.\n[advice] I suggest holding or adjusting calmly, in line with your own needs.\n[plan] If you would like to adjust, I can go through the options with you.\n[relationship] We will keep looking after your account.\n[keep in touch] I will be in touch again within 7 days.",
    "sms en-US": "【Bank name】张敏, 稳盈增利1号 has fallen. 郑凯 will be in touch within 7 days.",
    "wechat en-US": "Hello 张敏, this is 郑凯. I understand you may be concerned about 稳盈增利1号. As of November 27, 2026, the loss is CNY 120.00 (4.76%), below what you hoped for. This is mainly due to market movements. I suggest holding or adjusting calmly, in line with your needs. I can go through the options with you if you wish. We remain at your service. I will be in touch within 7 days.",
    "letter en-US": "Dear 张敏,\n\nThank you for your interest in 稳盈增利1号.\n\nAs of November 27, 2026, it shows a loss of CNY 120.00 (4.76%), below what you hoped for.\n\nThis is mainly due to market movements.\n\nWe suggest holding or adjusting calmly, in line with your needs.\n\nYour relationship manager can go through the options with you.\n\nWe remain at your service.\n\n郑凯 will contact you within 7 days. If you have questions, please call [service hotline]. If you disagree with how we handle this, you can complain to us through [complaint channel], or call the consumer complaint hotline 12378.\n\nYours sincerely,\n\n郑凯\n[bank name]\nNovember 27, 2026\n\nRisk warning: wealth management products are not deposits; they carry risks, so invest prudently. Past performance does not represent future performance.",
  };
  test.each(Object.keys(low))("low tier %s, exactly", (k) => {
    const [channel, locale] = k.split(" ") as [typeof CHANNELS[number], "zh-CN" | "en-US"];
    const d = renderDraft(a, client(a, "C003"), channel, locale, t);
    expect(d.text).toBe(low[k]);
    expect(d.findings).toEqual([]);
    expect(d.contactBy).toBe("2026-12-04");
  });

  test("high tier phone and letter: seven parts in order, the RM calls in person, the letter ends with the warning", () => {
    const phone = renderDraft(a, plain(client(a, "C001")), "phone", "zh-CN", t);
    expect(phone.text.split("\n").map((l) => l.slice(0, l.indexOf("】") + 1))).toEqual(["【共情】", "【承认落差】", "【原因说明】", "【专业建议】", "【具体方案】", "【长期关系】", "【保持联系】"]);
    expect(phone.parts[1]).toBe("截至2026年11月27日，您持有的稳盈增利1号亏损30,000.00元，亏损比例20.00%。这个结果没有达到您的预期，我们不回避这一点。");
    expect(phone.parts[6]).toBe("我会在24小时内再给您打电话，把方案和最新情况跟您详细沟通；在这之前有任何问题，请随时打给我。");
    expect(phone.length).toBe(507);
    const bank = { bankName: "宁波银行", hotline: "95574", complaintChannel: "客服热线95574或手机银行“投诉建议”" };
    const letter = renderDraft(a, plain(client(a, "C001")), "letter", "zh-CN", t, bank);
    expect(letter.text.startsWith("尊敬的王伟：\n\n您好！近期稳盈增利1号净值出现下跌")).toBe(true);
    expect(letter.parts[6]).toBe("周晓燕将于24小时内与您电话联系。如有疑问，欢迎致电95574。如您对我行的处理有异议，可通过客服热线95574或手机银行“投诉建议”向我行投诉，也可拨打消费者投诉热线12378。\n\n此致\n敬礼！\n\n宁波银行\n周晓燕\n2026年11月27日\n\n风险提示：理财非存款、产品有风险、投资须谨慎；过往业绩不代表其未来表现。");
    expect(letter.missing).toEqual([]);
    const en = renderDraft(a, plain(client(a, "C001")), "letter", "en-US", t, { bankName: "Bank of Ningbo", hotline: "95574", complaintChannel: "95574 or the app's Complaints page" });
    expect(en.parts[6]).toBe("周晓燕 will call you within 24 hours. If you have questions, please call 95574. If you disagree with how we handle this, you can complain to us through 95574 or the app's Complaints page, or call the consumer complaint hotline 12378.\n\nYours sincerely,\n\n周晓燕\nBank of Ningbo\nNovember 27, 2026\n\nRisk warning: wealth management products are not deposits; they carry risks, so invest prudently. Past performance does not represent future performance.");
    expect(renderDraft(a, plain(client(a, "C001")), "wechat", "en-US", t).parts[6]).toBe("I will call you personally within 24 hours to talk it through, and you can message me here any time.");
  });

  test("a name starting with = stays as it is; a blank RM reads naturally", () => {
    const d = renderDraft(a, client(a, "C005"), "sms", "zh-CN", t);
    expect(d.text).toBe('【银行名称】=HYPERLINK("http://example.com","点击")您好，理解您关注。稳盈增利1号近期净值下跌，不及预期，系市场波动。理性持有，可议方案，持续服务。您的客户经理7日内联系。');
    const letter = renderDraft(a, client(a, "C005"), "letter", "en-US", t).parts[6];
    expect(letter.startsWith("Your relationship manager will contact you within 7 days. If you have questions")).toBe(true);
    expect(letter).toContain("\n\nYours sincerely,\n\nYour relationship manager\n[bank name]\nNovember 27, 2026\n\n");
  });

  test("a client with several products: the largest loss is named, the total follows", () => {
    const b = analysis(workbook([["C001", "王伟", "LC2026A02", 10000, 1.0, "周晓燕", "C2", 70]]));
    const d = renderDraft(b, plain(client(b, "C001")), "wechat", "zh-CN", t);
    expect(d.parts[1]).toBe("截至2026年11月27日，您持有的该产品亏损30,000.00元（20.00%）；您持有的全部产品合计亏损29,500.00元（18.44%），这个结果没有达到您的预期。");
    expect(renderDraft(b, plain(client(b, "C001")), "wechat", "en-US", t).parts[1]).toBe("As of November 27, 2026, your holding shows a loss of CNY 30,000.00 (20.00%); across all your holdings the loss is CNY 29,500.00 (18.44%). That is not the result you expected.");
  });

  test("every SMS, both languages, every tier and variant: within the segment budget on the longest realistic values", () => {
    // The longest values a bank's data realistically holds: a four-character compound surname, a
    // 12-character product name, the longest bank name in common use, and the same in Latin letters.
    const book = (code: string, product: string, name: string, rm: string) => analysis({
      sheets: [
        { name: "净值", tables: [], rows: [["产品代码", "产品名称", "净值日期", "单位净值"], [code, product, "2026-06-01", 1.5], [code, product, "2026-11-27", 1.1234]] },
        { name: "持仓", tables: [], rows: [["客户编号", "客户姓名", "产品代码", "持有份额", "买入金额", "客户经理", "年龄"], ["C9", name, code, 4938271.6, 7407407.4, rm, 50]] },
      ],
    });
    const sets = [
      { locale: "zh-CN" as const, a: book("LC2026A04", "丰年固收+季季分红12号", "欧阳晓燕", "孙丽萍"), bankName: "中国邮政储蓄银行" },
      { locale: "en-US" as const, a: book("LC2026A04", "丰年固收+季季分红12号", "欧阳晓燕", "孙丽萍"), bankName: "中国邮政储蓄银行" },
      { locale: "en-US" as const, a: book("P1", "Wenying Zengli No.12", "Ouyang Xiaoyan", "Sun Liping"), bankName: "Postal Savings Bank" },
    ];
    const flagsOf: Record<string, Analysis["clients"][number]["flags"]> = { mismatch: ["suitability-mismatch"], elderly: ["elderly"] };
    const seen: string[] = [];
    for (const { locale, a: b, bankName } of sets) {
      const c = client(b, "C9");
      for (const tier of ["high", "medium", "low", "mismatch", "elderly", "netGain"] as const) {
        const risk = tier === "medium" || tier === "low" ? tier : "high";
        const variant = { ...c, riskTier: risk, flags: flagsOf[tier] ?? [], pnlFen: tier === "netGain" ? 1000 : c.pnlFen };
        for (const bank of [{}, { bankName }]) {
          const d = renderDraft(b, variant as typeof c, "sms", locale, t, bank);
          expect(d.template).toBe(tier);
          // no amount on a lock screen: neither the exact nor the rounded loss
          expect(d.text).not.toMatch(/186\.0万|1,859,753|CNY 1\.86m|25\.1%/);
          if (d.sms!.segments > SMS_SEGMENT_BUDGET) seen.push(`${locale} ${tier} ${d.sms!.units}: ${d.text}`);
        }
      }
    }
    expect(seen).toEqual([]);
    // the longest of them, exactly
    const c = client(sets[0].a, "C9");
    const zh = renderDraft(sets[0].a, c, "sms", "zh-CN", t, { bankName: "中国邮政储蓄银行" });
    expect(zh.text).toBe("【中国邮政储蓄银行】欧阳晓燕您好，理解您心情。丰年固收+季季分红12号近期净值下跌，不及预期，系市场波动。建议勿急，另议方案，长期服务。孙丽萍3日内来电。");
    expect(zh.sms).toEqual({ encoding: "UCS-2", units: 77, perSegment: 67, segments: 2 });
    const latin = client(sets[2].a, "C9");
    const en = renderDraft(sets[2].a, latin, "sms", "en-US", t, { bankName: "Postal Savings Bank" });
    expect(en.text).toBe("【Postal Savings Bank】Ouyang Xiaoyan, Wenying Zengli No.12 has fallen; we understand. Sun Liping calls within 3 days with options.");
    expect(en.sms).toEqual({ encoding: "UCS-2", units: 129, perSegment: 67, segments: 2 });
    // The fixed words of the high-tier Chinese SMS leave room for the facts within 70 characters.
    const fixed = DEFAULT_TEMPLATES[templateKey("sms", "high", "zh-CN")].parts.join("").replace(/\{[^}]*\}/g, "");
    expect([...fixed].length).toBe(45);
  });

  test("on the bundled-style sample: every holder of a product that fell and every client with a loss, all clean", () => {
    const s = generateSample({ clients: 200, products: 6, seed: 7 });
    const b = analyzeWorkbook({ sheets: s.sheets.map(toSheet) });
    const r = draftsSheet(b, t, "zh-CN", undefined, { from: "2026-12-02T09:30" });
    // 92 holders of a product that fell (10 of them up overall) + 15 with a loss on products that did not fall
    expect(b.totals.clientsWithLoss).toBe(97);
    expect(r.drafts.length).toBe(4 * 107);
    const byTemplate: Record<string, number> = {};
    for (const d of r.drafts) byTemplate[d.template] = (byTemplate[d.template] ?? 0) + 1;
    expect(byTemplate).toEqual({ mismatch: 4 * 27, elderly: 4 * 18, medium: 4 * 28, low: 4 * 30, netGain: 4 * 4 });
    // 45 flagged (mismatch or elderly), and 12 more whose loss is not from a fall: the built-in
    // "净值下跌" would not be true of them (C000146 lost 4,449.60 on 天天利现金1号, at its peak)
    expect(r.drafts.filter((d) => d.review.length > 0)).toHaveLength(4 * 57);
    expect(r.drafts.find((d) => d.clientId === "C000146" && d.channel === "sms")!.review).toEqual(["loss-without-fall"]);
    expect(r.drafts.find((d) => d.clientId === "C000006" && d.channel === "sms")!.review).toEqual(["elderly", "loss-without-fall"]);
    expect(tableRows(r.sheet).find((x) => x[0] === "C000146")![10]).toBe("亏损并非来自净值下跌，须人工调整话术");
    const sms = r.drafts.filter((d) => d.channel === "sms");
    expect(sms).toHaveLength(107);
    // one segment each, but for the formula-looking junk name and the 11-character product name
    expect(sms.filter((d) => d.sms!.segments > 1).map((d) => [d.clientId, d.sms!.units, d.sms!.segments])).toEqual([["C000201", 94, 2], ["C000163", 71, 2]]);
    expect(r.drafts.filter((d) => d.findings.length > 0)).toEqual([]);
    expect(r.sheet.preamble![1]).toBe("客户 107 名（持有净值下跌产品的客户 92 名，全部持仓合计亏损的客户 97 名），草稿 428 份，其中合规检查不通过 0 份，须复核 228 份；草稿须经人工复核后方可发送。");
    expect(r.sheet.preamble![2]).toBe("联系截止日与信函落款日期均自生成时间 2026-12-02 09:30 起算。");

    // A client up overall is told the fall and the position, never "fell short" next to "no overall loss".
    const up = new Set(b.clients.filter((c) => c.pnlFen >= 0).map((c) => c.clientId));
    expect(up.size).toBeGreaterThan(0);
    for (const l of ["zh-CN", "en-US"] as const) {
      for (const d of draftsSheet(b, t, l).drafts) {
        expect(d.findings).toEqual([]);
        if (d.channel === "sms") expect(d.sms!.segments).toBeLessThanOrEqual(SMS_SEGMENT_BUDGET);
        if (!up.has(d.clientId)) continue;
        expect(d.text).not.toMatch(/不及预期|没有达到您的预期|未达到您的预期|未出现亏损|falls? short|below what you hoped|not the result you expected|below hopes|no overall loss/);
      }
    }
    const c10 = draftsSheet(b, t, "zh-CN", undefined, { clientIds: ["C000010"], channels: ["letter"] }).drafts[0];
    expect(c10.parts[1]).toBe("截至2026年11月27日，您持有的睿远平衡1号亏损903.59元（9.04%）；计入您持有的其他产品后，全部持仓合计盈利192.31元。");
  });
});

describe("drafts read the client's flags", () => {
  const t = defaultTemplates();
  // C007: aged 72, C4 holding an R4 product (no mismatch); C006: bought LC2026A01 low, up overall.
  const extra: CellValue[][] = [
    ["C007", "赵桂兰", "LC2026A01", 10000, 1.5, "周晓燕", "C4", 72],
    ["C006", "陈静", "LC2026A01", 1000, 1.0, "林雪", "C4", 45], ["C006", "陈静", "LC2026A02", 1000, 1.0, "林雪", "C4", 45],
  ];
  const a = analysis(workbook(extra));
  const MARKET = /市场|market/i;
  // the standard texts' advice ("结合…您的风险承受能力", "理性持有", "holding or adjusting calmly") must not appear
  const OWN_JUDGEMENT = /风险承受能力|risk tolerance|risk you are comfortable|继续持有|理性持有|持有或调整|holding or adjusting|keep holding|hold on|whether to hold/i;

  test("a suitability mismatch: no market cause, no 'your own risk tolerance' or 'hold', the sale reviewed, a meeting offered, to review", () => {
    const c = client(a, "C001");
    expect(c.flags).toEqual(["suitability-mismatch", "elderly"]);
    for (const channel of CHANNELS) for (const locale of ["zh-CN", "en-US"] as const) {
      const d = renderDraft(a, c, channel, locale, t);
      expect(d.template).toBe("mismatch");
      expect(d.review).toEqual(["suitability-mismatch", "elderly"]);
      expect(d.text).not.toMatch(MARKET);
      expect(d.text).not.toMatch(OWN_JUDGEMENT);
      // plain words for an elderly client too
      expect(d.text).not.toMatch(/净值|回撤|\bNAV\b|net asset value|drawdown/i);
      expect(d.text).toMatch(locale === "zh-CN" ? /复核/ : /review/);
      expect(d.text).toMatch(locale === "zh-CN" ? /面谈|当面/ : /meet/);
      expect(d.findings).toEqual([]);
    }
    const phone = renderDraft(a, c, "phone", "zh-CN", t);
    expect(phone.parts[2]).toBe("这只产品的风险等级高于我行对您的风险评估结果，当初把它销售给您是否合适，我行将对销售过程进行复核；复核之前，我们不会先下结论。");
    // aged 70 too: a family member is welcome at the meeting
    expect(phone.parts[4]).toBe("我想约您到网点当面谈一次，把您购买时的情况、复核的进展和可选的做法逐一向您说明，也欢迎您请家人一同前来；您如有诉求，我们会如实记录，并在规定时限内答复。");
    expect(renderDraft(a, c, "letter", "en-US", t).parts[2]).toBe("The product is rated above the risk level we assessed for you. The bank will review how the product was sold to you and will tell you the outcome.");
    const younger = { ...c, flags: ["suitability-mismatch" as const] };
    expect(renderDraft(a, younger, "phone", "en-US", t).parts[4]).toBe("I would like to meet you in person at the branch to go through how you bought it, where the review stands and the choices open to you. If you have a request, we will record it faithfully and reply within the required time.");
  });

  test("65 and over: plain words (no NAV or drawdown jargon), a meeting in person with a family member, to review", () => {
    const c = client(a, "C007");
    expect(c.flags).toEqual(["elderly"]);
    for (const channel of CHANNELS) for (const locale of ["zh-CN", "en-US"] as const) {
      const d = renderDraft(a, c, channel, locale, t);
      expect(d.template).toBe("elderly");
      expect(d.review).toEqual(["elderly"]);
      expect(d.text).not.toMatch(/净值|回撤|\bNAV\b|net asset value|drawdown/i);
      expect(d.text).toMatch(locale === "zh-CN" ? /家人/ : /family/);
      expect(d.findings).toEqual([]);
    }
    expect(renderDraft(a, c, "wechat", "zh-CN", t).text).toBe(
      "赵桂兰您好，我是周晓燕。您买的稳盈增利1号最近跌了，让您担心了，我很理解。截至2026年11月27日，您持有的稳盈增利1号亏损3,000.00元（20.00%）。这只产品的价格会跟着它所投资的债券、股票等一起涨跌，最近这段时间跌得比较多。您不用着急做决定，这笔钱什么时候要用、怎么安排，我们当面慢慢商量。我想请您到网点来，当面把情况和可以选择的办法给您讲清楚，欢迎您带一位家人一起来。您有任何没听明白的地方，都可以随时问我。我会在3日内给您打电话，约一个您方便的时间；有事也可以随时在微信上找我。");
    expect(renderDraft(a, c, "sms", "en-US", t).text).toBe("【Bank name】赵桂兰, 稳盈增利1号 fell. 周晓燕 calls within 3 days to meet; bring family if you wish.");
  });

  test("the age threshold is the scoring setting, not a literal", () => {
    const older = analyzeWorkbook(workbook(extra), { scoring: scoringWith({ elderlyAge: 75 }) });
    const c = client(older, "C007");
    expect(c.flags).toEqual([]);
    expect(renderDraft(older, c, "sms", "zh-CN", t).template).toBe(c.riskTier);
    // C001 (70) keeps its mismatch; the sheet names the age in force
    const r = draftsSheet(older, t, "zh-CN", undefined, { channels: ["sms"] });
    expect(tableRows(r.sheet).find((x) => x[0] === "C001")![10]).toBe("适当性不匹配");
    expect(r.sheet.preamble![3]).toContain("适当性不匹配、75岁及以上客户、有未办结投诉的客户及亏损并非来自净值下跌的草稿为“待复核”");
    const en = draftsSheet(a, t, "en-US", undefined, { channels: ["sms"] });
    expect(tableRows(en.sheet).find((x) => x[0] === "C007")![10]).toBe("aged 65+");
  });

  test("a holder of a product that fell who is up overall gets a notice, honest about both", () => {
    const c = client(a, "C006");
    expect(c.pnlFen).toBe(25000);
    const r = draftsSheet(a, t, "zh-CN");
    expect(r.drafts.filter((d) => d.clientId === "C006").map((d) => d.template)).toEqual(["netGain", "netGain", "netGain", "netGain"]);
    const zh = renderDraft(a, c, "letter", "zh-CN", t);
    expect(zh.parts[1]).toBe("截至2026年11月27日，稳盈增利1号较此前高点下跌了20.00%，您在这只产品上目前仍盈利200.00元；计入您持有的其他产品后，全部持仓合计盈利250.00元。");
    expect(zh.review).toEqual([]);
    const en = renderDraft(a, c, "phone", "en-US", t);
    expect(en.parts[1]).toBe("As of November 27, 2026, 稳盈增利1号 is 20.00% below its earlier high, and your holding in it is still up CNY 200.00; counting your other holdings, you are up CNY 250.00 overall.");
    for (const d of r.drafts.filter((x) => x.clientId === "C006")) expect(d.text).not.toMatch(/不及预期|没有达到|未达到|未出现亏损/);
    // a loss on the fallen product while up overall: the loss and the overall gain, no "fell short"
    const b = analysis(workbook([["C008", "孙悦", "LC2026A01", 1000, 1.5, "林雪", "C4", 45], ["C008", "孙悦", "LC2026A02", 20000, 1.0, "林雪", "C4", 45]]));
    const d = renderDraft(b, client(b, "C008"), "wechat", "zh-CN", t);
    expect(d.template).toBe("netGain");
    expect(d.parts[1]).toBe("截至2026年11月27日，您持有的稳盈增利1号亏损300.00元（20.00%）；计入您持有的其他产品后，全部持仓合计盈利700.00元。");
    expect(renderDraft(b, client(b, "C008"), "wechat", "en-US", t).parts[1]).toBe("As of November 27, 2026, your holding in 稳盈增利1号 shows a loss of CNY 300.00 (20.00%); counting your other holdings, you are up CNY 700.00 overall.");
  });

  test("the bank's name, hotline and complaint channel: placeholders until set, then filled; only letters must have them", () => {
    const c = client(a, "C002");
    const unset = renderDraft(a, c, "letter", "zh-CN", t);
    expect(unset.missing).toEqual(["bankName", "hotline", "complaintChannel"]);
    expect(unset.text).toContain("如有疑问，欢迎致电【客服热线】。如您对我行的处理有异议，可通过【投诉渠道】向我行投诉，也可拨打消费者投诉热线12378。");
    const partly = renderDraft(a, c, "letter", "zh-CN", t, { bankName: "宁波银行", hotline: "  " });
    expect(partly.missing).toEqual(["hotline", "complaintChannel"]);
    expect(renderDraft(a, c, "sms", "zh-CN", t).missing).toEqual([]);
    const v = draftValues(a, c, "en-US", { bankName: "Bank of Ningbo", hotline: "95574", complaintChannel: "the app" });
    expect(fillTemplate("{银行名称}|{bankName}|{客服热线}|{complaintChannel}|{短信签名}", v)).toBe("Bank of Ningbo|Bank of Ningbo|95574|the app|【Bank of Ningbo】");
    expect(fillTemplate("{银行名称}|{smsSignature}", draftValues(a, c, "en-US"))).toBe("[bank name]|【Bank name】");
  });

  test("one moment: the contact date and the letter date count from the generation time", () => {
    const c = client(a, "C002"); // medium: 3 days
    const d = renderDraft(a, c, "letter", "zh-CN", t, { from: "2026-12-02T23:30" });
    expect(d.contactBy).toBe("2026-12-05");
    expect(d.from).toBe("2026-12-02T23:30");
    expect(d.parts[6]).toContain("\n吴建华\n2026年12月2日\n");
    expect(draftValues(a, c, "zh-CN", { from: "2026-12-02T23:30" }).contactDate).toBe("2026年12月5日");
    // 24 hours from a time of day ends the next day, as the report's plan counts it
    expect(renderDraft(a, client(a, "C001"), "sms", "zh-CN", t, { from: "2026-12-02T23:30" }).contactBy).toBe("2026-12-03");
    expect(localDateTime(new Date(2026, 11, 2, 9, 5, 7))).toBe("2026-12-02T09:05:07");
    expect(formatGeneratedAt("2026-12-02T09:05:07")).toBe("2026-12-02 09:05");
  });
});

describe("the template sheet", () => {
  test("written in each language", () => {
    const zh = templatesSheet("zh-CN");
    expect(zh.name).toBe("话术模板");
    expect(zh.columns.map((c) => c.header)).toEqual(["渠道", "分级", "语言", "部分", "内容"]);
    expect(zh.rows.length).toBe(4 * 6 * 7);
    expect(zh.rows.slice(21, 42).map((r) => r[1]).filter((x, i, all) => all.indexOf(x) === i)).toEqual(["适当性不匹配", "老年客户", "整体未亏损"]);
    expect(zh.rows[0]).toEqual(["电话", "高", "zh-CN", "1 共情", DEFAULT_TEMPLATES["phone|high|zh-CN"].parts[0]]);
    expect(zh.rows[20].slice(0, 4)).toEqual(["电话", "低", "zh-CN", "7 保持联系"]);
    const en = templatesSheet("en-US");
    expect(en.name).toBe("Templates");
    expect(en.columns.map((c) => c.header)).toEqual(["Channel", "Tier", "Language", "Part", "Text"]);
    expect(en.rows[7].slice(0, 4)).toEqual(["phone", "medium", "en-US", "1 empathy"]);
    expect(en.rows[21].slice(0, 4)).toEqual(["phone", "suitability mismatch", "en-US", "1 empathy"]);
    expect(templatesSheet("zh-CN", { locales: ["zh-CN", "en-US"] }).rows.length).toBe(336);
  });

  test("no sheet: the defaults, no issues; the written sheet reads back unchanged", () => {
    expect(readTemplates({ sheets: [] })).toEqual({ templates: defaultTemplates(), issues: [], findings: [] });
    const r = readTemplates({ sheets: [toSheet(templatesSheet("zh-CN"))] });
    expect(r.issues).toEqual([]);
    expect(r.templates["sms|low|zh-CN"].parts).toEqual(DEFAULT_TEMPLATES["sms|low|zh-CN"].parts);
    expect(r.templates["sms|low|zh-CN"].cells[0]).toBe("话术模板!E64");
    expect(r.templates["sms|mismatch|zh-CN"].parts).toEqual(DEFAULT_TEMPLATES["sms|mismatch|zh-CN"].parts);
  });

  test("a sheet from an older version (no variant rows) still reads: the variants fall back to the built-in text, with a warning each", () => {
    const m = templatesSheet("zh-CN");
    m.rows = m.rows.filter((r) => ["高", "中", "低"].includes(r[1] as string));
    expect(m.rows).toHaveLength(4 * 3 * 7);
    m.rows[0][4] = "{客户姓名}您好，我是{客户经理}。";
    const r = readTemplates({ sheets: [toSheet(m)] });
    expect(r.issues.map((i) => [i.severity, i.cell, i.code, i.message])).toEqual([
      ["warning", "B7", "missing-variant", "话术模板!B7: 模板表缺少“适当性不匹配 (zh-CN)”话术（较早版本的模板表），使用内置话术"],
      ["warning", "B7", "missing-variant", "话术模板!B7: 模板表缺少“老年客户 (zh-CN)”话术（较早版本的模板表），使用内置话术"],
      ["warning", "B7", "missing-variant", "话术模板!B7: 模板表缺少“整体未亏损 (zh-CN)”话术（较早版本的模板表），使用内置话术"],
    ]);
    expect(r.templates["phone|high|zh-CN"].parts[0]).toBe("{客户姓名}您好，我是{客户经理}。");
    expect(r.templates["letter|mismatch|zh-CN"]).toEqual(DEFAULT_TEMPLATES["letter|mismatch|zh-CN"]);
    // the variant labels are read in either language
    const v: SheetSnapshot = { name: "Templates", tables: [], rows: [["Channel", "Tier", "Language", "Part", "Text"], ["SMS", "suitability mismatch", "en-US", "1", "{smsSignature}{clientName},"], ["短信", "老年客户", "zh-CN", "1", "{短信签名}{客户姓名}您好，"]] };
    const rv = readTemplates({ sheets: [v] });
    expect(rv.issues).toEqual([]);
    expect(rv.templates["sms|mismatch|en-US"].cells[0]).toBe("Templates!E2");
    expect(rv.templates["sms|elderly|zh-CN"].cells[0]).toBe("Templates!E3");
  });

  test("an edited text is used; unknown placeholders, bad values, blanks and repeats are issues naming the cell", () => {
    const m = templatesSheet("zh-CN");
    // header on row 7 (5 preamble lines, a blank row); data from row 8
    m.rows[0][4] = "{客户名字}您好，{客户经理}来电。";
    m.rows[56][4] = "{clientName}您好！"; // sms|low|zh-CN part 1 (row 64): an English alias in a Chinese text
    m.rows[1][0] = "传真";
    m.rows[2][3] = "8 结束";
    m.rows[3][4] = "  ";
    m.rows[4][3] = "4";
    const sheet = toSheet(m);
    sheet.rows.push(["电话", "高", "zh-CN", "1 共情", "重复的行"]);
    const r = readTemplates({ sheets: [sheet] });
    expect(r.issues.map((i) => [i.severity, i.cell, i.code, i.message])).toEqual([
      ["error", "E8", "unknown-placeholder", "话术模板!E8: 未知占位符 {客户名字}"],
      ["error", "A9", "bad-channel", "话术模板!A9: 渠道无法识别：“传真”（可填 电话、短信、微信、信函）"],
      ["error", "D10", "bad-part", "话术模板!D10: 部分无法识别：“8 结束”（可填 1 至 7）"],
      ["warning", "E11", "empty-template", "话术模板!E11: 内容为空，使用默认话术"],
      ["warning", "D12", "duplicate-template", "话术模板!D12: 与第 11 行重复，以第 11 行为准"],
      ["warning", "D176", "duplicate-template", "话术模板!D176: 与第 8 行重复，以第 8 行为准"],
    ]);
    expect(r.templates["phone|high|zh-CN"].parts[0]).toBe(DEFAULT_TEMPLATES["phone|high|zh-CN"].parts[0]);
    expect(r.templates["sms|low|zh-CN"].parts[0]).toBe("{clientName}您好！");
    const en = readTemplates({ sheets: [sheet] }, "en-US");
    expect(en.issues[0].message).toBe("话术模板!E8: unknown placeholder {客户名字}");
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
        ["短信", "中", "zh-CN", "4 专业建议", "本产品保本，请放心，"],
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
    const row = tableRows(out.sheet).find((x) => x[0] === "C002" && x[4] === "短信")!;
    expect(row[9]).toBe("不通过：保本保收益类用语「保本」(promise-words)");
    const letter = tableRows(out.sheet).find((x) => x[0] === "C003" && x[4] === "信函")!;
    expect(letter[9]).toBe("不通过：缺少风险提示「理财非存款、产品有风险、投资须谨慎、过往业绩不代表其未来表现」(missing-risk-warning)");
  });
});

describe("the drafts sheet and regeneration", () => {
  const t = defaultTemplates();
  test("one row per holder of a product that fell or client with a loss, and channel, highest risk first", () => {
    const r = draftsSheet(analysis(), t, "zh-CN", undefined, { from: "2026-11-27T16:00" });
    expect(r.sheet.name).toBe("沟通草稿");
    expect(r.sheet.columns.map((c) => c.header)).toEqual([
      "客户编号", "客户姓名", "客户经理", "风险分级", "渠道", "联系截止", "草稿", "字数", "短信条数", "合规检查", "须复核", "状态", "复核人", "复核时间", "备注",
    ]);
    // C004 holds only LC2026A02, which rose: no notice
    expect(tableRows(r.sheet).map((x) => `${x[0]}/${x[4]}`)).toEqual([
      "C001/电话", "C001/短信", "C001/微信", "C001/信函", "C002/电话", "C002/短信", "C002/微信", "C002/信函",
      "C005/电话", "C005/短信", "C005/微信", "C005/信函", "C003/电话", "C003/短信", "C003/微信", "C003/信函",
    ]);
    const sms = tableRows(r.sheet)[1];
    expect(sms[6]).toBe("【银行名称】王伟您好，稳盈增利1号近期下跌，让您担心了。我行将复核该产品的销售过程，周晓燕24小时内来电约您面谈。");
    expect([sms[0], sms[1], sms[2], sms[3], sms[5], sms[7], sms[8], sms[9], sms[10], sms[11], sms[12], sms[13], sms[14]])
      .toEqual(["C001", "王伟", "周晓燕", "高", "2026-11-28", 57, 1, "通过", "适当性不匹配；65岁及以上", "待复核", null, null, null]);
    expect(tableRows(r.sheet)[4].slice(9, 12)).toEqual(["通过", null, "待处理"]); // C002 phone: no flag
    expect(tableRows(r.sheet)[3][9]).toBe("通过；信函缺少设置：银行名称、客服热线、投诉渠道");
    expect(tableRows(r.sheet)[0][8]).toBeNull(); // segments only for SMS
    expect(tableRows(r.sheet)[9][1]).toBe('=HYPERLINK("http://example.com","点击")');
    expect(r.added.length).toBe(16);
    expect(r.dropped).toEqual([]);
    expect(r.sheet.preamble).toEqual([
      "沟通草稿（分析日 2026-11-27，生成时间 2026-11-27 16:00）",
      "客户 4 名（持有净值下跌产品的客户 4 名，全部持仓合计亏损的客户 4 名），草稿 16 份，其中合规检查不通过 0 份，须复核 4 份；草稿须经人工复核后方可发送。",
      "联系截止日与信函落款日期均自生成时间 2026-11-27 16:00 起算。",
      expect.stringMatching(/^状态可填：待处理 \/ 待复核 \/ 已复核 \/ 已联系 \/ 已发送 \/ 无法联系 \/ 已升级。适当性不匹配、65岁及以上客户、有未办结投诉的客户及亏损并非来自净值下跌的草稿为“待复核”，填写复核人和复核时间后方可标记为“已发送”/),
    ]);
    // the status drop-down offers every status; the red fill marks a row set to sent that may not be
    const status = r.sheet.columns[11];
    expect(status.list).toEqual(["待处理", "待复核", "已复核", "已联系", "已发送", "无法联系", "已升级"]);
    expect(r.sheet.conditionalFormats).toEqual([{
      formula: 'AND($L{r}="已发送",OR(LEFT($J{r},3)="不通过",ISNUMBER(SEARCH("缺少设置",$J{r})),AND($K{r}<>"",OR($M{r}="",$N{r}=""))))',
      style: "bad",
    }]);
    // one issue for the letters that still show the placeholders, at the first such draft
    expect(r.issues.map((i) => [i.severity, i.cell, i.code])).toEqual([["warning", "G10", "letter-settings-missing"]]);
    const set = draftsSheet(analysis(), t, "zh-CN", undefined, { bankName: "宁波银行", hotline: "95574", complaintChannel: "客服热线95574" });
    expect(set.issues).toEqual([]);
    expect(tableRows(set.sheet)[3][9]).toBe("通过");

    const en = draftsSheet(analysis(), t, "en-US", undefined, { allClients: true, channels: ["sms"] });
    expect(en.sheet.name).toBe("Drafts");
    expect(en.sheet.columns.map((c) => c.header)).toEqual([
      "Client ID", "Client name", "Relationship manager", "Risk tier", "Channel", "Contact by", "Draft", "Length", "SMS segments", "Compliance",
      "Review needed", "Status", "Reviewer", "Reviewed at", "Notes",
    ]);
    expect(tableRows(en.sheet).map((x) => [x[0], x[4], x[9], x[10], x[11]])).toEqual([
      ["C001", "SMS", "clean", "suitability mismatch; aged 65+", "to review"], ["C002", "SMS", "clean", null, "pending"],
      ["C005", "SMS", "clean", null, "pending"], ["C003", "SMS", "clean", null, "pending"], ["C004", "SMS", "clean", null, "pending"],
    ]);
  });

  test("the review trail is kept by client and channel when rows and columns moved; sent is refused where not allowed; a dropped client with a note stays, marked", () => {
    const first = draftsSheet(analysis(), t, "zh-CN");
    const sheet = toSheet(first.sheet);
    const h = headerRowNumber(first.sheet) - 1;
    const header = sheet.rows[h]!;
    const col = (name: string) => header.indexOf(name);
    const setCell = (id: string, ch: string, name: string, v: CellValue) => {
      const row = sheet.rows.find((r) => r?.[col("客户编号")] === id && r?.[col("渠道")] === ch)!;
      row[col(name)] = v;
    };
    setCell("C001", "短信", "状态", "已发送"); // to review, not reviewed: refused
    setCell("C001", "短信", "备注", "客户经理已发");
    setCell("C001", "微信", "状态", "已发送"); // reviewed: allowed
    setCell("C001", "微信", "复核人", "合规部 李明");
    setCell("C001", "微信", "复核时间", new Date(Date.UTC(2026, 10, 28, 10, 5)));
    setCell("C001", "电话", "状态", "contacted"); // typed in English
    setCell("C001", "电话", "备注", "客户要求周五下午回电");
    setCell("C002", "电话", "备注", "已转投诉处理");
    setCell("C002", "短信", "状态", "已发送"); // no flag, clean: allowed
    setCell("C003", "信函", "状态", "已发送"); // the letter still shows 【银行名称】: refused
    setCell("C003", "微信", "状态", "需要再打一次"); // free text is kept as typed
    // People sorted the rows and moved 状态 and 备注 to the front.
    const [st, nt] = [col("状态"), col("备注")];
    const perm = [st, nt, ...header.map((_, i) => i).filter((i) => i !== st && i !== nt)];
    const data = sheet.rows.slice(h + 1).reverse();
    const moved: SheetSnapshot = { name: "沟通草稿", tables: [], rows: [perm.map((i) => header[i]), ...data.map((r) => perm.map((i) => r![i]))] };

    // C002 recovered (no longer in the data); a new client C006 lost.
    const next = analysis(workbook([["C006", "陈静", "LC2026A01", 5000, 1.5, "林雪", "C4", 45]], ["C002"]));
    const r = draftsSheet(next, t, "zh-CN", moved, { from: "2026-11-28T09:00" });
    const rows = tableRows(r.sheet);
    const at = (id: string, ch: string) => rows.find((x) => x[0] === id && x[4] === ch)!;
    expect(at("C001", "短信").slice(11)).toEqual(["待复核", null, null,
      "客户经理已发\n【LossDesk 2026-11-28 09:00】不得标记为“已发送”：须复核而尚未复核（复核人、复核时间未填）；状态已改回“待复核”。"]);
    expect(at("C001", "微信").slice(11)).toEqual(["已发送", "合规部 李明", new Date(Date.UTC(2026, 10, 28, 10, 5)), null]);
    expect([at("C001", "电话")[11], at("C001", "电话")[14]]).toEqual(["已联系", "客户要求周五下午回电"]);
    expect(at("C003", "信函")[11]).toBe("待处理");
    expect(at("C003", "信函")[14]).toBe("【LossDesk 2026-11-28 09:00】不得标记为“已发送”：信函缺少设置：银行名称、客服热线、投诉渠道；状态已改回“待处理”。");
    expect(at("C003", "微信")[11]).toBe("需要再打一次");
    expect(at("C006", "短信")[11]).toBe("待处理");
    expect(r.refused).toEqual(["C001/sms", "C003/letter"]);
    // each refusal is an Issue naming the status cell: data from row 7 (4 preamble lines, a blank, the header)
    const rowOf = (id: string, ch: string) => rows.indexOf(at(id, ch)) + 7;
    expect(r.issues.filter((i) => i.code === "draft-sent-refused").map((i) => i.message)).toEqual([
      `沟通草稿!L${rowOf("C001", "短信")}: 不得标记为“已发送”（C001/sms）：须复核而尚未复核（复核人、复核时间未填）；已改回“待复核”`,
      `沟通草稿!L${rowOf("C003", "信函")}: 不得标记为“已发送”（C003/letter）：信函缺少设置：银行名称、客服热线、投诉渠道；已改回“待处理”`,
    ]);
    expect(rowOf("C001", "短信")).toBe(8);
    expect(r.added).toEqual(["C006/phone", "C006/sms", "C006/wechat", "C006/letter"]);
    expect(r.dropped.sort()).toEqual(["C002/letter", "C002/phone", "C002/sms", "C002/wechat"]);
    expect(r.kept).toEqual(["C002/sms", "C002/phone"]);
    const last = rows[rows.length - 1];
    expect(last[0]).toBe("C002");
    expect(last[4]).toBe("电话");
    expect((last[6] as string).startsWith("【不再生成】【共情】李娜您好")).toBe(true);
    expect([last[11], last[14]]).toEqual(["待处理", "已转投诉处理"]);
    expect(rows.length).toBe(4 * 4 + 2);

    // Regenerating again keeps the trail and the kept rows once, marked once; in English the status is translated.
    const again = draftsSheet(next, t, "en-US", toSheet(r.sheet));
    const kept = tableRows(again.sheet)[tableRows(again.sheet).length - 1];
    expect((kept[6] as string).startsWith("【不再生成】【共情】")).toBe(true);
    expect([kept[4], kept[11], kept[14]]).toEqual(["phone", "pending", "已转投诉处理"]);
    const wechat = tableRows(again.sheet).find((x) => x[0] === "C001" && x[4] === "WeChat")!;
    expect(wechat.slice(11, 14)).toEqual(["sent", "合规部 李明", new Date(Date.UTC(2026, 10, 28, 10, 5))]);
    expect(tableRows(again.sheet).find((x) => x[0] === "C001" && x[4] === "SMS")![11]).toBe("to review");
    expect(again.refused).toEqual([]);
    expect(again.added).toEqual([]);
  });
});

describe("draftCommand", () => {
  const COMPLAINANT = "C000013"; // a loser with no flag: nothing else holds their draft
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
    templates.rows[7 * 6 + 7 * 3 + 6][4] = "{客户经理}将在{联系时间}亲自致电，保证收益。"; // sms|mismatch|zh-CN part 7 (row 77)
    // one open complaint in the register, from a client no other rule holds for review
    const register = buildRegister({ locale: "zh-CN", asOf: "2026-12-01" }).sheet;
    register.rows = [["TS-101", new Date("2026-11-28T00:00:00Z"), COMPLAINANT, null, null, "电话", "要求解释", null, null, null, "处理中", ...new Array(7).fill(null)]];
    await writeNewWorkbook(file, [...s.sheets, templates, drafts, register]);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("prints one draft with its segments and compliance, from the workbook's templates", async () => {
    const c = capture();
    const a = analyzeWorkbook({ sheets: generateSample({ clients: 40, products: 6, seed: 7 }).sheets.map(toSheet) });
    const high = a.clients.find((x) => x.riskTier === "high")!;
    expect(high.flags).toEqual(["suitability-mismatch", "elderly"]);
    expect(await draftCommand({ input: file, clientId: high.clientId, channel: "sms", locale: "zh-CN", generatedAt: "2026-12-02T09:30", bankName: "宁波银行" }, c.o, c.e)).toBe(0);
    // one generation time, stated, counts the contact deadline (24 hours from 09:30)
    expect(c.out[0]).toBe(`客户 ${high.clientId} ${high.clientName} · 短信 · 风险分级 高 · 话术 适当性不匹配 · 联系截止 2026-12-03（自生成时间 2026-12-02 09:30 起算）`);
    expect(contactDeadline("high", "2026-12-02T09:30")).toBe("2026-12-03");
    expect(c.out[1]).toBe("须复核后方可发送：适当性不匹配；65岁及以上");
    expect(c.out[3].startsWith(`【宁波银行】${high.clientName}您好，`)).toBe(true);
    expect(c.out[3].endsWith("亲自致电，保证收益。")).toBe(true);
    expect(c.out[c.out.length - 3]).toMatch(/^字数 \d+ · 短信 1 条（UCS-2，每条 70 字）$/);
    expect(c.out[c.out.length - 2]).toBe("合规检查：不通过：保本保收益类用语「保证收益」(promise-words)");
    expect(c.out[c.out.length - 1]).toBe("发送前须处理：合规检查不通过；须复核而尚未复核（复核人、复核时间未填）");
    expect(c.err).toEqual(["错误: 话术模板!E77: 不通过：保本保收益类用语「保证收益」(promise-words)"]);
  });

  test("a client with an open complaint in the register: the draft waits for the complaint handler", async () => {
    const c = capture();
    expect(await draftCommand({ input: file, clientId: COMPLAINANT, channel: "wechat", locale: "zh-CN", generatedAt: "2026-12-02T09:30" }, c.o, c.e)).toBe(0);
    expect(c.out[1]).toBe("须复核后方可发送：客户有未办结投诉，须投诉处理人同意后发送");
    expect(c.out[c.out.length - 1]).toBe("发送前须处理：须复核而尚未复核（复核人、复核时间未填）");
    const other = capture();
    expect(await draftCommand({ input: file, clientId: "C000002", channel: "wechat", locale: "zh-CN", generatedAt: "2026-12-02T09:30" }, other.o, other.e)).toBe(0);
    expect(other.out[1]).toBe("须复核后方可发送：适当性不匹配；65岁及以上");
  });

  test("an English letter ends with the warning and is clean", async () => {
    const c = capture();
    expect(await draftCommand({ input: file, clientId: "C000002", channel: "letter", locale: "en-US", generatedAt: "2026-12-02T09:30" }, c.o, c.e)).toBe(0);
    const text = c.out.join("\n");
    expect(text).toContain("Risk warning: wealth management products are not deposits");
    // the letter's date is the generation day, as on the drafts sheet
    expect(text).toContain("\n[bank name]\nDecember 2, 2026\n");
    expect(c.out[c.out.length - 2]).toBe("Compliance: clean");
    expect(c.out[c.out.length - 1]).toBe("Before sending: the letter lacks settings: bank name, service hotline, complaint channel; it needs a review and has none (no reviewer and review time)");
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
