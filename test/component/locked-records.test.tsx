import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { fail } from "../../widget-src/crm/result";
import ConsoleView from "../../widget-src/features/locked-records/ConsoleView";
import { OverviewModel } from "../../widget-src/features/lock-settings/overview-model";
import { SessionModel } from "../../widget-src/features/session/model";
import { answer, maybe, noContent, restScript, success, type Scripted } from "../support/fake-crm";
import { IDS, createFakePort } from "../support/fake-port";
import { STANDARD_PROFILE, configBody, manualLockBody, profileBody } from "../support/lock-fixtures";

afterEach(cleanup);

const CONFIGS = "/settings/record_locking_configurations";
const PROFILE = `/settings/profiles/${IDS.standardProfile}`;
const deals = { id: "5725767000000000101", api_name: "Deals", plural_label: "Deals", generated_type: "default" };
const leads = { id: "5725767000000000102", api_name: "Leads", plural_label: "Leads", generated_type: "default" };
const A = "5725767000000100001";
const B = "5725767000000100002";
const lockPath = (id: string) => `/Deals/${id}/Locking_Information__s`;
const found = (...ids: string[]) => answer({ data: ids.map((id, n) => ({ id, Deal_Name: `Deal ${n + 1}` })), info: { more_records: false, count: ids.length } });

function setup(routes: Record<string, Scripted[] | ReturnType<typeof maybe>>, { modules = [deals], canLock = true } = {}) {
  const { rest } = restScript({
    "GET /settings/modules": [answer({ modules })],
    [`GET ${PROFILE}`]: [answer(profileBody(STANDARD_PROFILE, canLock))],
    [`GET ${CONFIGS}`]: [answer(configBody())],
    ...routes,
  });
  const fake = createFakePort({ rest });
  const session = new SessionModel(fake.port);
  const overview = new OverviewModel(fake.port, session);
  void session.load();
  void overview.load();
  render(<ConsoleView port={fake.port} session={session} overview={overview} />);
  return fake;
}

describe("the locked-records console", () => {
  it("shows that it is searching until the first page comes", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    setup({ "GET /Deals/search": [() => held.then(() => found(A))], "GET /Deals/actions/count": [answer({ count: 1 })], [`GET ${lockPath(A)}`]: maybe(noContent()) });
    await screen.findByText("Finding locked records…");
    release();
    await screen.findByText("Deal 1");
  });

  it("says plainly when nothing is locked", async () => {
    setup({ "GET /Deals/search": [noContent()], "GET /Deals/actions/count": [answer({ count: 0 })] });
    await screen.findByText("No record is locked");
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("says which module's search the CRM refused, and lists the others", async () => {
    setup(
      {
        "GET /Deals/search": [found(A)],
        "GET /Deals/actions/count": [answer({ count: 1 })],
        "GET /Leads/search": [fail("INVALID_QUERY", "invalid query formed", { api_name: "Locked__s" }, 400)],
        "GET /Leads/actions/count": [fail("INVALID_QUERY", "invalid query formed", {}, 400)],
        [`GET ${lockPath(A)}`]: [answer(manualLockBody("Audit hold"))],
      },
      { modules: [deals, leads] },
    );
    await screen.findByText("The locked records of Leads could not be listed. The other modules are listed below.");
    await screen.findByText("Audit hold");
    expect(screen.getByTestId("console-loaded").textContent).toMatch(/^Loaded 1 of at least 1 · /);
  });

  it("after a bulk unlock with one failure, gives each record its result and the totals", async () => {
    setup({
      "GET /Deals/search": [found(A, B)],
      "GET /Deals/actions/count": [answer({ count: 2 })],
      [`GET ${lockPath(A)}`]: [answer(manualLockBody("one")), noContent()],
      [`GET ${lockPath(B)}`]: [answer(manualLockBody("two"))],
      [`DELETE ${lockPath(A)}/${IDS.lock}`]: [success({ id: IDS.lock })],
      [`DELETE ${lockPath(B)}/${IDS.lock}`]: [fail("INTERNAL_ERROR", "Internal server error", {}, 500)],
    });
    await screen.findByText("two");
    fireEvent.click(await screen.findByRole("button", { name: "Select the 2 manual locks shown" }));
    fireEvent.click(screen.getByRole("button", { name: "Unlock…" }));
    fireEvent.click(screen.getByRole("button", { name: "Unlock" }));
    await screen.findByText(/^Finished: 1 done, 0 skipped, 1 failed\./);
    const row = (name: string) => screen.getByText(name).closest<HTMLElement>("[role=row]")!;
    await waitFor(() => expect(within(row("Deal 1")).getByText("Unlocked")).toBeTruthy());
    expect(within(row("Deal 2")).getByText("Failed")).toBeTruthy();
    expect(within(row("Deal 2")).getByText(/internal error/)).toBeTruthy();
  });

  it("is read-only for a profile that may not lock: no selection, and it says why", async () => {
    setup(
      { "GET /Deals/search": [found(A)], "GET /Deals/actions/count": [answer({ count: 1 })], [`GET ${lockPath(A)}`]: [answer(manualLockBody("Audit hold"))] },
      { canLock: false },
    );
    await screen.findByText("Audit hold");
    expect(screen.getByText("Your profile may not unlock records in these modules, so the list is read-only.")).toBeTruthy();
    expect(screen.queryByRole("checkbox")).toBeNull();
  });
});
