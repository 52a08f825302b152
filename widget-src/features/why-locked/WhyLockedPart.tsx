// Loads on demand, only for an automatic lock (see LockPanel); it brings its own strings.
import "catalogue:why";
import { useModel, type ReadonlySignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { CurrentUser } from "../../api/users";
import type { CrmPort } from "../../crm/port";
import { toBcp47 } from "../../i18n/format";
import type { Load } from "../../ui/load";
import type { RecordLock } from "../record-lock/model";
import { WhyLockedModel } from "./model";
import { WhyLockedView } from "./WhyLockedView";

/** What the record popup hands over: the CRM, and the record as its first reads got it. */
export interface WhyInput {
  port: CrmPort;
  module: string;
  /** The record as read (`{data:[record]}`), every field of it. */
  record: ReadonlySignal<Load<unknown>>;
}

export interface WhyLockedProps extends WhyInput {
  lock: RecordLock;
  user?: CurrentUser;
  /** Told whether what the view shows is complete, so the lock card counts as read only then. */
  onSettled: (settled: boolean) => void;
}

/** The why-locked part: its model, built when the part arrives, and its view. */
export default function WhyLockedPart({ port, module, record, lock, user, onSettled }: WhyLockedProps) {
  const model = useModel(() => new WhyLockedModel(port, module, lock, record));
  useEffect(() => void model.load(), [model]);
  const settled = model.settled.value;
  useEffect(() => onSettled(settled), [settled, onSettled]);
  return <WhyLockedView model={model} formatting={{ locale: toBcp47(user?.locale), timeZone: user?.timeZone }} />;
}
