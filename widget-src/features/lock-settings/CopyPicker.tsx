import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { Checkbox } from "../../ui/Checkbox";
import { ChoiceGroup } from "../../ui/ChoiceGroup";
import { Cluster, Stack } from "../../ui/Layout";
import type { Copy } from "./copy-model";

/** Step 1: the modules to apply the configuration to. */
export function CopyPicker({ model, onCancel }: { model: Copy; onCancel: () => void }) {
  const targets = model.targets.value;
  const chosen = model.chosen.value;
  return (
    <Stack gap={3}>
      {targets.length === 0 ? (
        <p class="muted">{t("copy.noTargets")}</p>
      ) : (
        <ChoiceGroup legend={t("copy.pickLegend")} data-testid="copy-targets">
          {targets.map((module) => (
            <Checkbox
              key={module.apiName}
              label={<span class="name">{module.label}</span>}
              checked={chosen.has(module.apiName)}
              onChange={(event) => model.toggle(module.apiName, event.currentTarget.checked)}
            />
          ))}
        </ChoiceGroup>
      )}
      <Cluster end>
        <Button onClick={onCancel}>{t("app.cancel")}</Button>
        <Button variant="primary" disabled={chosen.size === 0} onClick={() => void model.review()}>
          {t("copy.review", { count: chosen.size })}
        </Button>
      </Cluster>
    </Stack>
  );
}
