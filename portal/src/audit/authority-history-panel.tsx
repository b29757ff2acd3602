import { useEffect, useState } from "preact/hooks";
import { messageOf, must } from "../api/api-error";
import type { Authority, HistoryEntry } from "../api/types";
import { Notice } from "../components/notice";
import { useApp } from "../session/app-context";
import { exportHistoryCsv } from "./export-history";
import { HistoryTable } from "./history-table";

/** What an authority did and every event of its certificates, in chain order, with a CSV export. */
export function AuthorityHistoryPanel() {
  const { api } = useApp();
  const [authorities, setAuthorities] = useState<Authority[]>([]);
  const [selected, setSelected] = useState<number>();
  const [history, setHistory] = useState<HistoryEntry[]>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    must(api.GET("/v1/authorities", {}))
      .then((list) => setAuthorities(list.items))
      .catch((failure: unknown) => setProblem(messageOf(failure)));
  }, [api]);

  useEffect(() => {
    if (selected === undefined) return;
    setHistory(undefined);
    setProblem(undefined);
    must(api.GET("/v1/authorities/{id}/history", { params: { path: { id: selected } } }))
      .then((answer) => setHistory(answer.history))
      .catch((failure: unknown) => setProblem(messageOf(failure)));
  }, [api, selected]);

  return (
    <div class="stack">
      <div class="inline-form">
        <label class="field">
          <span>Authority</span>
          <select
            value={selected ?? ""}
            onChange={(event) => setSelected(event.currentTarget.value ? Number(event.currentTarget.value) : undefined)}
          >
            <option value="">Choose an authority…</option>
            {authorities.map((authority) => (
              <option value={authority.id}>
                {authority.name} ({authority.country}, {authority.kind.toLowerCase()}, id {authority.id})
              </option>
            ))}
          </select>
        </label>
        {selected !== undefined && (
          <button
            type="button"
            class="secondary"
            onClick={() =>
              void exportHistoryCsv(api, { authorityId: selected }).catch((f: unknown) => setProblem(messageOf(f)))
            }
          >
            Export as CSV
          </button>
        )}
      </div>
      {problem && <Notice kind="error">{problem}</Notice>}
      {selected !== undefined &&
        (history ? (
          <HistoryTable caption={`Events of authority ${selected}`} history={history} />
        ) : (
          !problem && <p class="working">Loading…</p>
        ))}
    </div>
  );
}
