import { useState } from "preact/hooks";
import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { EDIT, UNLOCK } from "../../ui/icons";
import { Cluster, Stack } from "../../ui/Layout";
import { Progress } from "../../ui/Progress";
import { ConsoleUnlock } from "./ConsoleUnlock";
import { ConsoleReason } from "./ConsoleReason";
import type { LockedRecords } from "./model";

/** Selection and the bulk actions on manual locks, for users who may unlock; a run's progress. */
export function ConsoleBulkBar({ model }: { model: LockedRecords }) {
  const [form, setForm] = useState<"unlock" | "reason" | null>(null);
  const running = model.running.value;
  if (running) {
    return <Progress label={t(`console.running.${running.kind}`, { done: running.done, total: running.total })} done={running.done} total={running.total} />;
  }
  if (!model.canBulkUnlock.value) return <p class="muted">{t("console.readOnly")}</p>;
  const count = model.selected.value.size;
  const selectable = model.selectableKeys.value.length;
  return (
    <Stack gap={2}>
      <Cluster gap={2} data-testid="console-bulk">
        <span>{t("console.selected", { count })}</span>
        <Button small variant="quiet" disabled={selectable === 0} onClick={() => model.selectAll()}>
          {t("console.selectAll", { count: selectable })}
        </Button>
        <Button small variant="quiet" disabled={count === 0} onClick={() => model.clearSelection()}>
          {t("console.clearSelection")}
        </Button>
        <Button small icon={UNLOCK} disabled={count === 0} onClick={() => setForm("unlock")}>
          {t("console.unlockEllipsis")}
        </Button>
        <Button small icon={EDIT} disabled={count === 0} onClick={() => setForm("reason")}>
          {t("console.reasonEllipsis")}
        </Button>
      </Cluster>
      {form === "unlock" && <ConsoleUnlock model={model} onClose={() => setForm(null)} />}
      {form === "reason" && <ConsoleReason model={model} onClose={() => setForm(null)} />}
    </Stack>
  );
}
