import { t } from "../../i18n/messages";
import { focusHeading, focusLost } from "../../ui/focus";
import { ErrorNotice, Notice } from "../../ui/Notice";
import type { RecordShare } from "./model";
import { permissionLabel } from "./permissions";

/** After a change that removed the control in use: focus moves to the list of changes, once it is rendered. */
export function focusReview(): void {
  setTimeout(() => {
    if (focusLost()) focusHeading(document.getElementById("share-review-heading"));
  }, 0);
}

/** What will change, shown before anything is sent; the send and discard buttons. */
export function ShareReview({ model }: { model: RecordShare }) {
  const diff = model.diff.value;
  const problems = model.problems.value;
  const busy = model.busy.value !== null;
  const target = model.targetVisibility.value;
  if (!model.hasChanges.value) return null;
  return (
    <div class="share-review" role="group" aria-labelledby="share-review-heading">
      <h3 id="share-review-heading">{t("share.reviewHeading")}</h3>
      <ul class="share-diff">
        {model.visibilityChanged.value && (
          <li>
            {target.kind === "public"
              ? t("share.diff.public", { permission: permissionLabel(target.permission) })
              : t("share.diff.private")}
          </li>
        )}
        {diff.added.map((entry) => (
          <li key={`a${entry.sharedWith?.id}`}>
            {t("share.diff.added", { name: entry.sharedWith?.name ?? "", permission: permissionLabel(entry.permission) })}
          </li>
        ))}
        {diff.changed.map(({ after }) => (
          <li key={`c${after.sharedWith?.id}`}>
            {t("share.diff.changed", { name: after.sharedWith?.name ?? "", permission: permissionLabel(after.permission) })}
          </li>
        ))}
        {diff.removed.map((entry) => (
          <li key={`r${entry.sharedWith?.id}`}>{t("share.diff.removed", { name: entry.sharedWith?.name ?? "" })}</li>
        ))}
      </ul>
      {target.kind === "public" && diff.removed.length > 0 && <p class="muted">{t("share.visibility.replaces")}</p>}
      {problems.map((problem) => (
        <p key={problem.type} class="field-error">
          {t(`share.limit.${problem.type}`, { count: problem.count, limit: problem.limit })}
        </p>
      ))}
      <label>
        <input type="checkbox" checked={model.notify.value} onChange={(event) => model.setNotify(event.currentTarget.checked)} />{" "}
        {t("share.notify")}
      </label>
      <div class="form-actions">
        <button
          type="button"
          class="button"
          disabled={busy || problems.length > 0}
          aria-busy={busy}
          onClick={() => void model.sendEdits()}
        >
          {t("share.send")}
        </button>
        <button type="button" class="button button--quiet" disabled={busy} onClick={() => model.discard()}>
          {t("share.discard")}
        </button>
      </div>
    </div>
  );
}

export function ShareOutcomeView({ model }: { model: RecordShare }) {
  const outcome = model.outcome.value;
  if (!outcome) return null;
  switch (outcome.kind) {
    case "done":
      return <p class="outcome outcome--done">{outcome.what === "shared" ? t("share.done") : t("share.doneRevoked")}</p>;
    case "conflict":
      return (
        <Notice tone="warning">
          <p>{t("share.conflict")}</p>
        </Notice>
      );
    case "stillRunning":
      return (
        <Notice tone="info">
          <p>{t("share.stillRunning")}</p>
        </Notice>
      );
    case "failed":
      return (
        <>
          <ErrorNotice error={outcome.error} action="share" />
          {outcome.canRetryWithoutNotify && (
            <button type="button" class="button" onClick={() => void model.sendEdits({ withoutNotify: true })}>
              {t("share.withoutNotify")}
            </button>
          )}
        </>
      );
  }
}
