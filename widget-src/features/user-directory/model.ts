/**
 * The org's users for the share and owner pickers: loaded only when a picker
 * opens, page 1 first, the rest with at most 4 requests in flight, and kept
 * for the popup's life.
 */
import { action, computed, createModel, signal } from "@preact/signals";
import { send } from "../../api/send";
import { decodeUsersPage, listUsersRequest, type CrmUser } from "../../api/users";
import type { CrmPort } from "../../crm/port";
import type { CrmError } from "../../crm/result";
import { buildIndex } from "./search";
import { loadAllPages } from "./load-pages";

export type DirectoryStatus = "idle" | "loading" | "partial" | "complete" | "error";

export const MAX_PAGES_IN_FLIGHT = 4;

export const UserDirectoryModel = createModel((port: CrmPort) => {
  const users = signal<CrmUser[]>([]);
  const status = signal<DirectoryStatus>("idle");
  const error = signal<CrmError | null>(null);
  const index = computed(() => buildIndex(users.value, (user) => `${user.name} ${user.email ?? ""}`));
  let loading: Promise<void> | undefined;

  const load = action((): Promise<void> => {
    if (loading && status.peek() !== "error") return loading;
    status.value = "loading";
    error.value = null;
    users.value = [];
    loading = loadAllPages<CrmUser>({
      concurrency: MAX_PAGES_IN_FLIGHT,
      fetchPage: async (page) => {
        const decoded = decodeUsersPage(await send(port, listUsersRequest(page)));
        return decoded.ok ? { ok: true, value: { items: decoded.value.users, more: decoded.value.more } } : decoded;
      },
      onPage: (_, items) => {
        users.value = [...users.value, ...items];
        if (status.peek() === "loading") status.value = "partial";
      },
    }).then((result) => {
      status.value = result.ok ? "complete" : "error";
      if (!result.ok) error.value = result.error;
    });
    return loading;
  });

  return { users, status, error, index, load };
});

export type UserDirectory = InstanceType<typeof UserDirectoryModel>;
