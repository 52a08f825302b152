import { t } from "../../i18n/messages";
import { Card } from "../../ui/Card";
import { Checkbox } from "../../ui/Checkbox";
import { ChoiceGroup } from "../../ui/ChoiceGroup";
import { EDIT } from "../../ui/icons";
import { ErrorNotice } from "../../ui/Notice";
import type { Editor } from "./editor-model";
import { ProblemText } from "./ProblemText";
import { ServerError } from "./ServerError";
import { LIMITS, type ConfigDraft } from "./types";

/** Fields that stay editable on a locked record: at most 15, the rest cannot be ticked once that many are. */
export function FieldsCard({ model, draft }: { model: Editor; draft: ConfigDraft }) {
  const disabled = model.disabled.value;
  const legend = t("settings.fieldsLegend", { max: LIMITS.excludedFields });
  const fields = model.fields.value;
  return (
    <Card
      title={legend}
      icon={EDIT}
      aside={<span class="small muted">{t("settings.fieldsChosen", { count: model.excludedFieldCount.value, max: LIMITS.excludedFields })}</span>}
    >
      <ChoiceGroup
        data-section="excludedFields"
        legend={legend}
        hideLegend
        scroll
        help={
          <>
            {fields.status === "error" && <ErrorNotice error={fields.error} action="config" />}
            <ProblemText problems={model.shownProblems.value.get("excludedFields") ?? []} />
            <ServerError model={model} path="excludedFields" />
          </>
        }
      >
        {model.fieldChoices.value.map((field) => {
          const checked = draft.excludedFields.some((entry) => entry.apiName === field.id);
          return (
            <Checkbox
              key={field.id}
              label={<span class="name">{field.label}</span>}
              checked={checked}
              disabled={disabled || (!checked && model.fieldLimitReached.value)}
              onChange={(event) => model.toggleField(field.id, event.currentTarget.checked)}
            />
          );
        })}
      </ChoiceGroup>
    </Card>
  );
}
