// Loads on demand (when an action is chosen); its strings are in the list view's first paint (see PAGES in scripts/build.mjs).
import { BulkLock } from "./BulkLock";
import { BulkUnlock } from "./BulkUnlock";
import type { Bulk } from "./model";

export interface BulkFormsProps {
  model: Bulk;
  form: "lock" | "unlock";
  onClose: () => void;
}

/** The form behind a toolbar action: the reason for locking, or the unlock confirmation. */
export default function BulkForms({ model, form, onClose }: BulkFormsProps) {
  return form === "lock" ? <BulkLock model={model} onClose={onClose} /> : <BulkUnlock model={model} onClose={onClose} />;
}
