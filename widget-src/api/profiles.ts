/**
 * Profiles (docs/crm-api.md#profiles): the signed-in user's tool permissions.
 * `permissions_details` comes only with a profile read by id.
 */
import type { RawAnswer } from "../crm/decode";
import { LOCAL_CODES, fail, ok, type CrmResult } from "../crm/result";
import type { ApiRequest } from "../crm/transport";
import { decodeNamedList, firstItem, isRecord, str } from "./read";

export function getProfileRequest(profileId: string): ApiRequest {
  return { method: "GET", path: `/settings/profiles/${profileId}` };
}

export interface ProfilePermission {
  name: string;
  label?: string;
  module?: string;
  enabled: boolean;
}

export function decodeProfilePermissions(result: CrmResult<RawAnswer>): CrmResult<ProfilePermission[]> {
  if (!result.ok) return result;
  const profile = firstItem(result.value.body, "profiles");
  const details = profile?.permissions_details;
  if (!Array.isArray(details)) return fail(LOCAL_CODES.unreadable, "The profile's permissions could not be read");
  return ok(
    details.flatMap((item): ProfilePermission[] => {
      const name = isRecord(item) ? str(item.name) : undefined;
      if (!isRecord(item) || !name) return [];
      const label = str(item.display_label);
      const module = str(item.module);
      return [{ name, enabled: item.enabled === true, ...(label ? { label } : {}), ...(module ? { module } : {}) }];
    }),
  );
}

/** The module's Lock tool permission: named "<Module>_Lock" (display label "Lock"). */
export function mayLock(permissions: ProfilePermission[], module: string): boolean {
  return permissions.some(
    (permission) =>
      permission.enabled && (permission.name === `${module}_Lock` || (permission.module === module && permission.label === "Lock")),
  );
}

/** The org-wide Share tool permission ("Crm_Implied_Share", display label "Share"). */
export function mayShare(permissions: ProfilePermission[]): boolean {
  return permissions.some(
    (permission) =>
      permission.enabled && (permission.name === "Crm_Implied_Share" || (!permission.module && permission.label === "Share")),
  );
}

/** The org-wide Change Owner tool permission ("Crm_Implied_Change_Owner"). */
export function mayChangeOwner(permissions: ProfilePermission[]): boolean {
  return permissions.some(
    (permission) =>
      permission.enabled && (permission.name === "Crm_Implied_Change_Owner" || (!permission.module && permission.label === "Change Owner")),
  );
}

export function listProfilesRequest(): ApiRequest {
  return { method: "GET", path: "/settings/profiles" };
}

/** The org's profiles, for "locked for all profiles except …". */
export function decodeProfileList(result: CrmResult<RawAnswer>): CrmResult<{ id: string; name: string }[]> {
  const decoded = decodeNamedList(result, "profiles", "profiles");
  return decoded.ok ? ok(decoded.value.items) : decoded;
}

/** The "Customize Zoho CRM" permission, needed to change record-locking configurations. */
export function mayCustomize(permissions: ProfilePermission[]): boolean {
  return permissions.some(
    (permission) => permission.enabled && (permission.name === "Crm_Implied_Customize_Zoho_CRM" || permission.label === "Customize Zoho CRM"),
  );
}

/** "Manage Portal", needed for client portal user types and users. */
export function mayManagePortals(permissions: ProfilePermission[]): boolean {
  return permissions.some((permission) => permission.enabled && (permission.name === "Crm_Implied_Manage_Portal" || permission.label === "Manage Portal"));
}

/**
 * The Administrator profile, which may do everything: known only by its
 * name (docs/crm-api.md#profiles: no source gives a sturdier mark).
 */
export function isAdministratorProfile(profile: { name?: string | undefined } | undefined): boolean {
  return profile?.name === "Administrator";
}
