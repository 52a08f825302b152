/**
 * What the server tells the host page script about the page it is playing:
 * embedded as JSON in the HTML, read by host/index.ts in the browser.
 */
import type { FaultRule } from "./faults";

export type ZrcErrorMode = "resolve" | "reject";

export interface HostConfig {
  /** "popup": a button opens the widget over the page (record and list views); "tab": framed in the page (web tab, settings). */
  frame: "popup" | "tab";
  /** Widget page URL on the widget origin, without the CRM's query parameters. */
  widgetUrl: string;
  /** Data of the PageLoad event sent after SET_CONTEXT. */
  pageLoad: Record<string, unknown>;
  /** The signed-in CRM user the page acts as (ZRC, SDK wrappers). */
  actingUserId: string;
  /** The CRM theme the SDK reports; "none": the preference answer names no theme (as in orgs without one). */
  theme: "day" | "night" | "none";
  /** Whether a CRM 4xx/5xx from ZRC resolves with `{status ≥ 400}` or rejects with `{error, request, response}`. */
  zrcErrors: ZrcErrorMode;
  /** true: every ZRC_REQUEST fails with a PermissionException, as in orgs where widgets may not use ZRC. */
  zrcRefused: boolean;
  /** How late each mock API answer reaches the widget on this page (host/mock-client.ts waits it out). */
  latencyMs?: number;
  /** Open the popup as soon as the page loads. */
  openAtOnce: boolean;
  /** Transport faults for the widget's API calls (host/faults.ts); absent when there are none. */
  faults?: FaultRule[];
}

/** Element id of the JSON config in host pages. */
export const CONFIG_ELEMENT_ID = "sandbox-config";
/** Headers the host sends with every mock REST call. */
export const USER_HEADER = "x-sandbox-user";
export const LATENCY_HEADER = "x-sandbox-latency";
/** The connection link name the widget's fallback uses; any other name fails like a missing connection. */
export const CONNECTION_LINK_NAME = "recordguardcrm";
