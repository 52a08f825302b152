import { t } from "../../i18n/messages";
import { Badge } from "../../ui/Badge";
import { BLOCKED, CHECK, ERROR, INFO, PLUS, WARNING } from "../../ui/icons";
import type { ReviewRow } from "./copy-model";

/** A module's state in one word: its result once sent, else what applying would do. */
export function CopyBadge({ row }: { row: ReviewRow }) {
  const { plan, result } = row;
  if (result) {
    switch (result.status) {
      case "sending":
        return <Badge icon={INFO}>{t("copy.badge.sending")}</Badge>;
      case "created":
      case "replaced":
      case "unchanged":
        return (
          <Badge tone="success" icon={CHECK}>
            {t(`copy.badge.${result.status}`)}
          </Badge>
        );
      case "conflict":
        return (
          <Badge tone="warning" icon={WARNING}>
            {t("copy.badge.conflict")}
          </Badge>
        );
      case "failed":
        return (
          <Badge tone="danger" icon={ERROR}>
            {t("copy.badge.failed")}
          </Badge>
        );
    }
  }
  if (plan.status !== "ready") return null;
  if (plan.value.problems.length > 0) {
    return (
      <Badge tone="danger" icon={BLOCKED}>
        {t("copy.badge.blocked")}
      </Badge>
    );
  }
  return plan.value.existing ? (
    <Badge tone="warning" icon={WARNING}>
      {t("copy.badge.replace")}
    </Badge>
  ) : (
    <Badge tone="info" icon={PLUS}>
      {t("copy.badge.create")}
    </Badge>
  );
}
