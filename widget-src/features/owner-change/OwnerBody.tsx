// Loads on demand, with the owner and user-picker strings (see PAGES in scripts/build.mjs).
import "catalogue:owner";
import "catalogue:users";
import { t } from "../../i18n/messages";
import { Live, Stack } from "../../ui/Layout";
import { Notice } from "../../ui/Notice";
import { Skeleton } from "../../ui/Skeleton";
import { ChosenOwner } from "./ChosenOwner";
import type { OwnerBodyProps } from "./OwnerPanel";
import { OwnerOutcomeView } from "./OwnerOutcome";
import { OwnerPicker } from "./OwnerPicker";

/** The owner section once opened: who may change it, the picker with capacities, the chosen owner. */
export default function OwnerBody({ model, directory, session }: OwnerBodyProps) {
  const gate = model.gate.value;
  return (
    <Stack gap={3} data-owner-state={gate.kind}>
      <Live>
        <OwnerOutcomeView model={model} />
      </Live>
      {gate.kind === "checking" && <Skeleton lines={2} label={t("owner.checkingGate")} />}
      {gate.kind === "blocked" && (
        <Notice tone="info" data-testid="owner-blocked">
          {t(`owner.cannot.${gate.reason}`)}
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
    </Stack>
  );
}
