import "../ui/styles.css";
import { useEffect, useState } from "preact/hooks";
import { useModel } from "@preact/signals";
import type { CrmPort } from "../crm/port";
import { OverviewModel } from "../features/lock-settings/overview-model";
import { SettingsView } from "../features/lock-settings/SettingsView";
import { SessionModel } from "../features/session/model";
import { t } from "../i18n/messages";
import { Shell } from "../ui/Screens";
import { mount } from "./mount";

function SettingsApp({ port }: { port: CrmPort }) {
  const session = useModel(() => new SessionModel(port));
  const overview = useModel(() => new OverviewModel(port, session));
  const [module, setModule] = useState<string | null>(null);
  useEffect(() => {
    void session.load();
    void overview.load();
  }, [session, overview]);
  return (
    <Shell title={t("settings.heading")}>
      <SettingsView port={port} overview={overview} module={module} onOpen={setModule} onClose={() => setModule(null)} />
    </Shell>
  );
}

void mount(false, (port) => <SettingsApp port={port} />);
