import { useEffect, useRef } from "preact/hooks";
import type { LockConfig } from "../../api/locking-configurations";
import { errorMessage } from "../../i18n/error-message";
import { t } from "../../i18n/messages";
import { ErrorNotice, Notice } from "../../ui/Notice";
import { Spinner } from "../../ui/Spinner";
import type { Load } from "../../ui/load";
import type { Overview } from "./overview-model";

function stateText(config: Load<LockConfig | undefined>): string {
  if (config.status === "loading") return t("app.loading");
  if (config.status === "error") return errorMessage(config.error, "config");
  if (!config.value) return t("settings.state.none");
  const { lockType, rules, restrictedActions } = config.value;
  const parts = [t(`settings.lockType.${lockType}`)];
  if (lockType !== "manual") parts.push(t("settings.state.rules", { count: rules.length }));
  parts.push(restrictedActions.map((action) => t(`restrictions.action.${action}` as "restrictions.action.update")).join(", "));
  return parts.join(" · ");
}

/**
 * Every module that supports record locking, with its state; pick one to edit
 * or view. `focusModule`: the module whose editor was just left, whose button
 * gets the focus back.
 */
export function OverviewView({ model, onOpen, focusModule }: { model: Overview; onOpen: (module: string) => void; focusModule?: string | undefined }) {
  const modules = model.modules.value;
  const canEdit = model.canEdit.value;
  const table = useRef<HTMLTableElement>(null);
  useEffect(() => {
    if (focusModule) table.current?.querySelector<HTMLButtonElement>(`tr[data-module="${CSS.escape(focusModule)}"] button`)?.focus();
  }, []);
  if (modules.status === "loading") return <Spinner label={t("app.loading")} />;
  if (modules.status === "error") return <ErrorNotice error={modules.error} action="config" onRetry={() => void model.load()} />;
  const editable = canEdit.status === "ready" && canEdit.value;
  return (
    <section class="panel" aria-labelledby="overview-heading">
      <h2 id="overview-heading" class="panel__heading">
        {t("settings.overviewHeading")}
      </h2>
      {canEdit.status === "ready" && !canEdit.value && (
        <Notice tone="info">
          <p data-testid="read-only">{t("settings.readOnly")}</p>
        </Notice>
      )}
      <table
        ref={table}
        class="bulk-table"
        data-testid="overview"
        data-settled={model.rows.value.every(({ config }) => config.status !== "loading")}
        aria-busy={model.rows.value.some(({ config }) => config.status === "loading")}
      >
        <thead>
          <tr>
            <th scope="col">{t("settings.column.module")}</th>
            <th scope="col">{t("settings.column.state")}</th>
            <th scope="col">
              <span class="visually-hidden">{t("settings.column.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {model.rows.value.map(({ module, config }) => (
            <tr key={module.apiName} data-module={module.apiName}>
              <td>{module.label}</td>
              <td>{stateText(config)}</td>
              <td>
                <button type="button" class="link" disabled={config.status === "loading"} onClick={() => onOpen(module.apiName)}>
                  {editable ? t("settings.edit", { module: module.label }) : t("settings.view", { module: module.label })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
