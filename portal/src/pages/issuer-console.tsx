import { useEffect, useState } from "preact/hooks";
import { messageOf, must } from "../api/api-error";
import { useLiveEvents } from "../api/live-events";
import type { Authority, Certificate, CertificateSearch } from "../api/types";
import { CertificateFilters } from "../components/certificate-filters";
import { CertificateTable } from "../components/certificate-table";
import { LifecycleDialog, type LifecycleAction } from "../components/lifecycle-dialog";
import { LiveIndicator } from "../components/live-indicator";
import { Notice } from "../components/notice";
import { SignInFirst } from "../components/sign-in-first";
import { Tabs } from "../components/tabs";
import { useCertificateSearch } from "../components/use-certificate-search";
import { IssueForm } from "../issuer/issue-form";
import { ReplaceDialog } from "../issuer/replace-dialog";
import { UploadIssue } from "../issuer/upload-issue";
import { useApp } from "../session/app-context";
import { allows } from "../text/lifecycle";

type Open = { action: LifecycleAction | "replace"; certificate: Certificate };

const TABS = [
  { key: "list", label: "My certificates" },
  { key: "form", label: "Issue from a form" },
  { key: "files", label: "Upload files" },
];

/** The chamber clerk's or NPPO officer's console: issue, follow and correct their authority's certificates. */
export function IssuerConsole() {
  const { api, session } = useApp();
  const [tab, setTab] = useState("list");
  const [authority, setAuthority] = useState<Authority>();
  const [problem, setProblem] = useState<string>();
  const [search, setSearch] = useState<CertificateSearch>({});
  const [open, setOpen] = useState<Open>();
  const [message, setMessage] = useState<string>();
  const list = useCertificateSearch(search);
  const authorityId = session?.role === "issuer" ? session.authorityId : undefined;

  useEffect(() => {
    if (authorityId === undefined) return;
    must(api.GET("/v1/authorities/{id}", { params: { path: { id: authorityId } } }))
      .then(setAuthority)
      .catch((failure: unknown) => setProblem(messageOf(failure)));
  }, [api, authorityId]);

  const live = useLiveEvents(
    session?.role === "issuer" ? `/v1/events?access_token=${encodeURIComponent(session.token)}` : undefined,
    () => list.reloadSoon(),
  );

  if (!session || session.role !== "issuer" || authorityId === undefined) return <SignInFirst role="an issuer" />;

  const done = (text: string) => {
    setMessage(text);
    list.reload();
  };
  const button = (certificate: Certificate, action: Open["action"], label: string, danger = false) => (
    <button
      type="button"
      class={danger ? "small danger-outline" : "small secondary"}
      onClick={() => setOpen({ action, certificate })}
      aria-label={`${label} ${certificate.id.slice(0, 10)}`}
    >
      {label}
    </button>
  );

  return (
    <>
      <h1>Issuer console</h1>
      <p class="lead">
        {authority ? (
          <>
            <strong>{authority.name}</strong> ({authority.country}) — authority {authority.id}
            {authority.status !== "ACTIVE" && (
              <span class="badge badge-suspended"> {authority.status.toLowerCase()}: you cannot issue now</span>
            )}
          </>
        ) : (
          `Authority ${authorityId}`
        )}
      </p>
      {problem && <Notice kind="error">{problem}</Notice>}
      <Tabs label="Issuer console" tabs={TABS} selected={tab} onSelect={setTab}>
        {tab === "list" && (
          <div class="stack">
            <CertificateFilters
              fields={["status", "type", "ucr", "from", "to"]}
              initial={search}
              onSearch={setSearch}
            />
            <div class="toolbar">
              <LiveIndicator state={live} />
            </div>
            <div aria-live="polite">{message && <Notice kind="success">{message}</Notice>}</div>
            {list.error && <Notice kind="error">{list.error}</Notice>}
            <CertificateTable
              caption="Certificates issued by your authority"
              certificates={list.items}
              actions={(certificate) => (
                <>
                  {allows(certificate.status, "replace") && button(certificate, "replace", "Replace")}
                  {allows(certificate.status, "suspend") && button(certificate, "suspend", "Suspend")}
                  {allows(certificate.status, "reinstate") && button(certificate, "reinstate", "Reinstate")}
                  {allows(certificate.status, "revoke") && button(certificate, "revoke", "Revoke", true)}
                </>
              )}
            />
            {list.nextCursor && (
              <button type="button" class="secondary" onClick={list.loadMore} disabled={list.loading}>
                Show more
              </button>
            )}
          </div>
        )}
        {tab === "form" &&
          (authority ? (
            <IssueForm
              issuer={{ authorityId, name: authority.name, country: authority.country }}
              certificateTypes={authority.certificateTypes}
              onIssued={list.reload}
            />
          ) : (
            <p class="working">Loading your authority…</p>
          ))}
        {tab === "files" && <UploadIssue onIssued={list.reload} />}
      </Tabs>
      {open &&
        (open.action === "replace" ? (
          <ReplaceDialog certificate={open.certificate} onDone={done} onClose={() => setOpen(undefined)} />
        ) : (
          <LifecycleDialog
            action={open.action}
            certificate={open.certificate}
            onDone={done}
            onClose={() => setOpen(undefined)}
          />
        ))}
    </>
  );
}
