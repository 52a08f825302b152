/** Seeded assignment thresholds (drive permit_threshold answers). */
import type { FieldDef, Threshold } from "../api/model";
import { MODULES, SEED, zid } from "./ids";

const U = SEED.users;

export function seedThresholds(fields: Record<string, FieldDef[]>): Threshold[] {
  const amount = (fields[MODULES.deals] ?? []).find((f) => f.api_name === "Amount");
  if (!amount) throw new Error("seed: Deals.Amount missing");
  const entry = (userId: string, allowCount: number, assigned: number, backlogLimit: number | null = null, backlog = 0, disabled = false) => ({
    userId,
    allowCount,
    assigned,
    backlogLimit,
    backlog,
    disabled,
  });
  return [
    {
      id: zid(122001),
      name: "Deals: sales reps",
      module: MODULES.deals,
      active: true,
      exclude: { comparator: "less_than", field: { api_name: "Amount", id: amount.id }, value: "1000" },
      users: [
        entry(U.standard, 20, 5, 50, 3),
        entry(U.carla, 10, 2),
        entry(U.atThreshold, 5, 5),
        entry(U.backlog, 10, 2, 4, 4),
        entry(U.thresholdDisabled, 10, 0, null, 0, true),
      ],
    },
    {
      id: zid(122002),
      name: "Leads: intake",
      module: MODULES.leads,
      active: false,
      exclude: null,
      users: [entry(U.standard, 15, 3)],
    },
  ];
}
