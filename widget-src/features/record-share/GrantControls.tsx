import type { SharePermission } from "../../api/share";
import { t } from "../../i18n/messages";
import { Checkbox } from "../../ui/Checkbox";
import { Select } from "../../ui/Field";
import { PERMISSIONS, permissionLabel } from "./permissions";

/** A share's permission and its "include related records" flag, as form controls. */
export function GrantControls({
  id,
  permission,
  shareRelatedRecords,
  permissionText,
  hideLabel = false,
  disabled,
  onChange,
}: {
  id: string;
  permission: SharePermission;
  shareRelatedRecords: boolean;
  /** The select's label. */
  permissionText: string;
  /** The row around it already says whose permission it is. */
  hideLabel?: boolean;
  disabled: boolean;
  onChange: (patch: { permission?: SharePermission; shareRelatedRecords?: boolean }) => void;
}) {
  return (
    <>
      <Select
        id={id}
        label={permissionText}
        hideLabel={hideLabel}
        value={permission}
        disabled={disabled}
        onChange={(event) => onChange({ permission: event.currentTarget.value as SharePermission })}
      >
        {PERMISSIONS.map((value) => (
          <option key={value} value={value}>
            {permissionLabel(value)}
          </option>
        ))}
      </Select>
      <Checkbox
        label={t("share.related")}
        checked={shareRelatedRecords}
        disabled={disabled}
        onChange={(event) => onChange({ shareRelatedRecords: event.currentTarget.checked })}
      />
    </>
  );
}
