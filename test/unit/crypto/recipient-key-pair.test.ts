import { expect } from "chai";
import { generateRecipientKeyPair } from "../../../src/adapters/crypto/recipient-key-pair.js";

describe("Recipient key pairs", function () {
  it("generates a P-256 pair by default, with the private part only in the private JWK", async function () {
    const { recipient, privateKey } = await generateRecipientKeyPair("auditor:eu-olaf-1");
    expect(recipient.kid).to.equal("auditor:eu-olaf-1");
    expect(privateKey.kid).to.equal("auditor:eu-olaf-1");
    expect(recipient.publicJwk).to.include({ kty: "EC", crv: "P-256" }).and.not.have.property("d");
    expect(privateKey.privateJwk)
      .to.include({ kty: "EC", crv: "P-256", x: recipient.publicJwk.x })
      .and.have.property("d");
  });

  it("generates an X25519 pair when asked", async function () {
    const { recipient, privateKey } = await generateRecipientKeyPair("customs:de-hamburg", "X25519");
    expect(recipient.publicJwk).to.include({ kty: "OKP", crv: "X25519" }).and.not.have.property("d");
    expect(privateKey.privateJwk)
      .to.include({ kty: "OKP", crv: "X25519", x: recipient.publicJwk.x })
      .and.have.property("d");
  });

  it("generates a different pair each time", async function () {
    const first = await generateRecipientKeyPair("a");
    const second = await generateRecipientKeyPair("a");
    expect(second.recipient.publicJwk.x).to.not.equal(first.recipient.publicJwk.x);
  });
});
