// What people type on the drafts sheet (status, reviewer, review time, notes), read back by
// client ID and channel so regenerating keeps it; the review reasons in words; and sendBlock,
// whether a row may be marked 已发送 / sent.

import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../workbook";
import type { Locale, Text } from "../i18n";
import { type Channel, DRAFT_HEADERS, DRAFT_SHEET, type DraftColumn, type DraftStatus, VARIANT_LABEL } from "./vocabulary";
import type { BankField } from "./placeholders";
import type { ReviewReason } from "./values";
import type { Draft } from "./render";
import { cellString, findHeader, findSheet, parseChannel, parseStatus } from "./read";

/** The flags that need review, in words: "适当性不匹配；65岁及以上" / "suitability mismatch; aged 65+". */
export function reviewLabel(flags: readonly ReviewReason[], elderlyAge: number, locale: Locale): string {
  const zh = locale === "zh-CN";
  return flags.map((f) => (f === "suitability-mismatch" ? VARIANT_LABEL.mismatch[locale]
    : f === "loss-without-fall" ? (zh ? "亏损并非来自净值下跌，须人工调整话术" : "loss not from a NAV fall: adjust the text by hand")
      : f === "open-complaint" ? (zh ? "客户有未办结投诉，须投诉处理人同意后发送" : "open complaint: send only with the complaint handler's agreement")
      : zh ? `${elderlyAge}岁及以上` : `aged ${elderlyAge}+`))
    .join(zh ? "；" : "; ");
}

export const SETTING_LABEL: Record<BankField, Text> = {
  bankName: { "zh-CN": "银行名称", "en-US": "bank name" },
  hotline: { "zh-CN": "客服热线", "en-US": "service hotline" },
  complaintChannel: { "zh-CN": "投诉渠道", "en-US": "complaint channel" },
};

/**
 * Why a draft may not be set to 已发送 / sent, or undefined when it may: an error finding, a
 * letter still showing an unset bank setting, or a review it needs and has not had (a reviewer
 * and a review time on its row).
 */
export function sendBlock(d: Pick<Draft, "findings" | "review" | "missing">, reviewed: boolean, locale: Locale): string | undefined {
  const zh = locale === "zh-CN";
  const why: string[] = [];
  if (d.findings.some((f) => f.severity === "error")) why.push(zh ? "合规检查不通过" : "it fails the compliance check");
  if (d.missing.length) {
    const names = d.missing.map((m) => SETTING_LABEL[m][locale]).join(zh ? "、" : ", ");
    why.push(zh ? `信函缺少设置：${names}` : `the letter lacks settings: ${names}`);
  }
  if (d.review.length && !reviewed) why.push(zh ? "须复核而尚未复核（复核人、复核时间未填）" : "it needs a review and has none (no reviewer and review time)");
  return why.length ? why.join(zh ? "；" : "; ") : undefined;
}

export interface PreviousRow {
  values: Partial<Record<DraftColumn, CellValue>>;
  channel: Channel;
  clientId: string;
}

/** The rows of an earlier drafts sheet, by "clientId/channel" (the first row wins). */
export function readPrevious(sheet: SheetSnapshot): Map<string, PreviousRow> {
  const out = new Map<string, PreviousRow>();
  const header = findHeader(sheet, DRAFT_HEADERS, ["clientId", "channel"]);
  if (!header) return out;
  for (let r = header.row + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    const values: Partial<Record<DraftColumn, CellValue>> = {};
    for (const [k, c] of header.cols) values[k] = row[c] ?? null;
    const clientId = cellString(values.clientId).trim();
    const channel = parseChannel(cellString(values.channel));
    if (!clientId || !channel) continue;
    const key = `${clientId}/${channel}`;
    if (!out.has(key)) out.set(key, { values, channel, clientId });
  }
  return out;
}

/** The review trail of one row of the drafts sheet, as typed. */
export interface DraftTrail {
  status?: DraftStatus;
  /** The status as typed (also when it is not one of STATUSES). */
  statusText: string;
  reviewer: string;
  reviewedAt: string;
  notes: string;
  /** A reviewer and a review time are both filled in. */
  reviewed: boolean;
}

/** The review trail of the drafts sheet, by "clientId/channel", for the pane to show. */
export function readDraftTrail(sheet: SheetSnapshot): Map<string, DraftTrail> {
  const out = new Map<string, DraftTrail>();
  for (const [key, p] of readPrevious(sheet)) {
    const t = (k: DraftColumn) => cellString(p.values[k] ?? null).trim();
    const statusText = t("status");
    out.set(key, {
      status: statusText ? parseStatus(statusText) : undefined, statusText, reviewer: t("reviewer"),
      reviewedAt: p.values.reviewedAt instanceof Date ? p.values.reviewedAt.toISOString().slice(0, 16).replace("T", " ") : t("reviewedAt"),
      notes: t("notes"), reviewed: t("reviewer") !== "" && t("reviewedAt") !== "",
    });
  }
  return out;
}

/** The drafts sheet of a workbook (沟通草稿 or Drafts), to pass as `previous`. */
export function findDraftsSheet(wb: WorkbookSnapshot): SheetSnapshot | undefined {
  return findSheet(wb, DRAFT_SHEET);
}
