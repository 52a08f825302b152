import { useMemo, useState } from "preact/hooks";
import type { SharePermission, ShareTarget } from "../../api/share";
import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { Checkbox } from "../../ui/Checkbox";
import { PLUS } from "../../ui/icons";
import { Inset } from "../../ui/Inset";
import { Cluster, Live, Stack } from "../../ui/Layout";
import { RadioCards } from "../../ui/RadioCards";
import type { UserDirectory } from "../user-directory/model";
import { search } from "../user-directory/search";
import { UserPicker } from "../user-directory/UserPicker";
import { CandidateRow } from "./CandidateRow";
import type { RecordShare } from "./model";
import { PERMISSIONS, permissionHint, permissionLabel } from "./permissions";
import { userCandidate, type Candidate, type PickerContext } from "./picker";
import { focusReview } from "./ShareReview";

const same = (a: ShareTarget, b: ShareTarget) => a.type === b.type && a.id === b.id;

/**
 * Adding people in three visible steps: pick users, groups or roles (a
 * picked row shows it, and picking it again takes it back), choose their
 * access, then add them to the list of changes, which is sent with Share.
 */
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
  const targetsFailed = [model.groups.value, model.roles.value].some((load) => load.status === "error");
  // Functional update: a row's handler may come from an earlier render.
  const toggle = (target: ShareTarget) =>
    setChosen((current) => (current.some((entry) => same(entry, target)) ? current.filter((entry) => !same(entry, target)) : [...current, target]));
  const add = () => {
    model.add(chosen, permission, related);
    setChosen([]);
    setQuery("");
    focusReview();
  };

  return (
    <Stack gap={3}>
      <h3>{t("share.addHeading")}</h3>
      <UserPicker
        id="share-search"
        label={t("share.search")}
        listLabel={t("share.results")}
        query={query}
        onQuery={setQuery}
        directory={directory}
        items={results}
        itemKey={(candidate) => `${candidate.target.type}:${candidate.target.id}`}
        note={targetsFailed && <p class="small muted">{t("share.targetsFailed")}</p>}
        renderRow={(candidate) => (
          <CandidateRow
            candidate={candidate}
            context={context}
            chosen={chosen.some((target) => same(target, candidate.target))}
            disabled={busy}
            onToggle={() => toggle(candidate.target)}
          />
        )}
      />
      {/* Who is chosen so far is announced as rows are picked. */}
      <Live>{chosen.length > 0 && <p>{t("share.chosen", { names: chosen.map((target) => target.name).join(", ") })}</p>}</Live>
      {chosen.length > 0 && (
        <Inset>
          <RadioCards
            legend={t("share.permissionLegend")}
            name="share-permission"
            compact
            value={permission}
            options={PERMISSIONS.map((value) => ({ value, label: permissionLabel(value), description: permissionHint(value) }))}
            onChange={setPermission}
          />
          <Checkbox label={t("share.related")} checked={related} onChange={(event) => setRelated(event.currentTarget.checked)} />
          <Cluster end>
            <Button onClick={() => setChosen([])}>{t("app.cancel")}</Button>
            <Button variant="primary" icon={PLUS} disabled={busy} onClick={add}>
              {t("share.addChosen")}
            </Button>
          </Cluster>
        </Inset>
      )}
    </Stack>
  );
}
