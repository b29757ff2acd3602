import { useRef, useState } from "preact/hooks";
import { messageOf, must } from "../api/api-error";
import type { CertificateDocument, IssuedCertificate } from "../api/types";
import { Notice } from "../components/notice";
import { Link } from "../routing/link";
import { useApp } from "../session/app-context";
import { labelOf, shortId, TYPE_LABELS } from "../text/labels";
import { documentFromForm, type IssuingAuthority } from "./document-from-form";

const today = () => new Date().toISOString().slice(0, 10);
const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

/**
 * Issue one certificate from a form of its main fields. The JSON it makes is shown, and can be
 * edited directly for fields the form does not have.
 */
export function IssueForm(props: {
  issuer: IssuingAuthority;
  certificateTypes: readonly string[];
  onIssued: () => void;
}) {
  const { api } = useApp();
  const form = useRef<HTMLFormElement>(null);
  const [type, setType] = useState(props.certificateTypes[0] ?? "COO_NONPREFERENTIAL");
  const [preview, setPreview] = useState("");
  const [json, setJson] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [issued, setIssued] = useState<IssuedCertificate>();
  const coo = type.startsWith("COO");
  const country = props.issuer.country;

  const current = () => (form.current ? documentFromForm(new FormData(form.current), props.issuer) : {});
  const refresh = () => setPreview(JSON.stringify(current(), null, 2));

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setProblem(undefined);
    setIssued(undefined);
    let document: CertificateDocument;
    try {
      document = (json === undefined ? current() : JSON.parse(json)) as CertificateDocument;
    } catch {
      setProblem("The JSON cannot be read: check its brackets, commas and quotes.");
      return;
    }
    setBusy(true);
    try {
      setIssued(await must(api.POST("/v1/certificates", { body: document })));
      props.onIssued();
    } catch (failure) {
      setProblem(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} class="issue-form" onSubmit={(event) => void submit(event)} onInput={refresh}>
      <div hidden={json !== undefined}>
        <fieldset>
          <legend>Certificate</legend>
          <div class="grid">
            <label class="field">
              <span>Type</span>
              <select name="certificateType" value={type} onChange={(event) => setType(event.currentTarget.value)}>
                {props.certificateTypes.map((name) => (
                  <option value={name}>{labelOf(TYPE_LABELS, name)}</option>
                ))}
              </select>
            </label>
            <label class="field">
              <span>Certificate number</span>
              <input name="certificateNumber" required={json === undefined} autocomplete="off" />
            </label>
            <label class="field s1">
              <span>Issue date</span>
              <input type="date" name="issueDate" defaultValue={today()} required={json === undefined} />
            </label>
            <label class="field s1">
              <span>Valid until{coo ? "" : " (optional)"}</span>
              <input
                type="date"
                name="validUntil"
                defaultValue={coo ? inAYear() : ""}
                required={coo && json === undefined}
              />
            </label>
            <label class="field s3">
              <span>Place of issue</span>
              <input name="placeOfIssue" />
            </label>
            <label class="field s3">
              <span>Signed by</span>
              <input name="signatoryName" autocomplete="name" />
            </label>
          </div>
        </fieldset>
        <fieldset>
          <legend>Parties</legend>
          <div class="grid">
            <label class="field">
              <span>Exporter</span>
              <input name="exporterName" required={json === undefined} autocomplete="organization" />
            </label>
            <label class="field">
              <span>Exporter's city</span>
              <input name="exporterCity" />
            </label>
            <label class="field">
              <span>Exporter's country</span>
              <input name="exporterCountry" defaultValue={country} maxLength={2} required={json === undefined} />
            </label>
            <label class="field">
              <span>Consignee (importer)</span>
              <input name="consigneeName" required={json === undefined} />
            </label>
            <label class="field">
              <span>Consignee's city</span>
              <input name="consigneeCity" />
            </label>
            <label class="field">
              <span>Consignee's country</span>
              <input name="consigneeCountry" maxLength={2} required={json === undefined} />
            </label>
            <label class="field">
              <span>Importing country</span>
              <input name="importCountry" maxLength={2} aria-describedby="import-country-help" />
              <small id="import-country-help">Two letters, e.g. DE. Its customs or NPPO accept the certificate.</small>
            </label>
          </div>
        </fieldset>
        <fieldset>
          <legend>Goods</legend>
          <div class="grid">
            <label class="field wide">
              <span>Description</span>
              <input name="goodsDescription" required={coo && json === undefined} />
            </label>
            <label class="field">
              <span>HS code</span>
              <input name="hsCode" inputMode="decimal" required={coo && json === undefined} placeholder="6302.31" />
            </label>
            {!coo && (
              <>
                <label class="field">
                  <span>Botanical name</span>
                  <input name="scientificName" required={json === undefined} placeholder="Rosa spp." />
                </label>
                <label class="field">
                  <span>Common name</span>
                  <input name="commonName" />
                </label>
              </>
            )}
            <label class="field">
              <span>{coo ? "Country of origin" : "Grown in (country)"}</span>
              <input name="originCountry" defaultValue={country} maxLength={2} required={json === undefined} />
            </label>
            {type === "COO_PREFERENTIAL" && (
              <>
                <label class="field s1">
                  <span>Origin criterion</span>
                  <input name="originCriterion" required={json === undefined} placeholder="P" />
                </label>
                <label class="field s1">
                  <span>Preference scheme</span>
                  <input name="preferenceScheme" required={json === undefined} placeholder="EU-GSP" />
                </label>
              </>
            )}
            <label class="field">
              <span>Quantity</span>
              <input name="goodsQuantity" inputMode="decimal" />
            </label>
            <label class="field s1">
              <span>Quantity unit</span>
              <select name="goodsUnit">
                <option value="KGM">kg</option>
                <option value="NAR">pieces</option>
                <option value="LTR">litres</option>
              </select>
            </label>
            {coo && (
              <>
                <label class="field">
                  <span>Certified quantity</span>
                  <input
                    name="certifiedQuantity"
                    inputMode="decimal"
                    required={json === undefined}
                    aria-describedby="certified-help"
                  />
                  <small id="certified-help">What importing customs draw down against declarations.</small>
                </label>
                <label class="field s1">
                  <span>Certified unit</span>
                  <select name="certifiedUnit">
                    <option value="KGM">kg</option>
                    <option value="NAR">pieces</option>
                    <option value="LTR">litres</option>
                  </select>
                </label>
              </>
            )}
          </div>
        </fieldset>
        <fieldset>
          <legend>Consignment</legend>
          <div class="grid">
            <label class="field s3">
              <span>Consignment reference (UCR)</span>
              <input name="ucr" />
            </label>
            <label class="field s3">
              <span>Export declaration</span>
              <input name="exportDeclaration" />
            </label>
            <label class="field wide">
              <span>Remarks</span>
              <input name="remarks" />
            </label>
          </div>
        </fieldset>
        <details onToggle={refresh}>
          <summary>The document as JSON (what is sent)</summary>
          <pre class="json">{preview}</pre>
          <button type="button" class="secondary" onClick={() => setJson(JSON.stringify(current(), null, 2))}>
            Edit the JSON instead
          </button>
        </details>
      </div>
      {json !== undefined && (
        <div class="stack">
          <label class="field">
            <span>The certificate document (JSON)</span>
            <textarea
              name="document"
              rows={22}
              class="mono"
              spellcheck={false}
              value={json}
              onInput={(event) => setJson(event.currentTarget.value)}
            />
          </label>
          <div>
            <button type="button" class="link-button" onClick={() => setJson(undefined)}>
              Back to the form (the JSON edits are dropped)
            </button>
          </div>
        </div>
      )}
      <div aria-live="polite">
        {problem && <Notice kind="error">{problem}</Notice>}
        {issued && (
          <Notice kind="success">
            {issued.status === "CONFIRMED"
              ? "Issued and anchored on the registry"
              : "Recorded; it is reaching the registry"}
            :{" "}
            <Link href={`/verify/${issued.certificateId}`} class="mono">
              {shortId(issued.certificateId)}
            </Link>
          </Notice>
        )}
      </div>
      <div class="actions start">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? "Issuing…" : "Issue certificate"}
        </button>
      </div>
    </form>
  );
}
