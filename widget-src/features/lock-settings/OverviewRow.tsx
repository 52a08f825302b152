import { errorMessage } from "../../i18n/error-message";
import { formatNumber, t } from "../../i18n/messages";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { EDIT, PLUS, UNKNOWN } from "../../ui/icons";
import { Stack } from "../../ui/Layout";
import { Skeleton } from "../../ui/Skeleton";
import { Cell, RowActions } from "../../ui/Table";
import { LockTypeBadge } from "./LockTypeBadge";
import type { ModuleRow } from "./overview-model";

/** One module: its lock type, rules and blocked actions, or why they are not known; and its button. */
export function OverviewRow({ row, onOpen }: { row: ModuleRow; onOpen: (module: string) => void }) {
  const { module, config, counts, action } = row;
  const label = { module: module.label };
  return (
    <tr data-module={module.apiName}>
      <td>
        <strong class="name">{module.label}</strong>
      </td>
      {config.status === "loading" && (
        <td colSpan={3}>
          <Skeleton lines={1} />
        </td>
      )}
      {/* A read that failed is said in words: never "not configured". */}
      {config.status === "error" && (
        <td colSpan={3}>
          <Stack gap={1}>
            <div>
              <Badge tone="danger" icon={UNKNOWN}>
                {t("settings.state.unreadable")}
              </Badge>
            </div>
            <p class="small muted">{errorMessage(config.error, "config")}</p>
          </Stack>
        </td>
      )}
      {config.status === "ready" && (
        <>
          <Cell label={t("settings.column.lockType")}>
            <LockTypeBadge type={config.value?.lockType} />
          </Cell>
          <Cell num label={t("settings.column.rules")}>
            {counts && formatNumber(counts.rules)}
          </Cell>
          <Cell num label={t("settings.column.blocked")}>
            {counts && (
              <Stack gap={1}>
                <span>{formatNumber(counts.blockedActions.length)}</span>
                <span class="small muted">{counts.blockedActions.map((name) => t(`restrictions.action.${name}` as "restrictions.action.update")).join(", ")}</span>
              </Stack>
            )}
          </Cell>
        </>
      )}
      <td>
        <RowActions>
          <Button small icon={action === "setUp" ? PLUS : action === "edit" ? EDIT : undefined} disabled={row.actionDisabled} onClick={() => onOpen(module.apiName)}>
            {action === "setUp" ? t("settings.setUp", label) : action === "edit" ? t("settings.edit", label) : t("settings.view", label)}
          </Button>
        </RowActions>
      </td>
    </tr>
  );
}
