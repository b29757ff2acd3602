/**
 * Errors as RFC 9457 problem details (`application/problem+json`). Error codes map to HTTP
 * statuses here and nowhere else; the detail is the error's own message, which says what to do.
 */
import type { ErrorRequestHandler, Response } from "express";
import { MALFORMED_JSON } from "../application/prepare-json-body.js";
import { TradesealError } from "../domain/errors.js";

const STATUS: Record<string, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_BODY: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  NOT_ACCEPTABLE: 406,
  LIFECYCLE_CONFLICT: 409,
  CONFLICT: 409,
  IDEMPOTENCY_KEY_IN_USE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_KEY_REUSED: 422,
  CHAIN_REFUSED: 422,
  CHAIN_REVERT: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  STALE_TRANSACTION: 503,
};

const TITLE: Record<number, string> = {
  400: "Bad request",
  401: "Not signed in",
  403: "Not allowed",
  404: "Not found",
  406: "Not acceptable",
  409: "Conflict",
  413: "Body too large",
  415: "Unsupported media type",
  422: "Refused",
  429: "Too many requests",
  500: "Internal error",
  503: "Temporarily unavailable",
};

export function statusOf(error: TradesealError): number {
  return STATUS[error.code] ?? 500;
}

/** Sends a problem document; `extra` members (e.g. currentStatus, errors) go alongside. */
export function sendProblem(
  res: Response,
  status: number,
  code: string,
  detail: string,
  extra: Record<string, unknown> = {},
): void {
  if (status === 401) res.set("WWW-Authenticate", 'Bearer realm="tradeseal"');
  res
    .status(status)
    .type("application/problem+json")
    .send(
      JSON.stringify({
        type: `urn:tradeseal:problem:${code.toLowerCase().replaceAll("_", "-")}`,
        title: TITLE[status] ?? "Error",
        status,
        detail,
        code,
        instance: res.req.originalUrl,
        ...extra,
      }),
    );
}

/** Members of an error's details worth showing: the current status of a refused transition, validation issues. */
function extraOf(error: TradesealError): Record<string, unknown> {
  const { currentStatus, issues, path } = error.details as {
    currentStatus?: unknown;
    issues?: unknown;
    path?: unknown;
  };
  return {
    ...(currentStatus !== undefined && { currentStatus }),
    ...(Array.isArray(issues) && {
      errors: issues.slice(0, 50).map((issue: { path?: unknown; message?: unknown }) => ({
        path: issue.path,
        message: issue.message,
      })),
    }),
    ...(path !== undefined && { path }),
  };
}

/** body-parser's error types, as problems. */
const BODY_PROBLEMS: Record<string, [number, string, string]> = {
  "entity.too.large": [
    413,
    "PAYLOAD_TOO_LARGE",
    "The body is larger than this endpoint's limit of {limit} bytes; send a smaller document (split a batch).",
  ],
  "entity.parse.failed": [400, "MALFORMED_BODY", MALFORMED_JSON],
  "encoding.unsupported": [415, "UNSUPPORTED_MEDIA_TYPE", "Send the body as UTF-8 without content encoding."],
  "charset.unsupported": [415, "UNSUPPORTED_MEDIA_TYPE", "Send the body as UTF-8 without content encoding."],
  "request.aborted": [400, "MALFORMED_BODY", "The body ended before its declared length; send it again."],
  "request.size.invalid": [400, "MALFORMED_BODY", "The body ended before its declared length; send it again."],
};

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

/** The last middleware: every error becomes a problem document; unexpected ones are logged, not shown. */
export function problemHandler(log: (message: string, error: unknown) => void): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof TradesealError) {
      sendProblem(res, statusOf(error), error.code, error.message, extraOf(error));
      return;
    }
    const parser = error as BodyParserError;
    const known = parser.type === undefined ? undefined : BODY_PROBLEMS[parser.type];
    if (known) {
      const [status, code, detail] = known;
      sendProblem(res, status, code, detail.replace("{limit}", String(parser.limit)));
      return;
    }
    log("unexpected error", error);
    sendProblem(res, 500, "INTERNAL", "Something went wrong on the gateway; try again, and report it if it persists.");
  };
}
