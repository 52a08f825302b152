import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { LOCK, PLUS } from "../../ui/icons";
import type { Editor } from "./editor-model";

/** The module has no configuration: nothing in it can be locked. Those who may customise can set one up. */
export function NoConfig({ model, label }: { model: Editor; label: string }) {
  return (
    <EmptyState
      data-testid="no-config"
      icon={LOCK}
      title={t("settings.setUpTitle", { module: label })}
      action={
        !model.readOnly.value && (
          <Button variant="primary" icon={PLUS} onClick={() => model.startNew()}>
            {t("settings.create")}
          </Button>
        )
      }
    >
      {t("settings.state.noneLong")}
    </EmptyState>
  );
}
