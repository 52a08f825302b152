import { t } from "../../i18n/messages";
import { Stack } from "../../ui/Layout";

/** Criteria this editor cannot show as rows: said so, and shown as JSON text. It is sent back unchanged. */
export function RawCriteria({ json }: { json: unknown }) {
  return (
    <Stack gap={1}>
      <p class="small muted">{t("settings.criteria.raw")}</p>
      <p class="small">
        <code>{JSON.stringify(json)}</code>
      </p>
    </Stack>
  );
}
