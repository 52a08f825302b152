/**
 * The record popup's lock model against a strict fake CRM: what it reads,
 * what each action sends (and sends only once), and that what it shows
 * afterwards is read again from the CRM.
 */
import { describe, expect, it } from "vitest";
import { fail } from "../../widget-src/crm/result";
import { RecordLockModel } from "../../widget-src/features/record-lock/model";
import { SessionModel } from "../../widget-src/features/session/model";
import { answer, noContent, restScript, success, type Scripted } from "../support/fake-crm";
import { IDS, createFakePort } from "../support/fake-port";
import { STANDARD_PROFILE, configBody, manualLockBody, profileBody } from "../support/lock-fixtures";

const LOCK = `/Deals/${IDS.record}/Locking_Information__s`;
const CONFIG = "/settings/record_locking_configurations";
const PROFILE = `/settings/profiles/${IDS.standardProfile}`;

async function setup(routes: Record<string, Scripted[]>) {
  const { rest } = restScript({
    [`GET ${CONFIG}`]: [answer(configBody())],
    [`GET ${PROFILE}`]: [answer(profileBody(STANDARD_PROFILE, true))],
    ...routes,
  });
  const fake = createFakePort({ rest });
  const session = new SessionModel(fake.port);
  const model = new RecordLockModel(fake.port, session, "Deals", IDS.record);
  await model.load();
  const sent = () => fake.calls.filter((call) => call.method !== "GET").map(({ method, path, options }) => ({ method, path, body: options.body }));
  const lockReads = () => fake.calls.filter((call) => call.method === "GET" && call.path === LOCK).length;
  return { model, fake, sent, lockReads };
}

const reasonBody = (reason: string) => ({ data: [{ Locked_Reason__s: reason }] });

describe("the record lock model", () => {
  it("reads the lock, the configuration and the profile together, and offers a lock once all are in", async () => {
    const { model, fake } = await setup({ [`GET ${LOCK}`]: [noContent()] });
    expect(fake.calls.map((call) => `${call.method} ${call.path}`).sort()).toEqual([`GET ${CONFIG}`, `GET ${LOCK}`, `GET ${PROFILE}`].sort());
    expect(model.status.value).toEqual({ kind: "unlocked" });
    expect(model.settled.value).toBe(true);
    expect(model.offer.value).toEqual({ kind: "offer", unverified: false });
  });

  it("locks with the reason, then shows the lock as read again", async () => {
    const { model, sent, lockReads } = await setup({
      [`GET ${LOCK}`]: [noContent(), answer(manualLockBody("Audit hold"))],
      [`POST ${LOCK}`]: [success({ id: IDS.lock }, 201)],
    });
    expect(await model.lockRecord("Audit hold")).toBe(true);
    expect(sent()).toEqual([{ method: "POST", path: LOCK, body: reasonBody("Audit hold") }]);
    expect(lockReads()).toBe(2);
    expect(model.status.value).toMatchObject({ kind: "manual", lock: { reason: "Audit hold" } });
    expect(model.outcome.value).toEqual({ kind: "done", action: "lock" });
    expect(model.pending.value).toBeNull();
  });

  it("refuses a blank or too long reason before sending", async () => {
    const { model, sent } = await setup({ [`GET ${LOCK}`]: [noContent()] });
    expect(await model.lockRecord("   ")).toBe(false);
    expect(model.outcome.value).toEqual({ kind: "invalid", action: "lock", problem: "blank" });
    expect(await model.lockRecord("x".repeat(3001))).toBe(false);
    expect(model.outcome.value).toEqual({ kind: "invalid", action: "lock", problem: "tooLong" });
    expect(sent()).toEqual([]);
  });

  it("edits the reason of the current lock with PUT", async () => {
    const { model, sent } = await setup({
      [`GET ${LOCK}`]: [answer(manualLockBody("Old")), answer(manualLockBody("New"))],
      [`PUT ${LOCK}/${IDS.lock}`]: [success({ id: IDS.lock })],
    });
    expect(await model.editReason("New")).toBe(true);
    expect(sent()).toEqual([{ method: "PUT", path: `${LOCK}/${IDS.lock}`, body: reasonBody("New") }]);
    expect(model.status.value).toMatchObject({ kind: "manual", lock: { reason: "New" } });
  });

  it("unlocks the current lock with DELETE, then shows the record not locked", async () => {
    const { model, sent } = await setup({
      [`GET ${LOCK}`]: [answer(manualLockBody("Hold")), noContent()],
      [`DELETE ${LOCK}/${IDS.lock}`]: [success({ id: IDS.lock })],
    });
    expect(await model.unlock()).toBe(true);
    expect(sent()).toEqual([{ method: "DELETE", path: `${LOCK}/${IDS.lock}`, body: undefined }]);
    expect(model.status.value).toEqual({ kind: "unlocked" });
    expect(model.outcome.value).toEqual({ kind: "done", action: "unlock" });
  });

  it("sends nothing for an edit or an unlock when no lock is known", async () => {
    const { model, sent } = await setup({ [`GET ${LOCK}`]: [noContent()] });
    expect(await model.editReason("Anything")).toBe(false);
    expect(await model.unlock()).toBe(false);
    expect(sent()).toEqual([]);
  });

  it("sends one lock when asked again while the first is on its way", async () => {
    let answerPost!: () => void;
    const posted = new Promise<void>((resolve) => (answerPost = resolve));
    const { model, sent } = await setup({
      [`GET ${LOCK}`]: [noContent(), answer(manualLockBody("First"))],
      [`POST ${LOCK}`]: [() => posted.then(() => success({ id: IDS.lock }, 201))],
    });
    const first = model.lockRecord("First");
    expect(model.pending.value).toBe("lock");
    // A second click and an unlock while the lock is on its way: neither sends anything.
    const second = model.lockRecord("Second");
    const unlock = model.unlock();
    answerPost();
    expect(await first).toBe(true);
    expect(await second).toBe(false);
    expect(await unlock).toBe(false);
    expect(sent()).toEqual([{ method: "POST", path: LOCK, body: reasonBody("First") }]);
  });

  it("says a timed-out lock may or may not have landed, and reads the lock again instead of resending", async () => {
    const { model, sent, lockReads } = await setup({
      [`GET ${LOCK}`]: [noContent(), answer(manualLockBody("Slow network"))],
      [`POST ${LOCK}`]: [fail("TIMEOUT", "no answer", { ms: 15000, method: "POST" })],
    });
    expect(await model.lockRecord("Slow network")).toBe(false);
    expect(model.outcome.value).toMatchObject({ kind: "failed", action: "lock", error: { code: "TIMEOUT" } });
    expect(sent()).toHaveLength(1);
    // The lock did land: what is shown comes from the fresh read.
    expect(lockReads()).toBe(2);
    expect(model.status.value).toMatchObject({ kind: "manual", lock: { reason: "Slow network" } });
    expect(model.pending.value).toBeNull();
  });
});
