import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import en from "../../app/translations/en.json";
import type { RawAnswer } from "../../widget-src/crm/decode";
import { fail, ok, type CrmResult } from "../../widget-src/crm/result";
import PortalsView from "../../widget-src/features/portals/PortalsView";
import { SessionModel } from "../../widget-src/features/session/model";
import { IDS, createFakePort, type FakeCall } from "../support/fake-port";

afterEach(cleanup);

const PORTAL = "acmehub";
const CUSTOMER = "5725767000000800001";
const PARTNER = "5725767000000800002";
const SUPPLIER = "5725767000000800003";
const RESELLER = "5725767000000800004";
const HOSTILE = `<img src=x onerror=alert(1)>`;
const pid = (n: number) => `57257670000007${String(n).padStart(5, "0")}`;
const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (match, name: string) => (params[name] === undefined ? match : String(params[name])));

interface FakeUser {
  id: string;
  name: string;
  email: string;
  active: boolean;
  /** Has confirmed the portal invitation (default: yes). */
  confirmed?: boolean;
}
interface FakeType {
  id: string;
  name: string;
  module: string;
  isDefault?: boolean;
  users: FakeUser[];
  /** Answer no_of_users as this instead of the real count (e.g. null when the CRM leaves it out). */
  reportedCount?: unknown;
}

const people = (from: number, count: number): FakeUser[] =>
  Array.from({ length: count }, (_, i) => ({ id: pid(from + i), name: `Person ${from + i}`, email: `person${from + i}@example.com`, active: true }));

/** A small stateful portal: user types with their users; transfer, delete and status changes change it. */
function portalCrm(options: { portals?: string[]; types?: FakeType[]; managePortal?: boolean; refuseStatusChange?: boolean; portalsFailFirst?: boolean } = {}) {
  let portalReads = 0;
  const portals = options.portals ?? [PORTAL];
  const types: FakeType[] = options.types ?? [];
  const base = `/settings/portals/${PORTAL}/user_type`;
  const item = (message: string, details: Record<string, unknown>) => ({ code: "SUCCESS", status: "success", message, details });
  const rest = async (call: FakeCall): Promise<CrmResult<RawAnswer>> => {
    const query = call.options.query ?? {};
    const answer = (body: unknown) => ok({ status: 200, body });
    if (call.method === "GET" && call.path === `/settings/profiles/${IDS.standardProfile}`) {
      return answer({
        profiles: [
          {
            id: IDS.standardProfile,
            name: "Standard",
            permissions_details: [{ name: "Crm_Implied_Manage_Portal", display_label: "Manage Portal", module: null, enabled: options.managePortal ?? true }],
          },
        ],
      });
    }
    if (call.method === "GET" && call.path === "/settings/portals") {
      portalReads += 1;
      if (options.portalsFailFirst && portalReads === 1) return fail("INTERNAL_ERROR", "the portals could not be read", {}, 500);
      return portals.length === 0 ? ok({ status: 204, body: undefined }) : answer({ portals: portals.map((name) => ({ name, active: true })) });
    }
    if (call.method === "GET" && call.path === base) {
      return answer({
        user_type: types.map((type) => ({
          id: type.id,
          name: type.name,
          personality_module: { api_name: type.module, id: "5725767000000002179", plural_label: type.module },
          active: true,
          default: type.isDefault === true,
          no_of_users: "reportedCount" in type ? type.reportedCount : type.users.length,
        })),
      });
    }
    const typeMatch = call.path.match(/^\/settings\/portals\/acmehub\/user_type\/(\d+)(\/.*)?$/);
    const type = types.find((candidate) => candidate.id === typeMatch?.[1]);
    if (!typeMatch || !type) return fail("UNSCRIPTED", `${call.method} ${call.path}`);
    const rest = typeMatch[2] ?? "";
    if (call.method === "DELETE" && rest === "") {
      if (type.users.length > 0) return fail("INVALID_DATA", "the user type has users", {}, 400);
      types.splice(types.indexOf(type), 1);
      return answer({ user_type: [item("Portal user type deleted successfully.", { id: type.id })] });
    }
    if (call.method === "GET" && rest === "/users") {
      const matching = type.users.filter((user) => query.type === "AllUsers" || (query.type === "DeactiveUsers" && !user.active) || (query.type === "ActiveUsers" && user.active));
      const page = Number(query.page);
      const perPage = Number(query.per_page);
      const slice = matching.slice((page - 1) * perPage, page * perPage);
      if (slice.length === 0) return ok({ status: 204, body: undefined });
      return answer({
        users: slice.map((user) => ({ personality_id: user.id, name: user.name, email: user.email, active: user.active, confirm: user.confirmed !== false })),
        info: { per_page: perPage, count: slice.length, page, more_records: page * perPage < matching.length, total_count: matching.length },
      });
    }
    if (call.method === "POST" && rest === "/users/action/transfer") {
      const target = types.find((candidate) => candidate.id === query.transfer_To);
      if (!target) return fail("INVALID_DATA", "the target user type is invalid", {}, 400);
      const ids = String(query.personality_ids).split(",");
      const moved = type.users.filter((user) => ids.includes(user.id));
      type.users = type.users.filter((user) => !ids.includes(user.id));
      target.users.push(...moved);
      return answer({ users: ids.map((userId) => item("User has been transferred successfully", { personality_id: userId })) });
    }
    if (call.method === "DELETE" && rest === "/users") {
      const ids = String(query.personality_ids).split(",");
      type.users = type.users.filter((user) => !ids.includes(user.id));
      return answer({ users: ids.map((userId) => item("Portal user deleted successfully.", { personality_id: userId })) });
    }
    const change = rest.match(/^\/users\/(\d+)\/actions\/change_status$/);
    const user = type.users.find((candidate) => candidate.id === change?.[1]);
    if (call.method === "PUT" && user) {
      if (options.refuseStatusChange) return fail("NO_PERMISSION", "permission denied", {}, 403);
      user.active = query.active === "true";
      return answer({ change_status: [item("Status of the user changed successfully.", { personality_id: user.id })] });
    }
    return fail("UNSCRIPTED", `${call.method} ${call.path}`);
  };
  const fake = createFakePort({ rest });
  const session = new SessionModel(fake.port);
  render(<PortalsView port={fake.port} session={session} />);
  const calls = (method: string, suffix: string) => fake.calls.filter((call) => call.method === method && call.path.endsWith(suffix));
  return { ...fake, types, calls };
}

const standardTypes = (partnerUsers = 4): FakeType[] => [
  { id: CUSTOMER, name: "Customer", module: "Contacts", isDefault: true, users: people(1, 6) },
  { id: PARTNER, name: "Partner", module: "Contacts", users: people(101, partnerUsers) },
  { id: SUPPLIER, name: "Supplier", module: "Vendors", users: people(201, 1) },
  { id: RESELLER, name: "Reseller", module: "Contacts", users: [] },
];

const row = (id: string) => {
  const found = document.querySelector(`tr[data-user-type="${id}"]`);
  if (!(found instanceof HTMLElement)) throw new Error(`no row for ${id}`);
  return found;
};
const cells = (id: string) => [...row(id).querySelectorAll("td")].map((cell) => cell.textContent);
/** The live region of the screen: results are said there, one at a time. */
const live = () => {
  const regions = [...document.querySelectorAll('[aria-live="polite"]')];
  expect(regions).toHaveLength(1);
  return regions[0] as HTMLElement;
};

async function openUsers(name: string) {
  fireEvent.click(await screen.findByRole("button", { name: `Users of ${name}` }));
  return screen.findByTestId("portal-users");
}

describe("portals view", () => {
  it("says there is no portal yet, and reads no user types", async () => {
    const { calls } = portalCrm({ portals: [] });
    const empty = await screen.findByTestId("no-portals");
    expect(within(empty).getByText(en["portals.noneTitle"])).toBeTruthy();
    expect(within(empty).getByText(en["portals.none"])).toBeTruthy();
    expect(calls("GET", "/user_type")).toHaveLength(0);
    expect(screen.queryByTestId("user-types")).toBeNull();
  });

  it("shows a failed read of the portals as an error with Try again, never as 'no portal'", async () => {
    portalCrm({ types: standardTypes(), portalsFailFirst: true });
    const alert = await screen.findByRole("alert");
    expect(screen.queryByTestId("no-portals")).toBeNull();
    fireEvent.click(within(alert).getByRole("button", { name: en["app.retry"] }));
    expect(await screen.findByTestId("user-types")).toBeTruthy();
  });

  it("shows placeholders, not a bare spinner, while the portals load", async () => {
    portalCrm({ types: standardTypes() });
    expect(screen.getByRole("status").textContent).toBe(en["app.loading"]);
    expect(screen.getByRole("heading", { name: en["portals.heading"] })).toBeTruthy();
    await screen.findByTestId("user-types");
  });

  it("lists the user types with module, state and number of users", async () => {
    portalCrm({ types: standardTypes() });
    await screen.findByTestId("user-types");
    expect(screen.getByText(`Portal: ${PORTAL}`)).toBeTruthy();
    expect(cells(CUSTOMER).slice(0, 4)).toEqual(["Customer Default", "Contacts", "Active", "6"]);
    expect(cells(SUPPLIER).slice(0, 4)).toEqual(["Supplier", "Vendors", "Active", "1"]);
    // The default type cannot be deleted; the others can.
    expect(within(row(CUSTOMER)).queryByRole("button", { name: "Delete Customer…" })).toBeNull();
    expect(within(row(PARTNER)).getByRole("button", { name: "Delete Partner…" })).toBeTruthy();
    expect(screen.getByTestId("type-limit").textContent).toBe("4 of at most 5 user types");
  });

  it("gives each row short visible actions whose accessible names say which type, containing what is seen", async () => {
    portalCrm({ types: standardTypes() });
    await screen.findByTestId("user-types");
    const buttons = within(row(PARTNER)).getAllByRole("button");
    expect(buttons.map((button) => [button.textContent, button.getAttribute("aria-label")])).toEqual([
      [en["portals.action.users"], "Users of Partner"],
      [en["portals.action.edit"], "Edit Partner"],
      [en["portals.action.delete"], "Delete Partner…"],
    ]);
    // Speech users say what they see: the visible words are part of the name (WCAG 2.5.3).
    const words = (text: string | null) => (text ?? "").toLowerCase().replace(/[^\p{L}\p{N} ]/gu, "").trim();
    for (const button of document.querySelectorAll("tr[data-user-type] button")) {
      expect(words(button.getAttribute("aria-label"))).toContain(words(button.textContent));
    }
  });

  it("says the limit plainly and offers no new type when the portal has 5", async () => {
    const types = [...standardTypes(), { id: "5725767000000800005", name: "Agent", module: "Contacts", users: [] }];
    portalCrm({ types });
    await screen.findByTestId("user-types");
    expect(screen.getByTestId("type-limit").textContent).toBe(fill(en["portals.limitReached"], { limit: 5 }));
    expect(screen.queryByRole("button", { name: en["portals.newType"] })).toBeNull();
  });

  it("offers a new type below the limit", async () => {
    portalCrm({ types: standardTypes() });
    await screen.findByTestId("user-types");
    expect(screen.getByRole("button", { name: en["portals.newType"] })).toBeTruthy();
  });

  it("shows one result at a time: a delete replaces the earlier 'still has users'", async () => {
    portalCrm({ types: standardTypes() });
    await screen.findByTestId("user-types");
    fireEvent.click(screen.getByRole("button", { name: "Delete Partner…" }));
    await screen.findByTestId("type-has-users");
    fireEvent.click(screen.getByRole("button", { name: "Delete Reseller…" }));
    fireEvent.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Delete user type" }));
    await screen.findByText("User type Reseller deleted.");
    expect(screen.queryByTestId("type-has-users")).toBeNull();
    expect(live().textContent).toBe("User type Reseller deleted.");
  });

  it("offers a choice when the org has several portals", async () => {
    portalCrm({ portals: [PORTAL, "otherhub"], types: standardTypes() });
    await screen.findByTestId("user-types");
    const choice = screen.getByLabelText("Portal") as HTMLSelectElement;
    expect([...choice.options].map((option) => option.value)).toEqual([PORTAL, "otherhub"]);
    expect(choice.value).toBe(PORTAL);
  });

  it("shows an unreadable number of users as unknown and refuses to delete on it", async () => {
    const types = standardTypes();
    const partner = types[1];
    if (partner) partner.reportedCount = null;
    const { calls } = portalCrm({ types });
    await screen.findByTestId("user-types");
    expect(cells(PARTNER)[3]).toBe(en["portals.unknownCount"]);
    fireEvent.click(screen.getByRole("button", { name: "Delete Partner…" }));
    expect((await screen.findByTestId("type-has-users")).textContent).toBe(fill(en["portals.countUnknown"], { name: "Partner" }));
    expect(calls("DELETE", `/user_type/${PARTNER}`)).toHaveLength(0);
  });

  it("explains why a type with users is not deleted, without asking or sending", async () => {
    const { calls } = portalCrm({ types: standardTypes() });
    await screen.findByTestId("user-types");
    fireEvent.click(screen.getByRole("button", { name: "Delete Partner…" }));
    expect((await screen.findByTestId("type-has-users")).textContent).toBe(fill(en["portals.hasUsers#other"], { name: "Partner", count: 4 }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(screen.getByRole("button", { name: "Move its users…" })).toBeTruthy();
    expect(calls("DELETE", `/user_type/${PARTNER}`)).toHaveLength(0);
  });

  it("'Move its users…' selects everyone (over several pages) and offers only same-module types", async () => {
    const { calls } = portalCrm({ types: standardTypes(60) });
    await screen.findByTestId("user-types");
    fireEvent.click(screen.getByRole("button", { name: "Delete Partner…" }));
    fireEvent.click(await screen.findByRole("button", { name: "Move its users…" }));
    expect(await screen.findByRole("heading", { name: "Users of Partner" })).toBeTruthy();
    expect(screen.getByText(en["portals.moveAllHint"])).toBeTruthy();
    expect(await screen.findByText("60 selected")).toBeTruthy();
    expect(calls("GET", `/user_type/${PARTNER}/users`).filter((call) => call.options.query?.page === "2")).toHaveLength(1);
    const target = screen.getByLabelText("Move to") as HTMLSelectElement;
    expect([...target.options].map((option) => option.textContent)).toEqual(["Customer", "Reseller"]);
    fireEvent.change(target, { target: { value: RESELLER } });
    fireEvent.click(screen.getByRole("button", { name: "Move 60 users" }));
    expect((await screen.findByTestId("portal-run-summary")).textContent).toBe(fill(en["portals.summary.transfer"], { done: 60, failed: 0 }));
    const transfers = calls("POST", `/user_type/${PARTNER}/users/action/transfer`);
    expect(transfers.map((call) => call.options.query?.transfer_To)).toEqual([RESELLER]);
    expect(String(transfers[0]?.options.query?.personality_ids).split(",")).toHaveLength(60);
  });

  it("after moving everyone, the type shows 0 users and no stale 'still has users' notice", async () => {
    portalCrm({ types: standardTypes() });
    await screen.findByTestId("user-types");
    fireEvent.click(screen.getByRole("button", { name: "Delete Partner…" }));
    fireEvent.click(await screen.findByRole("button", { name: "Move its users…" }));
    fireEvent.click(await screen.findByRole("button", { name: "Move 4 users" }));
    await screen.findByTestId("portal-run-summary");
    fireEvent.click(screen.getByRole("button", { name: "Back to user types" }));
    await waitFor(() => expect(cells(PARTNER)[3]).toBe("0"));
    expect(screen.queryByTestId("type-has-users")).toBeNull();
  });

  it("asks before deleting a type without users, then deletes it", async () => {
    const { calls } = portalCrm({ types: standardTypes() });
    await screen.findByTestId("user-types");
    fireEvent.click(screen.getByRole("button", { name: "Delete Reseller…" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText("Delete the user type Reseller?")).toBeTruthy();
    expect(within(dialog).getByText(en["portals.deleteTypeBody"])).toBeTruthy();
    expect(calls("DELETE", `/user_type/${RESELLER}`)).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole("button", { name: "Delete user type" }));
    expect(await screen.findByText("User type Reseller deleted.")).toBeTruthy();
    expect(calls("DELETE", `/user_type/${RESELLER}`)).toHaveLength(1);
    expect(document.querySelector(`tr[data-user-type="${RESELLER}"]`)).toBeNull();
  });

  it("says when the profile lacks the Manage Portal permission", async () => {
    portalCrm({ types: standardTypes(), managePortal: false });
    expect(await screen.findByText(en["portals.cannotManage"])).toBeTruthy();
  });

  it("does not say so when the profile has it", async () => {
    const { calls } = portalCrm({ types: standardTypes(), managePortal: true });
    await screen.findByTestId("user-types");
    await waitFor(() => expect(calls("GET", `/settings/profiles/${IDS.standardProfile}`)).toHaveLength(1));
    expect(screen.queryByText(en["portals.cannotManage"])).toBeNull();
  });
});

describe("users of a type", () => {
  it("deactivates a user and then offers to activate them", async () => {
    const { calls } = portalCrm({ types: standardTypes() });
    await openUsers("Customer");
    fireEvent.click(screen.getByRole("button", { name: "Deactivate Person 1" }));
    expect(await screen.findByRole("button", { name: "Activate Person 1" })).toBeTruthy();
    const put = calls("PUT", `/users/${pid(1)}/actions/change_status`);
    expect(put.map((call) => call.options.query)).toEqual([{ active: "false" }]);
    const person = document.querySelector(`tr[data-personality="${pid(1)}"]`) as HTMLElement;
    expect(within(person).getByText(en["portals.badge.inactive"])).toBeTruthy();
    expect(within(person).queryByText(en["portals.badge.active"])).toBeNull();
    // Said in the live region, since the user may leave a filtered list.
    expect(live().textContent).toBe("Person 1 is inactive now.");
  });

  it("shows each user's state as badges: active or inactive, and unconfirmed", async () => {
    const types = standardTypes();
    const [first, second] = types[0]?.users ?? [];
    if (first) first.confirmed = false;
    if (second) second.active = false;
    portalCrm({ types });
    await openUsers("Customer");
    const status = (id: string) => document.querySelector(`tr[data-personality="${id}"]`)?.querySelectorAll("td")[3]?.textContent;
    expect(status(pid(1))).toBe(`${en["portals.badge.active"]}${en["portals.badge.unconfirmed"]}`);
    expect(status(pid(2))).toBe(en["portals.badge.inactive"]);
    expect(status(pid(3))).toBe(en["portals.badge.active"]);
  });

  it("says in the live region whom a refused status change concerns, and keeps the user as they were", async () => {
    portalCrm({ types: standardTypes(), refuseStatusChange: true });
    await openUsers("Customer");
    fireEvent.click(screen.getByRole("button", { name: "Deactivate Person 1" }));
    await waitFor(() => expect(live().textContent).toContain("Person 1 was not deactivated."));
    expect(within(live()).getByRole("alert")).toBeTruthy();
    expect(await screen.findByRole("button", { name: "Deactivate Person 1" })).toBeTruthy();
  });

  it("shows one result at a time: a status change replaces the report of a removal", async () => {
    portalCrm({ types: standardTypes() });
    await openUsers("Customer");
    fireEvent.click(screen.getByRole("checkbox", { name: "Select Person 1" }));
    fireEvent.click(screen.getByRole("button", { name: "Delete 1 from the portal…" }));
    fireEvent.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Remove from portal" }));
    await screen.findByTestId("portal-run-summary");
    expect(screen.getByTestId("portal-run-results")).toBeTruthy();
    fireEvent.click(await screen.findByRole("button", { name: "Deactivate Person 2" }));
    await waitFor(() => expect(live().textContent).toBe("Person 2 is inactive now."));
    expect(screen.queryByTestId("portal-run-summary")).toBeNull();
    expect(screen.queryByTestId("portal-run-results")).toBeNull();
  });

  it("pages through many users; a single page has no paging buttons", async () => {
    const { calls } = portalCrm({ types: standardTypes(60) });
    await openUsers("Partner");
    const previous = screen.getByRole("button", { name: en["portals.previous"] }) as HTMLButtonElement;
    expect(previous.disabled).toBe(true);
    expect(screen.getByText(fill(en["portals.page"], { page: 1 }))).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: en["portals.next"] }));
    expect(await screen.findByText(fill(en["portals.page"], { page: 2 }))).toBeTruthy();
    await waitFor(() => expect(document.querySelectorAll("tr[data-personality]")).toHaveLength(10));
    expect(calls("GET", `/user_type/${PARTNER}/users`).at(-1)?.options.query?.page).toBe("2");
    expect((screen.getByRole("button", { name: en["portals.next"] }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Back to user types" }));
    await openUsers("Customer");
    expect(screen.queryByRole("button", { name: en["portals.next"] })).toBeNull();
    expect(screen.queryByRole("button", { name: en["portals.previous"] })).toBeNull();
  });

  it("filters by status", async () => {
    const types = standardTypes();
    const first = types[0]?.users[2];
    if (first) first.active = false;
    portalCrm({ types });
    await openUsers("Customer");
    fireEvent.change(screen.getByLabelText("Show"), { target: { value: "DeactiveUsers" } });
    await waitFor(() => expect(document.querySelectorAll("tr[data-personality]")).toHaveLength(1));
    expect(document.querySelector("tr[data-personality]")?.getAttribute("data-personality")).toBe(pid(3));
  });

  it("asks before removing users, naming how many, and reports each one", async () => {
    const { calls } = portalCrm({ types: standardTypes() });
    await openUsers("Customer");
    fireEvent.click(screen.getByRole("checkbox", { name: "Select Person 1" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Select Person 2" }));
    expect(screen.getByText("2 selected")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Delete 2 from the portal…" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText("Remove 2 users from the portal?")).toBeTruthy();
    expect(within(dialog).getByText("2 people lose access to the portal. Their CRM records stay.")).toBeTruthy();
    expect(calls("DELETE", "/users")).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole("button", { name: "Remove from portal" }));
    expect((await screen.findByTestId("portal-run-summary")).textContent).toBe("Removed 2; 0 failed.");
    expect(String(calls("DELETE", "/users")[0]?.options.query?.personality_ids).split(",")).toEqual([pid(1), pid(2)]);
    const results = screen.getByTestId("portal-run-results");
    expect([...results.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent))).toEqual([
      ["Person 1", en["portals.badge.done"]],
      ["Person 2", en["portals.badge.done"]],
    ]);
    // The summary is said; the table of results is not read out as a whole.
    expect(live().contains(screen.getByTestId("portal-run-summary"))).toBe(true);
    expect(live().contains(results)).toBe(false);
    await waitFor(() => expect(document.querySelector(`tr[data-personality="${pid(1)}"]`)).toBeNull());
    expect(screen.queryByTestId("portal-bulk")).toBeNull();
  });

  it("cancelling the removal sends nothing", async () => {
    const { calls } = portalCrm({ types: standardTypes() });
    await openUsers("Customer");
    fireEvent.click(screen.getByRole("checkbox", { name: "Select Person 1" }));
    fireEvent.click(screen.getByRole("button", { name: "Delete 1 from the portal…" }));
    fireEvent.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(calls("DELETE", "/users")).toHaveLength(0);
  });

  it("renders hostile type names, user names and e-mails as text", async () => {
    const types: FakeType[] = [
      { id: CUSTOMER, name: "Customer", module: "Contacts", isDefault: true, users: [{ id: pid(1), name: HOSTILE, email: `${HOSTILE}@example.com`, active: true }] },
      { id: PARTNER, name: HOSTILE, module: "Contacts", users: [] },
    ];
    portalCrm({ types });
    await screen.findByTestId("user-types");
    expect(cells(PARTNER)[0]).toBe(HOSTILE);
    await openUsers("Customer");
    const table = screen.getByTestId("portal-users");
    expect(within(table).getByText(HOSTILE)).toBeTruthy();
    expect(within(table).getByText(`${HOSTILE}@example.com`)).toBeTruthy();
    fireEvent.click(screen.getByRole("checkbox", { name: `Select ${HOSTILE}` }));
    expect((screen.getByLabelText("Move to") as HTMLSelectElement).options[0]?.textContent).toBe(HOSTILE);
    expect(document.querySelector("img")).toBeNull();
  });
});
