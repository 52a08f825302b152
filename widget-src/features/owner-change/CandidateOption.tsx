import type { CrmUser } from "../../api/users";
import { t } from "../../i18n/messages";
import { USER } from "../../ui/icons";
import { PickOption } from "../../ui/PickList";
import { CapacityBadge } from "./CapacityBadge";
import type { Capacity } from "./capacity";
import type { OwnerIneligibility } from "./candidates";

/** A possible new owner: name, e-mail (or why they cannot be chosen) and their capacity beside it. */
export function CandidateOption({
  user,
  blocked,
  capacity,
  chosen,
  disabled,
  onChoose,
}: {
  user: CrmUser;
  blocked: OwnerIneligibility | undefined;
  capacity: Capacity | undefined;
  chosen: boolean;
  disabled: boolean;
  onChoose: () => void;
}) {
  return (
    <PickOption
      icon={USER}
      name={user.name}
      detail={blocked ? t(`owner.blocked.${blocked}`) : (user.email ?? "")}
      aside={!blocked && capacity && <CapacityBadge capacity={capacity} />}
      pressed={chosen}
      disabled={blocked !== undefined || disabled}
      onClick={onChoose}
    />
  );
}
