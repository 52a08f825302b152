import { t } from "../i18n/messages";

export function Spinner({ label = t("app.loading") }: { label?: string }) {
  return (
    <p class="spinner" role="status" aria-live="polite">
      <span class="spinner__dot" aria-hidden="true" />
      {label}
    </p>
  );
}
