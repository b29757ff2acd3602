import { must } from "../api/api-error";
import type { Certificate } from "../api/types";
import { ActionDialog } from "../components/action-dialog";
import { useApp } from "../session/app-context";
import { shortId } from "../text/labels";
import { formText } from "../components/form-text";

/** Record the use of part of a certificate of origin's quantity against an import declaration. */
export function DrawDownDialog(props: {
  certificate: Certificate;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const { api } = useApp();
  const quantity = props.certificate.quantity;
  const submit = async (form: FormData) => {
    const text = (name: string) => formText(form, name);
    const outcome = await must(
      api.POST("/v1/certificates/{id}/drawdowns", {
        params: { path: { id: props.certificate.id } },
        body: {
          declarationReference: text("declarationReference"),
          amount: text("amount"),
          ...(text("invoiceValue") && { invoiceValue: text("invoiceValue") }),
          ...(text("invoiceCurrency") && { invoiceCurrency: text("invoiceCurrency").toUpperCase() }),
        },
      }),
    );
    props.onDone(
      outcome.status === "CONFIRMED"
        ? `Drew down ${text("amount")} ${quantity?.unit ?? ""} of ${shortId(props.certificate.id)} against declaration ${text("declarationReference")}.`
        : "The drawdown is recorded and reaching the registry.",
    );
  };
  return (
    <ActionDialog
      title={`Draw down ${shortId(props.certificate.id)}`}
      intro={
        quantity
          ? `${quantity.left} ${quantity.unit} left of ${quantity.certified} ${quantity.unit} certified. More than is left is refused (and recorded for auditors).`
          : undefined
      }
      submitLabel="Draw down"
      onSubmit={submit}
      onClose={props.onClose}
    >
      <label class="field">
        <span>Import declaration reference (MRN)</span>
        <input name="declarationReference" required maxLength={128} autocomplete="off" />
      </label>
      <label class="field">
        <span>Amount{quantity ? ` (${quantity.unit})` : ""}</span>
        <input name="amount" required inputMode="decimal" pattern="[0-9]+(\.[0-9]{1,3})?" autocomplete="off" />
        <small>A number with at most 3 decimals, e.g. 2500.5</small>
      </label>
      <div class="grid two">
        <label class="field">
          <span>Invoice value declared (optional)</span>
          <input name="invoiceValue" inputMode="decimal" pattern="[0-9]+(\.[0-9]+)?" />
        </label>
        <label class="field narrow">
          <span>Currency</span>
          <input name="invoiceCurrency" maxLength={3} pattern="[A-Za-z]{3}" placeholder="EUR" />
        </label>
      </div>
    </ActionDialog>
  );
}
