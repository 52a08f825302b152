import { errorMessage } from "../../i18n/error-message";
import { t } from "../../i18n/messages";
import { Badge } from "../../ui/Badge";
import { CHECK, ERROR, INFO } from "../../ui/icons";
import { Cluster } from "../../ui/Layout";
import { Table, Td, Th } from "../../ui/Table";
import type { PortalUsers } from "./users-model";

/** After a move or a removal: each user, named, with what happened to them (and the CRM's reason when it failed). */
export function UserResults({ model }: { model: PortalUsers }) {
  const report = model.report.value;
  if (!report) return null;
  return (
    <Table caption={t("portals.resultsCaption")} scroll stack data-testid="portal-run-results">
      <thead>
        <tr>
          <Th>{t("portals.column.name")}</Th>
          <Th>{t("portals.column.result")}</Th>
        </tr>
      </thead>
      <tbody>
        {report.entries.map(({ personalityId, name, result }) => (
          <tr key={personalityId} data-result={personalityId}>
            <td>
              <span class="name">{name}</span>
            </td>
            <Td label={t("portals.column.result")}>
              <Cluster gap={1}>
                {result.status === "done" && (
                  <Badge tone="success" icon={CHECK}>
                    {t("portals.badge.done")}
                  </Badge>
                )}
                {result.status === "scheduled" && (
                  <Badge tone="info" icon={INFO}>
                    {t("portals.badge.scheduled")}
                  </Badge>
                )}
                {result.status === "failed" && (
                  <>
                    <Badge tone="danger" icon={ERROR}>
                      {t("portals.badge.failed")}
                    </Badge>
                    <span class="small">{errorMessage(result.error, "portal")}</span>
                  </>
                )}
              </Cluster>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
