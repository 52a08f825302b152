/**
 * Browser-test helpers for the XSS tests: a watch installed in every frame
 * before its own scripts, and what it saw.
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";

interface Watch {
  nodes: string[];
  violations: string[];
}

/**
 * Runs in every frame before its own scripts: records injected nodes,
 * `javascript:` URLs and CSP violations. `icons`: the path of each of the
 * widget's own icons (ui/icons.ts); an <svg class="icon"> that draws exactly
 * one of them, with nothing else on it, is the widget's and not injected.
 */
export function watchForInjection(icons: string[] = []): void {
  const watch: Watch = { nodes: [], violations: [] };
  (window as unknown as { __hostileWatch: Watch }).__hostileWatch = watch;
  // The widget renders none of these itself (but its icons); the host page frames the widget in an iframe.
  const foreign = location.pathname.startsWith("/app/") ? ["img", "svg", "iframe", "frame", "object", "embed", "a", "image"] : ["img", "svg", "object", "embed"];
  const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "poster", "background"];
  const ICON_ATTRIBUTES = ["class", "viewBox", "aria-hidden", "focusable"];
  const ownIcon = (element: Element) => {
    const path = element.firstElementChild;
    return (
      element.localName === "svg" &&
      element.getAttribute("class") === "icon" &&
      element.getAttributeNames().every((name) => ICON_ATTRIBUTES.includes(name)) &&
      element.childNodes.length === 1 &&
      path?.localName === "path" &&
      path.getAttributeNames().join() === "d" &&
      path.childNodes.length === 0 &&
      icons.includes(path.getAttribute("d") ?? "")
    );
  };
  const inspect = (element: Element) => {
    const names = element.getAttributeNames();
    const handlers = names.filter((name) => name.toLowerCase().startsWith("on"));
    const type = (element.getAttribute("type") ?? "").toLowerCase();
    const runnable = type === "" || type === "module" || type.includes("javascript") || type.includes("ecmascript");
    const inlineScript = element.localName === "script" && !element.hasAttribute("src") && runnable;
    const scriptUrl = names.some((name) => {
      if (!URL_ATTRIBUTES.includes(name.toLowerCase())) return false;
      // Browsers ignore control characters and whitespace before the scheme.
      const value = (element.getAttribute(name) ?? "").replace(/[\u0000-\u0020]/g, "").toLowerCase();
      return value.startsWith("javascript:") || value.startsWith("data:text/html") || name.toLowerCase() === "srcdoc";
    });
    if (handlers.length > 0 || inlineScript || scriptUrl || (foreign.includes(element.localName) && !ownIcon(element))) {
      watch.nodes.push(element.outerHTML.slice(0, 200));
    }
  };
  const visit = (node: Node) => {
    if (!(node instanceof Element)) return;
    inspect(node);
    node.querySelectorAll("*").forEach(inspect);
  };
  document.addEventListener("securitypolicyviolation", (event) => {
    watch.violations.push(`${event.violatedDirective} ${event.blockedURI}`);
  });
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === "attributes" && record.target instanceof Element) inspect(record.target);
      record.addedNodes.forEach(visit);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

/** What the watch saw in every frame of the page (host and widget), with each frame's `window.__xss`. */
export async function injectionReports(page: Page): Promise<Array<{ url: string; xss: unknown; nodes: string[]; violations: string[] }>> {
  return Promise.all(
    page.frames().map((frame) =>
      frame.evaluate(() => {
        const w = window as unknown as { __xss?: unknown; __hostileWatch?: Watch };
        return {
          url: location.href,
          xss: w.__xss ?? null,
          nodes: w.__hostileWatch?.nodes ?? ["(watch not installed)"],
          violations: w.__hostileWatch?.violations ?? [],
        };
      }),
    ),
  );
}

/**
 * Nothing ran or was built from the data in any frame, and no dialog opened.
 * No waiting is needed for a payload to "go off": markup parsed from data is
 * caught when it is inserted (the watch's MutationObserver delivers before
 * this reads its report), whether or not its handler has run yet.
 */
export async function expectNoInjection(page: Page, dialogs: string[]): Promise<void> {
  expect(dialogs).toEqual([]);
  for (const report of await injectionReports(page)) expect(report, report.url).toMatchObject({ xss: null, nodes: [], violations: [] });
}
