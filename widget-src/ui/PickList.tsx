import type { ComponentChildren } from "preact";
import { Icon } from "./Icon";
import { VirtualList } from "./VirtualList";
// Its styles are in ui/on-demand.css: only parts loaded on demand use it.

/** The height of one option row (two lines of text), in px. */
export const PICK_ROW_HEIGHT = 48;
const VISIBLE_ROWS = 5;

/** A scrolling list of options to pick from (users, groups, roles), rendering only the rows in view. */
export function PickList<T>(props: {
  items: T[];
  label: string;
  itemKey: (item: T) => string;
  renderRow: (item: T) => ComponentChildren;
  onVisible?: (items: T[]) => void;
}) {
  return <VirtualList {...props} rowHeight={PICK_ROW_HEIGHT} height={VISIBLE_ROWS * PICK_ROW_HEIGHT} />;
}

/**
 * One option: an icon, the name with a detail under it (e-mail, kind, or
 * why it cannot be picked), and on the right a badge (capacity, "added").
 */
export function PickOption({
  icon,
  name,
  detail,
  aside,
  pressed,
  disabled,
  onClick,
}: {
  icon: string;
  name: string;
  detail?: ComponentChildren;
  aside?: ComponentChildren;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
}) {
  return (
    <button type="button" class="pick" aria-pressed={pressed} disabled={disabled} onClick={onClick}>
      <span class="pick__icon">
        <Icon path={icon} />
      </span>
      <span class="pick__text">
        <span class="pick__name name">{name}</span>
        {detail && <span class="pick__detail">{detail}</span>}
      </span>
      {aside && <span class="pick__aside">{aside}</span>}
    </button>
  );
}
