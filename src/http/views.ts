/** How registry records look in answers: names instead of numbers, decimals instead of thousandths. */
import type { IndexedCertificate, HistoryEntry } from "../application/ports/registry-index.js";
import type { IndexedAuthority } from "../application/ports/registry-queries.js";
import { AuthorityKind, AuthorityStatus, CertificateStatus, CertificateType, isCoo } from "../domain/registry-types.js";

export const nameOf = (table: Record<string, number>, value: number): string =>
  Object.keys(table).find((key) => table[key] === value) ?? String(value);

export function decimalOf(thousandths: bigint): string {
  const whole = thousandths / 1000n;
  const fraction = (thousandths % 1000n).toString().padStart(3, "0").replace(/0+$/, "");
  return fraction === "" ? whole.toString() : `${whole}.${fraction}`;
}

const isoOf = (unixSeconds: number): string => (unixSeconds > 0 ? new Date(unixSeconds * 1000).toISOString() : "");

export function certificateView(
  certificate: IndexedCertificate,
  baseUrl: string,
  issuer?: Pick<IndexedAuthority, "name" | "country">,
): Record<string, unknown> {
  const self = `${baseUrl}/v1/certificates/${certificate.id}`;
  return {
    id: certificate.id,
    status: nameOf(CertificateStatus, certificate.status),
    type: nameOf(CertificateType, certificate.certificateType),
    issuer: { id: certificate.issuer, ...(issuer && { name: issuer.name, country: issuer.country }) },
    exportCountry: certificate.exportCountry,
    importCountry: certificate.importCountry,
    validUntil: isoOf(certificate.validUntil),
    ...(isCoo(certificate.certificateType as CertificateType) && {
      quantity: {
        certified: decimalOf(certificate.quantity),
        drawn: decimalOf(certificate.consumed),
        left: decimalOf(certificate.quantity - certificate.consumed),
        unit: certificate.unit,
      },
    }),
    ...(certificate.supersedes && { supersedes: certificate.supersedes }),
    ...(certificate.supersededBy && { supersededBy: certificate.supersededBy }),
    ...(certificate.batchRoot && { batchRoot: certificate.batchRoot }),
    issuedBlock: certificate.issuedBlock,
    issuedAt: isoOf(certificate.issuedAt),
    links: {
      self,
      history: `${self}/history`,
      document: `${self}/document`,
      verify: `${baseUrl}/verify/${certificate.id}`,
      qr: `${self}/qr`,
      ...(certificate.supersedes && { supersedes: `${baseUrl}/v1/certificates/${certificate.supersedes}` }),
      ...(certificate.supersededBy && { supersededBy: `${baseUrl}/v1/certificates/${certificate.supersededBy}` }),
    },
  };
}

/** One history event; `withArgs` false keeps it to what public status information is. */
export function historyView(entry: HistoryEntry, withArgs: boolean): Record<string, unknown> {
  return {
    block: entry.blockNumber,
    logIndex: entry.logIndex,
    time: isoOf(entry.blockTime),
    transaction: entry.transactionHash,
    event: entry.name,
    ...(entry.certificateId && { certificateId: entry.certificateId }),
    ...(entry.authorityId !== undefined && { authorityId: entry.authorityId }),
    ...(withArgs && { args: entry.args }),
  };
}

export function authorityView(authority: IndexedAuthority, baseUrl: string): Record<string, unknown> {
  return {
    id: authority.id,
    name: authority.name,
    country: authority.country,
    kind: nameOf(AuthorityKind, authority.kind),
    status: nameOf(AuthorityStatus, authority.status),
    certificateTypes: Object.entries(CertificateType)
      .filter(([, type]) => (authority.certificateTypes & (1 << type)) !== 0)
      .map(([name]) => name),
    registeredBlock: authority.registeredBlock,
    updatedBlock: authority.updatedBlock,
    links: {
      self: `${baseUrl}/v1/authorities/${authority.id}`,
      history: `${baseUrl}/v1/authorities/${authority.id}/history`,
    },
  };
}
