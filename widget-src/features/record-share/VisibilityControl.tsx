import type { SharePermission } from "../../api/share";
import { t } from "../../i18n/messages";
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
    <fieldset class="share-visibility">
      <legend>{t("share.visibility.legend")}</legend>
      <label class="radio">
        <input
          type="radio"
          name="share-visibility"
          checked={target.kind === "private"}
          disabled={busy}
          onChange={() => model.setVisibility({ kind: "private" })}
        />{" "}
        {t("share.visibility.private")}
      </label>
      <label class="radio">
        <input type="radio" name="share-visibility" checked={target.kind === "public"} disabled={busy} onChange={() => setPublic({})} />{" "}
        {t("share.visibility.public")}
      </label>
      {target.kind === "public" && (
        <div class="share__controls">
          <GrantControls
            permission={target.permission}
            shareRelatedRecords={target.shareRelatedRecords}
            permissionText={t("share.visibility.permission")}
            disabled={busy}
            onChange={setPublic}
          />
        </div>
      )}
    </fieldset>
  );
}
