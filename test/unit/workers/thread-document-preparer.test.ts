import { expect } from "chai";
import { inlineDocumentPreparer, type DocumentPreparer } from "../../../src/application/ports/document-preparer.js";
import { createThreadDocumentPreparer } from "../../../src/adapters/workers/thread-document-preparer.js";
import type { CertificateOfOriginInput } from "../../../src/domain/documents/certificate-of-origin.js";
import { TradesealError, ValidationError } from "../../../src/domain/errors.js";
import { sampleCertificateOfOrigin, samplePhytosanitaryCertificate } from "../../fixtures/documents.js";
import { rejectionOf } from "../../fixtures/rejection-of.js";

/** The sample CoO with `lines` goods lines: some 400 bytes of JSON each. */
function cooWithLines(lines: number, number = "PK-LARGE-1"): CertificateOfOriginInput {
  const sample = sampleCertificateOfOrigin();
  const [line] = sample.items;
  return {
    ...sample,
    certificateNumber: number,
    items: Array.from({ length: lines }, (_, i) => ({
      ...line,
      sequence: i + 1,
      description: `${line.description}, lot ${i + 1}`,
    })),
  };
}

describe("document threads (worker_threads via piscina, real threads)", function () {
  let threads: DocumentPreparer;

  before(function () {
    threads = createThreadDocumentPreparer({ threads: 2 });
  });

  after(async function () {
    await threads.close();
  });

  it("prepares a large document on a thread exactly as on the event loop, for both kinds", async function () {
    const phyto = samplePhytosanitaryCertificate();
    const largePhyto = {
      ...phyto,
      items: Array.from({ length: 60 }, (_, i) => ({ ...phyto.items[0], sequence: i + 1 })),
    };
    for (const document of [cooWithLines(120), largePhyto]) {
      expect(JSON.stringify(document).length).to.be.greaterThan(8_192);
      expect(await threads.prepare(document)).to.deep.equal(await inlineDocumentPreparer.prepare(document));
    }
  });

  it("refuses an invalid large document with the same ValidationError, issues included", async function () {
    const invalid = { ...cooWithLines(120), issueDate: "2026-02-30", colour: "blue" };
    const onThread = await rejectionOf(threads.prepare(invalid));
    const onLoop = await rejectionOf(inlineDocumentPreparer.prepare(invalid));
    expect(onThread).to.be.instanceOf(ValidationError);
    expect(onThread.message).to.equal(onLoop.message);
    expect(onThread.message).to.contain("issueDate").and.to.contain("colour");
    expect((onThread as ValidationError).details.issues).to.deep.equal(
      JSON.parse(JSON.stringify((onLoop as ValidationError).details.issues)),
    );
  });

  it("reads a large JSON body on a thread: the document itself, or its document member, or none", async function () {
    const document = cooWithLines(120);
    const expected = await inlineDocumentPreparer.prepare(document);
    expect(await threads.prepareJsonBody(JSON.stringify(document))).to.deep.equal({
      documentAt: "body",
      prepared: expected,
    });
    const salt = "00112233445566778899aabbccddeeff";
    expect(await threads.prepareJsonBody(JSON.stringify({ document, salt }))).to.deep.equal({
      documentAt: "document",
      prepared: expected,
      members: { salt },
    });
    const padded = JSON.stringify({ id: "0x01", padding: "x".repeat(10_000) });
    expect(await threads.prepareJsonBody(padded)).to.deep.equal({
      documentAt: "none",
      members: { id: "0x01", padding: "x".repeat(10_000) },
    });
  });

  it("answers malformed JSON with MALFORMED_BODY and a body that is not an object with a ValidationError", async function () {
    const malformed = await rejectionOf(threads.prepareJsonBody(`{"kind":"COO",${" ".repeat(9_000)}`));
    expect(malformed).to.be.instanceOf(TradesealError);
    expect((malformed as TradesealError).code).to.equal("MALFORMED_BODY");
    const list = await rejectionOf(threads.prepareJsonBody(JSON.stringify(Array.from({ length: 3_000 }, (_, i) => i))));
    expect(list).to.be.instanceOf(ValidationError);
    expect(list.message).to.contain("JSON object");
  });

  it("gives every caller its own document when many arrive at once", async function () {
    const documents = Array.from({ length: 40 }, (_, i) => cooWithLines(40, `PK-LARGE-${i}`));
    const prepared = await Promise.all(documents.map((d) => threads.prepare(d)));
    const expected = await Promise.all(documents.map((d) => inlineDocumentPreparer.prepare(d)));
    expect(prepared.map((p) => p.certificateId)).to.deep.equal(expected.map((p) => p.certificateId));
    expect(new Set(prepared.map((p) => p.certificateId)).size).to.equal(40);
  });

  it("keeps small documents and values JSON cannot carry on the calling thread, refusing the latter clearly", async function () {
    const small = sampleCertificateOfOrigin();
    expect(await threads.prepare(small)).to.deep.equal(await inlineDocumentPreparer.prepare(small));
    const withBigInt = { ...cooWithLines(120), certifiedQuantity: { value: 10n, unit: "KGM" } };
    const refused = await rejectionOf(threads.prepare(withBigInt));
    expect(refused).to.be.instanceOf(ValidationError);
    expect(refused.message).to.contain("certifiedQuantity.value");
  });
});
