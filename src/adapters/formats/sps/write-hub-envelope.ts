import type { PhytosanitaryCertificate } from "../../../domain/documents/phytosanitary-certificate.js";
import { ValidationError } from "../../../domain/errors.js";
import { writeXml } from "../xml/write-xml.js";
import { xmlNode } from "../xml/xml-node.js";
import { HUB, type HubEnvelopeHeader } from "./hub-envelope-header.js";
import { ISSUED_STATUS_CODE, PHYTO_TYPE_CODE, REEXPORT_TYPE_CODE } from "./sps-vocabulary.js";
import { writeSpsCertificate } from "./write-sps-certificate.js";

export interface WriteHubEnvelopeOptions {
  /** The certificate XML as escaped text (default) or as base64. */
  content?: "xml" | "base64";
  certificateStatus?: string;
  hubDeliveryNumber?: string;
}

/**
 * An ePhyto Hub `Envelope` for the certificate: the header the Hub routes by, from the exporting
 * to the importing country, and the SPS certificate XML as its `Content`.
 */
export function writeHubEnvelope(
  certificate: PhytosanitaryCertificate,
  options: WriteHubEnvelopeOptions = {},
): { xml: string; header: HubEnvelopeHeader } {
  if (certificate.importCountry === undefined) {
    throw new ValidationError(
      `Certificate ${certificate.certificateNumber} names no importing country, and the ePhyto Hub delivers to ` +
        "the importing country's NPPO: give importCountry and try again.",
    );
  }
  const header: HubEnvelopeHeader = {
    from: certificate.exportCountry,
    to: certificate.importCountry,
    certificateType: certificate.certificateType === "PHYTO_REEXPORT" ? REEXPORT_TYPE_CODE : PHYTO_TYPE_CODE,
    certificateStatus: options.certificateStatus ?? ISSUED_STATUS_CODE,
    nppoCertificateNumber: certificate.certificateNumber,
    hubDeliveryNumber: options.hubDeliveryNumber,
  };
  const sps = writeSpsCertificate(certificate);
  const content = options.content === "base64" ? Buffer.from(sps, "utf8").toString("base64") : sps;
  const envelope = xmlNode(HUB, "Envelope", [
    xmlNode(HUB, "From", header.from),
    xmlNode(HUB, "To", header.to),
    xmlNode(HUB, "CertificateType", header.certificateType),
    xmlNode(HUB, "CertificateStatus", header.certificateStatus),
    xmlNode(HUB, "NPPOCertificateNumber", header.nppoCertificateNumber),
    xmlNode(HUB, "hubDeliveryNumber", header.hubDeliveryNumber),
    xmlNode(HUB, "Content", content),
  ])!;
  return { xml: writeXml(envelope, new Map([[HUB, ""]])), header };
}
