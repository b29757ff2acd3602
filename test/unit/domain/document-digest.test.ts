import { expect } from "chai";
import { createHash, randomBytes } from "node:crypto";
import { ValidationError } from "../../../src/domain/errors.js";
import type { CertificateDocument } from "../../../src/domain/documents/certificate-document.js";
import { canonicalDocumentBytes, documentDigest, newSalt } from "../../../src/domain/documents/document-digest.js";
import { sampleCertificateOfOrigin } from "../../fixtures/documents.js";

const SALT = "00112233445566778899aabbccddeeff";

/** A document as some other source might have written it; the digest takes any such form. */
function asWritten(input: Record<string, unknown>): CertificateDocument {
  return input as unknown as CertificateDocument;
}

describe("document digest", function () {
  const coo = sampleCertificateOfOrigin();

  it("is the 0x-prefixed SHA-256 of the canonical bytes", function () {
    const digest = documentDigest(coo, SALT);
    expect(digest).to.match(/^0x[0-9a-f]{64}$/);
    const expected = createHash("sha256").update(canonicalDocumentBytes(coo, SALT)).digest("hex");
    expect(digest).to.equal(`0x${expected}`);
  });

  it("canonical bytes of a small document are its RFC 8785 JSON with the salt, normalized", function () {
    const input = asWritten({
      kind: "PHYTO",
      certificateType: "PHYTO",
      certificateNumber: " KE-1 ",
      issueDate: "2026-03-03T10:15:00+03:00",
      issuer: { authorityId: 2, name: "KEPHIS", country: "ke" },
      exporter: { name: "Flora  Ltd", country: "KE" },
      consignee: { name: "Cafe\u0301 B.V.", country: "nl" },
      exportCountry: "KE",
      items: [
        {
          sequence: 1,
          scientificName: "Rosa spp.",
          netWeight: { value: "1920.50", unit: "kgm" },
          placesOfOrigin: [{ country: "KE" }],
        },
      ],
      remarks: "",
    });
    const expected =
      '{"document":{"certificateNumber":"KE-1","certificateType":"PHYTO",' +
      '"consignee":{"country":"NL","name":"Caf\u00e9 B.V."},"exportCountry":"KE",' +
      '"exporter":{"country":"KE","name":"Flora Ltd"},"issueDate":"2026-03-03",' +
      '"issuer":{"authorityId":2,"country":"KE","name":"KEPHIS"},' +
      '"items":[{"netWeight":{"unit":"KGM","value":"1920.5"},"placesOfOrigin":[{"country":"KE"}],' +
      '"scientificName":"Rosa spp.","sequence":1}],"kind":"PHYTO"},' +
      '"salt":"00112233445566778899aabbccddeeff"}';
    const bytes = canonicalDocumentBytes(input, SALT);
    expect(Buffer.from(bytes).toString("utf8")).to.equal(expected);
    expect(bytes.length).to.equal(Buffer.byteLength(expected, "utf8"));
  });

  it("the same certificate written differently gives the same digest", function () {
    const original = documentDigest(coo, SALT);
    const [first, second] = coo.items;
    const rewritten = asWritten({
      ...Object.fromEntries(Object.entries(coo).reverse()),
      exportCountry: "pk",
      importCountry: " de",
      remarks: "",
      cumulation: {},
      exhibition: false,
      producer: { ...coo.producer, postcode: " ", identifiers: [] },
      items: [
        {
          ...first,
          hsCode: "6302.31",
          netWeight: { unit: "kgm", value: 8120.0 },
          grossWeight: { value: "8650.000", unit: "KGM" },
        },
        { ...second, description: `  ${second.description.replaceAll(" ", "\n ")} `, originCountry: "pk" },
      ],
      certifiedQuantity: { unit: "kgm", value: 11070 },
      invoices: [
        {
          value: { currency: "eur", amount: 186420.0 },
          date: "2026-02-27T09:00:00+05:00",
          number: " IHT-EX-2026-0311",
        },
      ],
    });
    expect(documentDigest(rewritten, SALT)).to.equal(original);
    expect(documentDigest(coo, SALT.toUpperCase())).to.equal(original);
  });

  it("12.50 and 12.5 give the same digest", function () {
    const weight = (value: unknown) =>
      asWritten({ ...coo, items: [{ ...coo.items[0], netWeight: { value, unit: "KGM" } }, coo.items[1]] });
    expect(documentDigest(weight("12.50"), SALT)).to.equal(documentDigest(weight(12.5), SALT));
  });

  it("any change of substance gives another digest", function () {
    const original = documentDigest(coo, SALT);
    const changed = [
      sampleCertificateOfOrigin({ certifiedQuantity: { value: "11071", unit: "KGM" } }),
      sampleCertificateOfOrigin({
        items: [{ ...coo.items[0], netWeight: { value: "8121", unit: "KGM" } }, coo.items[1]],
      }),
      sampleCertificateOfOrigin({ items: [coo.items[1], coo.items[0]] }),
      sampleCertificateOfOrigin({ remarks: "Goods on pallets" }),
      sampleCertificateOfOrigin({ consignee: { ...coo.consignee, name: "Rheinland Heimtextil AG" } }),
    ].map((doc) => documentDigest(doc, SALT));
    changed.push(documentDigest(coo, "00112233445566778899aabbccddeef0"));
    expect(new Set([original, ...changed]).size).to.equal(changed.length + 1);
  });

  it("an invalid document is refused rather than digested", function () {
    expect(() => documentDigest(asWritten({ ...coo, exportCountry: "XX" }), SALT)).to.throw(
      ValidationError,
      "exportCountry",
    );
  });

  describe("salts", function () {
    it("a new salt is 16 random bytes as 32 lowercase hex characters", function () {
      const salt = newSalt(() => Uint8Array.from({ length: 16 }, (_, i) => i * 17));
      expect(salt).to.equal(SALT);
      const real = newSalt((n) => randomBytes(n));
      expect(real).to.match(/^[0-9a-f]{32}$/);
      expect(newSalt((n) => randomBytes(n))).not.to.equal(real);
    });

    it("a random source that gives the wrong number of bytes is refused", function () {
      expect(() => newSalt(() => new Uint8Array(8))).to.throw(RangeError, "gave 8 bytes where 16 were asked for");
    });

    it("a salt that is not 32 hex characters is refused with a clear error", function () {
      for (const salt of ["", SALT.slice(1), `0x${SALT}`, `${SALT.slice(0, 31)}g`, `${SALT}00`]) {
        expect(() => documentDigest(coo, salt)).to.throw(
          ValidationError,
          "The salt must be exactly 32 hexadecimal characters",
        );
      }
    });
  });
});
