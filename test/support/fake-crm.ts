/**
 * A scripted REST side for the CRM port in unit and component tests: answers
 * are queued per "METHOD /path", every call is recorded, and the script is
 * strict. A call nobody scripted fails the test at once (the port's promise
 * rejects with the call in the message, and the test fails when it ends even
 * if the code under test swallowed the rejection). A scripted route nobody
 * called fails the test too: the script is the list of calls the test
 * expects. A route the code may or may not call is marked with `maybe()`.
 */
import { onTestFinished } from "vitest";
import type { RawAnswer } from "../../widget-src/crm/decode";
import { ok, type CrmResult } from "../../widget-src/crm/result";
import type { FakeCall } from "./fake-port";

export type Scripted = CrmResult<RawAnswer> | (() => CrmResult<RawAnswer> | Promise<CrmResult<RawAnswer>>);

/** Answers for a route that the code under test may call or not (a read raced by another, a retry). */
export interface MaybeCalled {
  maybe: true;
  answers: Scripted[];
}

export const maybe = (...answers: Scripted[]): MaybeCalled => ({ maybe: true, answers });

const describeCall = (call: FakeCall) =>
  `${call.method} ${call.path}${Object.keys(call.options).length > 0 ? ` ${JSON.stringify(call.options)}` : ""}`;

export function restScript(routes: Record<string, Scripted[] | MaybeCalled>) {
  const queues = new Map(Object.entries(routes).map(([key, script]) => [key, Array.isArray(script) ? [...script] : [...script.answers]]));
  const optional = new Set(Object.entries(routes).flatMap(([key, script]) => (Array.isArray(script) ? [] : [key])));
  const called = new Set<string>();
  const unexpected: string[] = [];
  /** Throws when a call came that nobody scripted, or a scripted one never came; run when the test ends. */
  const verify = () => {
    if (unexpected.length > 0) throw new Error(`unscripted CRM calls:\n${unexpected.join("\n")}`);
    const uncalled = [...queues.keys()].filter((key) => !called.has(key) && !optional.has(key));
    if (uncalled.length > 0) throw new Error(`scripted CRM calls that never came:\n${uncalled.join("\n")}`);
  };
  onTestFinished(verify);
  const rest = async (call: FakeCall): Promise<CrmResult<RawAnswer>> => {
    const key = `${call.method} ${call.path}`;
    const queue = queues.get(key);
    // The last answer repeats, so re-reads need not be scripted one by one.
    const next = queue && (queue.length > 1 ? queue.shift() : queue[0]);
    if (!next) {
      unexpected.push(describeCall(call));
      throw new Error(`unscripted CRM call: ${describeCall(call)}`);
    }
    called.add(key);
    return typeof next === "function" ? next() : next;
  };
  return { rest, unexpected, verify };
}

export const noContent = (): CrmResult<RawAnswer> => ok({ status: 204, body: undefined });
export const answer = (body: unknown, status = 200): CrmResult<RawAnswer> => ok({ status, body });
export const success = (details: Record<string, unknown> = {}, status = 200) =>
  answer({ data: [{ code: "SUCCESS", status: "success", message: "ok", details }] }, status);
