import { t } from "../../i18n/messages";
import { ErrorNotice } from "../../ui/Notice";
import { Spinner } from "../../ui/Spinner";
import type { RecordSummaryModel } from "./model";

type Model = InstanceType<typeof RecordSummaryModel>;

export function RecordSummaryView({ model }: { model: Model }) {
  const record = model.record.value;
  if (record.status === "loading") return <Spinner />;
  if (record.status === "error") {
    return <ErrorNotice error={record.error} action="record" onRetry={() => void model.load()} />;
  }
  return (
    <section class="record" aria-label={t("record.section")}>
      <h2 class="record__name">{record.value.name}</h2>
      <dl class="facts">
        <dt>{t("record.module")}</dt>
        <dd>{record.value.module}</dd>
        <dt>{t("record.owner")}</dt>
        <dd>{record.value.owner?.name ?? t("record.ownerUnknown")}</dd>
      </dl>
    </section>
  );
}
