import "../ui/styles.css";
import { useEffect, useState } from "preact/hooks";
import { useModel } from "@preact/signals";
import type { CrmPort } from "../crm/port";
import { EditorModel, type Editor } from "../features/lock-settings/editor-model";
import { OverviewModel } from "../features/lock-settings/overview-model";
import { SettingsView } from "../features/lock-settings/SettingsView";
import { SessionModel } from "../features/session/model";
import { t } from "../i18n/messages";
import { Shell } from "../ui/Screens";
import { mount } from "./mount";

function SettingsApp({ port }: { port: CrmPort }) {
  const session = useModel(() => new SessionModel(port));
  const overview = useModel(() => new OverviewModel(port, session));
  const [editor, setEditor] = useState<{ module: string; model: Editor } | null>(null);
  useEffect(() => {
    void session.load();
    void overview.load();
  }, [session, overview]);
  const open = (module: string) => {
    const model = new EditorModel(port, module, () => void overview.refresh(module));
    setEditor({ module, model });
    void model.load();
  };
  return (
    <Shell title={t("settings.heading")}>
      <SettingsView overview={overview} editor={editor} onOpen={open} onClose={() => setEditor(null)} />
    </Shell>
  );
}

void mount(false, (port) => <SettingsApp port={port} />);
