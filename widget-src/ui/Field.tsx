import type { ComponentChildren, InputHTMLAttributes, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from "preact";
import { t } from "../i18n/messages";
// Its styles are in ui/on-demand.css: only parts loaded on demand use it.

interface FrameProps {
  id: string;
  label: ComponentChildren;
  /** Marked "(required)" in the label, the same way on every form. */
  required?: boolean;
  /** A sentence under the field that helps fill it in. */
  help?: ComponentChildren;
  /** What is wrong with the value; the field is then marked invalid, and the words are announced. */
  error?: ComponentChildren;
  /** The label is for screen readers only (the row around it already says what the field is). */
  hideLabel?: boolean;
  /** The label beside the control, not above it (a filter or a choice in a toolbar); it wraps above on narrow screens. */
  inline?: boolean;
}

type Without<T> = Omit<T, "id" | "label" | "class" | "className" | "ref" | "required">;

/** The ids of the help and error texts, for aria-describedby. */
function describedBy({ id, help, error }: FrameProps): string | undefined {
  const ids = [help ? `${id}-help` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return ids || undefined;
}

function controlProps(frame: FrameProps) {
  return {
    id: frame.id,
    "aria-invalid": frame.error ? ("true" as const) : undefined,
    "aria-describedby": describedBy(frame),
    "aria-required": frame.required || undefined,
  };
}

/** Label above, control, then help and error below: every form field of the widget. */
function Frame({ id, label, required, help, error, hideLabel, inline, children }: FrameProps & { children: ComponentChildren }) {
  return (
    <div class={inline ? "field field--inline" : "field"}>
      <label for={id} class={hideLabel ? "visually-hidden" : "field__label"}>
        {label}
        {required && <span class="field__required"> {t("app.required")}</span>}
      </label>
      {children}
      {help && (
        <p id={`${id}-help`} class="field__help">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function frameOf<P extends FrameProps>(props: P): [FrameProps, Omit<P, keyof FrameProps>] {
  const { id, label, required, help, error, hideLabel, inline, ...rest } = props;
  return [{ id, label, required, help, error, hideLabel, inline }, rest];
}

export function TextField(props: FrameProps & Without<InputHTMLAttributes<HTMLInputElement>> & { inputRef?: Ref<HTMLInputElement> }) {
  const [frame, { inputRef, type = "text", ...input }] = frameOf(props);
  return (
    <Frame {...frame}>
      <input {...input} {...controlProps(frame)} ref={inputRef} type={type} class="control" />
    </Frame>
  );
}

export function TextArea(props: FrameProps & Without<TextareaHTMLAttributes<HTMLTextAreaElement>> & { inputRef?: Ref<HTMLTextAreaElement> }) {
  const [frame, { inputRef, ...input }] = frameOf(props);
  return (
    <Frame {...frame}>
      <textarea {...input} {...controlProps(frame)} ref={inputRef} class="control control--area" />
    </Frame>
  );
}

export function Select(props: FrameProps & Without<SelectHTMLAttributes<HTMLSelectElement>> & { children: ComponentChildren }) {
  const [frame, { children, ...select }] = frameOf(props);
  return (
    <Frame {...frame}>
      <select {...select} {...controlProps(frame)} class="control control--select">
        {children}
      </select>
    </Frame>
  );
}
