import type { LockState } from "../../api/locking-info";
import type { Load } from "../../ui/load";

/** A record the search found locked, in one of the modules with locking. */
export interface LockedRecord {
  /** `module/id`: ids are unique per org, the module keeps the key readable. */
  key: string;
  module: string;
  moduleLabel: string;
  id: string;
  name: string;
}

/** Lock details are read per record, as rows come into view; absent means not asked for yet. */
export type DetailMap = ReadonlyMap<string, Load<LockState>>;

export const keyOf = (module: string, id: string) => `${module}/${id}`;
