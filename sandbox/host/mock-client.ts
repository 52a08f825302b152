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

export function createMockCaller(base: string, latencyMs: number | undefined, fetchImpl: typeof fetch = fetch): MockCaller {
  return async (method, pathAndQuery, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.userId) headers[USER_HEADER] = options.userId;
    if (latencyMs !== undefined) headers[LATENCY_HEADER] = String(latencyMs);
    const response = await fetchImpl(base + pathAndQuery, { method, headers, body: options.body });
    const text = await response.text();
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      if (!HOP_BY_HOP.includes(key.toLowerCase())) responseHeaders[key.toLowerCase()] = value;
    });
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
