import "../ui/base.css";
import { useLayoutEffect } from "preact/hooks";
import { useModel } from "@preact/signals";
import type { CrmPort } from "../crm/port";
import { OwnerPanel } from "../features/owner-change/OwnerPanel";
import { LockPanel } from "../features/record-lock/LockPanel";
import { RecordLockModel } from "../features/record-lock/model";
import { lockBadgeState } from "../features/record-lock/status";
import { SharePanel } from "../features/record-share/SharePanel";
import { RecordSummaryModel } from "../features/record-summary/model";
import { RecordLoadError, RecordMeta, RecordName } from "../features/record-summary/RecordSummaryView";
import { SessionModel } from "../features/session/model";
import { t } from "../i18n/messages";
import { LockBadge } from "../ui/LockBadge";
import { Notice } from "../ui/Notice";
import { Shell } from "../ui/Screens";
import { mount } from "./mount";

function RecordApp({ port }: { port: CrmPort }) {
  const { module, recordIds } = port.context;
  const recordId = recordIds[0];
  if (!module || !recordId) {
    return (
      <Shell title={t("app.title.record")} onClose={() => port.close()}>
        <Notice tone="warning">{t("app.noRecord")}</Notice>
      </Shell>
    );
  }
  return <RecordPage port={port} module={module} recordId={recordId} />;
}

/** The record popup: the record and its lock state in the header, then the lock, owner and sharing cards. */
function RecordPage({ port, module, recordId }: { port: CrmPort; module: string; recordId: string }) {
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
  // Independent reads start together: one round trip to the first useful paint. A layout effect
  // runs as the first render is committed; useEffect would wait for the next frame to be painted.
  useLayoutEffect(() => {
    void session.load();
    void summary.load();
    void lock.load();
  }, [session, summary, lock]);
  return (
    <Shell
      title={<RecordName model={summary} />}
      subtitle={<RecordMeta model={summary} />}
      badge={<LockBadge state={lockBadgeState(lock.status.value)} />}
      onClose={() => port.close()}
    >
      <RecordLoadError model={summary} />
      <LockPanel model={lock} session={session} why={{ port, module, record: summary.raw }} />
      <OwnerPanel open={openOwner} session={session} />
      <SharePanel open={openShare} session={session} module={module} />
    </Shell>
  );
}

void mount(true, (port) => <RecordApp port={port} />);
