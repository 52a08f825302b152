/**
 * Module metadata that rarely changes, kept in the tab's sessionStorage so
 * the next open shows it at once (and reads what depends on it in the same
 * wave), while a fresh read runs in the background and replaces it. Only
 * metadata goes here: lock status, shares, thresholds and configurations
 * are never served from a cache.
 *
 * Entries are per CRM user (a Zoho user id is unique across orgs, so it also
 * keys the org). The user is known only after an SDK call, so a read uses
 * the last user this tab saw; `confirmUser` forgets that guess when another
 * user signs in, and writes go under the confirmed user only.
 */
const PREFIX = "record-guard:v1:";
/** An entry older than this is not shown, only re-read. */
export const MAX_AGE_MS = 12 * 60 * 60 * 1000;

export interface MetadataCache {
  read<T>(name: string): T | undefined;
  write(name: string, value: unknown): void;
  /** The signed-in user, once known; a different user than the last one drops what was read for the last one. */
  confirmUser(userId: string): void;
}

interface Entry {
  savedAt: number;
  value: unknown;
}

export function createMetadataCache(storage: Pick<Storage, "getItem" | "setItem" | "removeItem"> | undefined, now: () => number = Date.now): MetadataCache {
  let user: string | undefined;
  const safely = <T>(work: () => T): T | undefined => {
    // Storage can be missing, full or blocked (a third-party frame with storage partitioned off): then nothing is cached.
    try {
      return storage ? work() : undefined;
    } catch {
      return undefined;
    }
  };
  const lastUser = () => safely(() => storage!.getItem(`${PREFIX}user`)) ?? undefined;
  const key = (userId: string, name: string) => `${PREFIX}${userId}:${name}`;
  return {
    read<T>(name: string): T | undefined {
      const userId = user ?? lastUser();
      if (!userId) return undefined;
      const entry = safely(() => JSON.parse(storage!.getItem(key(userId, name)) ?? "null") as Entry | null);
      if (!entry || typeof entry.savedAt !== "number" || now() - entry.savedAt > MAX_AGE_MS) return undefined;
      return entry.value as T;
    },
    write(name, value) {
      if (!user) return;
      const userId = user;
      safely(() => storage!.setItem(key(userId, name), JSON.stringify({ savedAt: now(), value } satisfies Entry)));
    },
    confirmUser(userId) {
      user = userId;
      safely(() => storage!.setItem(`${PREFIX}user`, userId));
    },
  };
}

/** The tab's sessionStorage, when the browser lets the widget's frame use it. */
export function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}
