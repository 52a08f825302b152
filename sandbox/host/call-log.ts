/**
 * Counts the widget's calls to the CRM API, as the host page sees them: every
 * CRM_EVENT answered from the REST API (ZRC_REQUEST, CRM_CONNECTION, READ,
 * USER, CONFIG CURRENT_USER/ORG). Page-local requests (GET_PARENT_URL, UI,
 * the other CONFIG types) are not counted. host/index.ts keeps one log per
 * page on `window.__sandboxCalls`; `npm run bench` reads it through Playwright.
 */
import type { Answerer } from "./answers";

export const API_CALL_CATEGORIES = ["zrc_request", "crm_connection", "read", "user", "config_current_user", "config_org"] as const;
export type ApiCallCategory = (typeof API_CALL_CATEGORIES)[number];

export interface ApiCall {
  category: ApiCallCategory;
  /** For REST calls (ZRC_REQUEST, CRM_CONNECTION): the method and the URL's path and query, e.g. "POST /crm/v8/Deals/1/Locking_Information__s". */
  request?: string;
  /** When the host received the request and when it answered, in ms of the page's clock (performance.now()). */
  startedAt: number;
  answeredAt?: number;
}

export interface CallLog {
  counts: Record<ApiCallCategory, number>;
  calls: ApiCall[];
}

export function createCallLog(): CallLog {
  return { counts: Object.fromEntries(API_CALL_CATEGORIES.map((category) => [category, 0])) as CallLog["counts"], calls: [] };
}

/** The API category of a CRM_EVENT's data, or undefined when the host answers it without the CRM API. */
export function apiCallCategory(request: Record<string, unknown>): ApiCallCategory | undefined {
  switch (request.category) {
    case "ZRC_REQUEST":
      return "zrc_request";
    case "CRM_CONNECTION":
      return "crm_connection";
    case "READ":
      return "read";
    case "USER":
      return "user";
    case "CONFIG":
      return request.type === "CURRENT_USER" ? "config_current_user" : request.type === "ORG" ? "config_org" : undefined;
    default:
      return undefined;
  }
}

/** "METHOD /path?query" of a ZRC_REQUEST or CRM_CONNECTION, so tests can count writes; undefined for other categories. */
export function restRequestOf(request: Record<string, unknown>): string | undefined {
  let method: unknown;
  let url: unknown;
  if (request.category === "ZRC_REQUEST") {
    method = isObject(request.requestConfig) ? (request.requestConfig.method ?? "GET") : "GET";
    url = request.url;
  } else if (request.category === "CRM_CONNECTION") {
    const call = isObject(request.data) && isObject(request.data.data) ? request.data.data : {};
    method = call.method ?? "GET";
    url = call.url;
  } else {
    return undefined;
  }
  if (typeof url !== "string" || typeof method !== "string") return undefined;
  try {
    const parsed = new URL(url);
    return `${method.toUpperCase()} ${parsed.pathname}${parsed.search}`;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `answer`, logging each API call in `log` with its start and answer times. */
export function withCallLog(answer: Answerer, log: CallLog, now: () => number = () => performance.now()): Answerer {
  return async (request) => {
    const category = apiCallCategory(request);
    if (!category) return answer(request);
    const call: ApiCall = { category, startedAt: now() };
    const rest = restRequestOf(request);
    if (rest) call.request = rest;
    log.counts[category] += 1;
    log.calls.push(call);
    try {
      return await answer(request);
    } finally {
      call.answeredAt = now();
    }
  };
}

/**
 * Sequential round trips among calls started at `startTimes`: sorted by
 * start, the first call opens a wave, every call started within `windowMs` of
 * that wave's first call joins it, and the next one after that opens a new
 * wave. All reads issued together (the design's goal) make 1 wave; a read that
 * waits for another's answer (≥ the API latency later) opens a second.
 */
export function countWaves(startTimes: readonly number[], windowMs = 50): number {
  let waves = 0;
  let waveStart = Number.NEGATIVE_INFINITY;
  for (const start of [...startTimes].sort((a, b) => a - b)) {
    if (start - waveStart > windowMs) {
      waves += 1;
      waveStart = start;
    }
  }
  return waves;
}

/**
 * Sequential round trips by dependency: a call that started after another
 * had answered may have waited for it, so it is one round trip deeper; a
 * call that started before any answer came is in the first. The depth of
 * the deepest call is the count. Unlike countWaves, calls that start a
 * little apart for timing reasons alone (two answers arriving 40 ms apart)
 * do not open a new wave.
 */
export function countRoundTrips(calls: readonly { startedAt: number; answeredAt?: number | undefined }[]): number {
  const sorted = [...calls].sort((a, b) => a.startedAt - b.startedAt);
  const depth: number[] = [];
  sorted.forEach((call, index) => {
    let deepest = 0;
    for (let earlier = 0; earlier < index; earlier += 1) {
      const answeredAt = sorted[earlier]!.answeredAt;
      if (answeredAt !== undefined && answeredAt <= call.startedAt) deepest = Math.max(deepest, depth[earlier]!);
    }
    depth.push(deepest + 1);
  });
  return Math.max(0, ...depth);
}
