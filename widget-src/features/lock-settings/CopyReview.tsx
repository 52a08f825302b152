import { useState } from "preact/hooks";
import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { Live, Stack } from "../../ui/Layout";
import { Notice } from "../../ui/Notice";
import { StickyBar } from "../../ui/StickyBar";
import type { Copy } from "./copy-model";
import { CopyModuleCard } from "./CopyModuleCard";

/**
 * Steps 2 and 3: per module what applying does, then its result. Apply sends;
 * when it overwrites a configuration, it asks first.
 */
export function CopyReview({ model, label, onClose }: { model: Copy; label: string; onClose: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const step = model.step.value;
  const finished = model.finished.value;
  const counts = model.counts.value;
  const replacing = model.replacing.value;
  const apply = () => (replacing.length > 0 ? setConfirming(true) : void model.apply());
  return (
    <Stack gap={3}>
      {step === "review" && (
        <Notice tone="info">
          <p>{t("copy.reviewIntro")}</p>
        </Notice>
      )}
      <Live>
        {finished && (
          <Notice tone={counts.done === counts.total ? "success" : "warning"}>
            <p data-testid="copy-summary">{t("copy.runSummary", { done: counts.done, count: counts.total })}</p>
          </Notice>
        )}
      </Live>
      {model.reviewRows.value.map((row) => (
        <CopyModuleCard key={row.module.apiName} row={row} reviewing={step === "review"} onRetry={() => void model.retry(row.module.apiName)} />
      ))}
      {confirming && (
        <ConfirmDialog
          level={2}
          title={t("copy.confirmTitle", { count: replacing.length })}
          confirmLabel={t("copy.confirm")}
          cancelLabel={t("app.cancel")}
          onConfirm={() => {
            setConfirming(false);
            void model.apply();
          }}
          onCancel={() => setConfirming(false)}
        >
          <p>{t("copy.confirmBody", { modules: replacing.map((row) => row.module.label).join(", "), module: label })}</p>
        </ConfirmDialog>
      )}
      {step === "review" ? (
        <StickyBar end>
          <Button onClick={() => model.backToPick()}>{t("copy.backToPick")}</Button>
          <Button variant="primary" disabled={!model.canApply.value} onClick={apply}>
            {t("copy.apply", { count: model.sendable.value.length })}
          </Button>
        </StickyBar>
      ) : (
        <StickyBar end>
          {finished && model.retryable.value.length > 0 && <Button onClick={() => void model.reviewAgain()}>{t("copy.reviewAgain")}</Button>}
          <Button variant="primary" busy={!finished} onClick={onClose}>
            {t("copy.back", { module: label })}
          </Button>
        </StickyBar>
      )}
    </Stack>
  );
}
