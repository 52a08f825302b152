// Loads on demand, with the editor's strings (see PAGES in scripts/build.mjs).
import "catalogue:settings";
import { computed, useModel, type ReadonlySignal } from "@preact/signals";
import { useEffect, useState } from "preact/hooks";
import type { CrmPort } from "../../crm/port";
import { t } from "../../i18n/messages";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { lazy } from "../../ui/lazy";
import { CopyButton } from "./CopyButton";
import type { CopyScreenProps } from "./CopyScreen";
import { EditorModel } from "./editor-model";
import { EditorView } from "./EditorView";
import { RulePreviewModel } from "./preview-model";
import type { Overview } from "./overview-model";

// Copying to other modules is rarely used: it loads when asked for.
const CopyScreen = lazy<CopyScreenProps>(() => import("./CopyScreen").then((chunk) => chunk.default));

export interface EditorScreenProps {
  port: CrmPort;
  /** The overview: the modules a configuration can be applied to, and their rows to read again. Without it, "Apply to other modules…" is not offered. */
  overview?: Overview;
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
 * or closing the browser tab) asks first. "Apply to other modules…" takes
 * the editor's place until its Back; the draft stays as it was meanwhile.
 */
export default function EditorScreen({ port, overview, module, label, readOnly, setUp, onChanged, onClose }: EditorScreenProps) {
  const model = useModel(() => new EditorModel(port, module, onChanged, { readOnly, setUp }));
  const preview = useModel(
    () => new RulePreviewModel(port, module, { rules: computed(() => model.draft.value?.rules ?? []), fields: model.fields, locksOnSave: model.locksOnSave }),
  );
  const [leaving, setLeaving] = useState(false);
  const [copying, setCopying] = useState(false);
  const dirty = model.dirty.value;
  useEffect(() => void model.load(), [model]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
  const saved = model.base.value;
  if (copying && saved && overview) {
    return (
      <CopyScreen
        port={port}
        source={{ module, label, config: saved, fields: model.fields.value.status === "ready" ? model.fields.value.value : [] }}
        rows={overview.rows}
        unsaved={dirty}
        onChanged={(changed) => void overview.refresh(changed)}
        onClose={() => setCopying(false)}
      />
    );
  }
  return (
    <EditorView
      model={model}
      preview={preview}
      module={module}
      label={label}
      onBack={() => (dirty ? setLeaving(true) : onClose())}
      copyAction={overview && <CopyButton model={model} onOpen={() => setCopying(true)} onIntent={CopyScreen.preload} />}
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
