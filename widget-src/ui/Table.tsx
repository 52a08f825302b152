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
  tableRef,
  children,
  ...data
}: {
  /** What the table lists, for screen readers. */
  caption: string;
  scroll?: boolean;
  tableRef?: Ref<HTMLTableElement>;
  children: ComponentChildren;
} & Record<`data-${string}` | `aria-${string}`, string | boolean | undefined>) {
  return (
    <div class={scroll ? "table-wrap table-wrap--scroll" : "table-wrap"}>
      <table {...data} ref={tableRef} class="table">
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
