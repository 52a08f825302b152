import { useEffect, useState } from "preact/hooks";
import { t } from "../../i18n/messages";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import type { Editor } from "./editor-model";
import { EditorView } from "./EditorView";
import type { Overview } from "./overview-model";
import { OverviewView } from "./OverviewView";

/**
 * The overview, or one module's editor. Leaving an editor with unsaved
 * changes (back, or the browser tab) asks first.
 */
export function SettingsView({
  overview,
  editor,
  onOpen,
  onClose,
}: {
  overview: Overview;
  editor: { module: string; model: Editor } | null;
  onOpen: (module: string) => void;
  onClose: () => void;
}) {
  const [leaving, setLeaving] = useState(false);
  const dirty = editor?.model.dirty.value ?? false;
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
  const canEdit = overview.canEdit.value;
  if (!editor) return <OverviewView model={overview} onOpen={onOpen} />;
  return (
    <>
      <EditorView
        model={editor.model}
        module={editor.module}
        readOnly={!(canEdit.status === "ready" && canEdit.value)}
        onBack={() => (dirty ? setLeaving(true) : onClose())}
      />
      {leaving && (
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
          <p>{t("settings.unsavedBody", { module: editor.module })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
