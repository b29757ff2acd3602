import { getAddress } from "ethers";
import { ValidationError } from "../errors.js";

const PATTERN = /^did:pkh:eip155:([1-9]\d{0,19}):(0x[0-9a-fA-F]{40})#blockchainAccountId$/;

/**
 * The JWS `kid` of an authority's signing key: its account as a did:pkh (CAIP-10) on the
 * registry's chain, e.g. "did:pkh:eip155:31337:0xAb…#blockchainAccountId". It names the key
 * itself, so a verifier recovers the signer and checks the registry for it.
 */
export function authorityKeyId(chainId: bigint, address: string): string {
  return `did:pkh:eip155:${chainId}:${getAddress(address)}#blockchainAccountId`;
}

/** The chain and key address a `kid` names; `ValidationError` when it is not an authority key id. */
export function parseAuthorityKeyId(kid: unknown): { chainId: bigint; address: string } {
  const match = typeof kid === "string" ? PATTERN.exec(kid) : null;
  if (!match) {
    throw new ValidationError(
      'The credential\'s "kid" does not name an authority key ("did:pkh:eip155:<chain id>:<address>#blockchainAccountId"): ' +
        "only credentials signed under a registered authority key can be verified here.",
      { kid: typeof kid === "string" ? kid.slice(0, 200) : null },
    );
  }
  return { chainId: BigInt(match[1]), address: getAddress(match[2].toLowerCase()) };
}
