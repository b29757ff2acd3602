import { useState } from "preact/hooks";
import type { CertificateSearch } from "../api/types";
import { labelOf, STATUS_LABELS, TYPE_LABELS } from "../text/labels";

export type FilterField = "status" | "type" | "ucr" | "from" | "to" | "issuer" | "exportCountry" | "importCountry";

const STATUSES = Object.keys(STATUS_LABELS);
const TYPES = ["COO", "PHYTO", ...Object.keys(TYPE_LABELS)];
const TYPE_CHOICES: Record<string, string> = {
  COO: "Any certificate of origin",
  PHYTO: "Any phytosanitary certificate",
  ...TYPE_LABELS,
};

/** A search form over GET /v1/certificates; the fields shown are the ones a console needs. */
export function CertificateFilters(props: {
  fields: readonly FilterField[];
  initial?: CertificateSearch;
  onSearch: (search: CertificateSearch) => void;
}) {
  const has = (field: FilterField) => props.fields.includes(field);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(props.initial ?? {}).map(([name, value]) => [name, String(value)])),
  );
  /** The props that bind a field to the form's state. */
  const bind = (name: FilterField) => ({
    name,
    value: values[name] ?? "",
    onInput: (event: Event) =>
      setValues((before) => ({ ...before, [name]: (event.currentTarget as HTMLInputElement).value })),
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const search: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(values)) {
      const text = value.trim();
      if (text === "") continue;
      search[name] = name === "issuer" ? Number(text) : name.endsWith("Country") ? text.toUpperCase() : text;
    }
    props.onSearch(search);
  };
  return (
    <form class="filters" onSubmit={submit} role="search" aria-label="Filter certificates">
      {has("status") && (
        <label class="field">
          <span>Status</span>
          <select {...bind("status")}>
            <option value="">Any status</option>
            {STATUSES.map((status) => (
              <option value={status}>{labelOf(STATUS_LABELS, status)}</option>
            ))}
          </select>
        </label>
      )}
      {has("type") && (
        <label class="field">
          <span>Type</span>
          <select {...bind("type")}>
            <option value="">Any type</option>
            {TYPES.map((type) => (
              <option value={type}>{TYPE_CHOICES[type]}</option>
            ))}
          </select>
        </label>
      )}
      {has("ucr") && (
        <label class="field">
          <span>Consignment reference (UCR)</span>
          <input {...bind("ucr")} autocomplete="off" />
        </label>
      )}
      {has("issuer") && (
        <label class="field narrow">
          <span>Issuer id</span>
          <input {...bind("issuer")} inputMode="numeric" pattern="[0-9]*" />
        </label>
      )}
      {has("exportCountry") && (
        <label class="field narrow">
          <span>Export country</span>
          <input {...bind("exportCountry")} maxLength={2} pattern="[A-Za-z]{2}" placeholder="PK" />
        </label>
      )}
      {has("importCountry") && (
        <label class="field narrow">
          <span>Import country</span>
          <input {...bind("importCountry")} maxLength={2} pattern="[A-Za-z]{2}" placeholder="DE" />
        </label>
      )}
      {has("from") && (
        <label class="field">
          <span>Issued from</span>
          <input type="date" {...bind("from")} />
        </label>
      )}
      {has("to") && (
        <label class="field">
          <span>Issued until</span>
          <input type="date" {...bind("to")} />
        </label>
      )}
      <div class="field field-button">
        <button type="submit" class="primary">
          Search
        </button>
      </div>
    </form>
  );
}
