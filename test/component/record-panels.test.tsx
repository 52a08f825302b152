import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { LockPanel } from "../../widget-src/features/record-lock/LockPanel";
import { RecordLockModel } from "../../widget-src/features/record-lock/model";
import { RecordSummaryModel } from "../../widget-src/features/record-summary/model";
import { lockBadgeState } from "../../widget-src/features/record-lock/status";
import { RecordLoadError, RecordMeta, RecordName } from "../../widget-src/features/record-summary/RecordSummaryView";
import { LockBadge } from "../../widget-src/ui/LockBadge";
import { Shell } from "../../widget-src/ui/Screens";
import { SessionModel } from "../../widget-src/features/session/model";
import { fail, ok } from "../../widget-src/crm/result";
import { IDS, createFakePort, type FakePortScript } from "../support/fake-port";
import { answer, noContent, restScript, success, type Scripted, maybe } from "../support/fake-crm";
import { STANDARD_PROFILE, automaticLockBody, configBody, manualLockBody, profileBody } from "../support/lock-fixtures";

afterEach(cleanup);

const LOCK = `/Deals/${IDS.record}/Locking_Information__s`;
const CONFIG = "/settings/record_locking_configurations";
const PROFILE = `/settings/profiles/${IDS.standardProfile}`;

function setup(routes: Record<string, Scripted[]>, script: FakePortScript = {}) {
  const { rest, unexpected } = restScript({
    [`GET ${CONFIG}`]: [answer(configBody())],
    // The standard profile, unless the test's user has another.
    [`GET ${PROFILE}`]: maybe(answer(profileBody(STANDARD_PROFILE, true))),
    ...routes,
  });
  const fake = createFakePort({ ...script, rest });
  const session = new SessionModel(fake.port);
  const summary = new RecordSummaryModel(fake.port, "Deals", IDS.record);
  const lock = new RecordLockModel(fake.port, session, "Deals", IDS.record);
  // As the record popup composes them: the record and its lock badge in the header, the lock card under it.
  const Page = () => (
    <Shell title={<RecordName model={summary} />} subtitle={<RecordMeta model={summary} />} badge={<LockBadge state={lockBadgeState(lock.status.value)} />}>
      <RecordLoadError model={summary} />
      <LockPanel model={lock} session={session} />
    </Shell>
  );
  render(<Page />);
  void summary.load();
  void lock.load();
  const writes = () => fake.calls.filter((call) => call.method !== "GET");
  return { ...fake, lock, unexpected, writes };
}

const typeReason = (text: string) =>
  fireEvent.input(screen.getByLabelText("Reason (required)"), { target: { value: text } });

/** The value beside a label in the lock card's facts (Locked by, Since, Reason). */
const fact = async (label: string) => (await screen.findByText(label, { selector: "dt" })).nextElementSibling?.textContent;

/** Opens a lock action; its form loads on demand. */
const choose = async (action: string) => {
  fireEvent.click(await screen.findByRole("button", { name: action }));
  await screen.findByRole(action === "Unlock…" ? "alertdialog" : "textbox");
};

describe("record summary and lock status", () => {
  it("reads the record, the lock, the configuration and the profile in one go", async () => {
    const { calls, unexpected } = setup({ [`GET ${LOCK}`]: [noContent()] });
    expect(await screen.findByRole("heading", { level: 1, name: "A Deals record" })).toBeTruthy();
    expect(screen.getByText("Deals · Owner: Bo Owner")).toBeTruthy();
    expect(await screen.findByText("Not locked")).toBeTruthy();
    expect(screen.getByText(/This record is not locked/)).toBeTruthy();
    expect(calls.map((call) => `${call.method} ${call.path}`).sort()).toEqual(
      [`GET ${CONFIG}`, `GET ${LOCK}`, `GET ${PROFILE}`].sort(),
    );
    expect(calls.find((call) => call.path === CONFIG)?.options.query).toEqual({ module: "Deals" });
    expect(unexpected).toEqual([]);
  });

  it("shows a manual lock with who, why and when", async () => {
    setup({ [`GET ${LOCK}`]: [answer(manualLockBody("Quarter closed"))] });
    expect(await screen.findByText("Locked by hand")).toBeTruthy();
    expect(screen.getByText("Locked · manual")).toBeTruthy();
    expect(await fact("Locked by")).toBe("Ada Admin");
    expect(await fact("Reason")).toBe("Quarter closed");
    expect(await fact("Since")).toMatch(/May 4, 2026/);
  });

  it("names the rule of an automatic lock and explains it cannot be removed by hand", async () => {
    setup({ [`GET ${LOCK}`]: [answer(automaticLockBody())] });
    expect(await screen.findByText("Locked automatically by the rule “Closed Won deals”")).toBeTruthy();
    expect(screen.getByText("Locked · automatic")).toBeTruthy();
    expect(screen.getByText(/cannot be removed by hand/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Unlock/ })).toBeNull();
  });

  it("says so when the automatic lock's rule is gone from the configuration", async () => {
    setup({ [`GET ${LOCK}`]: [answer(automaticLockBody("5725767000000399999"))] });
    expect(await screen.findByText(/a rule that no longer exists/)).toBeTruthy();
  });

  it("renders hostile reasons, names and rule names as text", async () => {
    const hostile = "<img src=x onerror=alert(1)>";
    setup({
      [`GET ${LOCK}`]: [answer(manualLockBody(hostile, hostile))],
      [`GET ${CONFIG}`]: [answer(configBody({ locking_rules: [{ id: "1", name: hostile, criteria: {} }] }))],
    });
    expect(await fact("Reason")).toBe(hostile);
    expect(await fact("Locked by")).toBe(hostile);
    expect(document.querySelector("img")).toBeNull();
  });

  it("says 'unknown', never 'not locked', when the lock cannot be read, and offers no lock", async () => {
    setup({ [`GET ${LOCK}`]: [fail("INTERNAL_ERROR", "boom", {}, 500), answer(manualLockBody("Later"))] });
    expect(await screen.findByText("Lock status unknown")).toBeTruthy();
    expect(screen.getByText("Unknown")).toBeTruthy();
    expect(screen.queryByText("Not locked")).toBeNull();
    expect(screen.queryByRole("button", { name: "Lock…" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await fact("Reason")).toBe("Later");
  });

  it("keeps the lock status when only the record read fails", async () => {
    setup(
      { [`GET ${LOCK}`]: [answer(manualLockBody("Still here"))] },
      { record: () => Promise.resolve(fail("TIMEOUT", "late", { ms: 15000 })) },
    );
    expect(await screen.findByText(/did not answer within 15 seconds/)).toBeTruthy();
    expect(await fact("Reason")).toBe("Still here");
    // The title falls back to the widget's name, and the lock still shows.
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Record guard");
  });
});

describe("what a lock restricts", () => {
  it("lists blocked actions, editable fields, communication, buttons, portal users and exempt profiles", async () => {
    setup({ [`GET ${LOCK}`]: [answer(manualLockBody("x"))] });
    expect(await screen.findByText("What this lock restricts")).toBeTruthy();
    for (const action of ["Edit (always)", "Delete", "Change owner"]) expect(screen.getByText(action)).toBeTruthy();
    expect(screen.getByText("Closing Date")).toBeTruthy();
    expect(screen.getByText("Sending e-mail")).toBeTruthy();
    expect(screen.getByText("Send for signature")).toBeTruthy();
    expect(screen.getByText("Also blocked")).toBeTruthy();
    expect(screen.getByText("Administrator")).toBeTruthy();
    expect(await screen.findByText("The lock applies to you.")).toBeTruthy();
  });

  it("tells an exempt user so", async () => {
    const adminProfile = { id: IDS.adminProfile, name: "Administrator" };
    setup(
      {
        [`GET ${LOCK}`]: [answer(manualLockBody("x"))],
        [`GET /settings/profiles/${IDS.adminProfile}`]: [answer(profileBody(adminProfile, true))],
      },
      { user: () => Promise.resolve(ok({ users: [{ id: IDS.user, full_name: "Ada", profile: adminProfile }] })) },
    );
    expect(await screen.findByText(/You are exempt/)).toBeTruthy();
  });
});

describe("manual lock", () => {
  it("asks for a reason, sends one lock, then shows the status read again", async () => {
    const { writes, lock } = setup({
      [`GET ${LOCK}`]: [noContent(), answer(manualLockBody("Audit hold"))],
      [`POST ${LOCK}`]: [success({ id: IDS.lock }, 201)],
    });
    await choose("Lock…");
    fireEvent.click(screen.getByRole("button", { name: "Lock" }));
    expect(screen.getByText(/Enter a reason/)).toBeTruthy();
    expect(writes()).toHaveLength(0);
    typeReason("Audit hold");
    const submit = screen.getByRole("button", { name: "Lock" });
    fireEvent.click(submit);
    fireEvent.click(submit);
    await lock.lockRecord("Audit hold"); // a third attempt while the first is in flight
    expect(await fact("Reason")).toBe("Audit hold");
    expect(screen.getByText(/Record locked/)).toBeTruthy();
    expect(writes()).toEqual([
      { method: "POST", path: LOCK, options: { body: { data: [{ Locked_Reason__s: "Audit hold" }] } } },
    ]);
  });

  it("refuses a reason over 3000 characters before sending", async () => {
    const { writes } = setup({ [`GET ${LOCK}`]: [noContent()] });
    await choose("Lock…");
    typeReason("x".repeat(3001));
    expect(screen.getByText(/at most 3,000 characters/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Lock" }));
    expect(writes()).toHaveLength(0);
  });

  it("says someone else locked it meanwhile and shows their lock", async () => {
    setup({
      [`GET ${LOCK}`]: [noContent(), answer(manualLockBody("Theirs", "Mia Manager"))],
      [`POST ${LOCK}`]: [fail("NOT_ALLOWED", "already locked", {}, 403)],
    });
    await choose("Lock…");
    typeReason("Mine");
    fireEvent.click(screen.getByRole("button", { name: "Lock" }));
    expect(await screen.findByText(/Someone else locked this record in the meantime/)).toBeTruthy();
    expect(await fact("Locked by")).toBe("Mia Manager");
  });

  it("explains a timeout honestly and re-reads the status", async () => {
    const { calls } = setup({
      [`GET ${LOCK}`]: [noContent()],
      [`POST ${LOCK}`]: [fail("TIMEOUT", "late", { ms: 15000 })],
    });
    await choose("Lock…");
    typeReason("Slow");
    fireEvent.click(screen.getByRole("button", { name: "Lock" }));
    expect(await screen.findByText(/may or may not have been saved/)).toBeTruthy();
    expect(calls.filter((call) => call.method === "GET" && call.path === LOCK)).toHaveLength(2);
  });

  const blocked: Array<[string, Record<string, Scripted[]>, RegExp]> = [
    [
      "no configuration",
      { [`GET ${LOCK}`]: [fail("NOT_ALLOWED", "no config", {}, 400)], [`GET ${CONFIG}`]: [noContent()] },
      /the module has no record-locking configuration/,
    ],
    [
      "automatic only",
      { [`GET ${LOCK}`]: [noContent()], [`GET ${CONFIG}`]: [answer(configBody({ lock_type: "automatic" }))] },
      /only automatically/,
    ],
    [
      "no permission",
      { [`GET ${LOCK}`]: [noContent()], [`GET ${PROFILE}`]: [answer(profileBody(STANDARD_PROFILE, false))] },
      /not allowed to lock records/,
    ],
    [
      "an edition without the feature",
      {
        [`GET ${LOCK}`]: [fail("FEATURE_NOT_SUPPORTED", "", {}, 400)],
        [`GET ${CONFIG}`]: [fail("FEATURE_NOT_SUPPORTED", "", {}, 400)],
      },
      /edition does not include record locking/,
    ],
  ];

  it.each(blocked)("is not offered with %s, and says why", async (_, routes, why) => {
    setup(routes);
    expect(await screen.findByText(why)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Lock…" })).toBeNull();
  });

  it("is still offered, with a caveat, when the permission cannot be read", async () => {
    setup({ [`GET ${LOCK}`]: [noContent()], [`GET ${PROFILE}`]: [fail("NO_PERMISSION", "", {}, 403)] });
    expect(await screen.findByRole("button", { name: "Lock…" })).toBeTruthy();
    expect(screen.getByText(/Zoho CRM decides/)).toBeTruthy();
  });
});

describe("edit reason and unlock", () => {
  it("edits the reason with PUT and shows the re-read reason", async () => {
    const { writes } = setup({
      [`GET ${LOCK}`]: [answer(manualLockBody("Old")), answer(manualLockBody("New reason"))],
      [`PUT ${LOCK}/${IDS.lock}`]: [success({ id: IDS.lock })],
    });
    await choose("Edit reason");
    expect((screen.getByLabelText("Reason (required)") as HTMLTextAreaElement).value).toBe("Old");
    typeReason("New reason");
    fireEvent.click(screen.getByRole("button", { name: "Save reason" }));
    await waitFor(async () => expect(await fact("Reason")).toBe("New reason"));
    expect(writes()).toEqual([
      { method: "PUT", path: `${LOCK}/${IDS.lock}`, options: { body: { data: [{ Locked_Reason__s: "New reason" }] } } },
    ]);
  });

  it("keeps the typed reason when the CRM refuses the edit", async () => {
    setup({
      [`GET ${LOCK}`]: [answer(manualLockBody("Old"))],
      [`PUT ${LOCK}/${IDS.lock}`]: [fail("INTERNAL_ERROR", "boom", {}, 500)],
    });
    await choose("Edit reason");
    typeReason("Carefully written");
    fireEvent.click(screen.getByRole("button", { name: "Save reason" }));
    expect(await screen.findByText(/internal error/)).toBeTruthy();
    expect((screen.getByLabelText("Reason (required)") as HTMLTextAreaElement).value).toBe("Carefully written");
  });

  it("asks before unlocking; Escape cancels without sending", async () => {
    const { writes } = setup({ [`GET ${LOCK}`]: [answer(manualLockBody("Hold"))] });
    await choose("Unlock…");
    const dialog = screen.getByRole("alertdialog", { name: "Unlock this record?" });
    expect(document.activeElement?.textContent).toBe("Cancel");
    fireEvent.keyDown(dialog, { key: "Escape" });
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(writes()).toHaveLength(0);
  });

  it("unlocks after confirmation and shows the re-read status", async () => {
    const { writes } = setup({
      [`GET ${LOCK}`]: [answer(manualLockBody("Hold")), noContent()],
      [`DELETE ${LOCK}/${IDS.lock}`]: [success({ id: IDS.lock })],
    });
    await choose("Unlock…");
    fireEvent.click(screen.getByRole("button", { name: "Unlock" }));
    expect(await screen.findByText("Not locked")).toBeTruthy();
    expect(screen.getByText(/Record unlocked/)).toBeTruthy();
    expect(writes()).toEqual([{ method: "DELETE", path: `${LOCK}/${IDS.lock}`, options: {} }]);
  });

  it("explains a refused unlock of a lock that turned automatic, with the fresh status", async () => {
    setup({
      [`GET ${LOCK}`]: [answer(manualLockBody("Hold")), answer(automaticLockBody())],
      [`DELETE ${LOCK}/${IDS.lock}`]: [fail("NOT_ALLOWED", "automatic", {}, 403)],
    });
    await choose("Unlock…");
    fireEvent.click(screen.getByRole("button", { name: "Unlock" }));
    await waitFor(() => expect(screen.getByText(/set automatically by a rule and cannot be removed by hand/)).toBeTruthy());
    expect(screen.getByText("Locked automatically by the rule “Closed Won deals”")).toBeTruthy();
  });
});
