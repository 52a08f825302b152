/**
 * A scripted REST side for component tests: answers are queued per
 * "METHOD /path" and every call is recorded. An unscripted call fails the
 * test loudly instead of answering something plausible.
 */
import type { RawAnswer } from "../../widget-src/crm/decode";
import { fail, ok, type CrmResult } from "../../widget-src/crm/result";
import type { FakeCall } from "./fake-port";

export type Scripted = CrmResult<RawAnswer> | (() => CrmResult<RawAnswer> | Promise<CrmResult<RawAnswer>>);

export function restScript(routes: Record<string, Scripted[]>) {
  const queues = new Map(Object.entries(routes).map(([key, answers]) => [key, [...answers]]));
  const unexpected: string[] = [];
  const rest = async (call: FakeCall): Promise<CrmResult<RawAnswer>> => {
    const key = `${call.method} ${call.path}`;
    const queue = queues.get(key);
    // The last answer repeats, so re-reads need not be scripted one by one.
    const next = queue && (queue.length > 1 ? queue.shift() : queue[0]);
    if (!next) {
      unexpected.push(key);
      return fail("UNSCRIPTED", key);
    }
    return typeof next === "function" ? next() : next;
  };
  return { rest, unexpected };
}

export const noContent = (): CrmResult<RawAnswer> => ok({ status: 204, body: undefined });
export const answer = (body: unknown, status = 200): CrmResult<RawAnswer> => ok({ status, body });
export const success = (details: Record<string, unknown> = {}, status = 200) =>
  answer({ data: [{ code: "SUCCESS", status: "success", message: "ok", details }] }, status);
