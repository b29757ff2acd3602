import { parseCertificateDocument } from "../../domain/documents/certificate-document.js";
import { prepareDocument, type PreparedDocument } from "../../domain/documents/prepared-document.js";
import { prepareJsonBody, type PreparedJsonBody } from "../prepare-json-body.js";

/**
 * Parses (validates and normalizes) presented certificate documents and writes them
 * canonically: the CPU-heavy part of verifying a document, which a gateway may run off its event
 * loop. Both throw `ValidationError` naming what is wrong when a document is not valid.
 */
export interface DocumentPreparer {
  /** A document already read into a value (JSON body, XML model). */
  prepare(input: unknown): Promise<PreparedDocument>;
  /** A JSON request body still as text, with the document in it (see `prepareJsonBody`). */
  prepareJsonBody(text: string): Promise<PreparedJsonBody>;
  /** Stops any threads it started. */
  close(): Promise<void>;
}

/** Prepares on the calling thread. */
export const inlineDocumentPreparer: DocumentPreparer = {
  prepare: (input) => Promise.resolve().then(() => prepareDocument(parseCertificateDocument(input))),
  prepareJsonBody: (text) => Promise.resolve().then(() => prepareJsonBody(text)),
  close: () => Promise.resolve(),
};
