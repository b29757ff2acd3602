import type { Fragment } from "../api/types";
import { CHECK_LABELS, FRAGMENT_LABELS, labelOf } from "../text/labels";

const ICONS: Record<string, string> = { VALID: "✓", INVALID: "✕", SKIPPED: "–", UNAVAILABLE: "!" };

/** Each check the verification made, its outcome in words and the gateway's reason. */
export function FragmentList({ fragments }: { fragments: readonly Fragment[] }) {
  return (
    <ul class="fragments">
      {fragments.map((fragment) => (
        <li class={`fragment fragment-${fragment.status.toLowerCase()}`} data-fragment={fragment.name}>
          <span class="fragment-icon" aria-hidden="true">
            {ICONS[fragment.status]}
          </span>
          <div>
            <p class="fragment-title">
              {labelOf(FRAGMENT_LABELS, fragment.name)}: <strong>{labelOf(CHECK_LABELS, fragment.status)}</strong>
            </p>
            <p class="fragment-reason">{fragment.reason}</p>
            {fragment.data && Object.keys(fragment.data).length > 0 && (
              <details>
                <summary>What was read</summary>
                <dl class="facts compact">
                  {Object.entries(fragment.data).map(([name, value]) => (
                    <>
                      <dt>{name}</dt>
                      <dd class="mono">{String(value)}</dd>
                    </>
                  ))}
                </dl>
              </details>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
