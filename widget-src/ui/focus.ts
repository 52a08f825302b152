/**
 * Keyboard focus when parts of a page come and go: a section that opens, a
 * confirmation or a form that takes the place of the button that opened it.
 * Focus is never left on <body> (where the next Tab starts again at the top).
 */
import type { RefObject } from "preact";
import { useEffect, useLayoutEffect } from "preact/hooks";

const CONTROLS = "button, a[href], input, select, textarea";

interface Focused {
  element: HTMLElement;
  /** The section it was in, still there when the control itself is rendered anew. */
  section: Element | null;
  text: string;
}

let last: Focused | undefined;
let tracking = false;

/**
 * Remembers the last focused control, with its section: by the time a part
 * mounts, its opener may be gone. Pages start it when they boot (entries/
 * mount.tsx): a part that loads on demand comes after the focus it returns to.
 */
export function trackFocus(): void {
  if (tracking || typeof document === "undefined") return;
  tracking = true;
  document.addEventListener(
    "focusin",
    (event) => {
      const element = event.target;
      if (!(element instanceof HTMLElement)) return;
      last = { element, section: element.closest("section"), text: element.textContent?.trim() ?? "" };
    },
    true,
  );
}
trackFocus();

/**
 * Focus is on <body> (nothing focused), on an element no longer in the page,
 * or on a control just disabled: the browser moves focus off it to <body>
 * only at its next rendering update, which under load can come after us.
 */
export function focusLost(): boolean {
  const active = document.activeElement;
  return active === document.body || !usable(active);
}

/** In the page and not disabled (by itself or by a disabled fieldset around it). */
function usable(element: Element | null | undefined): element is HTMLElement {
  return element instanceof HTMLElement && element.isConnected && !element.matches(":disabled");
}

/** Focuses a heading (or another non-control): reachable by script, not by Tab. */
export function focusHeading(heading: HTMLElement | null | undefined): void {
  if (!heading) return;
  if (!heading.hasAttribute("tabindex")) heading.tabIndex = -1;
  heading.focus();
}

/**
 * Gives focus back, when this part goes, to the control that opened it: the
 * same element, or the control with the same text in the same section if it
 * was rendered anew, or else that section's heading. Focus that has moved on
 * purpose meanwhile is left where it is.
 */
export function useReturnFocus(): void {
  useLayoutEffect(() => {
    const opener = last;
    return () => {
      if (!opener) return;
      setTimeout(() => {
        if (!focusLost()) return;
        if (usable(opener.element)) return opener.element.focus();
        const section = opener.section;
        if (!section?.isConnected) return;
        const again = [...section.querySelectorAll<HTMLElement>(CONTROLS)].find(
          (candidate) => usable(candidate) && candidate.textContent?.trim() === opener.text,
        );
        if (again) return again.focus();
        focusHeading(section.querySelector<HTMLElement>("h2, h3"));
      }, 0);
    };
  }, []);
}

/** Moves focus to `target` (a heading) when `when` becomes true, if focus was lost or `always`. */
export function useFocusWhen(target: RefObject<HTMLElement>, when: boolean, always = false): void {
  useEffect(() => {
    if (when && (always || focusLost())) focusHeading(target.current);
  }, [when]);
}
