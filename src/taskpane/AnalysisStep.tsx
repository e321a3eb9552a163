// Step 2: the key figures, the products that fell, and the clients in the order to call them,
// filterable, each client's score explained on demand. The client list is virtualised and a
// row formats only its own figures, so 100,000 clients cost what the visible 15 cost.

import { useMemo, useState } from "react";
import {
  Badge, Caption1, Field, Select, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow,
  Text, makeStyles, tokens,
} from "@fluentui/react-components";
import { ChevronDown16Regular, ChevronRight16Regular } from "@fluentui/react-icons";
import type { Analysis } from "../core/analysis";
import type { ClientResult, Flag } from "../core/engine";
import type { RiskTier } from "../core/risk";
import { Locale, flagLabel, ui } from "../core/i18n";
import { DEFAULT_SCORING } from "../core/risk";
import { formatFen } from "../core/format";
import { Strings, money, percent } from "./strings";
import { VirtualList } from "./VirtualList";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  figures: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))", gap: tokens.spacingHorizontalS },
  figure: {
    display: "flex", flexDirection: "column", padding: "8px 10px",
    border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
  },
  figureValue: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  row: { padding: "6px 8px", display: "flex", flexDirection: "column", gap: "2px" },
  line: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, whiteSpace: "nowrap", overflow: "hidden" },
  grow: { flex: 1, minWidth: 0, overflow: "hidden", textOverflow: "ellipsis" },
  num: { fontVariantNumeric: "tabular-nums" },
  loss: { color: tokens.colorPaletteRedForeground1, fontVariantNumeric: "tabular-nums" },
  detail: { paddingLeft: "24px", display: "flex", flexDirection: "column", gap: "2px" },
  // A task pane is ~350px wide: let the product column wrap and keep the figures on one line.
  products: { tableLayout: "auto", width: "100%" },
  nowrap: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  nowrapLoss: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums", color: tokens.colorPaletteRedForeground1 },
});

const TIERS: RiskTier[] = ["high", "medium", "low"];
const FLAGS: Flag[] = ["suitability-mismatch", "elderly"];
const TIER_COLOR: Record<RiskTier, "danger" | "warning" | "success"> = { high: "danger", medium: "warning", low: "success" };

const ROW = 52;
const DETAIL_LINE = 20;

/** Height of a row: fixed, so the list needs no measuring to place 100,000 rows. */
function rowHeight(c: ClientResult, open: boolean): number {
  return open ? ROW + DETAIL_LINE * (2 + Math.max(1, c.factors.length) + c.positions.length) : ROW;
}

export function AnalysisStep(p: { s: Strings; locale: Locale; analysis: Analysis }) {
  const { s, locale, analysis: a } = p;
  const elderlyAge = a.elderlyAge ?? DEFAULT_SCORING.elderlyAge;
  const styles = useStyles();
  const [tier, setTier] = useState<"" | RiskTier>("");
  const [rm, setRm] = useState("");
  const [flag, setFlag] = useState<"" | Flag>("");
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());

  // One pass over the clients for the tier counts, the rank and the RM list.
  const summary = useMemo(() => {
    const tiers: Record<RiskTier, number> = { high: 0, medium: 0, low: 0 };
    const rank = new Map<ClientResult, number>();
    const rms = new Set<string>();
    a.clients.forEach((c, i) => {
      tiers[c.riskTier]++;
      rank.set(c, i + 1);
      if (c.rm) rms.add(c.rm);
    });
    return { tiers, rank, rms: [...rms].sort((x, y) => x.localeCompare(y, locale)) };
  }, [a, locale]);

  const shown = useMemo(
    () => (!tier && !rm && !flag
      ? a.clients
      : a.clients.filter((c) => (!tier || c.riskTier === tier) && (!rm || c.rm === rm) && (!flag || c.flags.includes(flag)))),
    [a, tier, rm, flag],
  );

  const affected = useMemo(() => a.products.filter((x) => x.pnlFen < 0 || x.drawdownBp > 0), [a]);

  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id); else next.add(id);
      return next;
    });

  const figures: { id: string; label: string; value: string | number; shown: string }[] = [
    { id: "kf-clients", label: s.kfClients, value: a.totals.clients, shown: a.totals.clients.toLocaleString(locale) },
    { id: "kf-clients-with-loss", label: s.kfClientsWithLoss, value: a.totals.clientsWithLoss, shown: a.totals.clientsWithLoss.toLocaleString(locale) },
    { id: "kf-total-loss", label: s.kfTotalLoss, value: formatFen(a.totals.lossFen), shown: money(a.totals.lossFen) },
    { id: "kf-tier-high", label: s.kfTierHigh, value: summary.tiers.high, shown: summary.tiers.high.toLocaleString(locale) },
    { id: "kf-tier-medium", label: s.kfTierMedium, value: summary.tiers.medium, shown: summary.tiers.medium.toLocaleString(locale) },
    { id: "kf-tier-low", label: s.kfTierLow, value: summary.tiers.low, shown: summary.tiers.low.toLocaleString(locale) },
  ];

  return (
    <div className={styles.stack}>
      <section aria-label={s.keyFigures}>
        <Subtitle2 as="h2">{s.keyFigures}</Subtitle2>
        <dl className={styles.figures} style={{ margin: 0 }}>
          {figures.map((f) => (
            <div key={f.id} className={styles.figure} data-testid={f.id} data-value={String(f.value)}>
              <dt><Caption1>{f.label}</Caption1></dt>
              <dd style={{ margin: 0 }} className={styles.figureValue}>{f.shown}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-label={s.productsAffected}>
        <Subtitle2 as="h2">{s.productsAffected}</Subtitle2>
        {affected.length === 0 ? <Text block>{s.noProductsAffected}</Text> : (
          <Table size="small" aria-label={s.productsAffected} className={styles.products}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{s.product}</TableHeaderCell>
                <TableHeaderCell>{s.drawdown}</TableHeaderCell>
                <TableHeaderCell>{s.holders}</TableHeaderCell>
                <TableHeaderCell>{s.pnl}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {affected.map((x) => (
                <TableRow key={x.productCode} data-testid="product-affected" data-product={x.productCode}>
                  <TableCell>
                    {x.productCode}
                    {x.productName && <Caption1 block>{x.productName}</Caption1>}
                  </TableCell>
                  <TableCell className={styles.nowrap}>{percent(x.drawdownBp)}</TableCell>
                  <TableCell className={styles.nowrap}>{x.holders}</TableCell>
                  <TableCell className={x.pnlFen < 0 ? styles.nowrapLoss : styles.nowrap}>{money(x.pnlFen)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section aria-label={s.clientsHeading}>
        <Subtitle2 as="h2">{s.clientsHeading}</Subtitle2>
        <div className={styles.filters}>
          <Field label={s.filterTier}>
            <Select value={tier} onChange={(_, d) => setTier(d.value as "" | RiskTier)} data-testid="filter-tier">
              <option value="">{s.all}</option>
              {TIERS.map((t) => <option key={t} value={t}>{ui("tiers", t, locale)}</option>)}
            </Select>
          </Field>
          <Field label={s.filterRm}>
            <Select value={rm} onChange={(_, d) => setRm(d.value)} data-testid="filter-rm">
              <option value="">{s.all}</option>
              {summary.rms.map((r) => <option key={r} value={r}>{r}</option>)}
            </Select>
          </Field>
          <Field label={s.filterFlag}>
            <Select value={flag} onChange={(_, d) => setFlag(d.value as "" | Flag)} data-testid="filter-flag">
              <option value="">{s.all}</option>
              {FLAGS.map((f) => <option key={f} value={f}>{flagLabel(f, locale, elderlyAge)}</option>)}
            </Select>
          </Field>
        </div>
        <Caption1 role="status" data-testid="clients-shown" data-value={shown.length}>
          {s.shown(shown.length, a.clients.length)}
        </Caption1>
        {shown.length === 0 ? <Text block>{s.noClients}</Text> : (
          <VirtualList
            role="grid"
            label={s.clientsLabel}
            count={shown.length}
            height={420}
            estimateSize={(i) => rowHeight(shown[i], open.has(shown[i].clientId))}
            getKey={(i) => shown[i].clientId}
            resetKey={shown}
            onActivate={(i) => toggle(shown[i].clientId)}
            rowAttributes={(i) => ({
              "data-testid": "client-row",
              "data-client-id": shown[i].clientId,
              "aria-expanded": open.has(shown[i].clientId),
            })}
            renderRow={(i) => (
              <ClientRow c={shown[i]} rank={summary.rank.get(shown[i])!} open={open.has(shown[i].clientId)} s={s} locale={locale} elderlyAge={elderlyAge} />
            )}
          />
        )}
      </section>
    </div>
  );
}

function ClientRow(p: { c: ClientResult; rank: number; open: boolean; s: Strings; locale: Locale; elderlyAge: number }) {
  const { c, s, locale } = p;
  const styles = useStyles();
  const sep = locale === "zh-CN" ? "、" : ", ";
  return (
    <div className={styles.row}>
      <div className={styles.line}>
        {p.open ? <ChevronDown16Regular aria-hidden /> : <ChevronRight16Regular aria-hidden />}
        <span className={styles.num} aria-label={s.rank(p.rank)}>#{p.rank}</span>
        <span className={styles.grow}>
          <strong>{c.clientId}</strong> {c.clientName ?? ""}{c.rm ? ` · ${c.rm}` : ""}
        </span>
        <Badge appearance="tint" color={TIER_COLOR[c.riskTier]}>{ui("tiers", c.riskTier, locale)}</Badge>
        <span className={styles.num} aria-label={`${s.score} ${c.riskScore}`}>{c.riskScore.toFixed(1)}</span>
      </div>
      <div className={styles.line}>
        <span className={c.pnlFen < 0 ? styles.loss : styles.num} aria-label={`${s.pnl} ${money(c.pnlFen)}`}>{money(c.pnlFen)}</span>
        <span className={styles.num} aria-label={`${s.lossRate} ${percent(c.lossRateBp)}`}>{percent(c.lossRateBp)}</span>
        <span className={styles.grow}>{c.flags.map((f) => flagLabel(f, locale, p.elderlyAge)).join(sep)}</span>
      </div>
      {p.open && (
        <div className={styles.detail} data-testid="client-factors">
          <Caption1><strong>{s.factors}</strong></Caption1>
          {c.factors.length === 0 ? <Caption1>{s.noFactors}</Caption1> : c.factors.map((f) => (
            <Caption1 key={f.factor}>
              {ui("factors", f.factor, locale)}: {f.points} ({f.value})
            </Caption1>
          ))}
          <Caption1><strong>{s.positions}</strong></Caption1>
          {c.positions.map((x) => (
            <Caption1 key={x.productCode}>
              {x.productCode}: {money(x.pnlFen)} ({percent(x.lossRateBp)})
            </Caption1>
          ))}
        </div>
      )}
    </div>
  );
}
