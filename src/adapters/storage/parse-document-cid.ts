import { CID } from "multiformats/cid";
import { ValidationError } from "../../domain/errors.js";

/** Longer input is cut in the error message: it is not a CID anyway, and the message stays readable. */
const ECHO_LIMIT = 80;

/** The CID in `text`, or a `ValidationError` that shows the caller what a document CID looks like. */
export function parseDocumentCid(text: string): CID {
  try {
    return CID.parse(text);
  } catch (error) {
    const shown = text.length > ECHO_LIMIT ? `${text.slice(0, ECHO_LIMIT)}…` : text;
    throw new ValidationError(
      `"${shown}" is not a CID. A document CID is the text that storing the document returned, ` +
        `e.g. bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e (CIDv1, base32, starts with "b") ` +
        `or Qm… (CIDv0, base58); check that it was copied whole, without spaces or a /ipfs/ prefix.`,
      { cid: text },
      { cause: error },
    );
  }
}
