// The drafts sheet 沟通草稿 / Drafts: one row per client and channel, made as the writer takes
// them (lazy rows), with the review trail typed on the previous sheet carried over.

import type { CellValue, SheetSnapshot, TableRows, TableSheetModel } from "../workbook";
import { dataRowNumber, lazyRows } from "../workbook";
import type { ClientResult, EngineResult } from "../engine";
import { fallenProducts, holdsFallenProduct } from "../engine";
import { DEFAULT_SCORING } from "../risk";
import { cellIssue, colLetter, type Issue } from "../sheet-address";
import { Locale, ui } from "../i18n";
import { formatGeneratedAt } from "../contact";
import { complianceSummary } from "../compliance";
import {
  CHANNELS, CHANNEL_LABEL, type Channel, DRAFT_COLUMNS, DRAFT_HEADERS, DRAFT_SHEET, type DraftColumn, type DraftStatus,
  NO_LONGER_GENERATED, STATUSES, STATUS_LABEL,
} from "./vocabulary";
import { BANK_FIELDS, BANK_PLACEHOLDER, type BankField } from "./placeholders";
import type { Templates } from "./templates";
import type { DraftOptions } from "./values";
import { type ClientDrafting, type Draft, Drafter } from "./render";
import { type PreviousRow, SETTING_LABEL, readPrevious, reviewLabel, sendBlock } from "./trail";
import { cellString, parseStatus, statusIn } from "./read";
import { DraftRows } from "./rows";

export interface DraftsSheetOptions extends DraftOptions {
  /** Draft every client, not only the holders of a product that fell and those with a loss. */
  allClients?: boolean;
  /** Draft these clients (whatever their P&L) instead. */
  clientIds?: string[];
  /** Channels, in row order; default all four. */
  channels?: Channel[];
  /** Return the drafts themselves too (default true); buildOutputs, writing the sheet, does not need them. */
  keepDrafts?: boolean;
}

export interface DraftsSheetResult {
  /** Its rows are produced as they are read (TableRows): tableRows(sheet) lists them all. */
  sheet: TableSheetModel<TableRows>;
  /** "C000002/sms": rows that were not on the previous sheet (all rows when there was none). */
  added: string[];
  /** Rows of the previous sheet that are no longer generated (kept or not). */
  dropped: string[];
  /** Those of `dropped` kept at the end because someone typed a status or a note. */
  kept: string[];
  /** The drafts, in row order (empty when `keepDrafts` is false). */
  drafts: Draft[];
  /** "C000002/sms": rows set to 已发送 that may not be sent, put back to their permitted status. */
  refused: string[];
  /** One per refused row, naming the status cell (Sheet!L5); and unset bank settings in letters. */
  issues: Issue[];
}

/** Whom the drafts sheet drafts by default: every holder of a product that fell, and every client with a loss. */
export function clientsToDraft(a: EngineResult): ClientResult[] {
  const fallen = fallenProducts(a);
  return a.clients.filter((c) => c.pnlFen < 0 || holdsFallenProduct(c, fallen));
}

/**
 * The drafts sheet 沟通草稿 / Drafts: one row per client (highest risk first) and channel, for
 * every holder of a product that fell and every client with a loss. With `previous` (the sheet as
 * it is in the workbook), the review trail people typed (status, reviewer, review time, notes) is
 * carried over by client ID and channel, wherever the rows or columns moved. A draft that needs
 * review starts as 待复核; one that may not be sent (sendBlock) and was set to 已发送 goes back to
 * its permitted status, with a line in its notes and an Issue naming the status cell. A previous
 * row that is no longer generated and had a status (other than pending / to review), a reviewer
 * or a note is kept at the end, its draft marked 【不再生成】 / "[no longer generated]"; one with
 * nothing typed is dropped. Both are listed in `dropped`.
 */
export function draftsSheet(
  analysis: EngineResult, templates: Templates, locale: Locale, previous?: SheetSnapshot, opts: DraftsSheetOptions = {},
): DraftsSheetResult {
  const zh = locale === "zh-CN";
  const channels = opts.channels ?? [...CHANNELS];
  const wanted = opts.clientIds ? new Set(opts.clientIds) : undefined;
  const fallen = fallenProducts(analysis);
  const clients = analysis.clients.filter((c) => (wanted ? wanted.has(c.clientId) : opts.allClients || c.pnlFen < 0 || holdsFallenProduct(c, fallen)));
  const elderlyAge = analysis.elderlyAge ?? DEFAULT_SCORING.elderlyAge;
  const from = opts.from ?? analysis.asOf;
  const prev = previous ? readPrevious(previous) : new Map<string, PreviousRow>();
  // The sheet's rows are made as the writer takes them: on 100,000 clients their texts alone
  // would take some 200 MB. Here every draft is made and checked once for what the preamble, the
  // issues and the rows' small cells need (counts, compliance, status); the writer's pass makes
  // each draft's text again, from the same client values and compiled template (DraftRows).
  const rows = new DraftRows(clients.length * channels.length);
  // The drafts themselves are kept only when asked (tests, one client): on 100,000 clients their
  // parts would double the memory the sheet's rows already take. The figures are counted here.
  const keep = opts.keepDrafts ?? true;
  const drafts: Draft[] = [];
  let draftCount = 0, failing = 0, toReview = 0, missingCount = 0, firstMissing = -1;
  const missingFields = new Set<BankField>();
  const added: string[] = [];
  const refusedAt: { key: string; index: number; reason: string; to: DraftStatus }[] = [];
  const matched = new Set<PreviousRow>();
  const str = (v: CellValue | undefined) => (v === undefined || v === null ? null : typeof v === "string" ? v : cellString(v));
  const filled = (v: CellValue | undefined) => { const t = str(v); return t !== null && t.trim() !== ""; };
  const keepCell = (v: CellValue | undefined): CellValue => (v === undefined ? null : v);
  const drafter = new Drafter(analysis, locale, templates, opts);

  clients.forEach((c, ci) => {
    const cd = drafter.client(c);
    const review = cd.review.length ? reviewLabel(cd.review, elderlyAge, locale) : null;
    channels.forEach((channel, chi) => {
      const d = drafter.draft(cd, channel);
      if (keep) drafts.push(d);
      if (d.findings.some((f) => f.severity === "error")) failing++;
      if (d.review.length > 0) toReview++;
      if (d.missing.length > 0) {
        if (firstMissing < 0) firstMissing = draftCount;
        missingCount++;
        for (const f of d.missing) missingFields.add(f);
      }
      draftCount++;
      const key = `${c.clientId}/${channel}`;
      const p = prev.get(key);
      if (p) matched.add(p);
      else added.push(key);
      const permitted: DraftStatus = d.review.length ? "toReview" : "pending";
      const typed = p && filled(p.values.status) ? str(p.values.status)! : undefined;
      let status = typed !== undefined ? statusIn(typed, locale) : STATUS_LABEL[permitted][locale];
      let notes = p ? str(p.values.notes) : null;
      const reviewed = !!p && filled(p.values.reviewer) && filled(p.values.reviewedAt);
      const block = sendBlock(d, reviewed, locale);
      if (typed !== undefined && parseStatus(typed) === "sent" && block) {
        const to = d.review.length && !reviewed ? "toReview" : "pending";
        status = STATUS_LABEL[to][locale];
        const line = zh
          ? `【LossDesk ${formatGeneratedAt(from)}】不得标记为“已发送”：${block}；状态已改回“${status}”。`
          : `[LossDesk ${formatGeneratedAt(from)}] may not be marked sent: ${block}; status put back to "${status}".`;
        notes = notes && notes.trim() !== "" ? `${notes}\n${line}` : line;
        refusedAt.push({ key, index: rows.count, reason: block, to });
      }
      const compliance = complianceSummary(d.findings, locale) + (d.missing.length
        ? (zh ? `；信函缺少设置：${d.missing.map((m) => SETTING_LABEL[m][locale]).join("、")}` : `; letter lacks settings: ${d.missing.map((m) => SETTING_LABEL[m][locale]).join(", ")}`)
        : "");
      rows.push({
        client: ci, channel: chi, length: d.length, segments: d.sms ? d.sms.segments : null, compliance, review, status,
        typed: p ? { reviewer: keepCell(p.values.reviewer), reviewedAt: keepCell(p.values.reviewedAt), notes } : undefined,
      });
    });
  });

  const dropped: string[] = [];
  const kept: string[] = [];
  const keptRows: CellValue[][] = [];
  const marks = [NO_LONGER_GENERATED["zh-CN"], NO_LONGER_GENERATED["en-US"]];
  for (const [key, p] of prev) {
    if (matched.has(p)) continue;
    dropped.push(key);
    const status = str(p.values.status);
    const notes = str(p.values.notes);
    const st = status === null ? undefined : parseStatus(status);
    const typed = (status !== null && status.trim() !== "" && st !== "pending" && st !== "toReview")
      || (notes !== null && notes.trim() !== "") || filled(p.values.reviewer);
    if (!typed) continue;
    kept.push(key);
    const old = str(p.values.draft) ?? "";
    const draft = marks.some((m) => old.startsWith(m)) ? old : NO_LONGER_GENERATED[locale] + old;
    const v = p.values;
    keptRows.push([
      p.clientId, v.clientName ?? null, v.rm ?? null, v.tier ?? null, CHANNEL_LABEL[p.channel][locale], v.contactBy ?? null,
      draft, v.length ?? null, v.segments ?? null, v.compliance ?? null, v.review ?? null,
      status === null ? null : statusIn(status, locale), keepCell(v.reviewer), keepCell(v.reviewedAt), notes,
    ]);
  }

  // A generated row, made again for the writer: the client's values once for its channels (they
  // come one after another), the text from the template compiled in the first pass.
  let last: ClientDrafting | undefined;
  const generatedRow = (i: number): CellValue[] => {
    const c = clients[rows.client[i]];
    const channel = channels[rows.channel[i]];
    if (last?.client !== c) last = drafter.client(c);
    const typed = rows.typed.get(i);
    return [
      c.clientId, c.clientName ?? null, c.rm ?? null, ui("tiers", c.riskTier, locale), CHANNEL_LABEL[channel][locale],
      last.contactBy, drafter.text(last, channel), rows.length[i], rows.segments[i] < 0 ? null : rows.segments[i], rows.text(rows.compliance[i]),
      rows.text(rows.review[i]), rows.text(rows.status[i]), typed ? typed.reviewer : null, typed ? typed.reviewedAt : null, typed ? typed.notes : null,
    ];
  };
  const sheetRows = lazyRows(rows.count + keptRows.length, (i) => (i < rows.count ? generatedRow(i) : keptRows[i - rows.count]));

  const holders = clients.filter((c) => holdsFallenProduct(c, fallen)).length;
  const losers = clients.filter((c) => c.pnlFen < 0).length;
  const statuses = STATUSES.map((s) => STATUS_LABEL[s][locale]).join(" / ");
  const stamp = formatGeneratedAt(from);
  const sheet: TableSheetModel<TableRows> = {
    name: DRAFT_SHEET[locale],
    preamble: zh
      ? [
        `沟通草稿（分析日 ${analysis.asOf}，生成时间 ${stamp}）`,
        `客户 ${clients.length} 名（持有净值下跌产品的客户 ${holders} 名，全部持仓合计亏损的客户 ${losers} 名），草稿 ${draftCount} 份，其中合规检查不通过 ${failing} 份，须复核 ${toReview} 份；草稿须经人工复核后方可发送。`,
        `联系截止日与信函落款日期均自生成时间 ${stamp} 起算。`,
        `状态可填：${statuses}。适当性不匹配、${elderlyAge}岁及以上客户、有未办结投诉的客户及亏损并非来自净值下跌的草稿为“待复核”，填写复核人和复核时间后方可标记为“已发送”；合规检查不通过或信函缺少银行设置的草稿不得标记为“已发送”，重新生成时改回并在备注中说明。重新生成时按客户编号与渠道保留状态、复核人、复核时间和备注；不再生成但已填写的行保留在末尾，草稿前标注${NO_LONGER_GENERATED[locale]}。`,
      ]
      : [
        `Drafts (as of ${analysis.asOf}, generated ${stamp})`,
        `${clients.length} clients (${holders} holding a product that fell, ${losers} with a loss across all their holdings), ${draftCount} drafts, ${failing} failing the compliance check, ${toReview} to review; a person reviews every draft before it is sent.`,
        `Contact deadlines and letter dates count from the generation time ${stamp}.`,
        `Status: ${statuses}. Drafts for suitability mismatches, clients aged ${elderlyAge}+, clients with an open complaint and losses not from a NAV fall start as "to review" and may be marked sent only once a reviewer and review time are filled in; a draft failing the compliance check, or a letter lacking the bank's settings, may not be marked sent: regenerating puts it back and says why in Notes. Regenerating keeps the status, reviewer, review time and notes typed here, by client ID and channel; rows no longer generated that have something typed stay at the end, their draft marked "${NO_LONGER_GENERATED[locale].trim()}".`,
      ],
    columns: DRAFT_COLUMNS.map((k) => ({
      header: DRAFT_HEADERS[k][locale],
      width: k === "draft" ? 70 : k === "compliance" || k === "notes" ? 30 : k === "review" ? 18 : k === "reviewedAt" ? 16 : undefined,
      numFmt: k === "length" || k === "segments" ? "0" : k === "reviewedAt" ? "yyyy-mm-dd hh:mm" : undefined,
      // The drop-down offers every status; whether 已发送 is allowed depends on the row, which a
      // list cannot express: the red fill below marks it, and regeneration refuses it.
      list: k === "status" ? STATUSES.map((s) => STATUS_LABEL[s][locale]) : undefined,
      listAllowOther: k === "status" ? true : undefined,
    })),
    rows: sheetRows,
    tableName: "Drafts",
    freezeHeader: true,
    conditionalFormats: [{ formula: sentNotAllowedFormula(locale), style: "bad" }],
  };
  const colOf = (k: DraftColumn) => colLetter(DRAFT_COLUMNS.indexOf(k));
  const issues: Issue[] = refusedAt.map((r) => cellIssue("error", sheet.name, `${colOf("status")}${dataRowNumber(sheet, r.index)}`, "draft-sent-refused", zh
    ? `不得标记为“已发送”（${r.key}）：${r.reason}；已改回“${STATUS_LABEL[r.to][locale]}”`
    : `may not be marked sent (${r.key}): ${r.reason}; put back to "${STATUS_LABEL[r.to][locale]}"`));
  if (firstMissing >= 0) {
    const fields = BANK_FIELDS.filter((f) => missingFields.has(f));
    const n = missingCount;
    issues.push(cellIssue("warning", sheet.name, `${colOf("draft")}${dataRowNumber(sheet, firstMissing)}`, "letter-settings-missing", zh
      ? `${n} 封信函缺少设置：${fields.map((f) => SETTING_LABEL[f][locale]).join("、")}（仍显示${fields.map((f) => BANK_PLACEHOLDER[f][locale]).join("")}），请在设置中填写后重新生成`
      : `${n} letters lack settings: ${fields.map((f) => SETTING_LABEL[f][locale]).join(", ")} (they still show ${fields.map((f) => BANK_PLACEHOLDER[f][locale]).join(" ")}); fill them in the settings and regenerate`));
  }
  return { sheet, added, dropped, kept, drafts, refused: refusedAt.map((r) => r.key), issues };
}

/** Red fill on a row marked sent that may not be: compliance failed, settings missing, or review needed and not done. */
function sentNotAllowedFormula(locale: Locale): string {
  const c = (k: DraftColumn) => `$${colLetter(DRAFT_COLUMNS.indexOf(k))}{r}`;
  const zh = locale === "zh-CN";
  const failed = zh ? `LEFT(${c("compliance")},3)="不通过"` : `LEFT(${c("compliance")},7)="failed:"`;
  const lacks = `ISNUMBER(SEARCH("${zh ? "缺少设置" : "lacks settings"}",${c("compliance")}))`;
  const unreviewed = `AND(${c("review")}<>"",OR(${c("reviewer")}="",${c("reviewedAt")}=""))`;
  return `AND(${c("status")}="${STATUS_LABEL.sent[locale]}",OR(${failed},${lacks},${unreviewed}))`;
}
