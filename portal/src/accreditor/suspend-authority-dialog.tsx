import { must } from "../api/api-error";
import type { Authority } from "../api/types";
import { ActionDialog } from "../components/action-dialog";
import { ReasonFields } from "../components/reason-fields";
import { useApp } from "../session/app-context";
import { formText } from "../components/form-text";

/** Suspend an authority (it cannot issue; its certificates stay as they are) or reinstate it. */
export function SuspendAuthorityDialog(props: {
  authority: Authority;
  reinstate: boolean;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const { api } = useApp();
  const path = { id: props.authority.id };
  const submit = async (form: FormData) => {
    if (props.reinstate) {
      await must(api.POST("/v1/authorities/{id}/reinstate", { params: { path }, body: {} }));
      props.onDone(`${props.authority.name} is accredited again.`);
    } else {
      await must(
        api.POST("/v1/authorities/{id}/suspend", {
          params: { path },
          body: { reasonCode: Number(formText(form, "reasonCode")) },
        }),
      );
      props.onDone(`${props.authority.name} is suspended: it cannot issue until reinstated.`);
    }
  };
  return (
    <ActionDialog
      title={`${props.reinstate ? "Reinstate" : "Suspend"} ${props.authority.name}`}
      intro={
        props.reinstate
          ? "It may issue again from now on."
          : "It cannot issue while suspended. Certificates it issued before stay valid; revoke them one by one if they must not be relied on."
      }
      submitLabel={props.reinstate ? "Reinstate" : "Suspend"}
      danger={!props.reinstate}
      onSubmit={submit}
      onClose={props.onClose}
    >
      {!props.reinstate && <ReasonFields withText={false} />}
    </ActionDialog>
  );
}
