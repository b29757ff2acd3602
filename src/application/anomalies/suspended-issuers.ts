import { AuthorityStatus } from "../../domain/registry-types.js";
import type {
  AuditPeriod,
  AuditQueries,
  IssuedWhileSuspended,
  SuspendedIssuerExposure,
} from "../ports/audit-queries.js";
import { authorityLabel, isoTime, type Anomaly } from "./anomaly.js";

const statusName = (status: number): string =>
  Object.keys(AuthorityStatus).find((name) => AuthorityStatus[name as keyof typeof AuthorityStatus] === status) ??
  String(status);

/**
 * Issuers suspended or withdrawn while certificates they issued are still in force (one finding
 * per issuer), and certificates anchored while their issuer stood suspended or withdrawn (one per
 * certificate or batch: the registry refuses those, so any found means its rules were bypassed).
 */
export async function suspendedIssuers(audit: AuditQueries, period: AuditPeriod): Promise<Anomaly[]> {
  const [exposed, issued] = await Promise.all([
    audit.suspendedIssuersInForce(period),
    audit.issuedWhileSuspended(period),
  ]);
  return [...exposed.map(stillInForce), ...issued.map(issuedWhileSuspended)];
}

function stillInForce(issuer: SuspendedIssuerExposure): Anomaly {
  const status = statusName(issuer.status);
  const batches =
    issuer.batchesInForce > 0
      ? ` and ${issuer.batchesInForce} batch(es) holding ${issuer.batchMembers} certificates`
      : "";
  return {
    kind: "SUSPENDED_ISSUER",
    severity: issuer.status === AuthorityStatus.WITHDRAWN ? "HIGH" : "MEDIUM",
    authorityId: issuer.authorityId,
    detectedAt: isoTime(issuer.since.blockTime),
    block: issuer.since.blockNumber,
    evidence: {
      status,
      since: {
        block: issuer.since.blockNumber,
        time: isoTime(issuer.since.blockTime),
        transaction: issuer.since.transactionHash,
      },
      inForce: issuer.inForce,
      certificateIds: issuer.certificateIds,
      batchesInForce: issuer.batchesInForce,
      batchMembers: issuer.batchMembers,
    },
    explanation:
      `${authorityLabel("Issuer", issuer.authorityId, issuer.name, issuer.country)} has been ${status} since ` +
      `${isoTime(issuer.since.blockTime)} (block ${issuer.since.blockNumber}), yet ${issuer.inForce} certificate(s) ` +
      `it issued are still in force (ISSUED or ACCEPTED)${batches}. Importers may still rely on them: review them ` +
      "and have those that should not stand revoked.",
  };
}

function issuedWhileSuspended(issuance: IssuedWhileSuspended): Anomaly {
  const status = issuance.statusEvent === "AuthorityWithdrawn" ? "WITHDRAWN" : "SUSPENDED";
  const what = issuance.certificateId
    ? `Certificate ${issuance.certificateId} was`
    : `Batch ${issuance.batchRoot} of ${issuance.count} certificates was`;
  return {
    kind: "SUSPENDED_ISSUER",
    severity: "HIGH",
    ...(issuance.certificateId !== undefined && { certificateId: issuance.certificateId }),
    authorityId: issuance.issuer,
    detectedAt: isoTime(issuance.blockTime),
    block: issuance.blockNumber,
    evidence: {
      status,
      statusBlock: issuance.statusBlock,
      ...(issuance.batchRoot !== undefined && { batchRoot: issuance.batchRoot }),
      count: issuance.count,
      transaction: issuance.transactionHash,
    },
    explanation:
      `${what} anchored at block ${issuance.blockNumber} (${isoTime(issuance.blockTime)}) by ` +
      `${authorityLabel("issuer", issuance.issuer, issuance.issuerName)} while it stood ${status} (since block ` +
      `${issuance.statusBlock}). The registry refuses such issuance, so treat what was issued as suspect and check ` +
      "the registry's version and the issuer's keys.",
  };
}
