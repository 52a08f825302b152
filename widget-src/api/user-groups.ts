/** User groups (GET /settings/user_groups): share targets of type "groups". Paged like users. */
import type { RawAnswer } from "../crm/decode";
import type { CrmResult } from "../crm/result";
import type { ApiRequest } from "../crm/transport";
import { decodeNamedList } from "./read";

export interface CrmGroup {
  id: string;
  name: string;
}

export const GROUPS_PER_PAGE = 200;

export function listGroupsRequest(page: number): ApiRequest {
  return { method: "GET", path: "/settings/user_groups", query: { page: String(page), per_page: String(GROUPS_PER_PAGE) } };
}

export function decodeGroupsPage(result: CrmResult<RawAnswer>): CrmResult<{ items: CrmGroup[]; more: boolean }> {
  return decodeNamedList(result, "user_groups", "user groups");
}
