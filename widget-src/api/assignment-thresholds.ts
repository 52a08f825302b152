/**
 * Assignment threshold settings (docs/crm-api.md#assignment-threshold-settings):
 * which of a module's thresholds have exclude criteria, and whom each one
 * restricts. Only the per-record permit check applies exclude criteria, so
 * this says for which candidates those checks are worth making. Pure builder
 * and decoder.
 */
import type { RawAnswer } from "../crm/decode";
import { LOCAL_CODES, fail, ok, type CrmResult } from "../crm/result";
import type { ApiRequest } from "../crm/transport";
import { id, isRecord, listUnder } from "./read";

export interface ThresholdScope {
  id: string;
  /** Records matching the threshold's exclude criteria do not count against it. */
  excludes: boolean;
  userIds: string[];
}

export function listThresholdsRequest(module: string): ApiRequest {
  return { method: "GET", path: "/settings/automation/assignment_thresholds", query: { module } };
}

function scopeOf(item: unknown): ThresholdScope | undefined {
  if (!isRecord(item) || !Array.isArray(item.restrict_to) || !("exclude_criteria" in item)) return undefined;
  const thresholdId = id(item.id);
  const criteria = item.exclude_criteria;
  if (!thresholdId || (criteria !== null && !isRecord(criteria))) return undefined;
  // Array.from visits holes too (map and some skip them): a hole is unreadable, never nobody.
  const userIds = Array.from(item.restrict_to as unknown[], (entry) => (isRecord(entry) && isRecord(entry.user) ? id(entry.user.id) : undefined));
  if (userIds.some((userId) => userId === undefined)) return undefined;
  return { id: thresholdId, excludes: criteria !== null, userIds: userIds as string[] };
}

/**
 * 204 is "no thresholds". A threshold whose users or exclude criteria cannot
 * be read makes the whole answer unreadable: guessing would either check
 * every record of someone for nothing or miss records that do not count.
 */
export function decodeThresholdScopes(result: CrmResult<RawAnswer>): CrmResult<ThresholdScope[]> {
  const list = listUnder(result, "assignment_thresholds", "assignment thresholds");
  if (!list.ok) return list;
  const scopes = Array.from(list.value, scopeOf);
  if (scopes.some((scope) => scope === undefined)) return fail(LOCAL_CODES.unreadable, "The assignment thresholds could not be read");
  return ok(scopes as ThresholdScope[]);
}

/** The users whose threshold has exclude criteria. */
export function usersWithExcludeCriteria(scopes: ThresholdScope[]): Set<string> {
  return new Set(scopes.filter((scope) => scope.excludes).flatMap((scope) => scope.userIds));
}
