import { useEffect, useState } from "preact/hooks";
import { messageOf, must } from "../api/api-error";
import type { CertificateHistory, CertificateSearch } from "../api/types";
import { CertificateFilters } from "../components/certificate-filters";
import { CertificateTable } from "../components/certificate-table";
import { Notice } from "../components/notice";
import { useCertificateSearch } from "../components/use-certificate-search";
import { useApp } from "../session/app-context";
import { shortId } from "../text/labels";
import { exportHistoryCsv } from "./export-history";
import { HistoryTable } from "./history-table";

/** Search every certificate; open one's full history (every event with its arguments) and export it. */
export function CertificateSearchPanel() {
  const { api } = useApp();
  const [search, setSearch] = useState<CertificateSearch>({});
  const [selected, setSelected] = useState<string>();
  const [history, setHistory] = useState<CertificateHistory>();
  const [problem, setProblem] = useState<string>();
  const list = useCertificateSearch(search);

  useEffect(() => {
    if (!selected) return;
    setHistory(undefined);
    must(api.GET("/v1/certificates/{id}/history", { params: { path: { id: selected } } }))
      .then(setHistory)
      .catch((failure: unknown) => setProblem(messageOf(failure)));
  }, [api, selected]);

  const exportCsv = (id: string) =>
    exportHistoryCsv(api, { certificateId: id }).catch((failure: unknown) => setProblem(messageOf(failure)));

  return (
    <div class="stack">
      <CertificateFilters
        fields={["status", "type", "issuer", "exportCountry", "importCountry", "ucr", "from", "to"]}
        initial={search}
        onSearch={setSearch}
      />
      {list.error && <Notice kind="error">{list.error}</Notice>}
      {problem && <Notice kind="error">{problem}</Notice>}
      <CertificateTable
        caption="Certificates found"
        certificates={list.items}
        actions={(certificate) => (
          <>
            <button
              type="button"
              class="small secondary"
              aria-label={`Full history of ${certificate.id.slice(0, 10)}`}
              aria-pressed={selected === certificate.id}
              onClick={() => setSelected(certificate.id)}
            >
              Full history
            </button>
            <button
              type="button"
              class="small secondary"
              aria-label={`Export the history of ${certificate.id.slice(0, 10)} as CSV`}
              onClick={() => void exportCsv(certificate.id)}
            >
              CSV
            </button>
          </>
        )}
      />
      {list.nextCursor && (
        <button type="button" class="secondary" onClick={list.loadMore} disabled={list.loading}>
          Show more
        </button>
      )}
      {selected && (
        <section class="card" aria-labelledby="full-history-heading" aria-live="polite">
          <div class="toolbar">
            <h3 id="full-history-heading">
              History of <span class="mono">{shortId(selected)}</span>
            </h3>
            <button type="button" class="secondary" onClick={() => void exportCsv(selected)}>
              Export as CSV
            </button>
          </div>
          {history ? (
            <HistoryTable caption={`Events of certificate ${selected}`} history={history.history} />
          ) : (
            <p class="working">Loading…</p>
          )}
        </section>
      )}
    </div>
  );
}
