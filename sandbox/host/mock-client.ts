/**
 * How the host page reaches the mock REST API: same-origin fetches to
 * /crm/v8/..., marked with the user the call runs as and the page's latency.
 * Runs in the browser, and in node tests against a running sandbox.
 */
import { LATENCY_HEADER, USER_HEADER } from "./config";

export interface MockAnswer {
  status: number;
  /** Lower-case response header names. */
  headers: Record<string, string>;
  /** Raw body text ("" for 204). */
  text: string;
  /** Parsed JSON body; undefined when empty or not JSON. */
  body: unknown;
}

export interface MockCallOptions {
  /** The user the call runs as; undefined runs it as the seeded administrator (the connection owner). */
  userId?: string;
  /** Request body as sent on the wire (JSON text). */
  body?: string;
  headers?: Record<string, string>;
}

export type MockCaller = (method: string, pathAndQuery: string, options?: MockCallOptions) => Promise<MockAnswer>;

/** Transport details of the sandbox's own HTTP hop, not part of the API's answer. */
const HOP_BY_HOP = ["connection", "keep-alive", "transfer-encoding"];

/**
 * `latencyMs`: each answer is returned that long after the call started. The
 * caller waits it out itself and asks the server for none: a browser opens at
 * most 6 HTTP/1.1 connections to the sandbox, so answers held on the server
 * would queue behind each other, which Zoho's HTTP/2 API does not do.
 * Undefined leaves the server's own latency (SANDBOX_LATENCY_MS) in place.
 */
export function createMockCaller(base: string, latencyMs: number | undefined, fetchImpl: typeof fetch = fetch): MockCaller {
  return async (method, pathAndQuery, options = {}) => {
    const started = performance.now();
    const headers: Record<string, string> = { ...options.headers };
    if (options.userId) headers[USER_HEADER] = options.userId;
    if (latencyMs !== undefined) headers[LATENCY_HEADER] = "0";
    const response = await fetchImpl(base + pathAndQuery, { method, headers, body: options.body });
    const text = await response.text();
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      if (!HOP_BY_HOP.includes(key.toLowerCase())) responseHeaders[key.toLowerCase()] = value;
    });
    const left = latencyMs === undefined ? 0 : started + latencyMs - performance.now();
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
    return { status: response.status, headers: responseHeaders, text, body: parseJson(text) };
  };
}

export function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
