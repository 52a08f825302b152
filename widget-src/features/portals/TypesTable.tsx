import type { UserType } from "../../api/portals";
import { formatNumber, t } from "../../i18n/messages";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { EmptyState } from "../../ui/EmptyState";
import { CHECK, GROUP, MINUS } from "../../ui/icons";
import { ErrorNotice } from "../../ui/Notice";
import { Skeleton } from "../../ui/Skeleton";
import { RowActions, Table, Td, Th } from "../../ui/Table";
import { knownCount, type Portals } from "./portals-model";

/**
 * The user types: name (and "Default"), the module their users come from,
 * active or not, how many users (or that it is not known: never 0), and
 * per row the buttons Users, Edit and Delete…, whose names say which type.
 */
export function TypesTable({ model, onOpen, onEdit }: { model: Portals; onOpen: (type: UserType) => void; onEdit: (type: UserType) => void }) {
  const types = model.types.value;
  const confirming = model.confirming.value;
  if (types.status === "loading") return <Skeleton lines={3} />;
  if (types.status === "error") return <ErrorNotice error={types.error} action="portal" onRetry={() => void model.refreshTypes()} />;
  if (types.value.length === 0) return <EmptyState icon={GROUP} title={t("portals.noTypes")} data-testid="no-user-types" />;
  const busy = model.busy.value;
  return (
    <>
      <Table caption={t("portals.typesCaption")} stack data-testid="user-types">
        <thead>
          <tr>
            <Th>{t("portals.column.name")}</Th>
            <Th>{t("portals.column.module")}</Th>
            <Th>{t("portals.column.active")}</Th>
            <Th num>{t("portals.column.users")}</Th>
            <Th>
              <span class="visually-hidden">{t("settings.column.actions")}</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {types.value.map((type) => (
            <tr key={type.id} data-user-type={type.id}>
              <td>
                <span class="name">{type.name}</span>
                {type.isDefault && (
                  <>
                    {" "}
                    <Badge tone="info">{t("portals.badge.default")}</Badge>
                  </>
                )}
              </td>
              <Td label={t("portals.column.module")}>{type.personalityModule.label}</Td>
              <Td label={t("portals.column.active")}>
                {type.active ? (
                  <Badge tone="success" icon={CHECK}>
                    {t("portals.badge.active")}
                  </Badge>
                ) : (
                  <Badge icon={MINUS}>{t("portals.badge.inactive")}</Badge>
                )}
              </Td>
              <Td num label={t("portals.column.users")}>{knownCount(type) ? formatNumber(type.users) : <span class="muted">{t("portals.unknownCount")}</span>}</Td>
              <td>
                <RowActions>
                  <Button small data-return={`users-${type.id}`} aria-label={t("portals.showUsers", { name: type.name })} onClick={() => onOpen(type)}>
                    {t("portals.action.users")}
                  </Button>
                  <Button small data-return={`edit-${type.id}`} aria-label={t("portals.editType", { name: type.name })} onClick={() => onEdit(type)}>
                    {t("portals.action.edit")}
                  </Button>
                  {!type.isDefault && (
                    <Button small variant="quiet" disabled={busy} aria-label={t("portals.deleteType", { name: type.name })} onClick={() => model.askDelete(type)}>
                      {t("portals.action.delete")}
                    </Button>
                  )}
                </RowActions>
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      {confirming && (
        <ConfirmDialog
          title={t("portals.deleteTypeTitle", { name: confirming.name })}
          confirmLabel={t("portals.deleteTypeConfirm")}
          cancelLabel={t("app.cancel")}
          onConfirm={() => void model.confirmDelete()}
          onCancel={() => model.cancelDelete()}
        >
          <p>{t("portals.deleteTypeBody")}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
