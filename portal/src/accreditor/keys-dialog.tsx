import { useEffect, useState } from "preact/hooks";
import { must } from "../api/api-error";
import type { Authority, AuthorityDetail } from "../api/types";
import { ActionDialog } from "../components/action-dialog";
import { useApp } from "../session/app-context";
import { dateOnly } from "../text/labels";
import { formText } from "../components/form-text";

type KeyAction = "rotate" | "add" | "revoke";

const inTwoYears = () => new Date(Date.now() + 2 * 365 * 86_400_000).toISOString().slice(0, 10);

/**
 * An authority's signing keys, and what the accreditor does with them: rotate one (the old one
 * ends, a new one starts), add one, or revoke one at once (e.g. compromised). Certificates issued
 * before stay valid: the registry checks the key at each certificate's issuing block.
 */
export function KeysDialog(props: { authority: Authority; onDone: (message: string) => void; onClose: () => void }) {
  const { api } = useApp();
  const [detail, setDetail] = useState<AuthorityDetail>();
  const [action, setAction] = useState<KeyAction>("rotate");
  const path = { id: props.authority.id };
  useEffect(() => {
    void must(api.GET("/v1/authorities/{id}", { params: { path } })).then(setDetail);
  }, [api, props.authority.id]);
  const now = Date.now();
  const current = (detail?.signingKeys ?? []).filter(
    (key) => key.endedBlock === undefined && Date.parse(key.validUntil) > now,
  );

  const submit = async (form: FormData) => {
    const validUntil = `${formText(form, "validUntil")}T23:59:59Z`;
    const key = formText(form, "key");
    const newKey = formText(form, "newKey");
    if (action === "rotate") {
      const outcome = await must(
        api.POST("/v1/authorities/{id}/keys/rotate", {
          params: { path },
          body: { oldKey: key, validUntil, ...(newKey && { newKey }) },
        }),
      );
      props.onDone(
        `Rotated the key of ${props.authority.name}; new key ${(outcome as { newKey?: string }).newKey ?? newKey}.`,
      );
    } else if (action === "add") {
      const outcome = await must(
        api.POST("/v1/authorities/{id}/keys", {
          params: { path },
          body: { validUntil, ...(newKey && { key: newKey }) },
        }),
      );
      props.onDone(`Added key ${(outcome as { key?: string }).key ?? newKey} to ${props.authority.name}.`);
    } else {
      await must(api.POST("/v1/authorities/{id}/keys/revoke", { params: { path }, body: { key } }));
      props.onDone(`Revoked key ${key} of ${props.authority.name}.`);
    }
  };

  return (
    <ActionDialog
      title={`Signing keys of ${props.authority.name}`}
      submitLabel={action === "rotate" ? "Rotate key" : action === "add" ? "Add key" : "Revoke key"}
      danger={action === "revoke"}
      onSubmit={submit}
      onClose={props.onClose}
    >
      {detail ? (
        <ul class="plain keys">
          {(detail.signingKeys ?? []).map((key) => (
            <li>
              <span class="mono break">{key.address}</span>{" "}
              <span class="muted small">
                {dateOnly(key.validFrom)} – {dateOnly(key.validUntil)}
                {key.endedBlock !== undefined && ` (ended at block ${key.endedBlock})`}
              </span>
            </li>
          ))}
          {(detail.signingKeys ?? []).length === 0 && <li class="muted">No signing keys yet.</li>}
        </ul>
      ) : (
        <p class="working">Loading the keys…</p>
      )}
      <fieldset>
        <legend>What to do</legend>
        {(
          [
            ["rotate", "Rotate a key (the old one ends now, a new one starts)"],
            ["add", "Add a key"],
            ["revoke", "Revoke a key at once (e.g. compromised)"],
          ] as const
        ).map(([value, label]) => (
          <label class="check">
            <input
              type="radio"
              name="action"
              value={value}
              checked={action === value}
              onChange={() => setAction(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {action !== "add" && (
        <label class="field">
          <span>Key</span>
          <select name="key" required>
            {current.map((key) => (
              <option value={key.address}>{key.address}</option>
            ))}
          </select>
        </label>
      )}
      {action !== "revoke" && (
        <>
          <label class="field">
            <span>New key address (optional)</span>
            <input
              name="newKey"
              class="mono"
              pattern="0x[0-9a-fA-F]{40}"
              placeholder="left empty: the gateway makes one"
            />
          </label>
          <label class="field">
            <span>New key valid until</span>
            <input type="date" name="validUntil" required defaultValue={inTwoYears()} />
          </label>
        </>
      )}
    </ActionDialog>
  );
}
