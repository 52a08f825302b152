/**
 * Capacity checks for the candidates a picker shows: at most 4 in flight,
 * each answer kept for the picker's life, failed ones tried again when asked.
 * The record popup asks for one record (exclude criteria apply); the list
 * view asks for the module (a user's capacity in general).
 */
import { batch, computed, signal } from "@preact/signals";
import { decodePermit, type Permit } from "../../api/permit-threshold";
import { send } from "../../api/send";
import type { CrmPort } from "../../crm/port";
import { failWith, type CrmError } from "../../crm/result";
import type { ApiRequest } from "../../crm/transport";
import { createLimiter, type Limiter } from "../../lib/limit";
import { LOADING, fromResult, type Load } from "../../ui/load";
import { capacityOf, notApplicable, type Capacity } from "./capacity";

export const MAX_CHECKS_IN_FLIGHT = 4;

/** `limit`: share one with other checks so that all of them together stay at 4; these go ahead of the others. */
export function createCapacityChecks(port: CrmPort, requestFor: (userId: string) => ApiRequest, limit: Limiter = createLimiter(MAX_CHECKS_IN_FLIGHT)) {
  const checks = signal<ReadonlyMap<string, Load<Permit>>>(new Map());
  /** Set once a check says the module or edition has no thresholds: no more checks are needed. */
  const thresholdsAbsent = signal<CrmError | null>(null);

  /** Reads a candidate's capacity; a new function whenever any check changes, so views re-render. */
  const capacity = computed(() => {
    const absent = thresholdsAbsent.value;
    const known = checks.value;
    return (userId: string): Capacity => (absent ? capacityOf({ status: "error", error: absent }) : capacityOf(known.get(userId)));
  });

  const set = (userId: string, load: Load<Permit> | undefined) => {
    const next = new Map(checks.peek());
    if (load) next.set(userId, load);
    else next.delete(userId);
    checks.value = next;
  };

  const pending = new Map<string, Promise<Load<Permit>>>();

  /** Checks one user now (queued behind at most 4 others), whatever is known. */
  const run = (userId: string): Promise<Load<Permit>> => {
    const running = runOnce(userId).finally(() => pending.delete(userId));
    pending.set(userId, running);
    return running;
  };

  /** The answer known for a user, the check under way, or a new check when neither (or the last one failed). */
  const settled = (userId: string): Promise<Load<Permit>> => {
    const known = checks.peek().get(userId);
    if (known && known.status === "ready") return Promise.resolve(known);
    return pending.get(userId) ?? run(userId);
  };

  const runOnce = async (userId: string): Promise<Load<Permit>> => {
    set(userId, LOADING);
    // A queued check is dropped once another one found that thresholds do not apply here.
    const result = await limit(async () => {
      const absent = thresholdsAbsent.peek();
      return absent ? failWith<Permit>(absent) : decodePermit(await send(port, requestFor(userId)));
    }, true);
    const load = fromResult(result);
    batch(() => {
      if (!result.ok && notApplicable(result.error)) thresholdsAbsent.value = result.error;
      set(userId, load);
    });
    return load;
  };

  /** Checks the users not checked yet; failed checks are tried again. */
  const check = (userIds: string[]) => {
    if (thresholdsAbsent.peek()) return;
    for (const userId of userIds) {
      const known = checks.peek().get(userId);
      if (known && known.status !== "error") continue;
      void run(userId);
    }
  };

  /** Forgets a user's answer (their capacity changed): checked again when shown next. */
  const forget = (userId: string) => set(userId, undefined);

  return { checks, thresholdsAbsent, capacity, check, run, settled, forget };
}

export type CapacityChecks = ReturnType<typeof createCapacityChecks>;
