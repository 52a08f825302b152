/**
 * The lock panel: status, what the lock restricts, and the manual lock,
 * reason edit and unlock actions. Every action is followed by a fresh read of
 * the lock: what is shown comes from the CRM, never from what we expected.
 */
import { action, batch, computed, createModel, signal } from "@preact/signals";
import { decodeLockConfig, getLockConfigRequest, type LockConfig } from "../../api/locking-configurations";
import {
  decodeLockInfo,
  editReasonRequest,
  getLockInfoRequest,
  lockRequest,
  unlockRequest,
  type LockState,
} from "../../api/locking-info";
import { decodeWriteResult } from "../../api/items";
import { mayLock } from "../../api/profiles";
import { send as sendRequest } from "../../api/send";
import type { CrmPort } from "../../crm/port";
import type { CrmError } from "../../crm/result";
import type { ApiRequest } from "../../crm/transport";
import { LOADING, fromResult, type Load } from "../../ui/load";
import type { Session } from "../session/model";
import { deriveLockOffer } from "./offer";
import { checkReason, type ReasonProblem } from "./reason";
import { describeRestrictions, type Restrictions } from "./restrictions";
import { deriveLockStatus } from "./status";

export type LockAction = "lock" | "editReason" | "unlock";

export type ActionOutcome =
  | { kind: "done"; action: LockAction }
  | { kind: "failed"; action: LockAction; error: CrmError }
  | { kind: "invalid"; action: LockAction; problem: ReasonProblem };

export const RecordLockModel = createModel((port: CrmPort, session: Session, module: string, recordId: string) => {
  const lock = signal<Load<LockState>>(LOADING);
  const config = signal<Load<LockConfig | undefined>>(LOADING);
  const canLock = signal<Load<boolean>>(LOADING);
  const pending = signal<LockAction | null>(null);
  const outcome = signal<ActionOutcome | null>(null);

  const status = computed(() => deriveLockStatus(lock.value, config.value));
  /** Everything the lock card shows has been read (each read done or failed): its layout will not move any more. */
  const settled = computed(() => [lock.value, config.value, canLock.value].every((load) => load.status !== "loading"));
  /** Who may change a manual lock: a definite "no" from the profile hides the actions; unknown leaves them to the CRM. */
  const mayChangeManualLock = computed(() => !(canLock.value.status === "ready" && !canLock.value.value));
  /** The restrictions with the configuration's read state, for features that must wait for it. */
  const restrictionsLoad = computed<Load<Restrictions | undefined>>(() =>
    config.value.status === "ready" ? { status: "ready", value: restrictions.value } : config.value,
  );
  const offer = computed(() => deriveLockOffer(lock.value, config.value, canLock.value));
  const restrictions = computed(() => {
    const current = config.value;
    const user = session.user.value;
    if (current.status !== "ready" || !current.value) return undefined;
    return describeRestrictions(current.value, user.status === "ready" ? user.value : undefined);
  });

  const send = (request: ApiRequest) => sendRequest(port, request);

  const readLock = async () => {
    lock.value = fromResult(decodeLockInfo(await send(getLockInfoRequest(module, recordId))));
  };

  // The configuration changes rarely: read once per popup.
  const readConfig = async () => {
    if (config.peek().status === "ready") return;
    config.value = LOADING;
    config.value = fromResult(decodeLockConfig(await send(getLockConfigRequest(module))));
  };

  const readPermission = async () => {
    if (canLock.peek().status === "ready") return;
    const permissions = await session.loadPermissions();
    canLock.value = fromResult(permissions.ok ? { ok: true, value: mayLock(permissions.value, module) } : permissions);
  };

  /** All first reads at once: one round trip to the status and restrictions. */
  const load = action(async () => {
    lock.value = LOADING;
    await Promise.all([readLock(), readConfig(), readPermission()]);
  });

  /** Resolves true when the CRM accepted the change, so a form can keep what was typed otherwise. */
  const perform = async (name: LockAction, request: () => ApiRequest): Promise<boolean> => {
    if (pending.peek()) return false; // a double click must not send twice
    batch(() => {
      pending.value = name;
      outcome.value = null;
    });
    const result = decodeWriteResult(await send(request()), "data");
    await readLock();
    batch(() => {
      pending.value = null;
      outcome.value = result.ok ? { kind: "done", action: name } : { kind: "failed", action: name, error: result.error };
    });
    return result.ok;
  };

  const withReason = (name: LockAction, reason: string, request: (reason: string) => ApiRequest) => {
    const problem = checkReason(reason);
    if (problem) {
      outcome.value = { kind: "invalid", action: name, problem };
      return Promise.resolve(false);
    }
    return perform(name, () => request(reason));
  };

  const lockRecord = action((reason: string) => withReason("lock", reason, (text) => lockRequest(module, recordId, text)));

  const currentLockId = () => {
    const state = lock.peek();
    return state.status === "ready" && state.value.kind === "locked" ? state.value.lock.id : undefined;
  };

  const editReason = action((reason: string) => {
    const lockId = currentLockId();
    if (!lockId) return Promise.resolve(false);
    return withReason("editReason", reason, (text) => editReasonRequest(module, recordId, lockId, text));
  });

  const unlock = action(() => {
    const lockId = currentLockId();
    if (!lockId) return Promise.resolve(false);
    return perform("unlock", () => unlockRequest(module, recordId, lockId));
  });

  return {
    lock,
    config,
    canLock,
    pending,
    outcome,
    status,
    settled,
    mayChangeManualLock,
    offer,
    restrictions,
    restrictionsLoad,
    load,
    lockRecord,
    editReason,
    unlock,
  };
});

export type RecordLock = InstanceType<typeof RecordLockModel>;
