import { parseCertificateDocument } from "../../../domain/documents/certificate-document.js";
import type { CertificateOfOrigin } from "../../../domain/documents/certificate-of-origin.js";
import { ValidationError } from "../../../domain/errors.js";
import { ElementReader } from "../xml/element-reader.js";
import type { XmlElement } from "../xml/xml-element.js";
import { COO_XML, COO_XML_FIELDS, COO_XML_ROOT } from "./coo-xml-form.js";
import { readShape } from "./xml-shape.js";

/**
 * Reads tradeseal's XML form of a certificate of origin into a validated certificate. Unknown
 * elements are refused (the form is ours, so one is a misspelling); elements may come in any order.
 */
export function readCooXml(root: XmlElement): CertificateOfOrigin {
  const certificate = new ElementReader(root, new Map([[COO_XML, ""]]));
  if (root.namespace !== COO_XML || root.name !== COO_XML_ROOT) {
    throw certificate.problem(
      root.path,
      `is not a certificate of origin; expected ${COO_XML_ROOT} in namespace ${COO_XML}`,
    );
  }
  const fields = { kind: "COO", ...readShape(certificate, COO_XML, COO_XML_FIELDS) };
  try {
    const document = parseCertificateDocument(fields);
    if (document.kind !== "COO") throw new RangeError("the CoO XML form maps to a certificate of origin");
    return document;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(
      `The certificate of origin at ${root.path} is not valid. ${error.message}`,
      error.details,
      {
        cause: error,
      },
    );
  }
}
