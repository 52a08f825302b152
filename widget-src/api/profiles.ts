/** Profiles (api-reference §6.2): here only "may this profile lock records of a module?". */
import type { RawAnswer } from "../crm/decode";
import { LOCAL_CODES, fail, ok, type CrmResult } from "../crm/result";
import type { ApiRequest } from "../crm/transport";
import { firstItem, isRecord, str } from "./read";

export function getProfileRequest(profileId: string): ApiRequest {
  return { method: "GET", path: `/settings/profiles/${profileId}` };
}

/**
 * `permissions_details` comes only with a profile read by id. The Lock tool
 * permission is the module's entry named "<Module>_Lock" (display label "Lock").
 */
export function decodeLockPermission(result: CrmResult<RawAnswer>, module: string): CrmResult<boolean> {
  if (!result.ok) return result;
  const profile = firstItem(result.value.body, "profiles");
  const details = profile?.permissions_details;
  if (!Array.isArray(details)) return fail(LOCAL_CODES.unreadable, "The profile's permissions could not be read");
  const entry = details.find(
    (permission) =>
      isRecord(permission) &&
      (str(permission.name) === `${module}_Lock` || (permission.module === module && str(permission.display_label) === "Lock")),
  );
  return ok(isRecord(entry) && entry.enabled === true);
}
