import { Stack } from "../../ui/Layout";
import { AudienceCard } from "./AudienceCard";
import type { Editor } from "./editor-model";
import type { RulePreviews } from "./preview-model";
import { FieldsCard } from "./FieldsCard";
import { LockTypeCard } from "./LockTypeCard";
import { RestrictionsCard } from "./RestrictionsCard";
import { ReviewCard } from "./ReviewCard";
import { RulesEditor } from "./RulesEditor";
import { SaveBar } from "./SaveBar";
import type { ConfigDraft } from "./types";

/** The configuration as cards, one per question; the review and the save bar under them unless read-only. */
export function ConfigForm({ model, preview, draft, label }: { model: Editor; preview: RulePreviews; draft: ConfigDraft; label: string }) {
  return (
    <form onSubmit={(event) => event.preventDefault()}>
      <Stack gap={4}>
        <LockTypeCard model={model} draft={draft} />
        <AudienceCard model={model} draft={draft} />
        <RestrictionsCard model={model} draft={draft} />
        <FieldsCard model={model} draft={draft} />
        <RulesEditor model={model} preview={preview} draft={draft} label={label} />
        {model.reviewing.value && <ReviewCard model={model} preview={preview} />}
        {!model.readOnly.value && <SaveBar model={model} label={label} />}
      </Stack>
    </form>
  );
}
