import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
// Its styles are in ui/on-demand.css: only parts loaded on demand use it.

const OVERSCAN = 4;

/**
 * A scrolling list that renders only the rows in view (plus a few), so a
 * search matching thousands of users stays cheap. Rows have a fixed height.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  height,
  label,
  itemKey,
  renderRow,
  onVisible,
}: {
  items: T[];
  rowHeight: number;
  height: number;
  label: string;
  itemKey: (item: T) => string;
  renderRow: (item: T) => ComponentChildren;
  /** Told which items are rendered, e.g. to fetch details for them only. */
  onVisible?: (items: T[]) => void;
}) {
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  useEffect(() => onVisible?.(items.slice(first, last)), [items, first, last, onVisible]);
  return (
    <div
      class="virtual-list"
      style={{ maxHeight: `${height}px` }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <ul aria-label={label} style={{ height: `${items.length * rowHeight}px` }}>
        {items.slice(first, last).map((item, offset) => (
          <li
            key={itemKey(item)}
            aria-setsize={items.length}
            aria-posinset={first + offset + 1}
            style={{ top: `${(first + offset) * rowHeight}px`, height: `${rowHeight}px` }}
          >
            {renderRow(item)}
          </li>
        ))}
      </ul>
    </div>
  );
}
