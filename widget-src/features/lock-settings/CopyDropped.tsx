import { t } from "../../i18n/messages";
import { MINUS } from "../../ui/icons";
import { Item, ItemList } from "../../ui/ItemList";
import { Stack } from "../../ui/Layout";
import type { Dropped, FieldName } from "./copy";

/** A field as people know it, with its api name (the one that must match) when that differs. */
function fieldText(field: FieldName): string {
  return field.label === field.apiName ? field.label : `${field.label} (${field.apiName})`;
}

function describe(entry: Dropped, module: string): string {
  switch (entry.kind) {
    case "field":
      return t("copy.dropped.field", { field: fieldText(entry.field), module });
    case "rule":
      return t("copy.dropped.rule", { count: entry.missing.length, name: entry.name, module, fields: entry.missing.map(fieldText).join(", ") });
    case "button":
      return t(entry.reason === "missing" ? "copy.dropped.button" : "copy.dropped.buttonUnreadable", { name: entry.name, module });
    case "automatic":
      return t("copy.dropped.automatic", { module });
  }
}

/** What the module does not get, one sentence each; or that it gets everything. */
export function CopyDropped({ dropped, module }: { dropped: Dropped[]; module: string }) {
  if (dropped.length === 0) return <p class="muted">{t("copy.nothingDropped")}</p>;
  return (
    <Stack gap={1}>
      <p class="muted">{t("copy.droppedHeading", { module })}</p>
      <ItemList label={t("copy.droppedHeading", { module })} data-testid="copy-dropped">
        {dropped.map((entry, index) => (
          <Item key={index} icon={MINUS} title={describe(entry, module)} />
        ))}
      </ItemList>
    </Stack>
  );
}
