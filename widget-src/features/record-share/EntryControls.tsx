import type { ShareEntry } from "../../api/share";
import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { CLOSE } from "../../ui/icons";
import type { RecordShare } from "./model";
import { GrantControls } from "./GrantControls";
import { focusReview } from "./ShareReview";

/** Change one direct share's permission or related records, or remove it (all pending until sent). */
export function EntryControls({ model, id, name, pending, busy }: { model: RecordShare; id: string; name: string; pending: ShareEntry; busy: boolean }) {
  return (
    <>
      <GrantControls
        id={`share-permission-${id}`}
        permission={pending.permission}
        shareRelatedRecords={pending.shareRelatedRecords}
        permissionText={t("share.permissionFor", { name })}
        hideLabel
        disabled={busy}
        onChange={(patch) => model.change(id, patch)}
      />
      <Button
        small
        variant="quiet"
        icon={CLOSE}
        disabled={busy}
        aria-label={t("share.removeName", { name })}
        onClick={() => {
          model.remove(id);
          // The row's controls go: focus moves to the list of changes, which now says "Remove …".
          focusReview();
        }}
      >
        {t("share.remove")}
      </Button>
    </>
  );
}
