import { useEffect, useRef } from "preact/hooks";
import { t } from "../../i18n/messages";
import { Stack } from "../../ui/Layout";
import { ErrorNotice, Notice } from "../../ui/Notice";
import { Skeleton } from "../../ui/Skeleton";
import { Table, Th } from "../../ui/Table";
import type { Overview } from "./overview-model";
import { OverviewRow } from "./OverviewRow";

/**
 * Every module that supports record locking, with its state; pick one to set
 * up, edit or view. `focusModule`: the module whose editor was just left,
 * whose button gets the focus back.
 */
export function OverviewView({ model, onOpen, focusModule }: { model: Overview; onOpen: (module: string) => void; focusModule?: string | undefined }) {
  const modules = model.modules.value;
  const table = useRef<HTMLTableElement>(null);
  useEffect(() => {
    if (focusModule) table.current?.querySelector<HTMLButtonElement>(`tr[data-module="${CSS.escape(focusModule)}"] button`)?.focus();
  }, []);
  return (
    <Stack gap={3}>
      <Stack gap={1}>
        <h2>{t("settings.overviewHeading")}</h2>
        <p class="muted">{t("settings.overviewIntro")}</p>
      </Stack>
      {model.readOnlyKnown.value && (
        <Notice tone="info">
          <p data-testid="read-only">{t("settings.readOnly")}</p>
        </Notice>
      )}
      {modules.status === "loading" && <Skeleton lines={6} />}
      {modules.status === "error" && <ErrorNotice error={modules.error} action="config" onRetry={() => void model.load()} />}
      {modules.status === "ready" && (
        <Table stack caption={t("settings.overviewHeading")} tableRef={table} data-testid="overview" data-settled={model.settled.value} aria-busy={!model.settled.value}>
          <thead>
            <tr>
              <Th>{t("settings.column.module")}</Th>
              <Th>{t("settings.column.lockType")}</Th>
              <Th num>{t("settings.column.rules")}</Th>
              <Th num>{t("settings.column.blocked")}</Th>
              <Th>
                <span class="visually-hidden">{t("settings.column.actions")}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {model.rows.value.map((row) => (
              <OverviewRow key={row.module.apiName} row={row} onOpen={onOpen} />
            ))}
          </tbody>
        </Table>
      )}
    </Stack>
  );
}
