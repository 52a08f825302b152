import { t } from "../../i18n/messages";
import { Badge, type Tone } from "../../ui/Badge";
import { CHECK, CLOSE, UNKNOWN } from "../../ui/icons";
import type { Verdict } from "./evaluate";

const TONES: Record<Verdict, Tone> = { match: "success", noMatch: "warning", unknown: "neutral" };
const ICONS: Record<Verdict, string> = { match: CHECK, noMatch: CLOSE, unknown: UNKNOWN };

/** Whether the record meets a condition or group: matches, does not match, or cannot tell. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <Badge tone={TONES[verdict]} icon={ICONS[verdict]} data-verdict={verdict}>
      {t(`why.verdict.${verdict}`)}
    </Badge>
  );
}
