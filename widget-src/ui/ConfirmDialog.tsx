import type { ComponentChildren } from "preact";
import { useId, useLayoutEffect, useRef } from "preact/hooks";
import { Button } from "./Button";
import { useReturnFocus } from "./focus";
import { Icon } from "./Icon";
import { WARNING } from "./icons";
// Its styles are in ui/on-demand.css: only parts loaded on demand use it.

const FOCUSABLE = "button:not(:disabled), a[href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled)";

/**
 * Asks before a destructive action. Focus starts on Cancel, stays inside the
 * dialog (Tab wraps) and Escape cancels; when it closes, focus goes back to
 * the control that opened it.
 */
export function ConfirmDialog({
  title,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  level = 3,
  children,
}: {
  title: string;
  /** Its heading's level: 3 inside a card (the default), 2 where it stands under the page's title. */
  level?: 2 | 3;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  children: ComponentChildren;
}) {
  const dialog = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const id = useId();
  const Heading = level === 2 ? "h2" : "h3";
  useReturnFocus();
  // Before the first paint: a key pressed as the dialog appears is already inside it.
  useLayoutEffect(() => cancel.current?.focus(), []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
      return;
    }
    if (event.key !== "Tab" || !dialog.current) return;
    const controls = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = controls[0];
    const last = controls[controls.length - 1];
    const inside = controls.includes(document.activeElement as HTMLElement);
    if (event.shiftKey && (document.activeElement === first || !inside)) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
      event.preventDefault();
      first?.focus();
    }
  };

  return (
    <div
      ref={dialog}
      class="confirm"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onKeyDown={onKeyDown}
    >
      <Heading id={`${id}-title`} class="confirm__title">
        <Icon path={WARNING} />
        {title}
      </Heading>
      <div id={`${id}-body`} class="confirm__body">
        {children}
      </div>
      <div class="confirm__actions">
        <Button buttonRef={cancel} variant="secondary" onClick={onCancel}>
          {cancelLabel}
        </Button>
        <Button variant="danger" onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </div>
  );
}
