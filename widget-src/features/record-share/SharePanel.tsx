import { useRef } from "preact/hooks";
import { t } from "../../i18n/messages";
import { useFocusWhen } from "../../ui/focus";
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
  // The opening button gives way to the section: focus moves to its heading.
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusWhen(heading, parts.state.status !== "closed");
  if (!isShareableModule(module)) {
    return (
      <section class="panel">
        <h2 class="panel__heading">{t("share.heading")}</h2>
        <p data-testid="share-unavailable">{t("share.cannot.module", { module })}</p>
      </section>
    );
  }
  if (parts.state.status === "closed") {
    return (
      <section class="panel">
        <h2 class="panel__heading">{t("share.heading")}</h2>
        <button
          type="button"
          class="button button--quiet"
          onClick={parts.start}
        >
          {t("share.open")}
        </button>
      </section>
    );
  }
  return (
    <section class="panel" aria-labelledby="share-heading">
      <h2 id="share-heading" ref={heading} class="panel__heading">
        {t("share.heading")}
      </h2>
      {parts.state.status === "ready" ? (
        <ShareBody {...parts.state.value} session={session} />
      ) : (
        <OnDemandPending state={parts.state} onRetry={parts.start} />
      )}
    </section>
  );
}

