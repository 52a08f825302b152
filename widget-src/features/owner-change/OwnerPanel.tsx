import type { ComponentType } from "preact";
import { useState } from "preact/hooks";
import { t } from "../../i18n/messages";
import { CollapsibleCard } from "../../ui/Card";
import { USER } from "../../ui/icons";
import { OnDemandPending, useOnDemand } from "../../ui/on-demand";
import type { Session } from "../session/model";
import type { UserDirectory } from "../user-directory/model";
import type { OwnerChange } from "./model";

/** The section's models and view, which arrive together when it is opened (create.ts: one chunk). */
export interface OwnerParts {
  model: OwnerChange;
  directory: UserDirectory;
  Body: ComponentType<OwnerBodyProps>;
}

export interface OwnerPanelProps {
  open: () => Promise<OwnerParts>;
  session: Session;
}

export interface OwnerBodyProps {
  model: OwnerChange;
  directory: UserDirectory;
  session: Session;
}

/** Reassign the owner, showing each candidate's assignment capacity beside their name. Starts closed. */
export function OwnerPanel({ open, session }: OwnerPanelProps) {
  const parts = useOnDemand(open, ({ directory }) => {
    void directory.load();
    void session.loadPermissions();
  });
  const [expanded, setExpanded] = useState(false);
  const toggle = () => {
    if (parts.state.status === "closed") parts.start();
    setExpanded(!expanded);
  };
  return (
    <CollapsibleCard title={t("owner.heading")} icon={USER} open={expanded} onToggle={toggle}>
      {parts.state.status === "ready" ? (
        <parts.state.value.Body model={parts.state.value.model} directory={parts.state.value.directory} session={session} />
      ) : (
        <OnDemandPending state={parts.state} onRetry={parts.start} />
      )}
    </CollapsibleCard>
  );
}
