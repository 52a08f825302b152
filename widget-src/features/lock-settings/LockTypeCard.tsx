import type { LockType } from "../../api/locking-configurations";
import { t } from "../../i18n/messages";
import { Card } from "../../ui/Card";
import { LOCK } from "../../ui/icons";
import { RadioCards } from "../../ui/RadioCards";
import type { Editor } from "./editor-model";
import { ServerError } from "./ServerError";
import type { ConfigDraft } from "./types";

const TYPES: LockType[] = ["manual", "automatic", "both"];

/** How records are locked: by hand, by rules, or both, each with a sentence. */
export function LockTypeCard({ model, draft }: { model: Editor; draft: ConfigDraft }) {
  return (
    <Card title={t("settings.lockTypeLegend")} icon={LOCK} data={{ "data-section": "lockType" }}>
      <RadioCards<LockType>
        legend={t("settings.lockTypeLegend")}
        hideLegend
        name="lock-type"
        value={draft.lockType}
        disabled={model.disabled.value}
        options={TYPES.map((type) => ({ value: type, label: t(`settings.lockType.${type}`), description: t(`settings.lockTypeHint.${type}`) }))}
        onChange={(lockType) => model.set({ lockType })}
      />
      <ServerError model={model} path="lockType" />
    </Card>
  );
}
