import { useState } from "preact/hooks";
import type { ShareEntry } from "../../api/share";
import { formatDateTime, toBcp47 } from "../../i18n/format";
import { t } from "../../i18n/messages";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { focusReview } from "./ShareReview";
import type { Session } from "../session/model";
import type { RecordShare } from "./model";
import { GrantControls } from "./GrantControls";
import { permissionLabel } from "./permissions";

/** The record's shares as last read; direct ones can be changed or removed when `editable`. */
export function CurrentShares({ model, session, editable }: { model: RecordShare; session: Session; editable: boolean }) {
  const shares = model.shares.value;
  if (shares.status !== "ready") return null;
  const user = session.user.value.status === "ready" ? session.user.value.value : undefined;
  const direct = new Set(model.base.value.map((entry) => entry.sharedWith?.id));
  const removed = new Set(model.diff.value.removed.map((entry) => entry.sharedWith?.id));
  const busy = model.busy.value !== null;
  const publicShare = model.publicShare.value;
  const privateEntries = shares.value.filter((entry) => entry.type === "private");
  return (
    <>
      {publicShare && <p data-testid="public-share">{t("share.public", { permission: permissionLabel(publicShare.permission) })}</p>}
      {shares.value.length === 0 && <p data-testid="no-shares">{t("share.none")}</p>}
      {privateEntries.length > 0 && (
        <ul class="share-list">
          {privateEntries.map((entry) => {
            const id = entry.sharedWith?.id ?? "";
            const isDirect = direct.has(id);
            const pending = model.intended.value.find((candidate) => candidate.sharedWith?.id === id);
            return (
              <li key={id} class={removed.has(id) ? "share share--removed" : "share"}>
                <span class="share__name">{entry.sharedWith?.name}</span>{" "}
                <span class="muted">{t(`share.type.${entry.sharedWith?.type ?? "users"}`)}</span>
                <ShareFacts entry={entry} inherited={!isDirect} locale={toBcp47(user?.locale)} timeZone={user?.timeZone} />
                {editable && isDirect && !removed.has(id) && pending && (
                  <EntryControls model={model} id={id} name={entry.sharedWith?.name ?? ""} pending={pending} busy={busy} />
                )}
                {removed.has(id) && <span class="muted"> {t("share.willBeRemoved")}</span>}
              </li>
            );
          })}
        </ul>
      )}
      {editable && (model.base.value.length > 0 || publicShare) && <RevokeAll model={model} busy={busy} />}
    </>
  );
}

function EntryControls({
  model,
  id,
  name,
  pending,
  busy,
}: {
  model: RecordShare;
  id: string;
  name: string;
  pending: ShareEntry;
  busy: boolean;
}) {
  return (
    <div class="share__controls">
      <GrantControls
        permission={pending.permission}
        shareRelatedRecords={pending.shareRelatedRecords}
        permissionText={<span class="visually-hidden">{t("share.permissionFor", { name })}</span>}
        disabled={busy}
        onChange={(patch) => model.change(id, patch)}
      />
      <button
        type="button"
        class="link"
        disabled={busy}
        onClick={() => {
          model.remove(id);
          // The row's controls go: focus moves to the list of changes, which now says "Remove …".
          focusReview();
        }}
        aria-label={t("share.removeName", { name })}
      >
        {t("share.remove")}
      </button>
    </div>
  );
}

function RevokeAll({ model, busy }: { model: RecordShare; busy: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const count = model.base.value.length + (model.publicShare.value ? 1 : 0);
  if (!confirming) {
    return (
      <button type="button" class="button button--quiet" disabled={busy} onClick={() => setConfirming(true)}>
        {t("share.revokeAll")}
      </button>
    );
  }
  return (
    <ConfirmDialog
      title={t("share.revokeTitle")}
      confirmLabel={t("share.revokeConfirm")}
      cancelLabel={t("app.cancel")}
      onConfirm={() => {
        setConfirming(false);
        void model.revokeAll();
      }}
      onCancel={() => setConfirming(false)}
    >
      <p>{t("share.revokeBody", { count })}</p>
    </ConfirmDialog>
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
