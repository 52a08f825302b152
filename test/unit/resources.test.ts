import { describe, expect, it } from "vitest";
import { decodeLockInfo, getLockInfoRequest } from "../../widget-src/api/locking-info";
import { fail, ok } from "../../widget-src/crm/result";
import { decodeRecord } from "../../widget-src/api/records";
import { decodeRoles, listRolesRequest } from "../../widget-src/api/roles";
import { decodeGroupsPage, listGroupsRequest } from "../../widget-src/api/user-groups";
import { decodeCurrentUser } from "../../widget-src/api/users";

const ID = "5725767000000123457";

describe("lock information", () => {
  it("asks for the documented fields (mandatory on the list GET)", () => {
    const request = getLockInfoRequest("Deals", ID);
    expect(request.method).toBe("GET");
    expect(request.path).toBe(`/Deals/${ID}/Locking_Information__s`);
    expect(request.query?.fields?.split(",")).toContain("Lock_Source__s");
  });

  it("reads a 204 as not locked", () => {
    expect(decodeLockInfo(ok({ status: 204, body: undefined }))).toEqual({ ok: true, value: { kind: "unlocked" } });
  });

  it("reads a manual lock", () => {
    const body = {
      data: [
        {
          id: ID,
          Lock_Source__s: "Manual",
          Locked_By__s: { name: "Ada Admin", id: "5725767000000000001" },
          Locked_Reason__s: "Audit",
          Locked_Time__s: "2026-01-02T10:00:00+01:00",
          Record_Locking_Configuration_Id__s: "5725767000000000900",
          Record_Locking_Rule_Id__s: null,
        },
      ],
    };
    expect(decodeLockInfo(ok({ status: 200, body }))).toEqual({
      ok: true,
      value: {
        kind: "locked",
        lock: {
          id: ID,
          source: "manual",
          lockedBy: { id: "5725767000000000001", name: "Ada Admin" },
          reason: "Audit",
          lockedAt: "2026-01-02T10:00:00+01:00",
          configurationId: "5725767000000000900",
        },
      },
    });
  });

  it("reads an automatic lock with its rule", () => {
    const body = { data: [{ id: ID, Lock_Source__s: "Automatic", Record_Locking_Rule_Id__s: "5725767000000000901" }] };
    expect(decodeLockInfo(ok({ status: 200, body }))).toMatchObject({
      ok: true,
      value: { kind: "locked", lock: { source: "automatic", ruleId: "5725767000000000901" } },
    });
  });

  it.each([{ data: "x" }, { data: [{ id: 5 }] }, "<html>", { other: [] }, { data: [null] }])(
    "never reads %j as unlocked",
    (body) => {
      expect(decodeLockInfo(ok({ status: 200, body }))).toMatchObject({ ok: false, error: { code: "UNREADABLE_RESPONSE" } });
    },
  );
});

it("reads NOT_ALLOWED (400) on the read as 'no configuration for this module'", () => {
  expect(decodeLockInfo(fail("NOT_ALLOWED", "config not present", {}, 400))).toEqual({
    ok: true,
    value: { kind: "notConfigured" },
  });
});

it.each([
  ["NOT_ALLOWED", 403],
  ["NO_PERMISSION", 403],
  ["TIMEOUT", undefined],
])("keeps %s (%s) on the read as an error", (code, status) => {
  expect(decodeLockInfo(fail(code, "", {}, status))).toMatchObject({ ok: false, error: { code } });
});

describe("records", () => {
  it("names a deal by Deal_Name and keeps the owner", () => {
    const answer = { data: [{ id: ID, Deal_Name: "Big deal", Owner: { id: "1", name: "Ada" } }] };
    expect(decodeRecord(answer, "Deals")).toEqual({
      ok: true,
      value: { id: ID, module: "Deals", name: "Big deal", owner: { id: "1", name: "Ada" } },
    });
  });

  it("falls back to the id when no name field is present", () => {
    expect(decodeRecord({ data: [{ id: ID }] }, "Custom")).toMatchObject({ ok: true, value: { name: ID } });
    // Each module by its own name field: an event by its title, a custom module's record by its Name.
    expect(decodeRecord({ data: [{ id: ID, Event_Title: "Kick-off", Subject: "Other" }] }, "Events")).toMatchObject({ ok: true, value: { name: "Kick-off" } });
    expect(decodeRecord({ data: [{ id: ID, Name: "Project X", Subject: "Other" }] }, "Projects__c")).toMatchObject({ ok: true, value: { name: "Project X" } });
  });

  it.each([undefined, {}, { data: [] }, { data: [{ id: 12 }] }])("refuses %j", (answer) => {
    expect(decodeRecord(answer, "Deals").ok).toBe(false);
  });
});

describe("current user", () => {
  const user = {
    id: ID,
    full_name: "Ada Admin",
    email: "ada@example.com",
    profile: { id: "2", name: "Administrator" },
    role: { id: "3", name: "CEO" },
    locale: "de_DE",
    time_zone: "Europe/Berlin",
  };

  it("reads the {users:[user]} wrapper", () => {
    expect(decodeCurrentUser({ users: [user] })).toEqual({
      ok: true,
      value: {
        id: ID,
        name: "Ada Admin",
        email: "ada@example.com",
        profile: { id: "2", name: "Administrator" },
        role: { id: "3", name: "CEO" },
        locale: "de_DE",
        timeZone: "Europe/Berlin",
      },
    });
  });

  it("accepts a bare user object", () => {
    expect(decodeCurrentUser(user)).toMatchObject({ ok: true, value: { id: ID } });
  });

  it.each([undefined, { users: [] }, { users: [{ name: "x" }] }])("refuses %j", (answer) => {
    expect(decodeCurrentUser(answer).ok).toBe(false);
  });
});

describe("groups and roles for the share picker", () => {
  it("asks for groups 200 a page and roles in one call", () => {
    expect(listGroupsRequest(2)).toEqual({ method: "GET", path: "/settings/user_groups", query: { page: "2", per_page: "200" } });
    expect(listRolesRequest()).toEqual({ method: "GET", path: "/settings/roles" });
  });

  it("decodes names, preferring a role's display label, and whether more groups follow", () => {
    const groups = { user_groups: [{ id: "5725767000000301001", name: "EMEA Team" }], info: { more_records: true } };
    expect(decodeGroupsPage(ok({ status: 200, body: groups }))).toEqual(
      ok({ items: [{ id: "5725767000000301001", name: "EMEA Team" }], more: true }),
    );
    const roles = { roles: [{ id: "5725767000000302001", name: "Manager", display_label: "Sales Manager" }] };
    expect(decodeRoles(ok({ status: 200, body: roles }))).toEqual(ok([{ id: "5725767000000302001", name: "Sales Manager" }]));
  });

  it("reads 204 as none, and refuses errors and garbage rather than saying 'none'", () => {
    expect(decodeRoles(ok({ status: 204, body: undefined }))).toEqual(ok([]));
    expect(decodeRoles(fail("NO_PERMISSION", "")).ok).toBe(false);
    expect(decodeRoles(ok({ status: 200, body: { roles: [{ id: 5725767000000302001 }] } })).ok).toBe(false);
    expect(decodeGroupsPage(ok({ status: 200, body: "<html>" })).ok).toBe(false);
  });
});
