/**
 * The two ways to reach the CRM REST API from a widget. ZRC runs as the
 * signed-in user; a CONNECTION runs as whoever authorised it, so it is only
 * a fallback and the UI says when it is in use.
 */
import { decodeConnectionAnswer, decodeConnectionFailure, decodeZrcAnswer, decodeZrcFailure, type RawAnswer } from "./decode";
import type { CrmResult } from "./result";
import type { HttpMethod, ZohoSdk, ZrcClient } from "./sdk-types";

export interface ApiRequest {
  method: HttpMethod;
  /** Path below /crm/v8, starting with "/", e.g. "/Deals/1/Locking_Information__s". */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
}

export type TransportKind = "zrc" | "connection";

export interface Transport {
  readonly kind: TransportKind;
  send(request: ApiRequest): Promise<CrmResult<RawAnswer>>;
}

const API_ROOT = "/crm/v8";

export function zrcTransport(client: ZrcClient): Transport {
  return {
    kind: "zrc",
    async send({ method, path, query, body }) {
      const url = API_ROOT + path;
      const config = query && Object.keys(query).length > 0 ? { params: query } : {};
      try {
        const answer = await callZrc(client, method, url, body, config);
        return decodeZrcAnswer(answer);
      } catch (reason) {
        return decodeZrcFailure(reason);
      }
    },
  };
}

function callZrc(
  client: ZrcClient,
  method: HttpMethod,
  url: string,
  body: unknown,
  config: { params?: Record<string, string> },
): Promise<unknown> {
  switch (method) {
    case "GET":
      return client.get(url, config);
    case "DELETE":
      return client.delete(url, config);
    case "POST":
      return client.post(url, body, config);
    case "PUT":
      return client.put(url, body, config);
    case "PATCH":
      return client.patch(url, body, config);
  }
}

export function connectionTransport(sdk: ZohoSdk, linkName: string, apiDomain: string): Transport {
  return {
    kind: "connection",
    async send({ method, path, query, body }) {
      const search = query ? new URLSearchParams(query).toString() : "";
      const url = `${apiDomain}${API_ROOT}${path}${search ? `?${search}` : ""}`;
      const hasBody = body !== undefined;
      try {
        const answer = await sdk.CRM.CONNECTION.invoke(linkName, {
          url,
          method,
          // 2 sends `parameters` as the JSON body; 1 as form/query parameters.
          param_type: hasBody ? 2 : 1,
          parameters: hasBody ? (body as Record<string, unknown>) : {},
          headers: {},
        });
        return decodeConnectionAnswer(answer);
      } catch (reason) {
        return decodeConnectionFailure(reason);
      }
    },
  };
}
