import { useCallback, useEffect, useState } from "preact/hooks";
import { messageOf, must } from "../api/api-error";
import type { Authority } from "../api/types";
import { KeysDialog } from "../accreditor/keys-dialog";
import { RegisterAuthorityForm } from "../accreditor/register-authority-form";
import { SuspendAuthorityDialog } from "../accreditor/suspend-authority-dialog";
import { Notice } from "../components/notice";
import { SignInFirst } from "../components/sign-in-first";
import { useApp } from "../session/app-context";
import { AUTHORITY_STATUS_LABELS, KIND_LABELS, labelOf, TYPE_LABELS } from "../text/labels";

type Open = { action: "suspend" | "reinstate" | "keys"; authority: Authority };

/** The accreditor's console: the authorities of their country, registering, suspending and their signing keys. */
export function AccreditorConsole() {
  const { api, session } = useApp();
  const [authorities, setAuthorities] = useState<Authority[]>();
  const [problem, setProblem] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [open, setOpen] = useState<Open>();
  const country = session?.role === "accreditor" ? session.country : undefined;

  /**
   * Reads the list; with `until`, reads it again (for up to 15 s) until it shows the change just
   * made, which appears once the gateway has indexed its block.
   */
  const load = useCallback(
    async (until?: (items: Authority[]) => boolean) => {
      if (!country) return;
      try {
        for (let attempt = 0; ; attempt++) {
          const list = await must(api.GET("/v1/authorities", { params: { query: { country } } }));
          setAuthorities(list.items);
          if (!until || until(list.items) || attempt >= 20) return;
          await new Promise((resolve) => setTimeout(resolve, 750));
        }
      } catch (failure) {
        setProblem(messageOf(failure));
      }
    },
    [api, country],
  );
  useEffect(() => void load(), [load]);

  if (!country) return <SignInFirst role="accreditors" />;
  const done = (text: string, until?: (items: Authority[]) => boolean) => {
    setMessage(text);
    void load(until);
  };
  const statusBecomes = (id: number, status: string) => (items: Authority[]) =>
    items.some((authority) => authority.id === id && authority.status === status);
  return (
    <>
      <h1>Authorities of {country}</h1>
      <p class="lead">
        The chambers, plant protection organisations, customs and auditors you accredit. Suspending one stops it
        issuing; rotating a key does not touch certificates signed before.
      </p>
      {problem && <Notice kind="error">{problem}</Notice>}
      <div aria-live="polite">{message && <Notice kind="success">{message}</Notice>}</div>
      {authorities && (
        <div class="table-scroll" role="region" aria-label={`Authorities of ${country}`} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">Authority</th>
                <th scope="col">Kind</th>
                <th scope="col">May issue</th>
                <th scope="col">Accreditation</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {authorities.map((authority) => (
                <tr data-authority={authority.id}>
                  <th scope="row">
                    {authority.name}
                    <div class="muted small">id {authority.id}</div>
                  </th>
                  <td>{labelOf(KIND_LABELS, authority.kind)}</td>
                  <td>{authority.certificateTypes.map((type) => labelOf(TYPE_LABELS, type)).join(", ") || "—"}</td>
                  <td>
                    <span class={`badge badge-authority-${authority.status.toLowerCase()}`}>
                      {labelOf(AUTHORITY_STATUS_LABELS, authority.status)}
                    </span>
                  </td>
                  <td>
                    <div class="row-actions">
                      {authority.status === "ACTIVE" && (
                        <button
                          type="button"
                          class="small danger-outline"
                          onClick={() => setOpen({ action: "suspend", authority })}
                          aria-label={`Suspend ${authority.name}`}
                        >
                          Suspend
                        </button>
                      )}
                      {authority.status === "SUSPENDED" && (
                        <button
                          type="button"
                          class="small secondary"
                          onClick={() => setOpen({ action: "reinstate", authority })}
                          aria-label={`Reinstate ${authority.name}`}
                        >
                          Reinstate
                        </button>
                      )}
                      <button
                        type="button"
                        class="small secondary"
                        onClick={() => setOpen({ action: "keys", authority })}
                        aria-label={`Signing keys of ${authority.name}`}
                      >
                        Keys
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RegisterAuthorityForm
        country={country}
        onRegistered={(id) => void load((items) => id === undefined || items.some((authority) => authority.id === id))}
      />
      {open &&
        (open.action === "keys" ? (
          <KeysDialog authority={open.authority} onDone={done} onClose={() => setOpen(undefined)} />
        ) : (
          <SuspendAuthorityDialog
            authority={open.authority}
            reinstate={open.action === "reinstate"}
            onDone={(text) =>
              done(text, statusBecomes(open.authority.id, open.action === "reinstate" ? "ACTIVE" : "SUSPENDED"))
            }
            onClose={() => setOpen(undefined)}
          />
        ))}
    </>
  );
}
