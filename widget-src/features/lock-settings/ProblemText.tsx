import { t } from "../../i18n/messages";
import { ErrorText } from "../../ui/ErrorText";
import type { Problem } from "./types";

/** Problems found before sending, in words, where they belong. */
export function ProblemText({ problems }: { problems: Problem[] }) {
  return (
    <>
      {problems.map((problem) => (
        <ErrorText key={problem.code}>{t(`settings.problem.${problem.code}`, problem.params)}</ErrorText>
      ))}
    </>
  );
}
