import type { ComponentChildren } from "preact";
import { Icon } from "./Icon";
import "./badge.css";

export type Tone = "neutral" | "info" | "success" | "warning" | "danger";

/** A short state in a coloured pill. The icon and the words carry the meaning; the colour only repeats it. */
export function Badge({ tone = "neutral", icon, children, ...data }: { tone?: Tone; icon?: string; children: ComponentChildren } & Record<`data-${string}`, string>) {
  return (
    <span {...data} class={`badge badge--${tone}`}>
      {icon && <Icon path={icon} />}
      <span class="badge__text">{children}</span>
    </span>
  );
}
