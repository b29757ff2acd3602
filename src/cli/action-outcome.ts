/** A chain action's answer from the gateway (the API's ActionOutcome). */
export interface ActionOutcome {
  status: "CONFIRMED" | "PENDING" | "SENT";
  idempotencyKey: string;
  transactionHash?: string;
  blockNumber?: number;
  lastError?: string;
}

/** Where the action stands, in words: on chain with its block, or still being sent and why. */
export function describeOutcome(outcome: ActionOutcome): string {
  if (outcome.status === "CONFIRMED") {
    return `on chain in block ${outcome.blockNumber ?? "?"}${outcome.transactionHash ? ` (transaction ${outcome.transactionHash})` : ""}`;
  }
  return (
    `recorded; the gateway is still getting it on chain (${outcome.status}` +
    `${outcome.lastError ? `: ${outcome.lastError}` : ""}) and keeps trying`
  );
}
