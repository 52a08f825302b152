import { describe, expect, it } from "vitest";
import {
  MAX_BULK_IDS,
  bulkChangeOwnerRequest,
  changeOwnerRequest,
  decodeBulkOutcomes,
} from "../../widget-src/api/change-owner";
import type { ItemOutcome } from "../../widget-src/api/items";
import {
  PERMIT_REASONS,
  decodePermit,
  modulePermitRequest,
  recordPermitRequest,
  type PermitReason,
} from "../../widget-src/api/permit-threshold";
import { mayChangeOwner, type ProfilePermission } from "../../widget-src/api/profiles";
import { decodeZrcAnswer } from "../../widget-src/crm/decode";
import { LOCAL_CODES, fail, ok } from "../../widget-src/crm/result";

const RECORD = "5725767000000113003";
const OWNER = "5725767000000101009";
const rid = (n: number) => `57257670000001130${String(n).padStart(2, "0")}`;

const permitAnswer = (permit: unknown, status = 200) => ok({ status, body: { permit_threshold: permit } });

describe("threshold check requests", () => {
  it("asks per record, with the candidate as owner_id", () => {
    expect(recordPermitRequest("Deals", RECORD, OWNER)).toEqual({
      method: "GET",
      path: `/Deals/${RECORD}/actions/permit_threshold`,
      query: { owner_id: OWNER },
    });
  });

  it("asks per module when there is no record", () => {
    expect(modulePermitRequest("Deals", OWNER)).toEqual({
      method: "GET",
      path: "/Deals/actions/permit_threshold",
      query: { owner_id: OWNER },
    });
  });

  it("escapes the module name in the path", () => {
    expect(recordPermitRequest("odd/module", RECORD, OWNER).path).toBe(`/odd%2Fmodule/${RECORD}/actions/permit_threshold`);
    expect(modulePermitRequest("odd/module", OWNER).path).toBe("/odd%2Fmodule/actions/permit_threshold");
  });
});

describe("decodePermit", () => {
  const cases: { reason: PermitReason; allow: boolean }[] = [
    { reason: "RECORD_ALLOWED", allow: true },
    { reason: "RECORD_DENIED_BY_BACKLOG", allow: false },
    { reason: "RECORD_DENIED_BY_ALLOWCOUNT", allow: false },
    { reason: "NO_RESTRICTION", allow: true },
    { reason: "RESTRICTION_DISABLED", allow: true },
    { reason: "RECORD_EXCLUDED", allow: true },
  ];

  it("covers every documented reason", () => {
    expect(cases.map((c) => c.reason).sort()).toEqual([...PERMIT_REASONS].sort());
  });

  it.each(cases)("reads $reason with allow=$allow", ({ reason, allow }) => {
    expect(decodePermit(permitAnswer({ allow, reason, remaining_allow_count: 7 }))).toEqual({
      ok: true,
      value: { allow, reason, remaining: 7 },
    });
  });

  it("reads a missing, negative, fractional or non-numeric remaining count conservatively", () => {
    const remaining = (count: unknown) => {
      const decoded = decodePermit(permitAnswer({ allow: true, reason: "RECORD_ALLOWED", remaining_allow_count: count }));
      return decoded.ok ? decoded.value.remaining : "error";
    };
    expect(remaining(undefined)).toBe(0);
    expect(remaining(-3)).toBe(0);
    expect(remaining(2.9)).toBe(2);
    expect(remaining("10")).toBe(0);
    expect(remaining(Number.POSITIVE_INFINITY)).toBe(0);
  });

  it("passes an error answer through unchanged", () => {
    const error = fail("NOT_SUPPORTED", "module not supported", {}, 400);
    expect(decodePermit(error)).toBe(error);
  });

  const unreadable: [string, unknown][] = [
    ["missing allow", { permit_threshold: { reason: "RECORD_ALLOWED", remaining_allow_count: 5 } }],
    ["allow as a string", { permit_threshold: { allow: "true", reason: "RECORD_ALLOWED", remaining_allow_count: 5 } }],
    ["an unknown reason", { permit_threshold: { allow: true, reason: "RECORD_MAYBE", remaining_allow_count: 5 } }],
    ["a missing reason", { permit_threshold: { allow: true, remaining_allow_count: 5 } }],
    ["allow=true with a backlog denial", { permit_threshold: { allow: true, reason: "RECORD_DENIED_BY_BACKLOG" } }],
    ["allow=true with an allow-count denial", { permit_threshold: { allow: true, reason: "RECORD_DENIED_BY_ALLOWCOUNT" } }],
    ["allow=false with RECORD_ALLOWED", { permit_threshold: { allow: false, reason: "RECORD_ALLOWED", remaining_allow_count: 3 } }],
    ["allow=false with NO_RESTRICTION", { permit_threshold: { allow: false, reason: "NO_RESTRICTION" } }],
    ["no permit_threshold key", { allow: true, reason: "RECORD_ALLOWED" }],
    ["permit_threshold as an array", { permit_threshold: [{ allow: true, reason: "RECORD_ALLOWED" }] }],
    ["permit_threshold as null", { permit_threshold: null }],
    ["garbage", { data: [1, 2, 3] }],
    ["a number", 42],
    ["an HTML page as a string", "<html><body>Service unavailable</body></html>"],
    ["no content", undefined],
  ];

  it.each(unreadable)("never reads %s as allowed", (_, body) => {
    const decoded = decodePermit(ok({ status: 200, body }));
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.error.code).toBe(LOCAL_CODES.unreadable);
  });

  it("never reads an HTML page delivered through ZRC as allowed", () => {
    const decoded = decodePermit(decodeZrcAnswer({ status: 200, data: "<html><body>Login</body></html>" }));
    expect(decoded.ok).toBe(false);
  });
});

describe("change owner requests", () => {
  it("changes one record's owner with notify, without related modules when none are chosen", () => {
    expect(changeOwnerRequest("Deals", RECORD, { ownerId: OWNER, notify: true, relatedModules: [] })).toEqual({
      method: "POST",
      path: `/Deals/${RECORD}/actions/change_owner`,
      body: { owner: { id: OWNER }, notify: true },
    });
  });

  it("moves the chosen related activities with the record", () => {
    const request = changeOwnerRequest("Deals", RECORD, { ownerId: OWNER, notify: false, relatedModules: ["Tasks", "Calls"] });
    expect(request.body).toEqual({
      owner: { id: OWNER },
      notify: false,
      related_modules: [{ api_name: "Tasks" }, { api_name: "Calls" }],
    });
  });

  it("sends the ids in a bulk call on the module path", () => {
    const ids = [rid(1), rid(2), rid(3)];
    expect(bulkChangeOwnerRequest("Deals", ids, { ownerId: OWNER, notify: true, relatedModules: ["Events"] })).toEqual({
      method: "POST",
      path: "/Deals/actions/change_owner",
      body: { owner: { id: OWNER }, notify: true, related_modules: [{ api_name: "Events" }], ids },
    });
  });

  it("accepts exactly 500 ids and refuses 501", () => {
    const ids = (count: number) => Array.from({ length: count }, (_, i) => `57257670000002${String(i).padStart(5, "0")}`);
    expect(MAX_BULK_IDS).toBe(500);
    const request = bulkChangeOwnerRequest("Deals", ids(500), { ownerId: OWNER, notify: false, relatedModules: [] });
    expect((request.body as { ids: string[] }).ids).toHaveLength(500);
    expect(() => bulkChangeOwnerRequest("Deals", ids(501), { ownerId: OWNER, notify: false, relatedModules: [] })).toThrow(/500/);
  });
});

describe("decodeBulkOutcomes", () => {
  const successItem = (id?: string) => ({
    code: "SUCCESS",
    status: "success",
    message: "owner is successfully updated",
    details: id ? { id } : {},
  });
  const lockedItem = (id: string) => ({
    code: "RECORD_LOCKED",
    status: "error",
    message: "the record is locked",
    details: { id, action: "change_owner" },
  });
  const invalidItem = (details: Record<string, unknown>) => ({
    code: "INVALID_DATA",
    status: "error",
    message: "the id given seems to be invalid",
    details,
  });
  const decode = (items: unknown[], ids: string[], status = 200) => {
    const decoded = decodeBulkOutcomes(ok({ status, body: { data: items } }), ids);
    if (!decoded.ok) throw new Error(`expected a readable answer, got ${decoded.error.code}`);
    return decoded.value;
  };
  const codeOf = (outcome: ItemOutcome | undefined) => (outcome && !outcome.ok ? outcome.error.code : outcome ? "ok" : "absent");

  it("reads a mixed answer item by item, matched by details.id", () => {
    const ids = [rid(1), rid(2), rid(3)];
    // The answer lists the records in another order than the request.
    const outcomes = decode([lockedItem(rid(3)), successItem(rid(1)), invalidItem({ id: rid(2) })], ids, 202);
    expect(codeOf(outcomes.get(rid(1)))).toBe("ok");
    expect(codeOf(outcomes.get(rid(2)))).toBe("INVALID_DATA");
    expect(codeOf(outcomes.get(rid(3)))).toBe("RECORD_LOCKED");
    expect(outcomes.get(rid(3))).toMatchObject({ ok: false, error: { details: { id: rid(3), action: "change_owner" }, status: 202 } });
  });

  it("matches items without an id by their position", () => {
    const ids = [rid(1), rid(2), rid(3)];
    const outcomes = decode([successItem(), invalidItem({ param_name: "owner" }), successItem()], ids);
    expect(ids.map((id) => codeOf(outcomes.get(id)))).toEqual(["ok", "INVALID_DATA", "ok"]);
  });

  it("counts a record the answer does not mention as failed, never as done", () => {
    const ids = [rid(1), rid(2), rid(3)];
    const outcomes = decode([successItem(rid(1)), successItem(rid(3))], ids);
    expect(codeOf(outcomes.get(rid(1)))).toBe("ok");
    expect(codeOf(outcomes.get(rid(3)))).toBe("ok");
    expect(outcomes.get(rid(2))).toMatchObject({ ok: false, error: { code: LOCAL_CODES.unreadable } });
  });

  it("counts every record as failed when the answer has no items", () => {
    const ids = [rid(1), rid(2)];
    const outcomes = decode([], ids);
    expect(ids.map((id) => codeOf(outcomes.get(id)))).toEqual([LOCAL_CODES.unreadable, LOCAL_CODES.unreadable]);
  });

  it("never reads an unreadable item, or SUCCESS without status success, as done", () => {
    const ids = [rid(1), rid(2), rid(3)];
    const outcomes = decode(
      [{ code: "SUCCESS", status: "error", details: { id: rid(1) } }, "garbage", { code: "SUCCESS", details: { id: rid(3) } }],
      ids,
    );
    expect(outcomes.get(rid(1))?.ok).toBe(false);
    expect(outcomes.get(rid(2))).toMatchObject({ ok: false, error: { code: LOCAL_CODES.unreadable } });
    expect(outcomes.get(rid(3))?.ok).toBe(false);
  });

  it("does not let a numeric details.id (digits possibly lost) match a record", () => {
    const ids = [rid(1), rid(2)];
    const outcomes = decode([lockedItem(rid(1)), { ...successItem(), details: { id: 5725767000000113002 } }], ids);
    // Matched by position instead: the second item belongs to the second record.
    expect(codeOf(outcomes.get(rid(1)))).toBe("RECORD_LOCKED");
    expect(codeOf(outcomes.get(rid(2)))).toBe("ok");
  });

  it("reads a body without data, or an HTML page, as an unreadable answer", () => {
    expect(decodeBulkOutcomes(ok({ status: 200, body: { users: [] } }), [rid(1)])).toMatchObject({
      ok: false,
      error: { code: LOCAL_CODES.unreadable },
    });
    expect(decodeBulkOutcomes(ok({ status: 200, body: "<html></html>" }), [rid(1)]).ok).toBe(false);
  });

  it("passes a request-level error through", () => {
    const error = fail("MANDATORY_NOT_FOUND", "required field not found", { api_name: "ids" }, 400);
    expect(decodeBulkOutcomes(error, [rid(1)])).toBe(error);
  });
});

describe("mayChangeOwner", () => {
  const permission = (overrides: Partial<ProfilePermission>): ProfilePermission => ({ name: "x", enabled: true, ...overrides });

  it("is true with the enabled Crm_Implied_Change_Owner permission", () => {
    expect(mayChangeOwner([permission({ name: "Crm_Implied_Share" }), permission({ name: "Crm_Implied_Change_Owner" })])).toBe(true);
  });

  it("is true with an org-wide permission labelled Change Owner", () => {
    expect(mayChangeOwner([permission({ name: "Change_Owner_Renamed", label: "Change Owner" })])).toBe(true);
  });

  it("is false when the permission is disabled", () => {
    expect(mayChangeOwner([permission({ name: "Crm_Implied_Change_Owner", enabled: false })])).toBe(false);
  });

  it("is false when the permission is absent", () => {
    expect(mayChangeOwner([])).toBe(false);
    expect(mayChangeOwner([permission({ name: "Crm_Implied_Share", label: "Share" }), permission({ name: "Deals_Edit", module: "Deals" })])).toBe(false);
  });

  it("does not take a module's permission labelled Change Owner for the org-wide one", () => {
    expect(mayChangeOwner([permission({ name: "Deals_Something", label: "Change Owner", module: "Deals" })])).toBe(false);
  });
});
