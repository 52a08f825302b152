import { ConditionRow } from "./ConditionRow";
import { CriteriaGroup } from "./CriteriaGroup";
import type { CriteriaScope } from "./criteria-scope";
import { RawCriteria } from "./RawCriteria";
import type { CriteriaNode } from "./types";

/** One node of the criteria tree: a condition row, a group of them, or JSON the editor cannot show (kept as it is). */
export function CriteriaNodeView({ scope, node, path }: { scope: CriteriaScope; node: CriteriaNode; path: number[] }) {
  if (node.kind === "raw") return <RawCriteria json={node.json} />;
  if (node.kind === "condition") return <ConditionRow scope={scope} node={node} path={path} />;
  return <CriteriaGroup scope={scope} node={node} path={path} />;
}
