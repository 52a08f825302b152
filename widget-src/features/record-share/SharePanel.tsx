import { useState } from "preact/hooks";
import type { ShareEntry, SharePermission } from "../../api/share";
import { formatDateTime, toBcp47 } from "../../i18n/format";
import { t } from "../../i18n/messages";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { ErrorNotice, Notice } from "../../ui/Notice";
import { Spinner } from "../../ui/Spinner";
import type { Session } from "../session/model";
import type { UserDirectory } from "../user-directory/model";
import { AddPeople } from "./AddPeople";
import type { RecordShare } from "./model";
import { PERMISSIONS, permissionLabel } from "./permissions";
import type { ShareDiff } from "./plan";

/**
 * Who the record is shared with, and safe changes to it. Nothing is read
 * until the section is opened: the lock status is the popup's first paint.
 */
export function SharePanel({
  model,
  directory,
  session,
  ownerId,
}: {
  model: RecordShare;
  directory: UserDirectory;
  session: Session;
  ownerId: string | undefined;
}) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <section class="panel">
        <h2 class="panel__heading">{t("share.heading")}</h2>
        <button
          type="button"
          class="button button--quiet"
          onClick={() => {
            setOpen(true);
            void model.load();
            void directory.load();
          }}
        >
          {t("share.open")}
        </button>
      </section>
    );
  }
  return (
    <section class="panel" aria-labelledby="share-heading">
      <h2 id="share-heading" class="panel__heading">
        {t("share.heading")}
      </h2>
      <ShareBody model={model} directory={directory} session={session} ownerId={ownerId} />
    </section>
  );
}

function ShareBody({ model, directory, session, ownerId }: Parameters<typeof SharePanel>[0]) {
  const shares = model.shares.value;
  const busy = model.busy.value;
  if (shares.status === "loading") {
    return <Spinner label={busy === "waitingForJob" ? t("share.waitingForJob") : t("app.loading")} />;
  }
  if (shares.status === "error") {
    return (
      <div data-share-state="unknown">
        <p class="lock__headline">{t("share.unknown")}</p>
        <ErrorNotice error={shares.error} action="share" onRetry={() => void model.load()} />
      </div>
    );
  }
  return (
    <div data-share-state="ready">
      <CurrentShares model={model} session={session} />
      <div aria-live="polite">
        <ShareOutcomeView model={model} />
        {busy === "waitingForJob" && <Spinner label={t("share.waitingForJob")} />}
      </div>
      <AddPeople
        model={model}
        directory={directory}
        ownerId={ownerId}
        currentUserId={session.user.value.status === "ready" ? session.user.value.value.id : undefined}
      />
      <Review model={model} />
    </div>
  );
}

function CurrentShares({ model, session }: { model: RecordShare; session: Session }) {
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const shares = model.shares.value;
  if (shares.status !== "ready") return null;
  const user = session.user.value.status === "ready" ? session.user.value.value : undefined;
  const direct = new Set(model.base.value.map((entry) => entry.sharedWith?.id));
  const removed = new Set(model.diff.value.removed.map((entry) => entry.sharedWith?.id));
  const busy = model.busy.value !== null;
  const publicShare = model.publicShare.value;
  return (
    <>
      {publicShare && <p>{t("share.public", { permission: permissionLabel(publicShare.permission) })}</p>}
      {shares.value.length === 0 ? (
        <p data-testid="no-shares">{t("share.none")}</p>
      ) : (
        <ul class="share-list">
          {shares.value
            .filter((entry) => entry.type === "private")
            .map((entry) => {
              const id = entry.sharedWith?.id ?? "";
              const editable = direct.has(id);
              const pending = model.intended.value.find((candidate) => candidate.sharedWith?.id === id);
              return (
                <li key={id} class={removed.has(id) ? "share share--removed" : "share"}>
                  <span class="share__name">{entry.sharedWith?.name}</span>{" "}
                  <span class="muted">{t(`share.type.${entry.sharedWith?.type ?? "users"}`)}</span>
                  <ShareFacts entry={entry} inherited={!editable} locale={toBcp47(user?.locale)} timeZone={user?.timeZone} />
                  {editable && !removed.has(id) && pending && (
                    <div class="share__controls">
                      <label>
                        <span class="visually-hidden">{t("share.permissionFor", { name: entry.sharedWith?.name ?? "" })}</span>
                        <select
                          value={pending.permission}
                          disabled={busy}
                          onChange={(event) =>
                            model.change(id, { permission: event.currentTarget.value as SharePermission })
                          }
                        >
                          {PERMISSIONS.map((permission) => (
                            <option key={permission} value={permission}>
                              {permissionLabel(permission)}
                            </option>
                          ))}
                        </select>
                      </label>
                      <label>
                        <input
                          type="checkbox"
                          checked={pending.shareRelatedRecords}
                          disabled={busy}
                          onChange={(event) => model.change(id, { shareRelatedRecords: event.currentTarget.checked })}
                        />{" "}
                        {t("share.related")}
                      </label>
                      <button
                        type="button"
                        class="link"
                        disabled={busy}
                        onClick={() => model.remove(id)}
                        aria-label={t("share.removeName", { name: entry.sharedWith?.name ?? "" })}
                      >
                        {t("share.remove")}
                      </button>
                    </div>
                  )}
                  {removed.has(id) && <span class="muted"> {t("share.willBeRemoved")}</span>}
                </li>
              );
            })}
        </ul>
      )}
      {model.base.value.length > 0 &&
        (confirmRevoke ? (
          <ConfirmDialog
            title={t("share.revokeTitle")}
            confirmLabel={t("share.revokeConfirm")}
            cancelLabel={t("app.cancel")}
            onConfirm={() => {
              setConfirmRevoke(false);
              void model.revokeAll();
            }}
            onCancel={() => setConfirmRevoke(false)}
          >
            <p>{t("share.revokeBody", { count: model.base.value.length })}</p>
          </ConfirmDialog>
        ) : (
          <button type="button" class="button button--quiet" disabled={busy} onClick={() => setConfirmRevoke(true)}>
            {t("share.revokeAll")}
          </button>
        ))}
    </>
  );
}

/** `inherited`: access comes through another record (a parent), so it is shown but not editable here. */
function ShareFacts({
  entry,
  inherited,
  locale,
  timeZone,
}: {
  entry: ShareEntry;
  inherited: boolean;
  locale?: string | undefined;
  timeZone?: string | undefined;
}) {
  const parts = [
    permissionLabel(entry.permission),
    entry.shareRelatedRecords ? t("share.withRelated") : t("share.recordOnly"),
    inherited && entry.sharedThrough ? t("share.through", { name: entry.sharedThrough.name || entry.sharedThrough.id }) : "",
    entry.sharedBy ? t("share.by", { name: entry.sharedBy.name }) : "",
    entry.sharedTime ? formatDateTime(entry.sharedTime, locale, timeZone) : "",
  ].filter(Boolean);
  return <p class="muted share__facts">{parts.join(" · ")}</p>;
}

function Review({ model }: { model: RecordShare }) {
  const diff = model.diff.value;
  const problems = model.problems.value;
  const busy = model.busy.value !== null;
  if (model.edits.value.length === 0) return null;
  return (
    <div class="share-review" aria-labelledby="share-review-heading">
      <h3 id="share-review-heading">{t("share.reviewHeading")}</h3>
      <DiffList diff={diff} />
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

function DiffList({ diff }: { diff: ShareDiff }) {
  return (
    <ul class="share-diff">
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
  );
}

function ShareOutcomeView({ model }: { model: RecordShare }) {
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
