/**
 * Transport faults the host page can inject into the widget's CRM API calls,
 * per route, to show how the widget behaves when the CRM is slow, busy,
 * broken or silent. Selected with `fault=` on a host page URL, the
 * SANDBOX_FAULTS environment variable or startSandbox({faults}); the syntax
 * is in sandbox/api/README.md ("Fault injection").
 *
 *   fault=GET:lock:500*1             the first lock read answers 500, later ones work
 *   fault=POST:/Deals/{id}/Locking_Information__s:silent
 *   fault=share:429*2,PUT:share:delay
 *
 * Faults act where the host page calls the mock REST API for a CRM_EVENT
 * (ZRC_REQUEST, CRM_CONNECTION and the SDK wrappers that read the API), so a
 * 500 or 429 reaches the widget shaped the way that transport shapes any
 * error. Parsing is pure and runs on the server (to refuse a bad `fault=`
 * with a 400) and in the host page; counts live in the page, so every page
 * load starts them afresh.
 */
import type { Answerer } from "./answers";
import type { MockAnswer, MockCaller } from "./mock-client";

export type FaultKind = "delay" | "429" | "500" | "silent" | "reject";

export interface FaultRule {
  /** The rule as written, for logs and error messages. */
  source: string;
  /** Upper-case HTTP method; undefined matches every method. */
  method?: string;
  /** Path segments below /crm/v8; "*" matches one segment, "**" any number (also none). */
  segments: string[];
  kind: FaultKind;
  /** For "delay": how long the answer is held, in ms. */
  delayMs?: number;
  /** How many matching calls fail; undefined: all of them. */
  times?: number;
}

/**
 * Longer than the widget's per-call timeout (CONFIG.requestTimeoutMs, 15 s)
 * with room to spare, so the widget has given up before the answer comes.
 */
export const DEFAULT_DELAY_MS = 30_000;
const MAX_DELAY_MS = 600_000;

/** Short names for the routes worth breaking; a path starting with "/" can be given instead. */
export const FAULT_ROUTES: Readonly<Record<string, string>> = {
  lock: "/*/*/Locking_Information__s/**",
  share: "/*/*/actions/share",
  owner: "/**/actions/change_owner",
  threshold: "/**/actions/permit_threshold",
  lockConfig: "/settings/record_locking_configurations/**",
  modules: "/settings/modules",
  profiles: "/settings/profiles/**",
  users: "/users/**",
  portals: "/settings/portals/**",
  search: "/*/search",
  count: "/*/actions/count",
};

const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);
const KIND = /^(delay(?:=(\d+))?|429|500|silent|reject)(?:\*(\d+))?$/;
const SEGMENT = /^(?:\*\*?|[A-Za-z0-9_.$-]+|\{[A-Za-z_]+\})$/;

export type FaultParse = { ok: true; rules: FaultRule[] } | { ok: false; error: string };

/** Several specs (page parameters, the environment) joined; empty ones are skipped. */
export function parseFaults(...specs: Array<string | null | undefined>): FaultParse {
  const rules: FaultRule[] = [];
  for (const spec of specs) {
    for (const part of (spec ?? "").split(",")) {
      const text = part.trim();
      if (text === "") continue;
      const rule = parseRule(text);
      if (typeof rule === "string") return { ok: false, error: `fault "${text}": ${rule}` };
      rules.push(rule);
    }
  }
  return { ok: true, rules };
}

/** `[METHOD:]ROUTE:KIND[*N]`; a string is the reason it is not a rule. */
function parseRule(text: string): FaultRule | string {
  const parts = text.split(":");
  if (parts.length < 2 || parts.length > 3) return "write [METHOD:]ROUTE:KIND[*N], e.g. GET:lock:500*1";
  const kindText = parts[parts.length - 1] ?? "";
  const route = parts[parts.length - 2] ?? "";
  const methodText = parts.length === 3 ? (parts[0] ?? "").toUpperCase() : "*";
  if (methodText !== "*" && !METHODS.has(methodText)) return `unknown method ${parts[0] ?? ""} (GET, POST, PUT, PATCH, DELETE or *)`;

  const kind = KIND.exec(kindText);
  if (!kind) return `unknown kind ${kindText} (delay, delay=MS, 429, 500, silent or reject, with *N to fail only the first N calls)`;
  const name = (kind[1]?.startsWith("delay") ? "delay" : kind[1]) as FaultKind;
  const rule: FaultRule = { source: text, segments: [], kind: name };
  if (methodText !== "*") rule.method = methodText;
  if (name === "delay") {
    const ms = kind[2] === undefined ? DEFAULT_DELAY_MS : Number(kind[2]);
    if (ms > MAX_DELAY_MS) return `a delay is at most ${MAX_DELAY_MS} ms`;
    rule.delayMs = ms;
  }
  if (kind[3] !== undefined) {
    const times = Number(kind[3]);
    if (times < 1) return "*N needs N of at least 1";
    rule.times = times;
  }

  const path = route.startsWith("/") ? route : FAULT_ROUTES[route];
  if (path === undefined) return `unknown route ${route} (a path such as /Deals/*/actions/share, or one of ${Object.keys(FAULT_ROUTES).join(", ")})`;
  const segments = path.replace(/^\/crm\/v8(?=\/|$)/, "").split("/").filter(Boolean);
  if (segments.length === 0 || !segments.every((segment) => SEGMENT.test(segment))) {
    return `bad path ${path}: segments are names, * (one segment), ** (any number) or {name} (one segment)`;
  }
  rule.segments = segments.map((segment) => (segment.startsWith("{") ? "*" : segment));
  return rule;
}

/** Whether a REST call (`path` as the host sends it, with /crm/v8 and maybe a query) falls under the rule's route. */
export function matchesRoute(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method !== undefined && rule.method !== method.toUpperCase()) return false;
  const pathname = path.split("?")[0] ?? "";
  if (!pathname.startsWith("/crm/v8/")) return false;
  const segments = pathname.slice("/crm/v8/".length).split("/").filter(Boolean).map(decodeSegment);
  return matchSegments(rule.segments, segments);
}

function matchSegments(pattern: readonly string[], segments: readonly string[]): boolean {
  const [head, ...rest] = pattern;
  if (head === undefined) return segments.length === 0;
  if (head === "**") return segments.some((_, index) => matchSegments(rest, segments.slice(index))) || matchSegments(rest, []);
  const [first, ...others] = segments;
  if (first === undefined) return false;
  return (head === "*" || head === first) && matchSegments(rest, others);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** One call a fault fired on; the page keeps them on `window.__sandboxFaults`. */
export interface FaultHit {
  rule: string;
  kind: FaultKind;
  method: string;
  path: string;
}

/** The body Zoho sends for a request-level error (docs/crm-api.md#answers-and-errors). */
export function faultAnswer(kind: "429" | "500"): MockAnswer {
  const body =
    kind === "429"
      ? { code: "TOO_MANY_REQUESTS", message: "Too many requests. Please try again after some time.", status: "error", details: {} }
      : { code: "INTERNAL_ERROR", message: "Internal Server Error", status: "error", details: {} };
  const text = JSON.stringify(body);
  return { status: Number(kind), headers: { "content-type": "application/json;charset=utf-8" }, text, body };
}

/** Thrown by the faulty caller for "reject"; {@link withRejections} turns it into EVENT_RESPONSE_FAILURE. */
export class FaultRejection extends Error {
  readonly data = {
    errorType: "ConnectionError",
    errorMessage: "The CRM page could not complete the request (sandbox fault: reject)",
    message: "The CRM page could not complete the request (sandbox fault: reject)",
  };
}

export interface FaultOptions {
  sleep?: (ms: number) => Promise<void>;
  /** Called for every fault that fires. */
  onHit?: (hit: FaultHit) => void;
}

/**
 * `call` with the rules applied: the first rule whose route matches and whose
 * count is not used up decides. 429 and 500 answer without reaching the API
 * (nothing changes), silent never answers (nothing changes), reject fails at
 * once (nothing changes), and delay sends the call at once (a write takes
 * effect) but holds its answer.
 */
export function withFaults(call: MockCaller, rules: readonly FaultRule[], options: FaultOptions = {}): MockCaller {
  if (rules.length === 0) return call;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const used = rules.map(() => 0);
  return async (method, path, callOptions) => {
    const index = rules.findIndex((rule, at) => (rule.times === undefined || (used[at] ?? 0) < rule.times) && matchesRoute(rule, method, path));
    const rule = rules[index];
    if (!rule) return call(method, path, callOptions);
    used[index] = (used[index] ?? 0) + 1;
    options.onHit?.({ rule: rule.source, kind: rule.kind, method: method.toUpperCase(), path });
    switch (rule.kind) {
      case "429":
      case "500":
        return faultAnswer(rule.kind);
      case "silent":
        return new Promise<MockAnswer>(() => undefined);
      case "reject":
        throw new FaultRejection("sandbox fault: reject");
      case "delay": {
        const answer = await call(method, path, callOptions);
        await sleep(rule.delayMs ?? DEFAULT_DELAY_MS);
        return answer;
      }
    }
  };
}

/** Answers a call the faulty caller rejected with EVENT_RESPONSE_FAILURE, as a CRM page whose request failed would. */
export function withRejections(answer: Answerer): Answerer {
  return async (request) => {
    try {
      return await answer(request);
    } catch (error) {
      if (error instanceof FaultRejection) return { ok: false, data: error.data };
      throw error;
    }
  };
}
