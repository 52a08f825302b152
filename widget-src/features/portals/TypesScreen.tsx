import type { MutableRef } from "preact/hooks";
import { useEffect, useId, useRef } from "preact/hooks";
import { MAX_USER_TYPES, type Portal, type UserType } from "../../api/portals";
import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { Select } from "../../ui/Field";
import { focusLost } from "../../ui/focus";
import { PLUS } from "../../ui/icons";
import { Live } from "../../ui/Layout";
import { Notice } from "../../ui/Notice";
import type { Portals } from "./portals-model";
import { TypeResult } from "./TypeResult";
import { TypesTable } from "./TypesTable";

/**
 * The portal's user types: which portal, a word when the profile may not
 * manage portals, the one latest result, the table, and how many types the
 * portal may have. "New user type…" is the page's one primary action.
 */
export function TypesScreen({ model, portals, opener }: { model: Portals; portals: Portal[]; opener: MutableRef<string | null> }) {
  const box = useRef<HTMLDivElement>(null);
  const portalId = useId();
  // Back from the users or the editor: the button that opened them gets the focus again, once the table is there.
  useEffect(() => {
    if (!opener.current || !box.current) return;
    const button = box.current.querySelector<HTMLButtonElement>(`[data-return="${opener.current}"]`);
    if (!button) return; // the table is still loading: next render
    opener.current = null;
    if (focusLost()) button.focus();
  });
  const open = (key: string, go: () => void) => {
    opener.current = key;
    go();
  };
  const portal = model.portal.value ?? "";
  const canManage = model.canManage.value;
  const count = model.typeList.value.length;
  const newType = !model.atLimit.value && (
    <Button variant="primary" icon={PLUS} data-return="new" onClick={() => open("new", () => model.openEditor(null))}>
      {t("portals.newType")}
    </Button>
  );
  return (
    <div ref={box}>
      <Card title={t("portals.heading")} aside={newType || undefined} data={{ "data-portals-settled": model.settled.value }}>
        {portals.length > 1 ? (
          <Select id={portalId} inline label={t("portals.choose")} value={portal} onChange={(event) => void model.choosePortal(event.currentTarget.value)}>
            {portals.map((entry) => (
              <option key={entry.name} value={entry.name}>
                {entry.name}
              </option>
            ))}
          </Select>
        ) : (
          <p class="muted">{t("portals.portal", { name: portal })}</p>
        )}
        {canManage.status === "ready" && !canManage.value && (
          <Notice tone="info">
            <p>{t("portals.cannotManage")}</p>
          </Notice>
        )}
        <Live>
          <TypeResult model={model} onMove={(type: UserType) => open(`users-${type.id}`, () => model.openUsers(type, true))} />
        </Live>
        <TypesTable
          model={model}
          onOpen={(type) => open(`users-${type.id}`, () => model.openUsers(type, false))}
          onEdit={(type) => open(`edit-${type.id}`, () => model.openEditor(type))}
        />
        {model.types.value.status === "ready" && (
          <p class="muted small" data-testid="type-limit">
            {model.atLimit.value ? t("portals.limitReached", { limit: MAX_USER_TYPES }) : t("portals.typeCount", { count, limit: MAX_USER_TYPES })}
          </p>
        )}
      </Card>
    </div>
  );
}
