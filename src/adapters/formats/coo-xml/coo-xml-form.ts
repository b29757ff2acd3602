import type { z } from "zod";
import {
  countryCodeSchema,
  equipmentNumberSchema,
  hsCodeSchema,
  locodeSchema,
  originCriterionSchema,
  packageKindSchema,
  schemeCodeSchema,
  transportModeSchema,
} from "../../../domain/documents/codes.js";
import { isoDateSchema } from "../../../domain/documents/iso-date.js";
import { MAX_FREE_TEXT, MAX_IDENTIFIER, MAX_NAME, blankableText } from "../../../domain/documents/text.js";
import type { FieldShape, ValueShape } from "./xml-shape.js";

/** The namespace of tradeseal's XML form of a certificate of origin. */
export const COO_XML = "urn:tradeseal:certificate-of-origin:1";
export const COO_XML_ROOT = "CertificateOfOrigin";

const text = (max: number): ValueShape => ({ kind: "text", schema: blankableText(max) });
const coded = (schema: z.ZodType<string>): ValueShape => ({ kind: "text", schema });
const country: ValueShape = coded(countryCodeSchema);
const date: ValueShape = coded(isoDateSchema);
const measure: ValueShape = { kind: "measure" };
const money: ValueShape = { kind: "money" };
const flag: ValueShape = { kind: "flag" };
const object = (fields: readonly FieldShape[]): ValueShape => ({ kind: "object", fields });

const party = object([
  { element: "Name", key: "name", shape: text(MAX_NAME), required: "the party's name" },
  { element: "AddressLine", key: "addressLines", shape: text(MAX_NAME), many: true },
  { element: "City", key: "city", shape: text(MAX_NAME) },
  { element: "Postcode", key: "postcode", shape: text(MAX_IDENTIFIER) },
  { element: "CountrySubdivision", key: "countrySubdivision", shape: text(MAX_NAME) },
  { element: "Country", key: "country", shape: country, required: "the party's country (ISO 3166-1 alpha-2)" },
  {
    element: "Identifier",
    key: "identifiers",
    many: true,
    shape: object([
      { element: "Scheme", key: "scheme", shape: coded(schemeCodeSchema), required: "the register, e.g. EORI" },
      { element: "Value", key: "value", shape: text(MAX_IDENTIFIER), required: "the identifier" },
    ]),
  },
]);

const place = object([
  { element: "Code", key: "code", shape: coded(locodeSchema) },
  { element: "Name", key: "name", shape: text(MAX_NAME) },
]);

const transport = object([
  { element: "Mode", key: "mode", shape: coded(transportModeSchema) },
  { element: "Conveyance", key: "conveyance", shape: text(MAX_NAME) },
  { element: "VoyageNumber", key: "voyageNumber", shape: text(MAX_IDENTIFIER) },
  { element: "Loading", key: "loading", shape: place },
  { element: "Discharge", key: "discharge", shape: place },
  { element: "TransitCountry", key: "transitCountries", shape: country, many: true },
  { element: "DepartureDate", key: "departureDate", shape: date },
  {
    element: "Container",
    key: "containers",
    many: true,
    shape: object([
      { element: "Number", key: "number", shape: coded(equipmentNumberSchema), required: "the container number" },
      { element: "Seal", key: "seals", shape: text(MAX_IDENTIFIER), many: true },
    ]),
  },
]);

const item = object([
  { element: "Sequence", key: "sequence", shape: { kind: "integer" }, required: "the item number" },
  { element: "Description", key: "description", shape: text(MAX_FREE_TEXT), required: "the goods' description" },
  { element: "HsCode", key: "hsCode", shape: coded(hsCodeSchema), required: "the HS code" },
  { element: "OriginCountry", key: "originCountry", shape: country, required: "the country of origin" },
  { element: "OriginCriterion", key: "originCriterion", shape: coded(originCriterionSchema) },
  { element: "FobValue", key: "fobValue", shape: money },
  { element: "Quantity", key: "quantity", shape: measure },
  { element: "GrossWeight", key: "grossWeight", shape: measure },
  { element: "NetWeight", key: "netWeight", shape: measure },
  {
    element: "Packages",
    key: "packages",
    many: true,
    shape: object([
      { element: "Count", key: "count", shape: { kind: "integer" }, required: "the number of packages" },
      { element: "Kind", key: "kind", shape: coded(packageKindSchema), required: "the package type (UN/ECE Rec 21)" },
      { element: "Description", key: "description", shape: text(MAX_NAME) },
    ]),
  },
  { element: "ShippingMarks", key: "shippingMarks", shape: text(MAX_FREE_TEXT) },
]);

/**
 * The XML form of a certificate of origin: one element per model field, named after it, lists as
 * repeated elements, in the order below (any order is read). Reading checks every value where it
 * stands; `parseCertificateDocument` then applies the rules across fields.
 */
export const COO_XML_FIELDS: readonly FieldShape[] = [
  {
    element: "CertificateType",
    key: "certificateType",
    shape: text(MAX_IDENTIFIER),
    required: "COO_PREFERENTIAL or COO_NONPREFERENTIAL",
  },
  {
    element: "CertificateNumber",
    key: "certificateNumber",
    shape: text(MAX_IDENTIFIER),
    required: "the certificate number",
  },
  { element: "IssueDate", key: "issueDate", shape: date, required: "the issue date (YYYY-MM-DD)" },
  { element: "ValidUntil", key: "validUntil", shape: date, required: "the last day of validity (YYYY-MM-DD)" },
  {
    element: "Issuer",
    key: "issuer",
    required: "the issuing authority",
    shape: object([
      {
        element: "AuthorityId",
        key: "authorityId",
        shape: { kind: "integer", max: 2 ** 32 - 1 },
        required: "the authority's tradeseal id",
      },
      { element: "Name", key: "name", shape: text(MAX_NAME), required: "the authority's name" },
      { element: "Country", key: "country", shape: country, required: "the authority's country" },
      { element: "PlaceOfIssue", key: "placeOfIssue", shape: text(MAX_NAME) },
      { element: "SignatoryName", key: "signatoryName", shape: text(MAX_NAME) },
      { element: "SignatoryTitle", key: "signatoryTitle", shape: text(MAX_NAME) },
    ]),
  },
  { element: "Exporter", key: "exporter", shape: party, required: "the exporter" },
  { element: "Producer", key: "producer", shape: party },
  { element: "Consignee", key: "consignee", shape: party, required: "the consignee" },
  { element: "ExportCountry", key: "exportCountry", shape: country, required: "the exporting country" },
  { element: "ImportCountry", key: "importCountry", shape: country },
  { element: "Transport", key: "transport", shape: transport },
  {
    element: "Invoice",
    key: "invoices",
    many: true,
    shape: object([
      { element: "Number", key: "number", shape: text(MAX_IDENTIFIER), required: "the invoice number" },
      { element: "Date", key: "date", shape: date },
      { element: "Value", key: "value", shape: money },
    ]),
  },
  { element: "Ucr", key: "ucr", shape: text(MAX_IDENTIFIER) },
  { element: "ExportDeclaration", key: "exportDeclaration", shape: text(MAX_IDENTIFIER) },
  {
    element: "Replaces",
    key: "replaces",
    shape: object([
      {
        element: "CertificateNumber",
        key: "certificateNumber",
        shape: text(MAX_IDENTIFIER),
        required: "the replaced certificate's number",
      },
      { element: "Date", key: "date", shape: date },
      { element: "Reason", key: "reason", shape: text(MAX_FREE_TEXT) },
    ]),
  },
  { element: "Remarks", key: "remarks", shape: text(MAX_FREE_TEXT) },
  { element: "Item", key: "items", shape: item, many: true },
  {
    element: "CertifiedQuantity",
    key: "certifiedQuantity",
    shape: measure,
    required: "the certified quantity with its unit",
  },
  { element: "PreferenceScheme", key: "preferenceScheme", shape: coded(schemeCodeSchema) },
  {
    element: "Cumulation",
    key: "cumulation",
    shape: object([
      { element: "Type", key: "type", shape: coded(schemeCodeSchema), required: "the type of cumulation" },
      { element: "Country", key: "countries", shape: country, many: true },
    ]),
  },
  { element: "InvoicingParty", key: "invoicingParty", shape: party },
  {
    element: "BackToBack",
    key: "backToBack",
    shape: object([
      {
        element: "OriginalCertificateNumber",
        key: "originalCertificateNumber",
        shape: text(MAX_IDENTIFIER),
        required: "the original certificate's number",
      },
      { element: "OriginalIssueDate", key: "originalIssueDate", shape: date },
      {
        element: "OriginalCountry",
        key: "originalCountry",
        shape: country,
        required: "the original certificate's country",
      },
    ]),
  },
  {
    element: "ExporterDeclaration",
    key: "exporterDeclaration",
    shape: object([
      { element: "Place", key: "place", shape: text(MAX_NAME) },
      { element: "Date", key: "date", shape: date },
      { element: "SignatoryName", key: "signatoryName", shape: text(MAX_NAME) },
    ]),
  },
  { element: "IssuedRetrospectively", key: "issuedRetrospectively", shape: flag },
  { element: "CertifiedTrueCopy", key: "certifiedTrueCopy", shape: flag },
  { element: "Exhibition", key: "exhibition", shape: flag },
  { element: "DeMinimis", key: "deMinimis", shape: flag },
];
