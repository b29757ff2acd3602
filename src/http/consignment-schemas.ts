/**
 * Answers of the consignment routes: the certificates of one WCO UCR and the import declaration
 * draft built from them (src/domain/declarations/declaration-draft.ts), for /openapi.json.
 */
import { z } from "zod";
import { certificateId, certificateView, verificationView } from "./schemas.js";

export const ucrParams = z.strictObject({
  ucr: z.string().min(1).max(128).meta({
    description: "WCO Unique Consignment Reference, as the certificates state it.",
    example: "6PK12345678-IHT0311",
  }),
});

export const consignmentCertificates = z
  .object({
    ucr: z.string(),
    certificates: z.array(
      z.object({
        id: certificateId,
        certificate: certificateView.optional().meta({
          description: "Absent until its block is indexed, and for a batch member without a record of its own.",
        }),
        verification: verificationView,
      }),
    ),
  })
  .meta({ id: "ConsignmentCertificates" });

/** A value of the draft and the certificate it was taken from. */
const field = (value: z.ZodType) => z.object({ value, certificateId }).optional();
const certificateType = z.string().meta({ description: "Registry type, e.g. COO_PREFERENTIAL or PHYTO." });
const measure = z.object({ value: z.string(), unit: z.string().meta({ description: "UN/ECE Rec 20 unit code." }) });
const asStated = (description: string) => z.record(z.string(), z.unknown()).meta({ description });

const party = z
  .object({
    name: z.string(),
    addressLines: z.array(z.string()).optional(),
    city: z.string().optional(),
    postcode: z.string().optional(),
    countrySubdivision: z.string().optional(),
    country: z.string(),
    identifiers: z.array(z.object({ scheme: z.string(), value: z.string() })).optional(),
  })
  .meta({ id: "DraftParty" });

const line = z.object({
  hsCode: field(z.string()),
  description: field(z.string()),
  quantity: field(measure),
  netWeight: field(measure),
  grossWeight: field(measure),
  packages: field(z.array(z.object({ count: z.number().int(), kind: z.string(), description: z.string().optional() }))),
  originCountry: field(z.string()),
  originCriterion: field(z.string()),
  scientificName: field(z.string()),
  commonName: field(z.string()),
  intendedUse: field(z.string()),
  placesOfOrigin: field(
    z.array(z.object({ country: z.string(), region: z.string().optional(), place: z.string().optional() })),
  ),
  sources: z
    .array(z.object({ certificateId, sequence: z.number().int() }))
    .meta({ description: "The certificate lines merged into this one (a CoO's and an ePhyto's for the same goods)." }),
});

export const declarationDraftView = z
  .object({
    ucr: z.string(),
    exportDeclaration: field(z.string()),
    consignor: field(party),
    consignee: field(party),
    exportCountry: field(z.string()),
    importCountry: field(z.string()),
    transport: field(asStated("The transport as the certificate states it (mode, conveyance, ports, containers…).")),
    invoices: field(z.array(asStated("An invoice: number, date, value."))),
    lines: z.array(line),
    preference: z
      .object({
        claimed: z.boolean().meta({ description: "Whether a preferential CoO that verifies backs the consignment." }),
        certificateId,
        scheme: field(z.string()),
        cumulation: field(asStated("Cumulation of origin: type and countries.")),
      })
      .optional()
      .meta({ description: "Absent when no CoO of the consignment verifies." }),
    phyto: z.array(
      z.object({
        certificateId,
        type: certificateType,
        status: z.string().optional(),
        accepted: z.boolean().meta({ description: "Acknowledged by the importing country's NPPO." }),
        treatments: z.array(asStated("A treatment as certified: type, chemical, concentration, duration…")).optional(),
        additionalDeclarations: z
          .array(z.object({ code: z.string().optional(), text: z.string().optional() }))
          .optional(),
        pointOfEntry: z.object({ code: z.string().optional(), name: z.string().optional() }).optional(),
        reExport: asStated("The re-export boxes: original certificate and what happened since.").optional(),
      }),
    ),
    disagreements: z
      .array(
        z.object({
          field: z.string().meta({ example: "consignee.name" }),
          values: z.array(z.object({ value: z.string(), certificateId, type: certificateType })),
        }),
      )
      .meta({
        description: "Fields the certificates state differently; the draft holds the first (CoO before ePhyto).",
      }),
    used: z.array(
      z.object({
        certificateId,
        type: certificateType,
        status: z.string().optional(),
        certificateNumber: z.string().optional(),
        issueDate: z.string().optional(),
        checkedAtBlock: z.number().int().optional(),
        contents: z.enum(["DOCUMENT", "REGISTRY"]).meta({
          description:
            "DOCUMENT: its contents fill the draft; REGISTRY: its document is not yours to open, so only its registry facts.",
        }),
        note: z.string().optional(),
      }),
    ),
    leftOut: z.array(
      z.object({
        certificateId,
        type: certificateType,
        status: z.string().optional(),
        verdict: z.enum(["INVALID", "UNAVAILABLE"]),
        reason: z.string(),
        checkedAtBlock: z.number().int().optional(),
      }),
    ),
  })
  .meta({ id: "DeclarationDraft" });
