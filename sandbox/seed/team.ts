/**
 * The team seed: `SANDBOX_TEAM=1` (or `team: true`) adds a sales team whose
 * Deals capacities differ, and a departed rep's open deals to hand over, for
 * distributing a selection among several owners (the list view's
 * "Distribute among several owners…", its browser tests and its bench).
 *
 * - 20 users in a second Deals threshold, "Deals: handover team", without
 *   exclude criteria, with room for 2 to 45 more deals (522 in all); plus one
 *   at their backlog limit and one whose entry is switched off. The first
 *   Deals threshold (with exclude criteria: Amount below 1000) is unchanged.
 * - 500 open, unlocked deals owned by Ian Inactive (a disabled user); every
 *   fourth has an Amount of 600, so the first threshold excludes it.
 *
 * Ids come from their own ranges (SEED.team, teamDealId), so the default org
 * is unchanged.
 */
import type { CrmRecord, State, ThresholdUser } from "../api/model";
import { MODULES, SEED, zid } from "./ids";
import { buildUser, type UserRow } from "./people";
import { recordBuilder } from "./records";
import { seedDate } from "./time";

export const TEAM_DEALS = 500;
const DEAL_BASE = 400_000_000;

/** The n-th handover deal (1 to 500). */
export function teamDealId(n: number): string {
  return zid(DEAL_BASE + n);
}

/** [first, last, allowed per period, assigned so far]: room = allowed - assigned. */
const MEMBERS: [string, string, number, number][] = [
  ["Olive", "Twist", 10, 8],
  ["Aaron", "Able", 30, 10],
  ["Bella", "Broad", 30, 10],
  ["Cody", "Cole", 50, 5],
  ["Dina", "Dale", 50, 10],
  ["Emil", "East", 40, 0],
  ["Faye", "Ford", 40, 5],
  ["Gabe", "Gray", 40, 5],
  ["Hana", "Hill", 30, 0],
  ["Ivo", "Irwin", 35, 5],
  ["Jade", "Jones", 30, 0],
  ["Kurt", "Kane", 40, 10],
  ["Lena", "Lake", 25, 0],
  ["Milo", "Moss", 30, 5],
  ["Nora", "Nash", 25, 0],
  ["Omar", "Oakes", 20, 0],
  ["Pam", "Pike", 25, 5],
  ["Quin", "Quay", 20, 0],
  ["Rosa", "Reed", 15, 0],
  ["Saul", "Shaw", 20, 5],
];

/** The 20 team members with a plain threshold, in seed order (Olive, Aaron, Bella, …). */
export const TEAM_CANDIDATES: string[] = MEMBERS.map((_, i) => zid(101101 + i));

const OPEN_STAGES = ["Qualification", "Needs Analysis", "Value Proposition", "Proposal/Price Quote", "Negotiation/Review"];

export function addTeam(state: State): void {
  const P = SEED.profiles;
  const R = SEED.roles;
  const T = SEED.team.users;
  const NY = "America/New_York";
  const rows: UserRow[] = [
    ...MEMBERS.map(([first, last], i): UserRow => [TEAM_CANDIDATES[i] as string, first, last, P.standard, R.salesRep, "en_US", NY]),
    [T.tina, "Tina", "Tally", P.standard, R.salesRep, "en_US", NY],
    [T.uwe, "Uwe", "Unset", P.standard, R.salesRep, "de_DE", "Europe/Berlin"],
  ];
  const first = state.users.length;
  state.users.push(...rows.map((row, i) => buildUser(row, first + i)));

  const entry = (userId: string, allowCount: number, assigned: number): ThresholdUser => ({
    userId,
    allowCount,
    assigned,
    backlogLimit: null,
    backlog: 0,
    disabled: false,
  });
  state.thresholds.push({
    id: SEED.team.threshold,
    name: "Deals: handover team",
    module: MODULES.deals,
    active: true,
    exclude: null,
    users: [
      ...MEMBERS.map(([, , allowed, assigned], i) => entry(TEAM_CANDIDATES[i] as string, allowed, assigned)),
      { ...entry(T.tina, 20, 4), backlogLimit: 6, backlog: 6 },
      { ...entry(T.uwe, 10, 0), disabled: true },
    ],
  });

  const build = recordBuilder(state.users);
  const deals: CrmRecord[] = Array.from({ length: TEAM_DEALS }, (_, i) => {
    const n = i + 1;
    const label = String(n).padStart(3, "0");
    return build(teamDealId(n), SEED.users.inactive, -(n % 200), {
      Deal_Name: `Handover deal ${label}`,
      Stage: OPEN_STAGES[n % OPEN_STAGES.length] as string,
      Amount: n % 4 === 0 ? 600 : 2000 + ((n * 37) % 50) * 100,
      Closing_Date: seedDate(30 + (n % 60)),
      Probability: 40,
      Type: n % 2 === 0 ? "New Business" : "Existing Business",
      Description: null,
    });
  });
  (state.records[MODULES.deals] ??= []).push(...deals);
}
