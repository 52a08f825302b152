import { describe, expect, it } from "vitest";
import type { LockState } from "../../widget-src/api/locking-info";
import type { Permit, PermitReason } from "../../widget-src/api/permit-threshold";
import type { ProfilePermission } from "../../widget-src/api/profiles";
import type { CrmUser, CurrentUser } from "../../widget-src/api/users";
import type { CrmError } from "../../widget-src/crm/result";
import { ownerIneligibility, suggestOwners } from "../../widget-src/features/owner-change/candidates";
import { capacityOf, mayReceive, notApplicable, type Capacity } from "../../widget-src/features/owner-change/capacity";
import { deriveOwnerGate, type OwnerGateInput } from "../../widget-src/features/owner-change/gate";
import { createLimiter } from "../../widget-src/lib/limit";
import type { Restrictions } from "../../widget-src/features/record-lock/restrictions";
import { LOADING, type Load } from "../../widget-src/ui/load";
import { IDS } from "../support/fake-port";
import { ADMIN_PROFILE, STANDARD_PROFILE } from "../support/lock-fixtures";

const ready = <T>(value: T): Load<T> => ({ status: "ready", value });
const failed = <T>(code: string): Load<T> => ({ status: "error", error: { code, message: code, details: {}, status: 400 } });
const permit = (reason: PermitReason, allow: boolean, remaining = 0): Load<Permit> => ready({ allow, reason, remaining });
const error = (code: string): CrmError => ({ code, message: "", details: {} });

describe("capacityOf", () => {
  it.each<[string, Load<Permit>, Capacity]>([
    ["RECORD_ALLOWED", permit("RECORD_ALLOWED", true, 8), { kind: "allowed", remaining: 8 }],
    ["NO_RESTRICTION", permit("NO_RESTRICTION", true), { kind: "noRestriction" }],
    ["RESTRICTION_DISABLED", permit("RESTRICTION_DISABLED", true), { kind: "disabled" }],
    ["RECORD_EXCLUDED", permit("RECORD_EXCLUDED", true), { kind: "excluded" }],
    ["RECORD_DENIED_BY_BACKLOG", permit("RECORD_DENIED_BY_BACKLOG", false), { kind: "denied", by: "backlog" }],
    ["RECORD_DENIED_BY_ALLOWCOUNT", permit("RECORD_DENIED_BY_ALLOWCOUNT", false), { kind: "denied", by: "allowCount" }],
  ])("reads %s", (_, check, capacity) => {
    expect(capacityOf(check)).toEqual(capacity);
  });

  it("reads a check not started or still running as checking", () => {
    expect(capacityOf(undefined)).toEqual({ kind: "checking" });
    expect(capacityOf(LOADING)).toEqual({ kind: "checking" });
  });

  it.each<[string, "module" | "edition"]>([
    ["NOT_SUPPORTED", "module"],
    ["API_NOT_SUPPORTED", "module"],
    ["FEATURE_NOT_SUPPORTED", "edition"],
  ])("reads %s as thresholds not applicable (%s)", (code, why) => {
    expect(capacityOf(failed(code))).toEqual({ kind: "notApplicable", why });
  });

  it.each(["NO_PERMISSION", "INTERNAL_ERROR", "TIMEOUT", "UNREADABLE_RESPONSE", "INVALID_DATA", "OAUTH_SCOPE_MISMATCH"])(
    "reads %s as a failed check, keeping the error",
    (code) => {
      const capacity = capacityOf(failed(code));
      expect(capacity).toMatchObject({ kind: "failed", error: { code } });
      expect(mayReceive(capacity)).toBe(false);
    },
  );
});

describe("notApplicable", () => {
  it("names the module or the edition for the 'no thresholds here' codes", () => {
    expect(notApplicable(error("NOT_SUPPORTED"))).toBe("module");
    expect(notApplicable(error("API_NOT_SUPPORTED"))).toBe("module");
    expect(notApplicable(error("FEATURE_NOT_SUPPORTED"))).toBe("edition");
  });

  it("is undefined for every other error", () => {
    for (const code of ["NO_PERMISSION", "INVALID_MODULE", "INTERNAL_ERROR", "TIMEOUT", "not_supported", "NOT_ALLOWED"]) {
      expect(notApplicable(error(code))).toBeUndefined();
    }
  });
});

describe("mayReceive", () => {
  it.each<[Capacity, boolean]>([
    [{ kind: "allowed", remaining: 3 }, true],
    [{ kind: "allowed", remaining: 0 }, true],
    [{ kind: "noRestriction" }, true],
    [{ kind: "disabled" }, true],
    [{ kind: "excluded" }, true],
    [{ kind: "notApplicable", why: "module" }, true],
    [{ kind: "notApplicable", why: "edition" }, true],
    [{ kind: "checking" }, false],
    [{ kind: "denied", by: "backlog" }, false],
    [{ kind: "denied", by: "allowCount" }, false],
    [{ kind: "failed", error: error("INTERNAL_ERROR") }, false],
  ])("%j → %s", (capacity, expected) => {
    expect(mayReceive(capacity)).toBe(expected);
  });
});

describe("deriveOwnerGate", () => {
  const standardUser: CurrentUser = { id: IDS.user, name: "Sam Standard", profile: STANDARD_PROFILE };
  const adminUser: CurrentUser = { id: IDS.user, name: "Ada Admin", profile: ADMIN_PROFILE };
  const changeOwner = (enabled: boolean): ProfilePermission[] => [
    { name: "Crm_Implied_Share", label: "Share", enabled: true },
    { name: "Crm_Implied_Change_Owner", label: "Change Owner", enabled },
  ];
  const lockedState: LockState = { kind: "locked", lock: { id: IDS.lock, source: "manual", reason: "Audit" } };
  const restrictions = (blockedActions: string[], currentUserExempt: boolean | undefined): Load<Restrictions | undefined> =>
    ready<Restrictions | undefined>({
      blockedActions,
      editableFields: [],
      restrictedCommunications: [],
      restrictedButtons: [],
      portalUsersRestricted: false,
      exemptProfiles: ["Administrator"],
      currentUserExempt,
    });
  const input = (overrides: Partial<OwnerGateInput> = {}): OwnerGateInput => ({
    user: ready(standardUser),
    permissions: ready(changeOwner(true)),
    lock: ready<LockState>({ kind: "unlocked" }),
    restrictions: ready<Restrictions | undefined>(undefined),
    ...overrides,
  });

  it("allows a user with the permission on an unlocked record", () => {
    expect(deriveOwnerGate(input())).toEqual({ kind: "allowed", unverified: false });
  });

  it("blocks when the record is locked, the lock restricts change_owner and the user is not exempt", () => {
    const gate = deriveOwnerGate(
      input({ lock: ready(lockedState), restrictions: restrictions(["update", "delete", "change_owner"], false) }),
    );
    expect(gate).toEqual({ kind: "blocked", reason: "locked" });
  });

  it("blocks an administrator too when the lock applies to their profile", () => {
    const gate = deriveOwnerGate(
      input({ user: ready(adminUser), lock: ready(lockedState), restrictions: restrictions(["update", "change_owner"], false) }),
    );
    expect(gate).toEqual({ kind: "blocked", reason: "locked" });
  });

  it("allows an exempt user on a locked record", () => {
    const gate = deriveOwnerGate(input({ lock: ready(lockedState), restrictions: restrictions(["update", "change_owner"], true) }));
    expect(gate).toEqual({ kind: "allowed", unverified: false });
  });

  it("allows when the lock does not restrict change_owner", () => {
    const gate = deriveOwnerGate(input({ lock: ready(lockedState), restrictions: restrictions(["update", "delete"], false) }));
    expect(gate).toEqual({ kind: "allowed", unverified: false });
  });

  it("does not block on restrictions when the record is not locked", () => {
    const gate = deriveOwnerGate(input({ restrictions: restrictions(["update", "change_owner"], false) }));
    expect(gate).toEqual({ kind: "allowed", unverified: false });
  });

  it("allows, unverified, when the record is locked and what the lock restricts is unknown", () => {
    const failed: Load<Restrictions | undefined> = { status: "error", error: { code: "TIMEOUT", message: "", details: {} } };
    expect(deriveOwnerGate(input({ lock: ready(lockedState), restrictions: failed }))).toEqual({ kind: "allowed", unverified: true });
    expect(deriveOwnerGate(input({ lock: ready(lockedState), restrictions: ready<Restrictions | undefined>(undefined) }))).toEqual({
      kind: "allowed",
      unverified: true,
    });
  });

  it("waits for the configuration before offering a change on a locked record", () => {
    expect(deriveOwnerGate(input({ lock: ready(lockedState), restrictions: { status: "loading" } }))).toEqual({ kind: "checking" });
    // On an unlocked record the configuration does not matter.
    expect(deriveOwnerGate(input({ restrictions: { status: "loading" } }))).toEqual({ kind: "allowed", unverified: false });
  });

  it("allows, unverified, when the lock could not be read", () => {
    expect(deriveOwnerGate(input({ lock: failed("INTERNAL_ERROR") }))).toEqual({ kind: "allowed", unverified: true });
  });

  it("allows an administrator without the Change Owner permission", () => {
    const gate = deriveOwnerGate(input({ user: ready(adminUser), permissions: ready(changeOwner(false)) }));
    expect(gate).toEqual({ kind: "allowed", unverified: false });
  });

  it("allows an administrator before the permissions are read", () => {
    expect(deriveOwnerGate(input({ user: ready(adminUser), permissions: LOADING })).kind).toBe("allowed");
  });

  it("blocks a user whose profile lacks the permission", () => {
    expect(deriveOwnerGate(input({ permissions: ready(changeOwner(false)) }))).toEqual({ kind: "blocked", reason: "noPermission" });
    expect(deriveOwnerGate(input({ permissions: ready([]) }))).toEqual({ kind: "blocked", reason: "noPermission" });
  });

  it("is checking while the user or the permissions load", () => {
    expect(deriveOwnerGate(input({ user: LOADING }))).toEqual({ kind: "checking" });
    expect(deriveOwnerGate(input({ permissions: LOADING }))).toEqual({ kind: "checking" });
  });

  it("allows, unverified, when the user or the permissions could not be read", () => {
    expect(deriveOwnerGate(input({ permissions: failed("NO_PERMISSION") }))).toEqual({ kind: "allowed", unverified: true });
    expect(deriveOwnerGate(input({ user: failed("TIMEOUT"), permissions: failed("TIMEOUT") }))).toEqual({
      kind: "allowed",
      unverified: true,
    });
  });

  it("is checking while the lock is still being read, for an administrator too", () => {
    // The lock may turn out to block change_owner: nothing is offered before it is known.
    expect(deriveOwnerGate(input({ lock: LOADING }))).toEqual({ kind: "checking" });
    expect(deriveOwnerGate(input({ user: ready(adminUser), lock: LOADING }))).toEqual({ kind: "checking" });
  });
});

describe("candidates", () => {
  const role = (n: number) => ({ id: `57257670000003020${String(n).padStart(2, "0")}`, name: `Role ${n}` });
  const user = (n: number, overrides: Partial<CrmUser> = {}): CrmUser => ({
    id: `57257670000001010${String(n).padStart(2, "0")}`,
    name: `User ${n}`,
    active: true,
    confirmed: true,
    role: role(1),
    ...overrides,
  });

  describe("ownerIneligibility", () => {
    it("is undefined for an active, confirmed user other than the owner", () => {
      expect(ownerIneligibility(user(1), user(2).id)).toBeUndefined();
      expect(ownerIneligibility(user(1), undefined)).toBeUndefined();
    });

    it("names why someone cannot become the owner", () => {
      expect(ownerIneligibility(user(1), user(1).id)).toBe("currentOwner");
      expect(ownerIneligibility(user(1, { active: false }), undefined)).toBe("inactive");
      expect(ownerIneligibility(user(1, { confirmed: false }), undefined)).toBe("unconfirmed");
    });

    it("says inactive before unconfirmed or current owner", () => {
      expect(ownerIneligibility(user(1, { active: false, confirmed: false }), user(1).id)).toBe("inactive");
      expect(ownerIneligibility(user(1, { confirmed: false }), user(1).id)).toBe("unconfirmed");
    });
  });

  describe("suggestOwners", () => {
    it("suggests you first, then eligible colleagues in the owner's role, never the owner", () => {
      const owner = user(1, { role: role(1) });
      const me = user(2, { role: role(2) });
      const colleague = user(3, { role: role(1) });
      const otherRole = user(4, { role: role(3) });
      const inactive = user(5, { role: role(1), active: false });
      const unconfirmed = user(6, { role: role(1), confirmed: false });
      const colleague2 = user(7, { role: role(1) });
      const users = [colleague, otherRole, owner, inactive, unconfirmed, me, colleague2];
      expect(suggestOwners(users, owner.id, me.id).map((u) => u.id)).toEqual([me.id, colleague.id, colleague2.id]);
    });

    it("does not suggest you when you own the record", () => {
      const me = user(1);
      const colleague = user(2);
      expect(suggestOwners([me, colleague], me.id, me.id).map((u) => u.id)).toEqual([colleague.id]);
    });

    it("lists you once even when you share the owner's role", () => {
      const owner = user(1);
      const me = user(2);
      expect(suggestOwners([owner, me], owner.id, me.id).map((u) => u.id)).toEqual([me.id]);
    });

    it("stops at the maximum", () => {
      const owner = user(1);
      const many = Array.from({ length: 12 }, (_, i) => user(i + 10));
      expect(suggestOwners([owner, ...many], owner.id, undefined)).toHaveLength(6);
      expect(suggestOwners([owner, ...many], owner.id, undefined, 3).map((u) => u.id)).toEqual(many.slice(0, 3).map((u) => u.id));
    });

    it("suggests only you when the owner is unknown or has no role", () => {
      const me = user(2);
      const others = [user(3), user(4)];
      expect(suggestOwners([me, ...others], undefined, me.id).map((u) => u.id)).toEqual([me.id]);
      const roleless = user(1, { role: undefined });
      expect(suggestOwners([roleless, me, ...others], roleless.id, me.id).map((u) => u.id)).toEqual([me.id]);
    });
  });
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = async () => {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
};

describe("createLimiter", () => {
  it("frees the slot of a task that throws at once", async () => {
    const run = createLimiter(1);
    const failing = run(() => {
      throw new Error("at once");
    });
    await expect(failing).rejects.toThrow("at once");
    await expect(run(async () => "next")).resolves.toBe("next");
  });

  it("starts an urgent task before those queued earlier that are not", async () => {
    const run = createLimiter(1);
    const started: string[] = [];
    const gate = deferred<void>();
    const task = (name: string) => async () => {
      started.push(name);
      if (name === "first") await gate.promise;
    };
    const all = [run(task("first")), run(task("background 1")), run(task("background 2")), run(task("asked for"), true)];
    await flush();
    expect(started).toEqual(["first"]);
    gate.resolve();
    await Promise.all(all);
    expect(started).toEqual(["first", "asked for", "background 1", "background 2"]);
  });

  function tracked(count: number, concurrency: number) {
    const run = createLimiter(concurrency);
    const gates = Array.from({ length: count }, () => deferred<number>());
    const started: number[] = [];
    let active = 0;
    let maxActive = 0;
    const results = gates.map((gate, i) =>
      run(async () => {
        started.push(i);
        active += 1;
        maxActive = Math.max(maxActive, active);
        try {
          return await gate.promise;
        } finally {
          active -= 1;
        }
      }),
    );
    return { gates, started, results, active: () => active, maxActive: () => maxActive };
  }

  it("starts at most N tasks at once, and the next one only when one ends", async () => {
    const { gates, started, active } = tracked(7, 3);
    await flush();
    expect(started).toEqual([0, 1, 2]);
    gates[1]?.resolve(1);
    await flush();
    expect(started).toEqual([0, 1, 2, 3]);
    expect(active()).toBe(3);
    gates[0]?.resolve(0);
    gates[2]?.resolve(2);
    await flush();
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(active()).toBe(3);
  });

  it("runs every task, in the order queued, never more than N at once, each resolving with its own value", async () => {
    const { gates, started, results, maxActive } = tracked(10, 4);
    // Finish in a scrambled order, a little at a time.
    for (const i of [3, 0, 2, 1, 5, 4, 9, 6, 8, 7]) {
      await flush();
      gates[i]?.resolve(i * 10);
    }
    expect(await Promise.all(results)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(maxActive()).toBe(4);
  });

  it("passes a failure to its caller and frees the slot for the next task", async () => {
    const { gates, started, results } = tracked(3, 1);
    await flush();
    expect(started).toEqual([0]);
    gates[0]?.reject(new Error("boom"));
    await expect(results[0]).rejects.toThrow("boom");
    await flush();
    expect(started).toEqual([0, 1]);
    gates[1]?.resolve(1);
    gates[2]?.resolve(2);
    expect(await Promise.all([results[1], results[2]])).toEqual([1, 2]);
  });

  it("keeps separate limiters independent", async () => {
    const a = tracked(2, 1);
    const b = tracked(2, 1);
    await flush();
    expect(a.started).toEqual([0]);
    expect(b.started).toEqual([0]);
  });
});
