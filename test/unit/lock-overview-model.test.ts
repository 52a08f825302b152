import { describe, expect, it } from "vitest";
import type { RawAnswer } from "../../widget-src/crm/decode";
import { fail, type CrmResult } from "../../widget-src/crm/result";
import { createMetadataCache, type MetadataCache } from "../../widget-src/lib/metadata-cache";
import { MAX_READS_IN_FLIGHT, OverviewModel } from "../../widget-src/features/lock-settings/overview-model";
import { SessionModel } from "../../widget-src/features/session/model";
import { answer, noContent } from "../support/fake-crm";
import { IDS, createFakePort, type FakeCall } from "../support/fake-port";
import { ADMIN_PROFILE, CONFIG_ID, configBody } from "../support/lock-fixtures";

const CONFIGS = "/settings/record_locking_configurations";
const PROFILE = `/settings/profiles/${IDS.standardProfile}`;

const modulesBody = (...names: [string, string][]) =>
  answer({
    modules: names.map(([api_name, generated_type], index) => ({
      id: `572576700000000${String(index + 1).padStart(4, "0")}`,
      api_name,
      plural_label: api_name.replace(/_/g, " "),
      generated_type,
    })),
  });

const ORG_MODULES = modulesBody(
  ["Leads", "default"],
  ["Contacts", "default"],
  ["Deals_X_Contacts", "linking"],
  ["Accounts", "default"],
  ["Deals", "default"],
  ["Campaigns", "default"],
  ["Projects", "custom"],
  ["Invoices", "default"],
  ["Tasks", "default"],
  ["Quotes", "default"],
  ["Cases", "default"],
  ["Vendors", "default"],
);
const CANDIDATES = ["Leads", "Contacts", "Accounts", "Deals", "Projects", "Invoices", "Tasks", "Quotes", "Cases", "Vendors"];

const profileBody = (customize: boolean | undefined) =>
  answer({
    profiles: [
      {
        id: IDS.standardProfile,
        name: "Standard",
        permissions_details: [
          { name: "Crm_Implied_Share", display_label: "Share", module: null, enabled: true },
          ...(customize === undefined ? [] : [{ name: "Crm_Implied_Customize_Zoho_CRM", display_label: "Customize Zoho CRM", module: null, enabled: customize }]),
        ],
      },
    ],
  });

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

const settle = async (rounds = 20) => {
  for (let i = 0; i < rounds; i += 1) await new Promise((done) => setTimeout(done, 0));
};

const moduleOf = (call: FakeCall) => call.options.query?.module ?? "";

/**
 * A CRM whose configuration reads are answered per module by `configs`;
 * when `hold` is set, each read waits until the test releases it.
 */
function setup(options: {
  modules?: CrmResult<RawAnswer>;
  configs?: (module: string, attempt: number) => CrmResult<RawAnswer>;
  hold?: boolean;
  profile?: CrmResult<RawAnswer>;
  administrator?: boolean;
  cache?: MetadataCache;
}) {
  const held: { module: string; release: () => void }[] = [];
  const attempts = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  const rest = async (call: FakeCall): Promise<CrmResult<RawAnswer>> => {
    const key = `${call.method} ${call.path}`;
    if (key === "GET /settings/modules") return options.modules ?? ORG_MODULES;
    if (key.startsWith("GET /settings/profiles/")) return options.profile ?? profileBody(true);
    if (key !== `GET ${CONFIGS}`) return fail("UNSCRIPTED", key);
    const module = moduleOf(call);
    const attempt = (attempts.get(module) ?? 0) + 1;
    attempts.set(module, attempt);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    if (options.hold) {
      const gate = deferred<void>();
      held.push({ module, release: () => gate.resolve() });
      await gate.promise;
    }
    inFlight -= 1;
    return options.configs?.(module, attempt) ?? noContent();
  };
  const fake = createFakePort({
    rest,
    ...(options.administrator
      ? {
          user: () =>
            Promise.resolve({
              ok: true as const,
              value: { users: [{ id: IDS.user, full_name: "Ada Admin", profile: { id: ADMIN_PROFILE.id, name: ADMIN_PROFILE.name } }] },
            }),
        }
      : {}),
  });
  const session = new SessionModel(fake.port);
  const model = new OverviewModel(fake.port, session, options.cache);
  const configReads = () => fake.calls.filter((call) => call.path === CONFIGS);
  return { model, session, calls: fake.calls, held, configReads, stats: () => ({ inFlight, maxInFlight }) };
}

const rowOf = (model: InstanceType<typeof OverviewModel>, module: string) => model.rows.value.find((row) => row.module.apiName === module);

describe("overview model", () => {
  it("reads the module list first, then the candidates' configurations with at most 8 in flight", async () => {
    const { model, calls, held, configReads, stats } = setup({ hold: true });
    const loading = model.load();
    await settle();
    expect(calls.filter((call) => call.path !== PROFILE).map((call) => call.path)[0]).toBe("/settings/modules");
    expect(MAX_READS_IN_FLIGHT).toBe(8);
    expect(held).toHaveLength(8);
    expect(configReads().map(moduleOf)).toEqual(CANDIDATES.slice(0, 8));
    expect(model.rows.value.map((row) => row.config.status)).toEqual(CANDIDATES.map(() => "loading"));

    held[0]!.release();
    await settle();
    expect(held).toHaveLength(9);
    expect(stats().inFlight).toBe(8);

    // Releasing one read at a time lets exactly one more start, never more.
    for (let released = 1; released < held.length; released += 1) {
      held[released]!.release();
      await settle();
      expect(stats().inFlight).toBeLessThanOrEqual(MAX_READS_IN_FLIGHT);
    }
    await loading;
    expect(held).toHaveLength(CANDIDATES.length);
    expect(stats().maxInFlight).toBe(8);
    expect(configReads().map(moduleOf)).toEqual(CANDIDATES);
    expect(configReads().every((call) => call.method === "GET")).toBe(true);
    expect(model.rows.value.map((row) => [row.module.apiName, row.config.status])).toEqual(CANDIDATES.map((name) => [name, "ready"]));
  });

  it("never asks about linking or unlisted modules", async () => {
    const { model, configReads } = setup({});
    await model.load();
    expect(configReads().map(moduleOf)).not.toContain("Deals_X_Contacts");
    expect(configReads().map(moduleOf)).not.toContain("Campaigns");
  });

  it("drops a module that answers NOT_SUPPORTED and keeps the other rows", async () => {
    const { model } = setup({
      configs: (module) =>
        module === "Projects"
          ? fail("NOT_SUPPORTED", "the module is not supported", { api_name: "module", json_path: "$.module" }, 400)
          : module === "Deals"
            ? answer(configBody())
            : noContent(),
    });
    await model.load();
    expect(model.rows.value.map((row) => row.module.apiName)).toEqual(CANDIDATES.filter((name) => name !== "Projects"));
    expect(rowOf(model, "Deals")?.config).toMatchObject({ status: "ready", value: { id: CONFIG_ID, lockType: "both" } });
  });

  it("shows a failed read as an error row, never as not configured", async () => {
    const { model } = setup({
      configs: (module) =>
        module === "Accounts" ? fail("INTERNAL_ERROR", "boom", {}, 500) : module === "Leads" ? answer({ unexpected: true }) : noContent(),
    });
    await model.load();
    expect(rowOf(model, "Accounts")?.config).toMatchObject({ status: "error", error: { code: "INTERNAL_ERROR" } });
    // An answer that cannot be read is an error too, not "no configuration".
    expect(rowOf(model, "Leads")?.config).toMatchObject({ status: "error" });
  });

  it("shows 204 as not configured", async () => {
    const { model } = setup({});
    await model.load();
    expect(rowOf(model, "Contacts")?.config).toEqual({ status: "ready", value: undefined });
  });

  it("shows the module list's failure and reads no configuration", async () => {
    const { model, configReads } = setup({ modules: fail("NO_PERMISSION", "no", {}, 403) });
    await model.load();
    expect(model.modules.value).toMatchObject({ status: "error", error: { code: "NO_PERMISSION" } });
    expect(model.rows.value).toEqual([]);
    expect(configReads()).toEqual([]);
  });

  describe("canEdit", () => {
    it("is true with the Customize Zoho CRM permission in the user's profile", async () => {
      const { model, calls } = setup({ profile: profileBody(true) });
      await model.load();
      await settle();
      expect(calls.filter((call) => call.path === PROFILE)).toHaveLength(1);
      expect(model.canEdit.value).toEqual({ status: "ready", value: true });
    });

    it("is false when the permission is off or missing", async () => {
      const off = setup({ profile: profileBody(false) });
      await off.model.load();
      await settle();
      expect(off.model.canEdit.value).toEqual({ status: "ready", value: false });

      const missing = setup({ profile: profileBody(undefined) });
      await missing.model.load();
      await settle();
      expect(missing.model.canEdit.value).toEqual({ status: "ready", value: false });
    });

    it("is an error, not 'may edit', when the profile cannot be read", async () => {
      const { model } = setup({ profile: fail("NO_PERMISSION", "no", {}, 403) });
      await model.load();
      await settle();
      expect(model.canEdit.value).toMatchObject({ status: "error" });
    });

    it("is true for administrators whatever the profile read says", async () => {
      const { model, calls } = setup({ administrator: true, profile: fail("NO_PERMISSION", "no", {}, 403) });
      await model.load();
      await settle();
      expect(calls.some((call) => call.path === `/settings/profiles/${ADMIN_PROFILE.id}`)).toBe(true);
      expect(model.canEdit.value).toEqual({ status: "ready", value: true });
    });
  });

  it("refresh(module) reads that one row again", async () => {
    const { model, configReads } = setup({
      configs: (module, attempt) => (module === "Deals" && attempt > 1 ? answer(configBody({ lock_type: "manual", locking_rules: [] })) : noContent()),
    });
    await model.load();
    expect(rowOf(model, "Deals")?.config).toEqual({ status: "ready", value: undefined });
    const before = configReads().length;
    const refreshing = model.refresh("Deals");
    expect(rowOf(model, "Deals")?.config.status).toBe("loading");
    await refreshing;
    expect(configReads().slice(before).map(moduleOf)).toEqual(["Deals"]);
    expect(rowOf(model, "Deals")?.config).toMatchObject({ status: "ready", value: { lockType: "manual", rules: [] } });
    expect(rowOf(model, "Contacts")?.config).toEqual({ status: "ready", value: undefined });
  });

  describe("rows for the table", () => {
    const configs = (module: string) =>
      module === "Deals"
        ? answer(configBody({ restricted_actions: ["delete", "update", "delete", "tags"], locking_rules: [{ id: "5725767000000300101", name: "A", lock_existing_records: false, criteria: {} }, { id: "5725767000000300102", name: "B", lock_existing_records: false, criteria: {} }] }))
        : module === "Accounts"
          ? fail("INTERNAL_ERROR", "boom", {}, 500)
          : noContent();

    it("name each button for what it does: set up a module without a configuration, edit one with a configuration or an unreadable one", async () => {
      const { model } = setup({ configs });
      await model.load();
      await settle();
      expect(model.editable.value).toBe(true);
      expect(rowOf(model, "Leads")?.action).toBe("setUp");
      expect(rowOf(model, "Deals")?.action).toBe("edit");
      // A failed read is not "not configured": the editor reads it again.
      expect(rowOf(model, "Accounts")?.action).toBe("edit");
      expect(model.rows.value.every((row) => !row.actionDisabled)).toBe(true);
    });

    it("offer only to view, for every module, to a user who may not customise or whose permission is not known yet", async () => {
      const { model } = setup({ configs, profile: profileBody(false) });
      expect(model.readOnly.value).toBe(true);
      expect(model.readOnlyKnown.value).toBe(false);
      await model.load();
      await settle();
      expect(model.readOnlyKnown.value).toBe(true);
      expect(model.rows.value.map((row) => row.action)).toEqual(CANDIDATES.map(() => "view"));
    });

    it("count the rules and the blocked actions (edit first, each once) of a configuration that was read, and only then", async () => {
      const { model } = setup({ configs });
      await model.load();
      expect(rowOf(model, "Deals")?.counts).toEqual({ rules: 2, blockedActions: ["update", "delete", "tags"] });
      expect(rowOf(model, "Leads")?.counts).toBeUndefined();
      expect(rowOf(model, "Accounts")?.counts).toBeUndefined();
    });

    it("are settled once every read has ended, and each button waits for its row's read", async () => {
      const { model, held } = setup({ configs, hold: true });
      const loading = model.load();
      await settle();
      expect(model.settled.value).toBe(false);
      expect(rowOf(model, "Leads")?.actionDisabled).toBe(true);
      for (let index = 0; index < CANDIDATES.length; index += 1) {
        held[index]?.release();
        await settle();
      }
      await loading;
      expect(model.settled.value).toBe(true);
      expect(model.rows.value.some((row) => row.actionDisabled)).toBe(false);
    });

    it("can be looked up by module, for the editor opened from one", async () => {
      const { model } = setup({ configs });
      await model.load();
      expect(model.rowsByModule.value.get("Deals")?.module.label).toBe("Deals");
      expect(model.rowsByModule.value.get("Leads")?.action).toBe("setUp");
      expect(model.rowsByModule.value.get("Campaigns")).toBeUndefined();
    });
  });

  describe("with the module list cached from an earlier open", () => {
    function memoryStorage() {
      const stored = new Map<string, string>();
      return {
        stored,
        getItem: (key: string) => stored.get(key) ?? null,
        setItem: (key: string, value: string) => void stored.set(key, value),
        removeItem: (key: string) => void stored.delete(key),
      };
    }

    it("reads the cached candidates' configurations while the fresh module list is still coming, each once", async () => {
      const storage = memoryStorage();
      await setup({ cache: createMetadataCache(storage) }).model.load();
      expect([...storage.stored.keys()]).toContain(`record-guard:v1:${IDS.user}:modules`);

      const modules = deferred<CrmResult<RawAnswer>>();
      const second = setup({ cache: createMetadataCache(storage), modules: modules.promise as unknown as CrmResult<RawAnswer> });
      const loading = second.model.load();
      await settle();
      // The list on screen is the cached one, and its configurations are already asked for.
      expect(second.model.modules.value.status).toBe("ready");
      expect(second.configReads().map(moduleOf)).toEqual(CANDIDATES);
      modules.resolve(ORG_MODULES);
      await loading;
      expect(second.configReads().map(moduleOf)).toEqual(CANDIDATES);
    });

    it("shows the fresh list once it comes, and keeps the cached one when the re-read fails", async () => {
      const storage = memoryStorage();
      await setup({ cache: createMetadataCache(storage) }).model.load();
      const fewer = setup({ cache: createMetadataCache(storage), modules: modulesBody(["Deals", "default"]) });
      await fewer.model.load();
      expect(fewer.model.rows.value.map((row) => row.module.apiName)).toEqual(["Deals"]);
      const failing = setup({ cache: createMetadataCache(storage), modules: fail("INTERNAL_ERROR", "down", {}, 500) });
      await failing.model.load();
      expect(failing.model.rows.value.map((row) => row.module.apiName)).toEqual(["Deals"]);
    });

    it("never shows another user's cached list, and ignores an entry older than 12 hours", async () => {
      const storage = memoryStorage();
      storage.setItem(`record-guard:v1:5725767000000999999:modules`, JSON.stringify({ savedAt: Date.now(), value: [] }));
      const cache = createMetadataCache(storage);
      expect(cache.read("modules")).toBeUndefined();
      cache.confirmUser("5725767000000999999");
      expect(cache.read("modules")).toEqual([]);
      const later = createMetadataCache(storage, () => Date.now() + 12 * 60 * 60 * 1000 + 1);
      later.confirmUser("5725767000000999999");
      expect(later.read("modules")).toBeUndefined();
    });

    it("drops another user's cached list when the re-read fails, and shows the failure", async () => {
      const storage = memoryStorage();
      storage.setItem("record-guard:v1:user", "5725767000000999999");
      storage.setItem("record-guard:v1:5725767000000999999:modules", JSON.stringify({ savedAt: Date.now(), value: [{ id: "", apiName: "Deals", label: "Deals", generatedType: "default" }] }));
      const { model } = setup({ cache: createMetadataCache(storage), modules: fail("INTERNAL_ERROR", "down", {}, 500) });
      await model.load();
      expect(model.modules.value.status).toBe("error");
    });

    it("works without storage, as when the browser blocks it", async () => {
      const blocked = { getItem: () => { throw new Error("SecurityError"); }, setItem: () => { throw new Error("QuotaExceededError"); }, removeItem: () => {} };
      const { model, configReads } = setup({ cache: createMetadataCache(blocked) });
      await model.load();
      expect(configReads().map(moduleOf)).toEqual(CANDIDATES);
    });
  });
});
