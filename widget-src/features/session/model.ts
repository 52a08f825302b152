/**
 * The signed-in CRM user, read once per popup and shared by every feature
 * (locale, time zone, profile).
 */
import { action, createModel, signal } from "@preact/signals";
import { decodeCurrentUser, type CurrentUser } from "../../api/users";
import type { CrmPort } from "../../crm/port";
import type { CrmResult } from "../../crm/result";
import { LOADING, fromResult, type Load } from "../../ui/load";

export const SessionModel = createModel((port: CrmPort) => {
  const user = signal<Load<CurrentUser>>(LOADING);
  let pending: Promise<CrmResult<CurrentUser>> | undefined;

  /** Reads the user once; later calls share that read unless it failed. */
  const load = action((): Promise<CrmResult<CurrentUser>> => {
    if (pending && user.peek().status !== "error") return pending;
    user.value = LOADING;
    pending = port.currentUser().then((answer) => {
      const decoded = answer.ok ? decodeCurrentUser(answer.value) : answer;
      user.value = fromResult(decoded);
      return decoded;
    });
    return pending;
  });

  return { user, load };
});

export type Session = InstanceType<typeof SessionModel>;
