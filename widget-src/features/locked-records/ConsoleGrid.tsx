import { useCallback } from "preact/hooks";
import type { LockState } from "../../api/locking-info";
import { formatDateTime, toBcp47 } from "../../i18n/format";
import { t } from "../../i18n/messages";
import { Checkbox } from "../../ui/Checkbox";
import { DataGrid, type GridColumn } from "../../ui/DataGrid";
import { LOADING, type Load } from "../../ui/load";
import { LockBadge } from "../../ui/LockBadge";
import { ResultCell } from "../bulk-actions/ResultCell";
import { deriveLockStatus, lockBadgeState } from "../record-lock/status";
import type { Session } from "../session/model";
import type { LockedRecords } from "./model";
import type { LockedRecord } from "./types";

const ROW_HEIGHT = 40;
const NARROW_ROW_HEIGHT = 88;
const BODY_HEIGHT = 480;

const lockedOf = (lock: Load<LockState> | undefined) => (lock?.status === "ready" && lock.value.kind === "locked" ? lock.value.lock : undefined);

/** Every loaded record that the filters keep, thousands of them, with its lock details read as it comes into view. */
export function ConsoleGrid({ model, session }: { model: LockedRecords; session: Session }) {
  const details = model.details.value;
  const selected = model.selected.value;
  const results = model.results.value;
  const user = session.user.value.status === "ready" ? session.user.value.value : undefined;
  const onVisible = useCallback((rows: LockedRecord[]) => model.want(rows.map((row) => row.key)), [model]);
  const columns: GridColumn<LockedRecord>[] = [
    {
      key: "select",
      label: t("console.column.select"),
      width: "2rem",
      hideLabel: true,
      cell: (record) =>
        model.selectable(record) ? (
          <Checkbox
            checked={selected.has(record.key)}
            onChange={() => model.toggle(record.key)}
            label={<span class="visually-hidden">{t("console.selectRecord", { name: record.name })}</span>}
          />
        ) : null,
    },
    { key: "record", label: t("console.column.record"), width: "2fr", cell: (record) => <strong class="name">{record.name}</strong> },
    { key: "module", label: t("console.column.module"), width: "1fr", narrowLabel: true, cell: (record) => record.moduleLabel },
    {
      key: "source",
      label: t("console.column.source"),
      width: "11rem",
      cell: (record) => <LockBadge state={lockBadgeState(deriveLockStatus(details.get(record.key) ?? LOADING, LOADING))} />,
    },
    {
      key: "rule",
      label: t("console.column.rule"),
      width: "1.2fr",
      narrowLabel: true,
      cell: (record) => {
        const ruleId = lockedOf(details.get(record.key))?.ruleId;
        return ruleId ? (model.ruleNames.value.get(ruleId) ?? ruleId) : "";
      },
    },
    { key: "by", label: t("console.column.lockedBy"), width: "1.2fr", narrowLabel: true, cell: (record) => lockedOf(details.get(record.key))?.lockedBy?.name ?? "" },
    {
      key: "since",
      label: t("console.column.since"),
      width: "1.4fr",
      narrowLabel: true,
      cell: (record) => {
        const at = lockedOf(details.get(record.key))?.lockedAt;
        return at ? formatDateTime(at, toBcp47(user?.locale), user?.timeZone) : "";
      },
    },
    { key: "reason", label: t("console.column.reason"), width: "2fr", narrowLabel: true, cell: (record) => lockedOf(details.get(record.key))?.reason ?? "" },
    ...(results
      ? [{ key: "result", label: t("result.column"), width: "1.6fr", cell: (record: LockedRecord) => <ResultCell result={results.byRecord.get(record.key)} action={results.action} /> }]
      : []),
  ];
  return (
    <DataGrid
      label={t("console.caption")}
      items={model.filtered.value.records}
      columns={columns}
      itemKey={(record) => record.key}
      rowHeight={ROW_HEIGHT}
      narrowRowHeight={NARROW_ROW_HEIGHT}
      height={BODY_HEIGHT}
      onVisible={onVisible}
    />
  );
}
