import express, { type RequestHandler } from "express";
import { JSON_TYPES } from "./request-document.js";

/**
 * A large JSON body kept as the text it came as: the document preparer parses it where it
 * prepares the document in it (on its own threads), so the event loop neither parses it nor
 * writes it out again to send it there.
 */
export class UnparsedJson {
  constructor(readonly text: string) {}
}

/** Bodies from this size on (8 KiB: a certificate of some twenty goods lines). */
export const LARGE_JSON_BYTES = 8_192;

/**
 * Reads a JSON body of `LARGE_JSON_BYTES` or more (by its Content-Length) as `UnparsedJson`;
 * smaller and chunked ones are left to the JSON parser. Limits and errors are express's, as for
 * any body.
 */
export function largeJsonAsText(options: { limit: number }): RequestHandler {
  const readText = express.text({ type: JSON_TYPES, limit: options.limit });
  return (req, res, next) => {
    const length = Number(req.get("content-length"));
    if (!(length >= LARGE_JSON_BYTES) || !req.is(JSON_TYPES)) {
      next();
      return;
    }
    readText(req, res, (error?: unknown) => {
      if (error === undefined && typeof req.body === "string") req.body = new UnparsedJson(req.body);
      next(error);
    });
  };
}
