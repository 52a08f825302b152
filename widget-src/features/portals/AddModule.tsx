import { useId, useState } from "preact/hooks";
import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { Select } from "../../ui/Field";
import { PLUS } from "../../ui/icons";
import { Cluster } from "../../ui/Layout";
import type { TypeEditor } from "./type-editor-model";

/** Another module for the type: pick it, then Add (its card appears above, its layouts and views are read). */
export function AddModule({ model }: { model: TypeEditor }) {
  const [choice, setChoice] = useState("");
  const id = useId();
  const available = model.addable.value;
  return (
    <Cluster>
      <Select id={id} inline label={t("portals.addModule")} value={choice} disabled={model.busy.value} onChange={(event) => setChoice(event.currentTarget.value)}>
        <option value="">{t("portals.chooseModule")}</option>
        {available.map((module) => (
          <option key={module.id} value={module.id}>
            {module.label}
          </option>
        ))}
      </Select>
      <Button
        icon={PLUS}
        disabled={!choice || model.busy.value}
        onClick={() => {
          const found = available.find((module) => module.id === choice);
          if (found) model.addModule(found.id, found.apiName);
          setChoice("");
        }}
      >
        {t("portals.add")}
      </Button>
    </Cluster>
  );
}
