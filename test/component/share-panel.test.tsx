import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { fail } from "../../widget-src/crm/result";
import { RecordShareModel } from "../../widget-src/features/record-share/model";
import { SharePanel } from "../../widget-src/features/record-share/SharePanel";
import { SessionModel } from "../../widget-src/features/session/model";
import { UserDirectoryModel } from "../../widget-src/features/user-directory/model";
import { answer, restScript, type Scripted } from "../support/fake-crm";
import { IDS, createFakePort } from "../support/fake-port";

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

function setup(routes: Record<string, Scripted[]>) {
  const { rest } = restScript({ "GET /users": [users], ...routes });
  const fake = createFakePort({ rest });
  const model = new RecordShareModel(fake.port, "Deals", IDS.record, { jobPollMs: [], sleep: () => Promise.resolve() });
  const directory = new UserDirectoryModel(fake.port);
  const session = new SessionModel(fake.port);
  void session.load();
  render(<SharePanel model={model} directory={directory} session={session} ownerId={IDS.owner} />);
  return { ...fake, model };
}

describe("share panel", () => {
  it("reads nothing until opened", async () => {
    const { calls } = setup({ [`GET ${SHARE}`]: [answer({ share: [] })] });
    expect(calls).toHaveLength(0);
    fireEvent.click(screen.getByRole("button", { name: "Show sharing" }));
    expect(await screen.findByText("Not shared with anyone directly.")).toBeTruthy();
    expect(calls.map((call) => call.path).sort()).toEqual([SHARE, "/users"]);
  });

  it("renders hostile names as text, in the list and in the picker", async () => {
    setup({ [`GET ${SHARE}`]: [answer({ share: [share("5725767000000101098", HOSTILE)] })] });
    fireEvent.click(screen.getByRole("button", { name: "Show sharing" }));
    expect(await screen.findByText(HOSTILE)).toBeTruthy();
    fireEvent.input(await screen.findByLabelText("Search users by name or e-mail"), { target: { value: "x@" } });
    expect(await screen.findByRole("button", { name: new RegExp(`^${HOSTILE.replace(/[()]/g, "\\$&")}`) })).toBeTruthy();
    expect(document.querySelector("img")).toBeNull();
  });

  it("shows access through a parent record without offering to change it", async () => {
    setup({ [`GET ${SHARE}`]: [answer({ share: [share("5725767000000101012", "Finn Field", "5725767000000112001")] })] });
    fireEvent.click(screen.getByRole("button", { name: "Show sharing" }));
    expect(await screen.findByText(/through Parent account \(not editable here\)/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Remove Finn Field" })).toBeNull();
  });

  it("says why someone cannot be picked", async () => {
    setup({ [`GET ${SHARE}`]: [answer({ share: [] })] });
    fireEvent.click(screen.getByRole("button", { name: "Show sharing" }));
    fireEvent.input(await screen.findByLabelText("Search users by name or e-mail"), { target: { value: "una" } });
    const option = await screen.findByRole("button", { name: /Una Unconfirmed/ });
    expect(option.hasAttribute("disabled")).toBe(true);
    expect(option.textContent).toMatch(/has not confirmed their invitation yet/);
  });

  it("shows a failed read as unknown, never as 'not shared'", async () => {
    setup({ [`GET ${SHARE}`]: [fail("NO_PERMISSION", "", {}, 403)] });
    fireEvent.click(screen.getByRole("button", { name: "Show sharing" }));
    expect(await screen.findByText("Sharing unknown")).toBeTruthy();
    expect(screen.queryByText("Not shared with anyone directly.")).toBeNull();
  });

  it("shows the changes before sending and reports a concurrent change", async () => {
    setup({ [`GET ${SHARE}`]: [answer({ share: [] }), answer({ share: [share("5725767000000101012", "Finn Field")] })] });
    fireEvent.click(screen.getByRole("button", { name: "Show sharing" }));
    fireEvent.input(await screen.findByLabelText("Search users by name or e-mail"), { target: { value: "eva" } });
    fireEvent.click(await screen.findByRole("button", { name: /^Eva Example/ }));
    fireEvent.click(screen.getByRole("button", { name: "Add to the list" }));
    expect(screen.getByText("Add Eva Example (Read only)")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Share" }));
    expect(await screen.findByText(/Someone changed this record's shares while you were editing/)).toBeTruthy();
    expect(screen.getByText("Finn Field")).toBeTruthy();
    expect(screen.getByText("Add Eva Example (Read only)")).toBeTruthy();
  });
});
