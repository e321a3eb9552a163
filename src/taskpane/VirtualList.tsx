// A keyboard-navigable, virtualised list: only the rows in view (plus a few) are in the DOM, so a
// workbook with 100,000 clients scrolls as smoothly as one with 10. Focus stays on the list
// container and aria-activedescendant names the active row (the ARIA pattern for virtual lists:
// rows that are not rendered cannot hold focus).

import { KeyboardEvent, ReactNode, useEffect, useId, useRef, useState } from "react";
import { measureElement, useVirtualizer } from "@tanstack/react-virtual";
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  scroller: {
    overflowY: "auto",
    position: "relative",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  row: {
    position: "absolute",
    left: 0,
    right: 0,
    top: 0,
    boxSizing: "border-box",
    cursor: "pointer",
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    outline: `2px solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: "-2px",
  },
});

export interface VirtualListProps {
  count: number;
  /** Row height in px before it is measured (and where it can't be, as in jsdom). */
  estimateSize: (index: number) => number;
  getKey: (index: number) => string | number;
  renderRow: (index: number) => ReactNode;
  /** Extra attributes of a row element (test ids, data-*, aria-expanded). */
  rowAttributes?: (index: number) => Record<string, string | number | boolean | undefined>;
  /** Enter, Space or a click on a row. */
  onActivate?: (index: number) => void;
  /** listbox: a flat list of choices; grid: rows that expand (aria-expanded is valid on a row). */
  role: "listbox" | "grid";
  label: string;
  height: number;
  testId?: string;
  /** Changes when the list's content changes in a way that should reset the active row. */
  resetKey?: unknown;
}

export function VirtualList(p: VirtualListProps) {
  const styles = useStyles();
  const id = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const v = useVirtualizer({
    count: p.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: p.estimateSize,
    getItemKey: p.getKey,
    overscan: 6,
    // Measure real rows (text can wrap, zoom changes sizes) but never take 0: an element that has
    // no layout (hidden tab, jsdom) would otherwise collapse every row and render them all.
    measureElement: (el, entry, inst) => {
      const size = measureElement(el, entry, inst);
      return size > 0 ? size : p.estimateSize(inst.indexFromElement(el));
    },
  });

  // New content (another filter, another analysis): back to the top, not somewhere in the middle.
  useEffect(() => {
    setActive(0);
    v.scrollToOffset(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [p.resetKey]);
  const current = Math.min(active, p.count - 1);

  const move = (to: number) => {
    const i = Math.max(0, Math.min(p.count - 1, to));
    setActive(i);
    v.scrollToIndex(i, { align: "auto" });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (p.count === 0) return;
    const page = Math.max(1, Math.floor(p.height / p.estimateSize(current)) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(current + 1),
      ArrowUp: () => move(current - 1),
      PageDown: () => move(current + page),
      PageUp: () => move(current - page),
      Home: () => move(0),
      End: () => move(p.count - 1),
      Enter: () => p.onActivate?.(current),
      " ": () => p.onActivate?.(current),
    };
    const k = keys[e.key];
    if (k) { e.preventDefault(); k(); }
  };

  const rowId = (i: number) => `${id}-row-${i}`;
  const items = v.getVirtualItems();
  const activeRendered = items.some((it) => it.index === current);
  const grid = p.role === "grid";
  return (
    <div
      ref={scrollRef}
      className={styles.scroller}
      style={{ height: p.height }}
      role={p.role}
      aria-label={p.label}
      aria-rowcount={grid ? p.count : undefined}
      aria-activedescendant={p.count > 0 && activeRendered ? rowId(current) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid={p.testId}
    >
      <div style={{ height: v.getTotalSize(), position: "relative" }} role="presentation">
        {items.map((it) => (
          <div
            key={it.key}
            id={rowId(it.index)}
            ref={v.measureElement}
            data-index={it.index}
            className={`${styles.row} ${it.index === current ? styles.active : ""}`}
            style={{ transform: `translateY(${it.start}px)` }}
            role={grid ? "row" : "option"}
            aria-rowindex={grid ? it.index + 1 : undefined}
            aria-selected={grid ? undefined : it.index === current}
            aria-setsize={grid ? undefined : p.count}
            aria-posinset={grid ? undefined : it.index + 1}
            onClick={() => { setActive(it.index); p.onActivate?.(it.index); }}
            {...p.rowAttributes?.(it.index)}
          >
            {grid ? <div role="gridcell">{p.renderRow(it.index)}</div> : p.renderRow(it.index)}
          </div>
        ))}
      </div>
    </div>
  );
}
