/** Test helpers for the mock CRM (not a test file itself). */
import { createMockCrm } from "../../sandbox/api/index";
import type { MockCrm, MockCrmOptions, MockRequest, MockResponse } from "../../sandbox/api/types";

/**
 * Response bodies are navigated freely in tests; this alias keeps that
 * looseness local to the tests.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export interface CallOptions {
  query?: Record<string, string>;
  body?: unknown;
  userId?: string;
}

export interface Harness {
  crm: MockCrm;
  call(method: MockRequest["method"], path: string, opts?: CallOptions): MockResponse & { body?: Loose };
  get(path: string, query?: Record<string, string>, userId?: string): MockResponse & { body?: Loose };
  clock: Clock;
}

export interface Clock {
  now: () => Date;
  advance(ms: number): void;
}

export function makeClock(start = "2025-06-02T10:00:00Z"): Clock {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms) => void (t += ms) };
}

export function harness(options: MockCrmOptions = {}): Harness {
  const clock = makeClock();
  const crm = createMockCrm({ now: clock.now, ...options });
  const call: Harness["call"] = (method, path, opts = {}) =>
    crm.handle({
      method,
      path: `/crm/v8/${path}`,
      query: opts.query ?? {},
      ...(opts.body !== undefined ? { body: opts.body } : {}),
      ...(opts.userId !== undefined ? { userId: opts.userId } : {}),
    });
  return { crm, call, clock, get: (path, query = {}, userId) => call("GET", path, { query, ...(userId ? { userId } : {}) }) };
}

/** Every value under an `id`-like key in a JSON tree. */
export function collectIds(value: unknown, out: string[] = [], key = ""): string[] {
  if (Array.isArray(value)) {
    for (const v of value) collectIds(v, out, key);
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) collectIds(v, out, k);
  } else if (/^(id|personality_id|.*_Id__s)$/.test(key) && value !== null) {
    out.push(value as string);
  }
  return out;
}

export const ID_RE = /^\d{19}$/;
