import type { CrmError, CrmResult } from "../crm/result";

/** The state of one read: it is loading, it worked, or it failed (never "empty"). */
export type Load<T> = { status: "loading" } | { status: "ready"; value: T } | { status: "error"; error: CrmError };

export const LOADING = { status: "loading" } as const;

export function fromResult<T>(result: CrmResult<T>): Load<T> {
  return result.ok ? { status: "ready", value: result.value } : { status: "error", error: result.error };
}

export function mapLoad<T, U>(load: Load<T>, map: (value: T) => U): Load<U> {
  return load.status === "ready" ? { status: "ready", value: map(load.value) } : load;
}
