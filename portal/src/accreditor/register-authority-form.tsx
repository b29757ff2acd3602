import { useState } from "preact/hooks";
import { messageOf, must } from "../api/api-error";
import { Notice } from "../components/notice";
import { useApp } from "../session/app-context";
import { KIND_LABELS, TYPE_LABELS } from "../text/labels";
import { formText } from "../components/form-text";

type Kind = "CHAMBER" | "NPPO" | "CUSTOMS" | "AUDITOR";
type CertificateTypeName = "COO_NONPREFERENTIAL" | "COO_PREFERENTIAL" | "PHYTO" | "PHYTO_REEXPORT";

/** Which certificate types each kind of authority may be accredited for (the registry refuses others). */
const TYPES_OF: Record<Kind, CertificateTypeName[]> = {
  CHAMBER: ["COO_NONPREFERENTIAL", "COO_PREFERENTIAL"],
  NPPO: ["PHYTO", "PHYTO_REEXPORT"],
  CUSTOMS: [],
  AUDITOR: [],
};

/** Register an authority of the accreditor's country. */
export function RegisterAuthorityForm({
  country,
  onRegistered,
}: {
  country: string;
  onRegistered: (authorityId: number | undefined) => void;
}) {
  const { api } = useApp();
  const [kind, setKind] = useState<Kind>("CHAMBER");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string }>();

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    setBusy(true);
    setMessage(undefined);
    try {
      const outcome = await must(
        api.POST("/v1/authorities", {
          body: {
            name: formText(form, "name"),
            kind,
            certificateTypes: form
              .getAll("certificateTypes")
              .filter((type) => typeof type === "string") as CertificateTypeName[],
          },
        }),
      );
      const id = (outcome as { authorityId?: number }).authorityId;
      setMessage({
        kind: "success",
        text: `Registered${id ? ` as authority ${id}` : ""}. Add its signing key under “Keys”.`,
      });
      formElement.reset();
      onRegistered(id);
    } catch (failure) {
      setMessage({ kind: "error", text: messageOf(failure) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card stack" onSubmit={(event) => void submit(event)}>
      <h2>Register an authority of {country}</h2>
      <div class="grid">
        <label class="field wide">
          <span>Name</span>
          <input name="name" required maxLength={200} autocomplete="organization" />
        </label>
        <label class="field">
          <span>Kind</span>
          <select name="kind" value={kind} onChange={(event) => setKind(event.currentTarget.value as Kind)}>
            {Object.entries(KIND_LABELS).map(([value, label]) => (
              <option value={value}>{label}</option>
            ))}
          </select>
        </label>
      </div>
      {TYPES_OF[kind].length > 0 && (
        <fieldset>
          <legend>May issue</legend>
          {TYPES_OF[kind].map((type) => (
            <label class="check">
              <input type="checkbox" name="certificateTypes" value={type} defaultChecked />
              {TYPE_LABELS[type]}
            </label>
          ))}
        </fieldset>
      )}
      <div aria-live="polite">{message && <Notice kind={message.kind}>{message.text}</Notice>}</div>
      <div class="actions start">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? "Registering…" : "Register"}
        </button>
      </div>
    </form>
  );
}
