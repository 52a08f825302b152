import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { RecordSummaryModel } from "../../widget-src/features/record-summary/model";
import { RecordSummaryView } from "../../widget-src/features/record-summary/RecordSummaryView";
import { fail, ok } from "../../widget-src/crm/result";
import { IDS, createFakePort, type FakePortScript } from "../support/fake-port";

afterEach(cleanup);

async function renderSummary(script: FakePortScript = {}) {
  const fake = createFakePort(script);
  const model = new RecordSummaryModel(fake.port, "Deals", IDS.record);
  render(<RecordSummaryView model={model} />);
  await model.load();
  return { ...fake, model };
}

const manualLock = (reason: string) =>
  ok({
    status: 200,
    body: {
      data: [
        {
          id: IDS.lock,
          Lock_Source__s: "Manual",
          Locked_By__s: { id: IDS.user, name: "Ada Admin" },
          Locked_Reason__s: reason,
          Locked_Time__s: "2026-05-04T09:30:00+00:00",
        },
      ],
    },
  });

describe("record summary", () => {
  it("shows the record, its owner and that it is not locked", async () => {
    const { calls } = await renderSummary();
    expect(await screen.findByRole("heading", { name: "A Deals record" })).toBeTruthy();
    expect(screen.getByText("Bo Owner")).toBeTruthy();
    expect(screen.getByText("Not locked")).toBeTruthy();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.path).toBe(`/Deals/${IDS.record}/Locking_Information__s`);
  });

  it("shows a manual lock with who, why and when", async () => {
    await renderSummary({ rest: () => Promise.resolve(manualLock("Quarter closed")) });
    expect(await screen.findByText("Locked")).toBeTruthy();
    expect(screen.getByText("Locked by hand")).toBeTruthy();
    expect(screen.getByText("Locked by Ada Admin")).toBeTruthy();
    expect(screen.getByText("Reason: Quarter closed")).toBeTruthy();
    expect(screen.getByText(/Since May 4, 2026/)).toBeTruthy();
  });

  it("renders a hostile reason as text", async () => {
    const hostile = "<img src=x onerror=alert(1)>";
    await renderSummary({ rest: () => Promise.resolve(manualLock(hostile)) });
    expect(await screen.findByText(`Reason: ${hostile}`)).toBeTruthy();
    expect(document.querySelector("img")).toBeNull();
  });

  it("says 'unknown', never 'not locked', when the lock cannot be read, and retries", async () => {
    let attempts = 0;
    await renderSummary({
      rest: () => {
        attempts += 1;
        return Promise.resolve(attempts === 1 ? fail("INTERNAL_ERROR", "boom", {}, 500) : manualLock("Later"));
      },
    });
    expect(await screen.findByText("Lock status unknown")).toBeTruthy();
    expect(screen.queryByText("Not locked")).toBeNull();
    expect(screen.getByRole("alert").textContent).toMatch(/internal error/);
    fireEvent.click(screen.getAllByRole("button", { name: "Try again" })[0] as HTMLElement);
    expect(await screen.findByText("Reason: Later")).toBeTruthy();
  });

  it("explains a module without a locking configuration", async () => {
    await renderSummary({ rest: () => Promise.resolve(fail("NOT_ALLOWED", "no config", {}, 400)) });
    expect(await screen.findByText("Record locking is not set up for this module")).toBeTruthy();
    expect(screen.queryByText("Not locked")).toBeNull();
  });

  it("keeps the lock status when only the record read fails", async () => {
    await renderSummary({
      record: () => Promise.resolve(fail("TIMEOUT", "late", { ms: 15000 })),
      rest: () => Promise.resolve(manualLock("Still here")),
    });
    expect(await screen.findByText(/did not answer within 15 seconds/)).toBeTruthy();
    expect(screen.getByText("Reason: Still here")).toBeTruthy();
  });

  it("shows Zoho's code behind 'Technical details'", async () => {
    await renderSummary({ rest: () => Promise.resolve(fail("NO_PERMISSION", "permission denied", {}, 403)) });
    fireEvent.click(await screen.findByRole("button", { name: "Technical details" }));
    expect(screen.getByText("NO_PERMISSION · 403 · permission denied")).toBeTruthy();
  });
});
