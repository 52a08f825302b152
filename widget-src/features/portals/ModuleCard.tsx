import { useId } from "preact/hooks";
import { t } from "../../i18n/messages";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { Checkbox } from "../../ui/Checkbox";
import { ChoiceGroup } from "../../ui/ChoiceGroup";
import { Columns } from "../../ui/Columns";
import { Select } from "../../ui/Field";
import { ErrorNotice, Notice } from "../../ui/Notice";
import { problemText } from "./problem-text";
import { refusalAt, type ModuleCardState, type TypeEditor } from "./type-editor-model";
import { problemsAt } from "./type-form";

/**
 * One module of the user type: its layout (marked required for a private
 * module), view and filter field, each named after the module; what portal
 * users can do in it; and which fields of the layout they only read.
 */
export function ModuleCard({ model, card }: { model: TypeEditor; card: ModuleCardState }) {
  const layoutId = useId();
  const viewId = useId();
  const filterId = useId();
  const { module, label } = card;
  const busy = model.busy.value;
  const at = `modules.${module.moduleId}`;
  const problems = model.shownProblems.value;
  const refusal = refusalAt(model.outcome.value, at);
  const fieldProblems = problemText(problemsAt(problems, `${at}.fields`));
  const aside = card.required ? (
    <Badge>{t("portals.badge.included")}</Badge>
  ) : card.removable ? (
    <Button small variant="quiet" disabled={busy} onClick={() => model.removeModule(module.moduleId)}>
      {t("portals.removeModule", { module: label })}
    </Button>
  ) : undefined;
  return (
    <Card title={label} aside={aside} data={{ "data-module-card": module.apiName }}>
      <Columns>
        <Select
          id={layoutId}
          label={t("portals.layoutFor", { module: label })}
          required={card.layoutRequired}
          value={module.layoutIds[0] ?? ""}
          disabled={busy}
          error={problemText(problemsAt(problems, `${at}.layout`))}
          onChange={(event) => model.setLayout(module.moduleId, event.currentTarget.value)}
        >
          <option value="">{card.layoutRequired ? t("portals.chooseLayout") : t("portals.noLayout")}</option>
          {(card.layouts.status === "ready" ? card.layouts.value : []).map((layout) => (
            <option key={layout.id} value={layout.id}>
              {layout.name}
            </option>
          ))}
        </Select>
        <Select
          id={viewId}
          label={t("portals.viewFor", { module: label })}
          value={module.view?.id ?? ""}
          disabled={busy}
          onChange={(event) => {
            const value = event.currentTarget.value;
            model.updateModule(module.moduleId, { view: value ? { id: value, type: "custom_view" } : undefined });
          }}
        >
          <option value="">{t("portals.noView")}</option>
          {(card.views.status === "ready" ? card.views.value : []).map((view) => (
            <option key={view.id} value={view.id}>
              {view.name}
            </option>
          ))}
        </Select>
        {card.lookups.length > 0 && (
          <Select
            id={filterId}
            label={t("portals.filterFieldFor", { module: label })}
            help={t("portals.filterHelp", { module: label })}
            value={module.filterIds[0] ?? ""}
            disabled={busy}
            onChange={(event) => model.updateModule(module.moduleId, { filterIds: event.currentTarget.value ? [event.currentTarget.value] : [] })}
          >
            <option value="">{t("portals.noFilter")}</option>
            {card.lookups.map((field) => (
              <option key={field.id} value={field.id}>
                {field.label}
              </option>
            ))}
          </Select>
        )}
      </Columns>
      {card.layouts.status === "error" && <ErrorNotice error={card.layouts.error} action="portal" />}
      {card.views.status === "error" && <ErrorNotice error={card.views.error} action="portal" />}
      <ChoiceGroup legend={t("portals.permissions", { module: label })}>
        <Checkbox label={t("portals.permission.view")} checked disabled />
        <Checkbox
          label={t("portals.permission.edit")}
          checked={module.permissions.edit}
          disabled={busy}
          onChange={(event) => model.updateModule(module.moduleId, { permissions: { ...module.permissions, edit: event.currentTarget.checked } })}
        />
        <Checkbox
          label={t("portals.permission.create")}
          checked={module.permissions.create}
          disabled={busy}
          onChange={(event) => model.updateModule(module.moduleId, { permissions: { ...module.permissions, create: event.currentTarget.checked } })}
        />
      </ChoiceGroup>
      {card.fields.length > 0 && (
        <ChoiceGroup
          legend={t("portals.readOnlyFields", { module: label })}
          scroll
          help={card.hasMandatory && <p class="muted small">{t("portals.mandatoryHint")}</p>}
        >
          {card.fields.map((field) => {
            const readOnly = module.readOnlyFieldIds.includes(field.id);
            return (
              <Checkbox
                key={field.id}
                label={
                  <>
                    <span class="name">{field.label}</span>
                    {field.required && <span class="muted"> {t("portals.mandatory")}</span>}
                  </>
                }
                checked={readOnly}
                disabled={busy || (field.required && !readOnly)}
                onChange={(event) => model.setReadOnly(module.moduleId, field.id, event.currentTarget.checked)}
              />
            );
          })}
        </ChoiceGroup>
      )}
      {fieldProblems && (
        <Notice tone="warning">
          <p>{fieldProblems}</p>
        </Notice>
      )}
      {refusal && <ErrorNotice error={refusal} action="portal" />}
    </Card>
  );
}
