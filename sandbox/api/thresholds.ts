/** Assignment threshold lookups shared by the permit check, change owner and the thresholds read. */
import type { State, Threshold, ThresholdUser } from "./model";

/**
 * The threshold a user belongs to in a module, with their entry. A module
 * may have several thresholds, each for its own users; a user is in at most
 * one of them [SB].
 */
export function thresholdOf(state: State, module: string, userId: string): { threshold: Threshold; entry: ThresholdUser } | undefined {
  for (const threshold of state.thresholds) {
    if (threshold.module !== module) continue;
    const entry = threshold.users.find((user) => user.userId === userId);
    if (entry) return { threshold, entry };
  }
  return undefined;
}
