import { useMemo, useState } from "preact/hooks";
import type { SharePermission, ShareTarget } from "../../api/share";
import type { CrmUser } from "../../api/users";
import { t } from "../../i18n/messages";
import { ErrorNotice } from "../../ui/Notice";
import type { UserDirectory } from "../user-directory/model";
import type { RecordShare } from "./model";
import { PERMISSIONS, permissionHint, permissionLabel } from "./permissions";
import { ineligibility, search } from "./picker";

const SHOWN = 20;

/** Type-ahead over the org's users; who cannot be picked is shown with the reason. */
export function AddPeople({
  model,
  directory,
  ownerId,
  currentUserId,
}: {
  model: RecordShare;
  directory: UserDirectory;
  ownerId: string | undefined;
  currentUserId: string | undefined;
}) {
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<CrmUser[]>([]);
  const [permission, setPermission] = useState<SharePermission>("read_only");
  const [related, setRelated] = useState(false);
  const index = directory.index.value;
  const status = directory.status.value;
  const pending = model.intended.value;
  const context = useMemo(
    () => ({ shares: pending, ...(ownerId ? { ownerId } : {}), ...(currentUserId ? { currentUserId } : {}) }),
    [pending, ownerId, currentUserId],
  );
  const results = query.trim() ? search(index, query, SHOWN) : [];
  const busy = model.busy.value !== null;

  const add = () => {
    const targets: ShareTarget[] = chosen.map((user) => ({ id: user.id, name: user.name, type: "users" }));
    model.add(targets, permission, related);
    setChosen([]);
    setQuery("");
  };

  return (
    <div class="add-people">
      <h3>{t("share.addHeading")}</h3>
      <label for="share-search">{t("share.search")}</label>
      <input
        id="share-search"
        type="search"
        autocomplete="off"
        value={query}
        disabled={status === "idle" || status === "loading"}
        onInput={(event) => setQuery(event.currentTarget.value)}
      />
      {status === "loading" && <p class="muted">{t("share.usersLoading")}</p>}
      {status === "partial" && <p class="muted">{t("share.usersPartial", { count: directory.users.value.length })}</p>}
      {status === "error" && directory.error.value && <ErrorNotice error={directory.error.value} onRetry={() => void directory.load()} />}
      {results.length > 0 && (
        <ul class="picker" aria-label={t("share.results")}>
          {results.map((user) => {
            const blocked = ineligibility(user, context);
            const picked = chosen.some((candidate) => candidate.id === user.id);
            return (
              <li key={user.id}>
                <button
                  type="button"
                  class="picker__option"
                  disabled={blocked !== undefined || picked || busy}
                  onClick={() => setChosen([...chosen, user])}
                >
                  <span>{user.name}</span>
                  {user.email && <span class="muted"> {user.email}</span>}
                  {blocked && <span class="muted"> — {t(`share.blocked.${blocked}`)}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {chosen.length > 0 && (
        <div class="add-people__chosen">
          <p>{t("share.chosen", { names: chosen.map((user) => user.name).join(", ") })}</p>
          <fieldset>
            <legend>{t("share.permissionLegend")}</legend>
            {PERMISSIONS.map((value) => (
              <label key={value} class="radio">
                <input type="radio" name="share-permission" checked={permission === value} onChange={() => setPermission(value)} />{" "}
                {permissionLabel(value)} <span class="muted">— {permissionHint(value)}</span>
              </label>
            ))}
          </fieldset>
          <label>
            <input type="checkbox" checked={related} onChange={(event) => setRelated(event.currentTarget.checked)} />{" "}
            {t("share.related")}
          </label>
          <div class="form-actions">
            <button type="button" class="button" disabled={busy} onClick={add}>
              {t("share.addChosen")}
            </button>
            <button type="button" class="button button--quiet" onClick={() => setChosen([])}>
              {t("app.cancel")}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
