import { toBcp47 } from "../../i18n/format";
import { t } from "../../i18n/messages";
import { EmptyState } from "../../ui/EmptyState";
import { SHARE } from "../../ui/icons";
import { Item, ItemList } from "../../ui/ItemList";
import { Notice } from "../../ui/Notice";
import type { Session } from "../session/model";
import { EntryControls } from "./EntryControls";
import { shareFacts } from "./facts";
import type { RecordShare } from "./model";
import { permissionLabel } from "./permissions";
import { RevokeAll } from "./RevokeAll";
import { targetIcon } from "./targets";

/** The record's shares as last read; direct ones can be changed or removed when `editable`. */
export function CurrentShares({ model, session, editable }: { model: RecordShare; session: Session; editable: boolean }) {
  const shares = model.shares.value;
  if (shares.status !== "ready") return null;
  const user = session.user.value.status === "ready" ? session.user.value.value : undefined;
  const direct = new Set(model.base.value.map((entry) => entry.sharedWith?.id));
  const removed = new Set(model.diff.value.removed.map((entry) => entry.sharedWith?.id));
  const busy = model.busy.value !== null;
  const publicShare = model.publicShare.value;
  const privateEntries = shares.value.filter((entry) => entry.type === "private");
  return (
    <>
      {publicShare && (
        <Notice tone="info" data-testid="public-share">
          {t("share.public", { permission: permissionLabel(publicShare.permission) })}
        </Notice>
      )}
      {shares.value.length === 0 && <EmptyState icon={SHARE} title={t("share.none")} data-testid="no-shares" />}
      {privateEntries.length > 0 && (
        <ItemList label={t("share.listLabel")}>
          {privateEntries.map((entry) => {
            const id = entry.sharedWith?.id ?? "";
            const name = entry.sharedWith?.name ?? "";
            const pending = model.intended.value.find((candidate) => candidate.sharedWith?.id === id);
            const goes = removed.has(id);
            return (
              <Item
                key={id}
                icon={targetIcon(entry.sharedWith?.type)}
                struck={goes}
                data-share-name={name}
                title={
                  <>
                    <span class="name">{name}</span> <span class="small muted">{t(`share.type.${entry.sharedWith?.type ?? "users"}`)}</span>
                  </>
                }
                meta={
                  <>
                    {shareFacts(entry, !direct.has(id), toBcp47(user?.locale), user?.timeZone)}
                    {goes && ` · ${t("share.willBeRemoved")}`}
                  </>
                }
                controls={
                  editable && direct.has(id) && !goes && pending && <EntryControls model={model} id={id} name={name} pending={pending} busy={busy} />
                }
              />
            );
          })}
        </ItemList>
      )}
      {editable && (model.base.value.length > 0 || publicShare) && <RevokeAll model={model} busy={busy} />}
    </>
  );
}
