/**
 * HTTP adapter for the mock REST API: /crm/v8/* requests become MockRequests.
 * The acting user comes from the X-Sandbox-User header (none = the seeded
 * administrator); answers can be delayed to show loading states.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { MockCrm, MockRequest, MockResponse } from "../api/types";
import { LATENCY_HEADER, USER_HEADER } from "./config";

const METHODS: MockRequest["method"][] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const MAX_BODY = 1_000_000;

const zohoError = (status: number, code: string, message: string, details: Record<string, unknown> = {}): MockResponse => ({
  status,
  body: { code, message, status: "error", details },
});

export async function answerMockRequest(mock: MockCrm, request: IncomingMessage, url: URL): Promise<MockResponse> {
  const method = (request.method ?? "GET").toUpperCase() as MockRequest["method"];
  if (!METHODS.includes(method)) return zohoError(400, "INVALID_REQUEST_METHOD", "The http request method type is not a valid one");
  const text = await readBody(request);
  if (text === undefined) return zohoError(413, "PAYLOAD_TOO_LARGE", "The request body is too large");
  let body: unknown;
  if (text.trim() !== "") {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      return zohoError(400, "UNABLE_TO_PARSE_DATA_TYPE", "The request body is not valid JSON", { expected_data_type: "jsonobject" });
    }
  }
  const user = request.headers[USER_HEADER];
  const mockRequest: MockRequest = {
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    userId: typeof user === "string" && user !== "" ? user : undefined,
    body,
  };
  try {
    return mock.handle(mockRequest);
  } catch (error) {
    return zohoError(500, "INTERNAL_ERROR", error instanceof Error ? error.message : "internal error");
  }
}

/** The page's latency (header) wins over the server default. */
export function latencyFor(request: IncomingMessage, fallback: number): number {
  const header = request.headers[LATENCY_HEADER];
  const value = typeof header === "string" ? Number(header) : Number.NaN;
  return Number.isFinite(value) && value >= 0 ? Math.min(value, 60_000) : fallback;
}

export function sendMockResponse(response: ServerResponse, answer: MockResponse): void {
  if (answer.body === undefined) {
    response.writeHead(answer.status).end();
    return;
  }
  response.writeHead(answer.status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(answer.body));
}

function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    request.on("end", () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}
