import { t } from "../../i18n/messages";
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
  return (
    <>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="search"
        autocomplete="off"
        value={query}
        disabled={disabled || status === "idle" || status === "loading"}
        onInput={(event) => onQuery(event.currentTarget.value)}
      />
      {/* One line that is always there, so rows below do not jump as the list loads. */}
      <p class="muted search-status" aria-live="polite">
        {[
          query.trim() ? t("share.matches", { count: matches }) : "",
          status === "loading" ? t("share.usersLoading") : "",
          status === "partial" ? t("share.usersPartial", { count: directory.users.value.length }) : "",
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      {status === "error" && error && <ErrorNotice error={error} onRetry={() => void directory.load()} />}
    </>
  );
}
