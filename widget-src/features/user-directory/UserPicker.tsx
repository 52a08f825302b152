import type { ComponentChildren } from "preact";
import { Stack } from "../../ui/Layout";
import { PickList } from "../../ui/PickList";
import type { UserDirectory } from "./model";
import { UserSearchField } from "./UserSearchField";

/**
 * The one user picker, used by owner change, sharing and the list view: a
 * search box over the org's users and the matches (or suggestions) as a
 * list that renders only the rows in view. Each use decides what a row says.
 */
export function UserPicker<T>({
  id,
  label,
  listLabel,
  query,
  onQuery,
  directory,
  items,
  itemKey,
  renderRow,
  onVisible,
  note,
  disabled = false,
}: {
  id: string;
  label: string;
  listLabel: string;
  query: string;
  onQuery: (query: string) => void;
  directory: UserDirectory;
  items: T[];
  itemKey: (item: T) => string;
  renderRow: (item: T) => ComponentChildren;
  /** Told which rows are on screen, e.g. to check their capacity. */
  onVisible?: (items: T[]) => void;
  /** A line between the search box and the list ("Suggested"). */
  note?: ComponentChildren;
  disabled?: boolean;
}) {
  return (
    <Stack gap={1}>
      <UserSearchField id={id} label={label} query={query} onQuery={onQuery} directory={directory} matches={items.length} disabled={disabled} />
      {note}
      {items.length > 0 && <PickList items={items} label={listLabel} itemKey={itemKey} renderRow={renderRow} onVisible={onVisible} />}
    </Stack>
  );
}
