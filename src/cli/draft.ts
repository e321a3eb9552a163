// `lossdesk draft <input.xlsx> --client <id> --channel sms|phone|wechat|letter [--locale]`:
// one client's draft for one channel, from the workbook's own templates (话术模板 / Templates)
// when it has them, with its compliance findings. For an RM who wants one text now, without
// regenerating the whole drafts sheet.
//
// Exit codes as the rest of the CLI: 0 the draft was printed (a failing compliance check is
// printed, not an exit code: the text is a draft for a person to fix); 2 the input cannot be
// used, the client is unknown or the channel is not one of the four.

import fs from "fs";
import { analyzeWorkbook } from "../core/analysis";
import { InputFatalError } from "../core/input";
import { Locale, ui } from "../core/i18n";
import {
  CHANNELS, CHANNEL_LABEL, Channel, DRAFT_SHEET_NAMES, readTemplates, renderDraft, reviewLabel, sendBlock, templateTierLabel,
} from "../core/drafts";
import { DEFAULT_SCORING } from "../core/risk";
import { formatGeneratedAt, localDateTime } from "../core/contact";
import { complianceSummary } from "../core/compliance";
import { openComplaintClientsIn } from "../core/event";
import { readXlsxFile, WorkbookReadError, describeReadError } from "../adapters/xlsx/read";

export interface DraftArgs {
  input: string;
  clientId: string;
  channel: string;
  locale: Locale;
  asOf?: string;
  /** The bank's details for letters and the SMS signature (--bank-name, --hotline, --complaint-channel). */
  bankName?: string;
  hotline?: string;
  complaintChannel?: string;
  /** What the contact deadline and the letter date count from; default now (local time). */
  generatedAt?: string;
}

function parseChannelArg(s: string): Channel | undefined {
  const v = s.trim().toLowerCase();
  const aliases: Record<string, Channel> = {
    "电话": "phone", "短信": "sms", "微信": "wechat", "信函": "letter", "邮件": "letter", email: "letter", "e-mail": "letter",
  };
  return (CHANNELS as readonly string[]).includes(v) ? (v as Channel) : aliases[v];
}

export async function draftCommand(args: DraftArgs, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { locale } = args;
  const zh = locale === "zh-CN";
  // Check what costs nothing before reading a big workbook.
  const channel = parseChannelArg(args.channel);
  if (!channel) {
    err(zh
      ? `lossdesk: 渠道无法识别：“${args.channel}”（可用 phone、sms、wechat、letter）`
      : `lossdesk: unknown channel "${args.channel}" (use phone, sms, wechat or letter)`);
    return 2;
  }
  if (!fs.existsSync(args.input)) {
    err(zh ? `lossdesk: 找不到文件 ${args.input}` : `lossdesk: no such file ${args.input}`);
    return 2;
  }

  let wb;
  let analysis;
  try {
    wb = await readXlsxFile(args.input);
    // The drafts sheet has a 客户编号 column and must never be mistaken for the holdings table.
    const inputOnly = { sheets: wb.sheets.filter((s) => !DRAFT_SHEET_NAMES.includes(s.name)) };
    analysis = analyzeWorkbook(inputOnly, { asOf: args.asOf, locale });
  } catch (e) {
    if (e instanceof WorkbookReadError) { err(`lossdesk: ${args.input}: ${describeReadError(e, locale)}`); return 2; }
    if (e instanceof InputFatalError) {
      err(zh ? `lossdesk: ${args.input} 无法分析：` : `lossdesk: ${args.input} cannot be analysed:`);
      for (const p of e.problems) err(`  ${p}`);
      return 2;
    }
    throw e;
  }

  const id = args.clientId.trim();
  const client = analysis.clients.find((c) => c.clientId === id);
  if (!client) {
    err(zh ? `lossdesk: 找不到客户 ${id}（共 ${analysis.clients.length} 名客户）` : `lossdesk: no client ${id} (${analysis.clients.length} clients in the workbook)`);
    return 2;
  }

  const { templates, issues } = readTemplates(wb, locale);
  for (const i of issues) err(`${i.severity === "error" ? (zh ? "错误" : "error") : zh ? "警告" : "warning"}: ${i.message}`);

  const generatedAt = args.generatedAt ?? localDateTime(new Date());
  const d = renderDraft(analysis, client, channel, locale, templates, {
    from: generatedAt, bankName: args.bankName, hotline: args.hotline, complaintChannel: args.complaintChannel,
    openComplaints: openComplaintClientsIn(wb, locale, analysis.asOf),
  });
  const name = client.clientName ?? "";
  const stamp = formatGeneratedAt(generatedAt);
  out(zh
    ? `客户 ${client.clientId} ${name} · ${CHANNEL_LABEL[channel][locale]} · 风险分级 ${ui("tiers", client.riskTier, locale)} · 话术 ${templateTierLabel(d.template, locale)} · 联系截止 ${d.contactBy}（自生成时间 ${stamp} 起算）`
    : `Client ${client.clientId} ${name} · ${CHANNEL_LABEL[channel][locale]} · risk tier ${ui("tiers", client.riskTier, locale)} · template ${templateTierLabel(d.template, locale)} · contact by ${d.contactBy} (counted from the generation time ${stamp})`);
  if (d.review.length) {
    const why = reviewLabel(d.review, analysis.elderlyAge ?? DEFAULT_SCORING.elderlyAge, locale);
    out(zh ? `须复核后方可发送：${why}` : `To review before sending: ${why}`);
  }
  out("");
  out(d.text);
  out("");
  if (d.sms) {
    out(zh
      ? `字数 ${d.length} · 短信 ${d.sms.segments} 条（${d.sms.encoding}，每条 ${d.sms.perSegment} 字）`
      : `${d.length} characters · ${d.sms.segments} SMS segment${d.sms.segments === 1 ? "" : "s"} (${d.sms.encoding}, ${d.sms.perSegment} per segment)`);
  } else {
    out(zh ? `字数 ${d.length}` : `${d.length} characters`);
  }
  out(`${zh ? "合规检查：" : "Compliance: "}${complianceSummary(d.findings, locale)}`);
  const block = sendBlock(d, false, locale);
  if (block) out(zh ? `发送前须处理：${block}` : `Before sending: ${block}`);
  return 0;
}
