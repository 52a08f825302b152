import { t } from "../../i18n/messages";
import { Notice } from "../../ui/Notice";
import type { Verdict } from "./evaluate";

/** `noValues`: the record's values could not be read, so nothing was compared. */
export type WhyOutcome = Verdict | "noValues";

/** What the comparison comes to, in one sentence. */
export function WhySummary({ outcome }: { outcome: WhyOutcome }) {
  switch (outcome) {
    case "match":
      return <p>{t("why.matches")}</p>;
    case "noMatch":
      // What Zoho does then is not documented: docs/crm-api.md#lock-information.
      return (
        <Notice tone="warning">
          <p>{t("why.noLongerMatches")}</p>
        </Notice>
      );
    case "unknown":
      return <p>{t("why.cannotTell")}</p>;
    case "noValues":
      return <p class="muted">{t("why.noValues")}</p>;
  }
}
