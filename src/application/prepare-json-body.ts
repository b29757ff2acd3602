import { parseCertificateDocument } from "../domain/documents/certificate-document.js";
import { prepareDocument, type PreparedDocument } from "../domain/documents/prepared-document.js";
import { TradesealError, ValidationError } from "../domain/errors.js";

/**
 * A JSON request body parsed with its certificate document prepared: the body itself when it is
 * a document (it has `kind`), its `document` member in `{ document, salt }` and
 * `{ root, proof, document, salt }`; none in `{ id }`. `members` is the body without the
 * document, for the caller to check as it checks any body.
 */
export type PreparedJsonBody =
  | { documentAt: "body"; prepared: PreparedDocument }
  | { documentAt: "document"; prepared: PreparedDocument; members: Record<string, unknown> }
  | { documentAt: "none"; members: Record<string, unknown> };

export const MALFORMED_JSON = "The body is not valid JSON; check it with a JSON validator and send it again.";

/** Parses and prepares; `MALFORMED_BODY` for text that is not JSON, `ValidationError` for a body that is not an object or an invalid document. */
export function prepareJsonBody(text: string): PreparedJsonBody {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new TradesealError("MALFORMED_BODY", MALFORMED_JSON, {}, { cause: error });
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new ValidationError("The body must be a JSON object.");
  }
  const object = body as Record<string, unknown>;
  if ("kind" in object) return { documentAt: "body", prepared: prepareDocument(parseCertificateDocument(object)) };
  if ("document" in object && !("id" in object)) {
    const { document, ...members } = object;
    return { documentAt: "document", prepared: prepareDocument(parseCertificateDocument(document)), members };
  }
  return { documentAt: "none", members: object };
}
