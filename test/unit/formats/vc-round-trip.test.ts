import { expect } from "chai";
import { Wallet } from "ethers";
import fc from "fast-check";
import { authorityKeyId } from "../../../src/domain/credentials/authority-key-id.js";
import { certificateCredential } from "../../../src/domain/credentials/certificate-credential.js";
import { parseCertificateCredential } from "../../../src/domain/credentials/parse-certificate-credential.js";
import { STATUS_PURPOSES } from "../../../src/domain/credentials/status-list-entry.js";
import { openVcJwt, signVcJwt } from "../../../src/domain/credentials/vc-jwt.js";
import { parseCertificateDocument } from "../../../src/domain/documents/certificate-document.js";
import { documentDigest } from "../../../src/domain/documents/document-digest.js";
import { ValidationError } from "../../../src/domain/errors.js";
import { sampleCertificateOfOrigin, samplePhytosanitaryCertificate } from "../../fixtures/documents.js";
import { cooArbitrary, phytoArbitrary } from "../../fixtures/certificate-arbitraries.js";

const certificateInputArbitrary = fc.oneof(cooArbitrary, phytoArbitrary);
const salt = fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => Buffer.from(b).toString("hex"));
const seconds = fc.integer({ min: 1_600_000_000, max: 2_000_000_000 });
const positions = fc.tuple(fc.integer({ min: 0, max: 131_071 }), fc.integer({ min: 0, max: 131_071 }));

describe("Certificates through a Verifiable Credential and back", function () {
  const key = Wallet.createRandom();
  const signer = {
    kid: authorityKeyId(31_337n, key.address),
    signDigest: (digest: string) => Promise.resolve(key.signingKey.sign(digest).serialized.slice(0, 130)),
  };

  it("every generated certificate gives the same model and the same digest after model → signed VC → model", async function () {
    await fc.assert(
      fc.asyncProperty(
        certificateInputArbitrary,
        salt,
        seconds,
        fc.option(seconds, { nil: undefined }),
        positions,
        async (input, documentSalt, issuedAt, validUntil, [revocation, suspension]) => {
          const model = parseCertificateDocument(input);
          const credential = certificateCredential({
            document: model,
            salt: documentSalt,
            issuedAt,
            validUntil: validUntil ?? 0,
            signedAt: issuedAt + 60,
            status: [
              { listId: "1", purpose: STATUS_PURPOSES[0], position: revocation },
              { listId: "1", purpose: STATUS_PURPOSES[1], position: suspension },
            ],
            baseUrl: "https://registry.example.test/",
          });
          const opened = openVcJwt(await signVcJwt(credential, signer));
          expect(opened.signer).to.equal(key.address);

          const parsed = parseCertificateCredential(opened.payload);
          expect(parsed.document).to.deep.equal(model);
          expect(parsed.salt).to.equal(documentSalt);
          expect(documentDigest(parsed.document, parsed.salt)).to.equal(documentDigest(model, documentSalt));
          expect(parsed.validFrom).to.equal(issuedAt);
          expect(parsed.validUntil).to.equal(validUntil);
          expect(parsed.status.map((e) => Number(e.statusListIndex))).to.deep.equal([revocation, suspension]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("the subject of a credential is the normal form: parsing it again changes nothing", function () {
    fc.assert(
      fc.property(certificateInputArbitrary, salt, (input, documentSalt) => {
        const model = parseCertificateDocument(input);
        const { credentialSubject } = certificateCredential({
          document: model,
          salt: documentSalt,
          issuedAt: 1_700_000_000,
          validUntil: 0,
          signedAt: 1_700_000_060,
          status: [],
          baseUrl: "https://registry.example.test",
        });
        const { salt: subjectSalt, ...subject } = JSON.parse(JSON.stringify(credentialSubject)) as Record<
          string,
          unknown
        >;
        expect(subjectSalt).to.equal(documentSalt);
        expect(parseCertificateDocument(subject)).to.deep.equal(subject);
      }),
      { numRuns: 50 },
    );
  });
});

describe("A certificate credential that does not hold together is refused", function () {
  const key = Wallet.createRandom();
  const signer = {
    kid: authorityKeyId(31_337n, key.address),
    signDigest: (digest: string) => Promise.resolve(key.signingKey.sign(digest).serialized.slice(0, 130)),
  };
  const credential = () =>
    JSON.parse(
      JSON.stringify(
        certificateCredential({
          document: parseCertificateDocument(sampleCertificateOfOrigin()),
          salt: "0123456789abcdef0123456789abcdef",
          issuedAt: 1_700_000_000,
          validUntil: 1_800_000_000,
          signedAt: 1_700_000_060,
          status: [],
          baseUrl: "https://registry.example.test",
        }),
      ),
    ) as Record<string, unknown>;

  it("when its issuer is another authority than the certificate's", function () {
    const altered = { ...credential(), issuer: "https://registry.example.test/v1/authorities/99" };
    expect(() => parseCertificateCredential(altered)).to.throw(
      ValidationError,
      /not the certificate's issuing authority/,
    );
  });

  it("when its id names another certificate", function () {
    const altered = { ...credential(), id: `urn:tradeseal:certificate:0x${"ab".repeat(32)}` };
    expect(() => parseCertificateCredential(altered)).to.throw(ValidationError, /not that of the certificate/);
  });

  it("when its type is that of the other kind of certificate", function () {
    const altered = { ...credential(), type: ["VerifiableCredential", "PhytosanitaryCertificateCredential"] };
    expect(() => parseCertificateCredential(altered)).to.throw(ValidationError, /CertificateOfOriginCredential/);
  });

  it("when it is not VC 2.0, carries unknown fields or lacks its salt", function () {
    const v1 = { ...credential(), "@context": ["https://www.w3.org/2018/credentials/v1"] };
    expect(() => parseCertificateCredential(v1)).to.throw(ValidationError, /@context/);
    expect(() => parseCertificateCredential({ ...credential(), issuanceDate: "2026-01-01" })).to.throw(
      ValidationError,
      /issuanceDate/,
    );
    const unsalted = credential();
    delete (unsalted.credentialSubject as Record<string, unknown>).salt;
    expect(() => parseCertificateCredential(unsalted)).to.throw(ValidationError, /salt/);
  });

  it("when its subject is not a valid certificate document", function () {
    const document = { ...samplePhytosanitaryCertificate(), items: [] };
    const altered = { ...credential(), credentialSubject: { ...document, salt: "0123456789abcdef0123456789abcdef" } };
    expect(() => parseCertificateCredential(altered)).to.throw(ValidationError, /items/);
  });

  it("when its signature is the high-s twin of a valid one", async function () {
    const jwt = await signVcJwt(credential(), signer);
    const [header, payload, signature] = jwt.split(".");
    const bytes = Buffer.from(signature, "base64url");
    const n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
    const highS = (n - BigInt(`0x${bytes.subarray(32).toString("hex")}`)).toString(16).padStart(64, "0");
    const twin = Buffer.concat([bytes.subarray(0, 32), Buffer.from(highS, "hex")]).toString("base64url");
    expect(openVcJwt(jwt).signer).to.equal(key.address);
    expect(() => openVcJwt(`${header}.${payload}.${twin}`)).to.throw(ValidationError, /does not verify/);
  });

  it("when its kid does not name an authority key, or its header has parameters of its own", async function () {
    const jwt = await signVcJwt(credential(), { ...signer, kid: "https://example.test/keys/1" });
    expect(() => openVcJwt(jwt)).to.throw(ValidationError, /does not name an authority key/);
    const [, payload, signature] = (await signVcJwt(credential(), signer)).split(".");
    const header = Buffer.from(
      JSON.stringify({ alg: "ES256K", kid: signer.kid, typ: "vc+jwt", jku: "https://example.test/jwks" }),
    ).toString("base64url");
    expect(() => openVcJwt(`${header}.${payload}.${signature}`)).to.throw(ValidationError, /jku/);
  });
});
