/**
 * The widget side of the postMessage protocol: registers with the CRM page,
 * waits for SET_CONTEXT, sends CRM_EVENT requests and settles them from
 * EVENT_RESPONSE / EVENT_RESPONSE_FAILURE. Like Zoho's SDK it has no timeout:
 * a request the host never answers never settles.
 */
import {
  FRAMEWORK_EVENT,
  RESERVED_EVENTS,
  SDK_EVENT,
  readMessage,
  type CrmEventData,
  type CrmEventMessage,
  type DeregisterMessage,
  type RegisterMessage,
} from "./protocol";

type Listener = (data: unknown) => void;

interface Pending {
  resolve(value: unknown): void;
  reject(reason: unknown): void;
}

export class Messenger {
  /** Origin of the CRM page, from the iframe URL; every message goes only there. */
  private readonly serviceOrigin: string | undefined;
  private readonly pending = new Map<string, Pending>();
  private readonly listeners = new Map<string, Listener>();
  private nextPromise = 100;
  private uniqueID: string | undefined;
  private readonly ready: Promise<void>;
  private markReady: () => void = () => undefined;

  constructor() {
    this.serviceOrigin = new URLSearchParams(window.location.search).get("serviceOrigin") ?? undefined;
    this.ready = new Promise((resolve) => {
      this.markReady = resolve;
    });
  }

  /** Resolves once the host has sent SET_CONTEXT. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  listen(eventName: string, listener: Listener): void {
    this.listeners.set(eventName, listener);
  }

  /** Starts listening and posts REGISTER; the host answers with SET_CONTEXT. */
  register(): void {
    window.addEventListener("message", (event) => this.receive(event));
    // pagehide rather than unload: Chromium is retiring unload handlers.
    window.addEventListener("pagehide", () => this.deregister());
    if (!this.serviceOrigin) {
      console.error("[ZOHO stand-in] no serviceOrigin in the page URL; is the widget framed by the CRM page?");
      return;
    }
    const message: RegisterMessage = { type: SDK_EVENT, eventName: "REGISTER", appOrigin: pageAddress() };
    window.parent.postMessage(message, this.serviceOrigin);
  }

  /** Sends one CRM_EVENT and returns its promise. */
  request(data: CrmEventData): Promise<unknown> {
    const origin = this.serviceOrigin;
    const uniqueID = this.uniqueID;
    if (!origin || uniqueID === undefined) {
      return Promise.reject(new Error("ZOHO.embeddedApp.init() has not completed"));
    }
    const promiseid = `Promise${this.nextPromise++}`;
    const message: CrmEventMessage = {
      type: SDK_EVENT,
      eventName: "CRM_EVENT",
      uniqueID,
      time: Date.now(),
      promiseid,
      appOrigin: pageAddress(),
      data,
    };
    return new Promise((resolve, reject) => {
      this.pending.set(promiseid, { resolve, reject });
      window.parent.postMessage(message, origin);
    });
  }

  private receive(event: MessageEvent): void {
    // Only the framing CRM page may talk to us, and only from its own origin.
    if (event.source !== window.parent || event.origin !== this.serviceOrigin) return;
    const message = readMessage(event.data);
    if (!message || message.type !== FRAMEWORK_EVENT || typeof message.eventName !== "string") return;
    const { eventName } = message;
    if (eventName === "SET_CONTEXT") return this.setContext(message.data);
    if (this.uniqueID === undefined) return; // nothing but SET_CONTEXT before registration
    if (eventName === "EVENT_RESPONSE" || eventName === "EVENT_RESPONSE_FAILURE") {
      return this.settle(message.promiseid, eventName === "EVENT_RESPONSE", message.data);
    }
    if ((RESERVED_EVENTS as readonly string[]).includes(eventName)) return; // UPDATE_CONTEXT: nothing to do
    this.listeners.get(eventName)?.(message.data);
  }

  private setContext(data: unknown): void {
    const context = readMessage(data);
    const id = context?.uniqueID;
    if (typeof id !== "string" && typeof id !== "number") return;
    this.uniqueID = String(id);
    this.markReady();
  }

  private settle(promiseid: unknown, success: boolean, data: unknown): void {
    if (typeof promiseid !== "string") return;
    const entry = this.pending.get(promiseid);
    if (!entry) return;
    this.pending.delete(promiseid);
    if (success) entry.resolve(data);
    else entry.reject(data);
  }

  private deregister(): void {
    if (!this.serviceOrigin || this.uniqueID === undefined) return;
    const message: DeregisterMessage = {
      type: SDK_EVENT,
      eventName: "DEREGISTER",
      uniqueID: this.uniqueID,
      appOrigin: pageAddress(),
    };
    window.parent.postMessage(message, this.serviceOrigin);
  }
}

/** The widget page address without its query string, URL-encoded, as Zoho's SDK reports it. */
function pageAddress(): string {
  const { protocol, host, pathname } = window.location;
  return encodeURIComponent(`${protocol}//${host}${pathname}`);
}
