import "../ui/base.css";
import "../ui/styles.css";
import { useEffect } from "preact/hooks";
import { useModel, useSignal } from "@preact/signals";
import type { CrmPort } from "../crm/port";
import { OwnerPanel } from "../features/owner-change/OwnerPanel";
import { LockPanel } from "../features/record-lock/LockPanel";
import { RecordLockModel } from "../features/record-lock/model";
import { SharePanel } from "../features/record-share/SharePanel";
import { RecordSummaryModel } from "../features/record-summary/model";
import { RecordSummaryView } from "../features/record-summary/RecordSummaryView";
import { SessionModel } from "../features/session/model";
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
  const session = useModel(() => new SessionModel(port));
  const summary = useModel(() => new RecordSummaryModel(port, module, recordId));
  const lock = useModel(() => new RecordLockModel(port, session, module, recordId));
  // The owner and sharing sections build their models when opened: their code loads on demand.
  const openOwner = () =>
    import("../features/owner-change/create").then(({ createOwnerParts }) =>
      createOwnerParts({
        port,
        session,
        record: summary.record,
        reloadRecord: summary.load,
        lock: lock.lock,
        restrictions: lock.restrictionsLoad,
        module,
        recordId,
      }),
    );
  const openShare = () =>
    import("../features/record-share/create").then(({ createShareParts }) =>
      createShareParts({ port, session, record: summary.record, module, recordId }),
    );
  // Independent reads start together: one round trip to the first useful paint.
  useEffect(() => {
    void session.load();
    void summary.load();
    void lock.load();
  }, [session, summary, lock]);
  return (
    <>
      <RecordSummaryView model={summary} />
      <LockPanel model={lock} session={session} />
      <OwnerPanel open={openOwner} session={session} />
      <SharePanel open={openShare} session={session} module={module} />
    </>
  );
}

void mount(true, (port) => <RecordApp port={port} />);
