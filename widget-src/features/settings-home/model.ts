/** The settings tab's shell state: who is signed in. */
import { action, createModel, signal } from "@preact/signals";
import { decodeCurrentUser, type CurrentUser } from "../../api/users";
import type { CrmPort } from "../../crm/port";
import { LOADING, fromResult, type Load } from "../../ui/load";

export const SettingsHomeModel = createModel((port: CrmPort) => {
  const user = signal<Load<CurrentUser>>(LOADING);
  const load = action(async () => {
    const answer = await port.currentUser();
    user.value = fromResult(answer.ok ? decodeCurrentUser(answer.value) : answer);
  });
  return { user, load };
});
