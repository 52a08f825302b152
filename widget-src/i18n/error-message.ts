/**
 * The one place that turns a CrmError into words. Codes mean different things
 * for different actions (NOT_ALLOWED on a lock vs. on an unlock) and statuses,
 * so the catalogue is asked for `error.CODE.action.status`, then
 * `error.CODE.action`, then `error.CODE`.
 */
import { CONFIG } from "../config";
import type { CrmError } from "../crm/result";
import { lookup, t } from "./messages";

export type ErrorAction =
  | "readLock"
  | "lock"
  | "unlock"
  | "editReason"
  | "record"
  | "share"
  | "config"
  | "changeOwner"
  | "threshold"
  | "portal";

const WRITES: ReadonlySet<ErrorAction> = new Set(["lock", "unlock", "editReason", "share", "config", "changeOwner", "portal"]);

export function errorMessage(error: CrmError, action?: ErrorAction): string {
  const params = {
    code: error.code,
    message: error.message,
    status: error.status ?? "",
    seconds: typeof error.details.ms === "number" ? Math.round(error.details.ms / 1000) : "",
    linkName: CONFIG.connectionLinkName,
  };
  if (!errorStringsLoaded()) return t("app.errorPending", params);
  // A timed-out write may have landed; a timed-out read (same action label, method GET) changed nothing.
  const timedOutWrite = error.code === "TIMEOUT" && error.details.method !== "GET";
  const variant = action && WRITES.has(action) && timedOutWrite ? "write" : action;
  // Most specific first: code + action + HTTP status (NOT_ALLOWED on a lock is 400 or 403).
  const specific =
    variant && error.status !== undefined ? lookup(`error.${error.code}.${variant}.${error.status}`, params) : undefined;
  return (
    specific ??
    (variant ? lookup(`error.${error.code}.${variant}`, params) : undefined) ??
    lookup(`error.${error.code}`, params) ??
    (error.message ? t("error.unknown", params) : t("error.unknownNoMessage", params))
  );
}

let errorStrings: "absent" | "loading" | "failed" = "absent";

/**
 * Whether the error strings are here; the first call without them starts
 * loading them (messages re-render when they arrive). If they cannot load,
 * the short message with Zoho's code stays.
 */
function errorStringsLoaded(): boolean {
  if (lookup("error.unknown") !== undefined) return true;
  if (errorStrings === "absent") {
    errorStrings = "loading";
    import("./error-catalogue").catch(() => (errorStrings = "failed"));
  }
  return false;
}
