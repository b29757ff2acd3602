import { countryCodeSchema, equipmentNumberSchema, transportModeSchema } from "../../../domain/documents/codes.js";
import { parseCertificateDocument } from "../../../domain/documents/certificate-document.js";
import { isoDateSchema } from "../../../domain/documents/iso-date.js";
import type { PhytosanitaryCertificate } from "../../../domain/documents/phytosanitary-certificate.js";
import { ValidationError } from "../../../domain/errors.js";
import { ElementReader } from "../xml/element-reader.js";
import { IDENTIFIER_TEXT, NAME_TEXT } from "../xml/text-schemas.js";
import type { XmlElement } from "../xml/xml-element.js";
import { SpsDocumentNotes } from "./sps-document-notes.js";
import { readSpsIssuer } from "./sps-issuer.js";
import { readSpsParty } from "./sps-party.js";
import { readSpsTradeLineItem } from "./sps-trade-line-item.js";
import { readSpsTreatments, type PlacedProcess } from "./sps-treatments.js";
import { readSpsDate, readSpsLocation } from "./sps-values.js";
import {
  EXPORT_DECLARATION_DOCUMENT,
  INVOICE_DOCUMENT,
  NOTE,
  PHYTO_TYPE_CODE,
  RAM,
  REEXPORT_TYPE_CODE,
  RSM,
  SPS_PREFIXES,
} from "./sps-vocabulary.js";

export interface ReadSpsOptions {
  /** The issuer's tradeseal authority id, when the certificate does not carry it (a foreign NPPO's system). */
  authorityId?: number;
}

/** An invoice value as tradeseal writes it in the reference's `Information`: "186420.00 EUR". */
const INVOICE_VALUE = /^(\d+(?:\.\d+)?)\s+([A-Za-z]{3})$/;

/**
 * Reads an `rsm:SPSCertificate` element into a validated phytosanitary certificate. Optional
 * elements may be absent and elements may come in any order; a malformed value or a missing
 * required element is a `ValidationError` naming its element path.
 */
export function readSpsCertificate(root: XmlElement, options: ReadSpsOptions = {}): PhytosanitaryCertificate {
  const certificate = new ElementReader(root, SPS_PREFIXES);
  if (root.namespace !== RSM || root.name !== "SPSCertificate") {
    throw certificate.problem(root.path, `is not an SPS certificate; expected rsm:SPSCertificate in namespace ${RSM}`);
  }
  const header = certificate.required(RSM, "SPSExchangedDocument", "the exchanged document (number, type, issue date)");
  const consignment = certificate.required(RSM, "SPSConsignment", "the consignment (parties, countries, items)");
  const notes = new SpsDocumentNotes(header);

  const typeCode = header.required(RAM, "TypeCode", `the document type (${PHYTO_TYPE_CODE} or ${REEXPORT_TYPE_CODE})`);
  const reExport = typeCode.text.trim() === REEXPORT_TYPE_CODE;
  if (!reExport && typeCode.text.trim() !== PHYTO_TYPE_CODE) {
    throw typeCode.problem(
      typeCode.path,
      `is "${typeCode.text.trim()}"; expected ${PHYTO_TYPE_CODE} (phytosanitary certificate) or ${REEXPORT_TYPE_CODE} (re-export)`,
    );
  }
  const exportCountry = consignment
    .required(RAM, "ExportSPSCountry", "the exporting country")
    .required(RAM, "ID", "the exporting country's ISO 3166-1 alpha-2 code")
    .value(countryCodeSchema);
  const importCountry = consignment.optional(RAM, "ImportSPSCountry")?.optionalValue(countryCodeSchema, RAM, "ID");

  const lines = consignment
    .all(RAM, "IncludedSPSConsignmentItem")
    .flatMap((item) => item.all(RAM, "IncludedSPSTradeLineItem"));
  if (lines.length === 0) {
    throw consignment.problem(
      `${consignment.path}/ram:IncludedSPSConsignmentItem/ram:IncludedSPSTradeLineItem`,
      "missing; add at least one trade line item",
    );
  }
  const items = lines.map((line, index) => readSpsTradeLineItem(line, index + 1));
  const placed: PlacedProcess[] = lines.flatMap((line, index) =>
    line.all(RAM, "AppliedSPSProcess").map((process) => ({ sequence: items[index].sequence, process })),
  );
  const movement = consignment.all(RAM, "MainCarriageSPSTransportMovement")[0];
  const examination = consignment.optional(RAM, "ExaminationSPSEvent");
  const references = header.all(RAM, "ReferenceSPSReferencedDocument");
  const reference = (type: string) =>
    references.filter((document) => document.optional(RAM, "TypeCode")?.text.trim() === type);

  const document = {
    kind: "PHYTO",
    certificateType: reExport ? "PHYTO_REEXPORT" : "PHYTO",
    certificateNumber: header.required(RAM, "ID", "the certificate number").value(IDENTIFIER_TEXT),
    issueDate: readSpsDate(header.required(RAM, "IssueDateTime", "the issue date")),
    validUntil: notes.value(NOTE.validUntil, isoDateSchema),
    issuer: readSpsIssuer(header, exportCountry, options.authorityId),
    exporter: readSpsParty(consignment.required(RAM, "ConsignorSPSParty", "the consignor (exporter)"), exportCountry),
    producer: notes.party(NOTE.producer),
    consignee: readSpsParty(consignment.required(RAM, "ConsigneeSPSParty", "the consignee (importer)"), importCountry),
    exportCountry,
    importCountry,
    transport: {
      mode: movement?.optionalValue(transportModeSchema, RAM, "ModeCode"),
      conveyance: movement?.optional(RAM, "UsedSPSTransportMeans")?.optionalValue(NAME_TEXT, RAM, "Name"),
      voyageNumber: movement?.optionalValue(IDENTIFIER_TEXT, RAM, "ID"),
      loading: readSpsLocation(consignment.optional(RAM, "LoadingBaseportSPSLocation")),
      discharge: notes.place(NOTE.discharge),
      transitCountries: consignment
        .all(RAM, "TransitSPSCountry")
        .map((country) => country.required(RAM, "ID", "the transit country's code").value(countryCodeSchema)),
      departureDate: notes.value(NOTE.departureDate, isoDateSchema),
      containers: consignment.all(RAM, "UtilizedSPSTransportEquipment").map((equipment) => ({
        number: equipment.required(RAM, "ID", "the container number").value(equipmentNumberSchema),
        seals: equipment
          .all(RAM, "AffixedSPSSeal")
          .map((seal) => seal.required(RAM, "ID", "the seal number").value(IDENTIFIER_TEXT)),
      })),
    },
    invoices: reference(INVOICE_DOCUMENT).map((invoice) => {
      const value = INVOICE_VALUE.exec(invoice.optional(RAM, "Information")?.text.trim() ?? "");
      const date = invoice.optional(RAM, "IssueDateTime");
      return {
        number: invoice.required(RAM, "ID", "the invoice number").value(IDENTIFIER_TEXT),
        date: date && readSpsDate(date),
        value: value ? { amount: value[1], currency: value[2] } : undefined,
      };
    }),
    ucr: consignment.optionalValue(IDENTIFIER_TEXT, RAM, "ID"),
    exportDeclaration: reference(EXPORT_DECLARATION_DOCUMENT)[0]?.optionalValue(IDENTIFIER_TEXT, RAM, "ID"),
    replaces: notes.replacement(),
    remarks: notes.text(NOTE.remarks),
    items,
    treatments: readSpsTreatments(
      placed,
      items.map((item) => item.sequence),
    ),
    additionalDeclarations: notes.additionalDeclarations(),
    pointOfEntry: readSpsLocation(consignment.optional(RAM, "UnloadingBaseportSPSLocation")),
    distinguishingMarks: notes.text(NOTE.distinguishingMarks),
    inspection: {
      date: notes.value(NOTE.inspectionDate, isoDateSchema),
      place: examination?.optional(RAM, "OccurrenceSPSLocation")?.optionalValue(NAME_TEXT, RAM, "Name"),
    },
    reExport: notes.reExport(reExport),
  };
  return asPhyto(document, root.path);
}

/** The mapped fields, validated and normalized as any certificate document is. */
function asPhyto(fields: unknown, path: string): PhytosanitaryCertificate {
  try {
    const document = parseCertificateDocument(fields);
    if (document.kind !== "PHYTO") throw new RangeError("an SPS certificate maps to a phytosanitary certificate");
    return document;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(
      `The SPS certificate at ${path} does not make a valid ePhyto. ${error.message}`,
      error.details,
      {
        cause: error,
      },
    );
  }
}
