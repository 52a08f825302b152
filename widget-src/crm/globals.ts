/**
 * The only place that reads the SDK's globals. `ZOHO` is a window property;
 * `zrc` (SDK 1.5) is a top-level `const` of the SDK script, so it is not on
 * window and can only be reached by name.
 */
import { isRecord } from "./result";
import type { ZohoSdk, ZrcClient } from "./sdk-types";

declare const zrc: unknown;

export function findSdk(): ZohoSdk | undefined {
  const candidate: unknown = (globalThis as { ZOHO?: unknown }).ZOHO;
  if (!isRecord(candidate) || !isRecord(candidate.embeddedApp) || !isRecord(candidate.CRM)) return undefined;
  if (typeof candidate.embeddedApp.init !== "function") return undefined;
  return candidate as unknown as ZohoSdk;
}

export function findZrc(): ZrcClient | undefined {
  const candidate: unknown = typeof zrc === "undefined" ? undefined : zrc;
  const methods = ["get", "post", "put", "delete"];
  if (typeof candidate !== "object" || candidate === null) return undefined;
  const client = candidate as Record<string, unknown>;
  return methods.every((name) => typeof client[name] === "function") ? (candidate as ZrcClient) : undefined;
}
