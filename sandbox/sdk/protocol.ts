/**
 * The postMessage protocol between a widget iframe (the SDK) and the CRM page
 * (the host), as spoken by Zoho's embedded-app SDK. Shared by our stand-in SDK
 * and the sandbox host so both sides agree on every field name.
 *
 * Messages travel as plain objects (structured clone). Zoho's SDK also accepts
 * JSON strings from the host, so both sides parse a string if they get one.
 */

/** `type` of messages the SDK sends. */
export const SDK_EVENT = "SDK.EVENT";
/** `type` of messages the CRM page sends. */
export const FRAMEWORK_EVENT = "FRAMEWORK.EVENT";

/** Event names the SDK handles itself; every other FRAMEWORK.EVENT goes to `embeddedApp.on` listeners. */
export const RESERVED_EVENTS = ["SET_CONTEXT", "UPDATE_CONTEXT", "EVENT_RESPONSE", "EVENT_RESPONSE_FAILURE"] as const;

/** Version stamps the 1.5 SDK puts into request data. */
export const SDK_VERSION = "1.5";
export const ZRC_VERSION = "1.0";

/** SDK → host: first message, posted before the SDK knows its uniqueID. */
export interface RegisterMessage {
  type: typeof SDK_EVENT;
  eventName: "REGISTER";
  /** encodeURIComponent(protocol + "//" + host + pathname) of the widget page. */
  appOrigin: string;
}

/** SDK → host: a `ZOHO.CRM.*` or ZRC call; answered with EVENT_RESPONSE(_FAILURE) carrying the same promiseid. */
export interface CrmEventMessage {
  type: typeof SDK_EVENT;
  eventName: "CRM_EVENT";
  uniqueID: string;
  time: number;
  /** "Promise" + a counter starting at 100. */
  promiseid: string;
  appOrigin: string;
  data: CrmEventData;
}

export interface DeregisterMessage {
  type: typeof SDK_EVENT;
  eventName: "DEREGISTER";
  uniqueID: string;
  appOrigin: string;
}

export type SdkMessage = RegisterMessage | CrmEventMessage | DeregisterMessage;

/** Request data of a CRM_EVENT; `category` names the API, the rest depends on it. */
export interface CrmEventData {
  category: string;
  sdkVersion: string;
  [key: string]: unknown;
}

/** Host → SDK. `promiseid` only on EVENT_RESPONSE(_FAILURE). */
export interface FrameworkMessage {
  type: typeof FRAMEWORK_EVENT;
  eventName: string;
  promiseid?: string;
  data?: unknown;
}

/** The request config a ZRC_REQUEST carries: method, lower-case headers, params (already in the URL) and a JSON-string body. */
export interface ZrcWireConfig {
  method: string;
  headers?: Record<string, string>;
  params?: Record<string, unknown>;
  body?: unknown;
  [key: string]: unknown;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Both sides accept an object or its JSON text; anything else is not a protocol message. */
export function readMessage(raw: unknown): Record<string, unknown> | undefined {
  if (typeof raw === "string") {
    try {
      const parsed: unknown = JSON.parse(raw);
      return isRecord(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  return isRecord(raw) ? raw : undefined;
}
