/**
 * Reassigning the record's owner, only after the candidate's assignment
 * threshold allows it (Zoho itself checks thresholds only for automated
 * assignment). Checks run at most 4 at a time, are kept per user for the
 * popup's life, and the chosen user is checked again right before sending.
 */
import { action, batch, computed, createModel, signal, type ReadonlySignal } from "@preact/signals";
import {
  changeOwnerRequest,
  type RelatedActivityModule,
} from "../../api/change-owner";
import { decodeWriteResult } from "../../api/items";
import type { LockState } from "../../api/locking-info";
import { recordPermitRequest } from "../../api/permit-threshold";
import type { RecordSummary } from "../../api/records";
import { send } from "../../api/send";
import type { CrmUser } from "../../api/users";
import type { CrmPort } from "../../crm/port";
import type { CrmError } from "../../crm/result";
import type { Load } from "../../ui/load";
import type { Restrictions } from "../record-lock/restrictions";
import type { Session } from "../session/model";
import { capacityOf, mayReceive, type Capacity } from "./capacity";
import { createCapacityChecks } from "./capacity-checks";
import { deriveOwnerGate } from "./gate";


export type OwnerOutcome =
  | { kind: "done"; ownerName: string }
  | { kind: "refused"; capacity: Capacity }
  | { kind: "failed"; error: CrmError };

export interface OwnerModelInput {
  port: CrmPort;
  session: Session;
  record: ReadonlySignal<Load<RecordSummary>>;
  /** Re-reads the record, so the owner shown comes from the CRM after a change. */
  reloadRecord: () => Promise<void>;
  lock: ReadonlySignal<Load<LockState>>;
  restrictions: ReadonlySignal<Load<Restrictions | undefined>>;
  module: string;
  recordId: string;
}

export const OwnerChangeModel = createModel(
  ({ port, session, record, reloadRecord, lock, restrictions, module, recordId }: OwnerModelInput) => {
    const candidates = createCapacityChecks(port, (userId) => recordPermitRequest(module, recordId, userId));
    const { checks, thresholdsAbsent, capacity } = candidates;
    const chosen = signal<CrmUser | null>(null);
    const notify = signal(true);
    const related = signal<RelatedActivityModule[]>([]);
    const busy = signal<"rechecking" | "sending" | null>(null);
    const outcome = signal<OwnerOutcome | null>(null);

    const ownerId = computed(() => (record.value.status === "ready" ? record.value.value.owner?.id : undefined));
    const gate = computed(() =>
      deriveOwnerGate({
        user: session.user.value,
        permissions: session.permissions.value,
        lock: lock.value,
        restrictions: restrictions.value,
      }),
    );

    const chosenCapacity = computed(() => (chosen.value ? capacity.value(chosen.value.id) : undefined));
    const canReassign = computed(
      () => gate.value.kind === "allowed" && chosenCapacity.value !== undefined && mayReceive(chosenCapacity.value) && !busy.value,
    );

    /** Checks the users not checked yet; failed checks are tried again. */
    const checkCandidates = action((userIds: string[]) => candidates.check(userIds));

    const choose = action((user: CrmUser | null) => {
      batch(() => {
        chosen.value = user;
        outcome.value = null;
      });
      if (user) checkCandidates([user.id]);
    });

    const setNotify = action((value: boolean) => {
      notify.value = value;
    });
    const toggleRelated = action((module: RelatedActivityModule, on: boolean) => {
      related.value = on ? [...related.peek().filter((m) => m !== module), module] : related.peek().filter((m) => m !== module);
    });

    /** Re-checks the chosen user (capacity can change meanwhile), then changes the owner. */
    const reassign = action(async () => {
      const user = chosen.peek();
      if (!user || busy.peek() || gate.peek().kind !== "allowed") return;
      batch(() => {
        busy.value = "rechecking";
        outcome.value = null;
      });
      if (!thresholdsAbsent.peek()) {
        const fresh = capacityOf(await candidates.run(user.id));
        if (!mayReceive(fresh) && !thresholdsAbsent.peek()) {
          batch(() => {
            busy.value = null;
            outcome.value = { kind: "refused", capacity: fresh };
          });
          return;
        }
      }
      busy.value = "sending";
      const change = { ownerId: user.id, notify: notify.peek(), relatedModules: related.peek() };
      const result = decodeWriteResult(await send(port, changeOwnerRequest(module, recordId, change)), "data");
      if (!result.ok) {
        batch(() => {
          busy.value = null;
          outcome.value = { kind: "failed", error: result.error };
        });
        return;
      }
      // The change is done even if the re-read fails; the summary shows its own error then.
      await reloadRecord().catch(() => undefined);
      batch(() => {
        // The new owner's capacity changed with this record: check again when shown next.
        candidates.forget(user.id);
        chosen.value = null;
        busy.value = null;
        outcome.value = { kind: "done", ownerName: user.name };
      });
    });

    return {
      checks,
      thresholdsAbsent,
      chosen,
      notify,
      related,
      busy,
      outcome,
      ownerId,
      gate,
      chosenCapacity,
      canReassign,
      capacity,
      checkCandidates,
      choose,
      setNotify,
      toggleRelated,
      reassign,
    };
  },
);

export type OwnerChange = InstanceType<typeof OwnerChangeModel>;
