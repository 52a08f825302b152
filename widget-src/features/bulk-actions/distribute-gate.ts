/**
 * Which selected records may not get a new owner at all, whoever takes
 * them: the signed-in user's profile lacks Change Owner, or the record's
 * lock blocks "change owner" for them (as the record popup says up front,
 * owner-change/gate.ts). Only definite answers block; an unknown lock or
 * profile is sent, and the CRM's RECORD_LOCKED or NO_PERMISSION answers it.
 */
import type { LockConfig } from "../../api/locking-configurations";
import type { Load } from "../../ui/load";
import type { Restrictions } from "../record-lock/restrictions";
import type { NotAssigned } from "./distribute";
import type { BulkRow } from "./plan";

export function blockOf(
  row: BulkRow,
  mayChangeOwner: Load<boolean>,
  config: LockConfig | undefined,
  restrictions: Restrictions | undefined,
): NotAssigned | undefined {
  if (mayChangeOwner.status === "ready" && !mayChangeOwner.value) return { reason: "noPermission" };
  const lock = row.lock.status === "ready" && row.lock.value.kind === "locked" ? row.lock.value.lock : undefined;
  if (!lock || !restrictions?.blockedActions.includes("change_owner") || restrictions.currentUserExempt !== false) return undefined;
  // The lock's reason: the text given with a manual lock, the rule behind an automatic one.
  const detail = lock.source === "manual" ? lock.reason : config?.rules.find((rule) => rule.id === lock.ruleId)?.name;
  return { reason: "locked", detail };
}
