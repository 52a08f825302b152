import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
// Its styles are in ui/on-demand.css (grid.css): only parts loaded on demand use it.

const OVERSCAN = 6;
const NARROW = "(max-width: 600px)";

export interface GridColumn<T> {
  key: string;
  label: string;
  /** Its share of the width (a CSS grid track such as "2fr" or "2.5rem"). */
  width: string;
  /** The header says it to screen readers only (a column of checkboxes). */
  hideLabel?: boolean;
  /** Shown before the value when the grid is narrow and its header is hidden. */
  narrowLabel?: boolean;
  cell: (item: T) => ComponentChildren;
}

function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW);
    const change = () => setNarrow(query.matches);
    query.addEventListener("change", change);
    return () => query.removeEventListener("change", change);
  }, []);
  return narrow;
}

/**
 * A table of thousands of rows that renders only those in view (plus a few),
 * with a header that stays put. Rows have a fixed height; on a narrow screen
 * (a 400 px popup) each row wraps its cells under one another, each after its
 * column's name, in a taller fixed height. An ARIA table: screen readers hear
 * the row's position in the whole list.
 */
export function DataGrid<T>({
  label,
  items,
  columns,
  itemKey,
  rowHeight,
  narrowRowHeight,
  height,
  onVisible,
}: {
  label: string;
  items: readonly T[];
  columns: GridColumn<T>[];
  itemKey: (item: T) => string;
  rowHeight: number;
  narrowRowHeight: number;
  /** The most the body may take before it scrolls. */
  height: number;
  /** Told which items are rendered, e.g. to read their details only. */
  onVisible?: (items: T[]) => void;
}) {
  const narrow = useNarrow();
  const row = narrow ? narrowRowHeight : rowHeight;
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / row) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / row) + OVERSCAN);
  useEffect(() => onVisible?.(items.slice(first, last)), [items, first, last, onVisible]);
  const template = { gridTemplateColumns: columns.map((column) => `minmax(0, ${column.width})`).join(" ") };
  return (
    <div class="grid" role="table" aria-label={label} aria-rowcount={items.length + 1}>
      <div class="grid__head" role="rowgroup">
        <div class="grid__row" role="row" aria-rowindex={1} style={template}>
          {columns.map((column) => (
            <div key={column.key} class="grid__cell" role="columnheader">
              {column.hideLabel ? <span class="visually-hidden">{column.label}</span> : column.label}
            </div>
          ))}
        </div>
      </div>
      <div class="grid__body" role="rowgroup" style={{ maxHeight: `${height}px` }} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
        <div class="grid__space" style={{ height: `${items.length * row}px` }}>
          {items.slice(first, last).map((item, offset) => (
            <div
              key={itemKey(item)}
              class="grid__row"
              role="row"
              aria-rowindex={first + offset + 2}
              style={{ ...template, top: `${(first + offset) * row}px`, height: `${row}px` }}
            >
              {columns.map((column) => {
                const content = column.cell(item);
                // A cell cut short with an ellipsis still tells its whole text on hover.
                const title = typeof content === "string" && content !== "" ? content : undefined;
                return (
                  <div key={column.key} class="grid__cell" role="cell" title={title} data-label={column.narrowLabel ? column.label : undefined}>
                    {content}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
