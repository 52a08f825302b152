import { useRef } from "preact/hooks";
import { t } from "../../i18n/messages";
import { Card } from "../../ui/Card";
import { useFocusWhen } from "../../ui/focus";
import { CHECK } from "../../ui/icons";
import { ChangeList } from "./ChangeList";
import type { Editor } from "./editor-model";

/** The changes a save would make, listed before saving; it takes the focus, so it scrolls into view. */
export function ReviewCard({ model }: { model: Editor }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusWhen(heading, true, true);
  return (
    <Card title={t("settings.reviewHeading")} icon={CHECK} headingRef={heading} data={{ "data-review": "true" }}>
      <ChangeList changes={model.changes.value} />
    </Card>
  );
}
