import { useState } from "preact/hooks";
import { t } from "../../i18n/messages";
import { CollapsibleCard } from "../../ui/Card";
import { SHARE } from "../../ui/icons";
import { lazy } from "../../ui/lazy";
import { OnDemandPending, useOnDemand } from "../../ui/on-demand";
import type { Session } from "../session/model";
import type { UserDirectory } from "../user-directory/model";
import type { RecordShare } from "./model";
import { isShareableModule } from "./precondition";

/** The section's models, built when it is opened (their code is a separate chunk). */
export interface ShareParts {
  model: RecordShare;
  directory: UserDirectory;
}

export interface SharePanelProps {
  open: () => Promise<ShareParts>;
  session: Session;
  module: string;
}

export interface ShareBodyProps extends ShareParts {
  session: Session;
}

// Opened on demand: its code is not part of the popup's first paint.
const ShareBody = lazy<ShareBodyProps>(() => import("./ShareBody").then((chunk) => chunk.default));

/**
 * Who the record is shared with, and safe changes to it. Nothing is read
 * until the section is opened: the lock status is the popup's first paint.
 */
export function SharePanel({ open, session, module }: SharePanelProps) {
  const parts = useOnDemand(open, ({ model, directory }) => {
    void model.load();
    void directory.load();
  });
  const [expanded, setExpanded] = useState(false);
  const shareable = isShareableModule(module);
  const toggle = () => {
    if (shareable && parts.state.status === "closed") parts.start();
    setExpanded(!expanded);
  };
  return (
    <CollapsibleCard title={t("share.heading")} icon={SHARE} open={expanded} onToggle={toggle}>
      {!shareable ? (
        <p data-testid="share-unavailable">{t("share.cannot.module", { module })}</p>
      ) : parts.state.status === "ready" ? (
        <ShareBody {...parts.state.value} session={session} />
      ) : (
        <OnDemandPending state={parts.state} onRetry={parts.start} />
      )}
    </CollapsibleCard>
  );
}
