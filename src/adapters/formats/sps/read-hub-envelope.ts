import { z } from "zod";
import { countryCodeSchema } from "../../../domain/documents/codes.js";
import type { PhytosanitaryCertificate } from "../../../domain/documents/phytosanitary-certificate.js";
import { ElementReader } from "../xml/element-reader.js";
import { DEFAULT_XML_LIMITS, readXml, type XmlLimits } from "../xml/read-xml.js";
import { FREE_TEXT, IDENTIFIER_TEXT } from "../xml/text-schemas.js";
import type { XmlElement } from "../xml/xml-element.js";
import { HUB, HUB_TRACKING_STATES, type HubEnvelopeHeader } from "./hub-envelope-header.js";
import { readSpsCertificate, type ReadSpsOptions } from "./read-sps-certificate.js";
import { PHYTO_TYPE_CODE, REEXPORT_TYPE_CODE, RSM, SPS_PREFIXES } from "./sps-vocabulary.js";

const codeSchema = z
  .string()
  .trim()
  .regex(/^\d{1,3}$/, "expected a numeric code, e.g. 851 or 70");
const BASE64 = /^[A-Za-z0-9+/\s]+={0,2}\s*$/;

export interface ReadHubEnvelopeOptions extends ReadSpsOptions {
  /** Limits for the SPS certificate inside the envelope; the envelope's own were checked when it was read. */
  limits?: XmlLimits;
}

/**
 * Reads an ePhyto Hub `Envelope`: its header, and the SPS certificate in its `Content` (XML as
 * text, or base64 of it), read as safely as the envelope itself. The header must agree with the
 * certificate it carries (number, type, countries).
 */
export function readHubEnvelope(
  root: XmlElement,
  options: ReadHubEnvelopeOptions = {},
): { header: HubEnvelopeHeader; certificate: PhytosanitaryCertificate } {
  const envelope = new ElementReader(root, new Map([[HUB, ""], ...SPS_PREFIXES]));
  if (root.namespace !== HUB || root.name !== "Envelope") {
    throw envelope.problem(root.path, `is not an ePhyto Hub envelope; expected Envelope in namespace ${HUB}`);
  }
  const field = (name: string, hint: string) => envelope.required(HUB, name, hint);
  const tracking = envelope.optional(HUB, "HUBTrackingInfo");
  const header: HubEnvelopeHeader = {
    from: field("From", "the exporting NPPO's country code").value(countryCodeSchema),
    to: field("To", "the importing NPPO's country code").value(countryCodeSchema),
    certificateType: field(
      "CertificateType",
      `the certificate type (${PHYTO_TYPE_CODE} or ${REEXPORT_TYPE_CODE})`,
    ).value(codeSchema),
    certificateStatus: field("CertificateStatus", "the certificate status code (70 when issued)").value(codeSchema),
    nppoCertificateNumber: field("NPPOCertificateNumber", "the certificate number").value(IDENTIFIER_TEXT),
    hubDeliveryNumber: envelope.optionalValue(IDENTIFIER_TEXT, HUB, "hubDeliveryNumber"),
    hubTrackingInfo: tracking?.value(
      z.enum(HUB_TRACKING_STATES, { error: `expected one of ${HUB_TRACKING_STATES.join(", ")}` }),
    ),
    hubDeliveryErrorMessage: envelope.optionalValue(FREE_TEXT, HUB, "hubDeliveryErrorMessage"),
  };
  const content = field("Content", "the SPS certificate XML");
  const written = content.text.trim();
  const inner = written.startsWith("<") ? written : decodeBase64(written, content);
  const spsRoot = readXml(inner, options.limits ?? DEFAULT_XML_LIMITS, content.path);
  if (spsRoot.namespace !== RSM || spsRoot.name !== "SPSCertificate") {
    throw content.problem(spsRoot.path, `is not an SPS certificate; expected rsm:SPSCertificate in namespace ${RSM}`);
  }
  const certificate = readSpsCertificate(spsRoot, options);
  checkAgreement(envelope, header, certificate);
  return { header, certificate };
}

function decodeBase64(written: string, content: ElementReader): Uint8Array {
  if (written === "" || !BASE64.test(written)) {
    throw content.problem(content.path, "holds neither SPS certificate XML nor base64 of it");
  }
  return Buffer.from(written, "base64");
}

function checkAgreement(envelope: ElementReader, header: HubEnvelopeHeader, certificate: PhytosanitaryCertificate) {
  const typeCode = certificate.certificateType === "PHYTO_REEXPORT" ? REEXPORT_TYPE_CODE : PHYTO_TYPE_CODE;
  const disagreements: [string, string, string | undefined][] = [
    ["NPPOCertificateNumber", header.nppoCertificateNumber, certificate.certificateNumber],
    ["CertificateType", header.certificateType, typeCode],
    ["From", header.from, certificate.exportCountry],
    ["To", header.to, certificate.importCountry ?? header.to],
  ];
  for (const [name, said, carried] of disagreements) {
    if (said !== carried) {
      throw envelope.problem(
        `${envelope.path}/${name}`,
        `says "${said}" but the certificate it carries says "${carried}"; make the envelope header match its certificate`,
      );
    }
  }
}
