import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { messageOf, must } from "../api/api-error";
import { saveFile } from "../api/download";
import { useLiveEvents, type LiveEvent } from "../api/live-events";
import type { AuthorityDetail, CertificateHistory, VerificationResult } from "../api/types";
import { FileDrop } from "../components/file-drop";
import { LiveIndicator } from "../components/live-indicator";
import { Notice } from "../components/notice";
import { Link } from "../routing/link";
import { useApp } from "../session/app-context";
import { STATUS_LABELS, labelOf, shortId } from "../text/labels";
import { CertificateFacts } from "../verify/certificate-facts";
import { FragmentList } from "../verify/fragment-list";
import { IssuerCard } from "../verify/issuer-card";
import { fetchReceipt, runVerification } from "../verify/run-verification";
import { StatusTimeline } from "../verify/status-timeline";
import { Verdict } from "../verify/verdict";
import { verifyRequestOf, type VerifyRequest } from "../verify/verify-request";

const MAX_FILE_BYTES = 5 * 1024 * 1024;
const REGISTRY_ID = /^0x[0-9a-f]{64}$/;

/**
 * The public verify page (the home page, and /verify/{id}, where a certificate's QR code leads):
 * the verdict in plain words, each check, the certificate and its issuer, its status timeline,
 * a signed receipt; and, while it is open, status changes as they happen.
 */
export function VerifyPage({ id }: { id?: string }) {
  const { api } = useApp();
  const [text, setText] = useState(id ?? "");
  const [request, setRequest] = useState<VerifyRequest>();
  const [result, setResult] = useState<VerificationResult>();
  const [record, setRecord] = useState<CertificateHistory>();
  const [recordProblem, setRecordProblem] = useState<string>();
  const [issuer, setIssuer] = useState<AuthorityDetail>();
  const [authorityNames, setAuthorityNames] = useState<Map<number, string>>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [update, setUpdate] = useState<string>();
  const latest = useRef<VerifyRequest | undefined>(undefined);

  const loadRecord = useCallback(
    async (certificateId: string) => {
      try {
        const history = await must(
          api.GET("/v1/certificates/{id}/history", { params: { path: { id: certificateId } } }),
        );
        setRecord(history);
        setRecordProblem(undefined);
        const [detail, all] = await Promise.all([
          must(api.GET("/v1/authorities/{id}", { params: { path: { id: history.certificate.issuer.id } } })),
          must(api.GET("/v1/authorities", {})),
        ]);
        setIssuer(detail);
        setAuthorityNames(new Map(all.items.map((authority) => [authority.id, authority.name])));
      } catch (failure) {
        setRecord(undefined);
        setIssuer(undefined);
        setRecordProblem(messageOf(failure));
      }
    },
    [api],
  );

  const verify = useCallback(
    async (next: VerifyRequest) => {
      latest.current = next;
      setRequest(next);
      setBusy(true);
      setProblem(undefined);
      try {
        const verified = await runVerification(api, next);
        if (latest.current !== next) return;
        setResult(verified);
        if (REGISTRY_ID.test(verified.certificateId)) await loadRecord(verified.certificateId);
      } catch (failure) {
        setResult(undefined);
        setRecord(undefined);
        setProblem(messageOf(failure));
      } finally {
        if (latest.current === next) setBusy(false);
      }
    },
    [api, loadRecord],
  );

  const give = (given: string, source: string) => {
    setUpdate(undefined);
    const next = verifyRequestOf(given, source);
    if (typeof next === "string") {
      setResult(undefined);
      setProblem(next);
    } else void verify(next);
  };

  useEffect(() => {
    if (id === undefined) return;
    setText(id);
    give(id, "The link");
  }, [id]);

  const readFile = async (file: File) => {
    if (file.size > MAX_FILE_BYTES) {
      setProblem(
        `${file.name} is larger than 5 MB; a certificate file is much smaller. Check that it is the right file.`,
      );
      return;
    }
    give(await file.text(), file.name);
  };

  const certificateId = result && REGISTRY_ID.test(result.certificateId) ? result.certificateId : undefined;
  const live = useLiveEvents(certificateId && `/v1/events?certificate=${certificateId}`, (event: LiveEvent) => {
    setUpdate(
      `The registry just recorded a change: this certificate is now ${labelOf(STATUS_LABELS, event.status).toLowerCase()}. ` +
        "The result below has been checked again.",
    );
    if (latest.current) void verify(latest.current);
  });

  const downloadReceipt = async () => {
    if (!request || !result) return;
    try {
      const receipt = await fetchReceipt(api, request);
      saveFile(`tradeseal-receipt-${result.certificateId.slice(0, 10)}.jws`, receipt, "application/jose");
    } catch (failure) {
      setProblem(messageOf(failure));
    }
  };

  return (
    <>
      <h1>Verify a certificate</h1>
      <p class="lead">
        Check a certificate of origin or a phytosanitary certificate against the registry: whether it is genuine, in
        force, issued by an accredited authority, and how much of it is left. No sign-in is needed.
      </p>
      <div class="verify-inputs">
        <FileDrop
          label="Drop the certificate file here"
          hint="An ePhyto (SPS XML), an e-CoO (JSON or XML) or a credential (VC-JWT)."
          accept=".xml,.json,.jwt,.txt,application/xml,application/json,text/plain"
          disabled={busy}
          onFiles={(files) => void readFile(files[0])}
        />
        <form
          class="card id-form"
          onSubmit={(event) => {
            event.preventDefault();
            give(text, "The text");
          }}
        >
          <label class="field">
            <span>Certificate id, verify link or credential</span>
            <input
              name="certificate"
              value={text}
              onInput={(event) => setText(event.currentTarget.value)}
              placeholder="0x… or https://…/verify/0x…"
              autocomplete="off"
              spellcheck={false}
              class="mono"
            />
          </label>
          <button type="submit" class="primary" disabled={busy}>
            Verify
          </button>
        </form>
      </div>

      <section class="result" aria-live="polite" aria-busy={busy} aria-label="Verification result">
        {busy && <p class="working">Checking with the registry…</p>}
        {problem && <Notice kind="error">{problem}</Notice>}
        {update && <Notice kind="info">{update}</Notice>}
        {result && <Verdict result={result} />}
      </section>

      {result && (
        <>
          <div class="toolbar">
            <button type="button" class="secondary" onClick={() => void downloadReceipt()}>
              Download signed receipt
            </button>
            <button type="button" class="secondary" onClick={() => request && void verify(request)} disabled={busy}>
              Check again
            </button>
            {certificateId && (
              <Link href={`/verify/${certificateId}`} class="toolbar-link">
                Link to this certificate
              </Link>
            )}
            {certificateId && <LiveIndicator state={live} />}
          </div>
          <div class="columns">
            <section class="card" aria-labelledby="checks-heading">
              <h2 id="checks-heading">What was checked</h2>
              <FragmentList fragments={result.fragments} />
            </section>
            <section class="card" aria-labelledby="certificate-heading">
              <h2 id="certificate-heading">The certificate</h2>
              {record ? (
                <>
                  <CertificateFacts certificate={record.certificate} />
                  <figure class="qr">
                    <img src={`/v1/certificates/${record.certificate.id}/qr`} alt="" width={112} height={112} />
                    <figcaption class="small muted">
                      This page's QR code, for the paper copy.{" "}
                      <a href={`/v1/certificates/${record.certificate.id}/qr?format=png`} download>
                        Download it (PNG)
                      </a>
                    </figcaption>
                  </figure>
                </>
              ) : (
                <p class="muted">
                  {recordProblem ?? `Certificate ${shortId(result.certificateId)}.`} The registry record could not be
                  shown
                  {result.status === "UNAVAILABLE" ? " now; check again in a few minutes." : "."}
                </p>
              )}
              {issuer && (
                <>
                  <h3>Issued by</h3>
                  <IssuerCard issuer={issuer} />
                </>
              )}
            </section>
          </div>
          {record && (
            <section class="card" aria-labelledby="timeline-heading">
              <h2 id="timeline-heading">Status timeline</h2>
              <StatusTimeline
                history={record.history}
                unit={record.certificate.quantity?.unit}
                authorities={authorityNames}
              />
              {record.lineage.length > 1 && (
                <p>
                  Replacement chain:{" "}
                  {record.lineage.map((linked, index) => (
                    <>
                      {index > 0 && " → "}
                      {linked === record.certificate.id ? (
                        <strong class="mono">{shortId(linked)}</strong>
                      ) : (
                        <Link href={`/verify/${linked}`} class="mono">
                          {shortId(linked)}
                        </Link>
                      )}
                    </>
                  ))}
                </p>
              )}
            </section>
          )}
        </>
      )}
    </>
  );
}
