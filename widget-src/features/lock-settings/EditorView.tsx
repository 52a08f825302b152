import type { ComponentChildren } from "preact";
import { useRef } from "preact/hooks";
import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { useFocusWhen } from "../../ui/focus";
import { BACK } from "../../ui/icons";
import { Cluster, Stack } from "../../ui/Layout";
import { ErrorNotice, Notice } from "../../ui/Notice";
import { Skeleton } from "../../ui/Skeleton";
import { ConfigForm } from "./ConfigForm";
import { EditorBadge } from "./EditorBadge";
import type { Editor } from "./editor-model";
import type { RulePreviews } from "./preview-model";
import { NoConfig } from "./NoConfig";
import { Outcome } from "./Outcome";

/**
 * One module's configuration: back to the overview, the heading with what the
 * module has now, the result of the last action, then the form (read-only for
 * those who may not customise) or the way to set one up.
 */
export function EditorView({
  model,
  preview,
  module,
  label,
  onBack,
  confirmLeave,
  copyAction,
}: {
  model: Editor;
  /** Each rule's count of matching records. */
  preview: RulePreviews;
  module: string;
  /** The module's name as people see it. */
  label: string;
  onBack: () => void;
  /** "Leave without saving?", shown at the top, near the back button that asked it. */
  confirmLeave?: ComponentChildren;
  /** "Apply to other modules…", beside the heading. */
  copyAction?: ComponentChildren;
}) {
  const config = model.config.value;
  const draft = model.draft.value;
  const settled = model.settled.value;
  // The editor takes the overview's place, and a result replaces the buttons that led to it: focus moves to the heading.
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusWhen(heading, true);
  useFocusWhen(heading, model.outcome.value !== null);
  // Discarding reads the configuration again: the form goes and comes back.
  useFocusWhen(heading, config.status === "ready");
  return (
    <Stack gap={3} data-editor-module={settled ? module : undefined} data-editor-settled={settled}>
      <div>
        <Button variant="quiet" icon={BACK} onClick={onBack}>
          {t("settings.back")}
        </Button>
      </div>
      <Cluster gap={2}>
        <h2 ref={heading}>
          {t("settings.editorHeading", { module: label })}
        </h2>
        <EditorBadge model={model} />
        {copyAction}
      </Cluster>
      {confirmLeave}
      {model.readOnly.value && (
        <Notice tone="info">
          <p>{t("settings.readOnly")}</p>
        </Notice>
      )}
      <div aria-live="polite">
        <Outcome model={model} />
      </div>
      {config.status === "loading" && <Skeleton lines={8} />}
      {config.status === "error" && <ErrorNotice error={config.error} action="config" onRetry={() => void model.load()} />}
      {config.status === "ready" && (draft ? <ConfigForm model={model} preview={preview} draft={draft} label={label} /> : <NoConfig model={model} label={label} />)}
    </Stack>
  );
}
