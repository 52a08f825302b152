/**
 * Types for the subset of Zoho's embedded-app SDK (the `ZOHO` global) and of
 * ZRC (the `zrc` global, SDK 1.5) that we use. Zoho publishes no typings.
 * Every answer is typed `unknown`: the decoders decide what it means.
 */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface ZrcConfig {
  params?: Record<string, string>;
  headers?: Record<string, string>;
}

export interface ZrcClient {
  get(path: string, config?: ZrcConfig): Promise<unknown>;
  post(path: string, body?: unknown, config?: ZrcConfig): Promise<unknown>;
  put(path: string, body?: unknown, config?: ZrcConfig): Promise<unknown>;
  patch(path: string, body?: unknown, config?: ZrcConfig): Promise<unknown>;
  delete(path: string, config?: ZrcConfig): Promise<unknown>;
}

export interface ConnectionRequest {
  url: string;
  method: HttpMethod;
  param_type: 1 | 2;
  parameters: Record<string, unknown>;
  headers: Record<string, string>;
}

export interface ZohoSdk {
  embeddedApp: {
    on(event: string, handler: (data: unknown) => void): void;
    init(): Promise<unknown>;
  };
  CRM: {
    CONFIG: {
      getCurrentUser(): Promise<unknown>;
      GetCurrentEnvironment(): Promise<unknown>;
      getUserPreference?: () => Promise<unknown>;
    };
    API: {
      getRecord(request: { Entity: string; RecordID: string }): Promise<unknown>;
    };
    UI: {
      Resize(size: { width?: number; height: number }): Promise<unknown>;
      Popup: { close(): Promise<unknown> };
    };
    CONNECTION: {
      invoke(linkName: string, request: ConnectionRequest): Promise<unknown>;
    };
  };
}
