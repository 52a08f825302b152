import { useState } from "preact/hooks";
import { t } from "../../i18n/messages";
import { lazy } from "../../ui/lazy";
import type { Session } from "../session/model";
import type { UserDirectory } from "../user-directory/model";
import type { RecordShare } from "./model";
import { isShareableModule } from "./precondition";

export interface SharePanelProps {
  model: RecordShare;
  directory: UserDirectory;
  session: Session;
  module: string;
}

// Opened on demand: its code is not part of the popup's first paint.
const ShareBody = lazy<SharePanelProps>(() => import("./ShareBody").then((chunk) => chunk.default));

/**
 * Who the record is shared with, and safe changes to it. Nothing is read
 * until the section is opened: the lock status is the popup's first paint.
 */
export function SharePanel(props: SharePanelProps) {
  const { model, directory, module } = props;
  const [open, setOpen] = useState(false);
  if (!isShareableModule(module)) {
    return (
      <section class="panel">
        <h2 class="panel__heading">{t("share.heading")}</h2>
        <p data-testid="share-unavailable">{t("share.cannot.module", { module })}</p>
      </section>
    );
  }
  if (!open) {
    return (
      <section class="panel">
        <h2 class="panel__heading">{t("share.heading")}</h2>
        <button
          type="button"
          class="button button--quiet"
          onClick={() => {
            setOpen(true);
            void model.load();
            void directory.load();
          }}
        >
          {t("share.open")}
        </button>
      </section>
    );
  }
  return (
    <section class="panel" aria-labelledby="share-heading">
      <h2 id="share-heading" class="panel__heading">
        {t("share.heading")}
      </h2>
      <ShareBody {...props} />
    </section>
  );
}

