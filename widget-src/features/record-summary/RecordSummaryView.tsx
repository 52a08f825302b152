import { t } from "../../i18n/messages";
import { ErrorNotice } from "../../ui/Notice";
import type { RecordSummaryModel } from "./model";

type Model = InstanceType<typeof RecordSummaryModel>;

/** The popup's title: the record's name once read (the widget's name until then, or if it cannot be read). */
export function RecordName({ model }: { model: Model }) {
  const record = model.record.value;
  return record.status === "ready" ? <span class="name">{record.value.name}</span> : <>{t("app.title.record")}</>;
}

/** The line under the title: module and owner. */
export function RecordMeta({ model }: { model: Model }) {
  const record = model.record.value;
  if (record.status !== "ready") return null;
  const owner = record.value.owner?.name ?? t("record.ownerUnknown");
  return <>{t("record.meta", { module: record.value.module, owner })}</>;
}

/** Said in the popup's body when the record itself could not be read. */
export function RecordLoadError({ model }: { model: Model }) {
  const record = model.record.value;
  if (record.status !== "error") return null;
  return <ErrorNotice error={record.error} action="record" onRetry={() => void model.load()} />;
}
