import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { t } from "../i18n/messages";
import { Notice } from "./Notice";
import { Spinner } from "./Spinner";

/**
 * A component whose code loads only when it is first shown, so a page's
 * first paint carries only what it needs. The chunk comes from the widget's
 * own origin; if it cannot load, the page says so instead of staying blank.
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  return function Lazy(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | undefined>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (component) return;
      let live = true;
      pending ??= load().then((found) => (loaded = found));
      pending.then(
        (found) => live && setComponent(() => found),
        () => {
          pending = undefined; // let a later attempt try again
          if (live) setFailed(true);
        },
      );
      return () => {
        live = false;
      };
    }, [component]);
    if (component) {
      const Loaded = component;
      return <Loaded {...props} />;
    }
    return failed ? (
      <Notice tone="error">
        <p>{t("app.chunkFailed")}</p>
      </Notice>
    ) : (
      <Spinner label={t("app.loading")} />
    );
  };
}
