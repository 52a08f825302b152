/**
 * What every widget page does first: boot the SDK (or explain why it cannot),
 * pick the user's language, apply the CRM theme, and keep the popup sized to
 * its content.
 */
import { render, type ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { decodeCurrentUser } from "../api/users";
import { bootstrap } from "../crm/bootstrap";
import type { CrmPort } from "../crm/port";
import { toBcp47 } from "../i18n/format";
import { applyLocale, languageOf, prefetchLanguage } from "../i18n/messages";
import { localStore, rememberLanguage, rememberedLanguage } from "../i18n/remembered";
import { warmUpFormatting } from "../i18n/warm-up";
import { Stack } from "../ui/Layout";
import { OutsideCrm } from "../ui/Screens";
import { Skeleton } from "../ui/Skeleton";
import { autoResize } from "../ui/auto-resize";
import { trackFocus } from "../ui/focus";
import { applyTheme, followSystemTheme } from "../ui/theme";
import { TransportBanner } from "./TransportBanner";

/** How long the page may wait for the user's language before it shows English (strings switch when they arrive). */
const LANGUAGE_WAIT_MS = 3_000;

export async function mount(needsPageLoad: boolean, app: (port: CrmPort) => ComponentChildren): Promise<void> {
  const root = document.getElementById("app");
  if (!root) return;
  followSystemTheme();
  trackFocus();
  render(<Skeleton />, root);
  const boot = await bootstrap({ needsPageLoad });
  if (!boot.ok) {
    render(<OutsideCrm reason={boot.reason} />, root);
    return;
  }
  const { port } = boot;
  void port.theme().then((theme) => applyTheme(theme));
  const language = Promise.race([chooseLanguage(port), new Promise<void>((resolve) => setTimeout(resolve, LANGUAGE_WAIT_MS))]);
  // The popup keeps its opening size behind the spinner and follows the page once it shows (no shrink to a spinner and back).
  const followContent = () => autoResize(root, (size) => port.resize(size));
  render(
    <LanguageGate ready={language} onShown={followContent}>
      <Stack gap={3}>
        <TransportBanner port={port} />
        {app(port)}
      </Stack>
    </LanguageGate>,
    root,
  );
  // The page's layout effects have sent its first reads: use the wait for their answers.
  setTimeout(whileReadsAreOut, 0);
}

/**
 * Done while the first reads are out, not before them: the first touch of
 * local storage can take tens of ms. The browser's formatting data loads in a
 * worker, on another thread: loaded here on the page's own thread (about 50
 * ms for the first date format), it made ZRC's first request leave late, as
 * ZRC asks the host for its URL first and that answer waited.
 */
function whileReadsAreOut(): void {
  warmUpFormatting();
  prefetchLanguage(rememberedLanguage(localStore()));
}

/** The user's language and number format, from the user the session reads anyway (the port shares that call). */
async function chooseLanguage(port: CrmPort): Promise<void> {
  const answer = await port.currentUser();
  const user = answer.ok ? decodeCurrentUser(answer.value) : undefined;
  const found = user?.ok ? user.value : undefined;
  const locale = found?.language ?? found?.locale;
  await applyLocale(locale, toBcp47(found?.locale));
  if (found) rememberLanguage(localStore(), languageOf(locale));
}

/**
 * Mounts the page at once, so its reads start, but keeps it hidden until its
 * language is known: nobody sees English flash before German.
 */
function LanguageGate({ ready, onShown, children }: { ready: Promise<void>; onShown: () => void; children: ComponentChildren }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    void ready.then(() => setShown(true));
  }, [ready]);
  useEffect(() => {
    if (shown) onShown();
  }, [shown, onShown]);
  return (
    <>
      {!shown && <Skeleton />}
      <div hidden={!shown}>{children}</div>
    </>
  );
}
