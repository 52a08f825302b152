import { t } from "../i18n/messages";
import "./button.css";

/** A line that says something is under way (a send, a background job); content that loads uses <Skeleton>. */
export function Spinner({ label = t("app.loading") }: { label?: string }) {
  return (
    <p class="busy-line" role="status" aria-live="polite">
      <span class="btn__busy" aria-hidden="true" />
      {label}
    </p>
  );
}
