import { useState } from "preact/hooks";
import { t } from "../../i18n/messages";
import { CollapsibleCard } from "../../ui/Card";
import { USER } from "../../ui/icons";
import { lazy } from "../../ui/lazy";
import { OnDemandPending, useOnDemand } from "../../ui/on-demand";
import type { Session } from "../session/model";
import type { UserDirectory } from "../user-directory/model";
import type { OwnerChange } from "./model";

/** The section's models, built when it is opened (their code is a separate chunk). */
export interface OwnerParts {
  model: OwnerChange;
  directory: UserDirectory;
}

export interface OwnerPanelProps {
  open: () => Promise<OwnerParts>;
  session: Session;
}

export interface OwnerBodyProps extends OwnerParts {
  session: Session;
}

// Opened on demand: its code is not part of the popup's first paint.
const OwnerBody = lazy<OwnerBodyProps>(() => import("./OwnerBody").then((chunk) => chunk.default));

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
      {parts.state.status === "ready" ? <OwnerBody {...parts.state.value} session={session} /> : <OnDemandPending state={parts.state} onRetry={parts.start} />}
    </CollapsibleCard>
  );
}
