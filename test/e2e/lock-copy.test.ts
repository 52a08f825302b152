import { describe, expect, it } from "vitest";
import { SEED } from "../../sandbox/seed/ids";
import { AxeReport } from "./axe";
import { useBrowser, useSandbox, widgetFrame, type Sandbox } from "./support";

const browser = useBrowser();

/** What the sandbox holds for a module, read through its API as the widget would. */
function configOf(sandbox: Sandbox, module: string) {
  const answer = sandbox.mock.handle({ method: "GET", path: "/crm/v8/settings/record_locking_configurations", query: { module } });
  return { status: answer.status, config: (answer.body as { record_locking_configurations?: Record<string, unknown>[] } | undefined)?.record_locking_configurations?.[0] };
}

function fieldId(sandbox: Sandbox, module: string, apiName: string): string {
  const answer = sandbox.mock.handle({ method: "GET", path: "/crm/v8/settings/fields", query: { module } });
  const found = (answer.body as { fields: { api_name: string; id: string }[] }).fields.find((field) => field.api_name === apiName);
  if (!found) throw new Error(`no field ${module}.${apiName}`);
  return found.id;
}

describe("applying a configuration to other modules", () => {
  const sandbox = useSandbox();

  it("copies Deals' configuration to Leads, listing what Leads cannot take", async () => {
    const report = new AxeReport();
    expect(configOf(sandbox.current, "Leads").status).toBe(204);
    const page = browser.page;
    await page.goto(`${sandbox.current.url}/settings?as=${SEED.users.admin}`);
    const frame = await widgetFrame(page, "settings.html");
    await frame.locator("[data-testid=overview][data-settled=true]").waitFor();

    await frame.getByRole("button", { name: "Edit Deals" }).click();
    await frame.locator("[data-editor-module=Deals]").waitFor();
    await frame.getByRole("button", { name: "Apply to other modules…" }).click();

    await frame.getByRole("checkbox", { name: "Leads" }).check();
    await report.check(frame, "copy: picking modules");
    await frame.getByRole("button", { name: "Review 1 module…" }).click();
    const leads = frame.locator("[data-copy-target=Leads]");
    await frame.locator("[data-copy-target=Leads][data-copy-state=ready]").waitFor();
    await leads.getByText("New configuration").waitFor();
    expect(await leads.getByTestId("copy-dropped").locator("li").allInnerTexts()).toEqual([
      "Rule “Closed Won deals” dropped: Leads has no field Stage",
      "Custom button “Generate Invoice” dropped: Leads has no button of that name",
      "Automatic locking dropped: no rule is left for Leads, so its records are locked by hand only",
    ]);
    await report.check(frame, "copy: review");
    // Reviewed, not sent.
    expect(configOf(sandbox.current, "Leads").status).toBe(204);

    await frame.getByRole("button", { name: "Apply to 1 module" }).click();
    await frame.locator("[data-copy-target=Leads][data-copy-state=created]").waitFor();
    await expect.poll(() => frame.getByTestId("copy-summary").innerText(), { message: "the run's summary" }).toBe("Applied to 1 of 1 module.");

    await report.check(frame, "copy: results");

    const { status, config } = configOf(sandbox.current, "Leads");
    expect(status).toBe(200);
    expect(config).toMatchObject({
      lock_type: "manual",
      locked_for: "all_profiles_except_excluded_profiles",
      lock_excluded_profiles: [{ id: SEED.profiles.administrator, name: "Administrator" }],
      excluded_fields: [{ api_name: "Description", id: fieldId(sandbox.current, "Leads", "Description") }],
      restricted_actions: ["update", "delete", "change_owner"],
      restricted_communications: ["send_mail"],
      lock_for_portal_users: true,
      locking_rules: [],
    });
    expect(config?.restricted_custom_buttons ?? []).toEqual([]);
    // Deals keeps its own.
    expect(configOf(sandbox.current, "Deals").config).toMatchObject({ lock_type: "both", locking_rules: [{ name: "Closed Won deals" }] });

    // The overview has read Leads again.
    await frame.getByRole("button", { name: "Back to Deals" }).first().click();
    await frame.getByRole("button", { name: "Back to all modules" }).click();
    const leadsRow = frame.locator('tr[data-module="Leads"]');
    await leadsRow.getByRole("button", { name: "Edit Leads" }).waitFor();
    expect((await leadsRow.getByRole("cell").nth(1).innerText()).trim()).toBe("Manual");
    expect(report.text).toBe("");
  });
});
