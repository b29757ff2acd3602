import type { PhytosanitaryCertificate } from "../../../domain/documents/phytosanitary-certificate.js";
import type { Place } from "../../../domain/documents/transport.js";
import type { XmlNode } from "../xml/xml-element.js";
import { xmlNode } from "../xml/xml-node.js";
import { writeXml } from "../xml/write-xml.js";
import { spsNoteNode } from "./sps-notes.js";
import { spsIssuerNodes } from "./sps-issuer.js";
import { spsPartyNode } from "./sps-party.js";
import { spsTradeLineItemNode } from "./sps-trade-line-item.js";
import { placeSpsTreatments } from "./sps-treatments.js";
import { spsDateNode, spsLocationNode } from "./sps-values.js";
import {
  EXPORT_DECLARATION_DOCUMENT,
  INVOICE_DOCUMENT,
  ISSUED_STATUS_CODE,
  NOTE,
  PHYTO_TYPE_CODE,
  RAM,
  REEXPORT_TYPE_CODE,
  RSM,
  SPS_PREFIXES,
} from "./sps-vocabulary.js";

/**
 * The certificate as UN/CEFACT SPS Certificate XML (`rsm:SPSCertificate`, as the IPPC ePhyto
 * Hub exchanges it). Reading it back with `readSpsCertificate` gives an equal certificate.
 * Expects a certificate as `parseCertificateDocument` returns it.
 */
export function writeSpsCertificate(certificate: PhytosanitaryCertificate): string {
  return writeXml(spsCertificateNode(certificate), SPS_PREFIXES);
}

function spsCertificateNode(doc: PhytosanitaryCertificate): XmlNode {
  return xmlNode(RSM, "SPSCertificate", [exchangedDocumentNode(doc), consignmentNode(doc)])!;
}

function exchangedDocumentNode(doc: PhytosanitaryCertificate): XmlNode | undefined {
  const reExport = doc.certificateType === "PHYTO_REEXPORT";
  const note = (subject: string, content: string | undefined, code?: string) =>
    spsNoteNode("IncludedSPSNote", subject, content, code);
  const flag = (value: boolean | undefined) => (value ? "True" : "False");
  const issuerNodes = spsIssuerNodes(doc.issuer, doc.issueDate);
  return xmlNode(RSM, "SPSExchangedDocument", [
    xmlNode(RAM, "Name", reExport ? "Phytosanitary Certificate for Re-Export" : "Phytosanitary Certificate"),
    xmlNode(RAM, "ID", doc.certificateNumber),
    xmlNode(RAM, "TypeCode", reExport ? REEXPORT_TYPE_CODE : PHYTO_TYPE_CODE),
    xmlNode(RAM, "StatusCode", ISSUED_STATUS_CODE),
    spsDateNode("IssueDateTime", doc.issueDate),
    issuerNodes.party,
    ...(doc.additionalDeclarations ?? []).map((declaration) =>
      note(NOTE.additionalDeclaration, declaration.text, declaration.code),
    ),
    note(NOTE.distinguishingMarks, doc.distinguishingMarks),
    ...(doc.replaces
      ? [
          note(NOTE.replacedNumber, doc.replaces.certificateNumber),
          note(NOTE.replacementReason, doc.replaces.reason),
          note(NOTE.replacementDate, doc.replaces.date),
        ]
      : []),
    ...(doc.reExport
      ? [
          note(NOTE.reExportOriginCountry, doc.reExport.originCountry),
          note(NOTE.reExportOriginalNumber, doc.reExport.originalCertificateNumber),
          note(NOTE.reExportRepacked, flag(doc.reExport.repacked)),
          note(NOTE.reExportNewContainers, flag(doc.reExport.newContainers)),
          note(NOTE.reExportAdditionalInspection, flag(doc.reExport.additionalInspection)),
        ]
      : []),
    note(NOTE.validUntil, doc.validUntil),
    note(NOTE.remarks, doc.remarks),
    doc.producer && note(NOTE.producer, JSON.stringify(doc.producer)),
    note(NOTE.inspectionDate, doc.inspection?.date),
    placeNote(NOTE.discharge, doc.transport?.discharge),
    note(NOTE.departureDate, doc.transport?.departureDate),
    ...(doc.invoices ?? []).map((invoice) =>
      xmlNode(RAM, "ReferenceSPSReferencedDocument", [
        spsDateNode("IssueDateTime", invoice.date),
        xmlNode(RAM, "TypeCode", INVOICE_DOCUMENT),
        xmlNode(RAM, "ID", invoice.number),
        xmlNode(RAM, "Information", invoice.value && `${invoice.value.amount} ${invoice.value.currency}`),
      ]),
    ),
    doc.exportDeclaration === undefined
      ? undefined
      : xmlNode(RAM, "ReferenceSPSReferencedDocument", [
          xmlNode(RAM, "TypeCode", EXPORT_DECLARATION_DOCUMENT),
          xmlNode(RAM, "ID", doc.exportDeclaration),
        ]),
    issuerNodes.signatory,
  ]);
}

function placeNote(subject: string, place: Place | undefined): XmlNode | undefined {
  return place && spsNoteNode("IncludedSPSNote", subject, place.name ?? "", place.code);
}

function consignmentNode(doc: PhytosanitaryCertificate): XmlNode | undefined {
  const { transport } = doc;
  const sequences = doc.items.map((item) => item.sequence);
  const processes = placeSpsTreatments(doc.treatments ?? [], sequences);
  const country = (name: string, code: string | undefined) =>
    code === undefined ? undefined : xmlNode(RAM, name, [xmlNode(RAM, "ID", code)]);
  return xmlNode(RSM, "SPSConsignment", [
    xmlNode(RAM, "ID", doc.ucr),
    spsPartyNode("ConsignorSPSParty", doc.exporter),
    spsPartyNode("ConsigneeSPSParty", doc.consignee),
    country("ExportSPSCountry", doc.exportCountry),
    spsLocationNode("LoadingBaseportSPSLocation", transport?.loading),
    country("ImportSPSCountry", doc.importCountry),
    ...(transport?.transitCountries ?? []).map((code) => country("TransitSPSCountry", code)),
    spsLocationNode("UnloadingBaseportSPSLocation", doc.pointOfEntry),
    xmlNode(RAM, "ExaminationSPSEvent", [
      xmlNode(RAM, "OccurrenceSPSLocation", [xmlNode(RAM, "Name", doc.inspection?.place)]),
    ]),
    xmlNode(RAM, "MainCarriageSPSTransportMovement", [
      xmlNode(RAM, "ID", transport?.voyageNumber),
      xmlNode(RAM, "ModeCode", transport?.mode),
      xmlNode(RAM, "UsedSPSTransportMeans", [xmlNode(RAM, "Name", transport?.conveyance)]),
    ]),
    ...(transport?.containers ?? []).map((container) =>
      xmlNode(RAM, "UtilizedSPSTransportEquipment", [
        xmlNode(RAM, "ID", container.number),
        ...(container.seals ?? []).map((seal) => xmlNode(RAM, "AffixedSPSSeal", [xmlNode(RAM, "ID", seal)])),
      ]),
    ),
    xmlNode(RAM, "IncludedSPSConsignmentItem", [
      ...doc.items.map((item) => spsTradeLineItemNode(item, processes.get(item.sequence) ?? [])),
    ]),
  ]);
}
