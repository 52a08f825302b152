import { signal } from "@preact/signals";
import { describe, expect, it, vi } from "vitest";
import type { LockState } from "../../widget-src/api/locking-info";
import type { RecordSummary } from "../../widget-src/api/records";
import type { CrmUser } from "../../widget-src/api/users";
import type { RawAnswer } from "../../widget-src/crm/decode";
import { fail, type CrmResult } from "../../widget-src/crm/result";
import { MAX_CHECKS_IN_FLIGHT } from "../../widget-src/features/owner-change/capacity-checks";
import { OwnerChangeModel } from "../../widget-src/features/owner-change/model";
import type { Restrictions } from "../../widget-src/features/record-lock/restrictions";
import { SessionModel } from "../../widget-src/features/session/model";
import type { Load } from "../../widget-src/ui/load";
import { answer, restScript, success, type Scripted } from "../support/fake-crm";
import { IDS, createFakePort, type FakeCall } from "../support/fake-port";
import { STANDARD_PROFILE, profileBody } from "../support/lock-fixtures";

const PROFILE = `/settings/profiles/${IDS.standardProfile}`;
const PERMIT = `/Deals/${IDS.record}/actions/permit_threshold`;
const CHANGE = `/Deals/${IDS.record}/actions/change_owner`;

const userId = (n: number) => `57257670000001010${String(n).padStart(2, "0")}`;
const candidate = (n: number, name = `Person ${n}`): CrmUser => ({ id: userId(n), name, active: true, confirmed: true });
const CARLA = candidate(9, "Carla Closer");

const permitBody = (allow: boolean, reason: string, remaining = 0) =>
  answer({ permit_threshold: { allow, reason, remaining_allow_count: remaining } });
const ALLOWED = permitBody(true, "RECORD_ALLOWED", 8);
const BACKLOG = permitBody(false, "RECORD_DENIED_BY_BACKLOG");
const NOT_SUPPORTED = fail("NOT_SUPPORTED", "the module is not supported", {}, 400);
const BROKEN = fail("INTERNAL_ERROR", "internal error", {}, 500);

/** The profile body of lock-fixtures plus the org-wide Change Owner permission. */
function ownerProfileBody(canChangeOwner: boolean) {
  const [profile] = profileBody(STANDARD_PROFILE, false).profiles;
  return {
    profiles: [
      {
        ...profile,
        permissions_details: [
          ...(profile?.permissions_details ?? []),
          { name: "Crm_Implied_Change_Owner", display_label: "Change Owner", module: null, enabled: canChangeOwner },
        ],
      },
    ],
  };
}

function restrictionsBlocking(actions: string[], currentUserExempt: boolean): Restrictions {
  return {
    blockedActions: actions,
    editableFields: [],
    restrictedCommunications: [],
    restrictedButtons: [],
    portalUsersRestricted: false,
    exemptProfiles: ["Administrator"],
    currentUserExempt,
  };
}

/**
 * The threshold checks: each answered by `permits` (ownerId, how many times
 * that user was asked before), or, without it, held until the test answers.
 */
function permitDesk(permits?: (ownerId: string, nth: number) => CrmResult<RawAnswer>) {
  const held: { ownerId: string; settle: (result: CrmResult<RawAnswer>) => void }[] = [];
  const asked = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  const handle = (call: FakeCall): Promise<CrmResult<RawAnswer>> => {
    const ownerId = call.options.query?.owner_id ?? "";
    const nth = asked.get(ownerId) ?? 0;
    asked.set(ownerId, nth + 1);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return new Promise((resolve) => {
      const settle = (result: CrmResult<RawAnswer>) => {
        inFlight -= 1;
        resolve(result);
      };
      if (permits) settle(permits(ownerId, nth));
      else held.push({ ownerId, settle });
    });
  };
  /** Answers the oldest held check (for `ownerId` when given). */
  const release = (result: CrmResult<RawAnswer>, ownerId?: string) => {
    const index = held.findIndex((entry) => ownerId === undefined || entry.ownerId === ownerId);
    const [entry] = index >= 0 ? held.splice(index, 1) : [];
    if (!entry) throw new Error(`no held check${ownerId ? ` for ${ownerId}` : ""}`);
    entry.settle(result);
  };
  return { handle, release, held, inFlight: () => inFlight, maxInFlight: () => maxInFlight };
}

/** Lets every pending promise chain run to its end. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

interface SetupOptions {
  permits?: (ownerId: string, nth: number) => CrmResult<RawAnswer>;
  canChangeOwner?: boolean;
  lock?: Load<LockState>;
  restrictions?: Restrictions;
  post?: Scripted[];
}

/** The CRM's answer to a change of owner that worked. */
const CHANGED = [success({ id: IDS.record })];

async function setup(options: SetupOptions = {}) {
  const desk = permitDesk(options.permits);
  const scripted = restScript({
    [`GET ${PROFILE}`]: [answer(ownerProfileBody(options.canChangeOwner ?? true))],
    // Tests that reassign script the change themselves; the others must send none.
    ...(options.post ? { [`POST ${CHANGE}`]: options.post } : {}),
  });
  const fake = createFakePort({
    rest: (call) => (call.method === "GET" && call.path === PERMIT ? desk.handle(call) : scripted.rest(call)),
  });
  const session = new SessionModel(fake.port);
  await session.loadPermissions();
  const record = signal<Load<RecordSummary>>({
    status: "ready",
    value: { id: IDS.record, module: "Deals", name: "A deal", owner: { id: IDS.owner, name: "Bo Owner" } },
  });
  const reloadRecord = vi.fn(async () => {
    const post = fake.calls.find((call) => call.method === "POST");
    const newOwner = (post?.options.body as { owner: { id: string } } | undefined)?.owner.id ?? IDS.owner;
    record.value = { status: "ready", value: { id: IDS.record, module: "Deals", name: "A deal", owner: { id: newOwner, name: "" } } };
  });
  const model = new OwnerChangeModel({
    port: fake.port,
    session,
    record,
    reloadRecord,
    lock: signal(options.lock ?? { status: "ready", value: { kind: "unlocked" } }),
    restrictions: signal<Load<Restrictions | undefined>>({ status: "ready", value: options.restrictions }),
    module: "Deals",
    recordId: IDS.record,
  });
  const permitCalls = () => fake.calls.filter((call) => call.path === PERMIT);
  const posts = () => fake.calls.filter((call) => call.method === "POST");
  return { model, desk, calls: fake.calls, permitCalls, posts, reloadRecord, unexpected: scripted.unexpected, record };
}

describe("owner model: capacity checks", () => {
  it("keeps at most 4 checks in flight and runs them all", async () => {
    const { model, desk, permitCalls } = await setup();
    const ids = Array.from({ length: 10 }, (_, i) => userId(i + 10));
    model.checkCandidates(ids);
    await settle();
    expect(MAX_CHECKS_IN_FLIGHT).toBe(4);
    expect(permitCalls()).toHaveLength(4);
    expect(ids.map((id) => model.capacity.value(id).kind)).toEqual(Array(10).fill("checking"));

    desk.release(ALLOWED);
    await settle();
    expect(permitCalls()).toHaveLength(5);
    expect(desk.inFlight()).toBe(4);

    for (let answered = 1; desk.held.length > 0; answered += 1) {
      desk.release(answered % 2 === 0 ? BACKLOG : ALLOWED);
      await settle();
      expect(desk.inFlight()).toBeLessThanOrEqual(4);
    }
    expect(permitCalls().map((call) => call.options.query?.owner_id)).toEqual(ids);
    expect(desk.maxInFlight()).toBe(4);
    expect(ids.every((id) => model.capacity.value(id).kind !== "checking")).toBe(true);
  });

  it("checks each user once: a second call for the same users sends nothing", async () => {
    const { model, permitCalls } = await setup({ permits: () => ALLOWED });
    model.checkCandidates([userId(10), userId(11)]);
    model.checkCandidates([userId(10), userId(11)]); // while the first checks still run
    await settle();
    model.checkCandidates([userId(11), userId(10)]);
    await settle();
    expect(permitCalls()).toHaveLength(2);
    expect(model.capacity.value(userId(10))).toEqual({ kind: "allowed", remaining: 8 });
    model.checkCandidates([userId(10), userId(12)]);
    await settle();
    expect(permitCalls().map((call) => call.options.query?.owner_id)).toEqual([userId(10), userId(11), userId(12)]);
  });

  it("shows a failed check as failed, never allowed, and tries it again when asked", async () => {
    const { model, permitCalls } = await setup({ permits: (_, nth) => (nth === 0 ? BROKEN : ALLOWED) });
    model.choose(CARLA);
    await settle();
    expect(model.capacity.value(CARLA.id)).toMatchObject({ kind: "failed", error: { code: "INTERNAL_ERROR" } });
    expect(model.canReassign.value).toBe(false);
    model.checkCandidates([CARLA.id]);
    await settle();
    expect(permitCalls()).toHaveLength(2);
    expect(model.capacity.value(CARLA.id)).toEqual({ kind: "allowed", remaining: 8 });
    expect(model.canReassign.value).toBe(true);
  });

  it("reads an unreadable check as failed, never allowed", async () => {
    const { model } = await setup({ permits: () => answer({ permit_threshold: { reason: "RECORD_ALLOWED" } }) });
    model.choose(CARLA);
    await settle();
    expect(model.capacity.value(CARLA.id).kind).toBe("failed");
    expect(model.canReassign.value).toBe(false);
  });

  it("stops checking once a check answers NOT_SUPPORTED: every capacity reads notApplicable", async () => {
    const { model, permitCalls } = await setup({
      permits: (ownerId) => (ownerId === userId(10) ? NOT_SUPPORTED : BACKLOG),
    });
    model.checkCandidates([userId(10), userId(11)]);
    await settle();
    expect(permitCalls()).toHaveLength(2);
    expect(model.thresholdsAbsent.value?.code).toBe("NOT_SUPPORTED");
    for (const id of [userId(10), userId(11), userId(12)]) {
      expect(model.capacity.value(id)).toEqual({ kind: "notApplicable", why: "module" });
    }
    model.checkCandidates([userId(12), userId(13)]);
    model.choose(candidate(14));
    await settle();
    expect(permitCalls()).toHaveLength(2);
    expect(model.canReassign.value).toBe(true);
  });

  it("sends none of the queued checks after a check answers NOT_SUPPORTED", async () => {
    const { model, desk, permitCalls } = await setup();
    model.checkCandidates(Array.from({ length: 8 }, (_, i) => userId(i + 10)));
    await settle();
    expect(permitCalls()).toHaveLength(4);
    desk.release(NOT_SUPPORTED);
    await settle();
    while (desk.held.length > 0) {
      desk.release(NOT_SUPPORTED);
      await settle();
    }
    // Thresholds do not exist in this module: the checks still waiting are pointless.
    expect(permitCalls()).toHaveLength(4);
    expect(model.capacity.value(userId(17))).toEqual({ kind: "notApplicable", why: "module" });
  });
});

describe("owner model: reassigning", () => {
  it("re-checks the chosen user right before sending, then sends change_owner with notify and related modules", async () => {
    const { model, calls, posts, permitCalls, unexpected } = await setup({ post: CHANGED, permits: () => ALLOWED });
    model.choose(CARLA);
    await settle();
    expect(permitCalls()).toHaveLength(1);
    model.setNotify(false);
    model.toggleRelated("Tasks", true);
    model.toggleRelated("Calls", true);
    model.toggleRelated("Events", true);
    model.toggleRelated("Events", false);
    await model.reassign();
    expect(permitCalls()).toHaveLength(2);
    const sequence = calls.map((call) => `${call.method} ${call.path}`);
    expect(sequence.slice(-2)).toEqual([`GET ${PERMIT}`, `POST ${CHANGE}`]);
    expect(permitCalls()[1]?.options.query).toEqual({ owner_id: CARLA.id });
    expect(posts()[0]?.options.body).toEqual({
      owner: { id: CARLA.id },
      notify: false,
      related_modules: [{ api_name: "Tasks" }, { api_name: "Calls" }],
    });
    expect(unexpected).toEqual([]);
  });

  it("sends notify true by default and no related modules when none are chosen", async () => {
    const { model, posts } = await setup({ post: CHANGED, permits: () => ALLOWED });
    model.choose(CARLA);
    await settle();
    await model.reassign();
    expect(posts().map((call) => call.options.body)).toEqual([{ owner: { id: CARLA.id }, notify: true }]);
  });

  it("refuses, sending nothing, when the fresh check denies although the first allowed", async () => {
    const { model, posts, permitCalls, reloadRecord } = await setup({ permits: (_, nth) => (nth === 0 ? ALLOWED : BACKLOG) });
    model.choose(CARLA);
    await settle();
    expect(model.canReassign.value).toBe(true);
    await model.reassign();
    expect(permitCalls()).toHaveLength(2);
    expect(posts()).toEqual([]);
    expect(model.outcome.value).toEqual({ kind: "refused", capacity: { kind: "denied", by: "backlog" } });
    expect(model.busy.value).toBeNull();
    expect(model.canReassign.value).toBe(false);
    expect(reloadRecord).not.toHaveBeenCalled();
  });

  it("refuses, sending nothing, when the fresh check fails", async () => {
    const { model, posts } = await setup({ permits: (_, nth) => (nth === 0 ? ALLOWED : BROKEN) });
    model.choose(CARLA);
    await settle();
    await model.reassign();
    expect(posts()).toEqual([]);
    expect(model.outcome.value).toMatchObject({ kind: "refused", capacity: { kind: "failed" } });
  });

  it("does not reassign to a user whose check denies", async () => {
    const { model, posts, permitCalls } = await setup({ permits: () => permitBody(false, "RECORD_DENIED_BY_ALLOWCOUNT") });
    model.choose(CARLA);
    await settle();
    expect(model.chosenCapacity.value).toEqual({ kind: "denied", by: "allowCount" });
    expect(model.canReassign.value).toBe(false);
    await model.reassign();
    expect(posts()).toEqual([]);
    expect(permitCalls()).toHaveLength(2);
  });

  it("reports a RECORD_LOCKED item as a failed outcome with that code, without re-reading the record", async () => {
    const locked = answer({
      data: [{ code: "RECORD_LOCKED", status: "error", message: "the record is locked", details: { id: IDS.record, action: "change_owner" } }],
    });
    const { model, posts, reloadRecord } = await setup({ permits: () => ALLOWED, post: [locked] });
    model.choose(CARLA);
    await settle();
    await model.reassign();
    expect(posts()).toHaveLength(1);
    expect(model.outcome.value).toMatchObject({ kind: "failed", error: { code: "RECORD_LOCKED" } });
    expect(model.busy.value).toBeNull();
    expect(model.chosen.value).toEqual(CARLA);
    expect(reloadRecord).not.toHaveBeenCalled();
  });

  it("reports a request-level error as a failed outcome", async () => {
    const { model } = await setup({ permits: () => ALLOWED, post: [fail("NO_PERMISSION", "permission denied", {}, 403)] });
    model.choose(CARLA);
    await settle();
    await model.reassign();
    expect(model.outcome.value).toMatchObject({ kind: "failed", error: { code: "NO_PERMISSION", status: 403 } });
  });

  it("after success re-reads the record, says done, and checks the new owner again next time", async () => {
    const { model, reloadRecord, permitCalls, record } = await setup({ post: CHANGED, permits: () => ALLOWED });
    model.choose(CARLA);
    await settle();
    await model.reassign();
    expect(reloadRecord).toHaveBeenCalledTimes(1);
    expect(model.outcome.value).toEqual({ kind: "done", ownerName: "Carla Closer" });
    expect(model.chosen.value).toBeNull();
    expect(model.busy.value).toBeNull();
    expect(record.value.status === "ready" && record.value.value.owner?.id).toBe(CARLA.id);
    expect(model.ownerId.value).toBe(CARLA.id);
    const before = permitCalls().length;
    model.checkCandidates([CARLA.id]);
    await settle();
    expect(permitCalls()).toHaveLength(before + 1);
  });

  it("ends with done, not stuck sending, when re-reading the record fails after the change", async () => {
    const { model, reloadRecord } = await setup({ post: CHANGED, permits: () => ALLOWED });
    reloadRecord.mockImplementationOnce(async () => {
      throw new Error("re-read failed");
    });
    model.choose(CARLA);
    await settle();
    await model.reassign();
    expect(model.busy.value).toBeNull();
    expect(model.outcome.value).toEqual({ kind: "done", ownerName: "Carla Closer" });
  });

  it("sends one change when asked twice", async () => {
    const { model, posts, permitCalls } = await setup({ post: CHANGED, permits: () => ALLOWED });
    model.choose(CARLA);
    await settle();
    await Promise.all([model.reassign(), model.reassign()]);
    expect(posts()).toHaveLength(1);
    expect(permitCalls()).toHaveLength(2);
  });

  it("sends nothing without a chosen user", async () => {
    const { model, calls } = await setup({ permits: () => ALLOWED });
    const before = calls.length;
    await model.reassign();
    expect(calls).toHaveLength(before);
  });

  it("sends nothing when the record's lock blocks change_owner", async () => {
    const { model, calls } = await setup({
      permits: () => ALLOWED,
      lock: { status: "ready", value: { kind: "locked", lock: { id: IDS.lock, source: "manual" } } },
      restrictions: restrictionsBlocking(["update", "change_owner"], false),
    });
    expect(model.gate.value).toEqual({ kind: "blocked", reason: "locked" });
    model.choose(CARLA);
    await settle();
    expect(model.canReassign.value).toBe(false);
    const before = calls.length;
    await model.reassign();
    expect(calls).toHaveLength(before);
    expect(model.outcome.value).toBeNull();
  });

  it("sends nothing when the profile lacks the Change Owner permission", async () => {
    const { model, posts } = await setup({ permits: () => ALLOWED, canChangeOwner: false });
    expect(model.gate.value).toEqual({ kind: "blocked", reason: "noPermission" });
    model.choose(CARLA);
    await settle();
    await model.reassign();
    expect(posts()).toEqual([]);
  });

  it("reassigns an exempt user on a locked record", async () => {
    const { model, posts } = await setup({
      post: CHANGED,
      permits: () => ALLOWED,
      lock: { status: "ready", value: { kind: "locked", lock: { id: IDS.lock, source: "manual" } } },
      restrictions: restrictionsBlocking(["update", "change_owner"], true),
    });
    model.choose(CARLA);
    await settle();
    await model.reassign();
    expect(posts()).toHaveLength(1);
  });

  it("sends without a re-check once thresholds are known not to apply", async () => {
    const { model, posts, permitCalls } = await setup({ post: CHANGED, permits: () => NOT_SUPPORTED });
    model.choose(CARLA);
    await settle();
    expect(model.chosenCapacity.value).toEqual({ kind: "notApplicable", why: "module" });
    await model.reassign();
    expect(permitCalls()).toHaveLength(1);
    expect(posts()).toHaveLength(1);
    expect(model.outcome.value).toEqual({ kind: "done", ownerName: "Carla Closer" });
  });
});
