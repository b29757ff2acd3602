import type { ComponentChildren } from "preact";
import type { Certificate } from "../api/types";
import { Link } from "../routing/link";
import { dateTime, labelOf, shortId, TYPE_LABELS, TYPE_SHORT_LABELS } from "../text/labels";
import { StatusBadge } from "./status-badge";

/**
 * Certificates as rows; each id opens its verify page, `actions` adds the buttons a console
 * offers. On a tablet each row becomes a card, its cells labelled, so nothing hides off-screen.
 */
export function CertificateTable(props: {
  caption: string;
  certificates: readonly Certificate[];
  actions?: (certificate: Certificate) => ComponentChildren;
}) {
  if (props.certificates.length === 0) return <p class="empty">No certificates match.</p>;
  return (
    <div class="table-scroll" role="region" aria-label={props.caption} tabIndex={0}>
      <table class="responsive">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Certificate</th>
            <th scope="col">Type</th>
            <th scope="col">Status</th>
            <th scope="col">From → to</th>
            <th scope="col">Issued</th>
            <th scope="col">Quantity left</th>
            {props.actions && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {props.certificates.map((certificate) => (
            <tr key={certificate.id} data-certificate={certificate.id}>
              <th scope="row">
                <Link href={`/verify/${certificate.id}`} class="mono nowrap" title={certificate.id}>
                  {shortId(certificate.id)}
                </Link>
                {certificate.issuer.name && <div class="muted small">{certificate.issuer.name}</div>}
              </th>
              <td data-label="Type" title={labelOf(TYPE_LABELS, certificate.type)}>
                {labelOf(TYPE_SHORT_LABELS, certificate.type)}
              </td>
              <td data-label="Status">
                <StatusBadge status={certificate.status} />
              </td>
              <td data-label="From → to" class="nowrap">
                {certificate.exportCountry} → {certificate.importCountry || "any"}
              </td>
              <td data-label="Issued">{dateTime(certificate.issuedAt)}</td>
              <td data-label="Quantity left">
                {certificate.quantity
                  ? `${certificate.quantity.left} of ${certificate.quantity.certified} ${certificate.quantity.unit}`
                  : "—"}
              </td>
              {props.actions && (
                <td class="actions-cell">
                  <div class="row-actions">{props.actions(certificate)}</div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
