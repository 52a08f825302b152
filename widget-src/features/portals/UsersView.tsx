import { useModel } from "@preact/signals";
import { useEffect, useId, useRef } from "preact/hooks";
import { PORTAL_USER_STATUSES, type PortalUserStatus, type UserType } from "../../api/portals";
import type { CrmPort } from "../../crm/port";
import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { Select } from "../../ui/Field";
import { useFocusWhen } from "../../ui/focus";
import { BACK } from "../../ui/icons";
import { Cluster, Live, Stack } from "../../ui/Layout";
import { ErrorNotice } from "../../ui/Notice";
import { Spinner } from "../../ui/Spinner";
import { BulkBar } from "./BulkBar";
import { RunReport } from "./RunReport";
import { UserResults } from "./UserResults";
import { UsersTable } from "./UsersTable";
import { PortalUsersModel } from "./users-model";

/** The users of one user type: filter, page, activate or deactivate, move or delete many. */
export function UsersView({
  port,
  portal,
  type,
  targets,
  moveAll,
  onBack,
}: {
  port: CrmPort;
  portal: string;
  type: UserType;
  /** The types its users may move to (built on the same module). */
  targets: UserType[];
  /** Opened to empty the type before deleting it: everyone is selected for a move. */
  moveAll: boolean;
  onBack: () => void;
}) {
  const model = useModel(() => new PortalUsersModel(port, portal, type.id, targets));
  const filterId = useId();
  // The users take the list's place: focus moves to their heading.
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusWhen(heading, true);
  useEffect(() => void model.start(moveAll), [model, moveAll]);
  const busy = model.busy.value;
  const selectError = model.selectError.value;
  return (
    <Stack gap={3}>
      <Cluster>
        <Button variant="quiet" icon={BACK} disabled={busy} onClick={onBack}>
          {t("portals.back")}
        </Button>
      </Cluster>
      <Card
        title={t("portals.usersHeading", { name: type.name })}
        headingRef={heading}
        busy={!model.settled.value}
        data={{ "data-portal-users": type.id, "data-users-settled": model.settled.value }}
      >
        {moveAll && <p class="muted">{t("portals.moveAllHint")}</p>}
        {model.selecting.value && <Spinner label={t("portals.selectingAll")} />}
        {selectError && <ErrorNotice error={selectError} action="portal" />}
        <Select
          id={filterId}
          inline
          label={t("portals.filter")}
          value={model.status.value}
          disabled={busy}
          onChange={(event) => void model.setStatus(event.currentTarget.value as PortalUserStatus)}
        >
          {PORTAL_USER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`portals.status.${status}`)}
            </option>
          ))}
        </Select>
        <Live>
          <RunReport model={model} />
        </Live>
        <UserResults model={model} />
        <UsersTable model={model} />
        <BulkBar model={model} targets={targets} />
      </Card>
    </Stack>
  );
}
