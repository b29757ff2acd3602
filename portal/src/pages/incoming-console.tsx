import { useState } from "preact/hooks";
import { useLiveEvents } from "../api/live-events";
import type { Certificate, CertificateSearch } from "../api/types";
import { CertificateFilters } from "../components/certificate-filters";
import { CertificateTable } from "../components/certificate-table";
import { LifecycleDialog, type LifecycleAction } from "../components/lifecycle-dialog";
import { LiveIndicator } from "../components/live-indicator";
import { Notice } from "../components/notice";
import { SignInFirst } from "../components/sign-in-first";
import { useCertificateSearch } from "../components/use-certificate-search";
import { DrawDownDialog } from "../importer/draw-down-dialog";
import { navigate } from "../routing/navigation";
import { useApp } from "../session/app-context";
import { allows } from "../text/lifecycle";

type Open = { action: LifecycleAction | "drawDown"; certificate: Certificate };

/**
 * The importing side's console (customs for certificates of origin, the NPPO for ePhytos):
 * certificates coming to their country, accept or reject them, draw a CoO down against a
 * declaration, and open a consignment by its UCR.
 */
export function IncomingConsole() {
  const { session } = useApp();
  const [search, setSearch] = useState<CertificateSearch>({});
  const [open, setOpen] = useState<Open>();
  const [message, setMessage] = useState<string>();
  const [ucr, setUcr] = useState("");
  const list = useCertificateSearch(search);
  const importer = session?.role === "customs" || session?.role === "nppo";
  const live = useLiveEvents(
    importer ? `/v1/events?access_token=${encodeURIComponent(session.token)}` : undefined,
    () => list.reloadSoon(),
  );
  if (!session || !importer) return <SignInFirst role="importing customs or plant protection (NPPO)" />;

  const customs = session.role === "customs";
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
  const canDrawDown = (certificate: Certificate) =>
    customs &&
    certificate.quantity !== undefined &&
    Number(certificate.quantity.left) > 0 &&
    allows(certificate.status, "drawDown");

  return (
    <>
      <h1>{customs ? "Customs" : "Plant protection"}: incoming certificates</h1>
      <p class="lead">
        {customs ? "Certificates of origin" : "Phytosanitary certificates"} for goods coming to {session.country}.
        Accept or reject each one{customs ? ", and draw certificates of origin down against import declarations" : ""}.
      </p>
      <form
        class="card inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (ucr.trim()) navigate(`/consignments/${encodeURIComponent(ucr.trim())}`);
        }}
      >
        <label class="field">
          <span>Open a consignment by its reference (UCR)</span>
          <input value={ucr} onInput={(event) => setUcr(event.currentTarget.value)} autocomplete="off" required />
        </label>
        <button type="submit" class="primary">
          Open consignment
        </button>
      </form>
      <h2>Incoming</h2>
      <CertificateFilters
        fields={["status", "type", "ucr", "exportCountry", "from", "to"]}
        initial={search}
        onSearch={setSearch}
      />
      <div class="toolbar">
        <LiveIndicator state={live} />
      </div>
      <div aria-live="polite">{message && <Notice kind="success">{message}</Notice>}</div>
      {list.error && <Notice kind="error">{list.error}</Notice>}
      <CertificateTable
        caption={`Certificates for ${session.country ?? "your country"}`}
        certificates={list.items}
        actions={(certificate) => (
          <>
            {allows(certificate.status, "accept") && button(certificate, "accept", "Accept")}
            {allows(certificate.status, "reject") && button(certificate, "reject", "Reject", true)}
            {canDrawDown(certificate) && button(certificate, "drawDown", "Draw down")}
          </>
        )}
      />
      {list.nextCursor && (
        <button type="button" class="secondary" onClick={list.loadMore} disabled={list.loading}>
          Show more
        </button>
      )}
      {open &&
        (open.action === "drawDown" ? (
          <DrawDownDialog certificate={open.certificate} onDone={done} onClose={() => setOpen(undefined)} />
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
