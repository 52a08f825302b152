import { useModel } from "@preact/signals";
import { useEffect, useRef, useState } from "preact/hooks";
import { PORTAL_USER_STATUSES, type PortalUserStatus, type UserType } from "../../api/portals";
import type { CrmPort } from "../../crm/port";
import type { CrmError } from "../../crm/result";
import { errorMessage } from "../../i18n/error-message";
import { t } from "../../i18n/messages";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { focusLost, useFocusWhen } from "../../ui/focus";
import { ErrorNotice, Notice } from "../../ui/Notice";
import { Spinner } from "../../ui/Spinner";
import { PortalUsersModel, type PortalUsers, type UserResult } from "./users-model";

/** The users of one user type: filter, page, activate or deactivate, move or delete many. */
export function UsersView({
  port,
  portal,
  type,
  otherTypes,
  moveAll,
  onBack,
}: {
  port: CrmPort;
  portal: string;
  type: UserType;
  otherTypes: UserType[];
  /** Opened to empty the type before deleting it: everyone is selected for a move. */
  moveAll: boolean;
  onBack: () => void;
}) {
  const model = useModel(() => new PortalUsersModel(port, portal, type.id));
  const [selectError, setSelectError] = useState<CrmError | null>(null);
  // The users take the list's place: focus moves to their heading.
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusWhen(heading, true);
  useEffect(() => {
    void model.load();
    if (moveAll) void model.selectAll().then(setSelectError);
  }, [model, moveAll]);
  return (
    <section class="panel" aria-labelledby="portal-users-heading" data-portal-users={type.id}>
      <h2 id="portal-users-heading" ref={heading} class="panel__heading">
        {t("portals.usersHeading", { name: type.name })}
      </h2>
      <button type="button" class="link" disabled={model.busy.value} onClick={onBack}>
        {t("portals.back")}
      </button>
      {moveAll && <p class="muted">{t("portals.moveAllHint")}</p>}
      {selectError && <ErrorNotice error={selectError} action="portal" />}
      <label>
        {t("portals.filter")}{" "}
        <select
          value={model.status.value}
          disabled={model.busy.value}
          onChange={(event) => void model.setStatus(event.currentTarget.value as PortalUserStatus)}
        >
          {PORTAL_USER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`portals.status.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <div aria-live="polite">
        <RunView model={model} />
        <StatusChangeDone model={model} />
      </div>
      <UsersTable model={model} />
      <BulkBar model={model} otherTypes={otherTypes} />
    </section>
  );
}

/** Said once an activation or deactivation went through (the user may leave the filtered list). */
function StatusChangeDone({ model }: { model: PortalUsers }) {
  const change = model.statusChange.value;
  if (!change || change.error) return null;
  return <p class="outcome outcome--done">{t(change.active ? "portals.nowActive" : "portals.nowInactive", { name: change.name })}</p>;
}

function UsersTable({ model }: { model: PortalUsers }) {
  const users = model.users.value;
  const change = model.statusChange.value;
  /**
   * The table gives way to a spinner while a page is read again (after a
   * status change or a page turn): the control used gets the focus back
   * once it is there again; its new name (Activate/Deactivate …) says what happened.
   */
  const refocus = useRef<string[] | null>(null);
  const table = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!refocus.current || users.status === "loading") return;
    const control = refocus.current
      .map((selector) => table.current?.querySelector<HTMLButtonElement>(selector))
      .find((found) => found && !found.disabled);
    refocus.current = null;
    if (control && focusLost()) control.focus();
  });
  if (users.status === "loading") return <Spinner label={t("app.loading")} />;
  if (users.status === "error") return <ErrorNotice error={users.error} action="portal" onRetry={() => void model.load()} />;
  if (users.value.users.length === 0) return <p data-testid="no-portal-users">{t("portals.noUsers")}</p>;
  const busy = model.busy.value;
  return (
    <div ref={table}>
      <table class="bulk-table" data-testid="portal-users">
        <caption class="visually-hidden">{t("portals.usersCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span class="visually-hidden">{t("portals.column.select")}</span>
            </th>
            <th scope="col">{t("portals.column.name")}</th>
            <th scope="col">{t("portals.column.email")}</th>
            <th scope="col">{t("portals.column.status")}</th>
            <th scope="col">
              <span class="visually-hidden">{t("settings.column.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.value.users.map((user) => (
            <tr key={user.personalityId} data-personality={user.personalityId}>
              <td>
                <input
                  type="checkbox"
                  aria-label={t("portals.selectUser", { name: user.name })}
                  checked={model.selected.value.has(user.personalityId)}
                  disabled={busy}
                  onChange={(event) => model.toggle(user.personalityId, event.currentTarget.checked)}
                />
              </td>
              <td>{user.name}</td>
              <td>{user.email ?? ""}</td>
              <td>
                {user.active ? t("portals.active") : t("portals.inactive")}
                {!user.confirmed && ` · ${t("portals.unconfirmed")}`}
                {user.statusReason && ` · ${user.statusReason}`}
              </td>
              <td>
                <button
                  type="button"
                  class="link"
                  disabled={busy}
                  onClick={() => {
                    refocus.current = [`tr[data-personality="${CSS.escape(user.personalityId)}"] button`];
                    void model.setActive(user.personalityId, !user.active);
                  }}
                >
                  {user.active ? t("portals.deactivate", { name: user.name }) : t("portals.activate", { name: user.name })}
                </button>
                {change?.personalityId === user.personalityId && change.error && <ErrorNotice error={change.error} action="portal" />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="form-actions">
        <button
          type="button"
          class="button button--quiet"
          data-page="previous"
          disabled={busy || model.page.value <= 1}
          onClick={() => {
            refocus.current = ['[data-page="previous"]', '[data-page="next"]'];
            void model.goToPage(model.page.value - 1);
          }}
        >
          {t("portals.previous")}
        </button>
        <span class="muted">{t("portals.page", { page: model.page.value })}</span>
        <button
          type="button"
          class="button button--quiet"
          data-page="next"
          disabled={busy || !users.value.more}
          onClick={() => {
            refocus.current = ['[data-page="next"]', '[data-page="previous"]'];
            void model.goToPage(model.page.value + 1);
          }}
        >
          {t("portals.next")}
        </button>
      </div>
    </div>
  );
}

function BulkBar({ model, otherTypes }: { model: PortalUsers; otherTypes: UserType[] }) {
  const [target, setTarget] = useState(otherTypes[0]?.id ?? "");
  const [confirmDelete, setConfirmDelete] = useState(false);
  const count = model.selected.value.size;
  const busy = model.busy.value;
  if (count === 0) return null;
  return (
    <div class="bulk-action" data-testid="portal-bulk">
      <p>{t("portals.selected", { count })}</p>
      {otherTypes.length > 0 && (
        <div class="form-actions">
          <label>
            {t("portals.moveTo")}{" "}
            <select value={target} disabled={busy} onChange={(event) => setTarget(event.currentTarget.value)}>
              {otherTypes.map((type) => (
                <option key={type.id} value={type.id}>
                  {type.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" class="button" disabled={busy || !target} onClick={() => void model.transfer(target)}>
            {t("portals.move", { count })}
          </button>
        </div>
      )}
      <button type="button" class="button button--danger" disabled={busy} onClick={() => setConfirmDelete(true)}>
        {t("portals.deleteUsers", { count })}
      </button>
      {confirmDelete && (
        <ConfirmDialog
          title={t("portals.deleteUsersTitle", { count })}
          confirmLabel={t("portals.deleteUsersConfirm")}
          cancelLabel={t("app.cancel")}
          onConfirm={() => {
            setConfirmDelete(false);
            void model.remove();
          }}
          onCancel={() => setConfirmDelete(false)}
        >
          <p>{t("portals.deleteUsersBody", { count })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function resultText(result: UserResult): string {
  if (result.status === "done") return t("portals.result.done");
  if (result.status === "scheduled") return t("portals.result.scheduled");
  return t("portals.result.failed", { message: errorMessage(result.error, "portal") });
}

function RunView({ model }: { model: PortalUsers }) {
  const run = model.run.value;
  const results = model.results.value;
  if (run) {
    return (
      <p>
        {t(`portals.progress.${run.action}`, { done: run.done, total: run.total })}{" "}
        {/* The words before it say the same to a screen reader. */}
        <progress max={run.total} value={run.done} aria-hidden="true" />
      </p>
    );
  }
  if (!results) return null;
  const entries = [...results.byUser];
  const failed = entries.filter(([, result]) => result.status === "failed").length;
  const scheduled = entries.some(([, result]) => result.status === "scheduled");
  return (
    <Notice tone={failed > 0 ? "warning" : "info"}>
      <p data-testid="portal-run-summary">
        {t(`portals.summary.${results.action}`, { done: entries.length - failed, failed })}
        {scheduled && ` ${t("portals.scheduled")}`}
      </p>
      <ul>
        {entries.map(([userId, result]) => (
          <li key={userId}>
            {results.names.get(userId) ?? userId}: {resultText(result)}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
