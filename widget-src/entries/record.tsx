import "../ui/styles.css";
import { useEffect } from "preact/hooks";
import { useModel, useSignal } from "@preact/signals";
import type { CrmPort } from "../crm/port";
import { RecordSummaryModel } from "../features/record-summary/model";
import { RecordSummaryView } from "../features/record-summary/RecordSummaryView";
import { t } from "../i18n/messages";
import { Notice } from "../ui/Notice";
import { FallbackBanner, Shell } from "../ui/Screens";
import { mount } from "./mount";

function RecordApp({ port }: { port: CrmPort }) {
  const { module, recordIds } = port.context;
  const recordId = recordIds[0];
  const transport = useSignal(port.transport());
  useEffect(() => port.onTransportChange((kind) => (transport.value = kind)), [port]);
  return (
    <Shell title={t("app.title.record")} onClose={() => port.close()}>
      {transport.value === "connection" && <FallbackBanner />}
      {module && recordId ? (
        <RecordPanels port={port} module={module} recordId={recordId} />
      ) : (
        <Notice tone="warning">
          <p>{t("app.noRecord")}</p>
        </Notice>
      )}
    </Shell>
  );
}

function RecordPanels({ port, module, recordId }: { port: CrmPort; module: string; recordId: string }) {
  const summary = useModel(() => new RecordSummaryModel(port, module, recordId));
  useEffect(() => void summary.load(), [summary]);
  return <RecordSummaryView model={summary} />;
}

void mount(true, (port) => <RecordApp port={port} />);
