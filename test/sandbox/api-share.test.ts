import { describe, it, expect } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { harness, type Loose } from "./api-helpers";

const R = SEED.records;
const U = SEED.users;
const sharePath = (id: string, module = "Deals") => `${module}/${id}/actions/share`;
const toUser = (id: string, permission = "read_only") => ({ shared_with: { id, type: "users" }, permission, share_related_records: false, type: "private" });
const targets = (res: Loose) => (res.body?.share ?? []).map((s: Loose) => s.shared_with?.id);

describe("GET share", () => {
  it("lists the seeded shares with the v8 entry shape", () => {
    const { get } = harness();
    const res = get(sharePath(R.dealShared));
    expect(res.status).toBe(200);
    expect(res.body.share).toHaveLength(3);
    const carla = res.body.share.find((s: Loose) => s.shared_with?.id === U.carla);
    expect(carla).toEqual({
      shared_with: { id: U.carla, name: "Carla Closer", type: "users", zuid: expect.any(String) },
      permission: "read_write",
      share_related_records: false,
      type: "private",
      shared_through: {
        module: { name: "Deals", id: SEED.moduleIds.Deals, api_name: "Deals" },
        id: R.dealShared,
        name: "Summit Upgrade",
        entity_name: "Summit Upgrade",
      },
      shared_time: expect.any(String),
      shared_by: { id: U.salesManager, name: "Mia Manager", zuid: expect.any(String) },
    });
    const group = res.body.share.find((s: Loose) => s.shared_with?.type === "groups");
    expect(group.shared_with).toMatchObject({ id: SEED.groups.emea, name: "EMEA Team" });
    // Record-only shares before related-record shares.
    expect(res.body.share[res.body.share.length - 1].share_related_records).toBe(true);
  });

  it("answers 204 when nothing is shared and filters with sharedTo", () => {
    const { get } = harness();
    expect(get(sharePath(R.dealUnlocked)).status).toBe(204);
    expect(targets(get(sharePath(R.dealShared), { sharedTo: U.dan }))).toEqual([U.dan]);
    // Jonas is in the EMEA group.
    expect(targets(get(sharePath(R.dealShared), { sharedTo: U.jonas }))).toEqual([SEED.groups.emea]);
    expect(get(sharePath(R.dealShared), { sharedTo: "1" }).body.code).toBe("INVALID_DATA");
  });

  it("validates view and offers shareable users with view=manage", () => {
    const { get } = harness();
    expect(get(sharePath(R.dealShared), { view: "everything" }).body.code).toBe("PATTERN_NOT_MATCHED");
    const manage = get(sharePath(R.dealShared), { view: "manage" }).body;
    const ids = manage.shareable_user.map((u: Loose) => u.id);
    expect(ids).toContain(U.standard);
    expect(ids).not.toContain(U.carla);
    expect(ids).not.toContain(U.salesManager);
    expect(ids).not.toContain(U.admin);
    expect(ids).not.toContain(U.inactive);
    expect(get(sharePath(R.dealShared), { view: "summary" }).body).not.toHaveProperty("shareable_user");
  });

  it("refuses Tasks and linking modules with OAUTH_SCOPE_MISMATCH", () => {
    const { get, call } = harness();
    for (const path of [sharePath(R.taskOpen, "Tasks"), sharePath(R.projectContact, "Project_Contacts")]) {
      const res = get(path);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe("OAUTH_SCOPE_MISMATCH");
    }
    expect(call("POST", sharePath(R.taskOpen, "Tasks"), { body: { share: [toUser(U.carla)] } }).status).toBe(401);
  });

  it("rejects bad modules and record ids", () => {
    const { get } = harness();
    expect(get(sharePath(R.dealShared, "Nope")).body.code).toBe("INVALID_MODULE");
    expect(get(sharePath(R.leadNoConfig)).body).toMatchObject({ code: "INVALID_DATA", details: { resource_path_index: 1 } });
  });
});

describe("POST share", () => {
  it("adds shares, one success item per entry", () => {
    const { call, get } = harness();
    const res = call("POST", sharePath(R.dealUnlocked), {
      body: {
        share: [toUser(U.carla, "full_access"), { shared_with: { id: SEED.roles.supportAgent, type: "roles" }, permission: "read_only", type: "private" }],
        notify_on_completion: true,
      },
      userId: U.standard,
    });
    expect(res.status).toBe(200);
    expect(res.body.share).toEqual([
      { code: "SUCCESS", status: "success", message: "record will be shared successfully", details: {} },
      { code: "SUCCESS", status: "success", message: "record will be shared successfully", details: {} },
    ]);
    const after = get(sharePath(R.dealUnlocked));
    expect(targets(after).sort()).toEqual([U.carla, SEED.roles.supportAgent].sort());
    expect(after.body.share.find((s: Loose) => s.shared_with.id === U.carla).shared_by.id).toBe(U.standard);
    // POST again adds to the list.
    call("POST", sharePath(R.dealUnlocked), { body: { share: [toUser(U.dan)] } });
    expect(targets(get(sharePath(R.dealUnlocked)))).toHaveLength(3);
  });

  it("reports item errors for owners, admins, inactive and unconfirmed users, and bad values", () => {
    const { call, get } = harness();
    const res = call("POST", sharePath(R.dealUnlocked), {
      body: {
        share: [
          toUser(U.standard), // owner
          toUser(U.admin2), // administrator
          toUser(U.inactive),
          toUser(U.unconfirmed),
          { ...toUser(U.carla), permission: "everything" },
          { ...toUser(U.carla), type: "secret" },
          { permission: "read_only", type: "private" },
          toUser(U.dan),
        ],
      },
    });
    expect(res.status).toBe(200);
    const items = res.body.share;
    expect(items[0]).toMatchObject({ code: "INVALID_DATA", status: "error", message: "record is already visible to the user" });
    expect(items[1]).toMatchObject({ code: "INVALID_DATA", message: "record is already visible to the user" });
    expect(items[2]).toMatchObject({ code: "INVALID_DATA", message: "cannot share to the user" });
    expect(items[3]).toMatchObject({ code: "INVALID_DATA", message: "cannot share to the user" });
    expect(items[4]).toMatchObject({ code: "INVALID_DATA", details: { api_name: "permission", json_path: "$.share[4].permission" } });
    expect(items[5]).toMatchObject({ code: "INVALID_DATA", details: { api_name: "type", json_path: "$.share[5].type" } });
    expect(items[6]).toMatchObject({ code: "MANDATORY_NOT_FOUND", details: { api_name: "shared_with" } });
    expect(items[7]).toMatchObject({ code: "SUCCESS" });
    expect(targets(get(sharePath(R.dealUnlocked)))).toEqual([U.dan]);
  });

  it("answers 400 when every entry fails, and MANDATORY_NOT_FOUND without share", () => {
    const { call } = harness();
    const res = call("POST", sharePath(R.dealUnlocked), { body: { share: [toUser(U.inactive)] } });
    expect(res.status).toBe(400);
    expect(call("POST", sharePath(R.dealUnlocked), { body: {} }).body).toMatchObject({ code: "MANDATORY_NOT_FOUND", details: { api_name: "share" } });
  });

  it("shares publicly with a single entry; two public entries are ambiguous", () => {
    const { call, get } = harness();
    const two = call("POST", sharePath(R.dealUnlocked), {
      body: { share: [{ type: "public", permission: "read_only" }, { type: "public", permission: "full_access" }] },
    });
    expect(two.body.code).toBe("AMBIGUITY_DURING_PROCESSING");
    const one = call("POST", sharePath(R.dealUnlocked), { body: { share: [{ type: "public", permission: "read_only", share_related_records: false }] } });
    expect(one.status).toBe(200);
    expect(get(sharePath(R.dealUnlocked)).body.share[0]).toMatchObject({ type: "public", shared_with: null });
  });

  it("public sharing must be the only entry, without shared_with: else AMBIGUITY_DURING_PROCESSING and nothing changes", () => {
    const { call, get } = harness();
    const publicEntry = { type: "public", permission: "read_only", share_related_records: false };
    for (const method of ["POST", "PUT"] as const) {
      const mixed = call(method, sharePath(R.dealShared), { body: { share: [publicEntry, toUser(U.hugo)] } });
      expect(mixed.status).toBe(400);
      expect(mixed.body).toMatchObject({
        code: "AMBIGUITY_DURING_PROCESSING",
        status: "error",
        details: { ambiguity_due_to: [{ api_name: "type", json_path: "$.share[0].type" }, { api_name: "type", json_path: "$.share[1].type" }] },
      });
      // Order does not matter.
      expect(call(method, sharePath(R.dealShared), { body: { share: [toUser(U.hugo), publicEntry] } }).body.code).toBe("AMBIGUITY_DURING_PROCESSING");
      const withTarget = call(method, sharePath(R.dealShared), { body: { share: [{ ...publicEntry, shared_with: { id: U.hugo, type: "users" } }] } });
      expect(withTarget.status).toBe(400);
      expect(withTarget.body).toMatchObject({ code: "AMBIGUITY_DURING_PROCESSING", details: { ambiguity_due_to: [{ json_path: "$.share[0].type" }] } });
    }
    // Nothing was written.
    expect(targets(get(sharePath(R.dealShared))).sort()).toEqual([U.carla, U.dan, SEED.groups.emea].sort());
  });

  it("enforces 10 users per record with LIMIT_EXCEEDED 403", () => {
    const { call, get } = harness();
    const res = call("POST", sharePath(R.dealShareLimit), { body: { share: [toUser(U.hugo)] } });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: "LIMIT_EXCEEDED", status: "error", details: { limit: 10 } });
    expect(targets(get(sharePath(R.dealShareLimit)))).toHaveLength(10);
    // Updating an existing share does not count twice.
    expect(call("POST", sharePath(R.dealShareLimit), { body: { share: [toUser(U.carla, "full_access")] } }).status).toBe(200);
  });

  it("enforces 5 groups and 5 roles", () => {
    const { call } = harness();
    const roles = Object.values(SEED.roles).map((id) => ({ shared_with: { id, type: "roles" }, permission: "read_only", type: "private" }));
    expect(roles).toHaveLength(6);
    const res = call("POST", sharePath(R.dealUnlocked), { body: { share: roles } });
    expect(res.body).toMatchObject({ code: "LIMIT_EXCEEDED", details: { type: "roles", limit: 5 } });
  });

  it("NO_PERMISSION for the read-only profile and for users the record was shared with", () => {
    const { call } = harness();
    const ro = call("POST", sharePath(R.dealUnlocked), { body: { share: [toUser(U.carla)] }, userId: U.readOnly });
    expect(ro.status).toBe(403);
    expect(ro.body.code).toBe("NO_PERMISSION");
    const reShare = call("POST", sharePath(R.dealShared), { body: { share: [toUser(U.hugo)] }, userId: U.carla });
    expect(reShare.body.code).toBe("NO_PERMISSION");
    expect(call("DELETE", sharePath(R.dealShared), { userId: U.readOnly }).body.code).toBe("NO_PERMISSION");
  });

  it("notify_shared_members needs Feeds (NOT_ALLOWED 403 when off)", () => {
    const off = harness({ feedsEnabled: false });
    const res = off.call("POST", sharePath(R.dealUnlocked), { body: { share: [toUser(U.carla)], notify_shared_members: true } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("NOT_ALLOWED");
    expect(off.call("POST", sharePath(R.dealUnlocked), { body: { share: [toUser(U.carla)], notify_shared_members: false } }).status).toBe(200);
    const on = harness();
    expect(on.call("POST", sharePath(R.dealUnlocked), { body: { share: [toUser(U.carla)], notify_shared_members: true } }).status).toBe(200);
  });

  it("accepts the legacy user:{id} entry", () => {
    const { call, get } = harness();
    expect(call("POST", sharePath(R.dealUnlocked), { body: { share: [{ user: { id: U.carla }, permission: "read_only" }] } }).status).toBe(200);
    expect(targets(get(sharePath(R.dealUnlocked)))).toEqual([U.carla]);
  });
});

describe("PUT share (replace) and DELETE share (revoke all)", () => {
  it("replaces the whole list: anyone not listed loses access", () => {
    const { call, get } = harness();
    const res = call("PUT", sharePath(R.dealShared), { body: { share: [toUser(U.dan, "full_access"), toUser(U.hugo)], notify: false } });
    expect(res.status).toBe(200);
    expect(res.body.share.every((i: Loose) => i.code === "SUCCESS")).toBe(true);
    const after = get(sharePath(R.dealShared)).body.share;
    expect(after.map((s: Loose) => [s.shared_with.id, s.permission]).sort()).toEqual([[U.dan, "full_access"], [U.hugo, "read_only"]].sort());
  });

  it("PUT of a single public entry replaces the whole list with it", () => {
    const { call, get } = harness();
    const res = call("PUT", sharePath(R.dealShared), { body: { share: [{ type: "public", permission: "read_write", share_related_records: false }] } });
    expect(res.status).toBe(200);
    expect(res.body.share).toEqual([{ code: "SUCCESS", status: "success", message: "record will be shared successfully", details: {} }]);
    const after = get(sharePath(R.dealShared));
    expect(after.status).toBe(200);
    expect(after.body.share).toHaveLength(1);
    expect(after.body.share[0]).toMatchObject({ type: "public", shared_with: null, permission: "read_write", share_related_records: false });
  });

  it("PUT of a private list after public sharing removes the public entry", () => {
    const { call, get } = harness();
    expect(call("PUT", sharePath(R.dealUnlocked), { body: { share: [{ type: "public", permission: "read_only" }] } }).status).toBe(200);
    expect(get(sharePath(R.dealUnlocked)).body.share.map((s: Loose) => s.type)).toEqual(["public"]);
    const res = call("PUT", sharePath(R.dealUnlocked), { body: { share: [toUser(U.carla), toUser(U.dan, "read_write")] } });
    expect(res.status).toBe(200);
    const after = get(sharePath(R.dealUnlocked)).body.share;
    expect(after.map((s: Loose) => s.type)).toEqual(["private", "private"]);
    expect(targets({ body: { share: after } }).sort()).toEqual([U.carla, U.dan].sort());
  });

  it("SHARE_LIMIT_EXCEEDED 403 above 10 users", () => {
    const { call, get } = harness();
    const eleven = [U.standard, U.atThreshold, U.backlog, U.thresholdDisabled, U.noRestriction, U.carla, U.dan, U.eva, U.finn, U.gina, U.hugo].map((id) => toUser(id));
    const res = call("PUT", sharePath(R.dealShareLimit), { body: { share: eleven } });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: "SHARE_LIMIT_EXCEEDED", status: "error" });
    expect(targets(get(sharePath(R.dealShareLimit)))).not.toContain(U.hugo);
  });

  it("revokes all shares with an object (not an array) body, BAD_REQUEST when nothing is shared", () => {
    const { call, get } = harness();
    const res = call("DELETE", sharePath(R.dealShared));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ share: { code: "SUCCESS", status: "success", message: "Sharing Revoked", details: { id: R.dealShared } } });
    expect(get(sharePath(R.dealShared)).status).toBe(204);
    const again = call("DELETE", sharePath(R.dealShared));
    expect(again.status).toBe(400);
    expect(again.body.code).toBe("BAD_REQUEST");
  });
});

describe("share scheduler window", () => {
  it("keeps a job running for shareJobMs after a write", () => {
    const h = harness({ shareJobMs: 5_000 });
    const path = sharePath(R.dealUnlocked);
    expect(h.call("POST", path, { body: { share: [toUser(U.carla)] } }).status).toBe(200);

    const busyGet = h.get(path);
    expect(busyGet.status).toBe(400);
    expect(busyGet.body).toMatchObject({ code: "INVALID_DATA", message: "Scheduler is running" });
    expect(h.call("POST", path, { body: { share: [toUser(U.dan)] } }).body.code).toBe("CANNOT_PROCESS");
    expect(h.call("PUT", path, { body: { share: [toUser(U.dan)] } }).body.code).toBe("CANNOT_PROCESS");
    // Other records are not affected.
    expect(h.get(sharePath(R.dealShared)).status).toBe(200);

    h.clock.advance(4_999);
    expect(h.get(path).status).toBe(400);
    h.clock.advance(1);
    expect(targets(h.get(path))).toEqual([U.carla]);
    expect(h.call("DELETE", path).status).toBe(200);
    expect(h.get(path).body.message).toBe("Scheduler is running");
  });

  it("has no window by default", () => {
    const h = harness();
    h.call("POST", sharePath(R.dealUnlocked), { body: { share: [toUser(U.carla)] } });
    expect(h.get(sharePath(R.dealUnlocked)).status).toBe(200);
  });
});
