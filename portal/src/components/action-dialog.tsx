import type { ComponentChildren } from "preact";
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { messageOf } from "../api/api-error";
import { Notice } from "./notice";

/**
 * A modal form for one action (revoke, accept, draw down…). The browser's own <dialog> keeps focus
 * inside and closes on Escape; focus returns to the button that opened it. A refusal is shown in
 * the dialog, with the gateway's sentence, and the form stays filled in.
 */
export function ActionDialog(props: {
  title: string;
  intro?: ComponentChildren;
  submitLabel: string;
  danger?: boolean;
  /** Resolves once done (the dialog then closes); throws to show why not. */
  onSubmit: (form: FormData) => Promise<void>;
  onClose: () => void;
  children?: ComponentChildren;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useId();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    dialog.current?.showModal();
    return () => opener?.focus();
  }, []);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    let done = false;
    try {
      await props.onSubmit(new FormData(event.currentTarget as HTMLFormElement));
      done = true;
    } catch (failure) {
      setError(messageOf(failure));
    }
    setBusy(false);
    if (done) dialog.current?.close();
  };
  return (
    <dialog ref={dialog} class="dialog" aria-labelledby={heading} onClose={props.onClose}>
      <form onSubmit={(event) => void submit(event)}>
        <h2 id={heading}>{props.title}</h2>
        {props.intro && <div class="dialog-intro">{props.intro}</div>}
        {props.children}
        <div aria-live="assertive">{error && <Notice kind="error">{error}</Notice>}</div>
        <div class="actions">
          <button type="button" class="secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" class={props.danger ? "danger" : "primary"} disabled={busy} aria-busy={busy}>
            {busy ? "Working…" : props.submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
