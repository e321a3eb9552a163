// Issues that name a cell, as a short list whose cell references take the analyst to the cell.
// Used by every step that can meet one (templates, output, drill); the Data step's long list is
// virtualised and lays issues out in its own columns.

import { Link, Subtitle2, makeStyles } from "@fluentui/react-components";
import { cellRef, type Issue } from "../core/sheet-address";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: "18px" },
});

/** The core prefixes each message with its Sheet!A1; lists show that as the link instead. */
export function messageWithoutRef(i: Issue): string {
  const prefix = `${cellRef(i.sheet, i.cell)}: `;
  return i.message.startsWith(prefix) ? i.message.slice(prefix.length) : i.message;
}

export function IssueSection(p: {
  title: string;
  issues: readonly Issue[];
  onSelectCell: (sheet: string, cell: string) => void;
  testId?: string;
}) {
  const styles = useStyles();
  if (p.issues.length === 0) return null;
  return (
    <section aria-label={p.title} data-testid={p.testId} data-count={p.testId ? p.issues.length : undefined}>
      <Subtitle2 as="h2">{p.title}</Subtitle2>
      <ul className={styles.list}>
        {p.issues.map((it, i) => (
          <li key={i}>
            <Link as="button" onClick={() => p.onSelectCell(it.sheet, it.cell)}>{cellRef(it.sheet, it.cell)}</Link>{" "}
            {messageWithoutRef(it)}
          </li>
        ))}
      </ul>
    </section>
  );
}
