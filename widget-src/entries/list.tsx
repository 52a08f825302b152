import "../ui/base.css";
import "../ui/styles.css";
import { useEffect } from "preact/hooks";
import { useModel, useSignal } from "@preact/signals";
import type { CrmPort } from "../crm/port";
import { BulkModel } from "../features/bulk-actions/model";
import { BulkPanel } from "../features/bulk-actions/BulkPanel";
import { UserDirectoryModel } from "../features/user-directory/model";
import { t } from "../i18n/messages";
import { Notice } from "../ui/Notice";
import { FallbackBanner, Shell } from "../ui/Screens";
import { mount } from "./mount";

/** The list view button: bulk actions over the records selected in a module's list. */
function ListApp({ port }: { port: CrmPort }) {
  const { module, recordIds } = port.context;
  const transport = useSignal(port.transport());
  useEffect(() => port.onTransportChange((kind) => (transport.value = kind)), [port]);
  return (
    <Shell title={t("app.title.list")} onClose={() => port.close()}>
      {transport.value === "connection" && <FallbackBanner />}
      {module && recordIds.length > 0 ? (
        <Selection port={port} module={module} recordIds={recordIds} />
      ) : (
        <Notice tone="warning">
          <p>{t("app.noSelection")}</p>
        </Notice>
      )}
    </Shell>
  );
}

function Selection({ port, module, recordIds }: { port: CrmPort; module: string; recordIds: string[] }) {
  const bulk = useModel(() => new BulkModel(port, module, recordIds));
  const directory = useModel(() => new UserDirectoryModel(port));
  useEffect(() => {
    void bulk.load();
  }, [bulk]);
  return <BulkPanel model={bulk} directory={directory} />;
}

void mount(true, (port) => <ListApp port={port} />);
