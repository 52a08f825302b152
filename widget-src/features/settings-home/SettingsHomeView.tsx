import { t } from "../../i18n/messages";
import { ErrorNotice, Notice } from "../../ui/Notice";
import { Spinner } from "../../ui/Spinner";
import type { Session } from "../session/model";

export function SettingsHomeView({ model }: { model: Session }) {
  const user = model.user.value;
  return (
    <section class="panel">
      {user.status === "loading" && <Spinner />}
      {user.status === "error" && <ErrorNotice error={user.error} onRetry={() => void model.load()} />}
      {user.status === "ready" && <p>{t("settings.signedInAs", { name: user.value.name })}</p>}
      <Notice tone="info">
        <p>{t("settings.comingSoon")}</p>
      </Notice>
    </section>
  );
}
