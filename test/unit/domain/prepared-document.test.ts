import { expect } from "chai";
import fc from "fast-check";
import { certificateId } from "../../../src/domain/certificate-terms.js";
import { parseCertificateDocument } from "../../../src/domain/documents/certificate-document.js";
import { documentDigest } from "../../../src/domain/documents/document-digest.js";
import { documentTerms } from "../../../src/domain/documents/document-terms.js";
import { prepareDocument, preparedTerms } from "../../../src/domain/documents/prepared-document.js";
import { cooArbitrary, phytoArbitrary } from "../../fixtures/certificate-arbitraries.js";

const saltArbitrary = fc
  .uint8Array({ minLength: 16, maxLength: 16 })
  .map((bytes) => Buffer.from(bytes).toString("hex"));

describe("prepared document", function () {
  it("sealed with a salt, gives the terms, digest and id that sealing the whole document gives", function () {
    fc.assert(
      fc.property(fc.oneof(cooArbitrary, phytoArbitrary), saltArbitrary, (input, salt) => {
        const document = parseCertificateDocument(input);
        const prepared = prepareDocument(document);
        const terms = preparedTerms(prepared, salt);
        expect(terms).to.deep.equal(documentTerms(document, documentDigest(document, salt)));
        expect(prepared.certificateId).to.equal(certificateId(document.issuer.authorityId, terms.numberHash));
      }),
      { numRuns: 200 },
    );
  });

  it("takes the salt in either case, and refuses one that is not 32 hex characters", function () {
    const prepared = prepareDocument(parseCertificateDocument(fc.sample(cooArbitrary, { numRuns: 1, seed: 7 })[0]));
    const salt = "00112233445566778899aabbccddeeff";
    expect(preparedTerms(prepared, salt.toUpperCase()).digest).to.equal(preparedTerms(prepared, salt).digest);
    expect(() => preparedTerms(prepared, "0x00")).to.throw(/32 hexadecimal characters/);
  });
});
