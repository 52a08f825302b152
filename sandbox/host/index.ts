/**
 * Host page script (sandbox/dist/host.js): plays the Zoho CRM page around the
 * widget. The server embeds the page's HostConfig as JSON; this script frames
 * the widget from the widget origin with the query parameters CRM adds, and
 * wires the protocol bridge to the mock REST API.
 */
import { createAnswerer, type UiActions } from "./answers";
import { connectWidget } from "./bridge";
import { createCallLog, withCallLog, type CallLog } from "./call-log";
import { CONFIG_ELEMENT_ID, type HostConfig } from "./config";
import { withFaults, withRejections, type FaultHit } from "./faults";
import { createMockCaller } from "./mock-client";

const DEFAULT_POPUP = { width: 760, height: 560 };
/** Room kept around the popup (the overlay's padding). */
const POPUP_MARGIN = 80;

const config = JSON.parse(document.getElementById(CONFIG_ELEMENT_ID)?.textContent ?? "null") as HostConfig;
const widgetOrigin = new URL(config.widgetUrl).origin;
/** Every fault that fired on this page, for browser tests and the console. */
const faultHits: FaultHit[] = [];
(window as unknown as { __sandboxFaults: FaultHit[] }).__sandboxFaults = faultHits;
const call = withFaults(createMockCaller("", config.latencyMs), config.faults ?? [], {
  onHit(hit) {
    faultHits.push(hit);
    console.info(`sandbox fault ${hit.kind} (${hit.rule}) on ${hit.method} ${hit.path}`);
  },
});
/** The widget's CRM API calls on this page, by category with timestamps (for `npm run bench`). */
const callLog = createCallLog();
(window as unknown as { __sandboxCalls: CallLog }).__sandboxCalls = callLog;

/** The widget URL as CRM frames it: serviceOrigin tells the SDK where to post. */
function frameSource(): string {
  const url = new URL(config.widgetUrl);
  url.searchParams.set("serviceOrigin", window.location.origin);
  url.searchParams.set("frameorigin", window.location.origin);
  return url.toString();
}

function mount(container: HTMLElement, ui: UiActions): { frame: HTMLIFrameElement; disconnect: () => void } {
  const frame = document.createElement("iframe");
  frame.id = "widget-frame";
  frame.title = "RecordGuard widget";
  const answer = withCallLog(withRejections(createAnswerer({ config, call, pageUrl: window.location.href, ui })), callLog);
  const disconnect = connectWidget(frame, { widgetOrigin, pageLoad: config.pageLoad, answer });
  frame.src = frameSource();
  container.replaceChildren(frame);
  return { frame, disconnect };
}

function setUpPopup(): void {
  const overlay = document.getElementById("widget-popup");
  const body = document.getElementById("widget-popup-body");
  const button = document.getElementById("open-widget");
  if (!overlay || !body || !button) return;
  let current: { frame: HTMLIFrameElement; disconnect: () => void } | undefined;

  const close = () => {
    current?.disconnect();
    current = undefined;
    body.replaceChildren();
    overlay.hidden = true;
  };
  const ui: UiActions = {
    // Like CRM's popups, the frame never outgrows the window: taller content
    // scrolls inside the widget, and the frame stays put while it resizes.
    resize(width, height) {
      if (!current) return;
      if (width) current.frame.style.width = `${Math.min(width, window.innerWidth - POPUP_MARGIN)}px`;
      if (height) current.frame.style.height = `${Math.min(height, window.innerHeight - POPUP_MARGIN)}px`;
    },
    close,
    closeReload() {
      close();
      // Let the EVENT_RESPONSE go out first; then show the record as CRM would after the change.
      setTimeout(() => window.location.reload(), 50);
    },
  };
  const open = () => {
    if (current) return;
    overlay.hidden = false;
    current = mount(body, ui);
    current.frame.style.width = `${DEFAULT_POPUP.width}px`;
    current.frame.style.height = `${DEFAULT_POPUP.height}px`;
  };
  button.addEventListener("click", open);
  document.getElementById("close-widget")?.addEventListener("click", close);
  if (config.openAtOnce) open();
}

function setUpTab(): void {
  const container = document.getElementById("widget-tab");
  if (!container) return;
  const { frame } = mount(container, {
    resize(_width, height) {
      if (height) frame.style.height = `${height}px`;
    },
    close: () => undefined, // a web tab has no popup to close
    closeReload: () => window.location.reload(),
  });
}

if (config.frame === "tab") setUpTab();
else setUpPopup();
