import type { ComponentChildren } from "preact";

/**
 * A message after an action. Errors are alerts (read out at once); other notices are polite
 * status messages. Render it inside a live region that stays on the page (see LiveRegion).
 */
export function Notice({ kind, children }: { kind: "error" | "success" | "info"; children: ComponentChildren }) {
  return (
    <div class={`notice notice-${kind}`} role={kind === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}
