import { useRef } from "preact/hooks";
import { t } from "../../i18n/messages";
import { useFocusWhen } from "../../ui/focus";
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

/** Reassign the owner, showing each candidate's assignment capacity beside their name. */
export function OwnerPanel({ open, session }: OwnerPanelProps) {
  const parts = useOnDemand(open, ({ directory }) => {
    void directory.load();
    void session.loadPermissions();
  });
  // The opening button gives way to the section: focus moves to its heading.
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusWhen(heading, parts.state.status !== "closed");
  if (parts.state.status === "closed") {
    return (
      <section class="panel">
        <h2 class="panel__heading">{t("owner.heading")}</h2>
        <button
          type="button"
          class="button button--quiet"
          onClick={parts.start}
        >
          {t("owner.open")}
        </button>
      </section>
    );
  }
  return (
    <section class="panel" aria-labelledby="owner-heading">
      <h2 id="owner-heading" ref={heading} class="panel__heading">
        {t("owner.heading")}
      </h2>
      {parts.state.status === "ready" ? (
        <OwnerBody {...parts.state.value} session={session} />
      ) : (
        <OnDemandPending state={parts.state} onRetry={parts.start} />
      )}
    </section>
  );
}

