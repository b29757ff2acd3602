import { createHash } from "node:crypto";

/**
 * An Idempotency-Key derived from what is asked, so that running the same command again (after a
 * timeout, a lost connection or Ctrl-C) gets the first answer instead of acting twice.
 */
export function idempotencyKeyOf(action: string, ...parts: readonly string[]): string {
  const digest = createHash("sha256").update(parts.join("\n")).digest("hex");
  return `tradeseal-cli-${action}-${digest}`;
}
