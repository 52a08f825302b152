import { useMemo, useState } from "preact/hooks";
import type { CrmUser } from "../../api/users";
import { t } from "../../i18n/messages";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { VirtualList } from "../../ui/VirtualList";
import { capacityText } from "../owner-change/CapacityLabel";
import { ownerIneligibility } from "../owner-change/candidates";
import type { UserDirectory } from "../user-directory/model";
import { search } from "../user-directory/search";
import { UserSearchField } from "../user-directory/UserSearchField";
import type { Bulk } from "./model";
import type { SkipReason } from "./plan";

function skipCounts(skipped: ReadonlyMap<string, SkipReason>): [SkipReason, number][] {
  const counts = new Map<SkipReason, number>();
  for (const reason of skipped.values()) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts];
}

/** Lock with one reason. */
export function BulkLock({ model }: { model: Bulk }) {
  const [reason, setReason] = useState("");
  const problem = model.reasonProblem.value;
  const busy = model.busy.value;
  return (
    <form
      class="bulk-action"
      onSubmit={(event) => {
        event.preventDefault();
        void model.lockAll(reason);
      }}
    >
      <h2>{t("bulk.lockHeading")}</h2>
      <label for="bulk-reason">{t("lock.reasonLabel")}</label>
      <textarea
        id="bulk-reason"
        rows={2}
        value={reason}
        disabled={busy}
        aria-invalid={problem ? "true" : "false"}
        aria-describedby={problem ? "bulk-reason-problem" : undefined}
        onInput={(event) => setReason(event.currentTarget.value)}
      />
      {problem && (
        <p id="bulk-reason-problem" class="field-error" role="alert">
          {problem === "blank" ? t("lock.reasonBlank") : t("lock.reasonTooLong", { max: 3000 })}
        </p>
      )}
      <button type="submit" class="button" disabled={busy}>
        {t("bulk.lockAll")}
      </button>
    </form>
  );
}

/** Unlock the manual locks among the selection, after confirming. */
export function BulkUnlock({ model }: { model: Bulk }) {
  const [confirming, setConfirming] = useState(false);
  const rows = model.rows.value.status === "ready" ? model.rows.value.value : [];
  const manual = rows.filter(({ lock }) => lock.status === "ready" && lock.value.kind === "locked" && lock.value.lock.source === "manual").length;
  return (
    <div class="bulk-action">
      <h2>{t("bulk.unlockHeading")}</h2>
      <button type="button" class="button" disabled={model.busy.value || manual === 0} onClick={() => setConfirming(true)}>
        {t("bulk.unlockManual", { count: manual })}
      </button>
      {confirming && (
        <ConfirmDialog
          title={t("bulk.unlockTitle", { count: manual })}
          confirmLabel={t("bulk.unlockConfirm")}
          cancelLabel={t("app.cancel")}
          onConfirm={() => {
            setConfirming(false);
            void model.unlockManual();
          }}
          onCancel={() => setConfirming(false)}
        >
          <p>{t("bulk.unlockBody")}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

/** Reassign to one owner: pick, see how the selection fits their capacity, then send. */
export function BulkReassign({ model, directory }: { model: Bulk; directory: UserDirectory }) {
  const [query, setQuery] = useState("");
  const [notify, setNotify] = useState(true);
  const [open, setOpen] = useState(false);
  const index = directory.index.value;
  const results = useMemo(() => search(index, query), [index, query]);
  const owner = model.planOwner.value;
  const plan = model.reassignPlan.value;
  const busy = model.busy.value;
  if (!open) {
    return (
      <div class="bulk-action">
        <h2>{t("bulk.reassignHeading")}</h2>
        <button
          type="button"
          class="button button--quiet"
          disabled={busy}
          onClick={() => {
            setOpen(true);
            void directory.load();
          }}
        >
          {t("bulk.chooseOwner")}
        </button>
      </div>
    );
  }
  return (
    <div class="bulk-action">
      <h2>{t("bulk.reassignHeading")}</h2>
      <UserSearchField
        id="bulk-owner"
        label={t("owner.search")}
        query={query}
        onQuery={setQuery}
        directory={directory}
        matches={results.length}
        disabled={busy}
      />
      {query.trim() && results.length > 0 && (
        <VirtualList
          items={results}
          rowHeight={34}
          height={170}
          label={t("owner.results")}
          itemKey={(user: CrmUser) => user.id}
          renderRow={(user) => {
            const blocked = ownerIneligibility(user, undefined);
            return (
              <button
                type="button"
                class="picker__option"
                aria-pressed={owner?.id === user.id}
                disabled={blocked !== undefined || busy}
                onClick={() => void model.prepareReassign(user)}
              >
                <span class="picker__name">{user.name}</span>
                <span class="muted">{blocked ? t(`owner.blocked.${blocked}`) : user.email ?? ""}</span>
              </button>
            );
          }}
        />
      )}
      {owner && plan && (
        <div class="bulk-plan" data-testid={plan.status === "ready" ? "reassign-plan" : undefined}>
          {/* The plan is announced when it is ready (the region is there while it is checked); its controls follow. */}
          <div aria-live="polite">
            {plan.status === "loading" && <p class="muted">{t("bulk.planChecking", { name: owner.name })}</p>}
            {plan.status === "ready" && (
              <>
                <p>{t("bulk.planCapacity", { name: owner.name, capacity: capacityText(plan.value.capacity) })}</p>
                <p>{t("bulk.planSummary", { send: plan.value.send.length, skipped: plan.value.skipped.size })}</p>
                {plan.value.skipped.size > 0 && (
                  <ul>
                    {skipCounts(plan.value.skipped).map(([reason, count]) => (
                      <li key={reason}>{t("bulk.planSkipped", { count, reason: t(`bulk.skip.${reason}`) })}</li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </div>
          {plan.status === "ready" && (
            <>
              <label>
                <input type="checkbox" checked={notify} onChange={(event) => setNotify(event.currentTarget.checked)} /> {t("owner.notify")}
              </label>
              <div class="form-actions">
                <button
                  type="button"
                  class="button"
                  disabled={busy || plan.value.send.length === 0}
                  onClick={() => void model.reassign(notify)}
                >
                  {t("bulk.reassignSend", { count: plan.value.send.length })}
                </button>
                <button
                  type="button"
                  class="button button--quiet"
                  disabled={busy}
                  onClick={() => {
                    void model.prepareReassign(null);
                    // The plan goes away with this button: the search is where the choice starts again.
                    document.getElementById("bulk-owner")?.focus();
                  }}
                >
                  {t("app.cancel")}
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </div>
  );
}
