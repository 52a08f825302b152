import { useState } from "preact/hooks";
import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { ErrorText } from "../../ui/ErrorText";
import { StickyBar } from "../../ui/StickyBar";
import type { Editor } from "./editor-model";

/**
 * At the bottom of the form, always in view: "N changes · Review…" (N: the
 * lines the review lists), Discard, and Delete configuration (which asks
 * first). While reviewing: Keep editing and Save.
 */
export function SaveBar({ model, label }: { model: Editor; label: string }) {
  const [confirmDelete, setConfirmDelete] = useState(false);
  const busy = model.busy.value;
  const reviewing = model.reviewing.value;
  const problems = model.shownProblemCount.value;
  return (
    <>
      {confirmDelete && (
        <ConfirmDialog
          title={t("settings.deleteTitle", { module: label })}
          confirmLabel={t("settings.deleteConfirm")}
          cancelLabel={t("app.cancel")}
          onConfirm={() => {
            setConfirmDelete(false);
            void model.remove();
          }}
          onCancel={() => setConfirmDelete(false)}
        >
          <p>{t("settings.deleteBody", { module: label })}</p>
        </ConfirmDialog>
      )}
      <StickyBar
        start={
          <>
            {model.canDelete.value && !reviewing && (
              <Button variant="danger" busy={busy === "deleting"} disabled={busy !== null} onClick={() => setConfirmDelete(true)}>
                {t("settings.delete")}
              </Button>
            )}
            {problems > 0 && <ErrorText alert>{t("settings.fixProblems", { count: problems })}</ErrorText>}
            {reviewing && <p class="muted">{t("settings.reviewHint")}</p>}
          </>
        }
      >
        {reviewing ? (
          <>
            <Button disabled={busy !== null} onClick={() => model.cancelReview()}>
              {t("settings.keepEditing")}
            </Button>
            <Button variant="primary" busy={busy === "saving"} onClick={() => void model.save()}>
              {t("settings.save")}
            </Button>
          </>
        ) : (
          <>
            {model.dirty.value && (
              <Button disabled={busy !== null} onClick={() => void model.reload()}>
                {t("settings.discard")}
              </Button>
            )}
            <Button variant="primary" disabled={!model.canReview.value} onClick={() => model.review()}>
              {t("settings.reviewCount", { count: model.changeCount.value })}
            </Button>
          </>
        )}
      </StickyBar>
    </>
  );
}
