import { expect } from "chai";
import { CID } from "multiformats/cid";
import type { DocumentStore } from "../../../src/application/ports/document-store.js";
import { ValidationError } from "../../../src/domain/errors.js";
import { absentCid } from "./absent-cid.js";
import { deterministicBytes } from "./deterministic-bytes.js";

const MULTI_CHUNK_SIZE = 1_048_576 + 1;
const NOT_CIDS = [
  "",
  "not-a-cid",
  "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5", // one character short
  "/ipfs/bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e",
  " bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e",
];

/**
 * What every `DocumentStore` does, whichever IPFS implementation is behind it. `makeStore` is
 * called once for the suite; the suite closes the store at the end.
 */
export function shouldBehaveLikeDocumentStore(makeStore: () => Promise<DocumentStore>): void {
  describe("as a document store", function () {
    let store: DocumentStore;

    before(async function () {
      store = await makeStore();
    });

    after(async function () {
      await store?.close();
    });

    it("returns the bytes of a small document under a base32 CIDv1 of one raw block", async function () {
      const bytes = new TextEncoder().encode("certificate of origin no. 42");
      const cid = await store.put(bytes);
      expect(cid).to.match(/^bafkrei[a-z2-7]{52}$/);
      expect(CID.parse(cid).version).to.equal(1);
      expect(await store.get(cid)).to.deep.equal(bytes);
    });

    it("returns every byte of a document of several chunks (1 MiB + 1 byte)", async function () {
      const bytes = deterministicBytes(MULTI_CHUNK_SIZE, "several chunks");
      const cid = await store.put(bytes);
      expect(cid, "a dag-pb root over the chunks").to.match(/^bafybei/);
      const read = await store.get(cid);
      expect(read?.length).to.equal(MULTI_CHUNK_SIZE);
      expect(Buffer.from(read!).equals(Buffer.from(bytes)), "same bytes").to.be.true;
    });

    it("stores an empty document and returns it empty, not missing", async function () {
      const cid = await store.put(new Uint8Array(0));
      expect(cid).to.equal("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku");
      expect(await store.get(cid)).to.deep.equal(new Uint8Array(0));
    });

    it("gives the same CID when the same bytes are stored again, and still returns them", async function () {
      const bytes = deterministicBytes(300_000, "stored twice");
      const first = await store.put(bytes);
      const second = await store.put(bytes.slice());
      expect(second).to.equal(first);
      expect(await store.get(first)).to.deep.equal(bytes);
    });

    it("keeps documents apart: different bytes get different CIDs and each CID its own bytes", async function () {
      const a = new TextEncoder().encode("phytosanitary certificate A");
      const b = new TextEncoder().encode("phytosanitary certificate B");
      const [cidA, cidB] = [await store.put(a), await store.put(b)];
      expect(cidA).to.not.equal(cidB);
      expect(await store.get(cidA)).to.deep.equal(a);
      expect(await store.get(cidB)).to.deep.equal(b);
    });

    it("answers undefined, without waiting on a network, for a CID it does not hold", async function () {
      // Far below the stores' own time limits: a store that waited for the block would fail here.
      this.timeout(5_000);
      expect(await store.get(await absentCid())).to.be.undefined;
    });

    it("answers undefined for a CID of another codec (dag-cbor) that it does not hold", async function () {
      this.timeout(5_000);
      expect(await store.get(await absentCid("dag-cbor"))).to.be.undefined;
    });

    it("refuses a string that is not a CID with a ValidationError that shows what a CID looks like", async function () {
      for (const text of NOT_CIDS) {
        const error: unknown = await store.get(text).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error, JSON.stringify(text)).to.be.instanceOf(ValidationError);
        const { code, message } = error as ValidationError;
        expect(code).to.equal("VALIDATION_FAILED");
        expect(message)
          .to.include("is not a CID")
          .and.to.match(/e\.g\. bafk[a-z2-7]+/);
      }
    });
  });
}
