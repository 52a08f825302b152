/**
 * The `ZOHO` global: `embeddedApp` plus the `ZOHO.CRM.*` wrappers the widget
 * uses. Each wrapper only shapes a CRM_EVENT request the way the 1.5 SDK does
 * and returns the host's answer untouched (no unwrapping: getCurrentUser
 * resolves `{users:[user]}` because that is what the CRM page sends).
 */
import type { Messenger } from "./messenger";
import { SDK_VERSION } from "./protocol";

type Handler = (data: unknown) => void;
/** A CRM_EVENT request before the SDK stamps its version. */
type CrmRequest = { category: string; [key: string]: unknown };

export interface ConnectionRequestInput {
  url?: string;
  method?: string;
  param_type?: number;
  parameters?: unknown;
  headers?: unknown;
}

export function createZoho(messenger: Messenger) {
  const handlers = new Map<string, Handler>();
  let initPromise: Promise<void> | undefined;

  const send = (request: CrmRequest): Promise<unknown> => {
    // Zoho's wrappers throw synchronously before init(); keep that behaviour.
    if (!initPromise) throw new Error("ZOHO.embeddedApp.init() must be called before ZOHO.CRM APIs");
    return messenger.request({ ...request, sdkVersion: SDK_VERSION });
  };
  const config = (type: string) => send({ category: "CONFIG", type });
  const ui = (request: Record<string, unknown>) => send({ ...request, category: "UI" });

  return {
    embeddedApp: {
      /** One handler per event; a later on() replaces the earlier one. Only handlers present at init() are attached. */
      on(event: string, handler: Handler): void {
        handlers.set(event, handler);
      },
      /** Registers with the CRM page once; every call returns the same promise. */
      init(): Promise<void> {
        if (!initPromise) {
          for (const [event, handler] of handlers) messenger.listen(event, handler);
          messenger.register();
          initPromise = messenger.whenReady();
        }
        return initPromise;
      },
    },
    CRM: {
      CONFIG: {
        getCurrentUser: () => config("CURRENT_USER"),
        getOrgInfo: () => config("ORG"),
        GetCurrentEnvironment: () => config("ORG_LEVEL_INFO"),
        getUserPreference: () => config("USER_PREFERENCE"),
      },
      API: {
        /** The whole argument travels as APIData ({Entity, RecordID, approved?, …}). */
        getRecord: (data: Record<string, unknown>) => send({ category: "READ", APIData: data }),
        getAllUsers: (data: { Type?: string; page?: number; per_page?: number }) => {
          const request: CrmRequest = { category: "USER", Type: data.Type };
          if (data.page) request.page = data.page;
          if (data.per_page) request.per_page = data.per_page;
          return send(request);
        },
      },
      UI: {
        Resize: (size: { width?: number | string; height?: number | string }) =>
          ui({ action: "RESIZE", data: { width: size.width, height: size.height } }),
        Popup: {
          close: () => ui({ action: { popup: "CLOSE" } }),
          closeReload: () => ui({ action: { popup: "CLOSE_RELOAD" } }),
        },
      },
      CONNECTION: {
        /** parameters and headers travel as JSON text, inside data.data. */
        invoke: (connectionName: string, request: ConnectionRequestInput) =>
          send({
            category: "CRM_CONNECTION",
            connectionName,
            data: {
              data: {
                url: request.url,
                method: request.method,
                param_type: request.param_type,
                parameters: JSON.stringify(request.parameters),
                headers: JSON.stringify(request.headers),
              },
            },
          }),
      },
    },
  };
}

export type StandInZoho = ReturnType<typeof createZoho>;
