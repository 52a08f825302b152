import "../ui/base.css";
import { useLayoutEffect, useState } from "preact/hooks";
import { useModel } from "@preact/signals";
import type { CrmPort } from "../crm/port";
import type { ConsoleViewProps } from "../features/locked-records/ConsoleView";
import { OverviewModel } from "../features/lock-settings/overview-model";
import { SettingsView } from "../features/lock-settings/SettingsView";
import { SessionModel, type Session } from "../features/session/model";
import { t } from "../i18n/messages";
import { lazy } from "../ui/lazy";
import { Shell } from "../ui/Screens";
import { Tabs } from "../ui/Tabs";
import { createMetadataCache, sessionStore } from "../lib/metadata-cache";
import { mount } from "./mount";

const ConsoleView = lazy<ConsoleViewProps>(() => import("../features/locked-records/ConsoleView").then((chunk) => chunk.default));
const PortalsView = lazy<{ port: CrmPort; session: Session }>(() => import("../features/portals/PortalsView").then((chunk) => chunk.default));

type Section = "locking" | "locked" | "portals";

function SettingsApp({ port }: { port: CrmPort }) {
  const session = useModel(() => new SessionModel(port));
  const overview = useModel(() => new OverviewModel(port, session, createMetadataCache(sessionStore())));
  const [module, setModule] = useState<string | null>(null);
  const [section, setSection] = useState<Section>("locking");
  // As the first render is committed, not after the next paint (useEffect): see record.tsx.
  useLayoutEffect(() => {
    void session.load();
    void overview.load();
  }, [session, overview]);
  return (
    <Shell title={t("settings.heading")}>
      {/* While a module's editor is open its own "back" (which guards unsaved changes) is the way out. */}
      {module === null && (
        <Tabs<Section>
          label={t("settings.sections")}
          items={[
            { value: "locking", label: t("settings.tab") },
            { value: "locked", label: t("console.tab") },
            { value: "portals", label: t("portals.tab") },
          ]}
          value={section}
          onChange={setSection}
        />
      )}
      {section === "locking" ? (
        <SettingsView port={port} overview={overview} module={module} onOpen={setModule} onClose={() => setModule(null)} />
      ) : section === "locked" ? (
        <ConsoleView port={port} session={session} overview={overview} />
      ) : (
        <PortalsView port={port} session={session} />
      )}
    </Shell>
  );
}

void mount(false, (port) => <SettingsApp port={port} />);
