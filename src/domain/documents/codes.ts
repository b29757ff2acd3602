import { z } from "zod";
import { ISO_COUNTRIES } from "./iso-countries.js";
import { normalizeText } from "./normalize.js";
import { requiredOr } from "./text.js";

/**
 * A code as written: compared case-insensitively and stored upper-case, with the characters in
 * `ignore` (spaces, dots people write for readability) taken out.
 */
function codeText(expected: string, ignore?: RegExp) {
  return z.string({ error: requiredOr(expected) }).overwrite((value) => {
    const normal = normalizeText(value).toUpperCase();
    return ignore ? normal.replace(ignore, "") : normal;
  });
}

/** A code of the given form. */
function code(pattern: RegExp, expected: string, ignore?: RegExp) {
  return codeText(expected, ignore).regex(pattern, expected);
}

const COUNTRY_EXPECTED = 'expected an ISO 3166-1 alpha-2 country code, e.g. "PK"';

/** ISO 3166-1 alpha-2, assigned codes only (see iso-countries.ts). */
export const countryCodeSchema = codeText(COUNTRY_EXPECTED).refine((value) => ISO_COUNTRIES.has(value), {
  error: (issue) =>
    /^[A-Z]{2}$/.test(String(issue.input))
      ? `"${String(issue.input)}" is not an assigned ISO 3166-1 alpha-2 country code`
      : COUNTRY_EXPECTED,
});

/**
 * ISO 4217 by form (three letters), not by list: an invoice keeps the currency it was written
 * in even after that currency is withdrawn.
 */
export const currencyCodeSchema = code(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code, e.g. "EUR"');

/** UN/ECE Recommendation 20, as `unitCode` in certificate-terms.ts accepts it. */
export const unitCodeSchema = code(
  /^[A-Z0-9]{2,3}$/,
  'expected a UN/ECE Recommendation 20 unit code, e.g. "KGM" for kilograms',
);

/** UN/ECE Recommendation 21. */
export const packageKindSchema = code(
  /^[A-Z0-9]{2}$/,
  'expected a UN/ECE Recommendation 21 package type code, e.g. "CT" for carton',
);

/** Harmonized System code, 6 digits or a national 8–10 digit tariff line; "6302.31" is "630231". */
export const hsCodeSchema = code(
  /^\d{6,10}$/,
  'expected an HS code of 6 to 10 digits as a string, e.g. "630231" or "6302.31"',
  /[.\s]/g,
);

/** UN/LOCODE: country + 3 characters; "PK KHI" is "PKKHI". */
export const locodeSchema = code(/^[A-Z]{2}[A-Z2-9]{3}$/, 'expected a UN/LOCODE of 5 characters, e.g. "PKKHI"', /\s/g);

/** Container (ISO 6346) or other equipment number, spaces taken out. */
export const equipmentNumberSchema = code(
  /^[A-Z0-9-]{4,20}$/,
  'expected a container or equipment number, e.g. "MSCU4417305"',
  /\s/g,
);

/** Code of a scheme, agreement or register, e.g. "EU-GSP", "RCEP", "EORI". */
export const schemeCodeSchema = code(
  /^[A-Z0-9][A-Z0-9 ._/-]{0,31}$/,
  'expected a scheme code of up to 32 letters, digits, spaces and . _ / -, e.g. "EU-GSP" or "EORI"',
);

/** Origin criterion as the preference scheme writes it: "WO", "PE", "PSR", "CTH", "RVC 40%", GSP "P", "W 96.18"… */
export const originCriterionSchema = code(
  /^[A-Z0-9][A-Z0-9 .,%/()+-]{0,31}$/,
  'expected an origin criterion code of the preference scheme, e.g. "WO", "PE", "PSR", "CTH" or "RVC 40%"',
);

const TRANSPORT_MODES = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"] as const;
const TRANSPORT_MODE_EXPECTED =
  'expected a UN/ECE Recommendation 19 transport mode code "0"–"9", e.g. "1" for sea, "4" for air';

/** UN/ECE Recommendation 19, as a one-digit string (a number is accepted). */
export const transportModeSchema = z
  .union([z.string(), z.int()], { error: requiredOr(TRANSPORT_MODE_EXPECTED) })
  .transform((value) => String(value).trim())
  .pipe(z.enum(TRANSPORT_MODES, { error: TRANSPORT_MODE_EXPECTED }));
