import { useState } from "preact/hooks";
import { FileDrop } from "../components/file-drop";
import { Link } from "../routing/link";
import { useApp } from "../session/app-context";
import { shortId } from "../text/labels";
import { issueAsBatch, issueFiles, type FileOutcome } from "./issue-files";

/** Issue from files: one, several, or a whole folder, with a progress bar and an outcome per file. */
export function UploadIssue({ onIssued }: { onIssued: () => void }) {
  const { api } = useApp();
  const [files, setFiles] = useState<File[]>([]);
  const [asBatch, setAsBatch] = useState(false);
  const [running, setRunning] = useState(false);
  const [done, setDone] = useState(0);
  const [total, setTotal] = useState(0);
  const [outcomes, setOutcomes] = useState<FileOutcome[]>();
  const [root, setRoot] = useState<string>();

  const choose = (chosen: File[]) => {
    setFiles(chosen.filter((file) => /\.(xml|json)$/i.test(file.name)));
    setOutcomes(undefined);
    setRoot(undefined);
  };

  const start = async () => {
    setRunning(true);
    setOutcomes(undefined);
    setRoot(undefined);
    setDone(0);
    setTotal(files.length);
    if (asBatch) {
      const batch = await issueAsBatch(api, files);
      setOutcomes(batch.outcomes);
      setRoot(batch.root);
      setDone(files.length);
    } else {
      setOutcomes(
        await issueFiles(api, files, (count, of) => {
          setDone(count);
          setTotal(of);
        }),
      );
    }
    setRunning(false);
    onIssued();
  };

  const issued = outcomes?.filter((outcome) => outcome.certificateId).length ?? 0;
  const refused = outcomes?.filter((outcome) => outcome.error).length ?? 0;
  return (
    <div class="stack">
      <FileDrop
        label="Drop certificate files or a folder here"
        hint="e-CoO or ePhyto as XML or JSON, one certificate per file (a JSON list holds several). Other files are left out."
        accept=".xml,.json,application/xml,application/json"
        multiple
        folder
        disabled={running}
        onFiles={choose}
      />
      {files.length > 0 && (
        <div class="card">
          <p>
            <strong>{files.length}</strong> file{files.length === 1 ? "" : "s"} ready:{" "}
            <span class="muted">
              {files
                .slice(0, 5)
                .map((file) => file.webkitRelativePath || file.name)
                .join(", ")}
              {files.length > 5 && ` and ${files.length - 5} more`}
            </span>
          </p>
          <label class="check">
            <input type="checkbox" checked={asBatch} onChange={(event) => setAsBatch(event.currentTarget.checked)} />
            Anchor them together as one batch (one registry transaction; JSON files only)
          </label>
          <div class="actions start">
            <button type="button" class="primary" disabled={running} onClick={() => void start()}>
              Issue {files.length} certificate{files.length === 1 ? "" : "s"}
            </button>
          </div>
          <p class="muted small">
            Sending the same files again is safe: certificates already issued are not issued twice.
          </p>
        </div>
      )}
      {(running || outcomes) && (
        <div class="card" aria-live="polite">
          <label class="field">
            <span>
              {running
                ? asBatch
                  ? "Anchoring the batch…"
                  : `Issuing: ${done} of ${total} done`
                : `Done: ${issued} issued, ${refused} refused`}
            </span>
            <progress max={total || 1} value={running && asBatch ? undefined : done} />
          </label>
          {root && (
            <p class="small">
              Batch root <span class="mono break">{root}</span>
            </p>
          )}
        </div>
      )}
      {outcomes && (
        <div class="table-scroll" role="region" aria-label="Outcome per file" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {outcomes.map((outcome) => (
                <tr data-outcome={outcome.error ? "refused" : "issued"}>
                  <th scope="row" class="break">
                    {outcome.name}
                  </th>
                  <td>
                    {outcome.certificateId ? (
                      <>
                        {outcome.status === "CONFIRMED" ? "Issued: " : "Recorded, reaching the registry: "}
                        <Link href={`/verify/${outcome.certificateId}`} class="mono">
                          {shortId(outcome.certificateId)}
                        </Link>
                      </>
                    ) : (
                      <span class="error-text">Refused: {outcome.error ?? "not issued."}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
