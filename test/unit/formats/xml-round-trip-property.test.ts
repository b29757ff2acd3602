import { expect } from "chai";
import fc from "fast-check";
import { readCertificateXml, writeCertificateXml } from "../../../src/adapters/formats/read-certificate-xml.js";
import { parseCertificateDocument } from "../../../src/domain/documents/certificate-document.js";
import { documentDigest } from "../../../src/domain/documents/document-digest.js";
import { cooArbitrary, phytoArbitrary } from "../../fixtures/certificate-arbitraries.js";

const SALT = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

function roundTrips(input: unknown): void {
  const document = parseCertificateDocument(input);
  const read = readCertificateXml(writeCertificateXml(document)).document;
  expect(read).to.deep.equal(document);
  expect(documentDigest(read, SALT)).to.equal(documentDigest(document, SALT));
}

describe("XML round trips of generated certificates", function () {
  it("an ePhyto written as SPS XML reads back as an equal model with an equal digest", function () {
    fc.assert(fc.property(phytoArbitrary, roundTrips), { numRuns: 150 });
  });

  it("a certificate of origin written as CoO XML reads back as an equal model with an equal digest", function () {
    fc.assert(fc.property(cooArbitrary, roundTrips), { numRuns: 150 });
  });
});
