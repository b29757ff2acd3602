import { must } from "../api/api-error";
import type { Api } from "../api/client";
import type { ActionOutcome, Certificate } from "../api/types";
import { useApp } from "../session/app-context";
import { shortId } from "../text/labels";
import { ActionDialog } from "./action-dialog";
import { ReasonFields, reasonOf } from "./reason-fields";

export type LifecycleAction = "revoke" | "suspend" | "reinstate" | "accept" | "reject";

const ACTIONS: Record<
  LifecycleAction,
  { title: string; intro: string; submit: string; done: string; danger?: boolean; reason: "none" | "code" | "text" }
> = {
  revoke: {
    title: "Revoke certificate",
    intro: "Revocation is final: the certificate will verify as not valid from now on, everywhere.",
    submit: "Revoke for good",
    done: "Revoked",
    danger: true,
    reason: "text",
  },
  suspend: {
    title: "Suspend certificate",
    intro: "While suspended, the certificate verifies as not in force. You can reinstate it later.",
    submit: "Suspend",
    done: "Suspended",
    reason: "code",
  },
  reinstate: {
    title: "Reinstate certificate",
    intro: "The certificate will be in force again.",
    submit: "Reinstate",
    done: "Reinstated",
    reason: "none",
  },
  accept: {
    title: "Accept certificate",
    intro: "Record on the registry that your country accepts this certificate for the consignment.",
    submit: "Accept",
    done: "Accepted",
    reason: "none",
  },
  reject: {
    title: "Reject certificate",
    intro: "Record on the registry that your country rejects this certificate; the issuer is told and may replace it.",
    submit: "Reject",
    done: "Rejected",
    danger: true,
    reason: "text",
  },
};

function send(api: Api, action: LifecycleAction, id: string, form: FormData): Promise<ActionOutcome> {
  const path = { id };
  switch (action) {
    case "revoke":
      return must(api.POST("/v1/certificates/{id}/revoke", { params: { path }, body: reasonOf(form) }));
    case "reject":
      return must(api.POST("/v1/certificates/{id}/reject", { params: { path }, body: reasonOf(form) }));
    case "suspend":
      return must(
        api.POST("/v1/certificates/{id}/suspend", {
          params: { path },
          body: { reasonCode: reasonOf(form).reasonCode },
        }),
      );
    case "reinstate":
      return must(api.POST("/v1/certificates/{id}/reinstate", { params: { path }, body: {} }));
    case "accept":
      return must(api.POST("/v1/certificates/{id}/accept", { params: { path }, body: {} }));
  }
}

/** Confirm one lifecycle action on a certificate, with its reason where the registry records one. */
export function LifecycleDialog(props: {
  action: LifecycleAction;
  certificate: Certificate;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const { api } = useApp();
  const spec = ACTIONS[props.action];
  const submit = async (form: FormData) => {
    const outcome = await send(api, props.action, props.certificate.id, form);
    props.onDone(
      outcome.status === "CONFIRMED"
        ? `${spec.done}: ${shortId(props.certificate.id)} (block ${outcome.blockNumber ?? "?"}).`
        : `${spec.done} on request: the gateway is recording it on the registry${outcome.lastError ? ` (${outcome.lastError})` : ""}.`,
    );
  };
  return (
    <ActionDialog
      title={`${spec.title} ${shortId(props.certificate.id)}`}
      intro={spec.intro}
      submitLabel={spec.submit}
      danger={spec.danger}
      onSubmit={submit}
      onClose={props.onClose}
    >
      {spec.reason !== "none" && <ReasonFields withText={spec.reason === "text"} />}
    </ActionDialog>
  );
}
