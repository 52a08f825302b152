import { useRef, useState } from "preact/hooks";
import type { LockType, LockedFor } from "../../api/locking-configurations";
import { RESTRICTABLE_ACTIONS } from "../../api/locking-configurations";
import { t } from "../../i18n/messages";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { useFocusWhen } from "../../ui/focus";
import { ErrorNotice, Notice } from "../../ui/Notice";
import { Spinner } from "../../ui/Spinner";
import type { Load } from "../../ui/load";
import type { Editor } from "./editor-model";
import { ChangeList } from "./ChangeList";
import { RulesEditor } from "./RulesEditor";
import { LIMITS, type ConfigDraft, type Problem } from "./types";

const COMMUNICATIONS = ["send_mail", "send_survery", "send_portal_invitation"] as const;

/** One module's configuration: read-only for those who may not customise, else an editor with a safe save. */
export function EditorView({
  model,
  module,
  label,
  readOnly,
  onBack,
}: {
  model: Editor;
  module: string;
  /** The module's name as people see it. */
  label: string;
  readOnly: boolean;
  onBack: () => void;
}) {
  const config = model.config.value;
  const draft = model.draft.value;
  // The editor takes the overview's place: focus moves to its heading.
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusWhen(heading, config.status === "ready");
  if (config.status === "loading") return <Spinner label={t("app.loading")} />;
  if (config.status === "error") return <ErrorNotice error={config.error} action="config" onRetry={() => void model.load()} />;
  return (
    <section class="panel" aria-labelledby="editor-heading" data-editor-module={module}>
      <h2 id="editor-heading" ref={heading} class="panel__heading">
        {t("settings.editorHeading", { module: label })}
      </h2>
      <button type="button" class="link" onClick={onBack}>
        {t("settings.back")}
      </button>
      <div aria-live="polite">
        <Outcome model={model} />
      </div>
      {!draft ? (
        <div>
          <p data-testid="no-config">{t("settings.state.noneLong")}</p>
          {!readOnly && (
            <button type="button" class="button" onClick={() => model.startNew()}>
              {t("settings.create")}
            </button>
          )}
        </div>
      ) : (
        <ConfigForm model={model} label={label} draft={draft} readOnly={readOnly} />
      )}
    </section>
  );
}

function withConfigured<T>(list: Load<T[]>, configured: T[], key: (item: T) => string): T[] {
  const known = list.status === "ready" ? list.value : [];
  const keys = new Set(known.map(key));
  return [...known, ...configured.filter((item) => !keys.has(key(item)))];
}

/** Problems found before sending, shown once the admin has tried to review. */
function sectionProblems(model: Editor, path: string): Problem[] {
  return model.showProblems.value ? model.problems.value.filter((problem) => problem.path === path) : [];
}

function ProblemText({ problems }: { problems: Problem[] }) {
  return (
    <>
      {problems.map((problem) => (
        <p key={problem.code} class="field-error">
          {t(`settings.problem.${problem.code}`, problem.params)}
        </p>
      ))}
    </>
  );
}

/** A server error shown beside the section it concerns. */
function ServerError({ model, path }: { model: Editor; path: string }) {
  const outcome = model.outcome.value;
  if (outcome?.kind !== "failed" || outcome.path !== path) return null;
  return <ErrorNotice error={outcome.error} action="config" />;
}

function ConfigForm({ model, label, draft, readOnly }: { model: Editor; label: string; draft: ConfigDraft; readOnly: boolean }) {
  const disabled = readOnly || model.busy.value !== null;
  const set = (patch: Partial<ConfigDraft>) => model.edit((current) => ({ ...current, ...patch }));
  // The lists may lack what the configuration names (an unused field, a deleted button, a list that
  // failed): configured entries are always shown too, so they can be seen and removed.
  const profiles = withConfigured(model.profiles.value, draft.excludedProfiles, (entry) => entry.id);
  const fields = withConfigured(
    model.fields.value,
    draft.excludedFields.map((field) => ({ id: field.id ?? field.apiName, apiName: field.apiName, label: field.apiName, dataType: "text" })),
    (field) => field.apiName,
  );
  const buttons = withConfigured(model.buttons.value, draft.restrictedCustomButtons, (entry) => entry.id);
  const toggle = <T,>(list: T[], item: T, on: boolean, same: (a: T, b: T) => boolean) =>
    on ? [...list.filter((entry) => !same(entry, item)), item] : list.filter((entry) => !same(entry, item));
  return (
    <form class="config-form" onSubmit={(event) => event.preventDefault()}>
      <fieldset data-section="lockType">
        <legend>{t("settings.lockTypeLegend")}</legend>
        {(["manual", "automatic", "both"] as LockType[]).map((type) => (
          <label key={type} class="radio">
            <input type="radio" name="lock-type" checked={draft.lockType === type} disabled={disabled} onChange={() => set({ lockType: type })} />{" "}
            {t(`settings.lockType.${type}`)} <span class="muted">— {t(`settings.lockTypeHint.${type}`)}</span>
          </label>
        ))}
        <ServerError model={model} path="lockType" />
      </fieldset>

      <fieldset data-section="lockedFor">
        <legend>{t("settings.lockedForLegend")}</legend>
        {(["all_profiles", "all_profiles_except_excluded_profiles"] as LockedFor[]).map((value) => (
          <label key={value} class="radio">
            <input type="radio" name="locked-for" checked={draft.lockedFor === value} disabled={disabled} onChange={() => set({ lockedFor: value })} />{" "}
            {t(`settings.lockedFor.${value}`)}
          </label>
        ))}
        {draft.lockedFor === "all_profiles_except_excluded_profiles" && (
          <div class="checklist" role="group" aria-label={t("settings.exemptProfiles")}>
            {profiles.map((profile) => (
              <label key={profile.id}>
                <input
                  type="checkbox"
                  checked={draft.excludedProfiles.some((entry) => entry.id === profile.id)}
                  disabled={disabled}
                  onChange={(event) =>
                    set({ excludedProfiles: toggle(draft.excludedProfiles, profile, event.currentTarget.checked, (a, b) => a.id === b.id) })
                  }
                />{" "}
                {profile.name}
              </label>
            ))}
          </div>
        )}
        <ProblemText problems={sectionProblems(model, "excludedProfiles")} />
        <ServerError model={model} path="excludedProfiles" />
        <ServerError model={model} path="lockedFor" />
      </fieldset>

      <fieldset data-section="restrictedActions">
        <legend>{t("settings.actionsLegend")}</legend>
        {RESTRICTABLE_ACTIONS.map((action) => (
          <label key={action}>
            <input
              type="checkbox"
              checked={action === "update" || draft.restrictedActions.includes(action)}
              disabled={disabled || action === "update"}
              onChange={(event) => set({ restrictedActions: toggle(draft.restrictedActions, action, event.currentTarget.checked, (a, b) => a === b) })}
            />{" "}
            {t(`restrictions.action.${action}`)}
          </label>
        ))}
        <ServerError model={model} path="restrictedActions" />
      </fieldset>

      <fieldset data-section="excludedFields">
        <legend>{t("settings.fieldsLegend", { max: LIMITS.excludedFields })}</legend>
        <div class="checklist checklist--scroll" role="group" aria-label={t("settings.fieldsLegend", { max: LIMITS.excludedFields })}>
          {fields.map((field) => {
            const checked = draft.excludedFields.some((entry) => entry.apiName === field.apiName);
            return (
              <label key={field.id}>
                <input
                  type="checkbox"
                  checked={checked}
                  disabled={disabled || (!checked && draft.excludedFields.length >= LIMITS.excludedFields)}
                  onChange={(event) =>
                    set({
                      excludedFields: toggle(draft.excludedFields, { apiName: field.apiName, id: field.id }, event.currentTarget.checked, (a, b) => a.apiName === b.apiName),
                    })
                  }
                />{" "}
                {field.label}
              </label>
            );
          })}
        </div>
        {model.fields.value.status === "error" && <ErrorNotice error={model.fields.value.error} action="config" />}
        <ProblemText problems={sectionProblems(model, "excludedFields")} />
        <ServerError model={model} path="excludedFields" />
      </fieldset>

      <fieldset data-section="restrictedCommunications">
        <legend>{t("settings.communicationsLegend")}</legend>
        {COMMUNICATIONS.map((channel) => (
          <label key={channel}>
            <input
              type="checkbox"
              checked={draft.restrictedCommunications.includes(channel)}
              disabled={disabled}
              onChange={(event) =>
                set({ restrictedCommunications: toggle(draft.restrictedCommunications, channel, event.currentTarget.checked, (a, b) => a === b) })
              }
            />{" "}
            {t(`settings.communication.${channel}`)}
          </label>
        ))}
        <ServerError model={model} path="restrictedCommunications" />
      </fieldset>

      <fieldset data-section="restrictedCustomButtons">
        <legend>{t("settings.buttonsLegend")}</legend>
        {buttons.length === 0 && <p class="muted">{t("settings.noButtons")}</p>}
        {buttons.map((button) => (
          <label key={button.id}>
            <input
              type="checkbox"
              checked={draft.restrictedCustomButtons.some((entry) => entry.id === button.id)}
              disabled={disabled}
              onChange={(event) =>
                set({ restrictedCustomButtons: toggle(draft.restrictedCustomButtons, button, event.currentTarget.checked, (a, b) => a.id === b.id) })
              }
            />{" "}
            {button.name}
          </label>
        ))}
        <ProblemText problems={sectionProblems(model, "restrictedCustomButtons")} />
        <ServerError model={model} path="restrictedCustomButtons" />
      </fieldset>

      <label data-section="lockForPortalUsers">
        <input
          type="checkbox"
          checked={draft.lockForPortalUsers}
          disabled={disabled}
          onChange={(event) => set({ lockForPortalUsers: event.currentTarget.checked })}
        />{" "}
        {t("settings.portalUsers")}
      </label>
      <ServerError model={model} path="lockForPortalUsers" />

      <RulesEditor model={model} draft={draft} disabled={disabled} fields={fields} />
      <ProblemText problems={sectionProblems(model, "rules")} />
      <ServerError model={model} path="rules" />

      {!readOnly && <SaveBar model={model} label={label} />}
    </form>
  );
}

function SaveBar({ model, label }: { model: Editor; label: string }) {
  const [confirmDelete, setConfirmDelete] = useState(false);
  const busy = model.busy.value;
  const problems = model.problems.value;
  return (
    <div class="save-bar">
      {model.showProblems.value && problems.length > 0 && (
        <p class="field-error" role="alert">
          {t("settings.fixProblems", { count: problems.length })}
        </p>
      )}
      {model.reviewing.value ? (
        <div class="share-review" role="group" aria-labelledby="config-review-heading">
          <h3 id="config-review-heading">{t("settings.reviewHeading")}</h3>
          <ChangeList changes={model.changes.value} />
          <div class="form-actions">
            <button type="button" class="button" disabled={busy !== null} aria-busy={busy === "saving"} onClick={() => void model.save()}>
              {t("settings.save")}
            </button>
            <button type="button" class="button button--quiet" disabled={busy !== null} onClick={() => model.cancelReview()}>
              {t("settings.keepEditing")}
            </button>
          </div>
        </div>
      ) : (
        <div class="form-actions">
          <button type="button" class="button" disabled={busy !== null || !model.dirty.value} onClick={() => model.review()}>
            {t("settings.reviewChanges")}
          </button>
          {model.dirty.value && (
            <button type="button" class="button button--quiet" disabled={busy !== null} onClick={() => void model.reload()}>
              {t("settings.discard")}
            </button>
          )}
          {model.base.value && !model.base.value.systemDefined && (
            <button type="button" class="button button--danger" disabled={busy !== null} onClick={() => setConfirmDelete(true)}>
              {t("settings.delete")}
            </button>
          )}
        </div>
      )}
      {confirmDelete && (
        <ConfirmDialog
          title={t("settings.deleteTitle", { module: label })}
          confirmLabel={t("settings.deleteConfirm")}
          cancelLabel={t("app.cancel")}
          onConfirm={() => {
            setConfirmDelete(false);
            void model.remove();
          }}
          onCancel={() => setConfirmDelete(false)}
        >
          <p>{t("settings.deleteBody", { module: label })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function Outcome({ model }: { model: Editor }) {
  const outcome = model.outcome.value;
  if (!outcome) return null;
  switch (outcome.kind) {
    case "saved":
      return <p class="outcome outcome--done">{t("settings.saved")}</p>;
    case "deleted":
      return <p class="outcome outcome--done">{t("settings.deleted")}</p>;
    case "unchanged":
      return <p class="muted">{t("settings.unchanged")}</p>;
    case "conflict":
      return (
        <Notice tone="warning">
          <p>{t("settings.conflict")}</p>
          <ChangeList changes={outcome.theirs} />
          <div class="form-actions">
            <button type="button" class="button" onClick={() => model.keepMine()}>
              {t("settings.keepMine")}
            </button>
            <button type="button" class="button button--quiet" onClick={() => void model.reload()}>
              {t("settings.takeTheirs")}
            </button>
          </div>
        </Notice>
      );
    case "failed":
      return outcome.path ? <p class="field-error">{t("settings.failedAt")}</p> : <ErrorNotice error={outcome.error} action="config" />;
  }
}
