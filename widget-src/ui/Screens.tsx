import type { ComponentChildren } from "preact";
import { t } from "../i18n/messages";
import { Notice } from "./Notice";

export function Shell({ title, onClose, children }: { title: string; onClose?: () => void; children: ComponentChildren }) {
  return (
    <div class="shell">
      <header class="shell__header">
        <h1>{title}</h1>
        {onClose && (
          <button type="button" class="button button--quiet" onClick={onClose}>
            {t("app.close")}
          </button>
        )}
      </header>
      {children}
    </div>
  );
}

export function OutsideCrm({ reason }: { reason: "no-sdk" | "timeout" }) {
  return (
    <Shell title={t("app.outsideCrm.title")}>
      <Notice tone="warning">
        <p>{reason === "no-sdk" ? t("app.outsideCrm.noSdk") : t("app.outsideCrm.timeout")}</p>
      </Notice>
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
