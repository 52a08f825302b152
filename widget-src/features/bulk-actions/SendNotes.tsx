import { t } from "../../i18n/messages";
import { Notice } from "../../ui/Notice";
import type { Distribute } from "./distribute-model";

/** After sending: whose capacity had shrunk since the plan, and what became of their records. */
export function SendNotes({ model }: { model: Distribute }) {
  const notes = model.notes.value;
  if (notes.length === 0) return null;
  return (
    <Notice tone="warning" data-testid="distribute-notes">
      <ul>
        {notes.map((note) => (
          <li key={note.name}>
            {note.kind === "shrank"
              ? t("distribute.shrank", { name: note.name, now: note.now, planned: note.planned, moved: note.moved, left: note.left })
              : t("distribute.recheckFailed", { name: note.name })}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
