/**
 * Content-addressed storage for encrypted documents (IPFS). Every adapter computes the same CID
 * for the same bytes: CIDv1, raw leaves, 256 KiB fixed-size chunks, as Kubo does with
 * `cid-version=1 raw-leaves=true chunker=size-262144`.
 */
export interface DocumentStore {
  /** Stores the bytes (pinned where the store pins) and returns their CID, base32 CIDv1. Idempotent. */
  put(bytes: Uint8Array): Promise<string>;
  /**
   * The bytes stored under `cid`, or `undefined` when the store does not hold them.
   * Throws `UnavailableError` when the store cannot be reached, and `ValidationError` for a
   * string that is not a CID.
   */
  get(cid: string): Promise<Uint8Array | undefined>;
  /** Releases the store's resources; the store is unusable afterwards. */
  close(): Promise<void>;
}
