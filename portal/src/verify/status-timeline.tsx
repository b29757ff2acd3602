import type { HistoryEntry } from "../api/types";
import { dateTime, EVENT_LABELS, fromThousandths, labelOf, reasonLabel, shortId } from "../text/labels";

/** Event arguments worth a line on the timeline, in words; hashes and ids stay in the full history. */
function detailsOf(entry: HistoryEntry, unit: string): string[] {
  const args = entry.args ?? {};
  const lines: string[] = [];
  if (args.reasonCode !== undefined) lines.push(`Reason: ${reasonLabel(args.reasonCode)}`);
  if (args.amount !== undefined) lines.push(`Drawn down: ${fromThousandths(args.amount)} ${unit}`);
  if (args.remaining !== undefined) lines.push(`Left afterwards: ${fromThousandths(args.remaining)} ${unit}`);
  if (typeof args.newId === "string") lines.push(`Replacement: ${shortId(args.newId)}`);
  return lines;
}

/** The certificate's life on the registry, oldest first: who did what, when, in which block. */
export function StatusTimeline(props: {
  history: readonly HistoryEntry[];
  /** The unit of the certified quantity, for drawdowns. */
  unit?: string;
  authorities?: Map<number, string>;
}) {
  const { history, authorities } = props;
  if (history.length === 0) return <p class="empty">No events are indexed for this certificate yet.</p>;
  return (
    <ol class="timeline">
      {history.map((entry) => (
        <li data-event={entry.event}>
          <p class="timeline-title">{labelOf(EVENT_LABELS, entry.event)}</p>
          <p class="muted small">
            {dateTime(entry.time)} · block {entry.block}
            {entry.authorityId !== undefined &&
              ` · by ${entry.authorityId === 0 ? "the accreditor" : (authorities?.get(entry.authorityId) ?? `authority ${entry.authorityId}`)}`}
          </p>
          {detailsOf(entry, props.unit ?? "").map((line) => (
            <p class="small">{line}</p>
          ))}
          <p class="muted small mono" title={entry.transaction}>
            Transaction {shortId(entry.transaction)}
          </p>
        </li>
      ))}
    </ol>
  );
}
