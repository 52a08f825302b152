/**
 * The sandbox's stand-in for Zoho's ZohoEmbededAppSDK.min.js (SDK 1.5), built
 * as a browser IIFE. It defines the `ZOHO` global and ZRC. Zoho declares `zrc`
 * as a top-level `const`, which is not a window property; the build's footer
 * recreates that from the temporary `window.__standInZrc` set here.
 */
import { createZoho } from "./crm";
import { Messenger } from "./messenger";
import { createZrc } from "./zrc";

const messenger = new Messenger();
const zoho = createZoho(messenger);
let initCalled = false;
const init = zoho.embeddedApp.init;
zoho.embeddedApp.init = () => {
  initCalled = true;
  return init();
};

const globals = window as unknown as { ZOHO?: unknown; __standInZrc?: unknown };
globals.ZOHO = zoho;
globals.__standInZrc = createZrc(messenger, () => initCalled);
