/** Roles (GET /settings/roles): share targets of type "roles". One call lists them all. */
import type { RawAnswer } from "../crm/decode";
import type { CrmResult } from "../crm/result";
import type { ApiRequest } from "../crm/transport";
import { decodeNamedList } from "./read";

export interface CrmRole {
  id: string;
  name: string;
}

export function listRolesRequest(): ApiRequest {
  return { method: "GET", path: "/settings/roles" };
}

export function decodeRoles(result: CrmResult<RawAnswer>): CrmResult<CrmRole[]> {
  const decoded = decodeNamedList(result, "roles", "roles");
  return decoded.ok ? { ok: true, value: decoded.value.items } : decoded;
}
