// Loads on demand, with the distribute, owner and user-picker strings (see PAGES in scripts/build.mjs).
import "catalogue:distribute";
import "catalogue:owner";
import "catalogue:users";
import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import type { CrmUser } from "../../api/users";
import type { CrmPort } from "../../crm/port";
import { t } from "../../i18n/messages";
import { useReturnFocus } from "../../ui/focus";
import { Inset } from "../../ui/Inset";
import { Stack } from "../../ui/Layout";
import { CandidateOption } from "../owner-change/CandidateOption";
import { ownerIneligibility } from "../owner-change/candidates";
import { search } from "../user-directory/search";
import { sharedDirectory } from "../user-directory/shared";
import { UserPicker } from "../user-directory/UserPicker";
import { ChosenPeople } from "./ChosenPeople";
import { MAX_OWNERS } from "./distribute";
import { DistributeModel, type Distribute } from "./distribute-model";
import { DistributeReview } from "./DistributeReview";
import type { Bulk } from "./model";
import { SendNotes } from "./SendNotes";

export interface BulkDistributeProps {
  model: Bulk;
  port: CrmPort;
  module: string;
  onClose: () => void;
}

const models = new WeakMap<Bulk, Distribute>();

/**
 * One per selection: the list re-reads its records after sending, which
 * briefly replaces this panel, and what the sending said must survive that.
 */
function distributeFor(bulk: Bulk, port: CrmPort, module: string): Distribute {
  let model = models.get(bulk);
  if (!model) {
    model = new DistributeModel(port, module, bulk);
    models.set(bulk, model);
  }
  return model;
}

/** Distribute among several owners: choose 2 to 20 people (each with their capacity), review the plan, then send. */
export default function BulkDistribute({ model, port, module, onClose }: BulkDistributeProps) {
  const [distribute] = useState(() => distributeFor(model, port, module));
  const [directory] = useState(() => sharedDirectory(port));
  const [query, setQuery] = useState("");
  useEffect(() => {
    void directory.load();
    void distribute.prepare();
  }, [directory, distribute]);
  const index = directory.index.value;
  const results = useMemo(() => search(index, query), [index, query]);
  const chosen = distribute.chosen.value;
  const capacity = distribute.capacity.value;
  const busy = model.busy.value;
  const full = chosen.length >= MAX_OWNERS;
  // When the panel goes, focus goes back to the toolbar button that opened it.
  useReturnFocus();
  // Capacity is checked for the rows on screen only, as they appear.
  const checkVisible = useCallback(
    (users: CrmUser[]) => distribute.checkVisible(users.filter((user) => !ownerIneligibility(user, undefined)).map((user) => user.id)),
    [distribute],
  );
  return (
    <Inset>
      <Stack gap={3} data-testid="distribute">
        <h2>{t("distribute.heading")}</h2>
        <p class="small muted">{t("distribute.intro")}</p>
        <SendNotes model={distribute} />
        <UserPicker
          id="distribute-owner"
          label={t("distribute.search")}
          listLabel={t("distribute.results")}
          query={query}
          onQuery={setQuery}
          directory={directory}
          items={query.trim() ? results : []}
          itemKey={(user) => user.id}
          onVisible={checkVisible}
          disabled={busy}
          renderRow={(user) => {
            const isChosen = chosen.some((entry) => entry.user.id === user.id);
            return (
              <CandidateOption
                user={user}
                blocked={ownerIneligibility(user, undefined)}
                capacity={capacity(user.id)}
                chosen={isChosen}
                disabled={busy || (full && !isChosen)}
                onChoose={() => distribute.toggle(user)}
              />
            );
          }}
        />
        <ChosenPeople model={distribute} busy={busy} />
        {!busy && <DistributeReview model={distribute} onClose={onClose} />}
      </Stack>
    </Inset>
  );
}
