import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { Select } from "../../ui/Field";
import { CLOSE, USER } from "../../ui/icons";
import { Item, ItemList } from "../../ui/ItemList";
import { Cluster, Stack } from "../../ui/Layout";
import { capacityText } from "../owner-change/CapacityBadge";
import { MAX_OWNERS, WEIGHTS } from "./distribute";
import type { Distribute, RecordCheckProgress } from "./distribute-model";

function checksLine(checks: RecordCheckProgress | undefined): string {
  if (!checks) return "";
  const line = ` · ${t("distribute.checked", { done: checks.done, total: checks.total, name: checks.name })}`;
  return checks.failed > 0 ? `${line} · ${t("distribute.checksFailed", { count: checks.failed })}` : line;
}

/** The people chosen so far: each one's capacity (and per-record checks under way), weight, and a way to remove them. */
export function ChosenPeople({ model, busy }: { model: Distribute; busy: boolean }) {
  const chosen = model.chosen.value;
  const capacity = model.capacity.value;
  const progress = model.progress.value;
  return (
    <Stack gap={1}>
      <p class="small" aria-live="polite">
        {t("distribute.chosenCount", { count: chosen.length })}
        {chosen.length >= MAX_OWNERS && ` ${t("distribute.full")}`}
      </p>
      {chosen.length > 0 && (
        <ItemList label={t("distribute.chosen")} data-testid="distribute-chosen">
          {chosen.map(({ user, weight }) => (
            <Item
              key={user.id}
              data-user-id={user.id}
              icon={USER}
              title={user.name}
              meta={`${capacityText(capacity(user.id))}${checksLine(progress.find((checks) => checks.userId === user.id))}`}
              controls={
                <Cluster gap={1}>
                  <Select
                    id={`distribute-weight-${user.id}`}
                    label={t("distribute.weight", { name: user.name })}
                    hideLabel
                    value={String(weight)}
                    disabled={busy}
                    onChange={(event) => model.setWeight(user.id, Number(event.currentTarget.value))}
                  >
                    {WEIGHTS.map((value) => (
                      <option key={value} value={String(value)}>
                        {`× ${value}`}
                      </option>
                    ))}
                  </Select>
                  <Button small variant="quiet" icon={CLOSE} aria-label={t("distribute.remove", { name: user.name })} disabled={busy} onClick={() => model.toggle(user)} />
                </Cluster>
              }
            />
          ))}
        </ItemList>
      )}
    </Stack>
  );
}
