import type { Request } from "express";
import type { GatewayContext } from "../application/gateway-context.js";
import { ValidationError, TradesealError } from "../domain/errors.js";

export const XML_TYPES = ["application/xml", "text/xml"];
export const JSON_TYPES = ["application/json", "application/*+json"];

/**
 * The certificate document a request carries: JSON as it is, XML (SPS ePhyto, hub envelope,
 * e-CoO XML) read into the same model. Anything else is refused with the types accepted.
 */
export function documentOf(ctx: Pick<GatewayContext, "formats">, req: Request, json: unknown): unknown {
  if (req.is(XML_TYPES)) {
    if (!ctx.formats) {
      throw new TradesealError("UNSUPPORTED_MEDIA_TYPE", "This gateway reads documents as application/json only.");
    }
    return ctx.formats.readXml(String(req.body)).document;
  }
  if (req.is(JSON_TYPES)) return json;
  throw new TradesealError(
    "UNSUPPORTED_MEDIA_TYPE",
    `Send the document as application/json or application/xml (got ${req.get("content-type") ?? "no Content-Type"}).`,
  );
}

/** A JSON object body, or a clear error. */
export function objectBody(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new ValidationError("The body must be a JSON object.");
  }
  return body as Record<string, unknown>;
}

/** Refuses members other than `allowed`, naming them. */
export function onlyMembers(body: Record<string, unknown>, allowed: readonly string[]): Record<string, unknown> {
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw new ValidationError(
      `Unknown field${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}: the body takes ${allowed.join(", ")}.`,
    );
  }
  return body;
}
