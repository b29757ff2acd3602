import type { Certificate } from "../api/types";
import { StatusBadge } from "../components/status-badge";
import { Link } from "../routing/link";
import { dateOnly, dateTime, labelOf, shortId, TYPE_LABELS } from "../text/labels";

/** What the registry holds about a certificate: type, status, countries, dates, quantity and links to its replacements. */
export function CertificateFacts({ certificate }: { certificate: Certificate }) {
  const quantity = certificate.quantity;
  return (
    <dl class="facts" data-facts="certificate">
      <dt>Certificate</dt>
      <dd class="mono break">{certificate.id}</dd>
      <dt>Type</dt>
      <dd>{labelOf(TYPE_LABELS, certificate.type)}</dd>
      <dt>Status</dt>
      <dd>
        <StatusBadge status={certificate.status} />
      </dd>
      <dt>From → to</dt>
      <dd>
        {certificate.exportCountry} → {certificate.importCountry || "no importing country named"}
      </dd>
      <dt>Issued</dt>
      <dd>
        {dateTime(certificate.issuedAt)} <span class="muted">(block {certificate.issuedBlock})</span>
      </dd>
      <dt>Valid until</dt>
      <dd>{certificate.validUntil ? dateOnly(certificate.validUntil) : "No end date"}</dd>
      {quantity && (
        <>
          <dt>Quantity left</dt>
          <dd>
            <strong>
              {quantity.left} {quantity.unit}
            </strong>{" "}
            of {quantity.certified} {quantity.unit} certified ({quantity.drawn} drawn down)
            <meter
              class="quantity-meter"
              min={0}
              max={Number(quantity.certified) || 1}
              value={Number(quantity.left)}
              aria-label="Quantity left"
            />
          </dd>
        </>
      )}
      {certificate.supersedes && (
        <>
          <dt>Replaces</dt>
          <dd>
            <Link href={`/verify/${certificate.supersedes}`} class="mono">
              {shortId(certificate.supersedes)}
            </Link>
          </dd>
        </>
      )}
      {certificate.supersededBy && (
        <>
          <dt>Replaced by</dt>
          <dd>
            <Link href={`/verify/${certificate.supersededBy}`} class="mono">
              {shortId(certificate.supersededBy)}
            </Link>{" "}
            — check the replacement instead.
          </dd>
        </>
      )}
      {certificate.batchRoot && (
        <>
          <dt>Issued in batch</dt>
          <dd class="mono break">{certificate.batchRoot}</dd>
        </>
      )}
    </dl>
  );
}
