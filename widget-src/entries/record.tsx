import "../ui/styles.css";
import { useEffect } from "preact/hooks";
import { useModel, useSignal } from "@preact/signals";
import type { CrmPort } from "../crm/port";
import { OwnerChangeModel } from "../features/owner-change/model";
import { OwnerPanel } from "../features/owner-change/OwnerPanel";
import { LockPanel } from "../features/record-lock/LockPanel";
import { RecordLockModel } from "../features/record-lock/model";
import { RecordShareModel } from "../features/record-share/model";
import { SharePanel } from "../features/record-share/SharePanel";
import { RecordSummaryModel } from "../features/record-summary/model";
import { RecordSummaryView } from "../features/record-summary/RecordSummaryView";
import { SessionModel } from "../features/session/model";
import { UserDirectoryModel } from "../features/user-directory/model";
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
  const share = useModel(() => new RecordShareModel({ port, session, record: summary.record, module, recordId }));
  const directory = useModel(() => new UserDirectoryModel(port));
  const owner = useModel(
    () =>
      new OwnerChangeModel({
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
      <OwnerPanel model={owner} directory={directory} session={session} />
      <SharePanel model={share} directory={directory} session={session} module={module} />
    </>
  );
}

void mount(true, (port) => <RecordApp port={port} />);
