/**
 * Every module's record-locking state, for the settings overview: the
 * module list, then each candidate's configuration. NOT_SUPPORTED for a
 * module is final: it leaves the list.
 *
 * Two waves: the module list, then every configuration at once (up to 8 in
 * flight, docs/crm-api.md#rate-limits-and-retries says why 8 here). With the
 * module list cached from an earlier open (lib/metadata-cache.ts), the
 * configurations are read in the same wave as the fresh module list, which
 * then replaces the cached one.
 */
import { action, computed, createModel, signal } from "@preact/signals";
import { decodeLockConfig, getLockConfigRequest, withEditRestricted, type LockConfig } from "../../api/locking-configurations";
import { decodeModules, listModulesRequest, lockingCandidates, type ModuleInfo } from "../../api/modules";
import { mayCustomize } from "../../api/profiles";
import { send } from "../../api/send";
import type { CrmPort } from "../../crm/port";
import { LOADING, fromResult, type Load } from "../../ui/load";
import { createLimiter } from "../../lib/limit";
import type { MetadataCache } from "../../lib/metadata-cache";
import { profileAllows, type Session } from "../session/model";

export const MAX_READS_IN_FLIGHT = 8;

/** What a row's button does: set up an unconfigured module, edit a configured one (or one whose read failed), or only look. */
export type RowAction = "setUp" | "edit" | "view";

export interface ModuleRow {
  module: ModuleInfo;
  config: Load<LockConfig | undefined>;
  action: RowAction;
  /** The button waits for the row's read. */
  actionDisabled: boolean;
  /** Of a configuration that was read: its rules and blocked actions (edit first, each once). */
  counts?: { rules: number; blockedActions: string[] };
}


function rowOf(module: ModuleInfo, config: Load<LockConfig | undefined>, editable: boolean): ModuleRow {
  const configured = config.status === "ready" ? config.value : undefined;
  const action: RowAction = !editable ? "view" : config.status === "ready" && !configured ? "setUp" : "edit";
  return {
    module,
    config,
    action,
    actionDisabled: config.status === "loading",
    ...(configured ? { counts: { rules: configured.rules.length, blockedActions: withEditRestricted(configured.restrictedActions) } } : {}),
  };
}

export const OverviewModel = createModel((port: CrmPort, session: Session, cache?: MetadataCache) => {
  const modules = signal<Load<ModuleInfo[]>>(LOADING);
  const configs = signal<ReadonlyMap<string, Load<LockConfig | undefined>>>(new Map());
  const limit = createLimiter(MAX_READS_IN_FLIGHT);

  /** Who may edit: the Customize Zoho CRM permission (administrators always). */
  const canEdit = computed(() => profileAllows(session, mayCustomize));
  /** Editing is offered only once the permission is known to allow it; until then, and when it cannot be read, the settings are read-only. */
  const editable = computed(() => canEdit.value.status === "ready" && canEdit.value.value);
  const readOnly = computed(() => !editable.value);
  /** The permission is known to be missing: the overview says why nothing can be changed. */
  const readOnlyKnown = computed(() => canEdit.value.status === "ready" && !canEdit.value.value);

  /** Rows of modules that support locking (or may: still loading, or unreadable). */
  const rows = computed<ModuleRow[]>(() => {
    const list = modules.value;
    if (list.status !== "ready") return [];
    return lockingCandidates(list.value).flatMap((module) => {
      const config = configs.value.get(module.apiName) ?? LOADING;
      const unsupported = config.status === "error" && config.error.code === "NOT_SUPPORTED";
      return unsupported ? [] : [rowOf(module, config, editable.value)];
    });
  });

  /** Every row's read has ended (read or failed): what the table shows is final. */
  const settled = computed(() => rows.value.every(({ config }) => config.status !== "loading"));

  /** The rows by module API name, for the editor opened from one. */
  const rowsByModule = computed<ReadonlyMap<string, ModuleRow>>(() => new Map(rows.value.map((row) => [row.module.apiName, row])));

  const setConfig = (module: string, config: Load<LockConfig | undefined>) => {
    const next = new Map(configs.peek());
    next.set(module, config);
    configs.value = next;
  };

  const readConfig = async (module: string) => {
    setConfig(module, LOADING);
    setConfig(module, fromResult(decodeLockConfig(await limit(() => send(port, getLockConfigRequest(module))))));
  };

  /** Each candidate's configuration, read once per load (a module in both the cached and the fresh list is read once). */
  const readConfigs = (list: ModuleInfo[], asked: Set<string>) =>
    Promise.all(
      lockingCandidates(list)
        .filter((module) => !asked.has(module.apiName))
        .map((module) => {
          asked.add(module.apiName);
          return readConfig(module.apiName);
        }),
    );

  const load = action(async () => {
    void session.loadPermissions();
    const userKnown = session.load().then((user) => {
      if (user.ok) cache?.confirmUser(user.value.id);
    });
    const asked = new Set<string>();
    const cached = cache?.read<ModuleInfo[]>("modules");
    modules.value = cached ? { status: "ready", value: cached } : LOADING;
    const early = cached ? readConfigs(cached, asked) : Promise.resolve([]);
    const result = decodeModules(await send(port, listModulesRequest()));
    // A failed re-read keeps the cached list on screen, if it was the signed-in user's (the guess
    // of lib/metadata-cache.ts may have been another user's); otherwise the failure shows.
    if (!result.ok && cached) await userKnown;
    if (result.ok || !cached || cache?.read("modules") === undefined) modules.value = fromResult(result);
    if (result.ok) void userKnown.then(() => cache?.write("modules", result.value));
    await Promise.all([early, result.ok ? readConfigs(result.value, asked) : undefined]);
  });

  /** After a save or delete in the editor: that module's row is read again. */
  const refresh = action((module: string) => readConfig(module));

  return { modules, configs, rows, canEdit, editable, readOnly, readOnlyKnown, settled, rowsByModule, load, refresh };
});

export type Overview = InstanceType<typeof OverviewModel>;
