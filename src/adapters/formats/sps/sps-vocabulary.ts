/**
 * The SPS Certificate namespaces as the IPPC ePhyto Hub binds them (SPSCertificate:17 with
 * RABIE:21; the qualified data types carry a capital S in "Standard", as the Hub's WSDL has it),
 * and the codes tradeseal reads and writes in them.
 */
export const RSM = "urn:un:unece:uncefact:data:standard:SPSCertificate:17";
export const RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:21";
export const UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:21";
export const QDT = "urn:un:unece:uncefact:data:Standard:QualifiedDataType:21";

export const SPS_PREFIXES: ReadonlyMap<string, string> = new Map([
  [RSM, "rsm"],
  [RAM, "ram"],
  [UDT, "udt"],
  [QDT, "qdt"],
]);

/** Document type codes: phytosanitary certificate and phytosanitary certificate for re-export. */
export const PHYTO_TYPE_CODE = "851";
export const REEXPORT_TYPE_CODE = "657";

/** Status code of an issued certificate, as the Hub's clients send it. */
export const ISSUED_STATUS_CODE = "70";

/** The scheme of the issuer's id when it is tradeseal's authority id. */
export const AUTHORITY_SCHEME = "urn:tradeseal:authority";

/** Referenced document type codes (UN/EDIFACT 1001): commercial invoice, export goods declaration. */
export const INVOICE_DOCUMENT = "380";
export const EXPORT_DECLARATION_DOCUMENT = "830";

/** Classification system of the HS code. */
export const HS_SYSTEM = "HS";

/** Package level written for the packages of a line (outer packaging). */
export const PACKAGE_LEVEL = "1";

/** Subjects of the document's notes. */
export const NOTE = {
  additionalDeclaration: "ADEDL",
  distinguishingMarks: "DMCL",
  replacedNumber: "ADRPN",
  replacementReason: "ADRPR",
  replacementDate: "ADRD",
  reExportOriginCountry: "RPCCO",
  reExportOriginalNumber: "RPCRF",
  /** The ISPM 12 re-export boxes; their Hub codes are inferred from the RPC* family. */
  reExportRepacked: "RPCRP",
  reExportNewContainers: "RPCNC",
  reExportAdditionalInspection: "RPCAI",
  /** Fields of tradeseal's model that the SPS form has no element for: notes of tradeseal's own. */
  validUntil: "TS-VALID-UNTIL",
  remarks: "TS-REMARKS",
  producer: "TS-PRODUCER",
  inspectionDate: "TS-INSPECTION-DATE",
  discharge: "TS-DISCHARGE",
  departureDate: "TS-DEPARTURE-DATE",
} as const;

/** Subjects of a trade line item's notes. */
export const ITEM_NOTE = {
  shippingMarks: "DMCL",
  quantity: "TS-QUANTITY",
} as const;

/** Treatment characteristics (`ApplicableSPSProcessCharacteristic/TypeCode`). */
export const TREATMENT = {
  type: "TTL1",
  subtype: "TTL2",
  chemical: "TTCH",
  concentration: "TTCO",
  temperature: "TTTM",
  additionalInfo: "TTAI",
  /** Which treatment of the certificate a process is, when placement alone cannot say (see sps-treatments.ts). */
  reference: "TS-TREATMENT",
} as const;

/** Hierarchical levels of a place of origin's subdivisions: region, then place of production. */
export const REGION_LEVEL = "1";
export const PLACE_LEVEL = "2";
