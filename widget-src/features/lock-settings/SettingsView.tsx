import { useRef } from "preact/hooks";
import type { CrmPort } from "../../crm/port";
import { lazy } from "../../ui/lazy";
import type { EditorScreenProps } from "./EditorScreen";
import type { Overview } from "./overview-model";
import { OverviewView } from "./OverviewView";

// The editor is most of the tab's code and is not needed for the overview.
const EditorScreen = lazy<EditorScreenProps>(() => import("./EditorScreen").then((chunk) => chunk.default));

/** The overview, or one module's editor. */
export function SettingsView({
  port,
  overview,
  module,
  onOpen,
  onClose,
}: {
  port: CrmPort;
  overview: Overview;
  module: string | null;
  onOpen: (module: string) => void;
  onClose: () => void;
}) {
  // Back on the overview, focus returns to the module's button that opened the editor.
  const opened = useRef<string | undefined>(undefined);
  if (!module) return <OverviewView model={overview} onOpen={onOpen} focusModule={opened.current} />;
  opened.current = module;
  const row = overview.rowsByModule.value.get(module);
  return (
    <EditorScreen
      port={port}
      overview={overview}
      module={module}
      label={row?.module.label ?? module}
      readOnly={overview.readOnly}
      setUp={row?.action === "setUp"}
      onChanged={() => void overview.refresh(module)}
      onClose={onClose}
    />
  );
}
