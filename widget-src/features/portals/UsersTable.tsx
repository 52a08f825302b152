import { useEffect, useRef } from "preact/hooks";
import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { Checkbox } from "../../ui/Checkbox";
import { EmptyState } from "../../ui/EmptyState";
import { focusLost } from "../../ui/focus";
import { USER } from "../../ui/icons";
import { ErrorNotice } from "../../ui/Notice";
import { Skeleton } from "../../ui/Skeleton";
import { RowActions, Table, Td, Th } from "../../ui/Table";
import { UserStatus } from "./UserStatus";
import { UsersPager } from "./UsersPager";
import type { PortalUsers } from "./users-model";

/** One page of users: a checkbox to select each, name, e-mail, status badges, and Activate or Deactivate. */
export function UsersTable({ model }: { model: PortalUsers }) {
  const users = model.users.value;
  /**
   * The table gives way to placeholders while a page is read again (after a
   * status change or a page turn): the control used gets the focus back
   * once it is there again; its new name (Activate/Deactivate …) says what happened.
   */
  const refocus = useRef<string[] | null>(null);
  const table = useRef<HTMLTableElement>(null);
  useEffect(() => {
    if (!refocus.current || users.status === "loading") return;
    const section = table.current?.closest("section");
    const control = refocus.current.map((selector) => section?.querySelector<HTMLButtonElement>(selector)).find((found) => found && !found.disabled);
    refocus.current = null;
    if (control && focusLost()) control.focus();
  });
  if (users.status === "loading") return <Skeleton lines={5} />;
  if (users.status === "error") return <ErrorNotice error={users.error} action="portal" onRetry={() => void model.load()} />;
  const pager = <UsersPager model={model} onTurn={(selectors) => (refocus.current = selectors)} />;
  if (users.value.users.length === 0) {
    return (
      <>
        <EmptyState icon={USER} title={t("portals.noUsers")} data-testid="no-portal-users" />
        {pager}
      </>
    );
  }
  const busy = model.busy.value;
  const selected = model.selected.value;
  return (
    <>
      <Table caption={t("portals.usersCaption")} stack data-testid="portal-users" tableRef={table}>
        <thead>
          <tr>
            <Th fit>
              <span class="visually-hidden">{t("portals.column.select")}</span>
            </Th>
            <Th>{t("portals.column.name")}</Th>
            <Th>{t("portals.column.email")}</Th>
            <Th>{t("portals.column.status")}</Th>
            <Th>
              <span class="visually-hidden">{t("settings.column.actions")}</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {users.value.users.map((user) => (
            <tr key={user.personalityId} data-personality={user.personalityId}>
              <Td fit>
                <Checkbox
                  label={<span class="visually-hidden">{t("portals.selectUser", { name: user.name })}</span>}
                  checked={selected.has(user.personalityId)}
                  disabled={busy}
                  onChange={(event) => model.toggle(user.personalityId, event.currentTarget.checked)}
                />
              </Td>
              <td>
                <span class="name">{user.name}</span>
              </td>
              <Td label={t("portals.column.email")}>
                <span class="name">{user.email ?? ""}</span>
              </Td>
              <Td label={t("portals.column.status")}>
                <UserStatus user={user} />
              </Td>
              <td>
                <RowActions>
                  <Button
                    small
                    disabled={busy}
                    aria-label={t(user.active ? "portals.deactivate" : "portals.activate", { name: user.name })}
                    onClick={() => {
                      refocus.current = [`tr[data-personality="${CSS.escape(user.personalityId)}"] button`];
                      void model.setActive(user.personalityId, !user.active);
                    }}
                  >
                    {t(user.active ? "portals.action.deactivate" : "portals.action.activate")}
                  </Button>
                </RowActions>
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      {pager}
    </>
  );
}
