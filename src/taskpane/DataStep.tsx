// Step 1: read the workbook, show which tables were found where, the as-of date, and every cell
// the reader could not use (a click takes the analyst to the cell in Excel).

import {
  Button, Caption1, Field, Input, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow,
  MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens,
} from "@fluentui/react-components";
import { ArrowDownload20Regular, ErrorCircle16Filled, Warning16Filled } from "@fluentui/react-icons";
import type { Analysis } from "../core/analysis";
import { Locale, TABLE_LABEL } from "../core/i18n";
import { cellRef } from "../core/sheet-address";
import type { Strings } from "./strings";
import { VirtualList } from "./VirtualList";
import { messageWithoutRef } from "./IssueLinks";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  issue: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start", padding: "6px 8px" },
  cell: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: "nowrap" },
  message: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", flex: 1, minWidth: 0 },
  error: { color: tokens.colorPaletteRedForeground1, flexShrink: 0, marginTop: "2px" },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0, marginTop: "2px" },
  table: { tableLayout: "auto" },
});

const ISSUE_ROW = 32;

export function DataStep(p: {
  s: Strings;
  locale: Locale;
  analysis?: Analysis;
  busy: boolean;
  asOf: string;
  onAsOf: (iso: string | undefined) => void;
  onRead: () => void;
  onSelectCell: (sheet: string, cell: string) => void;
  /** What the reader skipped or worked around (the preview's .xlsx reader), as sentences. */
  readWarnings?: string[];
}) {
  const { s, analysis: a } = p;
  const styles = useStyles();
  const issues = a?.issues ?? [];
  return (
    <div className={styles.stack}>
      <div>
        <Button appearance="primary" icon={<ArrowDownload20Regular />} onClick={p.onRead} disabled={p.busy} data-testid="read-workbook">
          {s.readWorkbook}
        </Button>
      </div>

      <Field label={s.asOf} hint={s.asOfHint}>
        <Input
          type="date"
          value={p.asOf}
          onChange={(_, d) => p.onAsOf(d.value || undefined)}
          disabled={p.busy}
          data-testid="as-of"
        />
      </Field>

      {(p.readWarnings?.length ?? 0) > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="read-warnings">
          <MessageBarBody>
            <MessageBarTitle>{s.readWarnings}</MessageBarTitle>
            <ul>{p.readWarnings!.map((w, i) => <li key={i}>{w}</li>)}</ul>
          </MessageBarBody>
        </MessageBar>
      )}

      {a && (
        <section aria-label={s.tablesFound}>
          <Subtitle2 as="h2">{s.tablesFound}</Subtitle2>
          <Table size="small" className={styles.table} aria-label={s.tablesFound}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{s.colTable}</TableHeaderCell>
                <TableHeaderCell>{s.colSheet}</TableHeaderCell>
                <TableHeaderCell>{s.colAddress}</TableHeaderCell>
                <TableHeaderCell>{s.colRows}</TableHeaderCell>
                <TableHeaderCell>{s.colTableName}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {a.tables.map((t) => (
                <TableRow key={t.role} data-testid="table-found" data-role={t.role}>
                  <TableCell>{TABLE_LABEL[t.role][p.locale]}</TableCell>
                  <TableCell>{t.sheet}</TableCell>
                  <TableCell>{t.address}</TableCell>
                  <TableCell>{t.dataRows}</TableCell>
                  <TableCell>{t.tableName ?? s.tableScanned}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Caption1>{s.lotsSummary(a.lotRows, a.lotsAccepted)}</Caption1>
        </section>
      )}

      {a && (
        <section aria-label={s.issues(issues.length)}>
          <Subtitle2 as="h2">{s.issues(issues.length)}</Subtitle2>
          {issues.length === 0 ? (
            <Text block>{s.noIssues}</Text>
          ) : (
            <VirtualList
              role="listbox"
              label={s.issuesLabel}
              count={issues.length}
              height={Math.min(issues.length, 10) * ISSUE_ROW + 2}
              estimateSize={() => ISSUE_ROW}
              getKey={(i) => i}
              resetKey={issues}
              onActivate={(i) => p.onSelectCell(issues[i].sheet, issues[i].cell)}
              rowAttributes={(i) => ({ "data-testid": "issue-row", "data-cell": `${issues[i].sheet}!${issues[i].cell}` })}
              renderRow={(i) => {
                const it = issues[i];
                const err = it.severity === "error";
                const text = messageWithoutRef(it);
                return (
                  <div className={styles.issue} title={it.message}>
                    {err
                      ? <ErrorCircle16Filled className={styles.error} aria-label={s.severityError} />
                      : <Warning16Filled className={styles.warning} aria-label={s.severityWarning} />}
                    <span className={styles.cell}>{cellRef(it.sheet, it.cell)}</span>
                    <span className={styles.message}>{text}</span>
                  </div>
                );
              }}
            />
          )}
        </section>
      )}
    </div>
  );
}
