/**
 * Starts the SDK the way it must be started: PageLoad registered before
 * init(), init awaited once, and a deadline, because outside CRM nothing ever
 * answers and the widget would otherwise hang on a blank page.
 */
import { CONFIG } from "../config";
import { normaliseContext, type WidgetContext } from "./context";
import { findSdk, findZrc } from "./globals";
import type { CrmPort } from "./port";
import { createSdkPort } from "./sdk-port";

export type BootResult = { ok: true; port: CrmPort } | { ok: false; reason: "no-sdk" | "timeout" };

export interface BootOptions {
  /** Record widgets need PageLoad's record; web tabs may get none. */
  needsPageLoad: boolean;
  timeoutMs?: number;
}

export async function bootstrap({ needsPageLoad, timeoutMs = CONFIG.bootTimeoutMs }: BootOptions): Promise<BootResult> {
  const sdk = findSdk();
  if (!sdk) return { ok: false, reason: "no-sdk" };

  let onPageLoad: (context: WidgetContext) => void = () => undefined;
  const pageLoaded = new Promise<WidgetContext>((resolve) => (onPageLoad = resolve));
  sdk.embeddedApp.on("PageLoad", (data) => onPageLoad(normaliseContext(data)));

  const ready = sdk.embeddedApp
    .init()
    .then(() => (needsPageLoad ? pageLoaded : normaliseContext(undefined)))
    .then((context) => ({ context }));
  const context = await Promise.race([ready, delay(timeoutMs)]).catch(() => undefined);
  if (!context) return { ok: false, reason: "timeout" };
  return { ok: true, port: createSdkPort(sdk, findZrc(), context.context) };
}

function delay(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms));
}
