/**
 * The portals section of the settings tab: the org's portals and the user
 * types of the chosen one. A user type with users cannot be deleted: that is
 * said before anything is sent, with an offer to move the users first.
 */
import { action, batch, computed, createModel, signal } from "@preact/signals";
import { decodeWriteResult } from "../../api/items";
import { decodePortals, decodeUserTypes, deleteUserTypeRequest, listPortalsRequest, listUserTypesRequest, type Portal, type UserType } from "../../api/portals";
import { mayManagePortals } from "../../api/profiles";
import { send } from "../../api/send";
import type { CrmPort } from "../../crm/port";
import type { CrmError } from "../../crm/result";
import { LOADING, fromResult, type Load } from "../../ui/load";
import { profileAllows, type Session } from "../session/model";

export type TypeOutcome =
  | { kind: "deleted"; name: string }
  /** Refused before sending: the type still has users (or their number is unknown). */
  | { kind: "hasUsers"; type: UserType }
  | { kind: "failed"; error: CrmError };

export const PortalsModel = createModel((port: CrmPort, session: Session) => {
  const portals = signal<Load<Portal[]>>(LOADING);
  const portal = signal<string | null>(null);
  const types = signal<Load<UserType[]>>(LOADING);
  const outcome = signal<TypeOutcome | null>(null);
  const busy = signal(false);

  /** Managing portals needs "Manage Portal" (administrators always); others get the CRM's NO_PERMISSION. */
  const canManage = computed(() => profileAllows(session, mayManagePortals));

  const readTypes = async (name: string) => {
    types.value = LOADING;
    types.value = fromResult(decodeUserTypes(await send(port, listUserTypesRequest(name))));
  };

  const load = action(async () => {
    void session.loadPermissions();
    portals.value = LOADING;
    const result = decodePortals(await send(port, listPortalsRequest()));
    portals.value = fromResult(result);
    const first = result.ok ? result.value[0] : undefined;
    if (first) await choosePortal(first.name);
  });

  const choosePortal = action(async (name: string) => {
    batch(() => {
      portal.value = name;
      outcome.value = null;
    });
    await readTypes(name);
  });

  /** Read the types again (after moving users, say); an earlier notice about them no longer holds. */
  const refreshTypes = action(async () => {
    const name = portal.peek();
    outcome.value = null;
    if (name) await readTypes(name);
  });

  const deleteType = action(async (type: UserType) => {
    const name = portal.peek();
    if (!name || busy.peek()) return;
    // NaN (unknown count) is not zero: never offer a delete on an unknown.
    if (!(type.users === 0)) {
      outcome.value = { kind: "hasUsers", type };
      return;
    }
    busy.value = true;
    const result = decodeWriteResult(await send(port, deleteUserTypeRequest(name, type.id)), "user_type");
    await readTypes(name);
    batch(() => {
      busy.value = false;
      outcome.value = result.ok ? { kind: "deleted", name: type.name } : { kind: "failed", error: result.error };
    });
  });

  return { portals, portal, types, outcome, busy, canManage, load, choosePortal, refreshTypes, deleteType };
});

export type Portals = InstanceType<typeof PortalsModel>;
