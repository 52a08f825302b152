/**
 * The CRM page's end of the protocol for one widget iframe: answers REGISTER
 * with SET_CONTEXT and then PageLoad, and answers every CRM_EVENT with
 * EVENT_RESPONSE or EVENT_RESPONSE_FAILURE. Messages are accepted only from
 * that iframe's window and the widget origin.
 */
import { FRAMEWORK_EVENT, SDK_EVENT, isRecord, readMessage, type FrameworkMessage } from "../sdk/protocol";
import type { Answerer } from "./answers";

export interface BridgeOptions {
  widgetOrigin: string;
  pageLoad: Record<string, unknown>;
  answer: Answerer;
}

/** Every message both ways, for debugging in the console and for browser tests (`window.__sandboxLog`). */
export interface LogEntry {
  direction: "in" | "out";
  message: unknown;
}

export function connectWidget(frame: HTMLIFrameElement, options: BridgeOptions): () => void {
  const uniqueID = newId();
  const log = protocolLog();

  const post = (message: FrameworkMessage) => {
    log.push({ direction: "out", message });
    frame.contentWindow?.postMessage(message, options.widgetOrigin);
  };

  const onMessage = (event: MessageEvent) => {
    if (event.source !== frame.contentWindow || event.origin !== options.widgetOrigin) return;
    const message = readMessage(event.data);
    if (!message || message.type !== SDK_EVENT) return;
    log.push({ direction: "in", message });
    if (message.eventName === "REGISTER") {
      post({ type: FRAMEWORK_EVENT, eventName: "SET_CONTEXT", data: { uniqueID, locale: "en_US" } });
      post({ type: FRAMEWORK_EVENT, eventName: "PageLoad", data: options.pageLoad });
    } else if (message.eventName === "CRM_EVENT" && message.uniqueID === uniqueID) {
      void respond(message.promiseid, message.data);
    }
  };

  const respond = async (promiseid: unknown, data: unknown) => {
    if (typeof promiseid !== "string") return;
    let answer;
    try {
      answer = isRecord(data) ? await options.answer(data) : { ok: false, data: { code: "INVALID_DATA", message: "CRM_EVENT without data" } };
    } catch (error) {
      answer = { ok: false, data: { code: "INTERNAL_ERROR", message: error instanceof Error ? error.message : String(error) } };
    }
    post({ type: FRAMEWORK_EVENT, eventName: answer.ok ? "EVENT_RESPONSE" : "EVENT_RESPONSE_FAILURE", promiseid, data: answer.data });
  };

  window.addEventListener("message", onMessage);
  return () => window.removeEventListener("message", onMessage);
}

function protocolLog(): LogEntry[] {
  const holder = window as unknown as { __sandboxLog?: LogEntry[] };
  holder.__sandboxLog ??= [];
  return holder.__sandboxLog;
}

function newId(): string {
  return typeof crypto.randomUUID === "function" ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
