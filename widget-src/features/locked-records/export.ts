/** The console's filtered view as a CSV file (lib/csv.ts): what the table shows, one record per line. */
import { t } from "../../i18n/messages";
import { toCsv, type CsvCell } from "../../lib/csv";
import type { DetailMap, LockedRecord } from "./types";

export function consoleCsv(records: readonly LockedRecord[], details: DetailMap, ruleNames: ReadonlyMap<string, string>): string {
  const header = [
    t("console.column.module"),
    t("console.column.recordId"),
    t("console.column.record"),
    t("console.column.source"),
    t("console.column.rule"),
    t("console.column.lockedBy"),
    t("console.column.since"),
    t("console.column.reason"),
  ];
  const rows = records.map((record): CsvCell[] => {
    const lock = details.get(record.key);
    const head: CsvCell[] = [record.moduleLabel, { id: record.id }, record.name];
    // Unknown is not "manual" or "automatic": a record whose details were not read says so.
    if (lock?.status !== "ready") return [...head, t("console.notRead"), "", "", "", ""];
    if (lock.value.kind !== "locked") return [...head, t("console.notLockedNow"), "", "", "", ""];
    const { source, ruleId, lockedBy, lockedAt, reason } = lock.value.lock;
    return [
      ...head,
      t(source === "manual" ? "console.source.manual" : source === "automatic" ? "console.source.automatic" : "console.source.unknown"),
      ruleId ? (ruleNames.get(ruleId) ?? ruleId) : "",
      lockedBy?.name ?? "",
      lockedAt ?? "",
      reason ?? "",
    ];
  });
  return toCsv(header, rows);
}

export function csvFileName(now: Date): string {
  return `locked-records-${now.toISOString().slice(0, 10)}.csv`;
}
