import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { fail } from "../../widget-src/crm/result";
import { RecordShareModel } from "../../widget-src/features/record-share/model";
import ShareBody from "../../widget-src/features/record-share/ShareBody";
import { SharePanel } from "../../widget-src/features/record-share/SharePanel";
import { RecordSummaryModel } from "../../widget-src/features/record-summary/model";
import { SessionModel } from "../../widget-src/features/session/model";
import { UserDirectoryModel } from "../../widget-src/features/user-directory/model";
import { answer, restScript, type Scripted, maybe } from "../support/fake-crm";
import { IDS, createFakePort } from "../support/fake-port";
import { STANDARD_PROFILE, profileBody } from "../support/lock-fixtures";

afterEach(cleanup);

const SHARE = `/Deals/${IDS.record}/actions/share`;
const HOSTILE = `<img src=x onerror=alert(1)>`;

const share = (id: string, name: string, through: string = IDS.record) => ({
  shared_with: { id, name, type: "users" },
  permission: "read_only",
  share_related_records: false,
  type: "private",
  shared_through: { module: { api_name: "Deals" }, id: through, name: through === IDS.record ? "This deal" : "Parent account" },
});

const users = answer({
  users: [
    { id: "5725767000000101011", full_name: "Eva Example", email: "eva@example.com", status: "active", confirm: true },
    { id: "5725767000000101099", full_name: HOSTILE, email: "x@example.com", status: "active", confirm: true },
    { id: "5725767000000101024", full_name: "Una Unconfirmed", status: "active", confirm: false },
  ],
  info: { more_records: false },
});

const PROFILE = `/settings/profiles/${IDS.standardProfile}`;

function setup(routes: Record<string, Scripted[]>, options: { canShare?: boolean; module?: string } = {}) {
  const { rest } = restScript({
    // Read once the section opens; a test of a section that stays closed or unavailable expects none of them.
    "GET /users": maybe(users),
    [`GET ${PROFILE}`]: maybe(answer(profileBody(STANDARD_PROFILE, false, "Deals", options.canShare ?? true))),
    "GET /settings/user_groups": maybe(answer({ user_groups: [{ id: "5725767000000301001", name: "EMEA Team" }] })),
    "GET /settings/roles": maybe(answer({ roles: [{ id: "5725767000000302001", name: "Sales Manager" }] })),
    ...routes,
  });
  const module = options.module ?? "Deals";
  const fake = createFakePort({ rest, module });
  const session = new SessionModel(fake.port);
  void session.load();
  const summary = new RecordSummaryModel(fake.port, module, IDS.record);
  void summary.load();
  const model = new RecordShareModel({
    port: fake.port,
    session,
    record: summary.record,
    module,
    recordId: IDS.record,
    timing: { jobPollMs: [], sleep: () => Promise.resolve() },
  });
  const directory = new UserDirectoryModel(fake.port);
  render(<SharePanel open={async () => ({ model, directory, Body: ShareBody })} session={session} module={module} />);
  return { ...fake, model };
}

describe("share panel", () => {
  it("reads nothing until opened", async () => {
    const { calls } = setup({ [`GET ${SHARE}`]: [answer({ share: [] })] });
    expect(calls).toHaveLength(0);
    fireEvent.click(screen.getByRole("button", { name: "Sharing" }));
    expect(await screen.findByText("Not shared with anyone directly.")).toBeTruthy();
    expect(calls.map((call) => call.path).sort()).toEqual([SHARE, PROFILE, "/settings/roles", "/settings/user_groups", "/users"].sort());
  });

  it("renders hostile names as text, in the list and in the picker", async () => {
    setup({ [`GET ${SHARE}`]: [answer({ share: [share("5725767000000101098", HOSTILE)] })] });
    fireEvent.click(screen.getByRole("button", { name: "Sharing" }));
    expect(await screen.findByText(HOSTILE)).toBeTruthy();
    fireEvent.input(await screen.findByLabelText("Search users, groups and roles"), { target: { value: "x@" } });
    expect(await screen.findByRole("button", { name: new RegExp(`^${HOSTILE.replace(/[()]/g, "\\$&")}`) })).toBeTruthy();
    expect(document.querySelector("img")).toBeNull();
  });

  it("shows access through a parent record without offering to change it", async () => {
    setup({ [`GET ${SHARE}`]: [answer({ share: [share("5725767000000101012", "Finn Field", "5725767000000112001")] })] });
    fireEvent.click(screen.getByRole("button", { name: "Sharing" }));
    expect(await screen.findByText(/through Parent account \(not editable here\)/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Remove Finn Field" })).toBeNull();
  });

  it("says why someone cannot be picked", async () => {
    setup({ [`GET ${SHARE}`]: [answer({ share: [] })] });
    fireEvent.click(screen.getByRole("button", { name: "Sharing" }));
    fireEvent.input(await screen.findByLabelText("Search users, groups and roles"), { target: { value: "una" } });
    const option = await screen.findByRole("button", { name: /Una Unconfirmed/ });
    expect(option.hasAttribute("disabled")).toBe(true);
    expect(option.textContent).toMatch(/has not confirmed their invitation yet/);
  });

  it("shows a failed read as unknown, never as 'not shared'", async () => {
    setup({ [`GET ${SHARE}`]: [fail("NO_PERMISSION", "", {}, 403)] });
    fireEvent.click(screen.getByRole("button", { name: "Sharing" }));
    expect(await screen.findByText("Sharing unknown")).toBeTruthy();
    expect(screen.queryByText("Not shared with anyone directly.")).toBeNull();
  });

  it("shows the changes before sending and reports a concurrent change", async () => {
    setup({ [`GET ${SHARE}`]: [answer({ share: [] }), answer({ share: [share("5725767000000101012", "Finn Field")] })] });
    fireEvent.click(screen.getByRole("button", { name: "Sharing" }));
    fireEvent.input(await screen.findByLabelText("Search users, groups and roles"), { target: { value: "eva" } });
    fireEvent.click(await screen.findByRole("button", { name: /^Eva Example/ }));
    fireEvent.click(screen.getByRole("button", { name: "Add to the list" }));
    expect(screen.getByText("Add Eva Example (Read only)")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Share" }));
    expect(await screen.findByText(/Someone changed this record's shares while you were editing/)).toBeTruthy();
    expect(screen.getByText("Finn Field")).toBeTruthy();
    expect(screen.getByText("Add Eva Example (Read only)")).toBeTruthy();
  });

  it("shows the reason and no controls when the profile may not share", async () => {
    setup({ [`GET ${SHARE}`]: [answer({ share: [share("5725767000000101012", "Finn Field")] })] }, { canShare: false });
    fireEvent.click(screen.getByRole("button", { name: "Sharing" }));
    expect(await screen.findByText(/does not have the Share permission/)).toBeTruthy();
    expect(screen.getByText("Finn Field")).toBeTruthy();
    expect(screen.queryByLabelText("Search users, groups and roles")).toBeNull();
    expect(screen.queryByRole("button", { name: "Remove Finn Field" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Revoke all shares…" })).toBeNull();
  });

  it("explains that activities cannot be shared, and reads nothing", async () => {
    const { calls } = setup({}, { module: "Tasks" });
    fireEvent.click(screen.getByRole("button", { name: "Sharing" }));
    expect((await screen.findByTestId("share-unavailable")).textContent).toMatch(/Records in Tasks cannot be shared directly/);
    expect(screen.queryByLabelText("Search users, groups and roles")).toBeNull();
    expect(calls).toEqual([]);
  });

  it("switches to public after showing who loses their individual share", async () => {
    setup({ [`GET ${SHARE}`]: [answer({ share: [share("5725767000000101012", "Finn Field")] })] });
    fireEvent.click(screen.getByRole("button", { name: "Sharing" }));
    fireEvent.click(await screen.findByLabelText("Everyone in the organisation"));
    expect(screen.getByText("Share with everyone in the organisation (Read only)")).toBeTruthy();
    expect(screen.getByText("Remove Finn Field")).toBeTruthy();
    expect(screen.getByText(/replaces the individual shares/)).toBeTruthy();
    expect(screen.queryByLabelText("Search users, groups and roles")).toBeNull();
    fireEvent.change(screen.getByLabelText("Permission for everyone"), { target: { value: "read_write" } });
    expect(screen.getByText("Share with everyone in the organisation (Read and write)")).toBeTruthy();
  });

  it("offers groups and roles beside users", async () => {
    setup({ [`GET ${SHARE}`]: [answer({ share: [] })] });
    fireEvent.click(screen.getByRole("button", { name: "Sharing" }));
    fireEvent.input(await screen.findByLabelText("Search users, groups and roles"), { target: { value: "emea" } });
    fireEvent.click(await screen.findByRole("button", { name: /^EMEA Team\s*group/ }));
    fireEvent.click(screen.getByRole("button", { name: "Add to the list" }));
    expect(screen.getByText("Add EMEA Team (Read only)")).toBeTruthy();
  });

  it("shows a picked row as chosen, with the next step, and takes it back when picked again", async () => {
    setup({ [`GET ${SHARE}`]: [answer({ share: [] })] });
    fireEvent.click(screen.getByRole("button", { name: "Sharing" }));
    fireEvent.input(await screen.findByLabelText("Search users, groups and roles"), { target: { value: "eva" } });
    const row = await screen.findByRole("button", { name: /^Eva Example/ });
    fireEvent.click(row);
    expect(row.getAttribute("aria-pressed")).toBe("true");
    expect(row.textContent).toContain("Chosen");
    expect(screen.getByText("To add: Eva Example")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Add to the list" })).toBeTruthy();
    fireEvent.click(row);
    expect(row.getAttribute("aria-pressed")).toBe("false");
    expect(screen.queryByRole("button", { name: "Add to the list" })).toBeNull();
  });

  it("renders only the visible part of a long result list", async () => {
    const many = Array.from({ length: 500 }, (_, i) => ({
      id: `57257670000009${String(i).padStart(5, "0")}`,
      full_name: `Person ${i}`,
      status: "active",
      confirm: true,
    }));
    setup({ [`GET ${SHARE}`]: [answer({ share: [] })], "GET /users": [answer({ users: many, info: { more_records: false } })] });
    fireEvent.click(screen.getByRole("button", { name: "Sharing" }));
    fireEvent.input(await screen.findByLabelText("Search users, groups and roles"), { target: { value: "person" } });
    expect(await screen.findByText("500 matches")).toBeTruthy();
    const rendered = screen.getAllByRole("button", { name: /^Person / });
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(20);
  });
});
