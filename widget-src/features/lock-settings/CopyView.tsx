import { useRef } from "preact/hooks";
import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { useFocusWhen } from "../../ui/focus";
import { BACK } from "../../ui/icons";
import { Stack } from "../../ui/Layout";
import { Notice } from "../../ui/Notice";
import type { Copy } from "./copy-model";
import { CopyPicker } from "./CopyPicker";
import { CopyReview } from "./CopyReview";

/** The copy's three steps under one heading: pick the modules, review, and the results. */
export function CopyView({ model, label, unsaved, onClose }: { model: Copy; label: string; unsaved: boolean; onClose: () => void }) {
  const step = model.step.value;
  const heading = useRef<HTMLHeadingElement>(null);
  // It takes the editor's place, and each step replaces the buttons that led to it.
  useFocusWhen(heading, true);
  useFocusWhen(heading, step === "review");
  useFocusWhen(heading, step === "send");
  const sending = step === "send" && !model.finished.value;
  return (
    <Stack gap={3} data-copy-step={step}>
      <div>
        <Button variant="quiet" icon={BACK} disabled={sending} onClick={onClose}>
          {t("copy.back", { module: label })}
        </Button>
      </div>
      <Stack gap={1}>
        <h2 ref={heading}>{t("copy.heading", { module: label })}</h2>
        <p class="muted">{t("copy.intro")}</p>
      </Stack>
      {unsaved && (
        <Notice tone="info">
          <p>{t("copy.unsaved")}</p>
        </Notice>
      )}
      {step === "pick" ? <CopyPicker model={model} onCancel={onClose} /> : <CopyReview model={model} label={label} onClose={onClose} />}
    </Stack>
  );
}
