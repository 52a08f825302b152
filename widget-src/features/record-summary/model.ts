/**
 * The record popup's first slice: which record, who owns it, and whether it is
 * locked. The three reads are independent, so they run in parallel: one round
 * trip before the first useful paint.
 */
import { action, batch, createModel, signal } from "@preact/signals";
import { decodeLockInfo, getLockInfoRequest, type LockState } from "../../api/locking-info";
import { decodeRecord, type RecordSummary } from "../../api/records";
import { decodeCurrentUser, type CurrentUser } from "../../api/users";
import type { CrmPort } from "../../crm/port";
import { LOADING, fromResult, type Load } from "../../ui/load";

export const RecordSummaryModel = createModel((port: CrmPort, module: string, recordId: string) => {
  const record = signal<Load<RecordSummary>>(LOADING);
  const lock = signal<Load<LockState>>(LOADING);
  const user = signal<Load<CurrentUser>>(LOADING);

  const load = action(async () => {
    batch(() => {
      record.value = LOADING;
      lock.value = LOADING;
    });
    const lockRequest = getLockInfoRequest(module, recordId);
    const [recordAnswer, lockAnswer, userAnswer] = await Promise.all([
      port.getRecord(module, recordId),
      port.request(lockRequest.method, lockRequest.path, { query: lockRequest.query ?? {} }),
      user.peek().status === "ready" ? undefined : port.currentUser(),
    ]);
    batch(() => {
      record.value = fromResult(recordAnswer.ok ? decodeRecord(recordAnswer.value, module) : recordAnswer);
      lock.value = fromResult(decodeLockInfo(lockAnswer));
      if (userAnswer) user.value = fromResult(userAnswer.ok ? decodeCurrentUser(userAnswer.value) : userAnswer);
    });
  });

  return { record, lock, user, load };
});
