/**
 * The portals section of the settings tab: the org's portals, the user types
 * of the chosen one, which screen is open (the types, a type's users, the
 * type editor), and the one result shown above the types (the latest: a
 * save, a delete, a refusal). A user type with users cannot be deleted: that
 * is said before anything is sent, with an offer to move the users first.
 */
import { action, batch, computed, createModel, signal } from "@preact/signals";
import { decodeWriteResult } from "../../api/items";
import {
  MAX_USER_TYPES,
  decodePortals,
  decodeUserTypes,
  deleteUserTypeRequest,
  listPortalsRequest,
  listUserTypesRequest,
  type Portal,
  type UserType,
} from "../../api/portals";
import { mayManagePortals } from "../../api/profiles";
import { send } from "../../api/send";
import type { CrmPort } from "../../crm/port";
import type { CrmError } from "../../crm/result";
import { LOADING, fromResult, type Load } from "../../ui/load";
import { profileAllows, type Session } from "../session/model";

/** The one result shown above the user types: only the latest, never one beside an older one. */
export type TypeOutcome =
  | { kind: "saved"; name: string }
  | { kind: "deleted"; name: string }
  /** Refused before sending: the type still has users (or their number is unknown). */
  | { kind: "hasUsers"; type: UserType }
  | { kind: "failed"; error: CrmError };

/** What the section shows: the user types, the users of one, or the editor of one (null: a new type). */
export type PortalsScreen = { kind: "types" } | { kind: "users"; type: UserType; moveAll: boolean } | { kind: "editor"; type: UserType | null };

/** A number of users that is known (the CRM may leave it out: that is not 0). */
export const knownCount = (type: UserType): boolean => Number.isInteger(type.users);

export const PortalsModel = createModel((port: CrmPort, session: Session) => {
  const portals = signal<Load<Portal[]>>(LOADING);
  const portal = signal<string | null>(null);
  const types = signal<Load<UserType[]>>(LOADING);
  const outcome = signal<TypeOutcome | null>(null);
  const busy = signal(false);
  const screen = signal<PortalsScreen>({ kind: "types" });
  /** The type whose delete waits for a confirmation. */
  const confirming = signal<UserType | null>(null);

  /** Managing portals needs "Manage Portal" (administrators always); others get the CRM's NO_PERMISSION. */
  const canManage = computed(() => profileAllows(session, mayManagePortals));
  const typeList = computed(() => (types.value.status === "ready" ? types.value.value : []));
  /** The portal has as many user types as it may: no new one can be created. */
  const atLimit = computed(() => typeList.value.length >= MAX_USER_TYPES);
  /** Nothing of the section is still loading (screenshots and tests wait for it). */
  const settled = computed(() => {
    const list = portals.value;
    if (list.status === "loading" || canManage.value.status === "loading") return false;
    return list.status === "error" || portal.value === null || types.value.status !== "loading";
  });

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
      confirming.value = null;
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

  /** "Delete…": a type without users asks first; one with users (or an unknown number) says why not, without asking. */
  const askDelete = action((type: UserType) => {
    if (busy.peek()) return;
    if (type.users === 0) confirming.value = type;
    else void deleteType(type);
  });

  const cancelDelete = action(() => {
    confirming.value = null;
  });

  const confirmDelete = action(async () => {
    const type = confirming.peek();
    confirming.value = null;
    if (type) await deleteType(type);
  });

  /** The types the users on screen can move to: the others built on the same module (a contact cannot become an account). */
  const moveTargets = computed(() => {
    const current = screen.value;
    if (current.kind !== "users") return [];
    const { id, personalityModule } = current.type;
    return typeList.value.filter((other) => other.id !== id && other.personalityModule.apiName === personalityModule.apiName);
  });

  const openUsers = action((type: UserType, moveAll: boolean) => {
    batch(() => {
      confirming.value = null;
      screen.value = { kind: "users", type, moveAll };
    });
  });

  const openEditor = action((type: UserType | null) => {
    if (type === null && atLimit.peek()) return;
    batch(() => {
      confirming.value = null;
      screen.value = { kind: "editor", type };
    });
  });

  /** Back from a type's users: the types are read again (their numbers of users may have changed). */
  const closeUsers = action(async () => {
    screen.value = { kind: "types" };
    await refreshTypes();
  });

  /** Back from the editor; `saved`: the name of the type just saved (the one result to show), or null. */
  const closeEditor = action(async (saved: string | null) => {
    batch(() => {
      screen.value = { kind: "types" };
      outcome.value = saved === null ? null : { kind: "saved", name: saved };
    });
    const name = portal.peek();
    if (name) await readTypes(name);
  });

  return {
    portals,
    portal,
    types,
    typeList,
    outcome,
    busy,
    screen,
    confirming,
    canManage,
    atLimit,
    settled,
    load,
    choosePortal,
    refreshTypes,
    deleteType,
    askDelete,
    cancelDelete,
    confirmDelete,
    moveTargets,
    openUsers,
    openEditor,
    closeUsers,
    closeEditor,
  };
});

export type Portals = InstanceType<typeof PortalsModel>;
