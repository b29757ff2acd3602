import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import type { CertificateTerms } from "./registry-types.js";
import { TERMS_LEAF_TYPES } from "./registry-types.js";
import { termsLeafValues } from "./certificate-terms.js";

/** A batch's Merkle tree over its certificates' terms, as the registry's batch functions verify it. */
export interface BatchTree {
  root: string;
  /** The proof of each certificate's terms, in the order the terms were given. */
  proofs: string[][];
  /** Each certificate's leaf hash, in the same order. */
  leaves: string[];
}

/** Builds the OpenZeppelin StandardMerkleTree the registry checks batch leaves against. */
export function buildBatchTree(terms: readonly CertificateTerms[]): BatchTree {
  if (terms.length === 0) throw new RangeError("A batch needs at least one certificate.");
  const tree = StandardMerkleTree.of(terms.map(termsLeafValues), [...TERMS_LEAF_TYPES]);
  return {
    root: tree.root,
    proofs: terms.map((_, i) => tree.getProof(i)),
    leaves: terms.map((_, i) => tree.leafHash(termsLeafValues(terms[i]))),
  };
}

/** The leaf hash of one certificate's terms (double keccak of the ABI encoding). */
export function batchLeafHash(terms: CertificateTerms): string {
  return StandardMerkleTree.of([termsLeafValues(terms)], [...TERMS_LEAF_TYPES]).root;
}
