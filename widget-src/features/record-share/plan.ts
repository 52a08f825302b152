/**
 * Planning a share change without losing anyone. Share PUT replaces the
 * record's whole list, so the list to send is always built from the latest
 * read plus exactly the user's edits, and compared with a fresh read before
 * sending. Pure functions; property-tested.
 */
import type { ShareEntry, SharePermission, ShareTarget, ShareTargetType } from "../../api/share";

export type ShareEdit =
  | { kind: "add"; target: ShareTarget; permission: SharePermission; shareRelatedRecords: boolean }
  | { kind: "change"; targetId: string; permission?: SharePermission; shareRelatedRecords?: boolean }
  | { kind: "remove"; targetId: string };

/** Documented per-record limits [D7]. */
export const SHARE_LIMITS: Record<ShareTargetType, number> = { users: 10, groups: 5, roles: 5 };

/** Entries PUT manages: direct private shares of this record (not access through a parent, not public). */
export function directShares(entries: ShareEntry[], recordId: string): ShareEntry[] {
  return entries.filter(
    (entry) => entry.type === "private" && entry.sharedWith && (!entry.sharedThrough || entry.sharedThrough.id === recordId),
  );
}

const targetId = (entry: ShareEntry) => entry.sharedWith?.id ?? "";

/** The complete list to send: `base` with the edits applied in order. */
export function applyEdits(base: ShareEntry[], edits: ShareEdit[]): ShareEntry[] {
  let list = base.map((entry) => ({ ...entry }));
  for (const edit of edits) {
    if (edit.kind === "add") {
      if (list.some((entry) => targetId(entry) === edit.target.id)) continue;
      list = [
        ...list,
        { sharedWith: edit.target, permission: edit.permission, shareRelatedRecords: edit.shareRelatedRecords, type: "private" },
      ];
    } else if (edit.kind === "change") {
      list = list.map((entry) =>
        targetId(entry) === edit.targetId
          ? {
              ...entry,
              ...(edit.permission ? { permission: edit.permission } : {}),
              ...(edit.shareRelatedRecords !== undefined ? { shareRelatedRecords: edit.shareRelatedRecords } : {}),
            }
          : entry,
      );
    } else {
      list = list.filter((entry) => targetId(entry) !== edit.targetId);
    }
  }
  return list;
}

export interface ShareDiff {
  added: ShareEntry[];
  changed: { before: ShareEntry; after: ShareEntry }[];
  removed: ShareEntry[];
}

/** What sending `after` in place of `before` changes, for the summary shown before sending. */
export function diffShares(before: ShareEntry[], after: ShareEntry[]): ShareDiff {
  const beforeById = new Map(before.map((entry) => [targetId(entry), entry]));
  const afterIds = new Set(after.map(targetId));
  const diff: ShareDiff = { added: [], changed: [], removed: before.filter((entry) => !afterIds.has(targetId(entry))) };
  for (const entry of after) {
    const previous = beforeById.get(targetId(entry));
    if (!previous) diff.added.push(entry);
    else if (!sameGrant(previous, entry)) diff.changed.push({ before: previous, after: entry });
  }
  return diff;
}

export function isEmptyDiff(diff: ShareDiff): boolean {
  return diff.added.length === 0 && diff.changed.length === 0 && diff.removed.length === 0;
}

function sameGrant(a: ShareEntry, b: ShareEntry): boolean {
  return a.permission === b.permission && a.shareRelatedRecords === b.shareRelatedRecords;
}

/** True when a fresh read differs from the list the edits were made on: someone else changed the shares. */
export function sharesChanged(loaded: ShareEntry[], fresh: ShareEntry[]): boolean {
  return !isEmptyDiff(diffShares(loaded, fresh));
}

export interface LimitProblem {
  type: ShareTargetType;
  count: number;
  limit: number;
}

/** Checked before sending: the server's LIMIT_EXCEEDED / SHARE_LIMIT_EXCEEDED should never be the first to say it. */
export function limitProblems(list: ShareEntry[]): LimitProblem[] {
  return (Object.keys(SHARE_LIMITS) as ShareTargetType[]).flatMap((type) => {
    const count = list.filter((entry) => entry.sharedWith?.type === type).length;
    return count > SHARE_LIMITS[type] ? [{ type, count, limit: SHARE_LIMITS[type] }] : [];
  });
}

/** Who can see the record through sharing: particular people, or everyone in the organisation. */
export type Visibility =
  | { kind: "private" }
  | { kind: "public"; permission: SharePermission; shareRelatedRecords: boolean };

export const PRIVATE: Visibility = { kind: "private" };

export function visibilityOf(entries: ShareEntry[]): Visibility {
  const entry = entries.find((candidate) => candidate.type === "public");
  return entry ? { kind: "public", permission: entry.permission, shareRelatedRecords: entry.shareRelatedRecords } : PRIVATE;
}

export function sameVisibility(a: Visibility, b: Visibility): boolean {
  if (a.kind === "private" || b.kind === "private") return a.kind === b.kind;
  return a.permission === b.permission && a.shareRelatedRecords === b.shareRelatedRecords;
}

/**
 * The complete list to send. Public sharing must be the only entry
 * (AMBIGUITY_DURING_PROCESSING otherwise), so it replaces the individual
 * shares; the review lists them as removed before anything is sent.
 */
export function listToSend(visibility: Visibility, privateList: ShareEntry[]): ShareEntry[] {
  if (visibility.kind === "private") return privateList;
  return [{ type: "public", permission: visibility.permission, shareRelatedRecords: visibility.shareRelatedRecords }];
}
