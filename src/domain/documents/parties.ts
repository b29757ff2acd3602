import { z } from "zod";
import { countryCodeSchema, schemeCodeSchema } from "./codes.js";
import { omittable } from "./normalize.js";
import { MAX_IDENTIFIER, MAX_NAME, blankableText, optionalText, positiveInteger, text } from "./text.js";

/** An identifier of a party in a named register: EORI, TIN, VAT, NTN, LEI, GLN… */
export const partyIdentifierSchema = z.strictObject({
  scheme: schemeCodeSchema,
  value: text(MAX_IDENTIFIER),
});

/** Exporter, producer, consignee or invoicing party, as the certificate names it. */
export const partySchema = z.strictObject({
  name: text(MAX_NAME),
  /** Street lines, in order; blank lines are dropped (XML LineOne…LineFive often leave some empty). */
  addressLines: omittable(z.array(blankableText(MAX_NAME))),
  city: optionalText(MAX_NAME),
  postcode: optionalText(MAX_IDENTIFIER),
  countrySubdivision: optionalText(MAX_NAME),
  country: countryCodeSchema,
  identifiers: omittable(z.array(partyIdentifierSchema)),
});
export type Party = z.infer<typeof partySchema>;

/** The largest authority id the registry can hold (uint32). */
const MAX_AUTHORITY_ID = 2 ** 32 - 1;

/** The issuing chamber or NPPO: its id in the AuthorityRegistry and the certification box. */
export const issuerSchema = z.strictObject({
  authorityId: positiveInteger(MAX_AUTHORITY_ID),
  name: text(MAX_NAME),
  country: countryCodeSchema,
  placeOfIssue: optionalText(MAX_NAME),
  signatoryName: optionalText(MAX_NAME),
  signatoryTitle: optionalText(MAX_NAME),
});
export type Issuer = z.infer<typeof issuerSchema>;
