import { parseCertificateDocument } from "../../domain/documents/certificate-document.js";
import { prepareDocument, type PreparedDocument } from "../../domain/documents/prepared-document.js";
import { TradesealError } from "../../domain/errors.js";
import { prepareJsonBody, type PreparedJsonBody } from "../../application/prepare-json-body.js";

/** A refusal as data: an error crossing threads keeps only its message, so the caller re-creates it. */
export interface Refusal {
  refused: { code: string; message: string; details: Record<string, unknown> };
}

/**
 * Tasks run on a document thread (worker_threads, via piscina). Each takes JSON text, since text
 * crosses threads faster than any object, and answers with plain data or a `Refusal`; anything
 * else thrown reaches the caller as an error.
 */
export function prepareDocumentText(text: string): { prepared: PreparedDocument } | Refusal {
  return refusing(() => ({ prepared: prepareDocument(parseCertificateDocument(JSON.parse(text))) }));
}

export function prepareJsonBodyText(text: string): { body: PreparedJsonBody } | Refusal {
  return refusing(() => ({ body: prepareJsonBody(text) }));
}

function refusing<T>(task: () => T): T | Refusal {
  try {
    return task();
  } catch (error) {
    if (!(error instanceof TradesealError)) throw error;
    // Plain JSON, so that it can be sent whatever the details hold (zod issues carry inputs).
    const details = JSON.parse(JSON.stringify(error.details)) as Record<string, unknown>;
    return { refused: { code: error.code, message: error.message, details } };
  }
}
