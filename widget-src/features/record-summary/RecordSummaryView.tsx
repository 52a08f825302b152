import { t } from "../../i18n/messages";
import { ErrorNotice } from "../../ui/Notice";
import { Spinner } from "../../ui/Spinner";
import { LockStatus } from "./LockStatus";
import type { RecordSummaryModel } from "./model";

type Model = InstanceType<typeof RecordSummaryModel>;

export function RecordSummaryView({ model }: { model: Model }) {
  const record = model.record.value;
  const user = model.user.value;
  return (
    <section class="panel" aria-labelledby="record-heading">
      {record.status === "loading" && <Spinner />}
      {record.status === "error" && <ErrorNotice error={record.error} action="record" onRetry={() => void model.load()} />}
      {record.status === "ready" && (
        <div class="record">
          <h2 id="record-heading" class="record__name">
            {record.value.name}
          </h2>
          <dl class="facts">
            <dt>{t("record.module")}</dt>
            <dd>{record.value.module}</dd>
            <dt>{t("record.owner")}</dt>
            <dd>{record.value.owner?.name ?? t("record.ownerUnknown")}</dd>
          </dl>
        </div>
      )}
      <h2 class="panel__heading">{t("lock.heading")}</h2>
      <LockStatus
        lock={model.lock.value}
        user={user.status === "ready" ? user.value : undefined}
        onRetry={() => void model.load()}
      />
    </section>
  );
}
