import { useEffect, useState } from "preact/hooks";
import { messageOf, must } from "../api/api-error";
import { saveFile } from "../api/download";
import type { ConsignmentCertificates, DeclarationDraft } from "../api/types";
import { Notice } from "../components/notice";
import { SignInFirst } from "../components/sign-in-first";
import { StatusBadge } from "../components/status-badge";
import { DeclarationDraftView } from "../importer/declaration-draft-view";
import { Link } from "../routing/link";
import { useApp } from "../session/app-context";
import { CONSOLE_NAMES, consolePath } from "../session/session";
import { labelOf, shortId, TYPE_LABELS } from "../text/labels";

const VERDICT_WORDS = { VALID: "Valid", INVALID: "Not valid", UNAVAILABLE: "Cannot check now" } as const;

/** One consignment (WCO UCR): its certificates with their verdicts, and the import declaration draft built from them. */
export function ConsignmentPage({ ucr }: { ucr: string }) {
  const { api, session } = useApp();
  const [consignment, setConsignment] = useState<ConsignmentCertificates>();
  const [draft, setDraft] = useState<DeclarationDraft>();
  const [problem, setProblem] = useState<string>();
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    if (!session) return;
    const path = { ucr };
    setLoading(true);
    setProblem(undefined);
    Promise.all([
      must(api.GET("/v1/consignments/{ucr}", { params: { path } })),
      must(api.GET("/v1/consignments/{ucr}/declaration-draft", { params: { path } })),
    ])
      .then(([certificates, built]) => {
        setConsignment(certificates);
        setDraft(built);
      })
      .catch((failure: unknown) => setProblem(messageOf(failure)))
      .finally(() => setLoading(false));
  }, [api, session, ucr]);

  if (!session) return <SignInFirst role="customs, plant protection, issuers and auditors" />;
  return (
    <>
      <p class="breadcrumb">
        <Link href={consolePath(session.role)}>{CONSOLE_NAMES[session.role]}</Link> › Consignment
      </p>
      <h1>
        Consignment <span class="mono">{ucr}</span>
      </h1>
      {loading && <p class="working">Checking the consignment's certificates…</p>}
      {problem && <Notice kind="error">{problem}</Notice>}
      {consignment && (
        <section class="card" aria-labelledby="consignment-certificates">
          <h2 id="consignment-certificates">Its certificates</h2>
          <ul class="plain consignment-list">
            {consignment.certificates.map((entry) => (
              <li data-certificate={entry.id}>
                <span class={`verdict-chip verdict-chip-${entry.verification.status.toLowerCase()}`}>
                  {VERDICT_WORDS[entry.verification.status]}
                </span>{" "}
                <Link href={`/verify/${entry.id}`} class="mono">
                  {shortId(entry.id)}
                </Link>{" "}
                {entry.certificate && (
                  <>
                    {labelOf(TYPE_LABELS, entry.certificate.type)} from{" "}
                    {entry.certificate.issuer.name ?? entry.certificate.exportCountry}{" "}
                    <StatusBadge status={entry.certificate.status} />
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {draft && (
        <>
          <div class="toolbar">
            <h2>Pre-filled import declaration</h2>
            <button
              type="button"
              class="secondary"
              onClick={() =>
                saveFile(`declaration-draft-${ucr}.json`, JSON.stringify(draft, null, 2), "application/json")
              }
            >
              Download the draft (JSON)
            </button>
          </div>
          <DeclarationDraftView draft={draft} />
        </>
      )}
    </>
  );
}
