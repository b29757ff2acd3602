import { expect } from "chai";
import { createDecipheriv, randomBytes } from "node:crypto";
import { exportJWK, generateKeyPair } from "jose";
import type { Recipient, RecipientPrivateKey } from "../../../src/application/ports/document-cipher.js";
import { createJweDocumentCipher } from "../../../src/adapters/crypto/jwe-document-cipher.js";
import { generateRecipientKeyPair } from "../../../src/adapters/crypto/recipient-key-pair.js";
import { ForbiddenError, ValidationError } from "../../../src/domain/errors.js";
import { unwrapContentKey, type GeneralJweJson } from "./unwrap-content-key.js";
import { rejectionOf } from "../../fixtures/rejection-of.js";

type KeyPair = Awaited<ReturnType<typeof generateRecipientKeyPair>>;

const cipher = createJweDocumentCipher();
const document = new TextEncoder().encode('{"type":"COO_PREFERENTIAL","number":"CH-2026-000123","origin":"CH"}');

let issuer: KeyPair;
let customs: KeyPair;
let auditor: KeyPair;
let outsider: KeyPair;
let recipients: Recipient[];

before(async function () {
  issuer = await generateRecipientKeyPair("authority:12:2026-01", "P-256");
  customs = await generateRecipientKeyPair("customs:de-hamburg", "X25519");
  auditor = await generateRecipientKeyPair("auditor:eu-olaf-1", "P-256");
  outsider = await generateRecipientKeyPair("outsider:1", "P-256");
  recipients = [issuer.recipient, customs.recipient, auditor.recipient];
});

describe("JWE document cipher", function () {
  describe("for an issuer, an importing customs office and an auditor", function () {
    it("lets each of the three recipients decrypt the document", async function () {
      const envelope = await cipher.encrypt(document, recipients);
      for (const party of [issuer, customs, auditor]) {
        expect(await cipher.decrypt(envelope, party.privateKey)).to.deep.equal(document);
      }
    });

    it("encrypts the document once, under one content key wrapped for every recipient", async function () {
      const jwe = parse(await cipher.encrypt(document, recipients));
      const keys = [issuer, customs, auditor].map((party) =>
        unwrapContentKey(jwe, party.privateKey.kid, party.privateKey.privateJwk),
      );
      expect(keys[0]).to.have.length(32);
      expect(keys[1]).to.deep.equal(keys[0]);
      expect(keys[2]).to.deep.equal(keys[0]);
      expect(decryptWithContentKey(jwe, keys[0])).to.deep.equal(Buffer.from(document));
    });

    it("names the algorithms in the protected header and each recipient's key id in its own header", async function () {
      const jwe = parse(await cipher.encrypt(document, recipients));
      expect(JSON.parse(Buffer.from(jwe.protected, "base64url").toString())).to.deep.equal({
        alg: "ECDH-ES+A256KW",
        enc: "A256GCM",
      });
      expect(jwe.recipients.map((recipient) => recipient.header.kid)).to.deep.equal(recipients.map((r) => r.kid));
    });

    it("lists the key ids the envelope was encrypted for", async function () {
      const envelope = await cipher.encrypt(document, recipients);
      expect(cipher.recipientsOf(envelope)).to.deep.equal([
        "authority:12:2026-01",
        "customs:de-hamburg",
        "auditor:eu-olaf-1",
      ]);
    });

    it("refuses a key the document was not encrypted for with ForbiddenError", async function () {
      const envelope = await cipher.encrypt(document, recipients);
      const error = await rejectionOf(cipher.decrypt(envelope, outsider.privateKey));
      expect(error).to.be.instanceOf(ForbiddenError);
      expect(error.message).to.contain("was not encrypted for key").and.to.contain("ask its issuer");
    });

    it("does not decrypt for an outsider who claims a recipient's key id", async function () {
      const envelope = await cipher.encrypt(document, recipients);
      for (const victim of [issuer, customs]) {
        const forged: RecipientPrivateKey = { kid: victim.privateKey.kid, privateJwk: outsider.privateKey.privateJwk };
        const error = await rejectionOf(cipher.decrypt(envelope, forged));
        expect(error).to.be.instanceOf(ValidationError);
        expect(error.message).to.contain("not the one it was encrypted for");
      }
    });

    it("uses a fresh content key and IV each time the same document is encrypted", async function () {
      const first = parse(await cipher.encrypt(document, recipients));
      const second = parse(await cipher.encrypt(document, recipients));
      const { kid, privateJwk } = issuer.privateKey;
      expect(unwrapContentKey(second, kid, privateJwk)).to.not.deep.equal(unwrapContentKey(first, kid, privateJwk));
      expect(second.iv).to.not.equal(first.iv);
      expect(second.ciphertext).to.not.equal(first.ciphertext);
      second.recipients.forEach((recipient, index) => {
        expect(recipient.encrypted_key).to.not.equal(first.recipients[index]?.encrypted_key);
      });
    });
  });

  describe("with an altered envelope", function () {
    const parts = { ciphertext: "ciphertext", tag: "authentication tag", iv: "IV", protected: "protected header" };
    for (const [field, part] of Object.entries(parts) as [keyof typeof parts, string][]) {
      it(`refuses an envelope whose ${part} has one byte changed, with ValidationError`, async function () {
        const jwe = parse(await cipher.encrypt(document, recipients));
        jwe[field] = flipOneByte(jwe[field]);
        await expectAltered(cipher.decrypt(serialize(jwe), customs.privateKey));
      });
    }

    it("refuses an envelope whose recipient's wrapped key has one byte changed, with ValidationError", async function () {
      const jwe = parse(await cipher.encrypt(document, recipients));
      const entry = jwe.recipients[1];
      if (entry === undefined) throw new Error("no second recipient");
      entry.encrypted_key = flipOneByte(entry.encrypted_key);
      await expectAltered(cipher.decrypt(serialize(jwe), customs.privateKey));
    });

    it("refuses an envelope whose protected header was re-encoded with the same meaning", async function () {
      const jwe = parse(await cipher.encrypt(document, recipients));
      jwe.protected = Buffer.from('{"enc":"A256GCM","alg":"ECDH-ES+A256KW"}').toString("base64url");
      await expectAltered(cipher.decrypt(serialize(jwe), customs.privateKey));
    });

    it("refuses bytes that are not an envelope, saying what is wrong", async function () {
      const notJson = new TextEncoder().encode("%PDF-1.7");
      const noRecipients = new TextEncoder().encode('{"protected":"e30","iv":"AA","ciphertext":"","tag":"AA"}');
      for (const bytes of [notJson, noRecipients]) {
        expect(() => cipher.recipientsOf(bytes)).to.throw(ValidationError, /envelope is not/);
        expect(await rejectionOf(cipher.decrypt(bytes, issuer.privateKey))).to.be.instanceOf(ValidationError);
      }
    });
  });

  it("round-trips a 5 MiB document", async function () {
    this.timeout(30_000);
    const large = randomBytes(5 * 1024 * 1024);
    const envelope = await cipher.encrypt(large, recipients);
    const decrypted = await cipher.decrypt(envelope, customs.privateKey);
    expect(Buffer.from(decrypted).equals(large)).to.be.true;
  });

  it("encrypts for a single recipient", async function () {
    const envelope = await cipher.encrypt(document, [customs.recipient]);
    expect(await cipher.decrypt(envelope, customs.privateKey)).to.deep.equal(document);
  });

  describe("recipient keys", function () {
    it('refuses a recipient JWK that contains a private key ("d"), without repeating the key', async function () {
      const leaked: Recipient = { kid: customs.recipient.kid, publicJwk: customs.privateKey.privateJwk };
      const error = await rejectionOf(cipher.encrypt(document, [issuer.recipient, leaked]));
      expect(error).to.be.instanceOf(ValidationError);
      expect(error.message).to.contain('contains "d"').and.to.contain("customs:de-hamburg");
      const secret = customs.privateKey.privateJwk.d;
      if (secret === undefined) throw new Error("the private JWK has no d");
      expect(JSON.stringify({ message: error.message, details: (error as ValidationError).details })).to.not.contain(
        secret,
      );
    });

    it("refuses an empty recipient list", async function () {
      const error = await rejectionOf(cipher.encrypt(document, []));
      expect(error).to.be.instanceOf(ValidationError);
      expect(error.message).to.contain("at least one recipient");
    });

    it("refuses two recipients with the same key id", async function () {
      const twin: Recipient = { kid: issuer.recipient.kid, publicJwk: auditor.recipient.publicJwk };
      const error = await rejectionOf(cipher.encrypt(document, [issuer.recipient, twin]));
      expect(error).to.be.instanceOf(ValidationError);
      expect(error.message).to.contain("same key id");
    });

    it("refuses a key on a curve other than P-256 or X25519", async function () {
      const { publicKey } = await generateKeyPair("ECDH-ES+A256KW", { crv: "P-384", extractable: true });
      const p384: Recipient = { kid: "auditor:p384", publicJwk: await exportJWK(publicKey) };
      const error = await rejectionOf(cipher.encrypt(document, [p384]));
      expect(error).to.be.instanceOf(ValidationError);
      expect(error.message).to.contain("EC P-384").and.to.contain("use an EC P-256 or OKP X25519 key");
    });

    it("refuses a public key whose point is not on its curve", async function () {
      const { x } = issuer.recipient.publicJwk;
      const offCurve: Recipient = { kid: "broken", publicJwk: { ...issuer.recipient.publicJwk, y: x } };
      const error = await rejectionOf(cipher.encrypt(document, [offCurve]));
      expect(error).to.be.instanceOf(ValidationError);
      expect(error.message).to.contain("not a valid P-256 public key");
    });

    it("refuses to decrypt with a public key in place of the private one", async function () {
      const envelope = await cipher.encrypt(document, recipients);
      const publicOnly: RecipientPrivateKey = { kid: issuer.recipient.kid, privateJwk: issuer.recipient.publicJwk };
      const error = await rejectionOf(cipher.decrypt(envelope, publicOnly));
      expect(error).to.be.instanceOf(ValidationError);
      expect(error.message).to.contain('no private part ("d")');
    });
  });
});

function parse(envelope: Uint8Array): GeneralJweJson {
  return JSON.parse(new TextDecoder().decode(envelope)) as GeneralJweJson;
}

function serialize(jwe: GeneralJweJson): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(jwe));
}

/** XORs one bit into the middle byte of a base64url field. */
function flipOneByte(base64url: string): string {
  const bytes = Buffer.from(base64url, "base64url");
  const middle = Math.floor(bytes.length / 2);
  bytes[middle] = (bytes[middle] ?? 0) ^ 0x01;
  return bytes.toString("base64url");
}

/** AES-256-GCM as RFC 7516 §5.1 does it, with the protected header as additional data. */
function decryptWithContentKey(jwe: GeneralJweJson, contentKey: Buffer): Buffer {
  const decipher = createDecipheriv("aes-256-gcm", contentKey, Buffer.from(jwe.iv, "base64url"));
  decipher.setAAD(Buffer.from(jwe.protected, "ascii"));
  decipher.setAuthTag(Buffer.from(jwe.tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(jwe.ciphertext, "base64url")), decipher.final()]);
}

async function expectAltered(decryption: Promise<Uint8Array>): Promise<void> {
  const error = await rejectionOf(decryption);
  expect(error).to.be.instanceOf(ValidationError);
  expect(error.message).to.contain("altered");
}
