import type { SharePermission } from "../../api/share";
import { t } from "../../i18n/messages";

export const PERMISSIONS: SharePermission[] = ["read_only", "read_write", "full_access"];

export function permissionLabel(permission: SharePermission): string {
  return t(`share.permission.${permission}`);
}

export function permissionHint(permission: SharePermission): string {
  return t(`share.permissionHint.${permission}`);
}
