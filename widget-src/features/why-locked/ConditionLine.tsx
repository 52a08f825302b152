import { lookup, t } from "../../i18n/messages";
import { Cluster } from "../../ui/Layout";
import { showActual, showExpected, type Formatting } from "./display";
import type { Explained } from "./evaluate";
import { VerdictBadge } from "./VerdictBadge";

type Condition = Extract<Explained, { kind: "condition" }>;

/** "Stage is Closed Won · this record: Closed Won", and whether it matches; without the record's side when it was not read. */
export function ConditionLine({ node, formatting, compared }: { node: Condition; formatting: Formatting; compared: boolean }) {
  const value = showExpected(node.expected, node.field, node.actual, formatting);
  // A comparator from elsewhere that has no words here is shown by its API name.
  const condition =
    lookup(`why.condition.${node.comparator}`, { field: node.name, value }) ??
    t("why.condition.other", { field: node.name, comparator: node.comparator, value });
  return (
    <Cluster gap={2}>
      <span>
        {condition}
        {compared && <> · {t("why.thisRecord", { value: showActual(node.actual, node.field, formatting) })}</>}
      </span>
      {compared && <VerdictBadge verdict={node.verdict} />}
    </Cluster>
  );
}
