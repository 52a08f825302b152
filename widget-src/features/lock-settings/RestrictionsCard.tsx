import { ALWAYS_RESTRICTED, RESTRICTABLE_ACTIONS } from "../../api/locking-configurations";
import { t } from "../../i18n/messages";
import { Card } from "../../ui/Card";
import { Checkbox } from "../../ui/Checkbox";
import { ChoiceGroup } from "../../ui/ChoiceGroup";
import { BLOCKED } from "../../ui/icons";
import type { Editor } from "./editor-model";
import { ProblemText } from "./ProblemText";
import { ServerError } from "./ServerError";
import type { ConfigDraft } from "./types";

const COMMUNICATIONS = ["send_mail", "send_survery", "send_portal_invitation"] as const;

/** What a lock blocks: actions (edit always), communications and custom buttons. */
export function RestrictionsCard({ model, draft }: { model: Editor; draft: ConfigDraft }) {
  const disabled = model.disabled.value;
  const buttons = model.buttonChoices.value;
  return (
    <Card title={t("settings.card.restrictions")} icon={BLOCKED}>
      <ChoiceGroup data-section="restrictedActions" legend={t("settings.actionsLegend")} help={<ServerError model={model} path="restrictedActions" />}>
        {RESTRICTABLE_ACTIONS.map((action) => (
          <Checkbox
            key={action}
            label={t(`restrictions.action.${action}`)}
            checked={action === ALWAYS_RESTRICTED || draft.restrictedActions.includes(action)}
            disabled={disabled || action === ALWAYS_RESTRICTED}
            onChange={(event) => model.toggleAction(action, event.currentTarget.checked)}
          />
        ))}
      </ChoiceGroup>
      <ChoiceGroup
        data-section="restrictedCommunications"
        legend={t("settings.communicationsLegend")}
        help={<ServerError model={model} path="restrictedCommunications" />}
      >
        {COMMUNICATIONS.map((channel) => (
          <Checkbox
            key={channel}
            label={t(`settings.communication.${channel}`)}
            checked={draft.restrictedCommunications.includes(channel)}
            disabled={disabled}
            onChange={(event) => model.toggleCommunication(channel, event.currentTarget.checked)}
          />
        ))}
      </ChoiceGroup>
      <ChoiceGroup
        data-section="restrictedCustomButtons"
        legend={t("settings.buttonsLegend")}
        help={
          <>
            {buttons.length === 0 && <p class="small muted">{t("settings.noButtons")}</p>}
            <ProblemText problems={model.shownProblems.value.get("restrictedCustomButtons") ?? []} />
            <ServerError model={model} path="restrictedCustomButtons" />
          </>
        }
      >
        {buttons.map((button) => (
          <Checkbox
            key={button.id}
            label={<span class="name">{button.label}</span>}
            checked={draft.restrictedCustomButtons.some((entry) => entry.id === button.id)}
            disabled={disabled}
            onChange={(event) => model.toggleButton(button, event.currentTarget.checked)}
          />
        ))}
      </ChoiceGroup>
    </Card>
  );
}
