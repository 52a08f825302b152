import { useCallback, useMemo, useState } from "preact/hooks";
import type { CrmUser } from "../../api/users";
import { t } from "../../i18n/messages";
import { search } from "../user-directory/search";
import { UserPicker } from "../user-directory/UserPicker";
import { CandidateOption } from "./CandidateOption";
import { ownerIneligibility, suggestOwners } from "./candidates";
import type { OwnerBodyProps } from "./OwnerPanel";

/** Suggestions before anyone types, then the matches; each with their capacity, checked as rows come into view. */
export function OwnerPicker({ model, directory, session }: OwnerBodyProps) {
  const [query, setQuery] = useState("");
  const index = directory.index.value;
  const ownerId = model.ownerId.value;
  const me = session.user.value.status === "ready" ? session.user.value.value.id : undefined;
  const results = useMemo(
    () => (query.trim() ? search(index, query) : suggestOwners(index.items, ownerId, me)),
    [index, query, ownerId, me],
  );
  const busy = model.busy.value !== null;
  const chosenId = model.chosen.value?.id;
  const capacity = model.capacity.value;
  // Capacity is checked for the rows on screen only, as they appear.
  const checkVisible = useCallback(
    (users: CrmUser[]) => model.checkCandidates(users.filter((user) => !ownerIneligibility(user, ownerId)).map((user) => user.id)),
    [model, ownerId],
  );
  return (
    <UserPicker
      id="owner-search"
      label={t("owner.search")}
      listLabel={t("owner.results")}
      query={query}
      onQuery={setQuery}
      directory={directory}
      items={results}
      itemKey={(user) => user.id}
      onVisible={checkVisible}
      note={!query.trim() && results.length > 0 && <p class="small muted">{t("owner.suggested")}</p>}
      renderRow={(user) => (
        <CandidateOption
          user={user}
          blocked={ownerIneligibility(user, ownerId)}
          capacity={capacity(user.id)}
          chosen={chosenId === user.id}
          disabled={busy}
          onChoose={() => model.choose(user)}
        />
      )}
    />
  );
}
