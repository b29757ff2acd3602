import { createHash } from "node:crypto";
import type { Request, Response } from "express";

/** A JSON answer written once and served to every caller until what it shows changes. */
export interface JsonPage {
  text: string;
  /** A weak validator of the text, so that a client holding it gets 304 Not Modified. */
  etag: string;
}

export function jsonPage(value: unknown): JsonPage {
  const text = JSON.stringify(value);
  return { text, etag: `W/"${createHash("sha1").update(text).digest("base64url")}"` };
}

/** Sends the page, or 304 when the request's If-None-Match names its ETag (express checks freshness). */
export function sendJsonPage(req: Request, res: Response, page: JsonPage): void {
  res.set("ETag", page.etag);
  res.type("application/json").send(page.text);
}
