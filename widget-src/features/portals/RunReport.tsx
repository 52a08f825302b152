import { t } from "../../i18n/messages";
import { ErrorNotice, Notice } from "../../ui/Notice";
import { Progress } from "../../ui/Progress";
import type { PortalUsers } from "./users-model";

/** The one word about the users' last change: a run's progress, its summary, or an activation or deactivation. */
export function RunReport({ model }: { model: PortalUsers }) {
  const run = model.run.value;
  if (run) return <Progress label={t(`portals.progress.${run.action}`, { done: run.done, total: run.total })} done={run.done} total={run.total} />;
  const report = model.report.value;
  if (report) {
    return (
      <Notice tone={report.failed > 0 ? "warning" : report.scheduled ? "info" : "success"}>
        <p data-testid="portal-run-summary">
          {t(`portals.summary.${report.action}`, { done: report.done, failed: report.failed })}
          {report.scheduled && ` ${t("portals.scheduled")}`}
        </p>
      </Notice>
    );
  }
  const change = model.statusChange.value;
  if (!change) return null;
  if (change.error) {
    return <ErrorNotice error={change.error} action="portal" lead={t(change.active ? "portals.notActivated" : "portals.notDeactivated", { name: change.name })} />;
  }
  return (
    <Notice tone="success">
      <p>{t(change.active ? "portals.nowActive" : "portals.nowInactive", { name: change.name })}</p>
    </Notice>
  );
}
