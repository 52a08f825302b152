import { useState } from "preact/hooks";
import type { CrmPort } from "../../crm/port";
import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { GROUP, LOCK, UNLOCK, USER } from "../../ui/icons";
import { lazy } from "../../ui/lazy";
import { Cluster, Live } from "../../ui/Layout";
import { ErrorNotice } from "../../ui/Notice";
import { Progress } from "../../ui/Progress";
import { Skeleton } from "../../ui/Skeleton";
import type { BulkFormsProps } from "./BulkForms";
import type { Bulk } from "./model";
import type { BulkReassignProps } from "./BulkReassign";
import type { BulkDistributeProps } from "./BulkDistribute";
import { ResultSummary } from "./ResultSummary";
import { SelectionTable } from "./SelectionTable";

// The forms and the owner picker load when an action is chosen (and start loading when the pointer or focus reaches its button).
const BulkForms = lazy<BulkFormsProps>(() => import("./BulkForms").then((chunk) => chunk.default));
const BulkReassign = lazy<BulkReassignProps>(() => import("./BulkReassign").then((chunk) => chunk.default));
const formIntent = { onPointerEnter: BulkForms.preload, onFocus: BulkForms.preload };
const BulkDistribute = lazy<BulkDistributeProps>(() => import("./BulkDistribute").then((chunk) => chunk.default));
const reassignIntent = { onPointerEnter: BulkReassign.preload, onFocus: BulkReassign.preload };
const distributeIntent = { onPointerEnter: BulkDistribute.preload, onFocus: BulkDistribute.preload };

type Open = "none" | "lock" | "unlock" | "reassign" | "distribute";

/** The list view button: the actions as a toolbar, the one opened under it, and the selected records with each one's result. */
export function BulkPanel({ model, port, module }: { model: Bulk; port: CrmPort; module: string }) {
  const [open, setOpen] = useState<Open>("none");
  const rows = model.rows.value;
  const progress = model.progress.value;
  const busy = model.busy.value;
  if (rows.status === "loading") return <Skeleton lines={4} />;
  if (rows.status === "error") return <ErrorNotice error={rows.error} action="record" onRetry={() => void model.load()} />;
  const toggle = (panel: Open) => setOpen(open === panel ? "none" : panel);
  const close = () => setOpen("none");
  return (
    <>
      <Cluster role="group" aria-label={t("bulk.actions")} data-bulk-state={progress ? "running" : "idle"} data-bulk-settled={model.settled.value}>
        <Button {...formIntent} icon={LOCK} aria-expanded={open === "lock"} disabled={busy} onClick={() => toggle("lock")}>
          {t("lock.lockEllipsis")}
        </Button>
        <Button {...formIntent} icon={UNLOCK} disabled={busy || model.manualLocks.value === 0} onClick={() => setOpen("unlock")}>
          {t("bulk.unlockManual", { count: model.manualLocks.value })}
        </Button>
        <Button {...reassignIntent} icon={USER} aria-expanded={open === "reassign"} disabled={busy} onClick={() => toggle("reassign")}>
          {t("bulk.chooseOwner")}
        </Button>
        <Button {...distributeIntent} icon={GROUP} aria-expanded={open === "distribute"} disabled={busy} onClick={() => toggle("distribute")}>
          {t("distribute.open")}
        </Button>
      </Cluster>
      <Live>
        {progress && <Progress label={t(`bulk.progress.${progress.action}`, { done: progress.done, total: progress.total })} done={progress.done} total={progress.total} />}
        <ResultSummary model={model} />
      </Live>
      {(open === "lock" || open === "unlock") && <BulkForms model={model} form={open} onClose={close} />}
      {open === "reassign" && <BulkReassign model={model} port={port} onClose={close} />}
      {open === "distribute" && <BulkDistribute model={model} port={port} module={module} onClose={close} />}
      <SelectionTable model={model} />
    </>
  );
}
