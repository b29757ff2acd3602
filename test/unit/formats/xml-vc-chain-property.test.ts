import { expect } from "chai";
import { Wallet } from "ethers";
import fc from "fast-check";
import { readCertificateXml, writeCertificateXml } from "../../../src/adapters/formats/read-certificate-xml.js";
import { authorityKeyId } from "../../../src/domain/credentials/authority-key-id.js";
import { certificateCredential } from "../../../src/domain/credentials/certificate-credential.js";
import { parseCertificateCredential } from "../../../src/domain/credentials/parse-certificate-credential.js";
import { STATUS_PURPOSES } from "../../../src/domain/credentials/status-list-entry.js";
import { openVcJwt, signVcJwt } from "../../../src/domain/credentials/vc-jwt.js";
import {
  parseCertificateDocument,
  type CertificateDocument,
} from "../../../src/domain/documents/certificate-document.js";
import { documentDigest } from "../../../src/domain/documents/document-digest.js";
import { cooArbitrary, phytoArbitrary } from "../../fixtures/certificate-arbitraries.js";

const salt = fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => Buffer.from(b).toString("hex"));
const seconds = fc.integer({ min: 1_600_000_000, max: 2_000_000_000 });

describe("A certificate carried XML → model → VC → model → XML", function () {
  const key = Wallet.createRandom();
  const signer = {
    kid: authorityKeyId(31_337n, key.address),
    signDigest: (digest: string) => Promise.resolve(key.signingKey.sign(digest).serialized.slice(0, 130)),
  };

  /** The model a signed credential of `document` gives back once opened and parsed. */
  async function throughCredential(document: CertificateDocument, documentSalt: string, issuedAt: number) {
    const credential = certificateCredential({
      document,
      salt: documentSalt,
      issuedAt,
      validUntil: 0,
      signedAt: issuedAt + 60,
      status: STATUS_PURPOSES.map((purpose, position) => ({ listId: "1", purpose, position })),
      baseUrl: "https://registry.example.test",
    });
    const opened = openVcJwt(await signVcJwt(credential, signer));
    expect(opened.signer).to.equal(key.address);
    return parseCertificateCredential(opened.payload);
  }

  it("keeps every generated certificate the same model with the same digest at every step, and writes the same XML at the end", async function () {
    await fc.assert(
      fc.asyncProperty(fc.oneof(phytoArbitrary, cooArbitrary), salt, seconds, async (input, documentSalt, issuedAt) => {
        const digestOf = (document: CertificateDocument) => documentDigest(document, documentSalt);
        const model = parseCertificateDocument(input);
        const xml = writeCertificateXml(model);

        const fromXml = readCertificateXml(xml).document;
        expect(fromXml).to.deep.equal(model);
        expect(digestOf(fromXml)).to.equal(digestOf(model));

        const fromCredential = await throughCredential(fromXml, documentSalt, issuedAt);
        expect(fromCredential.document).to.deep.equal(fromXml);
        expect(fromCredential.salt).to.equal(documentSalt);
        expect(digestOf(fromCredential.document)).to.equal(digestOf(fromXml));

        const xmlAgain = writeCertificateXml(fromCredential.document);
        expect(xmlAgain).to.equal(xml);
        const fromXmlAgain = readCertificateXml(xmlAgain).document;
        expect(fromXmlAgain).to.deep.equal(fromCredential.document);
        expect(digestOf(fromXmlAgain)).to.equal(digestOf(model));
      }),
      { numRuns: 120 },
    );
  });
});
