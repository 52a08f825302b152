import { t } from "../../i18n/messages";
import { Badge } from "../../ui/Badge";
import type { Editor } from "./editor-model";
import { LockTypeBadge } from "./LockTypeBadge";

/** Beside the editor's heading: the module's saved lock type, "Not configured", or "Not saved yet" while one is set up. */
export function EditorBadge({ model }: { model: Editor }) {
  const state = model.savedState.value;
  if (state === undefined) return null;
  if (state === "new") return <Badge tone="warning">{t("settings.state.new")}</Badge>;
  return <LockTypeBadge type={state === "none" ? undefined : state} />;
}
