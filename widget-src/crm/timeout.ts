import { LOCAL_CODES, fail, type CrmResult } from "./result";

/**
 * The SDK has no timeouts: a call the host never answers never settles.
 * Every call goes through here so it always ends.
 */
export function withTimeout<T>(work: Promise<CrmResult<T>>, ms: number, what: string): Promise<CrmResult<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<CrmResult<T>>((resolve) => {
    timer = setTimeout(() => resolve(fail(LOCAL_CODES.timeout, `${what} got no answer in ${ms} ms`, { ms })), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
