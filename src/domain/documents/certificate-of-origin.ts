import { z } from "zod";
import type { CertificateType } from "../registry-types.js";
import { chainQuantityProblem } from "./chain-quantity.js";
import { countryCodeSchema, hsCodeSchema, originCriterionSchema, schemeCodeSchema } from "./codes.js";
import { checkCommonRules, commonDocumentFields } from "./common-fields.js";
import { commonItemFields } from "./consignment.js";
import { isoDateSchema } from "./iso-date.js";
import { measureSchema, moneySchema } from "./measures.js";
import { omittable } from "./normalize.js";
import { partySchema } from "./parties.js";
import { MAX_FREE_TEXT, MAX_IDENTIFIER, MAX_NAME, flag, optionalText, text } from "./text.js";

const COO_TYPES = [
  "COO_NONPREFERENTIAL",
  "COO_PREFERENTIAL",
] as const satisfies readonly (keyof typeof CertificateType)[];

/** One goods line of a certificate of origin. */
export const originItemSchema = z.strictObject({
  ...commonItemFields,
  description: text(MAX_FREE_TEXT),
  hsCode: hsCodeSchema,
  originCountry: countryCodeSchema,
  /** Required on a preferential certificate. */
  originCriterion: omittable(originCriterionSchema),
  /** FOB value, where a regional-value-content criterion needs it. */
  fobValue: omittable(moneySchema),
});
export type OriginItem = z.infer<typeof originItemSchema>;

/**
 * The quantity importing customs may draw down, in one UN/ECE Rec 20 unit. It must be
 * representable on chain (see chain-quantity.ts), so a document that parses can be anchored.
 */
export const certifiedQuantitySchema = measureSchema.superRefine((quantity, ctx) => {
  const problem = typeof quantity.value === "string" ? chainQuantityProblem(quantity.value) : undefined;
  if (problem !== undefined) ctx.addIssue({ code: "custom", path: ["value"], message: problem });
});

/** Cumulation of origin: its type ("BILATERAL", "DIAGONAL", "REGIONAL", "FULL"…) and the countries cumulated with. */
export const cumulationSchema = z.strictObject({
  type: schemeCodeSchema,
  countries: omittable(z.array(countryCodeSchema)),
});

/** A back-to-back certificate issued in a country of transit on the strength of the original. */
export const backToBackSchema = z.strictObject({
  originalCertificateNumber: text(MAX_IDENTIFIER),
  originalIssueDate: omittable(isoDateSchema),
  originalCountry: countryCodeSchema,
});

/** The exporter's declaration box: where, when and by whom it was signed. */
export const exporterDeclarationSchema = z.strictObject({
  place: optionalText(MAX_NAME),
  date: omittable(isoDateSchema),
  signatoryName: optionalText(MAX_NAME),
});

/** An electronic certificate of origin, preferential (under a trade agreement or GSP) or not. */
export const certificateOfOriginSchema = z
  .strictObject({
    kind: z.literal("COO"),
    certificateType: z.enum(COO_TYPES, {
      error: 'expected "COO_NONPREFERENTIAL" or "COO_PREFERENTIAL" for a certificate of origin',
    }),
    ...commonDocumentFields,
    validUntil: isoDateSchema,
    items: z.array(originItemSchema).min(1, "must list at least one item"),
    certifiedQuantity: certifiedQuantitySchema,
    /** The agreement or scheme a preferential certificate claims, e.g. "EU-GSP", "RCEP", "AFCFTA". */
    preferenceScheme: omittable(schemeCodeSchema),
    cumulation: omittable(cumulationSchema),
    /** The invoicing company, when a third party (in another country) invoices the goods. */
    invoicingParty: omittable(partySchema),
    backToBack: omittable(backToBackSchema),
    exporterDeclaration: omittable(exporterDeclarationSchema),
    issuedRetrospectively: flag(),
    /** A certified true copy, issued for a certificate that was lost. */
    certifiedTrueCopy: flag(),
    /** Goods sent to an exhibition and sold there. */
    exhibition: flag(),
    deMinimis: flag(),
  })
  .superRefine((doc, ctx) => {
    checkCommonRules(doc, ctx);
    if (doc.certificateType === "COO_PREFERENTIAL") {
      if (!doc.preferenceScheme) {
        ctx.addIssue({
          code: "custom",
          path: ["preferenceScheme"],
          message: 'required on a preferential certificate: name the agreement or scheme, e.g. "EU-GSP"',
        });
      }
      doc.items.forEach((item, index) => {
        if (!item.originCriterion) {
          ctx.addIssue({
            code: "custom",
            path: ["items", index, "originCriterion"],
            message: "required on a preferential certificate: give the scheme's origin criterion",
          });
        }
      });
    } else {
      for (const field of ["preferenceScheme", "cumulation"] as const) {
        if (doc[field] !== undefined) {
          ctx.addIssue({
            code: "custom",
            path: [field],
            message: 'only a preferential certificate has one; use certificateType "COO_PREFERENTIAL" or drop it',
          });
        }
      }
    }
  });
export type CertificateOfOrigin = z.infer<typeof certificateOfOriginSchema>;
export type CertificateOfOriginInput = z.input<typeof certificateOfOriginSchema>;
