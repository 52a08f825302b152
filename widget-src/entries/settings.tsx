import "../ui/styles.css";
import { useEffect } from "preact/hooks";
import { useModel } from "@preact/signals";
import type { CrmPort } from "../crm/port";
import { SessionModel } from "../features/session/model";
import { SettingsHomeView } from "../features/settings-home/SettingsHomeView";
import { t } from "../i18n/messages";
import { Shell } from "../ui/Screens";
import { mount } from "./mount";

function SettingsApp({ port }: { port: CrmPort }) {
  const home = useModel(() => new SessionModel(port));
  useEffect(() => void home.load(), [home]);
  return (
    <Shell title={t("settings.heading")}>
      <SettingsHomeView model={home} />
    </Shell>
  );
}

void mount(false, (port) => <SettingsApp port={port} />);
