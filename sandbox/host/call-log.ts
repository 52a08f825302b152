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

/** `answer`, logging each API call in `log` with its start and answer times. */
export function withCallLog(answer: Answerer, log: CallLog, now: () => number = () => performance.now()): Answerer {
  return async (request) => {
    const category = apiCallCategory(request);
    if (!category) return answer(request);
    const call: ApiCall = { category, startedAt: now() };
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
