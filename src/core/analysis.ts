// The whole analysis on a workbook snapshot, and the two shapes it leaves in: the result JSON
// (docs/results.md, the contract the CLI and the task pane share) and the client-loss sheet.

import { WorkbookSnapshot, TableSheetModel, CellValue, lazyRows, type TableRows } from "./workbook";
import { FoundTable, ParsedInput, lotRef, parseWorkbook } from "./input";
import { ClientResult, EngineResult, computeLosses } from "./engine";
import { ScoringConfig, DEFAULT_SCORING } from "./risk";
import { fenToYuanNumber } from "./money";
import { formatFen, formatNav, formatRate } from "./format";
import { IsoDate } from "./values";
import type { LotSources } from "./lots";
import { Locale, flagLabel, ui } from "./i18n";
import { Issue } from "./sheet-address";
import { OUTPUT_SHEETS } from "./sheet-names";
import { EVENT_SHEETS } from "./event/text";

/** Sheets LossDesk writes; never read back as input (their headers would look like holdings). */
export const GENERATED_SHEETS: string[] = [...Object.values(OUTPUT_SHEETS), ...Object.values(EVENT_SHEETS)]
  .flatMap((t) => [t["zh-CN"], t["en-US"]]);

export interface AnalyzeOptions {
  asOf?: IsoDate;
  locale?: Locale;
  scoring?: ScoringConfig;
}

export interface Analysis extends EngineResult {
  tables: FoundTable[];
  issues: Issue[];
  lotRows: number;
  lotsAccepted: number;
  /** The streaming path's columnar lot sources (stream-input.ts), behind PositionResult.lotFirst. */
  lotSources?: LotSources;
}

export function analyzeWorkbook(wb: WorkbookSnapshot, options: AnalyzeOptions = {}): Analysis {
  return analyzeParsed(readInput(wb, options), options);
}

/** Step 1: find and read the tables. Once it returns, the snapshot can be dropped. */
export function readInput(wb: WorkbookSnapshot, options: AnalyzeOptions = {}): ParsedInput {
  return parseWorkbook(wb, { asOf: options.asOf, locale: options.locale, skipSheets: GENERATED_SHEETS });
}

/** Step 2: the money and the scores. */
export function analyzeParsed(parsed: ParsedInput, options: AnalyzeOptions = {}): Analysis {
  const engine = computeLosses(parsed.lots, parsed.products, parsed.asOf, options.scoring ?? DEFAULT_SCORING);
  return { ...engine, tables: parsed.tables, issues: parsed.issues, lotRows: parsed.lotRows, lotsAccepted: parsed.lots.length };
}

const rate = (bp: number | null) => (bp === null ? null : formatRate(bp));

/** What the JSON says of each position's lots: their source cells (the default) or nothing. */
export interface JsonOptions {
  lots?: "source" | "none";
}

function lotsJson(p: ClientResult["positions"][number], sources: LotSources | undefined) {
  if (p.lotFirst !== undefined && p.lotFirst >= 0 && sources) {
    const out: { sheet: string; row: number; ref: string }[] = [];
    for (const l of sources.chain(p.lotFirst)) out.push({ sheet: l.sheet, row: l.row, ref: lotRef(l) });
    return out;
  }
  return p.lots.map((l) => ({ sheet: l.sheet, row: l.row, ref: lotRef(l) }));
}

function clientJson(c: ClientResult, sources?: LotSources, json: JsonOptions = {}) {
  return {
    clientId: c.clientId,
    clientName: c.clientName ?? null,
    relationshipManager: c.rm ?? null,
    cost: formatFen(c.costFen),
    marketValue: formatFen(c.marketValueFen),
    dividends: formatFen(c.dividendsFen),
    pnl: formatFen(c.pnlFen),
    lossRate: rate(c.lossRateBp),
    riskScore: c.riskScore,
    riskTier: c.riskTier,
    flags: c.flags,
    factors: c.factors,
    positions: c.positions.map((p) => ({
      productCode: p.productCode,
      shares: p.shares.toString(),
      cost: formatFen(p.costFen),
      marketValue: formatFen(p.marketValueFen),
      dividends: formatFen(p.dividendsFen),
      pnl: formatFen(p.pnlFen),
      lossRate: rate(p.lossRateBp),
      ...(json.lots === "none" ? {} : { lots: lotsJson(p, sources) }),
    })),
  };
}

/** Everything but the clients: small whatever the workbook's size. */
function headJson(a: Analysis) {
  return {
    asOf: a.asOf,
    tables: a.tables,
    products: a.products.map((p) => ({
      productCode: p.productCode,
      productName: p.productName ?? null,
      riskLevel: p.risk ? `R${p.risk}` : null,
      benchmark: p.benchmark ?? null,
      latestNav: formatNav(p.latestNav),
      latestNavDate: p.latestNavDate,
      peakNav: formatNav(p.peakNav),
      peakNavDate: p.peakNavDate,
      drawdownBasis: p.drawdownBasis,
      drawdown: formatRate(p.drawdownBp),
      holders: p.holders,
      cost: formatFen(p.costFen),
      marketValue: formatFen(p.marketValueFen),
      pnl: formatFen(p.pnlFen),
    })),
    issues: a.issues.map((i) => ({ severity: i.severity, sheet: i.sheet, cell: i.cell, code: i.code, message: i.message })),
    totals: {
      lotRows: a.lotRows,
      lotsAccepted: a.lotsAccepted,
      lotsRejected: a.lotRows - a.lotsAccepted,
      clients: a.totals.clients,
      clientsWithLoss: a.totals.clientsWithLoss,
      cost: formatFen(a.totals.costFen),
      marketValue: formatFen(a.totals.marketValueFen),
      dividends: formatFen(a.totals.dividendsFen),
      pnl: formatFen(a.totals.pnlFen),
      loss: formatFen(a.totals.lossFen),
    },
  };
}

/** The result JSON: amounts as "-30000.00", rates as "-0.2000", NAVs with 4 or more decimals. */
export function resultJson(a: Analysis) {
  const { asOf, tables, ...rest } = headJson(a);
  return { asOf, tables, clients: a.clients.map((c) => clientJson(c, a.lotSources)), ...rest };
}

/**
 * The same JSON, written in pieces: one client per line, so a 200,000-lot result never sits in
 * memory as one string (it is over 100 MB).
 */
export function writeResultJson(a: Analysis, write: (chunk: string) => void, json: JsonOptions = {}): void {
  const { asOf, tables, ...rest } = headJson(a);
  write(`{\n"asOf": ${JSON.stringify(asOf)},\n"tables": ${JSON.stringify(tables)},\n"clients": [`);
  let buf = "";
  a.clients.forEach((c, i) => {
    buf += (i ? ",\n" : "\n") + JSON.stringify(clientJson(c, a.lotSources, json));
    if (buf.length > 1 << 20) { write(buf); buf = ""; }
  });
  write(buf + "\n]");
  for (const [k, v] of Object.entries(rest)) write(`,\n${JSON.stringify(k)}: ${JSON.stringify(v, null, 1)}`);
  write("\n}\n");
}

export type ResultJson = ReturnType<typeof resultJson>;

const LOSS_HEADERS: Record<Locale, string[]> = {
  "zh-CN": ["排序", "客户编号", "客户姓名", "客户经理", "风险分级", "风险评分", "提示", "成本(元)", "市值(元)", "已分红(元)", "盈亏(元)", "盈亏比例", "持有产品", "主要因素"],
  "en-US": ["Rank", "Client ID", "Client name", "Relationship manager", "Risk tier", "Risk score", "Flags", "Cost", "Market value", "Dividends", "P&L", "P&L rate", "Products", "Main factors"],
};

/** The client-loss sheet (亏损明细 / Client losses): one row per client, highest risk first. */
export function clientLossSheet(a: Analysis, locale: Locale): TableSheetModel<TableRows> {
  const zh = locale === "zh-CN";
  const h = LOSS_HEADERS[locale];
  const elderlyAge = a.elderlyAge ?? DEFAULT_SCORING.elderlyAge;
  const money = "#,##0.00;[Red]-#,##0.00";
  // Each row made as the writer takes it: 100,000 clients' rows are never all held at once.
  const row = (c: ClientResult, i: number): CellValue[] => [
    i + 1,
    c.clientId,
    c.clientName ?? null,
    c.rm ?? null,
    ui("tiers", c.riskTier, locale),
    c.riskScore,
    c.flags.map((f) => flagLabel(f, locale, elderlyAge)).join(zh ? "；" : "; ") || null,
    fenToYuanNumber(c.costFen),
    fenToYuanNumber(c.marketValueFen),
    fenToYuanNumber(c.dividendsFen),
    fenToYuanNumber(c.pnlFen),
    c.lossRateBp === null ? null : c.lossRateBp / 10000,
    c.positions.map((p) => p.productCode).join(", "),
    c.factors.filter((f) => f.points > 0).slice(0, 3)
      .map((f) => `${ui("factors", f.factor, locale)} ${f.points}`).join(zh ? "；" : "; ") || null,
  ];
  const rows = lazyRows(a.clients.length, (i) => row(a.clients[i], i));
  return {
    name: OUTPUT_SHEETS.clientLosses[locale],
    preamble: [
      zh ? `客户亏损明细（分析日 ${a.asOf}）` : `Client losses (as of ${a.asOf})`,
      zh
        ? `客户 ${a.totals.clients} 名，其中亏损 ${a.totals.clientsWithLoss} 名；合计盈亏 ${formatFen(a.totals.pnlFen)} 元`
        : `${a.totals.clients} clients, ${a.totals.clientsWithLoss} with a loss; total P&L ${formatFen(a.totals.pnlFen)}`,
    ],
    columns: h.map((header, i) => ({
      header,
      numFmt: i >= 7 && i <= 10 ? money : i === 11 ? "0.00%" : i === 5 ? "0.0" : undefined,
    })),
    rows,
    tableName: "ClientLosses",
    freezeHeader: true,
  };
}
