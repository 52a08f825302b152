import type { ComponentChildren, Ref } from "preact";
import "./table.css";

/**
 * A data table: aligned headers, cells that wrap, numeric columns right-aligned
 * (class "num" on their th and td), row actions in <RowActions>. `scroll`:
 * a long list scrolls inside the page and keeps its header in view.
 */
export function Table({
  caption,
  scroll = false,
  stack = false,
  tableRef,
  children,
  ...data
}: {
  /** What the table lists, for screen readers. */
  caption: string;
  scroll?: boolean;
  /**
   * On narrow screens (a 400 px popup) each row becomes a block: its cells one
   * under another, each after its column's name (the `label` of its <Td>),
   * instead of columns squeezed to a few letters.
   */
  stack?: boolean;
  tableRef?: Ref<HTMLTableElement>;
  children: ComponentChildren;
} & Record<`data-${string}` | `aria-${string}`, string | boolean | undefined>) {
  return (
    <div class={scroll ? "table-wrap table-wrap--scroll" : "table-wrap"}>
      <table {...data} ref={tableRef} class={stack ? "table table--stack" : "table"}>
        <caption class="visually-hidden">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

const cellClass = (num: boolean, fit: boolean) => [num ? "num" : "", fit ? "fit" : ""].filter(Boolean).join(" ") || undefined;

interface CellProps {
  /** A numeric column: right-aligned, with digits of one width. */
  num?: boolean;
  /** As narrow as its content (a checkbox, the row actions). */
  fit?: boolean;
  children?: ComponentChildren;
}

/** A column header (views give no class names of their own: this is how a column is numeric or narrow). */
export function Th({ num = false, fit = false, children }: CellProps) {
  return (
    <th scope="col" class={cellClass(num, fit)}>
      {children}
    </th>
  );
}

/**
 * A cell of a row; `num` and `fit` as its column's header. `label`: the
 * column's name, shown before the value when a `stack` table is narrow.
 */
export function Td({ num = false, fit = false, label, children, ...data }: CellProps & { label?: string } & Record<`data-${string}`, string>) {
  return (
    <td {...data} data-label={label} class={cellClass(num, fit)}>
      {children}
    </td>
  );
}

/** The buttons at the end of a row. */
export function RowActions({ children }: { children: ComponentChildren }) {
  return <div class="row-actions">{children}</div>;
}
