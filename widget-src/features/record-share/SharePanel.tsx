import type { ComponentType } from "preact";
import { useState } from "preact/hooks";
import { t } from "../../i18n/messages";
import { CollapsibleCard } from "../../ui/Card";
import { SHARE } from "../../ui/icons";
import { OnDemandPending, useOnDemand } from "../../ui/on-demand";
import type { Session } from "../session/model";
import type { UserDirectory } from "../user-directory/model";
import type { RecordShare } from "./model";
import { isShareableModule } from "./precondition";

/** The section's models and view, which arrive together when it is opened (create.ts: one chunk). */
export interface ShareParts {
  model: RecordShare;
  directory: UserDirectory;
  Body: ComponentType<ShareBodyProps>;
}

export interface SharePanelProps {
  open: () => Promise<ShareParts>;
  session: Session;
  module: string;
}

export interface ShareBodyProps {
  model: RecordShare;
  directory: UserDirectory;
  session: Session;
}

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
        <parts.state.value.Body model={parts.state.value.model} directory={parts.state.value.directory} session={session} />
      ) : (
        <OnDemandPending state={parts.state} onRetry={parts.start} />
      )}
    </CollapsibleCard>
  );
}
