import { z } from "zod";
import { countryCodeSchema } from "./codes.js";
import { invoiceSchema } from "./consignment.js";
import { ISO_COUNTRIES } from "./iso-countries.js";
import { isoDateSchema } from "./iso-date.js";
import { omittable } from "./normalize.js";
import { issuerSchema, partySchema } from "./parties.js";
import { MAX_FREE_TEXT, MAX_IDENTIFIER, optionalText, text } from "./text.js";
import { transportSchema } from "./transport.js";

/** The certificate this one replaces (it becomes SUPERSEDED on chain). */
export const replacementSchema = z.strictObject({
  certificateNumber: text(MAX_IDENTIFIER),
  date: omittable(isoDateSchema),
  reason: optionalText(MAX_FREE_TEXT),
});

/** Document-level fields that certificates of origin and phytosanitary certificates share. */
export const commonDocumentFields = {
  /** As the issuer wrote it; its keccak256 is the `numberHash` on chain. */
  certificateNumber: text(MAX_IDENTIFIER),
  issueDate: isoDateSchema,
  /** Last day the certificate is valid (inclusive). */
  validUntil: omittable(isoDateSchema),
  issuer: issuerSchema,
  /** Exporter (consignor). */
  exporter: partySchema,
  producer: omittable(partySchema),
  /** Consignee (importer). */
  consignee: partySchema,
  exportCountry: countryCodeSchema,
  /** Omitted when the certificate names no importing country. */
  importCountry: omittable(countryCodeSchema),
  transport: omittable(transportSchema),
  invoices: omittable(z.array(invoiceSchema)),
  /** WCO Unique Consignment Reference: shared by the CoO and the ePhyto of one consignment. */
  ucr: optionalText(MAX_IDENTIFIER),
  /** Reference of the export declaration, also shared by the consignment's certificates. */
  exportDeclaration: optionalText(MAX_IDENTIFIER),
  replaces: omittable(replacementSchema),
  remarks: optionalText(MAX_FREE_TEXT),
};

/** What the common rules read; the values may still be malformed where other issues are reported. */
interface CommonDocument {
  certificateNumber: string;
  issueDate: string;
  validUntil?: string | undefined;
  issuer: { country: string };
  exportCountry: string;
  items: { sequence: number }[];
  replaces?: { certificateNumber: string } | undefined;
}

/** Rules across fields that hold for both kinds of certificate. */
export function checkCommonRules(doc: CommonDocument, ctx: z.RefinementCtx): void {
  if (doc.validUntil && doc.validUntil < doc.issueDate) {
    ctx.addIssue({ code: "custom", path: ["validUntil"], message: `must not be before issueDate (${doc.issueDate})` });
  }
  const bothCountries = ISO_COUNTRIES.has(doc.issuer.country) && ISO_COUNTRIES.has(doc.exportCountry);
  if (bothCountries && doc.issuer.country !== doc.exportCountry) {
    ctx.addIssue({
      code: "custom",
      path: ["issuer", "country"],
      message: `must equal exportCountry ("${doc.exportCountry}"): an authority certifies the exports of its own country`,
    });
  }
  const firstIndex = new Map<number, number>();
  doc.items.forEach((item, index) => {
    const first = firstIndex.get(item.sequence);
    if (first === undefined) firstIndex.set(item.sequence, index);
    else {
      ctx.addIssue({
        code: "custom",
        path: ["items", index, "sequence"],
        message: `repeats sequence number ${item.sequence} of items[${first}]; each item needs its own number`,
      });
    }
  });
  if (doc.replaces?.certificateNumber && doc.replaces.certificateNumber === doc.certificateNumber) {
    ctx.addIssue({
      code: "custom",
      path: ["replaces", "certificateNumber"],
      message: "is this certificate's own number; a replacement gets a new number",
    });
  }
}
