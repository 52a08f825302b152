// Every screen of the widget, as a user reaches it in the sandbox: used by
// `npm run screenshots` (scripts/screenshots.mjs) to photograph each one, and
// by the browser tests (test/e2e/layout.test.ts) to check that none overflows
// horizontally. Buttons are found by their catalogue strings, so the steps
// hold in every language.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const catalogue = (code) => JSON.parse(readFileSync(join(root, `app/translations/${code}.json`), "utf8"));
const english = catalogue("en");

/** English, and German through an administrator whose CRM speaks German (Bruno Backup). */
export const LANGUAGES = [
  { code: "en", strings: english, user: "admin", sampleReason: "Quarter-end audit" },
  { code: "de", strings: { ...english, ...catalogue("de") }, user: "admin2", sampleReason: "Prüfung zum Quartalsende" },
];
export const THEMES = ["day", "night"];

/** A catalogue string with its {placeholders} filled, as the widget shows it (numbers as plain digits). */
export function text(language, key, params = {}) {
  const template = language.strings[key];
  if (template === undefined) throw new Error(`no catalogue string ${key}`);
  return template.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/** The widget's iframe once it has loaded `file`. */
async function widgetFrame(page, file) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const frame = page.frames().find((candidate) => candidate.url().includes(`/app/${file}`));
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error(`the widget frame ${file} never loaded`);
}

/** Until the widget's content and its iframe keep one height for 200 ms; fails after 5 s. */
export async function settle(page, frame) {
  const element = await frame.frameElement();
  const heights = async () =>
    `${await frame.evaluate(() => document.body.scrollHeight)}/${await element.evaluate((node) => node.getBoundingClientRect().height)}`;
  const deadline = Date.now() + 5_000;
  let last = await heights();
  let stillSince = Date.now();
  while (Date.now() - stillSince < 200) {
    if (Date.now() > deadline) throw new Error("the widget never kept one size");
    await page.waitForTimeout(40);
    const now = await heights();
    if (now !== last) [last, stillSince] = [now, Date.now()];
  }
  // Fonts and transitions: nothing may still be fading in.
  await frame.evaluate(() => document.fonts.ready);
}

/** Until nothing matches the locator (10 s at most). */
async function waitForNone(locator) {
  const deadline = Date.now() + 10_000;
  while ((await locator.count()) > 0) {
    if (Date.now() > deadline) throw new Error("still there after 10 s");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const hostQuery = ({ theme }) => (theme === "night" ? "&theme=night" : "");

async function openRecord({ page, sandbox, seed, theme, language }, module, id) {
  const as = seed.users[language.user];
  await page.goto(`${sandbox.url}/record?module=${module}&id=${id}&as=${as}&open=1${hostQuery({ theme })}`);
  const frame = await widgetFrame(page, "record.html");
  await frame.locator("[data-lock-settled=true]").waitFor();
  await settle(page, frame);
  return frame;
}

async function openList(context, ids) {
  const { page, sandbox, seed, theme, language } = context;
  const as = seed.users[language.user];
  await page.goto(`${sandbox.url}/list?module=Deals&ids=${ids.join(",")}&as=${as}&open=1${hostQuery({ theme })}`);
  const frame = await widgetFrame(page, "list.html");
  await frame.locator("[data-bulk-settled=true]").waitFor();
  await settle(page, frame);
  return frame;
}

async function openSettings({ page, sandbox, seed, theme, language }) {
  const as = seed.users[language.user];
  await page.goto(`${sandbox.url}/settings?as=${as}${hostQuery({ theme })}`);
  const frame = await widgetFrame(page, "settings.html");
  await frame.locator("[data-testid=overview][data-settled=true]").waitFor();
  return frame;
}

/** The settings tab's "Client portals" section, once its user types are there. */
async function openPortals(context) {
  const frame = await openSettings(context);
  await frame.getByRole("button", { name: text(context.language, "portals.tab") }).click();
  await frame.locator("[data-portals-settled=true]").waitFor();
  await settle(context.page, frame);
  return frame;
}

const record = (name, pick) => ({
  name,
  kind: "popup",
  async open(context) {
    const { module, id } = pick(context.seed);
    return openRecord(context, module, id);
  },
});

/**
 * Each screen: `open(context)` brings it up and returns the widget's frame.
 * `kind` says how it is framed: "popup" (record and list buttons) or "tab".
 */
export const SCREENS = [
  record("record-locked-automatic", (seed) => ({ module: "Deals", id: seed.records.dealAutoLocked })),
  record("record-locked-manual", (seed) => ({ module: "Deals", id: seed.records.dealManualLocked })),
  record("record-not-locked", (seed) => ({ module: "Deals", id: seed.records.dealUnlocked })),
  record("record-not-configured", (seed) => ({ module: "Leads", id: seed.records.leadNoConfig })),
  {
    name: "record-lock-unknown",
    kind: "popup",
    async open(context) {
      const { page, sandbox, seed, theme, language } = context;
      const as = seed.users[language.user];
      // Every lock read fails: the popup must say "unknown", never "not locked".
      await page.goto(`${sandbox.url}/record?module=Deals&id=${seed.records.dealUnlocked}&as=${as}&open=1&fault=GET:lock:500${hostQuery({ theme })}`);
      const frame = await widgetFrame(page, "record.html");
      await frame.locator("[data-lock-state=unknown]").waitFor({ timeout: 20_000 });
      await frame.locator("[data-lock-settled=true]").waitFor();
      await settle(page, frame);
      return frame;
    },
  },
  {
    name: "record-lock-form",
    kind: "popup",
    async open(context) {
      const frame = await openRecord(context, "Deals", context.seed.records.dealUnlocked);
      await frame.getByRole("button", { name: text(context.language, "lock.lockEllipsis"), exact: true }).click();
      await frame.getByLabel(text(context.language, "lock.reasonLabel")).fill(context.language.sampleReason);
      await settle(context.page, frame);
      return frame;
    },
  },
  {
    name: "record-sharing",
    kind: "popup",
    async open(context) {
      const frame = await openRecord(context, "Deals", context.seed.records.dealShared);
      await frame.getByRole("button", { name: text(context.language, "share.heading"), exact: true }).click();
      await frame.locator("[data-share-settled=true]").waitFor();
      await frame.getByLabel(text(context.language, "share.search")).fill("ex");
      await frame.getByRole("button", { name: /^Sam Standard/ }).click();
      await settle(context.page, frame);
      return frame;
    },
  },
  {
    name: "record-owner-change",
    kind: "popup",
    async open(context) {
      const frame = await openRecord(context, "Deals", context.seed.records.dealUnlocked);
      await frame.getByRole("button", { name: text(context.language, "owner.heading"), exact: true }).click();
      await frame.locator("[data-owner-state=allowed]").waitFor();
      // Every suggested candidate's capacity has been checked.
      await frame.locator("[data-capacity]").first().waitFor();
      await waitForNone(frame.locator("[data-capacity=checking]"));
      await settle(context.page, frame);
      return frame;
    },
  },
  {
    name: "list-view",
    kind: "popup",
    async open(context) {
      const r = context.seed.records;
      return openList(context, [r.dealAutoLocked, r.dealManualLocked, r.dealUnlocked, r.dealShared, r.dealExcluded]);
    },
  },
  {
    name: "list-view-after-lock",
    kind: "popup",
    async open(context) {
      const r = context.seed.records;
      const frame = await openList(context, [r.dealAutoLocked, r.dealManualLocked, r.dealUnlocked, r.dealShared, r.dealExcluded]);
      await frame.getByRole("button", { name: text(context.language, "lock.lockEllipsis"), exact: true }).click();
      await frame.getByLabel(text(context.language, "lock.reasonLabel")).fill(context.language.sampleReason);
      await frame.getByRole("button", { name: text(context.language, "bulk.lockAll") }).click();
      await frame.getByTestId("bulk-summary").waitFor();
      await settle(context.page, frame);
      return frame;
    },
  },
  {
    name: "list-distribute",
    kind: "popup",
    async open(context) {
      const r = context.seed.records;
      const frame = await openList(context, [r.dealAutoLocked, r.dealManualLocked, r.dealUnlocked, r.dealShared, r.dealExcluded]);
      await frame.getByRole("button", { name: text(context.language, "distribute.open") }).click();
      // Nico has no threshold; Carla has room for 8 and Theo for none, both under a threshold with exclude criteria (checked per record).
      for (const name of ["Nico Free", "Carla Closer", "Theo Threshold"]) {
        await frame.getByLabel(text(context.language, "distribute.search")).fill(name.split(" ")[0]);
        await frame.getByRole("button", { name: new RegExp(`^${name}`) }).click();
      }
      await frame.locator("[data-testid=distribute-plan][data-checks-settled=true]").waitFor();
      await frame.getByTestId("distribute-shares").getByRole("button").nth(1).click();
      await settle(context.page, frame);
      return frame;
    },
  },
  {
    name: "settings-overview",
    kind: "tab",
    open: (context) => openSettings(context),
  },
  {
    name: "settings-editor",
    kind: "tab",
    async open(context) {
      const frame = await openSettings(context);
      await frame.locator('tr[data-module="Deals"]').getByRole("button").first().click();
      await frame.locator("[data-editor-module]").waitFor();
      // The rule's count of matching records, not "Counting…".
      await frame.locator("[data-rule] [data-rule-count]").first().waitFor();
      return frame;
    },
  },
  {
    name: "settings-copy-review",
    kind: "tab",
    async open(context) {
      const frame = await openSettings(context);
      await frame.locator('tr[data-module="Deals"]').getByRole("button").first().click();
      await frame.locator("[data-editor-module]").waitFor();
      await frame.getByRole("button", { name: text(context.language, "settings.applyElsewhere") }).click();
      // Leads (created) and Contacts (replaced), with what each cannot take.
      for (const module of ["Leads", "Contacts"]) await frame.locator(`label:has(input[type=checkbox])`).filter({ hasText: module }).click();
      await frame.getByRole("button", { name: text(context.language, "copy.review#other", { count: 2 }) }).click();
      await frame.locator('[data-copy-target="Contacts"][data-copy-state="ready"]').waitFor();
      await frame.locator('[data-copy-target="Leads"][data-copy-state="ready"]').waitFor();
      await settle(context.page, frame);
      return frame;
    },
  },
  {
    name: "settings-locked-records",
    kind: "tab",
    async open(context) {
      const frame = await openSettings(context);
      await frame.getByRole("button", { name: text(context.language, "console.tab") }).click();
      // The seeded locks' details are read as their rows come into view; the last manual one's reason is among the last.
      await frame.getByText("Account under credit review.", { exact: true }).waitFor();
      await frame.getByText("Pending legal review of the contract amendment.", { exact: true }).waitFor();
      await settle(context.page, frame);
      return frame;
    },
  },
  {
    name: "settings-portals",
    kind: "tab",
    open: (context) => openPortals(context),
  },
  {
    name: "settings-portal-users",
    kind: "tab",
    async open(context) {
      const frame = await openPortals(context);
      await frame.locator("tr[data-user-type]").first().getByRole("button").first().click();
      await frame.locator("[data-users-settled=true]").waitFor();
      await settle(context.page, frame);
      return frame;
    },
  },
  {
    name: "settings-portal-type-editor",
    kind: "tab",
    async open(context) {
      const frame = await openPortals(context);
      // The default type's Edit (its second row action).
      await frame.locator("tr[data-user-type]").first().getByRole("button").nth(1).click();
      await frame.locator("[data-type-editor-settled=true]").waitFor();
      await settle(context.page, frame);
      return frame;
    },
  },
];
