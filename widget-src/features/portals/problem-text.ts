import { t } from "../../i18n/messages";
import type { TypeProblem } from "./type-form";

/** The problems found at one place of the form, in words (undefined when there are none, so the field is not marked). */
export function problemText(problems: TypeProblem[]): string | undefined {
  return problems.length > 0 ? problems.map((problem) => t(`portals.problem.${problem.code}`, problem.params)).join(" ") : undefined;
}
