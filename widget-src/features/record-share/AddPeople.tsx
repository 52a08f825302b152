import { useMemo, useRef, useState } from "preact/hooks";
import type { SharePermission, ShareTarget } from "../../api/share";
import { t } from "../../i18n/messages";
import { focusLost } from "../../ui/focus";
import { VirtualList } from "../../ui/VirtualList";
import type { UserDirectory } from "../user-directory/model";
import { search } from "../user-directory/search";
import { UserSearchField } from "../user-directory/UserSearchField";
import type { RecordShare } from "./model";
import { PERMISSIONS, permissionHint, permissionLabel } from "./permissions";
import { ineligibility, userCandidate, type Candidate, type PickerContext } from "./picker";
import { focusReview } from "./ShareReview";

const ROW_HEIGHT = 34;
const LIST_HEIGHT = 238;

/** Type-ahead over the org's users, groups and roles; who cannot be picked is shown with the reason. */
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
  const [chosen, setChosen] = useState<ShareTarget[]>([]);
  const [permission, setPermission] = useState<SharePermission>("read_only");
  const [related, setRelated] = useState(false);
  const pending = model.intended.value;
  const context = useMemo<PickerContext>(
    () => ({ shares: pending, ...(ownerId ? { ownerId } : {}), ...(currentUserId ? { currentUserId } : {}) }),
    [pending, ownerId, currentUserId],
  );
  const userIndex = directory.index.value;
  const targetIndex = model.targetIndex.value;
  const results = useMemo<Candidate[]>(
    () => [...search(targetIndex, query), ...search(userIndex, query).map(userCandidate)],
    [targetIndex, userIndex, query],
  );
  const busy = model.busy.value !== null;
  const targetsFailed = [model.groups.value, model.roles.value].find((load) => load.status === "error");

  const add = () => {
    model.add(chosen, permission, related);
    setChosen([]);
    setQuery("");
    focusReview();
  };
  const container = useRef<HTMLDivElement>(null);
  /** A picked row is disabled, which takes the focus from it: it goes back to the search box, to pick more. */
  const backToSearch = () =>
    setTimeout(() => {
      if (focusLost()) container.current?.querySelector<HTMLInputElement>("#share-search")?.focus();
    }, 0);

  return (
    <div class="add-people" ref={container}>
      <h3>{t("share.addHeading")}</h3>
      <UserSearchField
        id="share-search"
        label={t("share.search")}
        query={query}
        onQuery={setQuery}
        directory={directory}
        matches={results.length}
      />
      {targetsFailed?.status === "error" && <p class="muted">{t("share.targetsFailed")}</p>}
      {results.length > 0 && (
        <VirtualList
          items={results}
          rowHeight={ROW_HEIGHT}
          height={LIST_HEIGHT}
          label={t("share.results")}
          itemKey={(candidate) => `${candidate.target.type}:${candidate.target.id}`}
          renderRow={(candidate) => {
            const blocked = ineligibility(candidate, context);
            const picked = chosen.some((target) => target.type === candidate.target.type && target.id === candidate.target.id);
            return (
              <button
                type="button"
                class="picker__option"
                disabled={blocked !== undefined || picked || busy}
                // Functional update: a row's handler may come from an earlier render.
                onClick={() => {
                  setChosen((current) =>
                    current.some((target) => target.type === candidate.target.type && target.id === candidate.target.id)
                      ? current
                      : [...current, candidate.target],
                  );
                  backToSearch();
                }}
              >
                <span class="picker__name">{candidate.target.name}</span>
                <span class="muted">
                  {candidate.target.type === "users" ? candidate.user?.email ?? "" : t(`share.type.${candidate.target.type}`)}
                  {blocked ? ` — ${t(`share.blocked.${blocked}`)}` : ""}
                </span>
              </button>
            );
          }}
        />
      )}
      {/* Who is chosen so far is announced as rows are picked. */}
      <div aria-live="polite">{chosen.length > 0 && <p>{t("share.chosen", { names: chosen.map((target) => target.name).join(", ") })}</p>}</div>
      {chosen.length > 0 && (
        <div class="add-people__chosen">
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
