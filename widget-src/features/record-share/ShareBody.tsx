// Loads on demand, with the sharing and user-picker strings (see PAGES in scripts/build.mjs).
import "catalogue:share";
import "catalogue:users";
import { t } from "../../i18n/messages";
import { Live, Stack } from "../../ui/Layout";
import { ErrorNotice, Notice } from "../../ui/Notice";
import { Skeleton } from "../../ui/Skeleton";
import { Spinner } from "../../ui/Spinner";
import { AddPeople } from "./AddPeople";
import { CurrentShares } from "./CurrentShares";
import { ShareOutcomeView } from "./ShareOutcome";
import type { ShareBodyProps } from "./SharePanel";
import { ShareReview } from "./ShareReview";
import { VisibilityControl } from "./VisibilityControl";

/** The sharing section once opened: current shares, the switch, the picker and the review. */
export default function ShareBody({ model, directory, session }: ShareBodyProps) {
  const shares = model.shares.value;
  const busy = model.busy.value;
  const ability = model.ability.value;
  if (shares.status === "loading") {
    return busy === "waitingForJob" ? <Spinner label={t("share.waitingForJob")} /> : <Skeleton />;
  }
  if (shares.status === "error") {
    return (
      <Stack gap={2} data-share-state="unknown">
        <p>
          <strong>{t("share.unknown")}</strong>
        </p>
        <ErrorNotice error={shares.error} action="share" onRetry={() => void model.load()} />
      </Stack>
    );
  }
  const editable = ability.kind === "allowed";
  const target = model.targetVisibility.value;
  return (
    <Stack gap={3} data-share-state="ready" data-share-settled={ability.kind !== "checking"}>
      <Live>
        <ShareOutcomeView model={model} />
        {busy === "waitingForJob" && <Spinner label={t("share.waitingForJob")} />}
      </Live>
      <CurrentShares model={model} session={session} editable={editable} />
      {ability.kind === "blocked" && (
        <Notice tone="info" data-testid="share-blocked">
          {t(`share.cannot.${ability.reason}`)}
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
    </Stack>
  );
}
