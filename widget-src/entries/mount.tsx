/**
 * What both widget pages do first: boot the SDK (or explain why it cannot),
 * apply the CRM theme, and keep the popup sized to its content.
 */
import { render, type ComponentChildren } from "preact";
import { bootstrap } from "../crm/bootstrap";
import type { CrmPort } from "../crm/port";
import { OutsideCrm } from "../ui/Screens";
import { Spinner } from "../ui/Spinner";
import { autoResize } from "../ui/auto-resize";
import { applyTheme } from "../ui/theme";

export async function mount(needsPageLoad: boolean, app: (port: CrmPort) => ComponentChildren): Promise<void> {
  const root = document.getElementById("app");
  if (!root) return;
  render(<Spinner />, root);
  const boot = await bootstrap({ needsPageLoad });
  if (!boot.ok) {
    render(<OutsideCrm reason={boot.reason} />, root);
    return;
  }
  const { port } = boot;
  void port.theme().then((theme) => applyTheme(theme));
  render(app(port), root);
  autoResize(root, (size) => port.resize(size));
}
