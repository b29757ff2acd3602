import type { DeclarationDraft } from "../api/types";
import { Link } from "../routing/link";
import { labelOf, shortId, TYPE_LABELS } from "../text/labels";
import { valueText } from "./value-text";

type Field = { value: unknown; certificateId: string } | undefined;

/** A field of the draft with the certificate it comes from. */
function FieldRow({ label, field }: { label: string; field: Field }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        {field ? (
          <>
            {valueText(field.value)}{" "}
            <Link
              href={`/verify/${field.certificateId}`}
              class="source"
              title={`From certificate ${field.certificateId}`}
            >
              from {shortId(field.certificateId)}
            </Link>
          </>
        ) : (
          <span class="muted">not stated</span>
        )}
      </dd>
    </>
  );
}

/**
 * The import declaration pre-filled from the consignment's certificates that verify, each value
 * with its source, and the fields the certificates disagree on flagged first.
 */
export function DeclarationDraftView({ draft }: { draft: DeclarationDraft }) {
  return (
    <div class="stack">
      {draft.disagreements.length > 0 && (
        <section class="card flagged" aria-labelledby="disagreements-heading">
          <h3 id="disagreements-heading">
            <span aria-hidden="true">⚑ </span>
            {draft.disagreements.length} field{draft.disagreements.length === 1 ? "" : "s"} the certificates state
            differently
          </h3>
          <p class="small">
            The draft holds the first value (the certificate of origin's before the ePhyto's). Check them.
          </p>
          <ul class="plain">
            {draft.disagreements.map((disagreement) => (
              <li data-disagreement={disagreement.field}>
                <strong class="mono">{disagreement.field}</strong>:{" "}
                {disagreement.values.map((stated, index) => (
                  <>
                    {index > 0 && " vs "}“{stated.value}”{" "}
                    <span class="muted">({labelOf(TYPE_LABELS, stated.type)})</span>
                  </>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section class="card" aria-labelledby="draft-heading">
        <h3 id="draft-heading">Declaration draft</h3>
        <dl class="facts">
          <FieldRow label="Consignor (exporter)" field={draft.consignor} />
          <FieldRow label="Consignee" field={draft.consignee} />
          <FieldRow label="Country of export" field={draft.exportCountry} />
          <FieldRow label="Country of import" field={draft.importCountry} />
          <FieldRow label="Export declaration" field={draft.exportDeclaration} />
          <FieldRow label="Transport" field={draft.transport} />
          <FieldRow label="Invoices" field={draft.invoices} />
          <dt>Preference</dt>
          <dd>
            {draft.preference
              ? draft.preference.claimed
                ? `Claimed under ${valueText(draft.preference.scheme?.value) || "the certificate's scheme"}`
                : "Not claimed"
              : "No certificate of origin verifies: no preference can be claimed from this consignment."}
          </dd>
        </dl>
      </section>
      <section class="card" aria-labelledby="lines-heading">
        <h3 id="lines-heading">Goods</h3>
        <div class="table-scroll" role="region" aria-labelledby="lines-heading" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">HS code</th>
                <th scope="col">Description</th>
                <th scope="col">Quantity</th>
                <th scope="col">Net weight</th>
                <th scope="col">Origin</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {draft.lines.map((line) => (
                <tr>
                  <td class="mono">{valueText(line.hsCode?.value)}</td>
                  <td>
                    {valueText(line.description?.value) || valueText(line.scientificName?.value)}
                    {line.scientificName && line.description && (
                      <div class="muted small">{valueText(line.scientificName.value)}</div>
                    )}
                  </td>
                  <td>{valueText(line.quantity?.value)}</td>
                  <td>{valueText(line.netWeight?.value)}</td>
                  <td>
                    {valueText(line.originCountry?.value)}
                    {line.originCriterion && ` (criterion ${valueText(line.originCriterion.value)})`}
                  </td>
                  <td class="small">
                    {line.sources.map((source) => (
                      <div>
                        <Link href={`/verify/${source.certificateId}`} class="mono">
                          {shortId(source.certificateId)}
                        </Link>{" "}
                        line {source.sequence}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {draft.phyto.length > 0 && (
        <section class="card" aria-labelledby="phyto-heading">
          <h3 id="phyto-heading">Plant health</h3>
          <ul class="plain">
            {draft.phyto.map((phyto) => (
              <li>
                <Link href={`/verify/${phyto.certificateId}`} class="mono">
                  {shortId(phyto.certificateId)}
                </Link>
                : {phyto.accepted ? "accepted by the NPPO" : "not yet accepted by the NPPO"}
                {phyto.treatments && phyto.treatments.length > 0 && `; treatments: ${valueText(phyto.treatments)}`}
                {phyto.additionalDeclarations &&
                  phyto.additionalDeclarations.length > 0 &&
                  `; additional declarations: ${valueText(phyto.additionalDeclarations)}`}
              </li>
            ))}
          </ul>
        </section>
      )}
      {(draft.used.length > 0 || draft.leftOut.length > 0) && (
        <section class="card" aria-labelledby="sources-heading">
          <h3 id="sources-heading">Certificates behind the draft</h3>
          <ul class="plain">
            {draft.used.map((used) => (
              <li>
                Used: {labelOf(TYPE_LABELS, used.type)}{" "}
                <Link href={`/verify/${used.certificateId}`} class="mono">
                  {used.certificateNumber ?? shortId(used.certificateId)}
                </Link>
                {used.note
                  ? ` — ${used.note}`
                  : used.contents === "REGISTRY" && " (registry facts only: its document is not yours to open)"}
              </li>
            ))}
            {draft.leftOut.map((left) => (
              <li class="error-text">
                Left out: {labelOf(TYPE_LABELS, left.type)}{" "}
                <Link href={`/verify/${left.certificateId}`} class="mono">
                  {shortId(left.certificateId)}
                </Link>{" "}
                — {left.verdict === "UNAVAILABLE" ? "cannot be checked now" : "not valid"}: {left.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
