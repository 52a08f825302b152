import { LOCAL_CODES, fail, type CrmResult } from "./result";

/**
 * The SDK has no timeouts: a call the host never answers never settles.
 * Every call goes through here so it always ends. `details` go into the
 * TIMEOUT error (the requester adds the HTTP method: only a timed-out write
 * leaves its outcome unknown).
 */
export function withTimeout<T>(work: Promise<CrmResult<T>>, ms: number, what: string, details: Record<string, unknown> = {}): Promise<CrmResult<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<CrmResult<T>>((resolve) => {
    timer = setTimeout(() => resolve(fail(LOCAL_CODES.timeout, `${what} got no answer in ${ms} ms`, { ...details, ms })), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
