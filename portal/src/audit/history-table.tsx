import type { HistoryEntry } from "../api/types";
import { Link } from "../routing/link";
import { dateTime, EVENT_LABELS, labelOf, shortId } from "../text/labels";

/** Every event in chain order with all its arguments, as an auditor reads them. */
export function HistoryTable({ caption, history }: { caption: string; history: readonly HistoryEntry[] }) {
  if (history.length === 0) return <p class="empty">No events.</p>;
  return (
    <div class="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table class="dense">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Block</th>
            <th scope="col">Event</th>
            <th scope="col">Certificate</th>
            <th scope="col">By</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {history.map((entry) => (
            <tr>
              <td>{dateTime(entry.time)}</td>
              <td>{entry.block}</td>
              <td>{labelOf(EVENT_LABELS, entry.event)}</td>
              <td>
                {entry.certificateId && (
                  <Link href={`/verify/${entry.certificateId}`} class="mono">
                    {shortId(entry.certificateId)}
                  </Link>
                )}
              </td>
              <td>
                {entry.authorityId === undefined
                  ? ""
                  : entry.authorityId === 0
                    ? "accreditor"
                    : `authority ${entry.authorityId}`}
              </td>
              <td class="small">
                {Object.entries(entry.args ?? {}).map(([name, value]) => (
                  <div>
                    <span class="muted">{name}</span> <span class="mono break">{String(value)}</span>
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
