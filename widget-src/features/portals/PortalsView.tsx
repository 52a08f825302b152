// Loads on demand, with the portals' strings (see PAGES in scripts/build.mjs).
import "catalogue:portals";
import { useModel } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import type { CrmPort } from "../../crm/port";
import { t } from "../../i18n/messages";
import { Card } from "../../ui/Card";
import { EmptyState } from "../../ui/EmptyState";
import { GROUP } from "../../ui/icons";
import { ErrorNotice } from "../../ui/Notice";
import { Skeleton } from "../../ui/Skeleton";
import type { Session } from "../session/model";
import { PortalsModel } from "./portals-model";
import { TypeEditorView } from "./TypeEditorView";
import { TypesScreen } from "./TypesScreen";
import { UsersView } from "./UsersView";

/** The portals section of the settings tab (loaded on demand): the user types, a type's users, or the type editor. */
export default function PortalsView({ port, session }: { port: CrmPort; session: Session }) {
  const model = useModel(() => new PortalsModel(port, session));
  /** The button (its data-return) that opened the users or the editor: it gets the focus back on return. */
  const opener = useRef<string | null>(null);
  useEffect(() => void model.load(), [model]);
  const portals = model.portals.value;
  const portal = model.portal.value;
  const screen = model.screen.value;
  if (portals.status === "loading") {
    return (
      <Card title={t("portals.heading")} busy>
        <Skeleton lines={4} />
      </Card>
    );
  }
  if (portals.status === "error") {
    return (
      <Card title={t("portals.heading")} data={{ "data-portals-settled": model.settled.value }}>
        <ErrorNotice error={portals.error} action="portal" onRetry={() => void model.load()} />
      </Card>
    );
  }
  if (portals.value.length === 0 || portal === null) {
    return (
      <Card title={t("portals.heading")} data={{ "data-portals-settled": model.settled.value }}>
        <EmptyState icon={GROUP} title={t("portals.noneTitle")} data-testid="no-portals">
          {t("portals.none")}
        </EmptyState>
      </Card>
    );
  }
  if (screen.kind === "editor") {
    return <TypeEditorView port={port} portal={portal} type={screen.type} others={model.typeList.value} onDone={(saved) => void model.closeEditor(saved)} />;
  }
  if (screen.kind === "users") {
    return (
      <UsersView
        port={port}
        portal={portal}
        type={screen.type}
        targets={model.moveTargets.value}
        moveAll={screen.moveAll}
        onBack={() => void model.closeUsers()}
      />
    );
  }
  return <TypesScreen model={model} portals={portals.value} opener={opener} />;
}
