/**
 * XSS: a user and a group whose names are hostile markup (SEED.users.hostile,
 * SEED.groups.hostile; see HOSTILE in sandbox/seed/people.ts) must appear in
 * the sharing section only as text, in the people picker and in the list of
 * current shares. Throughout, `window.__xss` stays unset in every frame and
 * no dialog opens.
 *
 * The widget's CSP blocks inline handlers and scripts, so `window.__xss`
 * alone would stay unset even if the name were parsed as HTML. The test
 * therefore also watches the DOM itself: an init script in every frame
 * records any element that gets an inline event handler attribute (`on…`)
 * or an inline <script>, and any CSP violation.
 *
 * Options are found by accessible role and name (the user's text), not by
 * CSS structure, so the test holds when the picker changes shape.
 */
import type { Frame, Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import en from "../../app/translations/en.json";
import { SEED } from "../../sandbox/seed/ids";
import { HOSTILE } from "../../sandbox/seed/people";
import * as ICONS from "../../widget-src/ui/icons";
import { expectNoInjection, watchForInjection } from "./injection-watch";
import { openRecordWidget, recordSettled, type Sandbox, untilSized, useBrowser, useSandbox } from "./support";

const browser = useBrowser();

const catalogue: Record<string, string> = en;

/** A UI string from the English catalogue, with `{name}` placeholders filled. */
function msg(key: string, vars: Record<string, string> = {}): string {
  const text = catalogue[key];
  if (text === undefined) throw new Error(`missing message ${key}`);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

/** No frame ran or built the hostile markup, and the widget holds none of it as elements. */
async function expectNoInjectionIn(page: Page, widget: Frame, dialogs: string[]): Promise<void> {
  await expectNoInjection(page, dialogs);
  expect(await widget.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(await widget.locator("img[onerror], svg[onload], [onerror], [onload]").count()).toBe(0);
  expect(await widget.locator('script:not([src]):not([type="application/json"])').count()).toBe(0);
}

/** A picker entry (user or group) found by its accessible name, whatever control the picker uses for it. */
function pickerOption(widget: Frame, name: string): Locator {
  return widget
    .getByRole("option", { name })
    .or(widget.getByRole("button", { name }))
    .or(widget.getByRole("checkbox", { name }))
    .first();
}

interface HostileTarget {
  /** Who: "users" or "groups". */
  type: "users" | "groups";
  id: string;
  /** The hostile name, as the CRM sends it. */
  name: string;
  /** A search word that only occurs in the hostile markup. */
  query: string;
  /** Markup that must show up as text in the picker option. */
  literal: string[];
  /** Secondary text of the option (a user's e-mail). */
  detail?: string;
}

/**
 * As Sam Standard, on his unshared open deal: find the target in the picker,
 * check it is shown as text, share it read only and check the current shares;
 * after each step, no frame ran or built the markup and no dialog opened.
 */
async function shareWithHostileTarget(sandbox: Sandbox, target: HostileTarget): Promise<void> {
  const { page, context } = browser;
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  await context.addInitScript(watchForInjection, Object.values(ICONS));

  const opened = await openRecordWidget(page, sandbox, { module: "Deals", id: SEED.records.dealUnlocked, as: SEED.users.standard });
  const widget = await recordSettled(opened);
  await widget.getByRole("button", { name: msg("share.heading"), exact: true }).click();
  await widget.getByText(msg("share.none")).waitFor();
  await untilSized(widget);

  await widget.getByLabel(msg("share.search")).fill(target.query);
  const option = pickerOption(widget, target.name);
  await option.waitFor();
  const optionText = (await option.textContent()) ?? "";
  expect(optionText).toContain(target.name);
  for (const markup of target.literal) expect(optionText).toContain(markup);
  if (target.detail) expect(optionText).toContain(target.detail);
  await expectNoInjectionIn(page, widget, dialogs);

  // Pick, read only, add to the list and send.
  await option.click();
  await widget.getByText(msg("share.chosen", { names: target.name })).waitFor();
  await widget.getByRole("radio", { name: msg("share.permission.read_only") }).check();
  await widget.getByRole("button", { name: msg("share.addChosen") }).click();
  await widget.getByText(msg("share.diff.added", { name: target.name, permission: msg("share.permission.read_only") })).waitFor();
  await expectNoInjectionIn(page, widget, dialogs);

  await widget.getByRole("button", { name: msg("share.send"), exact: true }).click();
  await widget.getByText(msg("share.done")).waitFor();

  // The CRM got the share, for that target, read only.
  const stored = sandbox.mock.handle({ method: "GET", path: `/crm/v8/Deals/${SEED.records.dealUnlocked}/actions/share`, query: {} });
  expect(stored.status).toBe(200);
  expect((stored.body as { share: unknown[] }).share).toEqual([
    expect.objectContaining({
      shared_with: expect.objectContaining({ id: target.id, type: target.type, name: target.name }),
      permission: "read_only",
      type: "private",
    }),
  ]);

  // The current shares list (read again from the CRM) shows the name literally, read only.
  const entry = widget.getByRole("listitem").filter({ hasText: target.name });
  await entry.waitFor();
  expect(await entry.count()).toBe(1);
  const entryText = (await entry.textContent()) ?? "";
  expect(entryText).toContain(target.name);
  expect(entryText).toContain(msg("share.permission.read_only"));
  const shown = widget.getByText(target.name, { exact: true });
  expect(await shown.count()).toBeGreaterThanOrEqual(1);
  for (const text of await shown.allTextContents()) expect(text).toBe(target.name);
  expect(await shown.first().innerHTML()).toContain("&lt;");
  // Attribute text (the remove button's accessible name) carries the name literally too.
  await widget.getByRole("button", { name: msg("share.removeName", { name: target.name }), exact: true }).waitFor();
  await expectNoInjectionIn(page, widget, dialogs);
}

describe("hostile names in the sharing section", () => {
  const sandbox = useSandbox();

  it("shows a hostile user name as text in the picker and in the shares, and never runs it", async () => {
    await shareWithHostileTarget(sandbox.current, {
      type: "users",
      id: SEED.users.hostile,
      name: HOSTILE.fullName,
      query: "onerror",
      literal: ['<img src=x onerror="window.__xss=1">', "<script>window.__xss=1</script>"],
      detail: HOSTILE.email,
    });
  });

  it("shows a hostile group name as text in the picker and in the shares, and never runs it", async () => {
    await shareWithHostileTarget(sandbox.current, {
      type: "groups",
      id: SEED.groups.hostile,
      name: HOSTILE.groupName,
      query: "onload",
      literal: ['<svg onload="window.__xss=1">'],
    });
  });
});
