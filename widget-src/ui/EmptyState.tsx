import type { ComponentChildren } from "preact";
import { Icon } from "./Icon";
import "./empty.css";

/** Nothing to show yet, said plainly, with the next step when there is one. */
export function EmptyState({ icon, title, children, action, ...data }: { icon: string; title: ComponentChildren; children?: ComponentChildren; action?: ComponentChildren } & Record<`data-${string}`, string>) {
  return (
    <div {...data} class="empty">
      <span class="empty__icon">
        <Icon path={icon} />
      </span>
      <p class="empty__title">{title}</p>
      {children && <p class="empty__text">{children}</p>}
      {action}
    </div>
  );
}
