import { t } from "../../i18n/messages";
import { Select } from "../../ui/Field";
import { mayTake, type Distribution } from "./distribute";
import type { Distribute } from "./distribute-model";

/** Moves one record to someone else whose threshold allows it; nothing to show when no one may take it. */
export function MoveSelect({ model, plan, recordId }: { model: Distribute; plan: Distribution; recordId: string }) {
  const input = model.input.value;
  const targets = model.chosen.value.filter(({ user }) => mayTake(plan, input, recordId, user.id));
  if (targets.length === 0) return <span class="muted">{t("result.untouched")}</span>;
  return (
    <Select
      id={`distribute-move-${recordId}`}
      label={t("distribute.moveRecord", { record: model.names.value.get(recordId) ?? recordId })}
      hideLabel
      value=""
      onChange={(event) => event.currentTarget.value && model.move(recordId, event.currentTarget.value)}
    >
      <option value="">{t("distribute.stay")}</option>
      {targets.map(({ user }) => (
        <option key={user.id} value={user.id}>
          {user.name}
        </option>
      ))}
    </Select>
  );
}
