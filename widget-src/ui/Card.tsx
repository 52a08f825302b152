import type { ComponentChildren, Ref } from "preact";
import { useId } from "preact/hooks";
import { Icon } from "./Icon";
import { CHEVRON } from "./icons";
import "./card.css";

interface CardProps {
  title: ComponentChildren;
  /** A path from ui/icons.ts shown before the title. */
  icon?: string;
  /** Beside the title, on the right: a badge, a count, a small action. */
  aside?: ComponentChildren;
  headingRef?: Ref<HTMLHeadingElement>;
  children?: ComponentChildren;
  /** Data attributes the tests and the bench read (data-lock-settled, …). */
  data?: Record<`data-${string}`, string | boolean>;
  busy?: boolean;
  /** A card inside a card (a rule in the rules card): its title is an h3, and it sits flat on its parent. */
  nested?: boolean;
}

/** A titled group of content: the unit every screen is made of. */
export function Card({ title, icon, aside, headingRef, children, data, busy, nested = false }: CardProps) {
  const id = useId();
  const Heading = nested ? "h3" : "h2";
  return (
    <section {...data} class={nested ? "card card--nested" : "card"} aria-labelledby={id} aria-busy={busy}>
      <header class="card__header">
        {icon && <Icon path={icon} />}
        <Heading id={id} ref={headingRef} class="card__title">
          {title}
        </Heading>
        {aside && <div class="card__aside">{aside}</div>}
      </header>
      <div class="card__body">{children}</div>
    </section>
  );
}

/**
 * A card that starts closed: its header is the button that opens it (and
 * closes it again). Sections whose content loads on demand use it.
 */
export function CollapsibleCard({
  title,
  icon,
  aside,
  open,
  onToggle,
  headingRef,
  children,
  data,
  busy,
}: CardProps & { open: boolean; onToggle: () => void }) {
  const id = useId();
  return (
    <section {...data} class={`card card--collapsible${open ? " card--open" : ""}`} aria-labelledby={id} aria-busy={busy}>
      <h2 ref={headingRef} class="card__header card__title">
        <button id={id} type="button" class="card__toggle" aria-expanded={open} aria-controls={`${id}-body`} onClick={onToggle}>
          {icon && <Icon path={icon} />}
          <span class="card__label">{title}</span>
          {aside && <span class="card__aside">{aside}</span>}
          <Icon path={CHEVRON} />
        </button>
      </h2>
      {open && (
        <div id={`${id}-body`} class="card__body">
          {children}
        </div>
      )}
    </section>
  );
}
