import type { CertificateDocument } from "../../domain/documents/certificate-document.js";

/** A certificate read from one of its XML forms. */
export interface XmlCertificate {
  document: CertificateDocument;
  format: string;
}

/** The XML trade forms: UN/CEFACT SPS (ePhyto), the hub envelope, the e-CoO XML. */
export interface CertificateFormats {
  /** Reads (and validates) a certificate from XML; throws `ValidationError` naming what is wrong. */
  readXml(xml: string | Uint8Array): XmlCertificate;
  /** The certificate in its XML form: SPS for an ePhyto, e-CoO XML for a CoO. */
  writeXml(document: CertificateDocument): string;
}
