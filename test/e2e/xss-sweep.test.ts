/**
 * XSS sweep (#8): against the hostile seed variant (sandbox/seed/hostile.ts),
 * every panel of the widget shows hostile CRM data literally, runs none of
 * it, and keeps its layout.
 *
 * Hostile strings (script tags, event-handler attributes, attribute
 * break-outs, `javascript:` URLs, an iframe srcdoc, an RTL override, message
 * placeholders and 5,000-character strings without a space) sit in record
 * names, user names and e-mails, group, role and profile names, a custom
 * button name, a manual lock reason, a locking rule name, a portal user type
 * name and portal users' names, e-mails and status reason.
 *
 * After every step, in every frame (host page and widget):
 * - the page-level flag `window.__xss` is never set and no dialog opened;
 * - no element got an inline `on…` attribute, no inline script, no element
 *   the widget never renders itself (img, svg, iframe, object, embed, a),
 *   no `javascript:` URL in an attribute, and no CSP violation (an init
 *   script watches the DOM from before the page's own scripts, because the
 *   widget's CSP alone would keep the flag unset even if markup were parsed);
 * - the layout holds: the widget's page is not wider than its viewport (long
 *   strings wrap), the widget's frame fits the host page, and the step's key
 *   controls are visible inside the viewport and are then clicked.
 * Texts are compared with the seeded strings exactly, so a value that was
 * parsed, trimmed or filled in twice (placeholders) fails too.
 */
import type { Frame, Locator, Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import en from "../../app/translations/en.json";
import { SEED } from "../../sandbox/seed/ids";
import { HOSTILE, HOSTILE_NAMES, HOSTILE_SEED, PAYLOADS, fullNameOf } from "../../sandbox/seed/hostile";
import * as ICONS from "../../widget-src/ui/icons";
import { expectNoInjection, injectionReports, watchForInjection } from "./injection-watch";
import { fact, recordSettled, untilSized, useBrowser, useSandbox, widgetFrame } from "./support";

const browser = useBrowser();
const sandbox = useSandbox({ hostile: true });

const catalogue: Record<string, string> = en;

/** Right-to-left letters and direction controls: the widget isolates a value containing them (FSI … PDI). */
const BIDI = /[\u0590-\u08FF\u200E\u200F\u202A-\u202E\u2066-\u2069\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/** A UI string from the English catalogue, with `{name}` placeholders filled (once, like the widget); a counted one in its plural form. */
function msg(key: string, vars: Record<string, string | number> = {}): string {
  const text = catalogue[key] ?? (typeof vars.count === "number" ? catalogue[`${key}#${new Intl.PluralRules("en").select(vars.count)}`] : undefined);
  if (text === undefined) throw new Error(`missing message ${key}`);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === "string" && BIDI.test(value) ? `\u2068${value}\u2069` : String(value);
  });
}

const H = HOSTILE_SEED;
const N = HOSTILE_NAMES;
const USER_LONG = fullNameOf(N.userLong);
const USER_RTL = fullNameOf(N.userRtl);
const PORTAL_LONG = fullNameOf(N.portalUserLong);
const PORTAL_RTL = fullNameOf(N.portalUserRtl);

let dialogs: string[] = [];

beforeEach(async () => {
  dialogs = [];
  browser.page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  await browser.context.addInitScript(watchForInjection, Object.values(ICONS));
});

/** The widget's page is no wider than its viewport, its frame fits the host page, and each key control is visible inside it. */
async function expectLayoutHolds(page: Page, widget: Frame, keys: Locator[]): Promise<void> {
  const size = await widget.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    bodyScrollWidth: document.body.scrollWidth,
  }));
  expect(size.scrollWidth, "the widget scrolls sideways").toBeLessThanOrEqual(size.clientWidth + 2);
  expect(size.bodyScrollWidth, "the widget's body is wider than its viewport").toBeLessThanOrEqual(size.clientWidth + 2);
  const frameBox = await (await widget.frameElement()).boundingBox();
  const viewport = page.viewportSize();
  if (!frameBox || !viewport) throw new Error("no frame box or viewport");
  expect(frameBox.x).toBeGreaterThanOrEqual(0);
  expect(frameBox.x + frameBox.width).toBeLessThanOrEqual(viewport.width + 1);
  for (const key of keys) {
    await key.scrollIntoViewIfNeeded();
    expect(await key.isVisible(), String(key)).toBe(true);
    const box = await key.evaluate((element) => {
      const rect = element.getBoundingClientRect();
      return { left: rect.left, right: rect.right, width: rect.width, height: rect.height, viewport: document.documentElement.clientWidth };
    });
    expect(box.width, `${String(key)} has no width`).toBeGreaterThan(0);
    expect(box.height, `${String(key)} has no height`).toBeGreaterThan(0);
    expect(box.left, `${String(key)} starts left of the viewport`).toBeGreaterThanOrEqual(-1);
    expect(box.right, `${String(key)} ends right of the viewport`).toBeLessThanOrEqual(box.viewport + 1);
  }
}

async function expectClean(page: Page, widget: Frame, keys: Locator[] = []): Promise<void> {
  await expectNoInjection(page, dialogs);
  await expectLayoutHolds(page, widget, keys);
}

/** The single element whose whole text is exactly `text` (so markup shown literally, not parsed or trimmed). */
async function expectExactText(scope: Frame | Locator, text: string): Promise<Locator> {
  const shown = scope.getByText(text, { exact: true });
  await shown.first().waitFor();
  for (const content of await shown.allTextContents()) expect(content).toBe(text);
  return shown.first();
}

/** A picker entry found by its accessible name, whatever control the picker uses for it. */
function pickerOption(scope: Frame | Locator, name: string): Locator {
  return scope
    .getByRole("option", { name })
    .or(scope.getByRole("button", { name }))
    .or(scope.getByRole("checkbox", { name }))
    .first();
}

async function openRecord(module: string, id: string, as: string = SEED.users.admin): Promise<Frame> {
  await browser.page.goto(`${sandbox.current.url}/record?module=${module}&id=${id}&as=${as}&open=1`);
  return recordSettled(await widgetFrame(browser.page, "record.html"));
}

async function openSettings(): Promise<Frame> {
  await browser.page.goto(`${sandbox.current.url}/settings?as=${SEED.users.admin}`);
  const widget = await widgetFrame(browser.page, "settings.html");
  await widget.locator('[data-testid="overview"][data-settled="true"]').waitFor();
  return widget;
}

/** The sandbox's own page wraps long names too: a 5,000-character name must not widen it. */
async function expectHostFits(page: Page, name: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `the sandbox ${name} scrolls sideways`).toBeLessThanOrEqual(clientWidth + 2);
}

describe("XSS sweep over every panel, with the hostile seed", () => {
  it("sandbox host pages: the index's user picker and a record page acting as a hostile user", async () => {
    const { page } = browser;
    await page.goto(`${sandbox.current.url}/`);
    const picker = page.getByLabel("Act as");
    expect(await picker.locator(`option[value="${H.users.long}"]`).textContent()).toBe(USER_LONG);
    expect(await picker.locator(`option[value="${H.users.rtl}"]`).textContent()).toBe(USER_RTL);
    await expectNoInjection(page, dialogs);
    await expectHostFits(page, "index");

    const widget = await openRecord("Deals", H.records.dealManual, H.users.rtl);
    expect(await page.getByTestId("acting-user").textContent()).toBe(USER_RTL);
    expect(await page.getByTestId("record-name").textContent()).toBe(N.dealManual);
    expect(await page.title()).toContain(N.dealManual);
    await expectClean(page, widget, [widget.getByRole("button", { name: msg("app.close") })]);
    await expectHostFits(page, "record page");
  });

  it("record popup: a manual lock by a hostile user with a hostile reason, and the restrictions", async () => {
    const { page } = browser;
    const widget = await openRecord("Deals", H.records.dealManual);
    await widget.locator('[data-lock-state="locked"]').waitFor();

    const heading = await expectExactText(widget, N.dealManual);
    expect(await heading.innerHTML()).toContain("&lt;script&gt;");
    // The owner, in the line under the title, isolated so that its RTL override cannot reorder the words around it.
    await expectExactText(widget, msg("record.meta", { module: "Deals", owner: USER_RTL }));
    expect(await fact(widget, msg("lock.fact.by")).textContent()).toBe(HOSTILE.fullName);
    // The reason keeps its lines (pre-wrap), its placeholders and its RTL override as they are.
    const reason = fact(widget, msg("lock.fact.reason"));
    expect(await reason.textContent()).toBe(N.lockReason);
    expect(await reason.evaluate((element) => getComputedStyle(element).whiteSpace)).toBe("pre-wrap");
    expect(N.lockReason).toContain(PAYLOADS.placeholders);
    // Restrictions, in the lock card: the hostile custom button (5,000 characters) and the hostile exempt profile.
    const restrictions = widget.getByRole("region", { name: msg("lock.heading") });
    expect(await restrictions.textContent()).toContain(N.customButton);
    expect(await restrictions.textContent()).toContain(N.profile);
    const editReason = widget.getByRole("button", { name: msg("lock.editReason") });
    await expectClean(page, widget, [editReason, widget.getByRole("button", { name: msg("app.close") })]);

    // The reason form holds the hostile reason as the textarea's value. Opened
    // from the keyboard: the popup may still resize around very long text,
    // and a pointer click computed before that can land beside the button.
    await editReason.focus();
    await editReason.press("Enter");
    const textarea = widget.locator("textarea");
    await textarea.waitFor();
    expect(await textarea.inputValue()).toBe(N.lockReason);
    await expectClean(page, widget, [textarea, widget.getByRole("button", { name: msg("lock.saveReason") })]);
  });

  it("record popup: a very long record name locked by the hostile rule, and a long owner name", async () => {
    const { page } = browser;
    const widget = await openRecord("Deals", H.records.dealAuto);
    await widget.locator('[data-lock-state="locked"][data-lock-source="automatic"]').waitFor();
    await expectExactText(widget, N.dealAuto);
    await expectExactText(widget, msg("record.meta", { module: "Deals", owner: USER_LONG }));
    await expectExactText(widget, msg("lock.source.rule", { rule: N.rule }));
    await expectClean(page, widget, [
      widget.getByRole("button", { name: msg("owner.heading"), exact: true }),
      widget.getByRole("button", { name: msg("share.heading"), exact: true }),
    ]);
  });

  it("record popup: a lead with markup in its name, owned by the hostile user", async () => {
    const { page } = browser;
    const widget = await openRecord("Leads", H.records.lead);
    await expectExactText(widget, fullNameOf(N.lead));
    await expectExactText(widget, msg("record.meta", { module: "Leads", owner: HOSTILE.fullName }));
    await expectClean(page, widget, [widget.getByRole("button", { name: msg("share.heading"), exact: true })]);
  });

  it("sharing: hostile users, groups and a role in the current shares and in the picker", async () => {
    const { page } = browser;
    const widget = await openRecord("Deals", H.records.dealShared);
    await expectExactText(widget, N.dealShared);
    await widget.getByRole("button", { name: msg("share.heading"), exact: true }).click();
    const list = widget.getByRole("list", { name: msg("share.listLabel") });
    await list.waitFor();
    await untilSized(widget);

    const shared = [HOSTILE.fullName, USER_LONG, USER_RTL, HOSTILE.groupName, N.groupLong, N.role];
    for (const name of shared) {
      const entry = widget.getByRole("listitem").filter({ has: widget.getByText(name, { exact: true }) });
      expect(await entry.count(), name.slice(0, 60)).toBe(1);
      await expectExactText(entry, name);
    }
    // Who shared it is the hostile user, shown as text in each entry's facts.
    expect(await list.textContent()).toContain(msg("share.by", { name: HOSTILE.fullName }));
    const removeLong = widget.getByRole("button", { name: msg("share.removeName", { name: N.groupLong }), exact: true });
    const removeRole = widget.getByRole("button", { name: msg("share.removeName", { name: N.role }), exact: true });
    const search = widget.getByLabel(msg("share.search"));
    await expectClean(page, widget, [removeLong, removeRole, search]);

    // Remove the long group: the review lists it by name.
    await removeLong.click();
    await widget.getByText(msg("share.diff.removed", { name: N.groupLong }), { exact: true }).waitFor();
    await expectClean(page, widget, [widget.getByRole("button", { name: msg("share.send"), exact: true })]);
    await widget.getByRole("button", { name: msg("share.discard") }).click();

    // The picker finds hostile users by their markup, their RTL name and their e-mail, and the role and groups.
    const searches: { query: string; name: string; detail?: string }[] = [
      { query: "onerror", name: HOSTILE.fullName, detail: HOSTILE.email },
      { query: "lengthy", name: USER_LONG },
      { query: "javascript:window", name: USER_RTL },
      { query: "role", name: N.role },
      { query: "srcdoc", name: N.groupLong },
    ];
    // The picker, not the current shares (whose remove buttons carry the same names).
    const picker = widget.getByRole("list", { name: msg("share.results") });
    for (const { query, name, detail } of searches) {
      await search.fill(query);
      const option = pickerOption(picker, name);
      await option.waitFor();
      const text = (await option.textContent()) ?? "";
      expect(text).toContain(name);
      if (detail) expect(text).toContain(detail);
      await expectClean(page, widget, [option, search]);
    }
    // A hostile user's e-mail is searchable text too.
    await search.fill("img src=x onerror=window");
    const byEmail = pickerOption(picker, USER_LONG);
    await byEmail.waitFor();
    expect(await byEmail.textContent()).toContain(N.userLong.email);
    await expectClean(page, widget, [byEmail]);
  });

  it("change owner: hostile candidates in the picker, chosen, and the reassignment outcome", async () => {
    const { page } = browser;
    const widget = await openRecord("Deals", H.records.dealShared);
    await widget.getByRole("button", { name: msg("owner.heading"), exact: true }).click();
    const search = widget.getByLabel(msg("owner.search"));
    await search.waitFor();
    await untilSized(widget);

    for (const [query, name] of [
      ["javascript", USER_RTL],
      ["lengthy", USER_LONG],
    ] as const) {
      await search.fill(query);
      const option = pickerOption(widget, name);
      await option.waitFor();
      expect((await option.textContent()) ?? "").toContain(name);
      await expectClean(page, widget, [option]);
    }

    await pickerOption(widget, USER_LONG).click();
    await widget.getByText(msg("owner.chosen", { name: USER_LONG }), { exact: true }).waitFor();
    const reassign = widget.getByRole("button", { name: msg("owner.reassign"), exact: true });
    await expectClean(page, widget, [reassign, widget.getByRole("button", { name: msg("owner.cancel") })]);
    await expect.poll(() => reassign.isEnabled()).toBe(true);
    await reassign.click();
    await widget.getByText(msg("owner.done", { name: USER_LONG }), { exact: true }).waitFor();
    // The header was read again: the new owner is the long-named user, as text.
    await expectExactText(widget, msg("record.meta", { module: "Deals", owner: USER_LONG }));
    await expectClean(page, widget, [widget.getByRole("button", { name: msg("app.close") })]);
  });

  it("list view: hostile records selected, their owners and locks, and a hostile new owner", async () => {
    const { page } = browser;
    const ids = [H.records.dealManual, H.records.dealAuto, H.records.dealShared];
    await page.goto(`${sandbox.current.url}/list?module=Deals&ids=${ids.join(",")}&as=${SEED.users.admin}&open=1`);
    const widget = await widgetFrame(page, "list.html");
    await widget.getByTestId("bulk-table").waitFor();
    await widget.getByText(msg("bulk.selected", { count: 3 })).waitFor();
    await untilSized(widget);
    const rows: [string, string, string][] = [
      [H.records.dealManual, N.dealManual, USER_RTL],
      [H.records.dealAuto, N.dealAuto, USER_LONG],
      [H.records.dealShared, N.dealShared, HOSTILE.fullName],
    ];
    for (const [id, name, owner] of rows) {
      const cells = widget.locator(`tr[data-record-id="${id}"] td`);
      expect(await cells.nth(0).textContent()).toBe(name);
      expect(await cells.nth(1).textContent()).toBe(owner);
    }
    await widget.locator(`tr[data-record-id="${H.records.dealManual}"]`).getByText(msg("badge.lock.manual"), { exact: true }).waitFor();
    await widget.locator(`tr[data-record-id="${H.records.dealAuto}"]`).getByText(msg("badge.lock.automatic"), { exact: true }).waitFor();
    const chooseOwner = widget.getByRole("button", { name: msg("bulk.chooseOwner") });
    await expectClean(page, widget, [chooseOwner, widget.getByRole("button", { name: msg("app.close") })]);

    await chooseOwner.click();
    const search = widget.getByLabel(msg("owner.search"));
    await search.fill("lengthy");
    const option = pickerOption(widget, USER_LONG);
    await option.waitFor();
    await expectClean(page, widget, [option]);
    await option.click();
    const plan = widget.getByTestId("reassign-plan");
    await plan.waitFor();
    await expectClean(page, widget, [plan.getByRole("button").first()]);
  });

  it("settings: the overview and the Deals editor with the hostile rule, profile and custom button", async () => {
    const { page } = browser;
    const widget = await openSettings();
    const deals = widget.locator('tr[data-module="Deals"]');
    await widget.locator('[data-testid="overview"][data-settled="true"]').waitFor();
    // Two rules, one of them the hostile one.
    expect(await deals.getByRole("cell").nth(2).textContent()).toBe("2");
    const edit = widget.getByRole("button", { name: msg("settings.edit", { module: "Deals" }) });
    await expectClean(page, widget, [edit]);

    await edit.click();
    await widget.locator("[data-editor-module]").waitFor();
    const ruleName = widget.locator("[data-rule]").nth(1).getByRole("textbox", { name: msg("settings.ruleName"), exact: false });
    expect(await ruleName.inputValue()).toBe(N.rule);
    const removeRule = widget.getByRole("button", { name: msg("settings.removeRuleNamed", { name: N.rule }), exact: true });
    const profile = widget.getByRole("checkbox", { name: N.profile, exact: true });
    const button = widget.getByRole("checkbox", { name: N.customButton, exact: true });
    expect(await profile.isChecked()).toBe(true);
    expect(await button.isChecked()).toBe(true);
    await expectClean(page, widget, [ruleName, removeRule, profile, button]);

    // Change the hostile rule and review: the change list names it, as text.
    const lockExisting = widget.locator("[data-rule]").nth(1).getByRole("switch");
    await lockExisting.uncheck();
    const review = widget.getByRole("button", { name: msg("settings.reviewCount", { count: 1 }) });
    await review.click();
    await widget.getByRole("heading", { name: msg("settings.reviewHeading") }).waitFor();
    const changes = widget.locator("[data-editor-module]");
    expect(await changes.textContent()).toContain(N.rule);
    await expectClean(page, widget, [widget.getByRole("button", { name: msg("settings.save"), exact: true })]);
  });

  it("the watch passes the widget's own icons and flags any other <svg> in its frame", async () => {
    const widget = await openSettings();
    const [path] = Object.values(ICONS);
    const reports = async () => (await injectionReports(browser.page)).find((report) => report.url.includes("/app/settings.html"))?.nodes ?? [];
    await widget.evaluate((d) => {
      const make = (attributes: Record<string, string>, pathD: string) => {
        const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
        for (const [name, value] of Object.entries(attributes)) svg.setAttribute(name, value);
        const drawn = document.createElementNS("http://www.w3.org/2000/svg", "path");
        drawn.setAttribute("d", pathD);
        svg.append(drawn);
        document.body.append(svg);
      };
      make({ class: "icon", viewBox: "0 0 16 16", "aria-hidden": "true", focusable: "false" }, d);
      make({ class: "icon", viewBox: "0 0 16 16", "aria-hidden": "true", focusable: "false", id: "not-an-icon-path" }, "M0 0L16 16");
      make({ class: "injected", viewBox: "0 0 16 16" }, d);
    }, path ?? "");
    await expect.poll(reports).toHaveLength(2);
    const nodes = await reports();
    expect(nodes[0]).toContain('id="not-an-icon-path"');
    expect(nodes[1]).toContain('class="injected"');
  });

  it("client portals: a hostile user type, its hostile users, moving them, and its editor", async () => {
    const { page } = browser;
    const widget = await openSettings();
    await widget.getByRole("button", { name: msg("portals.tab") }).click();
    const types = widget.getByTestId("user-types");
    await types.waitFor();
    const row = widget.locator(`tr[data-user-type="${H.userType}"]`);
    expect(await row.locator("td").first().textContent()).toBe(N.userType);
    const showUsers = widget.getByRole("button", { name: msg("portals.showUsers", { name: N.userType }), exact: true });
    const editType = widget.getByRole("button", { name: msg("portals.editType", { name: N.userType }), exact: true });
    await expectClean(page, widget, [showUsers, editType, widget.getByRole("button", { name: msg("portals.newType") })]);

    await showUsers.click();
    const users = widget.getByTestId("portal-users");
    await users.waitFor();
    await expectExactText(widget, msg("portals.usersHeading", { name: N.userType }));
    const long = widget.locator(`tr[data-personality="${H.records.contactLong}"] td`);
    const rtl = widget.locator(`tr[data-personality="${H.records.contactRtl}"] td`);
    expect(await long.nth(1).textContent()).toBe(PORTAL_LONG);
    expect(await long.nth(2).textContent()).toBe(N.portalUserLong.email);
    expect(await rtl.nth(1).textContent()).toBe(PORTAL_RTL);
    expect(await rtl.nth(2).textContent()).toBe(N.portalUserRtl.email);
    expect(await rtl.nth(3).textContent()).toContain(N.portalStatusReason);
    const deactivate = widget.getByRole("button", { name: msg("portals.deactivate", { name: PORTAL_LONG }), exact: true });
    const activate = widget.getByRole("button", { name: msg("portals.activate", { name: PORTAL_RTL }), exact: true });
    const selectLong = widget.getByRole("checkbox", { name: msg("portals.selectUser", { name: PORTAL_LONG }), exact: true });
    const selectRtl = widget.getByRole("checkbox", { name: msg("portals.selectUser", { name: PORTAL_RTL }), exact: true });
    await expectClean(page, widget, [deactivate, activate, selectLong, selectRtl, widget.getByRole("button", { name: msg("portals.back") })]);
    // In a 400 px window the rows stack; the long and right-to-left names still wrap inside it.
    const wide = page.viewportSize();
    await page.setViewportSize({ width: 400, height: 800 });
    await expectClean(page, widget, [deactivate, activate, selectLong, selectRtl]);
    if (wide) await page.setViewportSize(wide);

    // Move both to Customer: the per-user results name them, as text.
    await selectLong.check();
    await selectRtl.check();
    const move = widget.getByRole("button", { name: msg("portals.move", { count: 2 }) });
    await expectClean(page, widget, [move]);
    await move.click();
    const summary = widget.getByTestId("portal-run-summary");
    await summary.getByText(msg("portals.summary.transfer", { done: 2, failed: 0 })).waitFor();
    const results = widget.getByTestId("portal-run-results").locator("tr[data-result]");
    expect(await results.count()).toBe(2);
    expect(await widget.locator(`tr[data-result="${H.records.contactLong}"] td`).first().textContent()).toBe(PORTAL_LONG);
    expect(await widget.locator(`tr[data-result="${H.records.contactRtl}"] td`).first().textContent()).toBe(PORTAL_RTL);
    await expectClean(page, widget, [widget.getByRole("button", { name: msg("portals.back") })]);

    // The type's editor holds the hostile name as the name field's value.
    await widget.getByRole("button", { name: msg("portals.back") }).click();
    await widget.getByRole("button", { name: msg("portals.editType", { name: N.userType }), exact: true }).click();
    const nameField = widget.getByRole("textbox", { name: `${msg("portals.typeName")} ${msg("app.required")}`, exact: true });
    await nameField.waitFor();
    expect(await nameField.inputValue()).toBe(N.userType);
    await expectClean(page, widget, [nameField]);
  });
});
