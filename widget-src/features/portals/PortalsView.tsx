// Loads on demand; its strings come with it.
import "../../i18n/part";
import { useModel } from "@preact/signals";
import { useEffect, useRef, useState } from "preact/hooks";
import { MAX_USER_TYPES, type UserType } from "../../api/portals";
import type { CrmPort } from "../../crm/port";
import { formatNumber, t } from "../../i18n/messages";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { focusLost } from "../../ui/focus";
import { ErrorNotice, Notice } from "../../ui/Notice";
import { Spinner } from "../../ui/Spinner";
import type { Session } from "../session/model";
import { PortalsModel, type Portals } from "./portals-model";
import { TypeEditorView } from "./TypeEditorView";
import { UsersView } from "./UsersView";

/** The portals section of the settings tab (loaded on demand). */
export default function PortalsView({ port, session }: { port: CrmPort; session: Session }) {
  const model = useModel(() => new PortalsModel(port, session));
  const [openType, setOpenType] = useState<{ type: UserType; moveAll: boolean } | null>(null);
  /** The user type being edited; null: a new one; undefined: no form open. */
  const [editing, setEditing] = useState<UserType | null | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  /** The button (its data-return) that opened the users or the editor: it gets the focus back on return. */
  const opener = useRef<string | null>(null);
  const list = useRef<HTMLElement>(null);
  useEffect(() => void model.load(), [model]);
  useEffect(() => {
    if (!opener.current || !list.current) return;
    const button = list.current.querySelector<HTMLButtonElement>(`[data-return="${opener.current}"]`);
    if (!button) return; // the table is still loading: next render
    opener.current = null;
    if (focusLost()) button.focus();
  });
  const portals = model.portals.value;
  const portal = model.portal.value;
  if (portals.status === "loading") return <Spinner label={t("app.loading")} />;
  if (portals.status === "error") return <ErrorNotice error={portals.error} action="portal" onRetry={() => void model.load()} />;
  if (portals.value.length === 0) {
    return (
      <section class="panel">
        <p data-testid="no-portals">{t("portals.none")}</p>
      </section>
    );
  }
  const allTypes = model.types.value.status === "ready" ? model.types.value.value : [];
  if (editing !== undefined && portal) {
    return (
      <TypeEditorView
        port={port}
        portal={portal}
        type={editing}
        others={allTypes}
        onDone={(didSave) => {
          setEditing(undefined);
          setSaved(didSave);
          void model.refreshTypes();
        }}
      />
    );
  }
  if (openType && portal) {
    const types = model.types.value.status === "ready" ? model.types.value.value : [];
    return (
      <UsersView
        port={port}
        portal={portal}
        type={openType.type}
        // Users can only move to a type built on the same module (a contact cannot become an account).
        otherTypes={types.filter(
          (type) => type.id !== openType.type.id && type.personalityModule.apiName === openType.type.personalityModule.apiName,
        )}
        moveAll={openType.moveAll}
        onBack={() => {
          setOpenType(null);
          void model.refreshTypes();
        }}
      />
    );
  }
  return (
    <section class="panel" aria-labelledby="portals-heading" ref={list}>
      <h2 id="portals-heading" class="panel__heading">
        {t("portals.heading")}
      </h2>
      {portals.value.length > 1 && (
        <label>
          {t("portals.choose")}{" "}
          <select value={portal ?? ""} onChange={(event) => void model.choosePortal(event.currentTarget.value)}>
            {portals.value.map((entry) => (
              <option key={entry.name} value={entry.name}>
                {entry.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {portals.value.length === 1 && <p>{t("portals.portal", { name: portal ?? "" })}</p>}
      {model.canManage.value.status === "ready" && !model.canManage.value.value && (
        <Notice tone="info">
          <p>{t("portals.cannotManage")}</p>
        </Notice>
      )}
      <div aria-live="polite">
        {saved && <p class="outcome outcome--done">{t("portals.typeSavedShort")}</p>}
        <TypeOutcomeView
          model={model}
          onMove={(type) => {
            opener.current = `users-${type.id}`;
            setOpenType({ type, moveAll: true });
          }}
        />
      </div>
      <TypesTable
        model={model}
        onOpen={(type) => {
          opener.current = `users-${type.id}`;
          setOpenType({ type, moveAll: false });
        }}
        onEdit={(type) => {
          opener.current = `edit-${type.id}`;
          setEditing(type);
        }}
      />
      {allTypes.length >= MAX_USER_TYPES ? (
        <p class="muted">{t("portals.tooMany", { limit: MAX_USER_TYPES })}</p>
      ) : (
        <button
          type="button"
          class="button button--quiet"
          data-return="new"
          onClick={() => {
            opener.current = "new";
            setEditing(null);
          }}
        >
          {t("portals.newType")}
        </button>
      )}
    </section>
  );
}

function TypesTable({ model, onOpen, onEdit }: { model: Portals; onOpen: (type: UserType) => void; onEdit: (type: UserType) => void }) {
  const [confirming, setConfirming] = useState<UserType | null>(null);
  const types = model.types.value;
  if (types.status === "loading") return <Spinner label={t("app.loading")} />;
  if (types.status === "error") return <ErrorNotice error={types.error} action="portal" onRetry={() => void model.refreshTypes()} />;
  return (
    <>
      <table class="bulk-table" data-testid="user-types">
        <caption class="visually-hidden">{t("portals.typesCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("portals.column.name")}</th>
            <th scope="col">{t("portals.column.module")}</th>
            <th scope="col">{t("portals.column.active")}</th>
            <th scope="col">{t("portals.column.users")}</th>
            <th scope="col">
              <span class="visually-hidden">{t("settings.column.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {types.value.map((type) => (
            <tr key={type.id} data-user-type={type.id}>
              <td>
                {type.name}
                {type.isDefault && <span class="muted"> {t("portals.default")}</span>}
              </td>
              <td>{type.personalityModule.label}</td>
              <td>{type.active ? t("portals.yes") : t("portals.no")}</td>
              <td>{Number.isNaN(type.users) ? t("portals.unknownCount") : formatNumber(type.users)}</td>
              <td>
                <button type="button" class="link" data-return={`users-${type.id}`} onClick={() => onOpen(type)}>
                  {t("portals.showUsers", { name: type.name })}
                </button>{" "}
                <button type="button" class="link" data-return={`edit-${type.id}`} onClick={() => onEdit(type)}>
                  {t("portals.editType", { name: type.name })}
                </button>{" "}
                {!type.isDefault && (
                  <button type="button" class="link" disabled={model.busy.value} onClick={() => (type.users === 0 ? setConfirming(type) : void model.deleteType(type))}>
                    {t("portals.deleteType", { name: type.name })}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {confirming && (
        <ConfirmDialog
          title={t("portals.deleteTypeTitle", { name: confirming.name })}
          confirmLabel={t("portals.deleteTypeConfirm")}
          cancelLabel={t("app.cancel")}
          onConfirm={() => {
            const type = confirming;
            setConfirming(null);
            void model.deleteType(type);
          }}
          onCancel={() => setConfirming(null)}
        >
          <p>{t("portals.deleteTypeBody")}</p>
        </ConfirmDialog>
      )}
    </>
  );
}

function TypeOutcomeView({ model, onMove }: { model: Portals; onMove: (type: UserType) => void }) {
  const outcome = model.outcome.value;
  if (!outcome) return null;
  if (outcome.kind === "deleted") return <p class="outcome outcome--done">{t("portals.typeDeleted", { name: outcome.name })}</p>;
  if (outcome.kind === "failed") return <ErrorNotice error={outcome.error} action="portal" />;
  return (
    <Notice tone="warning">
      <p data-testid="type-has-users">
        {Number.isNaN(outcome.type.users)
          ? t("portals.countUnknown", { name: outcome.type.name })
          : t("portals.hasUsers", { name: outcome.type.name, count: outcome.type.users })}
      </p>
      <button type="button" class="button" onClick={() => onMove(outcome.type)}>
        {t("portals.moveUsersFirst")}
      </button>
    </Notice>
  );
}
