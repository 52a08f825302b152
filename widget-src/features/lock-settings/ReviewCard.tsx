import { useRef } from "preact/hooks";
import { t } from "../../i18n/messages";
import { Card } from "../../ui/Card";
import { useFocusWhen } from "../../ui/focus";
import { CHECK } from "../../ui/icons";
import { ChangeList } from "./ChangeList";
import type { Editor } from "./editor-model";
import type { RulePreviews } from "./preview-model";
import { SaveLocks } from "./SaveLocks";

/** The changes a save would make, and the existing records it locks, listed before saving; it takes the focus, so it scrolls into view. */
export function ReviewCard({ model, preview }: { model: Editor; preview: RulePreviews }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusWhen(heading, true, true);
  return (
    <Card title={t("settings.reviewHeading")} icon={CHECK} headingRef={heading} data={{ "data-review": "true" }}>
      <ChangeList changes={model.changes.value} />
      <SaveLocks preview={preview} />
    </Card>
  );
}
