/**
 * Per module: the pages of locked records found so far, and the module's
 * count of locked records. A search the CRM refuses is that module's error,
 * shown on its own; the other modules carry on.
 */
import type { CrmError } from "../../crm/result";
import type { Load } from "../../ui/load";
import type { LockedRecord } from "./types";

export interface ConsoleModule {
  apiName: string;
  label: string;
  /** The configuration's rules, to name an automatic lock's rule (empty when the configuration could not be read). */
  rules: { id: string; name: string }[];
}

export interface ModuleScan {
  module: ConsoleModule;
  status: "loading" | "ready" | "error";
  error?: CrmError;
  records: LockedRecord[];
  /** The next page to ask for (1-based), when `more`. */
  nextPage: number;
  more: boolean;
  /** Zoho's search stops at its first 2,000 records (docs/crm-api.md#search-records): more are locked than can be listed. */
  capped: boolean;
  /** The Record Count API's answer for the same criteria. */
  total: Load<number>;
}

export interface Totals {
  loaded: number;
  /** Every module's count is known: `total` is exact. Otherwise it is a lower bound. */
  exact: boolean;
  total: number;
  more: boolean;
}

/** Loaded so far against what the counts say (or, where a count is missing, what is loaded plus one when more pages remain). */
export function totalsOf(scans: readonly ModuleScan[]): Totals {
  let loaded = 0;
  let total = 0;
  let exact = true;
  let more = false;
  for (const scan of scans) {
    loaded += scan.records.length;
    more ||= scan.more;
    if (scan.total.status === "ready") total += Math.max(scan.total.value, scan.records.length);
    else {
      exact = false;
      total += scan.records.length + (scan.more ? 1 : 0);
    }
  }
  return { loaded, exact, total, more };
}
