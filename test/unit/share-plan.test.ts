import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeShares, replaceSharesRequest, type ShareEntry, type SharePermission, type ShareTargetType } from "../../widget-src/api/share";
import { fail, ok } from "../../widget-src/crm/result";
import {
  applyEdits,
  diffShares,
  directShares,
  isEmptyDiff,
  limitProblems,
  listToSend,
  sameVisibility,
  sharesChanged,
  visibilityOf,
  type ShareEdit,
} from "../../widget-src/features/record-share/plan";

const RECORD = "5725767000000113004";
const PERMISSIONS: SharePermission[] = ["read_only", "read_write", "full_access"];
const TYPES: ShareTargetType[] = ["users", "groups", "roles"];

const idArb = fc.bigInt({ min: 1000000000000000000n, max: 9999999999999999999n }).map(String);
const permissionArb = fc.constantFrom(...PERMISSIONS);
const entryArb = (targetId: string): fc.Arbitrary<ShareEntry> =>
  fc.record({ type: fc.constantFrom(...TYPES), permission: permissionArb, related: fc.boolean(), name: fc.string() }).map(
    ({ type, permission, related, name }) => ({
      sharedWith: { id: targetId, name, type },
      permission,
      shareRelatedRecords: related,
      type: "private",
    }),
  );

/** A base list of distinct targets, and edits that touch each target at most once. */
const scenarioArb = fc
  .uniqueArray(idArb, { minLength: 0, maxLength: 24 })
  .chain((ids) => {
    const split = Math.floor(ids.length / 2);
    const baseIds = ids.slice(0, split);
    const newIds = ids.slice(split);
    return fc.record({
      base: fc.tuple(...baseIds.map(entryArb)),
      actions: fc.tuple(...baseIds.map(() => fc.constantFrom("keep", "change", "remove"))),
      changes: fc.tuple(...baseIds.map(() => fc.record({ permission: fc.option(permissionArb, { nil: undefined }), related: fc.option(fc.boolean(), { nil: undefined }) }))),
      adds: fc.tuple(...newIds.map((id) => fc.option(entryArb(id), { nil: undefined }))),
    });
  });

type Change = { permission?: SharePermission | undefined; related?: boolean | undefined };

describe("applyEdits: the list sent by PUT", () => {
  it("is the previous list plus exactly the intended edits, for random lists and edits", () => {
    fc.assert(
      fc.property(scenarioArb, ({ base, actions, changes, adds }) => {
        const edits: ShareEdit[] = [];
        base.forEach((entry, index) => {
          const id = entry.sharedWith?.id ?? "";
          if (actions[index] === "remove") edits.push({ kind: "remove", targetId: id });
          if (actions[index] === "change") {
            const change: Change = changes[index] ?? {};
            edits.push({
              kind: "change",
              targetId: id,
              ...(change.permission ? { permission: change.permission } : {}),
              ...(change.related !== undefined ? { shareRelatedRecords: change.related } : {}),
            });
          }
        });
        for (const added of adds) {
          if (added?.sharedWith) {
            edits.push({ kind: "add", target: added.sharedWith, permission: added.permission, shareRelatedRecords: added.shareRelatedRecords });
          }
        }
        const sent = applyEdits(base, edits);
        const sentById = new Map(sent.map((entry) => [entry.sharedWith?.id, entry]));

        base.forEach((entry, index) => {
          const after = sentById.get(entry.sharedWith?.id);
          if (actions[index] === "remove") expect(after).toBeUndefined();
          else if (actions[index] === "keep") expect(after).toEqual(entry);
          else {
            const change: Change = changes[index] ?? {};
            expect(after).toEqual({
              ...entry,
              permission: change.permission ?? entry.permission,
              shareRelatedRecords: change.related ?? entry.shareRelatedRecords,
            });
          }
        });
        const expectedAdds = adds.filter((added) => added !== undefined);
        expect(sent.length).toBe(base.length - actions.filter((action) => action === "remove").length + expectedAdds.length);

        const diff = diffShares(base, sent);
        expect(diff.removed.map((entry) => entry.sharedWith?.id).sort()).toEqual(
          base.filter((_, index) => actions[index] === "remove").map((entry) => entry.sharedWith?.id).sort(),
        );
        expect(diff.added.map((entry) => entry.sharedWith?.id).sort()).toEqual(expectedAdds.map((entry) => entry?.sharedWith?.id).sort());
      }),
      { numRuns: 300 },
    );
  });

  it("never changes the base list it was given", () => {
    fc.assert(
      fc.property(fc.uniqueArray(idArb, { maxLength: 8 }).chain((ids) => fc.tuple(...ids.map(entryArb))), (base) => {
        const copy = structuredClone(base);
        applyEdits(base, base.map((entry) => ({ kind: "remove", targetId: entry.sharedWith?.id ?? "" })));
        expect(base).toEqual(copy);
      }),
    );
  });

  it("ignores adding someone who is already on the list", () => {
    const base: ShareEntry[] = [{ sharedWith: { id: "1", name: "A", type: "users" }, permission: "read_only", shareRelatedRecords: false, type: "private" }];
    expect(applyEdits(base, [{ kind: "add", target: { id: "1", name: "A", type: "users" }, permission: "full_access", shareRelatedRecords: true }])).toEqual(base);
  });
});

describe("diff and conflicts", () => {
  const a: ShareEntry = { sharedWith: { id: "1", name: "A", type: "users" }, permission: "read_only", shareRelatedRecords: false, type: "private" };
  const b: ShareEntry = { sharedWith: { id: "2", name: "B", type: "groups" }, permission: "full_access", shareRelatedRecords: true, type: "private" };

  it("sees no change in the same list", () => {
    expect(isEmptyDiff(diffShares([a, b], [b, a]))).toBe(true);
    expect(sharesChanged([a, b], [b, a])).toBe(false);
  });

  it("reports a changed grant and a removal made elsewhere", () => {
    const changed = { ...a, permission: "read_write" as const };
    expect(diffShares([a, b], [changed])).toEqual({ added: [], changed: [{ before: a, after: changed }], removed: [b] });
    expect(sharesChanged([a, b], [a])).toBe(true);
  });

  it("manages only direct private shares of this record", () => {
    const throughParent: ShareEntry = { ...b, sharedThrough: { id: "999", name: "Parent account" } };
    const direct: ShareEntry = { ...a, sharedThrough: { id: RECORD, name: "This deal" } };
    const everyone: ShareEntry = { permission: "read_only", shareRelatedRecords: false, type: "public" };
    expect(directShares([throughParent, direct, everyone], RECORD)).toEqual([direct]);
  });
});

describe("limits", () => {
  const entries = (type: ShareTargetType, count: number): ShareEntry[] =>
    Array.from({ length: count }, (_, index) => ({
      sharedWith: { id: String(index + 1), name: `${type} ${index}`, type },
      permission: "read_only" as const,
      shareRelatedRecords: false,
      type: "private" as const,
    }));

  it("allows 10 users, 5 groups and 5 roles", () => {
    expect(limitProblems([...entries("users", 10), ...entries("groups", 5), ...entries("roles", 5)])).toEqual([]);
  });

  it("blocks an 11th user, a 6th group or a 6th role before sending", () => {
    expect(limitProblems(entries("users", 11))).toEqual([{ type: "users", count: 11, limit: 10 }]);
    expect(limitProblems(entries("groups", 6))).toEqual([{ type: "groups", count: 6, limit: 5 }]);
    expect(limitProblems(entries("roles", 6))).toEqual([{ type: "roles", count: 6, limit: 5 }]);
  });
});

describe("share API", () => {
  it("decodes a GET with its targets, grants and where access comes from", () => {
    const body = {
      share: [
        {
          shared_with: { id: "5725767000000101009", name: "Carla Closer", type: "users", zuid: "1" },
          permission: "read_write",
          share_related_records: true,
          type: "private",
          shared_through: { module: { api_name: "Deals", id: "2" }, id: RECORD, name: "Orbit" },
          shared_by: { id: "5725767000000101001", name: "Ada Admin" },
          shared_time: "2026-01-02T10:00:00+00:00",
        },
      ],
    };
    expect(decodeShares(ok({ status: 200, body }))).toEqual(
      ok([
        {
          sharedWith: { id: "5725767000000101009", name: "Carla Closer", type: "users" },
          permission: "read_write",
          shareRelatedRecords: true,
          type: "private",
          sharedThrough: { id: RECORD, name: "Orbit", module: "Deals" },
          sharedBy: { id: "5725767000000101001", name: "Ada Admin" },
          sharedTime: "2026-01-02T10:00:00+00:00",
        },
      ]),
    );
  });

  it("names the sharer by `name` (documentation samples) or by a user's `full_name` (OpenAPI file)", () => {
    const entry = (sharedBy: unknown) => ({ permission: "read_only", type: "private", shared_with: { id: "5725767000000101009", type: "users" }, shared_by: sharedBy });
    const decoded = decodeShares(
      ok({
        status: 200,
        body: {
          share: [
            entry({ id: "5725767000000101001", name: "Ada Admin" }),
            entry({ id: "5725767000000101002", full_name: "Bruno Backup", zuid: "2" }),
            entry({ id: "5725767000000101003" }),
            entry({ name: "No id" }),
          ],
        },
      }),
    );
    expect(decoded.ok && decoded.value.map((e) => e.sharedBy)).toEqual([
      { id: "5725767000000101001", name: "Ada Admin" },
      { id: "5725767000000101002", name: "Bruno Backup" },
      { id: "5725767000000101003", name: "" },
      undefined,
    ]);
  });

  it("reads 204 as nobody, and never reads an error or garbage as 'no shares'", () => {
    expect(decodeShares(ok({ status: 204, body: undefined }))).toEqual(ok([]));
    expect(decodeShares(fail("INVALID_DATA", "Scheduler is running")).ok).toBe(false);
    expect(decodeShares(ok({ status: 200, body: { share: [{ permission: "owner" }] } })).ok).toBe(false);
    expect(decodeShares(ok({ status: 200, body: "<html>" })).ok).toBe(false);
  });

  it("sends the complete list on PUT with v8 keys only", () => {
    const entry: ShareEntry = {
      sharedWith: { id: "5725767000000101009", name: "Carla", type: "users" },
      permission: "full_access",
      shareRelatedRecords: false,
      type: "private",
      sharedBy: { id: "1", name: "x" },
    };
    expect(replaceSharesRequest("Deals", RECORD, [entry], false)).toEqual({
      method: "PUT",
      path: `/Deals/${RECORD}/actions/share`,
      body: {
        share: [{ shared_with: { id: "5725767000000101009", type: "users" }, permission: "full_access", share_related_records: false, type: "private" }],
        notify: false,
      },
    });
  });
});

describe("private and public sharing", () => {
  it("reads public sharing from the list, private otherwise", () => {
    const pub: ShareEntry = { type: "public", permission: "read_write", shareRelatedRecords: true };
    expect(visibilityOf([pub])).toEqual({ kind: "public", permission: "read_write", shareRelatedRecords: true });
    expect(visibilityOf([])).toEqual({ kind: "private" });
  });

  it("sends public sharing as its only entry, and the private list otherwise", () => {
    const list: ShareEntry[] = [
      { sharedWith: { id: "1", name: "A", type: "users" }, permission: "read_only", shareRelatedRecords: false, type: "private" },
    ];
    expect(listToSend({ kind: "public", permission: "read_only", shareRelatedRecords: false }, list)).toEqual([
      { type: "public", permission: "read_only", shareRelatedRecords: false },
    ]);
    expect(listToSend({ kind: "private" }, list)).toBe(list);
  });

  it("compares visibilities by kind and grant", () => {
    const pub = { kind: "public" as const, permission: "read_only" as const, shareRelatedRecords: false };
    expect(sameVisibility(pub, { ...pub })).toBe(true);
    expect(sameVisibility(pub, { ...pub, shareRelatedRecords: true })).toBe(false);
    expect(sameVisibility(pub, { kind: "private" })).toBe(false);
    expect(sameVisibility({ kind: "private" }, { kind: "private" })).toBe(true);
  });
});
