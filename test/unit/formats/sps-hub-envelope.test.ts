import { expect } from "chai";
import { readFileSync } from "node:fs";
import { readHubEnvelope } from "../../../src/adapters/formats/sps/read-hub-envelope.js";
import { readSpsCertificate } from "../../../src/adapters/formats/sps/read-sps-certificate.js";
import { writeHubEnvelope } from "../../../src/adapters/formats/sps/write-hub-envelope.js";
import { readXml } from "../../../src/adapters/formats/xml/read-xml.js";
import { ValidationError } from "../../../src/domain/errors.js";
import { samplePhytosanitaryCertificate } from "../../fixtures/documents.js";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/sps/${name}`, import.meta.url), "utf8");
const readEnvelope = (xml: string) => readHubEnvelope(readXml(xml));

function rejection(action: () => unknown): ValidationError {
  try {
    action();
  } catch (error) {
    expect(error).to.be.instanceOf(ValidationError);
    return error as ValidationError;
  }
  expect.fail("no ValidationError was thrown");
}

describe("IPPC ePhyto Hub envelope", function () {
  const envelope = fixture("hub-envelope-mango.xml");

  it("reads the header and the SPS certificate it carries as escaped text", function () {
    const { header, certificate } = readEnvelope(envelope);
    expect(header).to.deep.equal({
      from: "PK",
      to: "CN",
      certificateType: "851",
      certificateStatus: "70",
      nppoCertificateNumber: "PK-DPP-2026-0004711",
      hubDeliveryNumber: "HUB-20260612-000812",
      hubTrackingInfo: "Delivered",
      hubDeliveryErrorMessage: undefined,
    });
    expect(certificate).to.deep.equal(readSpsCertificate(readXml(fixture("mango-pk-cn.xml"))));
  });

  it("produces an envelope from a certificate that reads back to the same header and certificate", function () {
    const certificate = samplePhytosanitaryCertificate();
    for (const content of ["xml", "base64"] as const) {
      const written = writeHubEnvelope(certificate, { content, hubDeliveryNumber: "HUB-1" });
      expect(written.header).to.deep.include({ from: "KE", to: "NL", certificateType: "851", certificateStatus: "70" });
      const back = readEnvelope(written.xml);
      expect(back.certificate).to.deep.equal(certificate);
      expect(back.header).to.deep.include({
        nppoCertificateNumber: certificate.certificateNumber,
        hubDeliveryNumber: "HUB-1",
      });
    }
  });

  it("types a re-export envelope 657", function () {
    const reExport = readSpsCertificate(readXml(fixture("reexport-ae-qa.xml")), { authorityId: 7 });
    const { xml, header } = writeHubEnvelope(reExport);
    expect(header.certificateType).to.equal("657");
    expect(readHubEnvelope(readXml(xml), { authorityId: 7 }).certificate).to.deep.equal(reExport);
  });

  it("cannot address an envelope for a certificate without an importing country", function () {
    const certificate = samplePhytosanitaryCertificate({ importCountry: undefined });
    expect(rejection(() => writeHubEnvelope(certificate)).message).to.match(/names no importing country/);
  });

  it("rejects a header that disagrees with the certificate it carries", function () {
    const wrongNumber = envelope.replace(
      "<NPPOCertificateNumber>PK-DPP-2026-0004711</NPPOCertificateNumber>",
      "<NPPOCertificateNumber>PK-DPP-2026-0009999</NPPOCertificateNumber>",
    );
    expect(rejection(() => readEnvelope(wrongNumber)).message).to.match(
      /\/Envelope\/NPPOCertificateNumber: says "PK-DPP-2026-0009999" but the certificate it carries says "PK-DPP-2026-0004711"/,
    );
    const wrongTo = envelope.replace("<To>CN</To>", "<To>IN</To>");
    expect(rejection(() => readEnvelope(wrongTo)).message).to.match(/\/Envelope\/To: says "IN"/);
  });

  it("rejects a missing header field and an unknown tracking state, naming them", function () {
    expect(rejection(() => readEnvelope(envelope.replace("<From>PK</From>", ""))).message).to.match(
      /\/Envelope\/From: missing; add the exporting NPPO's country code/,
    );
    expect(rejection(() => readEnvelope(envelope.replace(">Delivered<", ">Lost<"))).message).to.match(
      /\/Envelope\/HUBTrackingInfo: expected one of PendingDelivery/,
    );
  });

  it("rejects content that is neither XML nor base64", function () {
    const junk = envelope.replace(/<Content>[\s\S]*<\/Content>/, "<Content>not a certificate!</Content>");
    expect(rejection(() => readEnvelope(junk)).message).to.match(
      /\/Envelope\/Content: holds neither SPS certificate XML nor base64/,
    );
  });

  it("reads the certificate inside as safely as the envelope: an XXE in the content is rejected", function () {
    const inner = '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rsm:SPSCertificate>&x;</rsm:SPSCertificate>';
    for (const content of [inner.replace(/&/g, "&amp;").replace(/</g, "&lt;"), Buffer.from(inner).toString("base64")]) {
      const hostile = envelope.replace(/<Content>[\s\S]*<\/Content>/, `<Content>${content}</Content>`);
      expect(rejection(() => readEnvelope(hostile)).message).to.match(/DOCTYPE/);
    }
  });

  it("names paths inside the content from the envelope down", function () {
    const broken = envelope.replace("&lt;ram:ID&gt;CN&lt;/ram:ID&gt;", "&lt;ram:ID&gt;ZZ&lt;/ram:ID&gt;");
    expect(rejection(() => readEnvelope(broken)).message).to.contain(
      "/Envelope/Content/rsm:SPSCertificate/rsm:SPSConsignment/ram:ImportSPSCountry/ram:ID:",
    );
  });

  it("rejects content that is not an SPS certificate", function () {
    const other = envelope.replace(/<Content>[\s\S]*<\/Content>/, "<Content>&lt;x xmlns='urn:x'/&gt;</Content>");
    expect(rejection(() => readEnvelope(other)).message).to.match(/is not an SPS certificate/);
  });
});
