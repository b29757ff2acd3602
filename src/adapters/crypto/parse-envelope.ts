import { z } from "zod";
import { ValidationError } from "../../domain/errors.js";

/**
 * The General JWE JSON the cipher writes. Strict at the top level, so an envelope with members we
 * never write (aad, a shared unprotected header) is refused rather than half-read; the recipients'
 * headers are loose because jose owns their other members (epk).
 */
const envelopeSchema = z.strictObject({
  protected: z.string().min(1),
  iv: z.string().min(1),
  ciphertext: z.string(),
  tag: z.string().min(1),
  recipients: z
    .array(
      z.strictObject({
        encrypted_key: z.string().min(1),
        header: z.looseObject({ kid: z.string().min(1) }),
      }),
    )
    .min(1),
});

export type Envelope = z.infer<typeof envelopeSchema>;

/** Reads a serialized envelope; throws `ValidationError` saying what is wrong with it. */
export function parseEnvelope(bytes: Uint8Array): Envelope {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new ValidationError("The envelope is not UTF-8 JSON: it is not a tradeseal encrypted document.");
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) {
    throw new ValidationError(
      `The envelope is not a General JWE as tradeseal writes it: ${z.prettifyError(parsed.error)}`,
    );
  }
  const kids = parsed.data.recipients.map((recipient) => recipient.header.kid);
  if (new Set(kids).size !== kids.length) {
    throw new ValidationError("The envelope wraps the content key twice for the same key id: it was altered.", {
      kids,
    });
  }
  return parsed.data;
}
