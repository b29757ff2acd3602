import type { CertificateOfOrigin } from "../../../domain/documents/certificate-of-origin.js";
import { writeXml } from "../xml/write-xml.js";
import { COO_XML, COO_XML_FIELDS, COO_XML_ROOT } from "./coo-xml-form.js";
import { writeShape } from "./xml-shape.js";

/** The certificate of origin in tradeseal's XML form; `readCooXml` reads it back equal. */
export function writeCooXml(certificate: CertificateOfOrigin): string {
  const { kind: _kind, ...fields } = certificate;
  return writeXml(writeShape(COO_XML, COO_XML_ROOT, fields, COO_XML_FIELDS)!, new Map([[COO_XML, ""]]));
}
