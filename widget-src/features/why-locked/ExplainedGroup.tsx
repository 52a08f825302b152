import { Fragment } from "preact";
import { t } from "../../i18n/messages";
import { Group, GroupJoin } from "../../ui/Group";
import { Cluster } from "../../ui/Layout";
import type { Formatting } from "./display";
import type { Explained } from "./evaluate";
import { ExplainedNode } from "./ExplainedNode";
import { VerdictBadge } from "./VerdictBadge";

type ExplainedGroupNode = Extract<Explained, { kind: "group" }>;

/** An AND/OR group: which of its conditions must hold, whether they do, and its conditions with the word between them. */
export function ExplainedGroup({ node, formatting, compared }: { node: ExplainedGroupNode; formatting: Formatting; compared: boolean }) {
  const operator = node.operator === "AND" ? t("why.all") : t("why.any");
  const word = node.operator === "AND" ? t("why.andWord") : t("why.orWord");
  return (
    <Group
      label={t("why.groupLabel", { operator })}
      header={
        <Cluster gap={2}>
          <span>{operator}</span>
          {compared && <VerdictBadge verdict={node.verdict} />}
        </Cluster>
      }
    >
      {node.children.map((child, index) => (
        <Fragment key={index}>
          {index > 0 && <GroupJoin>{word}</GroupJoin>}
          <ExplainedNode node={child} formatting={formatting} compared={compared} />
        </Fragment>
      ))}
    </Group>
  );
}
