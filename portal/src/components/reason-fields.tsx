import { REASON_CODES } from "../text/labels";
import { formText } from "./form-text";

/** The reason of a revocation, suspension or rejection: a code from the list, and free text when asked for. */
export function ReasonFields({ withText = true }: { withText?: boolean }) {
  return (
    <>
      <label class="field">
        <span>Reason</span>
        <select name="reasonCode" required>
          <option value="">Choose a reason…</option>
          {REASON_CODES.map((reason) => (
            <option value={reason.code}>{reason.label}</option>
          ))}
        </select>
      </label>
      {withText && (
        <label class="field">
          <span>Explanation (optional)</span>
          <textarea name="reasonText" rows={3} maxLength={2000} />
          <small>Only its fingerprint (hash) goes on the registry; keep the text in your records.</small>
        </label>
      )}
    </>
  );
}

/** The reason fields of a submitted form, as the API takes them. */
export function reasonOf(form: FormData): { reasonCode: number; reasonText?: string } {
  const text = formText(form, "reasonText");
  return { reasonCode: Number(formText(form, "reasonCode")), ...(text && { reasonText: text }) };
}
