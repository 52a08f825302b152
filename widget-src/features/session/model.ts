/**
 * The signed-in CRM user and their profile's permissions, each read once per
 * popup and shared by every feature (locale, time zone, Lock, Share).
 */
import { action, createModel, signal } from "@preact/signals";
import { decodeProfilePermissions, getProfileRequest, isAdministratorProfile, type ProfilePermission } from "../../api/profiles";
import { send } from "../../api/send";
import { decodeCurrentUser, type CurrentUser } from "../../api/users";
import type { CrmPort } from "../../crm/port";
import { LOCAL_CODES, fail, type CrmResult } from "../../crm/result";
import { LOADING, fromResult, type Load } from "../../ui/load";


export const SessionModel = createModel((port: CrmPort) => {
  const user = signal<Load<CurrentUser>>(LOADING);
  const permissions = signal<Load<ProfilePermission[]>>(LOADING);
  let pendingUser: Promise<CrmResult<CurrentUser>> | undefined;
  let pendingPermissions: Promise<CrmResult<ProfilePermission[]>> | undefined;

  /** Reads the user once; later calls share that read unless it failed. */
  const load = action((): Promise<CrmResult<CurrentUser>> => {
    if (pendingUser && user.peek().status !== "error") return pendingUser;
    user.value = LOADING;
    pendingUser = port.currentUser().then((answer) => {
      const decoded = answer.ok ? decodeCurrentUser(answer.value) : answer;
      user.value = fromResult(decoded);
      return decoded;
    });
    return pendingUser;
  });

  /** The profile's tool permissions, read once (after the user, whose profile id it needs). */
  const loadPermissions = action((): Promise<CrmResult<ProfilePermission[]>> => {
    if (pendingPermissions && permissions.peek().status !== "error") return pendingPermissions;
    permissions.value = LOADING;
    pendingPermissions = load().then(async (current) => {
      const profile = current.ok ? current.value.profile : undefined;
      const decoded = !current.ok
        ? current
        : profile
          ? decodeProfilePermissions(await send(port, getProfileRequest(profile.id)))
          : fail(LOCAL_CODES.unreadable, "The user's profile is unknown");
      permissions.value = fromResult(decoded);
      return decoded;
    });
    return pendingPermissions;
  });

  return { user, permissions, load, loadPermissions };
});

export type Session = InstanceType<typeof SessionModel>;

/**
 * Whether the signed-in user's profile allows something: administrators
 * always; others by their tool permissions (loading or failed while unknown).
 */
export function profileAllows(session: Session, allows: (permissions: ProfilePermission[]) => boolean): Load<boolean> {
  const user = session.user.value;
  if (user.status === "ready" && isAdministratorProfile(user.value.profile)) return { status: "ready", value: true };
  const permissions = session.permissions.value;
  return permissions.status === "ready" ? { status: "ready", value: allows(permissions.value) } : permissions;
}

