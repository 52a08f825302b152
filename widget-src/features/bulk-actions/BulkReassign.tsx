// Loads on demand, with the owner and user-picker strings (see PAGES in scripts/build.mjs).
import "catalogue:owner";
import "catalogue:users";
import { useModel } from "@preact/signals";
import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import type { CrmUser } from "../../api/users";
import type { CrmPort } from "../../crm/port";
import { t } from "../../i18n/messages";
import { useReturnFocus } from "../../ui/focus";
import { Inset } from "../../ui/Inset";
import { CandidateOption } from "../owner-change/CandidateOption";
import { ownerIneligibility } from "../owner-change/candidates";
import { UserDirectoryModel } from "../user-directory/model";
import { search } from "../user-directory/search";
import { UserPicker } from "../user-directory/UserPicker";
import type { Bulk } from "./model";
import { ReassignPlanView } from "./ReassignPlan";

export interface BulkReassignProps {
  model: Bulk;
  port: CrmPort;
  onClose: () => void;
}

/** Reassign to one owner: pick (each candidate with their capacity), see how the selection fits, then send. */
export default function BulkReassign({ model, port, onClose }: BulkReassignProps) {
  const directory = useModel(() => new UserDirectoryModel(port));
  const [query, setQuery] = useState("");
  useEffect(() => void directory.load(), [directory]);
  const index = directory.index.value;
  const results = useMemo(() => search(index, query), [index, query]);
  const owner = model.planOwner.value;
  const busy = model.busy.value;
  const capacity = model.candidateCapacity.value;
  // When the panel goes, focus goes back to the toolbar button that opened it.
  useReturnFocus();
  // Capacity is checked for the rows on screen only, as they appear.
  const checkVisible = useCallback(
    (users: CrmUser[]) => model.checkCandidates(users.filter((user) => !ownerIneligibility(user, undefined)).map((user) => user.id)),
    [model],
  );
  return (
    <Inset>
      <h2>{t("bulk.reassignHeading")}</h2>
      <UserPicker
        id="bulk-owner"
        label={t("owner.search")}
        listLabel={t("owner.results")}
        query={query}
        onQuery={setQuery}
        directory={directory}
        items={query.trim() ? results : []}
        itemKey={(user) => user.id}
        onVisible={checkVisible}
        disabled={busy}
        renderRow={(user) => (
          <CandidateOption
            user={user}
            blocked={ownerIneligibility(user, undefined)}
            capacity={capacity(user.id)}
            chosen={owner?.id === user.id}
            disabled={busy}
            onChoose={() => void model.prepareReassign(user)}
          />
        )}
      />
      {owner && <ReassignPlanView model={model} owner={owner} onClose={onClose} />}
    </Inset>
  );
}
