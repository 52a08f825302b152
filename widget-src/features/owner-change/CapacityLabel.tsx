import { t } from "../../i18n/messages";
import type { Capacity } from "./capacity";

/** One line of text for a candidate's capacity, as shown beside their name. */
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

export function CapacityLabel({ capacity }: { capacity: Capacity }) {
  const tone = capacity.kind === "denied" || capacity.kind === "failed" ? "capacity capacity--bad" : "capacity";
  return (
    <span class={tone} data-capacity={capacity.kind}>
      {capacityText(capacity)}
    </span>
  );
}
