import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { expect } from "chai";
import { keccak256, toUtf8Bytes } from "ethers";
import { batchLeafHash, buildBatchTree } from "../../../src/domain/batch-tree.js";
import { termsLeafValues } from "../../../src/domain/certificate-terms.js";
import { TERMS_LEAF_TYPES, type CertificateTerms } from "../../../src/domain/registry-types.js";

function terms(i: number): CertificateTerms {
  return {
    numberHash: keccak256(toUtf8Bytes(`N-${i}`)),
    digest: keccak256(toUtf8Bytes(`D-${i}`)),
    certificateType: (i % 4) as CertificateTerms["certificateType"],
    exportCountry: "0x504b",
    importCountry: i % 3 === 0 ? "0x0000" : "0x4445",
    validUntil: i % 5 === 0 ? 0n : 1_800_000_000n + BigInt(i),
    quantity: i % 2 === 0 ? 0n : (1n << 95n) + BigInt(i),
    unit: i % 2 === 0 ? "0x000000" : "0x4b474d",
  };
}

describe("Batch Merkle tree", function () {
  for (const size of [1, 2, 3, 7, 64, 301]) {
    it(`gives the same root, leaves and proofs as OpenZeppelin's StandardMerkleTree for ${size} certificate(s)`, function () {
      const all = Array.from({ length: size }, (_, i) => terms(i));
      const ours = buildBatchTree(all);
      const reference = StandardMerkleTree.of(all.map(termsLeafValues), [...TERMS_LEAF_TYPES]);
      expect(ours.root).to.equal(reference.root);
      all.forEach((t, i) => {
        expect(ours.leaves[i]).to.equal(reference.leafHash(termsLeafValues(t)));
        expect(ours.proofs[i]).to.deep.equal(reference.getProof(i));
        expect(batchLeafHash(t)).to.equal(ours.leaves[i]);
      });
    });
  }

  it("refuses an empty batch", function () {
    expect(() => buildBatchTree([])).to.throw(RangeError, /at least one/);
  });
});
