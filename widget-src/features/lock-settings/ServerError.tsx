import { ErrorNotice } from "../../ui/Notice";
import type { Editor } from "./editor-model";

/** Zoho CRM's refusal of a save, beside the section it concerns (`path`, as in error-path.ts). */
export function ServerError({ model, path }: { model: Editor; path: string }) {
  const refusal = model.serverError.value;
  return refusal?.path === path ? <ErrorNotice error={refusal.error} action="config" /> : null;
}
