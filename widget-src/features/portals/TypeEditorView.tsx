import { useModel } from "@preact/signals";
import { useEffect, useRef, useState } from "preact/hooks";
import type { UserType, UserTypeModule } from "../../api/portals";
import type { CrmPort } from "../../crm/port";
import type { CrmError } from "../../crm/result";
import { t } from "../../i18n/messages";
import { useFocusWhen } from "../../ui/focus";
import { ErrorNotice } from "../../ui/Notice";
import { Spinner } from "../../ui/Spinner";
import { TypeEditorModel, type TypeEditor } from "./type-editor-model";
import { NOTES, type TypeProblem } from "./type-form";

/** Create or edit a user type: name, the module its users come from, and per module what they can see and do. */
export function TypeEditorView({
  port,
  portal,
  type,
  others,
  onDone,
}: {
  port: CrmPort;
  portal: string;
  /** The type to edit; null to create one. */
  type: UserType | null;
  others: UserType[];
  onDone: (saved: boolean) => void;
}) {
  const model = useModel(() => new TypeEditorModel(port, portal, type?.id ?? null, others));
  useEffect(() => void model.load(), [model]);
  const original = model.original.value;
  const modules = model.modules.value;
  // The editor takes the list's place: focus moves to its heading once it is there.
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusWhen(heading, original.status === "ready" && modules.status === "ready");
  if (original.status === "loading" || modules.status === "loading") return <Spinner label={t("app.loading")} />;
  if (original.status === "error") return <ErrorNotice error={original.error} action="portal" onRetry={() => void model.load()} />;
  if (modules.status === "error") return <ErrorNotice error={modules.error} action="portal" onRetry={() => void model.load()} />;
  const draft = model.draft.value;
  const problems = model.showProblems.value ? model.problems.value : [];
  const at = (path: string) => problems.filter((problem) => problem.path === path);
  const outcome = model.outcome.value;
  /** A refusal shown where it belongs: beside a module, or the name; else at the foot of the form. */
  const refusal = (path: string) => (outcome?.kind === "failed" && outcome.path !== undefined && outcome.path.startsWith(path) ? outcome.error : undefined);
  const nameRefusal = refusal("name");
  const personalityRefusal = refusal("personalityModule");
  const busy = model.busy.value;
  const available = modules.status === "ready" ? modules.value.filter((module) => module.id && !draft.modules.some((entry) => entry.moduleId === module.id)) : [];
  return (
    <section class="panel" aria-labelledby="type-editor-heading" data-type-editor={type?.id ?? "new"}>
      <h2 id="type-editor-heading" ref={heading} class="panel__heading">
        {type ? t("portals.editTypeHeading", { name: type.name }) : t("portals.newTypeHeading")}
      </h2>
      <form class="config-form" onSubmit={(event) => event.preventDefault()}>
        <label>
          {t("portals.typeName")}{" "}
          <input type="text" value={draft.name} disabled={busy} onInput={(event) => model.edit((current) => ({ ...current, name: event.currentTarget.value }))} />
        </label>
        <Problems problems={at("name")} />
        {nameRefusal && <ErrorNotice error={nameRefusal} action="portal" />}
        <label>
          {t("portals.personality")}{" "}
          <select
            value={draft.personalityModule}
            disabled={busy || type !== null}
            onChange={(event) => model.setPersonality(event.currentTarget.value)}
          >
            <option value="">{t("portals.choosePersonality")}</option>
            {(modules.status === "ready" ? modules.value : [])
              .filter((module) => module.apiName === draft.personalityModule || module.apiName === "Contacts" || module.apiName === "Accounts" || module.generatedType === "custom")
              .map((module) => (
                <option key={module.apiName} value={module.apiName}>
                  {module.label}
                </option>
              ))}
          </select>
        </label>
        <Problems problems={at("personalityModule")} />
        {personalityRefusal && <ErrorNotice error={personalityRefusal} action="portal" />}
        <label>
          <input type="checkbox" checked={draft.active} disabled={busy} onChange={(event) => model.edit((current) => ({ ...current, active: event.currentTarget.checked }))} />{" "}
          {t("portals.typeActive")}
        </label>
        <fieldset data-section="modules">
          <legend>{t("portals.modulesLegend")}</legend>
          <p class="muted">{t("portals.requiredModules")}</p>
          {draft.modules.map((module) => (
            <ModuleCard
              key={module.moduleId}
              model={model}
              module={module}
              problems={problems}
              refusal={refusal(`modules.${module.moduleId}`)}
              personality={draft.personalityModule}
              isNew={!original.value?.modules.some((entry) => entry.moduleId === module.moduleId)}
            />
          ))}
          <Problems problems={at("modules")} />
          {available.length > 0 && <AddModule model={model} available={available.map((module) => ({ id: module.id, apiName: module.apiName, label: module.label }))} />}
        </fieldset>
        {outcome?.kind === "failed" && (outcome.path === undefined || outcome.path === "modules") && <ErrorNotice error={outcome.error} action="portal" />}
        {outcome?.kind === "failed" && outcome.path !== undefined && outcome.path !== "modules" && <p class="field-error">{t("settings.failedAt")}</p>}
        {outcome?.kind === "unchanged" && (
          <p class="muted" role="status">
            {t("portals.typeUnchanged")}
          </p>
        )}
        {model.showProblems.value && model.problems.value.length > 0 && (
          <p class="field-error" role="alert">
            {t("settings.fixProblems", { count: model.problems.value.length })}
          </p>
        )}
        <div class="form-actions">
          <button type="button" class="button" disabled={busy} aria-busy={busy} onClick={() => void model.save().then((saved) => saved && onDone(true))}>
            {type ? t("portals.saveType") : t("portals.createType")}
          </button>
          <button type="button" class="button button--quiet" disabled={busy} onClick={() => onDone(false)}>
            {t("app.cancel")}
          </button>
        </div>
      </form>
    </section>
  );
}

function Problems({ problems }: { problems: TypeProblem[] }) {
  return (
    <>
      {problems.map((problem) => (
        <p key={problem.code} class="field-error">
          {t(`portals.problem.${problem.code}`, problem.params)}
        </p>
      ))}
    </>
  );
}

function AddModule({ model, available }: { model: TypeEditor; available: { id: string; apiName: string; label: string }[] }) {
  const [choice, setChoice] = useState("");
  return (
    <div class="form-actions">
      <label>
        {t("portals.addModule")}{" "}
        <select value={choice} onChange={(event) => setChoice(event.currentTarget.value)}>
          <option value="">{t("portals.chooseModule")}</option>
          {available.map((module) => (
            <option key={module.id} value={module.id}>
              {module.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        class="button button--quiet"
        disabled={!choice}
        onClick={() => {
          const found = available.find((module) => module.id === choice);
          if (found) model.addModule(found.id, found.apiName);
          setChoice("");
        }}
      >
        {t("portals.add")}
      </button>
    </div>
  );
}

function ModuleCard({
  model,
  module,
  problems,
  refusal,
  personality,
  isNew,
}: {
  model: TypeEditor;
  module: UserTypeModule;
  problems: TypeProblem[];
  refusal: CrmError | undefined;
  personality: string;
  isNew: boolean;
}) {
  const layouts = model.layouts.value.get(module.moduleId);
  const views = model.views.value.get(module.moduleId);
  const busy = model.busy.value;
  const update = (patch: Partial<UserTypeModule>) =>
    model.edit((current) => ({ ...current, modules: current.modules.map((entry) => (entry.moduleId === module.moduleId ? { ...entry, ...patch } : entry)) }));
  const layoutList = layouts?.status === "ready" ? layouts.value : [];
  const chosen = layoutList.filter((layout) => module.layoutIds.includes(layout.id));
  const fields = chosen.flatMap((layout) => layout.fields).filter((field, index, all) => all.findIndex((other) => other.id === field.id) === index);
  const required = module.apiName === personality || module.apiName === NOTES;
  // Records can be scoped to the portal user through a lookup field of the layout.
  const lookups = fields.filter((field) => field.dataType === "lookup");
  const at = (path: string) => problems.filter((problem) => problem.path === `modules.${module.moduleId}${path}`);
  return (
    <div class="rule" data-module-card={module.apiName}>
      <h3>
        {module.apiName}
        {required && <span class="muted"> {t("portals.requiredModule")}</span>}
      </h3>
      <div class="form-actions">
        <label>
          {t("portals.layout")}{" "}
          <select value={module.layoutIds[0] ?? ""} disabled={busy} onChange={(event) => update({ layoutIds: event.currentTarget.value ? [event.currentTarget.value] : [], readOnlyFieldIds: [] })}>
            <option value="">{t("portals.noLayout")}</option>
            {layoutList.map((layout) => (
              <option key={layout.id} value={layout.id}>
                {layout.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("portals.view")}{" "}
          <select
            value={module.view?.id ?? ""}
            disabled={busy}
            onChange={(event) => {
              const value = event.currentTarget.value;
              update({ view: value ? { id: value, type: "custom_view" } : undefined });
            }}
          >
            <option value="">{t("portals.noView")}</option>
            {(views?.status === "ready" ? views.value : []).map((view) => (
              <option key={view.id} value={view.id}>
                {view.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {layouts?.status === "error" && <ErrorNotice error={layouts.error} action="portal" />}
      {lookups.length > 0 && (
        <label>
          {t("portals.filterField")}{" "}
          <select value={module.filterIds[0] ?? ""} disabled={busy} onChange={(event) => update({ filterIds: event.currentTarget.value ? [event.currentTarget.value] : [] })}>
            <option value="">{t("portals.noFilter")}</option>
            {lookups.map((field) => (
              <option key={field.id} value={field.id}>
                {field.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <Problems problems={at(".layout")} />
      <div class="checklist" role="group" aria-label={t("portals.permissions", { module: module.apiName })}>
        <label>
          <input type="checkbox" checked disabled /> {t("portals.permission.view")}
        </label>
        <label>
          <input type="checkbox" checked={module.permissions.edit} disabled={busy} onChange={(event) => update({ permissions: { ...module.permissions, edit: event.currentTarget.checked } })} />{" "}
          {t("portals.permission.edit")}
        </label>
        <label>
          <input type="checkbox" checked={module.permissions.create} disabled={busy} onChange={(event) => update({ permissions: { ...module.permissions, create: event.currentTarget.checked } })} />{" "}
          {t("portals.permission.create")}
        </label>
      </div>
      {fields.length > 0 && (
        <div class="checklist checklist--scroll" role="group" aria-label={t("portals.readOnlyFields", { module: module.apiName })}>
          {fields.map((field) => (
            <label key={field.id} title={field.required ? t("portals.mandatoryHint") : undefined}>
              <input
                type="checkbox"
                checked={module.readOnlyFieldIds.includes(field.id)}
                disabled={busy || (field.required && !module.readOnlyFieldIds.includes(field.id))}
                onChange={(event) =>
                  update({
                    readOnlyFieldIds: event.currentTarget.checked
                      ? [...module.readOnlyFieldIds, field.id]
                      : module.readOnlyFieldIds.filter((fieldId) => fieldId !== field.id),
                  })
                }
              />{" "}
              {field.label}
              {field.required && <span class="muted"> {t("portals.mandatory")}</span>}
            </label>
          ))}
        </div>
      )}
      <Problems problems={at(".fields")} />
      {refusal && <ErrorNotice error={refusal} action="portal" />}
      {isNew && !required && (
        <button type="button" class="link" disabled={busy} onClick={() => model.edit((current) => ({ ...current, modules: current.modules.filter((entry) => entry.moduleId !== module.moduleId) }))}>
          {t("portals.removeModule", { module: module.apiName })}
        </button>
      )}
    </div>
  );
}
