import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import en from "../../app/translations/en.json";
import type { RawAnswer } from "../../widget-src/crm/decode";
import type { CrmResult } from "../../widget-src/crm/result";
import BulkDistribute from "../../widget-src/features/bulk-actions/BulkDistribute";
import { BulkModel } from "../../widget-src/features/bulk-actions/model";
import { answer, restScript } from "../support/fake-crm";
import { IDS, createFakePort } from "../support/fake-port";
import { STANDARD_PROFILE, configBody, manualLockBody } from "../support/lock-fixtures";

afterEach(cleanup);

const recordId = (n: number) => `57257670000004${String(n).padStart(5, "0")}`;
const OLIVE = { id: "5725767000000101101", full_name: "Olive Twist", email: "olive@example.com", status: "active", confirm: true };
const AARON = { id: "5725767000000101102", full_name: "Aaron Able", email: "aaron@example.com", status: "active", confirm: true };
const BELLA = { id: "5725767000000101103", full_name: "Bella Broad", email: "bella@example.com", status: "active", confirm: true };
const LOCKED = recordId(3);

const permit = (remaining: number | "none") =>
  answer({
    permit_threshold:
      remaining === "none" ? { allow: true, reason: "NO_RESTRICTION", remaining_allow_count: 0 } : { allow: true, reason: "RECORD_ALLOWED", remaining_allow_count: remaining },
  });
const CAPACITY: Record<string, CrmResult<RawAnswer>> = { [OLIVE.id]: permit(2), [AARON.id]: permit(10), [BELLA.id]: permit("none") };

function setup() {
  const ids = Array.from({ length: 6 }, (_, i) => recordId(i + 1));
  const scripted = restScript({
    "GET /users": [answer({ users: [OLIVE, AARON, BELLA], info: { more_records: false } })],
    "GET /settings/record_locking_configurations": [answer(configBody())],
    "GET /settings/automation/assignment_thresholds": [
      answer({ assignment_thresholds: [{ id: "5725767000000122003", exclude_criteria: null, restrict_to: [{ user: { id: OLIVE.id, name: OLIVE.full_name } }, { user: { id: AARON.id, name: AARON.full_name } }] }] }),
    ],
    [`GET /settings/profiles/${IDS.standardProfile}`]: [
      answer({ profiles: [{ ...STANDARD_PROFILE, permissions_details: [{ name: "Crm_Implied_Change_Owner", display_label: "Change Owner", module: null, enabled: true }] }] }),
    ],
    [`GET /Deals/${LOCKED}/Locking_Information__s`]: [answer(manualLockBody("Contract under legal review"))],
  });
  const unexpected: string[] = [];
  const fake = createFakePort({
    rest: (call) => {
      if (call.method === "GET" && call.path === "/Deals") {
        const asked = String(call.options.query?.ids).split(",");
        return Promise.resolve(
          answer({ data: asked.map((id) => ({ id, Deal_Name: `Handover deal ${id.slice(-3)}`, Owner: { id: IDS.owner, name: "Ian Inactive" }, Locked__s: id === LOCKED })) }),
        );
      }
      if (call.method === "GET" && call.path === "/Deals/actions/permit_threshold") {
        const capacity = CAPACITY[call.options.query?.owner_id ?? ""];
        if (capacity) return Promise.resolve(capacity);
        unexpected.push(`permit for ${call.options.query?.owner_id}`);
      }
      return scripted.rest(call);
    },
  });
  const bulk = new BulkModel(fake.port, "Deals", ids);
  void bulk.load();
  render(<BulkDistribute model={bulk} port={fake.port} module="Deals" onClose={() => undefined} />);
  return { fake, bulk, unexpected };
}

async function choose(name: string) {
  const box = await screen.findByLabelText<HTMLInputElement>(en["distribute.search"]);
  await waitFor(() => expect(box.disabled).toBe(false));
  fireEvent.input(box, { target: { value: name.split(" ")[0] } });
  fireEvent.click(await screen.findByRole("button", { name: new RegExp(`^${name}`) }));
}

const sharesRow = async (userId: string) => (await screen.findByTestId("distribute-shares")).querySelector<HTMLElement>(`tr[data-user-id="${userId}"]`) as HTMLElement;

describe("distribute: the review", () => {
  it("shows counts per person, opens a person's records, and lists a locked record with the lock's reason", async () => {
    const { unexpected } = setup();
    await choose("Olive Twist");
    expect(await screen.findByText("1 person chosen; choose 2 to 20.")).toBeTruthy();
    await choose("Aaron Able");
    await screen.findByTestId("distribute-plan");
    // Five records can move: Olive has room for 2 and Aaron for 10 (ideal shares 0.83 and 4.17).
    expect(screen.getByText("5 of 6 records get a new owner; 1 not assigned.")).toBeTruthy();
    expect(within(await sharesRow(OLIVE.id)).getByText("can take it: 2 more allowed")).toBeTruthy();
    expect(within(await sharesRow(OLIVE.id)).getByRole("button", { name: "1 record" })).toBeTruthy();
    const aaronsCount = within(await sharesRow(AARON.id)).getByRole("button", { name: "4 records" });
    const notAssigned = screen.getByTestId("distribute-not-assigned");
    expect(within(notAssigned).getByText("Handover deal 003")).toBeTruthy();
    expect(within(notAssigned).getByText("locked, and the lock blocks this: Contract under legal review")).toBeTruthy();

    fireEvent.click(aaronsCount);
    expect(aaronsCount.getAttribute("aria-expanded")).toBe("true");
    const records = screen.getByTestId("distribute-records");
    expect(within(records).getAllByRole("row")).toHaveLength(5);
    expect(screen.getByRole("table", { name: "Records for Aaron Able" })).toBe(records);
    expect(screen.getByRole("button", { name: "Reassign 5 records" })).toBeTruthy();
    expect(unexpected).toEqual([]);
  });

  it("moves a record to someone with room, offers only those, and updates the counts", async () => {
    setup();
    await choose("Olive Twist");
    await choose("Aaron Able");
    await choose("Bella Broad");
    await screen.findByTestId("distribute-plan");
    // Ideal shares 0.73, 3.66 and 0.61 (Bella has no limit: an even share of 5 among 3, weighted like the others).
    const count = async (userId: string) => within(await sharesRow(userId)).getByRole("button", { name: /records?$/ }).textContent;
    expect([await count(OLIVE.id), await count(AARON.id), await count(BELLA.id)]).toEqual(["1 record", "4 records", "0 records"]);
    fireEvent.click(within(await sharesRow(AARON.id)).getByRole("button", { name: "4 records" }));
    const [first] = within(screen.getByTestId("distribute-records")).getAllByRole("combobox") as HTMLSelectElement[];
    expect([...(first as HTMLSelectElement).options].map((option) => option.text)).toEqual([en["distribute.stay"], "Olive Twist", "Bella Broad"]);
    const movedName = (first as HTMLSelectElement).closest("tr")?.querySelector("strong")?.textContent;
    fireEvent.change(first as HTMLSelectElement, { target: { value: OLIVE.id } });
    await waitFor(async () => expect(await count(OLIVE.id)).toBe("2 records"));
    expect(await count(AARON.id)).toBe("3 records");
    // Olive is full now: no longer offered for Aaron's other records.
    const [next] = within(screen.getByTestId("distribute-records")).getAllByRole("combobox") as HTMLSelectElement[];
    expect([...(next as HTMLSelectElement).options].map((option) => option.text)).toEqual([en["distribute.stay"], "Bella Broad"]);
    fireEvent.click(within(await sharesRow(OLIVE.id)).getByRole("button", { name: "2 records" }));
    expect(within(screen.getByTestId("distribute-records")).getByText(movedName as string)).toBeTruthy();
  });
});
