import { useEffect, useState } from "preact/hooks";
import { messageOf, must } from "../api/api-error";
import { saveFile } from "../api/download";
import type { Anomaly } from "../api/types";
import { Notice } from "../components/notice";
import { Link } from "../routing/link";
import { useApp } from "../session/app-context";
import { ANOMALY_LABELS, dateTime, labelOf, shortId } from "../text/labels";
import { toCsv } from "./csv";

type Filter = { kind?: Anomaly["kind"]; from?: string; to?: string };

/** The anomaly report: what looks wrong, how serious, the evidence, and the sentence explaining it. */
export function AnomalyPanel() {
  const { api } = useApp();
  const [filter, setFilter] = useState<Filter>({});
  const [draft, setDraft] = useState<Filter>({});
  const [items, setItems] = useState<Anomaly[]>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    setItems(undefined);
    setProblem(undefined);
    must(api.GET("/v1/audit/anomalies", { params: { query: filter } }))
      .then((report) => setItems(report.items))
      .catch((failure: unknown) => setProblem(messageOf(failure)));
  }, [api, filter]);

  const exportCsv = () =>
    saveFile(
      "anomalies.csv",
      toCsv(
        ["kind", "severity", "detectedAt", "block", "certificateId", "authorityId", "explanation", "evidence"],
        (items ?? []).map((a) => [
          a.kind,
          a.severity,
          a.detectedAt,
          a.block,
          a.certificateId,
          a.authorityId,
          a.explanation,
          a.evidence,
        ]),
      ),
      "text/csv",
    );

  const set = (name: keyof Filter) => (event: Event) =>
    setDraft((before) => ({ ...before, [name]: (event.currentTarget as HTMLInputElement).value || undefined }));

  return (
    <div class="stack">
      <form
        class="filters"
        role="search"
        aria-label="Filter anomalies"
        onSubmit={(event) => {
          event.preventDefault();
          setFilter(draft);
        }}
      >
        <label class="field">
          <span>Kind</span>
          <select value={draft.kind ?? ""} onChange={set("kind")}>
            <option value="">Every kind</option>
            {Object.entries(ANOMALY_LABELS).map(([kind, label]) => (
              <option value={kind}>{label}</option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>From</span>
          <input type="date" value={draft.from ?? ""} onInput={set("from")} />
        </label>
        <label class="field">
          <span>Until</span>
          <input type="date" value={draft.to ?? ""} onInput={set("to")} />
        </label>
        <div class="field field-button">
          <button type="submit" class="primary">
            Show
          </button>
        </div>
      </form>
      {problem && <Notice kind="error">{problem}</Notice>}
      {items && (
        <>
          <div class="toolbar">
            <p>
              <strong>{items.length}</strong> anomal{items.length === 1 ? "y" : "ies"}
            </p>
            <button type="button" class="secondary" onClick={exportCsv} disabled={items.length === 0}>
              Export as CSV
            </button>
          </div>
          {items.length === 0 ? (
            <p class="empty">Nothing unusual was found.</p>
          ) : (
            <ul class="anomalies plain">
              {items.map((anomaly) => (
                <li class={`card anomaly anomaly-${anomaly.severity.toLowerCase()}`} data-anomaly={anomaly.kind}>
                  <p>
                    <span class={`severity severity-${anomaly.severity.toLowerCase()}`}>
                      {anomaly.severity.toLowerCase()}
                    </span>{" "}
                    <strong>{labelOf(ANOMALY_LABELS, anomaly.kind)}</strong>{" "}
                    <span class="muted small">{dateTime(anomaly.detectedAt)}</span>
                  </p>
                  <p>{anomaly.explanation}</p>
                  <p class="small">
                    {anomaly.certificateId && (
                      <>
                        Certificate{" "}
                        <Link href={`/verify/${anomaly.certificateId}`} class="mono">
                          {shortId(anomaly.certificateId)}
                        </Link>{" "}
                      </>
                    )}
                    {anomaly.authorityId !== undefined && `Authority ${anomaly.authorityId} `}
                    {anomaly.block !== undefined && `· block ${anomaly.block}`}
                  </p>
                  <details>
                    <summary>Evidence</summary>
                    <pre class="json">{JSON.stringify(anomaly.evidence, null, 2)}</pre>
                  </details>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
