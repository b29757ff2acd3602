import { expect } from "chai";
import { readFileSync } from "node:fs";
import { readCertificateXml, writeCertificateXml } from "../../../src/adapters/formats/read-certificate-xml.js";
import { ValidationError } from "../../../src/domain/errors.js";
import { sampleCertificateOfOrigin, samplePhytosanitaryCertificate } from "../../fixtures/documents.js";

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url));

function rejection(action: () => unknown): ValidationError {
  try {
    action();
  } catch (error) {
    expect(error).to.be.instanceOf(ValidationError);
    return error as ValidationError;
  }
  expect.fail("no ValidationError was thrown");
}

describe("reading a certificate from XML, whatever its form", function () {
  it("reads an SPS certificate as an ePhyto", function () {
    const read = readCertificateXml(fixture("sps/mango-pk-cn.xml"));
    expect(read.format).to.equal("sps");
    expect(read.document).to.include({ kind: "PHYTO", certificateNumber: "PK-DPP-2026-0004711" });
    expect(read).not.to.have.property("envelope");
  });

  it("reads a Hub envelope as its ePhyto, with the envelope's header", function () {
    const read = readCertificateXml(fixture("sps/hub-envelope-mango.xml"));
    expect(read.format).to.equal("hub-envelope");
    expect(read.document).to.include({ kind: "PHYTO", certificateNumber: "PK-DPP-2026-0004711" });
    expect(read.envelope).to.include({ from: "PK", to: "CN", hubTrackingInfo: "Delivered" });
  });

  it("reads tradeseal's CoO XML as a certificate of origin", function () {
    const read = readCertificateXml(fixture("coo/preferential-rvc-pk-cn.xml"));
    expect(read.format).to.equal("coo-xml");
    expect(read.document).to.include({ kind: "COO", certificateType: "COO_PREFERENTIAL", preferenceScheme: "CPFTA" });
  });

  it("passes the issuing authority on to a certificate that lacks it", function () {
    const read = readCertificateXml(fixture("sps/reexport-ae-qa.xml"), { authorityId: 7 });
    expect(read.document.issuer.authorityId).to.equal(7);
  });

  it("names the forms it accepts when the root is in another namespace", function () {
    const error = rejection(() =>
      readCertificateXml('<SPSCertificate xmlns="urn:un:unece:uncefact:data:standard:SPSCertificate:16"/>'),
    );
    expect(error.message).to.contain(
      'root element is SPSCertificate in namespace "urn:un:unece:uncefact:data:standard:SPSCertificate:16"',
    );
    expect(error.message).to.contain("urn:un:unece:uncefact:data:standard:SPSCertificate:17");
    expect(error.message).to.contain("http://ephyto.ippc.int/HUB.Entities");
    expect(error.message).to.contain("urn:tradeseal:certificate-of-origin:1");
    expect(rejection(() => readCertificateXml("<CertificateOfOrigin/>")).message).to.contain('namespace ""');
  });

  it("applies the size limit it is given", function () {
    const limits = { maxBytes: 1024, maxDepth: 64 };
    expect(rejection(() => readCertificateXml(fixture("sps/mango-pk-cn.xml"), { limits })).message).to.match(
      /larger than 1024 bytes/,
    );
  });

  it("writes an ePhyto as SPS XML and a certificate of origin as CoO XML", function () {
    const phyto = samplePhytosanitaryCertificate();
    const coo = sampleCertificateOfOrigin();
    expect(writeCertificateXml(phyto)).to.contain("<rsm:SPSCertificate");
    expect(writeCertificateXml(coo)).to.contain('<CertificateOfOrigin xmlns="urn:tradeseal:certificate-of-origin:1">');
    expect(readCertificateXml(writeCertificateXml(phyto)).document).to.deep.equal(phyto);
    expect(readCertificateXml(writeCertificateXml(coo)).document).to.deep.equal(coo);
  });
});
