import { t } from "../../i18n/messages";
import { Badge, type Tone } from "../../ui/Badge";
import { CHECK, CLOSE, WARNING } from "../../ui/icons";
import type { Capacity } from "./capacity";

/** One line of text for a candidate's capacity: the full sentence, for the chosen owner and for results. */
export function capacityText(capacity: Capacity): string {
  switch (capacity.kind) {
    case "checking":
      return t("owner.checking");
    case "allowed":
      return t("owner.capacity.allowed", { count: capacity.remaining });
    case "noRestriction":
      return t("owner.capacity.noRestriction");
    case "disabled":
      return t("owner.capacity.disabled");
    case "excluded":
      return t("owner.capacity.excluded");
    case "denied":
      return t(`owner.capacity.denied.${capacity.by}`);
    case "notApplicable":
      return t(`owner.capacity.notApplicable.${capacity.why}`);
    case "failed":
      return t("owner.capacity.failed");
  }
}

function badgeText(capacity: Capacity): string {
  switch (capacity.kind) {
    case "allowed":
      return t("owner.badge.allowed", { count: capacity.remaining });
    case "denied":
      return t(`owner.badge.denied.${capacity.by}`);
    default:
      return t(`owner.badge.${capacity.kind}`);
  }
}

function look(capacity: Capacity): [Tone, string | undefined] {
  switch (capacity.kind) {
    case "checking":
    case "notApplicable":
      return ["neutral", undefined];
    case "denied":
      return ["danger", CLOSE];
    case "failed":
      return ["danger", WARNING];
    default:
      return ["success", CHECK];
  }
}

/** A candidate's capacity beside their name: short words, an icon, and a colour that only repeats them. */
export function CapacityBadge({ capacity }: { capacity: Capacity }) {
  const [tone, icon] = look(capacity);
  return (
    <Badge tone={tone} icon={icon} data-capacity={capacity.kind}>
      {badgeText(capacity)}
    </Badge>
  );
}
