import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import en from "../../app/translations/en.json";
import type { RawAnswer } from "../../widget-src/crm/decode";
import { fail, type CrmResult } from "../../widget-src/crm/result";
import { OwnerChangeModel } from "../../widget-src/features/owner-change/model";
import OwnerBody from "../../widget-src/features/owner-change/OwnerBody";
import { OwnerPanel } from "../../widget-src/features/owner-change/OwnerPanel";
import { RecordLockModel } from "../../widget-src/features/record-lock/model";
import { RecordSummaryModel } from "../../widget-src/features/record-summary/model";
import { SessionModel } from "../../widget-src/features/session/model";
import { UserDirectoryModel } from "../../widget-src/features/user-directory/model";
import { answer, noContent, restScript, type Scripted, maybe } from "../support/fake-crm";
import { IDS, createFakePort } from "../support/fake-port";
import { STANDARD_PROFILE, configBody, manualLockBody, profileBody } from "../support/lock-fixtures";

afterEach(cleanup);

const LOCK = `/Deals/${IDS.record}/Locking_Information__s`;
const CONFIG = "/settings/record_locking_configurations";
const PROFILE = `/settings/profiles/${IDS.standardProfile}`;
const PERMIT = `/Deals/${IDS.record}/actions/permit_threshold`;
const CHANGE = `/Deals/${IDS.record}/actions/change_owner`;
const HOSTILE = `<img src=x onerror=alert(1)>`;

const SALES = { id: "5725767000000302001", name: "Sales Rep" };
const SUPPORT = { id: "5725767000000302002", name: "Support" };
const CARLA = "5725767000000101009";
const DAN = "5725767000000101010";
const IVY = "5725767000000101021";
const HOSTILE_ID = "5725767000000101026";
const NORA = "5725767000000101012";
const PAT = "5725767000000101013";

const person = (id: string, full_name: string, email: string, role = SALES, status = "active") => ({
  id,
  full_name,
  email,
  status,
  confirm: true,
  role,
});
const users = answer({
  users: [
    person(IDS.owner, "Bo Owner", "bo@example.com"),
    person(IDS.user, "Sam Standard", "sam@example.com", SUPPORT),
    person(CARLA, "Carla Closer", "carla@example.com"),
    person(DAN, "Dan Denied", "dan@example.com"),
    person(IVY, "Ivy Inactive", "ivy@example.com", SALES, "inactive"),
    person(HOSTILE_ID, HOSTILE, "x@example.com", SUPPORT),
    person(NORA, "Nora Nolimit", "nora@example.com", SUPPORT),
    person(PAT, "Pat Private", "pat@example.com", SUPPORT),
  ],
  info: { more_records: false },
});

const permitBody = (allow: boolean, reason: string, remaining = 0) =>
  answer({ permit_threshold: { allow, reason, remaining_allow_count: remaining } });
const PERMITS: Record<string, CrmResult<RawAnswer>> = {
  [IDS.user]: permitBody(true, "RECORD_ALLOWED", 3),
  [CARLA]: permitBody(true, "RECORD_ALLOWED", 8),
  [DAN]: permitBody(false, "RECORD_DENIED_BY_BACKLOG"),
  [HOSTILE_ID]: permitBody(true, "RECORD_ALLOWED", 1),
  [NORA]: permitBody(true, "NO_RESTRICTION"),
  [PAT]: fail("NO_PERMISSION", "permission denied", {}, 403),
};

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

function setup(routes: Record<string, Scripted[]> = {}, options: { canChangeOwner?: boolean } = {}) {
  const scripted = restScript({
    // Read once the section opens; a test of the closed section expects neither.
    "GET /users": maybe(users),
    [`GET ${PROFILE}`]: maybe(answer(ownerProfileBody(options.canChangeOwner ?? true))),
    [`GET ${CONFIG}`]: [answer(configBody())],
    [`GET ${LOCK}`]: [noContent()],
    ...routes,
  });
  const fake = createFakePort({
    rest: (call) =>
      call.method === "GET" && call.path === PERMIT
        ? Promise.resolve(PERMITS[call.options.query?.owner_id ?? ""] ?? fail("INTERNAL_ERROR", "unexpected owner", {}, 500))
        : scripted.rest(call),
  });
  const session = new SessionModel(fake.port);
  const summary = new RecordSummaryModel(fake.port, "Deals", IDS.record);
  const lock = new RecordLockModel(fake.port, session, "Deals", IDS.record);
  const directory = new UserDirectoryModel(fake.port);
  const model = new OwnerChangeModel({
    port: fake.port,
    session,
    record: summary.record,
    reloadRecord: summary.load,
    lock: lock.lock,
    restrictions: lock.restrictionsLoad,
    module: "Deals",
    recordId: IDS.record,
  });
  void session.load();
  void summary.load();
  void lock.load();
  render(<OwnerPanel open={async () => ({ model, directory, Body: OwnerBody })} session={session} />);
  const permitsAsked = () => fake.calls.filter((call) => call.path === PERMIT).map((call) => call.options.query?.owner_id);
  return { ...fake, model, unexpected: scripted.unexpected, permitsAsked };
}

/** Opens the card: its header is the button. */
const open = () => fireEvent.click(screen.getByRole("button", { name: en["owner.heading"] }));

async function search(text: string) {
  const box = await screen.findByLabelText<HTMLInputElement>(en["owner.search"]);
  await waitFor(() => expect(box.disabled).toBe(false));
  fireEvent.input(box, { target: { value: text } });
}

const row = (name: string | RegExp) => screen.findByRole("button", { name: typeof name === "string" ? new RegExp(`^${name}`) : name });

describe("owner panel", () => {
  it("reads nothing about owners until opened", () => {
    const { calls } = setup();
    expect(screen.getByRole("heading", { name: en["owner.heading"] })).toBeTruthy();
    expect(screen.getByRole("button", { name: en["owner.heading"] }).getAttribute("aria-expanded")).toBe("false");
    expect(calls.filter((call) => call.path === "/users" || call.path === PERMIT)).toEqual([]);
    expect(screen.queryByLabelText(en["owner.search"])).toBeNull();
  });

  it("suggests you and the owner's colleagues when opened, with their capacity", async () => {
    const { permitsAsked, unexpected } = setup();
    open();
    expect(await screen.findByText(en["owner.suggested"])).toBeTruthy();
    const list = await screen.findByRole("list", { name: en["owner.results"] });
    const suggested = ["Sam Standard", "Carla Closer", "Dan Denied"];
    await waitFor(() => {
      const rows = [...list.querySelectorAll("button")].map((button) => button.textContent ?? "");
      expect(rows).toHaveLength(suggested.length);
      suggested.forEach((name, index) => expect(rows[index]?.startsWith(name)).toBe(true));
    });
    await waitFor(async () => expect((await row("Sam Standard")).textContent).toContain("3 more allowed"));
    await waitFor(async () => expect((await row("Carla Closer")).textContent).toContain("8 more allowed"));
    expect(screen.queryByRole("button", { name: /^Bo Owner/ })).toBeNull();
    expect([...permitsAsked()].sort()).toEqual([IDS.user, CARLA, DAN].sort());
    expect(unexpected).toEqual([]);
  });

  it("shows each found user's capacity beside their name", async () => {
    setup();
    open();
    await search("carla");
    await waitFor(async () => expect((await row("Carla Closer")).textContent).toContain("8 more allowed"));
    await search("nora");
    await waitFor(async () => expect((await row("Nora Nolimit")).textContent).toContain(en["owner.badge.noRestriction"]));
  });

  it("keeps Reassign disabled for a user who cannot take the record, and says why", async () => {
    const { calls } = setup();
    open();
    await search("dan");
    const dan = await row("Dan Denied");
    await waitFor(() => expect(dan.textContent).toContain(en["owner.badge.denied.backlog"]));
    fireEvent.click(dan);
    expect(await screen.findByText("New owner: Dan Denied")).toBeTruthy();
    const reassign = screen.getByRole<HTMLButtonElement>("button", { name: en["owner.reassign"] });
    expect(reassign.disabled).toBe(true);
    expect(screen.getByRole("alert").textContent).toBe(en["owner.capacity.denied.backlog"]);
    fireEvent.click(reassign);
    expect(calls.filter((call) => call.method === "POST")).toEqual([]);
  });

  it("disables an inactive user's row, says why, and does not check their capacity", async () => {
    const { permitsAsked } = setup();
    open();
    await search("ivy");
    const ivy = await row("Ivy Inactive");
    expect(ivy.hasAttribute("disabled")).toBe(true);
    expect(ivy.textContent).toContain(en["owner.blocked.inactive"]);
    expect(permitsAsked()).not.toContain(IVY);
  });

  it("disables the current owner's row", async () => {
    setup();
    open();
    await search("bo owner");
    const bo = await row("Bo Owner");
    expect(bo.hasAttribute("disabled")).toBe(true);
    expect(bo.textContent).toContain(en["owner.blocked.currentOwner"]);
  });

  it("says the lock blocks the change, and offers no search, when the record is locked for change_owner", async () => {
    const { calls } = setup({ [`GET ${LOCK}`]: [answer(manualLockBody("Quarter closed"))] });
    open();
    expect((await screen.findByTestId("owner-blocked")).textContent).toBe(en["owner.cannot.locked"]);
    expect(screen.queryByLabelText(en["owner.search"])).toBeNull();
    expect(screen.queryByRole("button", { name: en["owner.reassign"] })).toBeNull();
    expect(calls.filter((call) => call.path === PERMIT)).toEqual([]);
  });

  it("says the profile lacks the permission, and offers no search", async () => {
    setup({}, { canChangeOwner: false });
    open();
    expect((await screen.findByTestId("owner-blocked")).textContent).toBe(en["owner.cannot.noPermission"]);
    expect(screen.queryByLabelText(en["owner.search"])).toBeNull();
  });

  it("renders hostile names as text, in the list and once chosen", async () => {
    setup();
    open();
    await search("x@example");
    const hostile = await row(new RegExp(`^${HOSTILE.replace(/[()]/g, "\\$&")}`));
    expect(hostile.textContent?.startsWith(`${HOSTILE}x@example.com`)).toBe(true);
    fireEvent.click(hostile);
    expect(await screen.findByText(`New owner: ${HOSTILE}`)).toBeTruthy();
    expect(document.querySelector("img")).toBeNull();
    expect(document.querySelector("[onerror]")).toBeNull();
  });

  it("reassigns after checking again, then says who the owner is now", async () => {
    const { calls } = setup({ [`POST ${CHANGE}`]: [answer({ data: [{ code: "SUCCESS", status: "success", message: "ok", details: { id: IDS.record } }] })] });
    open();
    await search("carla");
    const carla = await row("Carla Closer");
    await waitFor(() => expect(carla.textContent).toContain("8 more allowed"));
    fireEvent.click(carla);
    const reassign = await screen.findByRole<HTMLButtonElement>("button", { name: en["owner.reassign"] });
    await waitFor(() => expect(reassign.disabled).toBe(false));
    const checksBefore = calls.filter((call) => call.path === PERMIT).length;
    fireEvent.click(reassign);
    expect(await screen.findByText(/^Carla Closer is now the owner/)).toBeTruthy();
    expect(calls.filter((call) => call.path === PERMIT).length).toBe(checksBefore + 1);
    expect(calls.filter((call) => call.method === "POST").map((call) => call.options.body)).toEqual([
      { owner: { id: CARLA }, notify: true },
    ]);
  });

  it("explains a check that failed for lack of permission, and keeps Reassign off", async () => {
    setup();
    open();
    await search("pat");
    fireEvent.click(await row("Pat Private"));
    expect(await screen.findByText(en["error.NO_PERMISSION.threshold"])).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>("button", { name: en["owner.reassign"] }).disabled).toBe(true);
    expect(screen.getByTestId("chosen-owner").textContent).toContain(en["owner.badge.failed"]);
  });
});
