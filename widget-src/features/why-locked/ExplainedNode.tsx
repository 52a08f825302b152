import { t } from "../../i18n/messages";
import { Cluster } from "../../ui/Layout";
import { ConditionLine } from "./ConditionLine";
import type { Formatting } from "./display";
import type { Explained } from "./evaluate";
import { ExplainedGroup } from "./ExplainedGroup";
import { VerdictBadge } from "./VerdictBadge";

/** One part of a rule's criteria: a condition, a group of them, or something that cannot be shown. */
export function ExplainedNode({ node, formatting, compared }: { node: Explained; formatting: Formatting; compared: boolean }) {
  if (node.kind === "group") return <ExplainedGroup node={node} formatting={formatting} compared={compared} />;
  if (node.kind === "condition") return <ConditionLine node={node} formatting={formatting} compared={compared} />;
  return (
    <Cluster gap={2}>
      <span>{t("why.raw")}</span>
      {compared && <VerdictBadge verdict={node.verdict} />}
    </Cluster>
  );
}
