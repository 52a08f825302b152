import type { SharePermission } from "../../api/share";
import { t } from "../../i18n/messages";
import { Cluster, Stack } from "../../ui/Layout";
import { RadioCards } from "../../ui/RadioCards";
import type { RecordShare } from "./model";
import { GrantControls } from "./GrantControls";

/** Private (particular people, groups, roles) or public (everyone in the organisation). */
export function VisibilityControl({ model }: { model: RecordShare }) {
  const target = model.targetVisibility.value;
  const busy = model.busy.value !== null;
  const grant = target.kind === "public" ? target : { permission: "read_only" as SharePermission, shareRelatedRecords: false };
  const setPublic = (patch: { permission?: SharePermission; shareRelatedRecords?: boolean }) =>
    model.setVisibility({ kind: "public", ...grant, ...patch });
  return (
    <Stack gap={2}>
      <RadioCards
        legend={t("share.visibility.legend")}
        name="share-visibility"
        compact
        value={target.kind}
        disabled={busy}
        options={[
          { value: "private", label: t("share.visibility.private") },
          { value: "public", label: t("share.visibility.public") },
        ]}
        onChange={(kind) => (kind === "private" ? model.setVisibility({ kind: "private" }) : setPublic({}))}
      />
      {target.kind === "public" && (
        <Cluster gap={3}>
          <GrantControls
            id="share-public-permission"
            permission={target.permission}
            shareRelatedRecords={target.shareRelatedRecords}
            permissionText={t("share.visibility.permission")}
            disabled={busy}
            onChange={setPublic}
          />
        </Cluster>
      )}
    </Stack>
  );
}
