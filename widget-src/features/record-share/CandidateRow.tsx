import { t } from "../../i18n/messages";
import { Badge } from "../../ui/Badge";
import { CHECK } from "../../ui/icons";
import { PickOption } from "../../ui/PickList";
import { ineligibility, type Candidate, type PickerContext } from "./picker";
import { targetIcon } from "./targets";

/** A user, group or role in the share picker; one that cannot be picked says why. */
export function CandidateRow({
  candidate,
  context,
  chosen,
  disabled,
  onToggle,
}: {
  candidate: Candidate;
  context: PickerContext;
  chosen: boolean;
  disabled: boolean;
  onToggle: () => void;
}) {
  const { target, user } = candidate;
  const blocked = ineligibility(candidate, context);
  const kind = target.type === "users" ? (user?.email ?? "") : t(`share.type.${target.type}`);
  return (
    <PickOption
      icon={targetIcon(target.type)}
      name={target.name}
      detail={blocked ? `${kind ? `${kind} · ` : ""}${t(`share.blocked.${blocked}`)}` : kind}
      aside={
        chosen && (
          <Badge tone="info" icon={CHECK}>
            {t("share.picked")}
          </Badge>
        )
      }
      pressed={chosen}
      disabled={blocked !== undefined || disabled}
      onClick={onToggle}
    />
  );
}
