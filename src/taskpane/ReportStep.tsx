// Step 4: write the report, client-loss and drafts sheets into the workbook, and say what was
// written and how the drafts sheet changed (rows new, rows no longer generated).

import { Button, Caption1, Link, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentTable20Regular } from "@fluentui/react-icons";
import type { Issue } from "../core/sheet-address";
import type { Strings } from "./strings";
import { IssueSection } from "./IssueLinks";

export interface WriteResult {
  sheets: string[];
  draftsAdded: string[];
  draftsDropped: string[];
  issues: Issue[];
}

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: "18px" },
});

export function ReportStep(p: {
  s: Strings;
  busy: boolean;
  result?: WriteResult;
  onWrite: () => void;
  onSelectCell: (sheet: string, cell: string) => void;
  onActivateSheet: (sheet: string) => void;
}) {
  const { s, result: r } = p;
  const styles = useStyles();
  return (
    <div className={styles.stack}>
      <Text block>{s.reportHint}</Text>
      <div>
        <Button appearance="primary" icon={<DocumentTable20Regular />} onClick={p.onWrite} disabled={p.busy} data-testid="write-report">
          {s.writeReport}
        </Button>
      </div>
      {r && (
        <section aria-label={s.writtenSheets} aria-live="polite">
          <Subtitle2 as="h2">{s.writtenSheets}</Subtitle2>
          <ul className={styles.list} data-testid="written-sheets">
            {r.sheets.map((name) => (
              <li key={name} data-sheet={name}>
                <Link as="button" onClick={() => p.onActivateSheet(name)}>{name}</Link>
              </li>
            ))}
          </ul>
          <Caption1 block data-testid="drafts-added" data-value={r.draftsAdded.length}>{s.draftsAdded(r.draftsAdded.length)}</Caption1>
          <Caption1 block data-testid="drafts-dropped" data-value={r.draftsDropped.length}>
            {s.draftsDropped(r.draftsDropped.length)}
            {r.draftsDropped.length > 0 && `: ${r.draftsDropped.slice(0, 20).join(", ")}${r.draftsDropped.length > 20 ? " …" : ""}`}
          </Caption1>
        </section>
      )}
      {r && <IssueSection title={s.outputIssues(r.issues.length)} issues={r.issues} onSelectCell={p.onSelectCell} />}
    </div>
  );
}
