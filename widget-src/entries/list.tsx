import "../ui/base.css";
import { useLayoutEffect } from "preact/hooks";
import { useModel } from "@preact/signals";
import type { CrmPort } from "../crm/port";
import { BulkModel } from "../features/bulk-actions/model";
import { BulkPanel } from "../features/bulk-actions/BulkPanel";
import { t } from "../i18n/messages";
import { Notice } from "../ui/Notice";
import { Shell } from "../ui/Screens";
import { mount } from "./mount";

/** The list view button: bulk actions over the records selected in a module's list. */
function ListApp({ port }: { port: CrmPort }) {
  const { module, recordIds } = port.context;
  const selected = module && recordIds.length > 0;
  return (
    <Shell
      title={selected ? t("bulk.selected", { count: recordIds.length }) : t("app.title.list")}
      subtitle={selected ? module : undefined}
      onClose={() => port.close()}
    >
      {selected ? <Selection port={port} module={module} recordIds={recordIds} /> : <Notice tone="warning">{t("app.noSelection")}</Notice>}
    </Shell>
  );
}

function Selection({ port, module, recordIds }: { port: CrmPort; module: string; recordIds: string[] }) {
  const bulk = useModel(() => new BulkModel(port, module, recordIds));
  // As the first render is committed, not after the next paint (useEffect): see record.tsx.
  useLayoutEffect(() => {
    void bulk.load();
  }, [bulk]);
  return <BulkPanel model={bulk} port={port} module={module} />;
}

void mount(true, (port) => <ListApp port={port} />);
