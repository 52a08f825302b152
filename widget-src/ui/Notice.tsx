import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { CrmError } from "../crm/result";
import { errorMessage, type ErrorAction } from "../i18n/error-message";
import { t } from "../i18n/messages";

export function Notice({ tone, children }: { tone: "error" | "warning" | "info"; children: ComponentChildren }) {
  return (
    <div class={`notice notice--${tone}`} role={tone === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}

/** A failed call in words, with Zoho's code and text one click away. */
export function ErrorNotice({ error, action, onRetry }: { error: CrmError; action?: ErrorAction; onRetry?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <Notice tone="error">
      <p>{errorMessage(error, action)}</p>
      <div class="notice__actions">
        {onRetry && (
          <button type="button" class="button" onClick={onRetry}>
            {t("app.retry")}
          </button>
        )}
        <button type="button" class="link" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t("app.details")}
        </button>
      </div>
      {open && (
        <code class="notice__details">
          {[error.code, error.status, error.message].filter((part) => part !== undefined && part !== "").join(" · ")}
        </code>
      )}
    </Notice>
  );
}
