/** The CrmPort backed by the real (or stand-in) ZOHO SDK. */
import { CONFIG } from "../config";
import type { WidgetContext } from "./context";
import { envelopeError } from "./decode";
import { apiDomainFromEnvironment } from "./environment";
import type { CrmPort } from "./port";
import { createRequester } from "./requester";
import { LOCAL_CODES, fail, failWith, ok, type CrmResult } from "./result";
import type { ZohoSdk, ZrcClient } from "./sdk-types";
import { themeFromPreference } from "./theme";
import { withTimeout } from "./timeout";
import { connectionTransport, zrcTransport, type Transport, type TransportKind } from "./transport";

export function createSdkPort(sdk: ZohoSdk, zrc: ZrcClient | undefined, context: WidgetContext): CrmPort {
  const listeners: Array<(kind: TransportKind) => void> = [];
  let kind: TransportKind | undefined = zrc ? "zrc" : undefined;
  let currentUser: Promise<CrmResult<unknown>> | undefined;

  const sdkCall = (what: string, call: () => Promise<unknown>): Promise<CrmResult<unknown>> =>
    withTimeout(settle(call), CONFIG.requestTimeoutMs, what);

  async function fallback(): Promise<Transport | undefined> {
    const environment = await sdkCall("CONFIG.GetCurrentEnvironment", () => sdk.CRM.CONFIG.GetCurrentEnvironment());
    const domain = environment.ok ? apiDomainFromEnvironment(environment.value) : undefined;
    return domain ? connectionTransport(sdk, CONFIG.connectionLinkName, domain) : undefined;
  }

  const requester = createRequester({
    primary: zrc ? zrcTransport(zrc) : undefined,
    fallback,
    timeoutMs: CONFIG.requestTimeoutMs,
    readRetries: CONFIG.readRetries,
    backoffMs: CONFIG.backoffMs,
    onTransportChange(next) {
      kind = next;
      for (const listener of listeners) listener(next);
    },
  });

  return {
    context,
    request: (method, path, options = {}) => requester.send({ method, path, ...options }),
    currentUser() {
      // Asked for by the language choice and the session at start: one call serves both, a failed one is retried.
      currentUser ??= sdkCall("CONFIG.getCurrentUser", () => sdk.CRM.CONFIG.getCurrentUser()).then((answer) => {
        if (!answer.ok) currentUser = undefined;
        return answer;
      });
      return currentUser;
    },
    getRecord: (module, id) => sdkCall("API.getRecord", () => sdk.CRM.API.getRecord({ Entity: module, RecordID: id })),
    async theme() {
      const getPreference = sdk.CRM.CONFIG.getUserPreference;
      if (typeof getPreference !== "function") return undefined;
      // A short wait: the theme is cosmetic and must not hold up the first paint.
      const preference = await withTimeout(
        settle(() => getPreference.call(sdk.CRM.CONFIG)),
        1_500,
        "getUserPreference",
      );
      return preference.ok ? themeFromPreference(preference.value) : undefined;
    },
    resize(size) {
      void settle(() => sdk.CRM.UI.Resize(size));
    },
    close() {
      void settle(() => sdk.CRM.UI.Popup.close());
    },
    transport: () => kind,
    onTransportChange(listener) {
      listeners.push(listener);
    },
  };
}

/** Runs an SDK call and turns every way it can end into a CrmResult. */
async function settle(call: () => Promise<unknown>): Promise<CrmResult<unknown>> {
  try {
    const value = await call();
    const error = envelopeError(value);
    return error ? failWith(error) : ok(value);
  } catch (reason) {
    const error = envelopeError(reason);
    if (error) return failWith(error);
    const message = reason instanceof Error ? reason.message : typeof reason === "string" ? reason : "";
    return fail(LOCAL_CODES.transport, message || "The CRM refused the call");
  }
}
