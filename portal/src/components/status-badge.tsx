import { labelOf, STATUS_LABELS, STATUS_SHORT_LABELS } from "../text/labels";

/** A certificate's status in a word, coloured by what it means for someone relying on it; the full wording on hover. */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span class={`badge badge-${status.toLowerCase()}`} title={labelOf(STATUS_LABELS, status)}>
      {labelOf(STATUS_SHORT_LABELS, status)}
    </span>
  );
}
