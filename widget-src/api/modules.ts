/**
 * Modules (docs/crm-api.md#modules). There is no "supports record locking" flag:
 * the candidates are the documented modules plus user-created custom ones,
 * and a NOT_SUPPORTED answer for a module's configuration is final (docs/crm-api.md#supported-modules).
 */
import type { RawAnswer } from "../crm/decode";
import { LOCAL_CODES, fail, ok, type CrmResult } from "../crm/result";
import type { ApiRequest } from "../crm/transport";
import { id, isRecord, listUnder, str } from "./read";

export interface ModuleInfo {
  /** Zoho's module id (portal user types name modules by id); empty when the answer lacks it. */
  id: string;
  apiName: string;
  label: string;
  generatedType: string;
}

/** Modules documented to support record locking [D8]. */
export const LOCKING_MODULES = [
  "Leads",
  "Contacts",
  "Accounts",
  "Deals",
  "Quotes",
  "Sales_Orders",
  "Purchase_Orders",
  "Invoices",
  "Vendors",
  "Price_Books",
  "Cases",
  "Solutions",
  "Tasks",
  "Products",
];

export function listModulesRequest(): ApiRequest {
  return { method: "GET", path: "/settings/modules" };
}

export function decodeModules(result: CrmResult<RawAnswer>): CrmResult<ModuleInfo[]> {
  const list = listUnder(result, "modules", "module list");
  if (!list.ok) return list;
  const modules: ModuleInfo[] = [];
  for (const item of list.value) {
    const apiName = isRecord(item) ? str(item.api_name) : undefined;
    if (!isRecord(item) || !apiName) return fail(LOCAL_CODES.unreadable, "A module in the list could not be read");
    modules.push({
      id: id(item.id) ?? "",
      apiName,
      label: str(item.plural_label) ?? str(item.module_name) ?? apiName,
      generatedType: str(item.generated_type) ?? "",
    });
  }
  return ok(modules);
}

/** The modules worth asking about, in the org's order. */
export function lockingCandidates(modules: ModuleInfo[]): ModuleInfo[] {
  return modules.filter((module) => LOCKING_MODULES.includes(module.apiName) || module.generatedType === "custom");
}
