// Loads on demand, with the editor's strings (see PAGES in scripts/build.mjs).
import "catalogue:settings";
import { useModel, type ReadonlySignal } from "@preact/signals";
import { useEffect, useState } from "preact/hooks";
import type { CrmPort } from "../../crm/port";
import { t } from "../../i18n/messages";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { EditorModel } from "./editor-model";
import { EditorView } from "./EditorView";

export interface EditorScreenProps {
  port: CrmPort;
  module: string;
  label: string;
  /** The user may not customise (a signal: the permission may be read after the editor opened). */
  readOnly: ReadonlySignal<boolean>;
  /** Opened by "Set up <module>": a new configuration starts at once when there is none. */
  setUp: boolean;
  /** After a save or delete: the overview reads that module again. */
  onChanged: () => void;
  onClose: () => void;
}

/**
 * One module's editor, loaded on demand. Leaving with unsaved changes (back,
 * or closing the browser tab) asks first.
 */
export default function EditorScreen({ port, module, label, readOnly, setUp, onChanged, onClose }: EditorScreenProps) {
  const model = useModel(() => new EditorModel(port, module, onChanged, { readOnly, setUp }));
  const [leaving, setLeaving] = useState(false);
  const dirty = model.dirty.value;
  useEffect(() => void model.load(), [model]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
  return (
    <EditorView
      model={model}
      module={module}
      label={label}
      onBack={() => (dirty ? setLeaving(true) : onClose())}
      confirmLeave={
        leaving && (
          <ConfirmDialog
            title={t("settings.unsavedTitle")}
            confirmLabel={t("settings.unsavedConfirm")}
            cancelLabel={t("settings.keepEditing")}
            onConfirm={() => {
              setLeaving(false);
              onClose();
            }}
            onCancel={() => setLeaving(false)}
          >
            <p>{t("settings.unsavedBody", { module: label })}</p>
          </ConfirmDialog>
        )
      }
    />
  );
}
