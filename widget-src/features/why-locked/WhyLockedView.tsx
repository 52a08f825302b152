import { t } from "../../i18n/messages";
import { Stack } from "../../ui/Layout";
import { Skeleton } from "../../ui/Skeleton";
import type { Formatting } from "./display";
import { ExplainedNode } from "./ExplainedNode";
import type { WhyLocked } from "./model";
import { WhySummary } from "./WhySummary";

/** The rule's conditions beside this record's current values, and whether the record still matches them. */
export function WhyLockedView({ model, formatting }: { model: WhyLocked; formatting: Formatting }) {
  const state = model.state.value;
  if (state.kind === "none") return null;
  if (state.kind === "loading") return <Skeleton lines={2} />;
  const outcome = state.valuesRead ? state.tree.verdict : "noValues";
  return (
    <Stack gap={2} data-why-state={outcome}>
      <h3>{t("why.heading")}</h3>
      <WhySummary outcome={outcome} />
      <ExplainedNode node={state.tree} formatting={formatting} compared={state.valuesRead} />
    </Stack>
  );
}
