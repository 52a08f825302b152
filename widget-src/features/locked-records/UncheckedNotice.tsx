import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { Notice } from "../../ui/Notice";
import type { LockedRecords } from "./model";

/**
 * Filters on source, rule, locker or age can only judge records whose lock
 * details are read. The others are neither shown nor hidden as if known: the
 * notice counts them and offers to read them, one call each.
 */
export function UncheckedNotice({ model }: { model: LockedRecords }) {
  const unchecked = model.filtered.value.unchecked;
  if (unchecked === 0) return null;
  return (
    <Notice tone="info" data-testid="console-unchecked">
      <p>{t("console.unchecked", { count: unchecked })}</p>
      <Button small onClick={() => model.readAllDetails()}>
        {t("console.readAll", { count: model.unread.value })}
      </Button>
    </Notice>
  );
}
