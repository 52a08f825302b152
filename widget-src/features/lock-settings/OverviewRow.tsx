import { errorMessage } from "../../i18n/error-message";
import { formatNumber, t } from "../../i18n/messages";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { EDIT, PLUS, UNKNOWN } from "../../ui/icons";
import { Stack } from "../../ui/Layout";
import { Skeleton } from "../../ui/Skeleton";
import { RowActions, Td } from "../../ui/Table";
import { LockTypeBadge } from "./LockTypeBadge";
import type { ModuleRow } from "./overview-model";

/** One module: its lock type, rules and blocked actions, or why they are not known; and its button. */
export function OverviewRow({ row, onOpen }: { row: ModuleRow; onOpen: (module: string) => void }) {
  const { module, config, counts, action } = row;
  const label = { module: module.label };
  return (
    <tr data-module={module.apiName}>
      <Td>
        <strong class="name">{module.label}</strong>
      </Td>
      <Td label={t("settings.column.lockType")}>
        {config.status === "loading" && <Skeleton lines={1} />}
        {/* A read that failed is said in words: never "not configured". */}
        {config.status === "error" && (
          <Stack gap={1}>
            <div>
              <Badge tone="danger" icon={UNKNOWN}>
                {t("settings.state.unreadable")}
              </Badge>
            </div>
            <p class="small muted">{errorMessage(config.error, "config")}</p>
          </Stack>
        )}
        {config.status === "ready" && <LockTypeBadge type={config.value?.lockType} />}
      </Td>
      {/* Counts only of a configuration that was read; without one, the cells stay empty (and unlabelled when stacked). */}
      <Td num {...(counts ? { label: t("settings.column.rules") } : {})}>
        {counts && formatNumber(counts.rules)}
      </Td>
      <Td num {...(counts ? { label: t("settings.column.blocked") } : {})}>
        {counts && (
          <Stack gap={1}>
            <span>{formatNumber(counts.blockedActions.length)}</span>
            <span class="small muted">{counts.blockedActions.map((name) => t(`restrictions.action.${name}` as "restrictions.action.update")).join(", ")}</span>
          </Stack>
        )}
      </Td>
      <Td>
        <RowActions>
          <Button small icon={action === "setUp" ? PLUS : action === "edit" ? EDIT : undefined} disabled={row.actionDisabled} onClick={() => onOpen(module.apiName)}>
            {action === "setUp" ? t("settings.setUp", label) : action === "edit" ? t("settings.edit", label) : t("settings.view", label)}
          </Button>
        </RowActions>
      </Td>
    </tr>
  );
}
