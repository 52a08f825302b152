import type { ModuleRow } from "../lock-settings/overview-model";
import type { ConsoleModule } from "./scan";

/**
 * The modules to search: those with a configuration, and those whose
 * configuration could not be read (unknown is not "not configured"; their
 * records may be locked). Unconfigured modules cannot hold locks.
 */
export function consoleModules(rows: readonly ModuleRow[]): ConsoleModule[] {
  return rows.flatMap(({ module, config }) => {
    if (config.status === "ready" && config.value) {
      return [{ apiName: module.apiName, label: module.label, rules: config.value.rules.map(({ id, name }) => ({ id, name })) }];
    }
    return config.status === "error" ? [{ apiName: module.apiName, label: module.label, rules: [] }] : [];
  });
}
