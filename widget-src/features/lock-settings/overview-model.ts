/**
 * Every module's record-locking state, for the settings overview: the
 * module list, then each candidate's configuration with at most 4 reads in
 * flight. NOT_SUPPORTED for a module is final: it leaves the list.
 */
import { action, computed, createModel, signal } from "@preact/signals";
import { decodeLockConfig, getLockConfigRequest, type LockConfig } from "../../api/locking-configurations";
import { decodeModules, listModulesRequest, lockingCandidates, type ModuleInfo } from "../../api/modules";
import { mayCustomize } from "../../api/profiles";
import { send } from "../../api/send";
import type { CrmPort } from "../../crm/port";
import { LOADING, fromResult, type Load } from "../../ui/load";
import { createLimiter } from "../../lib/limit";
import { profileAllows, type Session } from "../session/model";

export const MAX_READS_IN_FLIGHT = 4;

export interface ModuleRow {
  module: ModuleInfo;
  config: Load<LockConfig | undefined>;
}

export const OverviewModel = createModel((port: CrmPort, session: Session) => {
  const modules = signal<Load<ModuleInfo[]>>(LOADING);
  const configs = signal<ReadonlyMap<string, Load<LockConfig | undefined>>>(new Map());
  const limit = createLimiter(MAX_READS_IN_FLIGHT);

  /** Rows of modules that support locking (or may: still loading, or unreadable). */
  const rows = computed<ModuleRow[]>(() => {
    const list = modules.value;
    if (list.status !== "ready") return [];
    return lockingCandidates(list.value).flatMap((module) => {
      const config = configs.value.get(module.apiName) ?? LOADING;
      const unsupported = config.status === "error" && config.error.code === "NOT_SUPPORTED";
      return unsupported ? [] : [{ module, config }];
    });
  });

  /** Who may edit: the Customize Zoho CRM permission (administrators always). */
  const canEdit = computed(() => profileAllows(session, mayCustomize));

  const setConfig = (module: string, config: Load<LockConfig | undefined>) => {
    const next = new Map(configs.peek());
    next.set(module, config);
    configs.value = next;
  };

  const readConfig = async (module: string) => {
    setConfig(module, LOADING);
    setConfig(module, fromResult(decodeLockConfig(await limit(() => send(port, getLockConfigRequest(module))))));
  };

  const load = action(async () => {
    void session.loadPermissions();
    modules.value = LOADING;
    const result = decodeModules(await send(port, listModulesRequest()));
    modules.value = fromResult(result);
    if (!result.ok) return;
    await Promise.all(lockingCandidates(result.value).map((module) => readConfig(module.apiName)));
  });

  /** After a save or delete in the editor: that module's row is read again. */
  const refresh = action((module: string) => readConfig(module));

  return { modules, configs, rows, canEdit, load, refresh };
});

export type Overview = InstanceType<typeof OverviewModel>;
