/**
 * The org's users for the share and owner pickers: loaded only when a picker
 * opens, page 1 first, the rest with at most 4 requests in flight, and kept
 * for the popup's life.
 */
import { action, batch, computed, createModel, signal } from "@preact/signals";
import { send } from "../../api/send";
import { decodeUsersPage, listUsersRequest, type CrmUser } from "../../api/users";
import type { CrmPort } from "../../crm/port";
import type { CrmError } from "../../crm/result";
import { buildIndex, extendIndex, type SearchIndex } from "./search";
import { loadAllPages } from "../../lib/load-pages";

export type DirectoryStatus = "idle" | "loading" | "partial" | "complete" | "error";

export const MAX_PAGES_IN_FLIGHT = 4;

export const UserDirectoryModel = createModel((port: CrmPort) => {
  const userText = (user: CrmUser) => `${user.name} ${user.email ?? ""}`;
  const index = signal<SearchIndex<CrmUser>>(buildIndex([], userText));
  const users = computed(() => index.value.items);
  const status = signal<DirectoryStatus>("idle");
  const error = signal<CrmError | null>(null);
  let loading: Promise<void> | undefined;

  const load = action((): Promise<void> => {
    if (loading && status.peek() !== "error") return loading;
    status.value = "loading";
    error.value = null;
    index.value = buildIndex([], userText);
    loading = loadAllPages<CrmUser>({
      concurrency: MAX_PAGES_IN_FLIGHT,
      fetchPage: async (page) => {
        const decoded = decodeUsersPage(await send(port, listUsersRequest(page)));
        return decoded.ok ? { ok: true, value: { items: decoded.value.users, more: decoded.value.more } } : decoded;
      },
      // Pages arrive in order; only each new page is normalised for search.
      onPage: (_, items) =>
        batch(() => {
          index.value = extendIndex(index.peek(), items, userText);
          if (status.peek() === "loading") status.value = "partial";
        }),
    }).then((result) => {
      status.value = result.ok ? "complete" : "error";
      if (!result.ok) error.value = result.error;
    });
    return loading;
  });

  return { users, status, error, index, load };
});

export type UserDirectory = InstanceType<typeof UserDirectoryModel>;
