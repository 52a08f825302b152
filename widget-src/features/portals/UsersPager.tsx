import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { Cluster } from "../../ui/Layout";
import type { PortalUsers } from "./users-model";

/**
 * Previous and next page, with the page number between them; shown only when
 * there is more than one page. `onTurn` gets the buttons to focus again
 * once the new page is there (the one pressed, else the other).
 */
export function UsersPager({ model, onTurn }: { model: PortalUsers; onTurn: (selectors: string[]) => void }) {
  if (!model.hasPrevious.value && !model.hasNext.value) return null;
  const busy = model.busy.value;
  const page = model.page.value;
  return (
    <Cluster>
      <Button
        small
        data-page="previous"
        disabled={busy || !model.hasPrevious.value}
        onClick={() => {
          onTurn(['[data-page="previous"]', '[data-page="next"]']);
          void model.goToPage(page - 1);
        }}
      >
        {t("portals.previous")}
      </Button>
      <span class="muted">{t("portals.page", { page })}</span>
      <Button
        small
        data-page="next"
        disabled={busy || !model.hasNext.value}
        onClick={() => {
          onTurn(['[data-page="next"]', '[data-page="previous"]']);
          void model.goToPage(page + 1);
        }}
      >
        {t("portals.next")}
      </Button>
    </Cluster>
  );
}
