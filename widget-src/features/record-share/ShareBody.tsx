// Loads on demand; its strings come with it.
import "../../i18n/part";
import { t } from "../../i18n/messages";
import { ErrorNotice, Notice } from "../../ui/Notice";
import { Spinner } from "../../ui/Spinner";
import { AddPeople } from "./AddPeople";
import { CurrentShares } from "./CurrentShares";
import { ShareOutcomeView, ShareReview } from "./ShareReview";
import type { ShareBodyProps } from "./SharePanel";
import { VisibilityControl } from "./VisibilityControl";

/** The sharing section once opened: current shares, the switch, the picker and the review. */
export default function ShareBody({ model, directory, session }: ShareBodyProps) {
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
