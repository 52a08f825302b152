import type { ComponentChildren } from "preact";
import type { SharePermission } from "../../api/share";
import { t } from "../../i18n/messages";
import { PERMISSIONS, permissionLabel } from "./permissions";

/** A share's permission and its "include related records" flag, as form controls. */
export function GrantControls({
  permission,
  shareRelatedRecords,
  permissionText,
  disabled,
  onChange,
}: {
  permission: SharePermission;
  shareRelatedRecords: boolean;
  /** The select's label; may be visually hidden by the caller's layout. */
  permissionText: ComponentChildren;
  disabled: boolean;
  onChange: (patch: { permission?: SharePermission; shareRelatedRecords?: boolean }) => void;
}) {
  return (
    <>
      <label>
        {permissionText}{" "}
        <select
          value={permission}
          disabled={disabled}
          onChange={(event) => onChange({ permission: event.currentTarget.value as SharePermission })}
        >
          {PERMISSIONS.map((value) => (
            <option key={value} value={value}>
              {permissionLabel(value)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={shareRelatedRecords}
          disabled={disabled}
          onChange={(event) => onChange({ shareRelatedRecords: event.currentTarget.checked })}
        />{" "}
        {t("share.related")}
      </label>
    </>
  );
}
