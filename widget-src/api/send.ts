/** Sends a request built by one of the api/ modules through the CRM port. */
import type { RawAnswer } from "../crm/decode";
import type { CrmPort } from "../crm/port";
import type { CrmResult } from "../crm/result";
import type { ApiRequest } from "../crm/transport";

export function send(port: CrmPort, request: ApiRequest): Promise<CrmResult<RawAnswer>> {
  return port.request(request.method, request.path, {
    ...(request.query ? { query: request.query } : {}),
    ...(request.body !== undefined ? { body: request.body } : {}),
  });
}
