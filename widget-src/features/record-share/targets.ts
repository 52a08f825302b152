import type { ShareTarget } from "../../api/share";
import { GROUP, ROLE, USER } from "../../ui/icons";

/** The icon for a user, a group or a role. */
export function targetIcon(type: ShareTarget["type"] | undefined): string {
  return type === "groups" ? GROUP : type === "roles" ? ROLE : USER;
}
