import type { ComponentChildren } from "preact";
// Its styles are in ui/on-demand.css: only parts loaded on demand use it.

/**
 * A bordered box of related rows inside a card (conditions joined by AND or
 * OR): `header` on top (what applies to the whole group, and its small
 * actions), then the rows. A group inside a group is set apart again.
 */
export function Group({
  label,
  header,
  children,
  ...data
}: {
  /** What the group is, for screen readers ("Conditions: all of these (AND)"). */
  label: string;
  header?: ComponentChildren;
  children: ComponentChildren;
} & Record<`data-${string}`, string>) {
  return (
    <div {...data} class="group" role="group" aria-label={label}>
      {header && <div class="group__header">{header}</div>}
      <div class="group__body">{children}</div>
    </div>
  );
}

/** The word between two rows of a group ("and", "or"), so the rows read as one condition. */
export function GroupJoin({ children }: { children: ComponentChildren }) {
  return (
    <div class="group__join">
      <span class="group__word">{children}</span>
    </div>
  );
}
