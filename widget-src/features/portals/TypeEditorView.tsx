import { useModel } from "@preact/signals";
import { useEffect, useId, useRef } from "preact/hooks";
import type { UserType } from "../../api/portals";
import type { CrmPort } from "../../crm/port";
import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { Columns } from "../../ui/Columns";
import { Select, TextField } from "../../ui/Field";
import { useFocusWhen } from "../../ui/focus";
import { Stack } from "../../ui/Layout";
import { ErrorNotice, Notice } from "../../ui/Notice";
import { Skeleton } from "../../ui/Skeleton";
import { StickyBar } from "../../ui/StickyBar";
import { Switch } from "../../ui/Switch";
import { AddModule } from "./AddModule";
import { ModuleCard } from "./ModuleCard";
import { problemText } from "./problem-text";
import { TypeEditorModel, refusalAt } from "./type-editor-model";
import { problemsAt } from "./type-form";

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
  /** Back to the types; `saved`: the name of the type just saved, or null when nothing was. */
  onDone: (saved: string | null) => void;
}) {
  const model = useModel(() => new TypeEditorModel(port, portal, type?.id ?? null, others));
  const nameId = useId();
  const personalityId = useId();
  useEffect(() => void model.load(), [model]);
  const original = model.original.value;
  const modules = model.modules.value;
  const ready = original.status === "ready" && modules.status === "ready";
  // The editor takes the list's place: focus moves to its heading once it is there.
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusWhen(heading, ready);
  const title = type ? t("portals.editTypeHeading", { name: type.name }) : t("portals.newTypeHeading");
  if (original.status === "loading" || modules.status === "loading") {
    return (
      <Card title={title} busy>
        <Skeleton lines={5} />
      </Card>
    );
  }
  if (original.status === "error") return <ErrorNotice error={original.error} action="portal" onRetry={() => void model.load()} />;
  if (modules.status === "error") return <ErrorNotice error={modules.error} action="portal" onRetry={() => void model.load()} />;
  const draft = model.draft.value;
  const busy = model.busy.value;
  const outcome = model.outcome.value;
  const nameRefusal = refusalAt(outcome, "name");
  const personalityRefusal = refusalAt(outcome, "personalityModule");
  const generalRefusal = model.generalRefusal.value;
  const problems = model.shownProblems.value;
  const moduleProblems = problemsAt(problems, "modules");
  return (
    <Stack gap={3} data-type-editor={type?.id ?? "new"} data-type-editor-settled={model.settled.value}>
      <Card title={title} headingRef={heading}>
        <Columns min={280}>
          <TextField
            id={nameId}
            label={t("portals.typeName")}
            required
            value={draft.name}
            disabled={busy}
            error={problemText(problemsAt(problems, "name"))}
            onInput={(event) => model.edit((current) => ({ ...current, name: event.currentTarget.value }))}
          />
          <Select
            id={personalityId}
            label={t("portals.personality")}
            required
            value={draft.personalityModule}
            disabled={busy || type !== null}
            help={type ? t("portals.personalityFixed") : undefined}
            error={problemText(problemsAt(problems, "personalityModule"))}
            onChange={(event) => model.setPersonality(event.currentTarget.value)}
          >
            <option value="">{t("portals.choosePersonality")}</option>
            {model.personalityChoices.value.map((module) => (
              <option key={module.apiName} value={module.apiName}>
                {module.label}
              </option>
            ))}
          </Select>
        </Columns>
        {nameRefusal && <ErrorNotice error={nameRefusal} action="portal" />}
        {personalityRefusal && <ErrorNotice error={personalityRefusal} action="portal" />}
        <Switch
          label={t("portals.typeActive")}
          hint={t("portals.typeActiveHint")}
          checked={draft.active}
          disabled={busy}
          onChange={(event) => model.edit((current) => ({ ...current, active: event.currentTarget.checked }))}
        />
      </Card>
      <Stack gap={1} data-section="modules">
        <h2>{t("portals.modulesLegend")}</h2>
        <p class="muted">{t("portals.requiredModules")}</p>
      </Stack>
      {model.cards.value.map((card) => (
        <ModuleCard key={card.module.moduleId} model={model} card={card} />
      ))}
      {moduleProblems.length > 0 && (
        <Notice tone="warning">
          <p>{problemText(moduleProblems)}</p>
        </Notice>
      )}
      {model.addable.value.length > 0 && <AddModule model={model} />}
      {generalRefusal && <ErrorNotice error={generalRefusal} action="portal" />}
      {model.refusedAtField.value && (
        <Notice tone="error">
          <p>{t("settings.failedAt")}</p>
        </Notice>
      )}
      {outcome?.kind === "unchanged" && (
        <Notice tone="info">
          <p>{t("portals.typeUnchanged")}</p>
        </Notice>
      )}
      {problems.length > 0 && (
        <Notice tone="error">
          <p>{t("settings.fixProblems", { count: problems.length })}</p>
        </Notice>
      )}
      <StickyBar end>
        <Button disabled={busy} onClick={() => onDone(null)}>
          {t("app.cancel")}
        </Button>
        <Button variant="primary" busy={busy} onClick={() => void model.save().then((saved) => saved && onDone(draft.name.trim()))}>
          {type ? t("portals.saveType") : t("portals.createType")}
        </Button>
      </StickyBar>
    </Stack>
  );
}
