import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { focusHeading, focusLost } from "../../ui/focus";
import { Inset } from "../../ui/Inset";
import { Cluster } from "../../ui/Layout";
import { Notice } from "../../ui/Notice";
import { Switch } from "../../ui/Switch";
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
    <Inset tone="info" role="group" aria-labelledby="share-review-heading" data-testid="share-review">
      <h3 id="share-review-heading">{t("share.reviewHeading")}</h3>
      <ul>
        {model.visibilityChanged.value && (
          <li>
            {target.kind === "public" ? t("share.diff.public", { permission: permissionLabel(target.permission) }) : t("share.diff.private")}
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
      {target.kind === "public" && diff.removed.length > 0 && <p>{t("share.visibility.replaces")}</p>}
      {problems.map((problem) => (
        <Notice key={problem.type} tone="error">
          {t(`share.limit.${problem.type}`, { count: problem.count, limit: problem.limit })}
        </Notice>
      ))}
      <Switch label={t("share.notify")} checked={model.notify.value} onChange={(event) => model.setNotify(event.currentTarget.checked)} />
      <Cluster end>
        <Button disabled={busy} onClick={() => model.discard()}>
          {t("share.discard")}
        </Button>
        <Button variant="primary" disabled={problems.length > 0} busy={busy} onClick={() => void model.sendEdits()}>
          {t("share.send")}
        </Button>
      </Cluster>
    </Inset>
  );
}
