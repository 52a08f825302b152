import { useId } from "preact/hooks";
import type { UserType } from "../../api/portals";
import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { Select } from "../../ui/Field";
import { StickyBar } from "../../ui/StickyBar";
import type { PortalUsers } from "./users-model";

/**
 * What can be done with the selected users, in a bar that stays in view:
 * "N selected", move them to another type of the same module, or remove
 * them from the portal (after confirming).
 */
export function BulkBar({ model, targets }: { model: PortalUsers; targets: UserType[] }) {
  const targetId = useId();
  const count = model.selectedCount.value;
  if (count === 0) return null;
  const busy = model.busy.value;
  const target = model.target.value;
  return (
    <>
      <StickyBar data-testid="portal-bulk">
        <p>{t("portals.selected", { count })}</p>
        {targets.length > 0 && (
          <>
            <Select id={targetId} inline label={t("portals.moveTo")} value={target} disabled={busy} onChange={(event) => model.chooseTarget(event.currentTarget.value)}>
              {targets.map((type) => (
                <option key={type.id} value={type.id}>
                  {type.name}
                </option>
              ))}
            </Select>
            <Button variant="primary" disabled={busy || !target} onClick={() => void model.transfer()}>
              {t("portals.move", { count })}
            </Button>
          </>
        )}
        <Button variant="danger" disabled={busy} onClick={() => model.askRemove()}>
          {t("portals.deleteUsers", { count })}
        </Button>
      </StickyBar>
      {model.confirmingRemove.value && (
        <ConfirmDialog
          title={t("portals.deleteUsersTitle", { count })}
          confirmLabel={t("portals.deleteUsersConfirm")}
          cancelLabel={t("app.cancel")}
          onConfirm={() => void model.remove()}
          onCancel={() => model.cancelRemove()}
        >
          <p>{t("portals.deleteUsersBody", { count })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
