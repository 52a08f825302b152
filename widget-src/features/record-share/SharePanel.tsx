import { useState } from "preact/hooks";
import { t } from "../../i18n/messages";
import { ErrorNotice, Notice } from "../../ui/Notice";
import { Spinner } from "../../ui/Spinner";
import type { Session } from "../session/model";
import type { UserDirectory } from "../user-directory/model";
import { AddPeople } from "./AddPeople";
import { CurrentShares } from "./CurrentShares";
import type { RecordShare } from "./model";
import { isShareableModule } from "./precondition";
import { ShareOutcomeView, ShareReview } from "./ShareReview";
import { VisibilityControl } from "./VisibilityControl";

interface SharePanelProps {
  model: RecordShare;
  directory: UserDirectory;
  session: Session;
  module: string;
}

/**
 * Who the record is shared with, and safe changes to it. Nothing is read
 * until the section is opened: the lock status is the popup's first paint.
 */
export function SharePanel(props: SharePanelProps) {
  const { model, directory, module } = props;
  const [open, setOpen] = useState(false);
  if (!isShareableModule(module)) {
    return (
      <section class="panel">
        <h2 class="panel__heading">{t("share.heading")}</h2>
        <p data-testid="share-unavailable">{t("share.cannot.module", { module })}</p>
      </section>
    );
  }
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
      <ShareBody {...props} />
    </section>
  );
}

function ShareBody({ model, directory, session }: SharePanelProps) {
  const shares = model.shares.value;
  const busy = model.busy.value;
  const ability = model.ability.value;
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
  const editable = ability.kind === "allowed";
  const target = model.targetVisibility.value;
  return (
    <div data-share-state="ready">
      <CurrentShares model={model} session={session} editable={editable} />
      <div aria-live="polite">
        <ShareOutcomeView model={model} />
        {busy === "waitingForJob" && <Spinner label={t("share.waitingForJob")} />}
      </div>
      {ability.kind === "blocked" && (
        <Notice tone="info">
          <p data-testid="share-blocked">{t(`share.cannot.${ability.reason}`)}</p>
        </Notice>
      )}
      {ability.kind === "checking" && <p class="muted">{t("share.checking")}</p>}
      {editable && (
        <>
          {ability.unverified && <p class="muted">{t("share.unverified")}</p>}
          <VisibilityControl model={model} />
          {target.kind === "private" ? (
            <AddPeople
              model={model}
              directory={directory}
              ownerId={model.owner.value.status === "ready" ? model.owner.value.value : undefined}
              currentUserId={session.user.value.status === "ready" ? session.user.value.value.id : undefined}
            />
          ) : (
            <p class="muted">{t("share.visibility.publicHint")}</p>
          )}
          <ShareReview model={model} />
        </>
      )}
    </div>
  );
}
