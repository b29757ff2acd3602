import { useEffect, useState } from "preact/hooks";
import { must } from "../api/api-error";
import type { Certificate, CertificateDocument } from "../api/types";
import { ActionDialog } from "../components/action-dialog";
import { ReasonFields } from "../components/reason-fields";
import { useApp } from "../session/app-context";
import { shortId } from "../text/labels";
import { formText } from "../components/form-text";

/**
 * Replace a certificate with a corrected one: the current document is loaded to be corrected
 * (it needs a new certificate number); both are linked on the registry.
 */
export function ReplaceDialog(props: {
  certificate: Certificate;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const { api } = useApp();
  const [json, setJson] = useState("");
  const [loadProblem, setLoadProblem] = useState<string>();
  useEffect(() => {
    must(api.GET("/v1/certificates/{id}/document", { params: { path: { id: props.certificate.id } } }))
      .then((read) => setJson(JSON.stringify(read.document, null, 2)))
      .catch(() => setLoadProblem("The current document could not be opened here: paste or load the corrected one."));
  }, [api, props.certificate.id]);

  const loadFile = async (file: File | undefined) => {
    if (file) setJson(await file.text());
  };

  const submit = async (form: FormData) => {
    let document: CertificateDocument;
    try {
      document = JSON.parse(json) as CertificateDocument;
    } catch {
      throw new Error("The corrected document is not valid JSON: check its brackets, commas and quotes.");
    }
    const replaced = await must(
      api.POST("/v1/certificates/{id}/replace", {
        params: { path: { id: props.certificate.id } },
        body: { reasonCode: Number(formText(form, "reasonCode")), document },
      }),
    );
    props.onDone(`Replaced ${shortId(props.certificate.id)} by ${shortId(replaced.certificateId)}.`);
  };

  return (
    <ActionDialog
      title={`Replace certificate ${shortId(props.certificate.id)}`}
      intro="Correct the document below and give it a new certificate number. The old certificate becomes “replaced” and points to the new one."
      submitLabel="Replace"
      onSubmit={submit}
      onClose={props.onClose}
    >
      <ReasonFields withText={false} />
      {loadProblem && <p class="muted">{loadProblem}</p>}
      <label class="field">
        <span>Corrected document (JSON)</span>
        <textarea
          rows={14}
          class="mono"
          spellcheck={false}
          value={json}
          onInput={(e) => setJson(e.currentTarget.value)}
          required
        />
      </label>
      <label class="field">
        <span>Or load it from a file</span>
        <input
          type="file"
          accept=".json,application/json"
          onChange={(event) => void loadFile(event.currentTarget.files?.[0])}
        />
      </label>
    </ActionDialog>
  );
}
