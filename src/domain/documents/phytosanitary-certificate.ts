import { z } from "zod";
import type { CertificateType } from "../registry-types.js";
import { countryCodeSchema, schemeCodeSchema } from "./codes.js";
import { checkCommonRules, commonDocumentFields } from "./common-fields.js";
import { commonItemFields } from "./consignment.js";
import { isoDateSchema } from "./iso-date.js";
import { measureSchema, signedMeasureSchema } from "./measures.js";
import { omittable } from "./normalize.js";
import { MAX_FREE_TEXT, MAX_IDENTIFIER, MAX_NAME, flag, optionalText, positiveInteger, text } from "./text.js";
import { placeSchema } from "./transport.js";

const PHYTO_TYPES = ["PHYTO", "PHYTO_REEXPORT"] as const satisfies readonly (keyof typeof CertificateType)[];

/** Where the plants were grown: country, and region or place of production where declared. */
export const placeOfOriginSchema = z.strictObject({
  country: countryCodeSchema,
  region: optionalText(MAX_NAME),
  place: optionalText(MAX_NAME),
});

/** One commodity line of a phytosanitary certificate. */
export const phytoItemSchema = z.strictObject({
  ...commonItemFields,
  description: optionalText(MAX_FREE_TEXT),
  /** Botanical name, e.g. "Rosa spp.". */
  scientificName: text(MAX_NAME),
  commonName: optionalText(MAX_NAME),
  intendedUse: optionalText(MAX_NAME),
  placesOfOrigin: z.array(placeOfOriginSchema).min(1, "must give at least one place of origin (its country)"),
});
export type PhytoItem = z.infer<typeof phytoItemSchema>;

/** A disinfestation or disinfection treatment (ISPM 12 box "Treatment"; SPS `AppliedSPSProcess`). */
export const treatmentSchema = z.strictObject({
  /** e.g. "Fumigation", "Cold treatment", "Spray". */
  type: text(MAX_NAME),
  /** Chemical (active ingredient), e.g. "Methyl bromide". */
  chemical: optionalText(MAX_NAME),
  concentration: omittable(measureSchema),
  /** e.g. { value: "24", unit: "HUR" }. */
  duration: omittable(measureSchema),
  /** e.g. { value: "-0.5", unit: "CEL" }. */
  temperature: omittable(signedMeasureSchema),
  date: omittable(isoDateSchema),
  additionalInfo: optionalText(MAX_FREE_TEXT),
  /** Sequence numbers of the items treated; omitted when the treatment applies to all items. */
  items: omittable(z.array(positiveInteger())),
});
export type Treatment = z.infer<typeof treatmentSchema>;

/** An additional declaration: its code in the IPPC list, its text, or both. */
export const additionalDeclarationSchema = z
  .strictObject({ code: omittable(schemeCodeSchema), text: optionalText(MAX_FREE_TEXT) })
  .refine((declaration) => Boolean(declaration.code) || Boolean(declaration.text), {
    error: "give the declaration's code or its text (or both)",
  });

/** The official inspection the certificate rests on. */
export const inspectionSchema = z.strictObject({
  date: omittable(isoDateSchema),
  place: optionalText(MAX_NAME),
});

/** The re-export boxes of ISPM 12: the original certificate and what happened in the re-exporting country. */
export const reExportSchema = z.strictObject({
  originalCertificateNumber: text(MAX_IDENTIFIER),
  /** The country whose NPPO issued the original certificate. */
  originCountry: countryCodeSchema,
  /** Repacked (otherwise packed as originally). */
  repacked: flag(),
  /** In new containers (otherwise the original ones). */
  newContainers: flag(),
  /** Certified on the original certificate and an additional inspection (otherwise the original only). */
  additionalInspection: flag(),
});

/** An electronic phytosanitary certificate (ISPM 12), for export (PHYTO) or re-export (PHYTO_REEXPORT). */
export const phytosanitaryCertificateSchema = z
  .strictObject({
    kind: z.literal("PHYTO"),
    certificateType: z.enum(PHYTO_TYPES, {
      error: 'expected "PHYTO" or "PHYTO_REEXPORT" for a phytosanitary certificate',
    }),
    ...commonDocumentFields,
    items: z.array(phytoItemSchema).min(1, "must list at least one item"),
    treatments: omittable(z.array(treatmentSchema)),
    additionalDeclarations: omittable(z.array(additionalDeclarationSchema)),
    /** Declared point of entry in the importing country. */
    pointOfEntry: omittable(placeSchema),
    distinguishingMarks: optionalText(MAX_FREE_TEXT),
    inspection: omittable(inspectionSchema),
    reExport: omittable(reExportSchema),
  })
  .superRefine((doc, ctx) => {
    checkCommonRules(doc, ctx);
    const reExport = doc.certificateType === "PHYTO_REEXPORT";
    if (reExport && doc.reExport === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["reExport"],
        message: "required on a re-export certificate: give the original certificate's number and country",
      });
    }
    if (!reExport && doc.reExport !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["reExport"],
        message: 'only a re-export certificate has one; use certificateType "PHYTO_REEXPORT" or drop it',
      });
    }
    const sequences = new Set(doc.items.map((item) => item.sequence));
    doc.treatments?.forEach((treatment, t) =>
      treatment.items?.forEach((sequence, i) => {
        if (!sequences.has(sequence)) {
          ctx.addIssue({
            code: "custom",
            path: ["treatments", t, "items", i],
            message: `names item ${sequence}, which the certificate does not list`,
          });
        }
      }),
    );
  });
export type PhytosanitaryCertificate = z.infer<typeof phytosanitaryCertificateSchema>;
export type PhytosanitaryCertificateInput = z.input<typeof phytosanitaryCertificateSchema>;
