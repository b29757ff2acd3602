import type { AuthorityDetail } from "../api/types";
import { AUTHORITY_STATUS_LABELS, dateOnly, KIND_LABELS, labelOf, TYPE_LABELS } from "../text/labels";

/** Who issued the certificate and its accreditation today (the check above is for the day it issued). */
export function IssuerCard({ issuer }: { issuer: AuthorityDetail }) {
  const keys = issuer.signingKeys ?? [];
  return (
    <dl class="facts">
      <dt>Issuer</dt>
      <dd>
        <strong>{issuer.name}</strong> ({issuer.country}), {labelOf(KIND_LABELS, issuer.kind).toLowerCase()}
      </dd>
      <dt>Accreditation today</dt>
      <dd>
        <span class={`badge badge-authority-${issuer.status.toLowerCase()}`}>
          {labelOf(AUTHORITY_STATUS_LABELS, issuer.status)}
        </span>{" "}
        by the accreditor of {issuer.country}
      </dd>
      <dt>May issue</dt>
      <dd>{issuer.certificateTypes.map((type) => labelOf(TYPE_LABELS, type)).join(", ") || "no certificate types"}</dd>
      {keys.length > 0 && (
        <>
          <dt>Signing keys</dt>
          <dd>
            <ul class="plain">
              {keys.map((key) => (
                <li>
                  <span class="mono">{key.address}</span>{" "}
                  <span class="muted">
                    valid {dateOnly(key.validFrom)} – {dateOnly(key.validUntil)}
                    {key.endedBlock !== undefined && `, ended at block ${key.endedBlock}`}
                  </span>
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  );
}
