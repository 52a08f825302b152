import { errorMessage } from "../../i18n/error-message";
import { t } from "../../i18n/messages";
import { Badge } from "../../ui/Badge";
import { CHECK, ERROR } from "../../ui/icons";
import type { RowResult } from "./plan";

/** The actions whose per-record results this cell shows (the list view's and the locked-records console's). */
export type ResultAction = "lock" | "unlock" | "reassign" | "editReason";

/** One record's result: done, skipped with the reason, or failed with the CRM's message; a dash before any action. */
export function ResultCell({ result, action }: { result: RowResult | undefined; action: ResultAction }) {
  if (!result) return <span class="muted">{t("result.untouched")}</span>;
  if (result.status === "done") {
    return (
      <Badge tone="success" icon={CHECK}>
        {t(`result.done.${action}`)}
      </Badge>
    );
  }
  if (result.status === "skipped") {
    return (
      <span>
        <Badge>{t("result.skippedShort")}</Badge>{" "}
        <span class="small muted">
          {result.detail ? t("result.skipWith", { reason: t(`result.skip.${result.reason}`), detail: result.detail }) : t(`result.skip.${result.reason}`)}
        </span>
      </span>
    );
  }
  return (
    <span>
      <Badge tone="danger" icon={ERROR}>
        {t("result.failedShort")}
      </Badge>{" "}
      <span class="small">{errorMessage(result.error, action === "reassign" ? "changeOwner" : action)}</span>
    </span>
  );
}
