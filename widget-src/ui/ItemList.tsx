import type { ComponentChildren } from "preact";
import { Icon } from "./Icon";
// Its styles are in ui/on-demand.css: only parts loaded on demand use it.

/** A list of things with their own controls (a record's shares, results per user). */
export function ItemList({ label, children, ...data }: { label?: string; children: ComponentChildren } & Record<`data-${string}`, string>) {
  return (
    <ul {...data} class="item-list" aria-label={label}>
      {children}
    </ul>
  );
}

/**
 * One entry: an icon, its name with a line of facts under it, and its
 * controls on the right (under it on narrow screens). `struck`: it is about
 * to go (shown crossed out until the change is sent).
 */
export function Item({
  icon,
  title,
  meta,
  controls,
  struck = false,
  ...data
}: {
  icon: string;
  title: ComponentChildren;
  meta?: ComponentChildren;
  controls?: ComponentChildren;
  struck?: boolean;
} & Record<`data-${string}`, string>) {
  return (
    <li {...data} class={struck ? "item item--struck" : "item"}>
      <span class="item__icon">
        <Icon path={icon} />
      </span>
      <span class="item__text">
        <span class="item__title">{title}</span>
        {meta && <span class="item__meta">{meta}</span>}
      </span>
      {controls && <span class="item__controls">{controls}</span>}
    </li>
  );
}
