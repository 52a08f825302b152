import { t } from "../../i18n/messages";
import { Notice } from "../../ui/Notice";
import { Spinner } from "../../ui/Spinner";
import type { RulePreviews } from "./preview-model";

/**
 * In the review: how many existing records saving locks (the rules it writes
 * with "lock existing records" on). A rule without a count is named rather
 * than left out of a sum that would then look complete.
 */
export function SaveLocks({ preview }: { preview: RulePreviews }) {
  const locks = preview.onSave.value;
  switch (locks.kind) {
    case "none":
      return null;
    case "counting":
      return <Spinner label={t("settings.preview.saveCounting")} />;
    case "known":
      return (
        <Notice tone="warning" data-save-locks={String(locks.count)}>
          <p>{t(locks.rules > 1 ? "settings.preview.saveLocksUpTo" : "settings.preview.saveLocks", { count: locks.count })}</p>
          <p class="small">{t("settings.preview.lag")}</p>
        </Notice>
      );
    case "partial":
      return (
        <Notice tone="warning" data-save-locks="partial">
          <p>{locks.atLeast > 0 ? t("settings.preview.saveLocksAtLeast", { count: locks.atLeast }) : t("settings.preview.saveLocksUnknown")}</p>
          {locks.unknown.map((name, index) => (
            <p key={index}>{t("settings.preview.unknownRule", { name })}</p>
          ))}
          <p class="small">{t("settings.preview.lag")}</p>
        </Notice>
      );
  }
}
