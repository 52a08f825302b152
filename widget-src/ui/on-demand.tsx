import { useState } from "preact/hooks";
import { t } from "../i18n/messages";
import { Button } from "./Button";
import { Notice } from "./Notice";
import { Skeleton } from "./Skeleton";
import { loadOnDemandStyles } from "./stylesheet";

export type OnDemand<T> = { status: "closed" } | { status: "loading" } | { status: "ready"; value: T } | { status: "failed" };

/**
 * Something a section builds only when it is opened (its models, whose code
 * is a separate chunk), so the popup's first paint does not carry it.
 */
export function useOnDemand<T>(open: () => Promise<T>, started: (value: T) => void) {
  const [state, setState] = useState<OnDemand<T>>({ status: "closed" });
  const start = () => {
    setState({ status: "loading" });
    Promise.all([open(), loadOnDemandStyles()]).then(
      ([value]) => {
        started(value);
        setState({ status: "ready", value });
      },
      () => setState({ status: "failed" }),
    );
  };
  return { state, start };
}

/** What a section shows while its parts load, or when they could not. */
export function OnDemandPending({ state, onRetry }: { state: OnDemand<unknown>; onRetry: () => void }) {
  if (state.status !== "failed") return <Skeleton />;
  return (
    <Notice tone="error">
      <p>{t("app.chunkFailed")}</p>
      <div class="notice__actions">
        <Button small onClick={onRetry}>
          {t("app.retry")}
        </Button>
      </div>
    </Notice>
  );
}
