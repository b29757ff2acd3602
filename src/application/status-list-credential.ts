import { StatusBitstring } from "../domain/credentials/bitstring-status-list.js";
import { VC_CONTEXT } from "../domain/credentials/certificate-credential.js";
import { gatewayUrl } from "../domain/credentials/gateway-url.js";
import { STATUS_PURPOSES, statusListUrl, type StatusPurpose } from "../domain/credentials/status-list-entry.js";
import { NotFoundError, ValidationError } from "../domain/errors.js";
import { CertificateStatus } from "../domain/registry-types.js";
import type { GatewayContext } from "./gateway-context.js";

/** The certificate status each purpose's bit reports. */
const FLAGGED: Record<StatusPurpose, CertificateStatus> = {
  revocation: CertificateStatus.REVOKED,
  suspension: CertificateStatus.SUSPENDED,
};

/** Certificate ids per index query. */
const CHUNK = 500;

/** A status list credential: the gateway-signed compact JWS (application/vc+jwt) and its payload. */
export interface StatusListCredential {
  jwt: string;
  credential: {
    "@context": string[];
    id: string;
    type: string[];
    issuer: string;
    validFrom: string;
    credentialSubject: { id: string; type: "BitstringStatusList"; statusPurpose: StatusPurpose; encodedList: string };
    iat: number;
  };
}

/**
 * The Bitstring Status List credential of (listId, purpose), built now from the index: a
 * certificate's bit is set while it is REVOKED (revocation) or SUSPENDED (suspension), so the
 * bits follow the chain as far as the index has read it. Signed with the gateway's key (ES256,
 * checked against its JWKS): the gateway attests what the chain says.
 */
export async function statusListCredential(
  ctx: Pick<GatewayContext, "statusLists" | "queries" | "gatewayKey" | "clock">,
  input: { listId: string; purpose: string; baseUrl: string },
): Promise<StatusListCredential> {
  const purpose = STATUS_PURPOSES.find((p) => p === input.purpose);
  if (!purpose) {
    throw new ValidationError(
      `"${input.purpose}" is not a status purpose: use ${STATUS_PURPOSES.map((p) => `"${p}"`).join(" or ")}.`,
    );
  }
  const entries = await ctx.statusLists.entries(input.listId, purpose);
  if (entries.length === 0) {
    throw new NotFoundError(
      `This gateway has no ${purpose} status list "${input.listId}": use the statusListCredential URL a credential names.`,
      { listId: input.listId, purpose },
    );
  }
  const positions = new Map(entries.map((e) => [e.certificateId, e.position]));
  const ids = [...positions.keys()];
  const bits = StatusBitstring.empty();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const flagged = await ctx.queries.searchCertificates(
      { ids: chunk, status: FLAGGED[purpose] },
      { limit: chunk.length },
    );
    for (const certificate of flagged) bits.set(positions.get(certificate.id)!);
  }
  const url = statusListUrl(input.baseUrl, input.listId, purpose);
  const now = ctx.clock.now();
  const credential: StatusListCredential["credential"] = {
    "@context": [VC_CONTEXT],
    id: url,
    type: ["VerifiableCredential", "BitstringStatusListCredential"],
    issuer: gatewayUrl(input.baseUrl, ""),
    validFrom: now.toISOString().replace(/\.\d{3}Z$/, "Z"),
    credentialSubject: {
      id: `${url}#list`,
      type: "BitstringStatusList",
      statusPurpose: purpose,
      encodedList: bits.encode(),
    },
    iat: Math.floor(now.getTime() / 1000),
  };
  const jwt = await ctx.gatewayKey.sign(credential, { typ: "vc+jwt", cty: "vc" });
  return { jwt, credential };
}
