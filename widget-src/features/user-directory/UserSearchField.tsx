import { t } from "../../i18n/messages";
import { TextField } from "../../ui/Field";
import { ErrorNotice } from "../../ui/Notice";
import type { UserDirectory } from "./model";

/**
 * The search box over the org's users, with how far the list has loaded.
 * Typing can start as soon as the first page is in.
 */
export function UserSearchField({
  id,
  label,
  query,
  onQuery,
  directory,
  matches,
  disabled = false,
}: {
  id: string;
  label: string;
  query: string;
  onQuery: (query: string) => void;
  directory: UserDirectory;
  /** How many results the query has, announced to screen readers. */
  matches: number;
  disabled?: boolean;
}) {
  const status = directory.status.value;
  const error = directory.error.value;
  const line = [
    query.trim() ? t("users.matches", { count: matches }) : "",
    status === "loading" ? t("users.loading") : "",
    status === "partial" ? t("users.partial", { count: directory.users.value.length }) : "",
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <>
      <TextField
        id={id}
        label={label}
        type="search"
        autocomplete="off"
        value={query}
        disabled={disabled || status === "idle" || status === "loading"}
        onInput={(event) => onQuery(event.currentTarget.value)}
      />
      {/* One line that is always there (a no-break space when quiet), so rows below do not jump as the list loads. */}
      <p class="small muted" aria-live="polite">
        {line || "\u00a0"}
      </p>
      {status === "error" && error && <ErrorNotice error={error} onRetry={() => void directory.load()} />}
    </>
  );
}
