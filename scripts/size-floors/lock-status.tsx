// Size floor: the record popup's lock status and its restrictions alone (no
// lock actions, no owner or sharing sections), booted like the real page.
// Built without strings or CSS by scripts/bench.mjs.
import { useModel } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { CrmPort } from "../../widget-src/crm/port";
import { mount } from "../../widget-src/entries/mount";
import { LockStatus } from "../../widget-src/features/record-lock/LockStatusView";
import { RecordLockModel } from "../../widget-src/features/record-lock/model";
import { RestrictionsView } from "../../widget-src/features/record-lock/RestrictionsView";
import { RecordSummaryModel } from "../../widget-src/features/record-summary/model";
import { RecordMeta, RecordName } from "../../widget-src/features/record-summary/RecordSummaryView";
import { SessionModel } from "../../widget-src/features/session/model";
import { Shell } from "../../widget-src/ui/Screens";

function LockStatusOnly({ port, module, recordId }: { port: CrmPort; module: string; recordId: string }) {
  const session = useModel(() => new SessionModel(port));
  const summary = useModel(() => new RecordSummaryModel(port, module, recordId));
  const lock = useModel(() => new RecordLockModel(port, session, module, recordId));
  useEffect(() => {
    void session.load();
    void summary.load();
    void lock.load();
  }, [session, summary, lock]);
  const user = session.user.value;
  return (
    <Shell title={<RecordName model={summary} />} subtitle={<RecordMeta model={summary} />} onClose={() => port.close()}>
      <LockStatus status={lock.status.value} user={user.status === "ready" ? user.value : undefined} onRetry={() => void lock.load()} />
      <RestrictionsView model={lock} />
    </Shell>
  );
}

void mount(true, (port) => <LockStatusOnly port={port} module={port.context.module ?? ""} recordId={port.context.recordIds[0] ?? ""} />);
