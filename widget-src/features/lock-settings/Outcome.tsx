import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { Cluster } from "../../ui/Layout";
import { ErrorNotice, Notice } from "../../ui/Notice";
import { ChangeList } from "./ChangeList";
import type { Editor } from "./editor-model";

/** The result of the last save or delete: done, nothing to do, someone else saved meanwhile, or refused. */
export function Outcome({ model }: { model: Editor }) {
  const outcome = model.outcome.value;
  if (!outcome) return null;
  switch (outcome.kind) {
    case "saved":
      return (
        <Notice tone="success">
          <p>{t("settings.saved")}</p>
        </Notice>
      );
    case "deleted":
      return (
        <Notice tone="success">
          <p>{t("settings.deleted")}</p>
        </Notice>
      );
    case "unchanged":
      return (
        <Notice tone="info">
          <p>{t("settings.unchanged")}</p>
        </Notice>
      );
    case "conflict":
      return (
        <Notice tone="warning">
          <p>{t("settings.conflict")}</p>
          <ChangeList changes={outcome.theirs} />
          <Cluster>
            <Button small onClick={() => model.keepMine()}>
              {t("settings.keepMine")}
            </Button>
            <Button small variant="secondary" onClick={() => void model.reload()}>
              {t("settings.takeTheirs")}
            </Button>
          </Cluster>
        </Notice>
      );
    case "failed":
      return outcome.path ? (
        <Notice tone="error">
          <p>{t("settings.failedAt")}</p>
        </Notice>
      ) : (
        <ErrorNotice error={outcome.error} action="config" />
      );
  }
}
