/** What every part of one rule's criteria builder needs (see CriteriaEditor). */
import type { FieldInfo } from "../../api/fields";
import type { CriteriaNode, Problem } from "./types";

export interface CriteriaScope {
  /** The rule's whole criteria tree; edits replace it. */
  root: CriteriaNode;
  /** Problem path of the root, "rules.<key>.criteria". */
  pathPrefix: string;
  fields: FieldInfo[];
  /** Each condition's number (1, 2, …) by its path joined with ".". */
  numbers: Map<string, number>;
  /** The problems shown, by path. */
  problems: ReadonlyMap<string, Problem[]>;
  disabled: boolean;
  readOnly: boolean;
  onChange: (root: CriteriaNode) => void;
}

/** The problem path of the node at `path` (child indexes from the root). */
export function pathOf(scope: CriteriaScope, path: readonly number[]): string {
  return [scope.pathPrefix, ...path].join(".");
}

/** The problems shown at the node at `path`. */
export function problemsOf(scope: CriteriaScope, path: readonly number[]): Problem[] {
  return scope.problems.get(pathOf(scope, path)) ?? [];
}
