import type { TypedDataDomain, TypedDataField } from "ethers";

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
