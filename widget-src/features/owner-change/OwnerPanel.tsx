import { useState } from "preact/hooks";
import { t } from "../../i18n/messages";
import { lazy } from "../../ui/lazy";
import type { Session } from "../session/model";
import type { UserDirectory } from "../user-directory/model";
import type { OwnerChange } from "./model";

export interface OwnerPanelProps {
  model: OwnerChange;
  directory: UserDirectory;
  session: Session;
}

// Opened on demand: its code is not part of the popup's first paint.
const OwnerBody = lazy<OwnerPanelProps>(() => import("./OwnerBody").then((chunk) => chunk.default));

/** Reassign the owner, showing each candidate's assignment capacity beside their name. */
export function OwnerPanel(props: OwnerPanelProps) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <section class="panel">
        <h2 class="panel__heading">{t("owner.heading")}</h2>
        <button
          type="button"
          class="button button--quiet"
          onClick={() => {
            setOpen(true);
            void props.directory.load();
            void props.session.loadPermissions();
          }}
        >
          {t("owner.open")}
        </button>
      </section>
    );
  }
  return (
    <section class="panel" aria-labelledby="owner-heading">
      <h2 id="owner-heading" class="panel__heading">
        {t("owner.heading")}
      </h2>
      <OwnerBody {...props} />
    </section>
  );
}

