import type { ComponentChildren, Ref, TdHTMLAttributes } from "preact";
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
   * On a narrow screen (a 400 px popup) each row becomes a block, each cell
   * on its own line under its column's name (the `label` of its <Cell>),
   * instead of columns too narrow to read.
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

/** The buttons at the end of a row. */
export function RowActions({ children }: { children: ComponentChildren }) {
  return <div class="row-actions">{children}</div>;
}

/**
 * A cell of a data table, for views (which set no classes of their own):
 * `head` a column header; `num` a number, right-aligned like its header;
 * `label` its column's name, shown before it when a `stack` table lays rows
 * out as blocks.
 */
export function Cell({
  head = false,
  num = false,
  label,
  children,
  ...rest
}: { head?: boolean; num?: boolean; label?: string; children?: ComponentChildren } & Omit<TdHTMLAttributes<HTMLTableCellElement>, "class" | "className" | "label">) {
  const classes = num ? "num" : undefined;
  return head ? (
    <th {...rest} scope="col" class={classes}>
      {children}
    </th>
  ) : (
    <td {...rest} data-label={label} class={classes}>
      {children}
    </td>
  );
}
