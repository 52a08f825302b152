import type { ButtonHTMLAttributes, ComponentChildren, Ref } from "preact";
import { Icon } from "./Icon";
import "./button.css";

export type ButtonVariant = "primary" | "secondary" | "danger" | "quiet";

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "class" | "className" | "icon" | "ref"> {
  /** primary: the one main action of a form; danger: destroys something; quiet: minor or inline. */
  variant?: ButtonVariant;
  /** A path from ui/icons.ts, drawn before the label. */
  icon?: string;
  /** Busy: a send is under way. The button says so and cannot be pressed again. */
  busy?: boolean;
  small?: boolean;
  buttonRef?: Ref<HTMLButtonElement>;
  children?: ComponentChildren;
}

/** Every button of the widget. Without children it is an icon button, and needs an aria-label. */
export function Button({ variant = "secondary", icon, busy = false, small = false, buttonRef, type = "button", disabled, children, ...rest }: ButtonProps) {
  const classes = `btn btn--${variant}${small ? " btn--small" : ""}${children === undefined ? " btn--icon" : ""}`;
  return (
    <button {...rest} ref={buttonRef} type={type} class={classes} disabled={disabled || busy} aria-busy={busy || undefined}>
      {busy ? <span class="btn__busy" aria-hidden="true" /> : icon && <Icon path={icon} />}
      {children}
    </button>
  );
}
