/**
 * The hostile seed variant (sandbox/seed/hostile.ts): opt-in, additive, and
 * answered by the API exactly as seeded (the browser sweep relies on that).
 */
import { describe, expect, it } from "vitest";
import { createMockCrm } from "../../sandbox/api/index";
import { buildSeedState } from "../../sandbox/seed/index";
import { SEED } from "../../sandbox/seed/ids";
import { HOSTILE_NAMES, HOSTILE_SEED, PAYLOADS, fullNameOf } from "../../sandbox/seed/hostile";

const H = HOSTILE_SEED;

describe("the hostile seed variant", () => {
  it("is off by default and only adds to the default org", () => {
    const plain = buildSeedState();
    const hostile = buildSeedState({ hostile: true });
    expect(JSON.stringify(plain)).not.toContain(PAYLOADS.long);
    expect(hostile.users.length).toBe(plain.users.length + 2);
    expect(hostile.roles.length).toBe(plain.roles.length + 1);
    expect(hostile.groups.length).toBe(plain.groups.length + 1);
    expect(hostile.userTypes.length).toBe(plain.userTypes.length + 1);
    // Everything the default org has is still there, unchanged, apart from the Deals configuration and the portal's licences.
    for (const user of plain.users) expect(hostile.users).toContainEqual(user);
    for (const [module, records] of Object.entries(plain.records)) {
      for (const record of records) expect(hostile.records[module]).toContainEqual(record);
    }
    // Automatic locks are numbered as they are synced, so compare them without their ids.
    const withoutId = ({ id: _id, ...lock }: (typeof plain.locks)[number]) => lock;
    for (const lock of plain.locks) expect(hostile.locks.map(withoutId)).toContainEqual(withoutId(lock));
  });

  it("uses the long string (5,000+ characters, no space) and every technique", () => {
    expect(PAYLOADS.long.length).toBeGreaterThanOrEqual(5000);
    expect(PAYLOADS.long).not.toMatch(/\s/);
    expect(PAYLOADS.rtl).toContain("\u202E");
    const all = JSON.stringify(HOSTILE_NAMES);
    for (const payload of Object.values(PAYLOADS)) expect(all).toContain(JSON.stringify(payload).slice(1, -1));
  });

  it("answers the hostile data through the API as seeded, also after a reset", () => {
    const crm = createMockCrm({ hostile: true });
    crm.handle({ method: "DELETE", path: `/crm/v8/Deals/${H.records.dealManual}`, query: {} });
    crm.reset();
    const deal = crm.handle({ method: "GET", path: `/crm/v8/Deals/${H.records.dealManual}`, query: {} });
    expect(deal.status).toBe(200);
    expect((deal.body as { data: { Deal_Name: string; Owner: { name: string } }[] }).data[0]).toMatchObject({
      Deal_Name: HOSTILE_NAMES.dealManual,
      Owner: { name: fullNameOf(HOSTILE_NAMES.userRtl) },
    });

    const lock = crm.handle({
      method: "GET",
      path: `/crm/v8/Deals/${H.records.dealManual}/Locking_Information__s`,
      query: { fields: "Locked_Reason__s,Locked_By__s,Lock_Source__s" },
    });
    expect(lock.status).toBe(200);
    expect(JSON.stringify(lock.body)).toContain(JSON.stringify(HOSTILE_NAMES.lockReason).slice(1, -1));

    // The hostile rule locks the deal whose name is the long string.
    const auto = crm.handle({
      method: "GET",
      path: `/crm/v8/Deals/${H.records.dealAuto}/Locking_Information__s`,
      query: { fields: "Lock_Source__s,Record_Locking_Rule_Id__s" },
    });
    expect(JSON.stringify(auto.body)).toContain(H.rule);

    const users = crm.handle({ method: "GET", path: `/crm/v8/settings/portals/${SEED.portal.name}/user_type/${H.userType}/users`, query: { type: "AllUsers" } });
    expect(users.status).toBe(200);
    const names = (users.body as { users: { name: string; email: string }[] }).users.map((user) => [user.name, user.email]);
    expect(names).toEqual(
      expect.arrayContaining([
        [fullNameOf(HOSTILE_NAMES.portalUserLong), HOSTILE_NAMES.portalUserLong.email],
        [fullNameOf(HOSTILE_NAMES.portalUserRtl), HOSTILE_NAMES.portalUserRtl.email],
      ]),
    );
  });

  it("leaves the default mock without it", () => {
    const crm = createMockCrm();
    expect(crm.handle({ method: "GET", path: `/crm/v8/Deals/${H.records.dealManual}`, query: {} }).status).not.toBe(200);
  });
});
