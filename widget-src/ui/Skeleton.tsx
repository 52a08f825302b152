import { t } from "../i18n/messages";
import "./skeleton.css";

/**
 * Grey placeholder lines where content is loading, so the layout does not
 * jump when it arrives. Screen readers hear "Loading…" once.
 */
export function Skeleton({ lines = 3, label = t("app.loading") }: { lines?: number; label?: string }) {
  return (
    <div class="skeleton" role="status">
      <span class="visually-hidden">{label}</span>
      {Array.from({ length: lines }, (_, index) => (
        <span key={index} class="skeleton__line" aria-hidden="true" />
      ))}
    </div>
  );
}
