// Loads on demand; its strings come with it.
import "../../i18n/part";
import { useCallback, useMemo, useState } from "preact/hooks";
import { RELATED_ACTIVITY_MODULES } from "../../api/change-owner";
import type { CrmUser } from "../../api/users";
import { t } from "../../i18n/messages";
import { ErrorNotice, Notice } from "../../ui/Notice";
import { Spinner } from "../../ui/Spinner";
import { VirtualList } from "../../ui/VirtualList";
import { search } from "../user-directory/search";
import { UserSearchField } from "../user-directory/UserSearchField";
import { CapacityLabel, capacityText } from "./CapacityLabel";
import { ownerIneligibility, suggestOwners } from "./candidates";
import { mayReceive } from "./capacity";
import type { OwnerChange } from "./model";
import type { OwnerBodyProps } from "./OwnerPanel";

const ROW_HEIGHT = 34;
const LIST_HEIGHT = 238;

/** The owner section once opened: who may change it, the picker with capacities, the chosen owner. */
export default function OwnerBody({ model, directory, session }: OwnerBodyProps) {
  const gate = model.gate.value;
  return (
    <div data-owner-state={gate.kind}>
      <div aria-live="polite">
        <OwnerOutcomeView model={model} />
      </div>
      {gate.kind === "checking" && <p class="muted">{t("owner.checkingGate")}</p>}
      {gate.kind === "blocked" && (
        <Notice tone="info">
          <p data-testid="owner-blocked">{t(`owner.cannot.${gate.reason}`)}</p>
        </Notice>
      )}
      {gate.kind === "allowed" && (
        <>
          {gate.unverified && <p class="muted">{t("owner.unverified")}</p>}
          {model.thresholdsAbsent.value && <p class="muted">{t("owner.notApplicableNote")}</p>}
          <OwnerPicker model={model} directory={directory} session={session} />
          <ChosenOwner model={model} />
        </>
      )}
    </div>
  );
}

function OwnerPicker({ model, directory, session }: OwnerBodyProps) {
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
    <div class="owner-picker">
      <UserSearchField
        id="owner-search"
        label={t("owner.search")}
        query={query}
        onQuery={setQuery}
        directory={directory}
        matches={results.length}
      />
      {!query.trim() && results.length > 0 && <p class="muted">{t("owner.suggested")}</p>}
      {results.length > 0 && (
        <VirtualList
          items={results}
          rowHeight={ROW_HEIGHT}
          height={LIST_HEIGHT}
          label={t("owner.results")}
          itemKey={(user) => user.id}
          onVisible={checkVisible}
          renderRow={(user) => {
            const blocked = ownerIneligibility(user, ownerId);
            return (
              <button
                type="button"
                class="picker__option"
                aria-pressed={chosenId === user.id}
                disabled={blocked !== undefined || busy}
                onClick={() => model.choose(user)}
              >
                <span class="picker__name">{user.name}</span>
                <span class="muted">
                  {blocked ? t(`owner.blocked.${blocked}`) : <CapacityLabel capacity={capacity(user.id)} />}
                </span>
              </button>
            );
          }}
        />
      )}
    </div>
  );
}

function ChosenOwner({ model }: { model: OwnerChange }) {
  const user = model.chosen.value;
  const capacity = model.chosenCapacity.value;
  const busy = model.busy.value;
  if (!user || !capacity) return null;
  return (
    <div class="owner-chosen">
      <p>{t("owner.chosen", { name: user.name })}</p>
      <p>
        {t("owner.chosenCapacity", { capacity: "" })}
        <CapacityLabel capacity={capacity} />
        {capacity.kind === "failed" && (
          <>
            {" "}
            <button type="button" class="link" onClick={() => model.checkCandidates([user.id])}>
              {t("owner.retryCheck")}
            </button>
          </>
        )}
      </p>
      <label>
        <input type="checkbox" checked={model.notify.value} onChange={(event) => model.setNotify(event.currentTarget.checked)} />{" "}
        {t("owner.notify")}
      </label>
      <fieldset>
        <legend>{t("owner.relatedLegend")}</legend>
        {RELATED_ACTIVITY_MODULES.map((module) => (
          <label key={module} class="radio">
            <input
              type="checkbox"
              checked={model.related.value.includes(module)}
              onChange={(event) => model.toggleRelated(module, event.currentTarget.checked)}
            />{" "}
            {t(`owner.related.${module}`)}
          </label>
        ))}
      </fieldset>
      {busy && <Spinner label={busy === "rechecking" ? t("owner.rechecking") : t("owner.sending")} />}
      <div class="form-actions">
        <button
          type="button"
          class="button"
          disabled={!model.canReassign.value}
          aria-busy={busy !== null}
          onClick={() => void model.reassign()}
        >
          {t("owner.reassign")}
        </button>
        <button type="button" class="button button--quiet" disabled={busy !== null} onClick={() => model.choose(null)}>
          {t("owner.cancel")}
        </button>
      </div>
      {capacity.kind === "failed" ? (
        <ErrorNotice error={capacity.error} action="threshold" />
      ) : (
        !mayReceive(capacity) && capacity.kind !== "checking" && <p class="field-error">{capacityText(capacity)}</p>
      )}
    </div>
  );
}

function OwnerOutcomeView({ model }: { model: OwnerChange }) {
  const outcome = model.outcome.value;
  if (!outcome) return null;
  switch (outcome.kind) {
    case "done":
      return <p class="outcome outcome--done">{t("owner.done", { name: outcome.ownerName })}</p>;
    case "refused":
      return (
        <Notice tone="warning">
          <p>
            {outcome.capacity.kind === "failed"
              ? t("owner.refusedFailed")
              : t("owner.refused", { capacity: capacityText(outcome.capacity) })}
          </p>
        </Notice>
      );
    case "failed":
      return <ErrorNotice error={outcome.error} action="changeOwner" />;
  }
}
