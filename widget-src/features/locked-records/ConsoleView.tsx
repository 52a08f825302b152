// Loads on demand, with its strings, the per-record results' and the lock reason's (see PAGES in scripts/build.mjs).
import "catalogue:console";
import "catalogue:badge";
import "catalogue:result";
import "catalogue:reason";
import { useModel } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { CrmPort } from "../../crm/port";
import { t } from "../../i18n/messages";
import { EmptyState } from "../../ui/EmptyState";
import { LOCK } from "../../ui/icons";
import { Live, Stack } from "../../ui/Layout";
import { Notice } from "../../ui/Notice";
import { Skeleton } from "../../ui/Skeleton";
import type { Overview } from "../lock-settings/overview-model";
import type { Session } from "../session/model";
import { CappedNotice } from "./CappedNotice";
import { ConsoleBulkBar } from "./ConsoleBulkBar";
import { ConsoleFilters } from "./ConsoleFilters";
import { ConsoleGrid } from "./ConsoleGrid";
import { LoadedLine } from "./LoadedLine";
import { LockedRecordsModel } from "./model";
import { ModuleProblems } from "./ModuleProblems";
import { consoleModules } from "./modules";
import { UncheckedNotice } from "./UncheckedNotice";

export interface ConsoleViewProps {
  port: CrmPort;
  session: Session;
  overview: Overview;
}

/** Every locked record in the modules with locking: filters, bulk actions on manual locks, and the CSV export. */
export default function ConsoleView({ port, session, overview }: ConsoleViewProps) {
  const model = useModel(() => new LockedRecordsModel(port, session));
  const settled = overview.settled.value && overview.modules.value.status === "ready";
  // Which modules to search is known once the overview has read every configuration.
  useEffect(() => {
    if (settled) void model.load(consoleModules(overview.rows.peek()));
  }, [settled, model, overview]);
  const scans = model.scans.value;
  const counts = model.resultCounts.value;
  if (overview.modules.value.status === "error") return <Notice tone="error">{t("console.noModules")}</Notice>;
  if (!settled || (model.searching.value && model.records.value.length === 0)) return <Skeleton lines={4} label={t("console.loading")} />;
  if (scans.length === 0) {
    return <EmptyState icon={LOCK} title={t("console.noConfiguredModules")} data-testid="console-empty" />;
  }
  const nothingLocked = model.records.value.length === 0 && scans.every((scan) => scan.status === "ready");
  return (
    <Stack gap={3} data-testid="locked-records">
      <ModuleProblems model={model} />
      {nothingLocked ? (
        <EmptyState icon={LOCK} title={t("console.noneLocked")} data-testid="console-empty">
          {t("console.noneLockedHint")}
        </EmptyState>
      ) : (
        <>
          <ConsoleFilters model={model} />
          <LoadedLine model={model} />
          <CappedNotice model={model} />
          <UncheckedNotice model={model} />
          <ConsoleBulkBar model={model} />
          <Live>{counts && t("result.summary", counts)}</Live>
          <ConsoleGrid model={model} session={session} />
        </>
      )}
    </Stack>
  );
}
