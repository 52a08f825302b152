// Loads on demand, with its strings (see PAGES in scripts/build.mjs).
import "catalogue:copy";
import "catalogue:settings";
import { useModel, type ReadonlySignal } from "@preact/signals";
import type { ModuleInfo } from "../../api/modules";
import type { CrmPort } from "../../crm/port";
import { CopyModel, type CopySource } from "./copy-model";
import { CopyView } from "./CopyView";

export interface CopyScreenProps {
  port: CrmPort;
  source: CopySource;
  /** The overview's rows: the modules that support locking (the source among them). */
  rows: ReadonlySignal<readonly { module: ModuleInfo }[]>;
  /** The editor has changes that are not saved (and so not copied). */
  unsaved: boolean;
  /** After a module's configuration was written: the overview reads it again. */
  onChanged: (module: string) => void;
  onClose: () => void;
}

/** "Apply to other modules…", opened from a configured module's editor; loaded on demand. */
export default function CopyScreen({ port, source, rows, unsaved, onChanged, onClose }: CopyScreenProps) {
  const model = useModel(() => new CopyModel(port, source, rows, onChanged));
  return <CopyView model={model} label={source.label} unsaved={unsaved} onClose={onClose} />;
}
