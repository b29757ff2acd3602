import { createCipheriv, createHash } from "node:crypto";

/**
 * `size` pseudo-random bytes from `seed`, exactly as Kubo's test harness makes them
 * (test/cli/testutils/random_deterministic.go): the ChaCha20 key stream under key SHA-256(seed),
 * zero nonce, counter from 0. So a test can rebuild the files behind Kubo's published CIDs.
 */
export function deterministicBytes(size: number, seed: string): Uint8Array {
  const key = createHash("sha256").update(seed).digest();
  // OpenSSL's chacha20 takes a 16-byte IV: the 32-bit block counter, then the 96-bit nonce.
  const cipher = createCipheriv("chacha20", key, Buffer.alloc(16));
  return new Uint8Array(cipher.update(Buffer.alloc(size)));
}
