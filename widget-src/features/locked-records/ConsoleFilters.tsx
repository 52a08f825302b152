import { useId, useState } from "preact/hooks";
import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { Select, TextField } from "../../ui/Field";
import { Cluster } from "../../ui/Layout";
import { NO_FILTERS, needsDetails, type ConsoleFilters as Filters } from "./filter";
import type { LockedRecords } from "./model";

/** Module, source, rule, locker and age; each change filters what is loaded at once. */
export function ConsoleFilters({ model }: { model: LockedRecords }) {
  const id = useId();
  const filters = model.filters.value;
  const modules = model.scans.value.map((scan) => scan.module);
  const rules = modules.flatMap((module) => module.rules.map((rule) => ({ ...rule, module: module.label })));
  // The days field keeps what was typed; only a whole number of days filters.
  const [days, setDays] = useState(filters.olderThanDays === null ? "" : String(filters.olderThanDays));
  const daysInvalid = days.trim() !== "" && !/^\d{1,5}$/.test(days.trim());
  const set = (change: Partial<Filters>) => model.setFilters(change);
  return (
    <Cluster gap={3} data-testid="console-filters">
      <Select id={`${id}-module`} inline label={t("console.column.module")} value={filters.module} onChange={(event) => set({ module: event.currentTarget.value })}>
        <option value="">{t("console.filter.all")}</option>
        {modules.map((module) => (
          <option key={module.apiName} value={module.apiName}>
            {module.label}
          </option>
        ))}
      </Select>
      <Select
        id={`${id}-source`}
        inline
        label={t("console.column.source")}
        value={filters.source}
        onChange={(event) => set({ source: event.currentTarget.value as Filters["source"] })}
      >
        <option value="">{t("console.filter.all")}</option>
        <option value="manual">{t("console.source.manual")}</option>
        <option value="automatic">{t("console.source.automatic")}</option>
      </Select>
      <Select id={`${id}-rule`} inline label={t("console.column.rule")} value={filters.rule} onChange={(event) => set({ rule: event.currentTarget.value })}>
        <option value="">{t("console.filter.all")}</option>
        {rules.map((rule) => (
          <option key={rule.id} value={rule.id}>
            {t("console.filter.ruleOption", { rule: rule.name, module: rule.module })}
          </option>
        ))}
      </Select>
      <Select id={`${id}-by`} inline label={t("console.column.lockedBy")} value={filters.lockedBy} onChange={(event) => set({ lockedBy: event.currentTarget.value })}>
        <option value="">{t("console.filter.anyone")}</option>
        {model.lockers.value.map((user) => (
          <option key={user.id} value={user.id}>
            {user.name}
          </option>
        ))}
      </Select>
      <TextField
        id={`${id}-days`}
        inline
        inputMode="numeric"
        label={t("console.filter.olderThan")}
        value={days}
        error={daysInvalid ? t("console.filter.daysInvalid") : undefined}
        onInput={(event) => {
          const text = event.currentTarget.value;
          setDays(text);
          if (text.trim() === "") set({ olderThanDays: null });
          else if (/^\d{1,5}$/.test(text.trim())) set({ olderThanDays: Number(text.trim()) });
        }}
      />
      <Button
        variant="quiet"
        small
        disabled={filters.module === "" && !needsDetails(filters)}
        onClick={() => {
          setDays("");
          model.setFilters(NO_FILTERS);
        }}
      >
        {t("console.filter.clear")}
      </Button>
    </Cluster>
  );
}
