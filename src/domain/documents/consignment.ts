import { z } from "zod";
import { hsCodeSchema, packageKindSchema } from "./codes.js";
import { isoDateSchema } from "./iso-date.js";
import { measureSchema, moneySchema } from "./measures.js";
import { omittable } from "./normalize.js";
import { MAX_FREE_TEXT, MAX_IDENTIFIER, MAX_NAME, optionalText, positiveInteger, text } from "./text.js";

/** Packages of one kind, e.g. 600 cartons: { count: 600, kind: "CT" }. */
export const packagesSchema = z.strictObject({
  count: positiveInteger(),
  kind: packageKindSchema,
  description: optionalText(MAX_NAME),
});
export type Packages = z.infer<typeof packagesSchema>;

/** A commercial invoice the certificate refers to. */
export const invoiceSchema = z.strictObject({
  number: text(MAX_IDENTIFIER),
  date: omittable(isoDateSchema),
  value: omittable(moneySchema),
});
export type Invoice = z.infer<typeof invoiceSchema>;

/**
 * Fields of a consignment item that both kinds of certificate have. Items keep the order they
 * are given in; `sequence` is the item number printed on the certificate.
 */
export const commonItemFields = {
  sequence: positiveInteger(),
  hsCode: omittable(hsCodeSchema),
  quantity: omittable(measureSchema),
  grossWeight: omittable(measureSchema),
  netWeight: omittable(measureSchema),
  packages: omittable(z.array(packagesSchema)),
  shippingMarks: optionalText(MAX_FREE_TEXT),
};
