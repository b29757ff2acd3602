import type { LiveState } from "../api/live-events";

const TEXT: Record<LiveState, string> = {
  live: "Live: changes appear here as they happen",
  connecting: "Connecting to live updates…",
  off: "Live updates are off",
};

/** Whether the page is following the gateway's server-sent events. */
export function LiveIndicator({ state }: { state: LiveState }) {
  return (
    <p class={`live live-${state}`} data-live={state}>
      <span class="live-dot" aria-hidden="true" />
      {TEXT[state]}
    </p>
  );
}
