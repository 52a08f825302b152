/** Seeded record shares. */
import type { ShareEntry } from "../api/model";
import { SEED } from "./ids";
import { seedTime } from "./time";

const U = SEED.users;

export function seedShares(): Record<string, ShareEntry[]> {
  const toUser = (id: string, permission: ShareEntry["permission"], day: number, by: string = U.salesManager): ShareEntry => ({
    sharedWith: { id, type: "users" },
    permission,
    share_related_records: false,
    type: "private",
    sharedTime: seedTime(day),
    sharedBy: by,
  });
  const limitUsers = [U.standard, U.atThreshold, U.backlog, U.thresholdDisabled, U.noRestriction, U.carla, U.dan, U.eva, U.finn, U.gina];
  return {
    [SEED.records.dealShared]: [
      toUser(U.carla, "read_write", 14),
      { ...toUser(U.dan, "read_only", 15), share_related_records: true },
      {
        sharedWith: { id: SEED.groups.emea, type: "groups" },
        permission: "read_only",
        share_related_records: false,
        type: "private",
        sharedTime: seedTime(16),
        sharedBy: U.salesManager,
      },
    ],
    [SEED.records.dealShareLimit]: limitUsers.map((id, i) => toUser(id, "read_only", 10 + i)),
  };
}
