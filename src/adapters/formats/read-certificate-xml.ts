import type { CertificateDocument } from "../../domain/documents/certificate-document.js";
import { ValidationError } from "../../domain/errors.js";
import { COO_XML, COO_XML_ROOT } from "./coo-xml/coo-xml-form.js";
import { readCooXml } from "./coo-xml/read-coo-xml.js";
import { writeCooXml } from "./coo-xml/write-coo-xml.js";
import { HUB, type HubEnvelopeHeader } from "./sps/hub-envelope-header.js";
import { readHubEnvelope } from "./sps/read-hub-envelope.js";
import { readSpsCertificate } from "./sps/read-sps-certificate.js";
import { RSM } from "./sps/sps-vocabulary.js";
import { writeSpsCertificate } from "./sps/write-sps-certificate.js";
import { DEFAULT_XML_LIMITS, readXml, type XmlLimits } from "./xml/read-xml.js";

export type CertificateXmlFormat = "sps" | "hub-envelope" | "coo-xml";

export interface CertificateXml {
  /** Validated and normalized, as `parseCertificateDocument` returns it. */
  document: CertificateDocument;
  format: CertificateXmlFormat;
  /** The Hub's routing header, when the certificate came in a Hub envelope. */
  envelope?: HubEnvelopeHeader;
}

export interface ReadCertificateXmlOptions {
  limits?: XmlLimits;
  /** The issuing authority's tradeseal id, for an SPS certificate that does not carry it. */
  authorityId?: number;
}

const ACCEPTED = [
  `rsm:SPSCertificate in ${RSM} (UN/CEFACT SPS certificate, ePhyto)`,
  `Envelope in ${HUB} (IPPC ePhyto Hub envelope)`,
  `${COO_XML_ROOT} in ${COO_XML} (tradeseal certificate of origin)`,
];

/**
 * Reads a certificate sent as XML, whichever form it comes in, chosen by the root element's
 * namespace and name: an SPS certificate, a Hub envelope around one, or a certificate of origin
 * in tradeseal's XML form. Parsing is safe (see readXml); any problem is a `ValidationError`.
 */
export function readCertificateXml(xml: string | Uint8Array, options: ReadCertificateXmlOptions = {}): CertificateXml {
  const limits = options.limits ?? DEFAULT_XML_LIMITS;
  const root = readXml(xml, limits);
  if (root.namespace === RSM && root.name === "SPSCertificate") {
    return { document: readSpsCertificate(root, options), format: "sps" };
  }
  if (root.namespace === HUB && root.name === "Envelope") {
    const { header, certificate } = readHubEnvelope(root, { ...options, limits });
    return { document: certificate, format: "hub-envelope", envelope: header };
  }
  if (root.namespace === COO_XML && root.name === COO_XML_ROOT) {
    return { document: readCooXml(root), format: "coo-xml" };
  }
  throw new ValidationError(
    `The XML's root element is ${root.name} in namespace "${root.namespace}", which is not a certificate form ` +
      `tradeseal reads. Send one of: ${ACCEPTED.join("; ")}.`,
    { namespace: root.namespace, name: root.name },
  );
}

/** The certificate as XML: an SPS certificate for an ePhyto, tradeseal's CoO XML form for a certificate of origin. */
export function writeCertificateXml(document: CertificateDocument): string {
  return document.kind === "PHYTO" ? writeSpsCertificate(document) : writeCooXml(document);
}
