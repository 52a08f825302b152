import type { ShareEntry } from "../../api/share";
import { formatDateTime } from "../../i18n/format";
import { t } from "../../i18n/messages";
import { permissionLabel } from "./permissions";

/**
 * One line about a share: its permission, whether related records come with
 * it, where an inherited one comes from (it is shown but not editable here),
 * who shared it and when.
 */
export function shareFacts(entry: ShareEntry, inherited: boolean, locale?: string, timeZone?: string): string {
  return [
    permissionLabel(entry.permission),
    entry.shareRelatedRecords ? t("share.withRelated") : t("share.recordOnly"),
    inherited && entry.sharedThrough ? t("share.through", { name: entry.sharedThrough.name || entry.sharedThrough.id }) : "",
    entry.sharedBy ? t("share.by", { name: entry.sharedBy.name }) : "",
    entry.sharedTime ? formatDateTime(entry.sharedTime, locale, timeZone) : "",
  ]
    .filter(Boolean)
    .join(" · ");
}
