import { signal } from "@preact/signals";
import { describe, expect, it, vi } from "vitest";
import type { RecordSummary } from "../../widget-src/api/records";
import type { ShareEntry } from "../../widget-src/api/share";
import { fail } from "../../widget-src/crm/result";
import { RecordShareModel } from "../../widget-src/features/record-share/model";
import { SessionModel } from "../../widget-src/features/session/model";
import type { Load } from "../../widget-src/ui/load";
import { answer, restScript, type Scripted } from "../support/fake-crm";
import { IDS, createFakePort } from "../support/fake-port";
import { STANDARD_PROFILE, profileBody } from "../support/lock-fixtures";

const SHARE = `/Deals/${IDS.record}/actions/share`;
const carla = { id: "5725767000000101009", name: "Carla", type: "users" as const };
const dan = { id: "5725767000000101010", name: "Dan", type: "users" as const };
const eva = { id: "5725767000000101011", name: "Eva", type: "users" as const };

const entry = (target: typeof carla, permission = "read_only") => ({
  shared_with: target,
  permission,
  share_related_records: false,
  type: "private",
  shared_through: { module: { api_name: "Deals", id: "1" }, id: IDS.record, name: "Deal" },
});
const sharesBody = (...entries: unknown[]) => answer({ share: entries });
const shared = answer({ share: [{ code: "SUCCESS", status: "success", message: "record will be shared successfully", details: {} }] });
const revoked = answer({ share: { code: "SUCCESS", status: "success", message: "Sharing Revoked", details: { id: IDS.record } } });
const scheduler = fail("INVALID_DATA", "Scheduler is running", {}, 400);

const PROFILE = `/settings/profiles/${IDS.standardProfile}`;
const groupsBody = answer({ user_groups: [{ id: "5725767000000301001", name: "EMEA Team" }], info: { more_records: false } });
const rolesBody = answer({ roles: [{ id: "5725767000000302001", name: "Sales Manager", display_label: "Sales Manager" }] });

function setup(routes: Record<string, Scripted[]>, options: { canShare?: boolean; ownerId?: string } = {}) {
  const { rest, unexpected } = restScript({
    [`GET ${PROFILE}`]: [answer(profileBody(STANDARD_PROFILE, false, "Deals", options.canShare ?? true))],
    "GET /settings/user_groups": [groupsBody],
    "GET /settings/roles": [rolesBody],
    ...routes,
  });
  const fake = createFakePort({ rest });
  const waits: number[] = [];
  const session = new SessionModel(fake.port);
  void session.load();
  const record = signal<Load<RecordSummary>>({
    status: "ready",
    value: { id: IDS.record, module: "Deals", name: "Deal", owner: { id: options.ownerId ?? IDS.owner, name: "Bo Owner" } },
  });
  const model = new RecordShareModel({
    port: fake.port,
    session,
    record,
    module: "Deals",
    recordId: IDS.record,
    timing: {
      jobPollMs: [10, 20, 30],
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    },
  });
  const puts = () => fake.calls.filter((call) => call.method === "PUT").map((call) => call.options.body);
  return { model, calls: fake.calls, unexpected, waits, puts };
}

const ids = (list: ShareEntry[]) => list.map((share) => share.sharedWith?.id);

describe("share model", () => {
  it("sends the latest list plus exactly the edits, then shows the re-read list", async () => {
    const { model, puts } = setup({
      [`GET ${SHARE}`]: [sharesBody(entry(carla), entry(dan)), sharesBody(entry(carla), entry(dan)), sharesBody(entry(carla, "full_access"), entry(eva))],
      [`PUT ${SHARE}`]: [shared],
    });
    await model.load();
    model.change(carla.id, { permission: "full_access" });
    model.remove(dan.id);
    model.add([eva], "read_write", true);
    expect(model.diff.value.added.map((e) => e.sharedWith?.id)).toEqual([eva.id]);
    expect(model.diff.value.removed.map((e) => e.sharedWith?.id)).toEqual([dan.id]);
    expect(model.diff.value.changed.map((c) => c.after.permission)).toEqual(["full_access"]);
    await model.sendEdits();
    expect(puts()).toEqual([
      {
        share: [
          { shared_with: { id: carla.id, type: "users" }, permission: "full_access", share_related_records: false, type: "private" },
          { shared_with: { id: eva.id, type: "users" }, permission: "read_write", share_related_records: true, type: "private" },
        ],
        notify: false,
      },
    ]);
    expect(model.outcome.value).toEqual({ kind: "done", what: "shared" });
    expect(model.edits.value).toEqual([]);
    expect(model.shares.value.status === "ready" && ids(model.shares.value.value)).toEqual([carla.id, eva.id]);
  });

  it("does not send, and keeps the edits, when someone else changed the shares meanwhile", async () => {
    const { model, puts } = setup({
      [`GET ${SHARE}`]: [sharesBody(entry(carla), entry(dan)), sharesBody(entry(carla))],
    });
    await model.load();
    model.add([eva], "read_only", false);
    await model.sendEdits();
    expect(puts()).toEqual([]);
    expect(model.outcome.value).toEqual({ kind: "conflict" });
    expect(model.edits.value).toHaveLength(1);
    // Dan was removed elsewhere: the list to send no longer brings him back.
    expect(ids(model.intended.value)).toEqual([carla.id, eva.id]);
  });

  it("refuses to send over the limit of 10 users", async () => {
    const ten = Array.from({ length: 10 }, (_, i) => entry({ id: `57257670000001020${String(i).padStart(2, "0")}`, name: `U${i}`, type: "users" }));
    const { model, calls } = setup({ [`GET ${SHARE}`]: [sharesBody(...ten)] });
    await model.load();
    model.add([eva], "read_only", false);
    expect(model.problems.value).toEqual([{ type: "users", count: 11, limit: 10 }]);
    await model.sendEdits();
    expect(calls.filter((call) => call.method !== "GET")).toEqual([]);
  });

  it("waits while Zoho's share job runs, then shows the result", async () => {
    const { model, waits } = setup({
      [`GET ${SHARE}`]: [scheduler, scheduler, sharesBody(entry(carla))],
    });
    await model.load();
    expect(waits).toEqual([10, 20]);
    expect(model.shares.value.status).toBe("ready");
  });

  it("says the job is still running after the bounded wait, never 'no shares'", async () => {
    const { model, waits } = setup({ [`GET ${SHARE}`]: [scheduler] });
    await model.load();
    expect(waits).toEqual([10, 20, 30]);
    expect(model.shares.value).toMatchObject({ status: "error", error: { message: "Scheduler is running" } });
  });

  it("offers to share without notifying when the org cannot notify", async () => {
    const { model, puts } = setup({
      [`GET ${SHARE}`]: [sharesBody(entry(carla))],
      [`PUT ${SHARE}`]: [fail("NOT_ALLOWED", "feeds disabled", {}, 403), shared],
    });
    await model.load();
    model.setNotify(true);
    model.add([dan], "read_only", false);
    await model.sendEdits();
    expect(model.outcome.value).toMatchObject({ kind: "failed", canRetryWithoutNotify: true });
    await model.sendEdits({ withoutNotify: true });
    expect(puts().map((body) => (body as { notify: boolean }).notify)).toEqual([true, false]);
    expect(model.outcome.value).toEqual({ kind: "done", what: "shared" });
  });

  it("revokes all with DELETE, and sends DELETE when every share is removed", async () => {
    const { model, calls } = setup({
      [`GET ${SHARE}`]: [sharesBody(entry(carla)), sharesBody(entry(carla)), answer(undefined, 204)],
      [`DELETE ${SHARE}`]: [revoked],
    });
    await model.load();
    model.remove(carla.id);
    await model.sendEdits();
    expect(calls.filter((call) => call.method !== "GET").map((call) => call.method)).toEqual(["DELETE"]);
    expect(model.outcome.value).toEqual({ kind: "done", what: "revoked" });
  });

  it("never sends twice when asked twice", async () => {
    const { model, puts } = setup({
      [`GET ${SHARE}`]: [sharesBody(entry(carla))],
      [`PUT ${SHARE}`]: [shared],
    });
    await model.load();
    model.add([dan], "read_only", false);
    await Promise.all([model.sendEdits(), model.sendEdits()]);
    expect(puts()).toHaveLength(1);
  });

  it("reads the shares again after a send that timed out, and drops the edits when the change was applied", async () => {
    const timeout = fail("TIMEOUT", "PUT got no answer in 15000 ms", { ms: 15_000 });
    const { model, puts } = setup({
      // Load, the read before the send, then the read after the timeout: Dan is there.
      [`GET ${SHARE}`]: [sharesBody(entry(carla)), sharesBody(entry(carla)), sharesBody(entry(carla), entry(dan))],
      [`PUT ${SHARE}`]: [timeout],
    });
    await model.load();
    model.add([dan], "read_only", false);
    await model.sendEdits();
    expect(puts()).toHaveLength(1);
    expect(model.outcome.value).toMatchObject({ kind: "failed", error: { code: "TIMEOUT" } });
    expect(model.shares.value.status === "ready" && ids(model.shares.value.value)).toEqual([carla.id, dan.id]);
    expect(model.edits.value).toEqual([]);
    expect(model.busy.value).toBeNull();
  });

  it("keeps the edits after a timed-out send that was not applied, and the next send is no conflict", async () => {
    const timeout = fail("TIMEOUT", "PUT got no answer in 15000 ms", { ms: 15_000 });
    const { model, puts } = setup({
      [`GET ${SHARE}`]: [sharesBody(entry(carla)), sharesBody(entry(carla)), sharesBody(entry(carla)), sharesBody(entry(carla)), sharesBody(entry(carla), entry(dan))],
      [`PUT ${SHARE}`]: [timeout, shared],
    });
    await model.load();
    model.add([dan], "read_only", false);
    await model.sendEdits();
    expect(model.edits.value).toHaveLength(1);
    expect(model.outcome.value).toMatchObject({ kind: "failed", error: { code: "TIMEOUT" } });
    await model.sendEdits();
    expect(puts()).toHaveLength(2);
    expect(model.outcome.value).toEqual({ kind: "done", what: "shared" });
  });

  it("does not read again after a send the CRM refused outright", async () => {
    const { model, calls } = setup({
      [`GET ${SHARE}`]: [sharesBody(entry(carla))],
      [`PUT ${SHARE}`]: [fail("INTERNAL_ERROR", "Internal Server Error", {}, 500)],
    });
    await model.load();
    model.add([dan], "read_only", false);
    await model.sendEdits();
    expect(calls.filter((call) => call.path === SHARE).map((call) => call.method)).toEqual(["GET", "GET", "PUT"]);
    expect(model.edits.value).toHaveLength(1);
  });

  it("switches to public with one public entry, listing the individual shares it replaces", async () => {
    const { model, puts } = setup({
      [`GET ${SHARE}`]: [sharesBody(entry(carla), entry(dan))],
      [`PUT ${SHARE}`]: [shared],
    });
    await model.load();
    model.setVisibility({ kind: "public", permission: "read_write", shareRelatedRecords: false });
    expect(model.visibilityChanged.value).toBe(true);
    expect(ids(model.diff.value.removed)).toEqual([carla.id, dan.id]);
    await model.sendEdits();
    expect(puts()).toEqual([{ share: [{ permission: "read_write", share_related_records: false, type: "public" }], notify: false }]);
  });

  it("switches back to private: the pending private list, or DELETE when nobody is left", async () => {
    const publicEntry = { permission: "read_only", share_related_records: false, type: "public", shared_with: null };
    const { model, calls, puts } = setup({
      [`GET ${SHARE}`]: [sharesBody(publicEntry), sharesBody(publicEntry), answer(undefined, 204)],
      [`DELETE ${SHARE}`]: [revoked],
    });
    await model.load();
    expect(model.visibility.value).toEqual({ kind: "public", permission: "read_only", shareRelatedRecords: false });
    model.setVisibility({ kind: "private" });
    await model.sendEdits();
    expect(puts()).toEqual([]);
    expect(calls.filter((call) => call.method !== "GET").map((call) => call.method)).toEqual(["DELETE"]);
    expect(model.visibility.value).toEqual({ kind: "private" });
  });

  it("choosing the current visibility again is no change", async () => {
    const { model } = setup({ [`GET ${SHARE}`]: [sharesBody(entry(carla))] });
    await model.load();
    model.setVisibility({ kind: "public", permission: "read_only", shareRelatedRecords: false });
    model.setVisibility({ kind: "private" });
    expect(model.hasChanges.value).toBe(false);
  });

  it("stops with a conflict when someone made the record public meanwhile", async () => {
    const publicEntry = { permission: "read_only", share_related_records: false, type: "public", shared_with: null };
    const { model, puts } = setup({ [`GET ${SHARE}`]: [sharesBody(entry(carla)), sharesBody(publicEntry)] });
    await model.load();
    model.add([dan], "read_only", false);
    await model.sendEdits();
    expect(puts()).toEqual([]);
    expect(model.outcome.value).toEqual({ kind: "conflict" });
    expect(model.edits.value).toHaveLength(1);
  });

  it("does nothing when the edits cancel out", async () => {
    const { model, calls } = setup({ [`GET ${SHARE}`]: [sharesBody(entry(carla))] });
    await model.load();
    model.add([dan], "read_only", false);
    model.remove(dan.id);
    await model.sendEdits();
    expect(calls.filter((call) => call.method !== "GET")).toEqual([]);
    expect(model.hasChanges.value).toBe(false);
  });

  it("blocks a user whose profile lacks the Share permission, before sending", async () => {
    const { model, calls } = setup({ [`GET ${SHARE}`]: [sharesBody(entry(carla))] }, { canShare: false });
    await model.load();
    await vi.waitFor(() => expect(model.ability.value).toEqual({ kind: "blocked", reason: "noPermission" }));
    model.add([dan], "read_only", false);
    await model.sendEdits();
    await model.revokeAll();
    expect(calls.filter((call) => call.method !== "GET")).toEqual([]);
  });

  it("lets the owner share without the Share permission", async () => {
    const { model } = setup({ [`GET ${SHARE}`]: [sharesBody(entry(carla))] }, { canShare: false, ownerId: IDS.user });
    await model.load();
    await vi.waitFor(() => expect(model.ability.value).toEqual({ kind: "allowed", unverified: false }));
  });

  it("loads groups and roles once, with the panel", async () => {
    const { model, calls } = setup({ [`GET ${SHARE}`]: [sharesBody(entry(carla))] });
    await model.load();
    await model.load();
    await vi.waitFor(() => expect(model.targetIndex.value.items.map((c) => c.target.type)).toEqual(["groups", "roles"]));
    const metadata = calls.filter((call) => call.path === "/settings/user_groups" || call.path === "/settings/roles");
    expect(metadata).toHaveLength(2);
    expect(calls.filter((call) => call.path.startsWith("/settings/profiles"))).toHaveLength(1);
  });

  it("keeps the picker usable when groups cannot be read, and tries again on the next load", async () => {
    const { model, calls } = setup({
      [`GET ${SHARE}`]: [sharesBody(entry(carla))],
      "GET /settings/user_groups": [fail("NO_PERMISSION", "no", {}, 403), groupsBody],
    });
    await model.load();
    await vi.waitFor(() => expect(model.groups.value.status).toBe("error"));
    expect(model.roles.value.status).toBe("ready");
    await model.load();
    await vi.waitFor(() => expect(model.groups.value.status).toBe("ready"));
    expect(calls.filter((call) => call.path === "/settings/user_groups")).toHaveLength(2);
  });
});
