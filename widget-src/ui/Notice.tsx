import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { CrmError } from "../crm/result";
import { errorMessage, type ErrorAction } from "../i18n/error-message";
import { t } from "../i18n/messages";
import { Button } from "./Button";
import { Icon } from "./Icon";
import { CHECK, ERROR, INFO, WARNING } from "./icons";
import "./notice.css";

export type NoticeTone = "error" | "warning" | "info" | "success";

const ICONS: Record<NoticeTone, string> = { error: ERROR, warning: WARNING, info: INFO, success: CHECK };

/**
 * An inline banner: the result of an action, a warning, an explanation.
 * Errors are alerts; the rest are polite status messages.
 */
export function Notice({ tone, children, ...data }: { tone: NoticeTone; children: ComponentChildren } & Record<`data-${string}`, string>) {
  return (
    <div {...data} class={`notice notice--${tone}`} role={tone === "error" ? "alert" : "status"}>
      <Icon path={ICONS[tone]} />
      <div class="notice__body">{children}</div>
    </div>
  );
}

/**
 * A failed call in words, with Zoho's code and text one click away. `lead`:
 * a sentence before the reason that says what did not happen ("Paula was not
 * deactivated."), when the banner is not beside the thing that failed.
 */
export function ErrorNotice({ error, action, onRetry, lead }: { error: CrmError; action?: ErrorAction; onRetry?: () => void; lead?: ComponentChildren }) {
  const [open, setOpen] = useState(false);
  return (
    <Notice tone="error">
      {lead && <p>{lead}</p>}
      <p>{errorMessage(error, action)}</p>
      <div class="notice__actions">
        {onRetry && (
          <Button small variant="secondary" onClick={onRetry}>
            {t("app.retry")}
          </Button>
        )}
        <Button small variant="quiet" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t("app.details")}
        </Button>
      </div>
      {open && (
        <code class="notice__details">
          {[error.code, error.status, error.message].filter((part) => part !== undefined && part !== "").join(" · ")}
        </code>
      )}
    </Notice>
  );
}
