import type { TransactionRequest, TypedDataDomain, TypedDataField } from "ethers";

/**
 * One authority signing key. The dev keystore holds the private key in an encrypted JSON file;
 * an HSM or KMS adapter implements the same interface without the key ever leaving it.
 */
export interface ActionSigner {
  /** The key's address, checksummed: what the AuthorityRegistry records for the authority. */
  readonly address: string;
  /** An EIP-712 signature (65 bytes, 0x-hex) over `value` of the primary type in `types`. */
  signTypedData(
    domain: TypedDataDomain,
    types: Record<string, TypedDataField[]>,
    value: Record<string, unknown>,
  ): Promise<string>;
  /**
   * A signed raw transaction (0x-hex) for the key's own calls, e.g. an accreditor registering an
   * authority. The request is complete (nonce, gas, fees, chain id): the key only signs.
   */
  signTransaction(request: TransactionRequest): Promise<string>;
  /**
   * A plain secp256k1 ECDSA signature over a 32-byte digest (0x-hex), as 64 bytes r ‖ s (low s):
   * the JWS `ES256K` form, for credentials issued under the authority's key.
   */
  signDigest(digest: string): Promise<string>;
}

/** The signing keys this gateway may use on behalf of authorities. */
export interface KeyRing {
  /** The signer for a key address; throws `NotFoundError` when the ring does not hold that key. */
  signer(address: string): Promise<ActionSigner>;
  /** Creates a new key (where the ring can) and returns its signer. */
  create(label: string): Promise<ActionSigner>;
  /** The addresses of every key the ring holds. */
  addresses(): Promise<string[]>;
}
