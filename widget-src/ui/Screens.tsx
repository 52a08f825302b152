import type { ComponentChildren } from "preact";
import { t } from "../i18n/messages";
import { Button } from "./Button";
import { CLOSE } from "./icons";
import { Notice } from "./Notice";
import "./shell.css";

/**
 * A page of the widget: its header (title, a line under it, a badge, and the
 * close button in popups) and its content, one card under another.
 */
export function Shell({
  title,
  subtitle,
  badge,
  onClose,
  children,
}: {
  title: ComponentChildren;
  subtitle?: ComponentChildren;
  badge?: ComponentChildren;
  onClose?: () => void;
  children: ComponentChildren;
}) {
  return (
    <div class="shell">
      <header class="shell__header">
        <div class="shell__titles">
          <h1 class="shell__title">{title}</h1>
          {subtitle && <p class="shell__subtitle">{subtitle}</p>}
        </div>
        {badge && <div class="shell__badge">{badge}</div>}
        {onClose && <Button variant="quiet" icon={CLOSE} aria-label={t("app.close")} onClick={onClose} />}
      </header>
      <div class="shell__body">{children}</div>
    </div>
  );
}

export function OutsideCrm({ reason }: { reason: "no-sdk" | "timeout" }) {
  return (
    <Shell title={t("app.outsideCrm.title")}>
      <Notice tone="warning">{reason === "no-sdk" ? t("app.outsideCrm.noSdk") : t("app.outsideCrm.timeout")}</Notice>
    </Shell>
  );
}

export function FallbackBanner() {
  return (
    <Notice tone="warning">
      <p>{t("app.fallbackActive")}</p>
    </Notice>
  );
}
