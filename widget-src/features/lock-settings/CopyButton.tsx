import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import type { Editor } from "./editor-model";

/**
 * "Apply to other modules…": offered once the module has a saved
 * configuration, to those who may change settings. `onIntent`: the pointer or
 * the focus reached it, so its screen starts loading.
 */
export function CopyButton({ model, onOpen, onIntent }: { model: Editor; onOpen: () => void; onIntent: () => void }) {
  if (!model.base.value || model.readOnly.value) return null;
  return (
    <Button small disabled={model.busy.value !== null} onPointerEnter={onIntent} onFocus={onIntent} onClick={onOpen}>
      {t("settings.applyElsewhere")}
    </Button>
  );
}
