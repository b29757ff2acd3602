import { TradesealError, UnauthenticatedError, UnavailableError, ValidationError } from "../domain/errors.js";

/** How long one request may take: issuing waits for the chain (the gateway answers 202 after its own wait). */
const REQUEST_TIMEOUT_MS = 120_000;
const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);

export interface GatewayRequest {
  method?: "GET" | "POST";
  /** Path and query under the gateway's URL, e.g. /v1/certificates/0x…/history. */
  path: string;
  json?: unknown;
  /** A body sent as is, with `type` as its Content-Type (XML, VC-JWT). */
  body?: string | Uint8Array;
  type?: string;
  accept?: string;
  idempotencyKey?: string;
  /** The call needs a signed-in caller: refuse before sending when no token is set. */
  signedIn?: boolean;
}

export interface GatewayAnswer<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** RFC 9457 problem details as the gateway sends them. */
interface Problem {
  status?: number;
  detail?: string;
  code?: string;
  currentStatus?: string;
}

/**
 * The gateway's HTTP API as the CLI calls it: problem details become TradesealErrors carrying the
 * gateway's own words, and an unreachable gateway says how to start one.
 */
export class GatewayClient {
  readonly url: string;
  private readonly token: string | undefined;

  constructor(settings: { url: string; token?: string }) {
    this.url = gatewayUrl(settings.url);
    this.token = settings.token || undefined;
  }

  async request<T = unknown>(request: GatewayRequest): Promise<GatewayAnswer<T>> {
    if (request.signedIn && !this.token) {
      throw new UnauthenticatedError(
        "This needs a signed-in caller: pass --token <jwt> or set TRADESEAL_TOKEN " +
          "(on a demo gateway, `npx tradeseal token --help` makes DEV-ONLY tokens).",
      );
    }
    const headers: Record<string, string> = { accept: request.accept ?? "application/json" };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (request.idempotencyKey) headers["idempotency-key"] = request.idempotencyKey;
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (request.json !== undefined) {
      body = JSON.stringify(request.json);
      headers["content-type"] = "application/json";
    } else if (request.body !== undefined) {
      body = request.body as string | Uint8Array<ArrayBuffer>;
      headers["content-type"] = request.type ?? "application/octet-stream";
    }
    let response: Response;
    try {
      response = await fetch(`${this.url}${request.path}`, {
        method: request.method ?? (body === undefined ? "GET" : "POST"),
        headers,
        body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw this.unreachable(error);
    }
    const text = await response.text();
    const type = response.headers.get("content-type") ?? "";
    if (!response.ok) throw this.refusal(response, type, text);
    const isJson = /[/+]json\b/.test(type);
    if (!isJson && (request.accept ?? "application/json") === "application/json") {
      throw new ValidationError(
        `${this.url} did not answer as a tradeseal gateway (got ${type || "no content type"}); check --gateway.`,
      );
    }
    return { status: response.status, body: (isJson ? JSON.parse(text) : text) as T, headers: response.headers };
  }

  private unreachable(error: unknown): TradesealError {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    if (error instanceof DOMException && error.name === "TimeoutError") {
      return new UnavailableError(
        `The gateway at ${this.url} did not answer within ${REQUEST_TIMEOUT_MS / 1000} s; retry later.`,
      );
    }
    if (cause?.code && UNREACHABLE.has(cause.code)) {
      return new UnavailableError(
        `No gateway at ${this.url}: start one with \`npx tradeseal start\` or pass --gateway <url> (or set TRADESEAL_URL).`,
        { cause: cause.code },
      );
    }
    const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
    return new UnavailableError(`The gateway at ${this.url} could not be reached (${reason}); retry later.`);
  }

  private refusal(response: Response, type: string, text: string): TradesealError {
    if (!type.includes("json")) {
      const what = `The gateway at ${this.url} answered ${response.status} ${response.statusText}`;
      return response.status >= 500
        ? new UnavailableError(`${what}; retry later.`)
        : new TradesealError(`HTTP_${response.status}`, `${what}; check --gateway.`);
    }
    const problem = JSON.parse(text) as Problem;
    const lines = [problem.detail ?? `The gateway answered ${response.status}.`];
    if (problem.currentStatus && !lines[0].includes(problem.currentStatus)) {
      lines.push(`Current status: ${problem.currentStatus}.`);
    }
    if (response.status === 401 && this.token) {
      lines.push("Check the token given with --token or TRADESEAL_TOKEN (expired, or for another gateway?).");
    }
    const code = problem.code ?? `HTTP_${response.status}`;
    const details = { status: response.status, ...(problem.currentStatus && { currentStatus: problem.currentStatus }) };
    return response.status === 503
      ? new UnavailableError(lines.join("\n"), details)
      : new TradesealError(code, lines.join("\n"), details);
  }
}

/** The gateway URL without a trailing slash, or a clear error. */
function gatewayUrl(given: string): string {
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new ValidationError(`--gateway "${given}" is not a URL; give one such as http://127.0.0.1:8080.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ValidationError(`--gateway must be an http:// or https:// URL, not "${given}".`);
  }
  return url.toString().replace(/\/+$/, "");
}
