import type { LockedFor } from "../../api/locking-configurations";
import { t } from "../../i18n/messages";
import { Card } from "../../ui/Card";
import { Checkbox } from "../../ui/Checkbox";
import { ChoiceGroup } from "../../ui/ChoiceGroup";
import { GROUP } from "../../ui/icons";
import { RadioCards } from "../../ui/RadioCards";
import { Switch } from "../../ui/Switch";
import type { Editor } from "./editor-model";
import { ProblemText } from "./ProblemText";
import { ServerError } from "./ServerError";
import type { ConfigDraft } from "./types";

const EXCEPT = "all_profiles_except_excluded_profiles";
const AUDIENCES: LockedFor[] = ["all_profiles", EXCEPT];

/** Who the lock holds for: every profile, or all but chosen ones; and portal users. */
export function AudienceCard({ model, draft }: { model: Editor; draft: ConfigDraft }) {
  const disabled = model.disabled.value;
  return (
    <Card title={t("settings.card.audience")} icon={GROUP} data={{ "data-section": "lockedFor" }}>
      <RadioCards<LockedFor>
        legend={t("settings.lockedForLegend")}
        hideLegend
        name="locked-for"
        value={draft.lockedFor}
        disabled={disabled}
        options={AUDIENCES.map((value) => ({ value, label: t(`settings.lockedFor.${value}`), description: t(`settings.lockedForHint.${value}`) }))}
        onChange={(lockedFor) => model.set({ lockedFor })}
      />
      <ServerError model={model} path="lockedFor" />
      {draft.lockedFor === EXCEPT && (
        <ChoiceGroup
          data-section="excludedProfiles"
          legend={t("settings.exemptProfiles")}
          required
          scroll
          help={
            <>
              <ProblemText problems={model.shownProblems.value.get("excludedProfiles") ?? []} />
              <ServerError model={model} path="excludedProfiles" />
            </>
          }
        >
          {model.profileChoices.value.map((profile) => (
            <Checkbox
              key={profile.id}
              label={<span class="name">{profile.label}</span>}
              checked={draft.excludedProfiles.some((entry) => entry.id === profile.id)}
              disabled={disabled}
              onChange={(event) => model.toggleProfile(profile, event.currentTarget.checked)}
            />
          ))}
        </ChoiceGroup>
      )}
      <Switch
        data-section="lockForPortalUsers"
        label={t("settings.portalUsers")}
        checked={draft.lockForPortalUsers}
        disabled={disabled}
        onChange={(event) => model.set({ lockForPortalUsers: event.currentTarget.checked })}
      />
      <ServerError model={model} path="lockForPortalUsers" />
    </Card>
  );
}
