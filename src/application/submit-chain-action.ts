import type { ChainAction } from "./chain-actions.js";
import { refusalError } from "./chain-refusal.js";
import type { GatewayContext } from "./gateway-context.js";
import type { DocumentRecord } from "./ports/document-records.js";
import type { OutboxStatus } from "./ports/outbox-store.js";

export interface ActionOutcome {
  idempotencyKey: string;
  /** CONFIRMED once on chain; PENDING or SENT when the chain could not confirm it in time (it will be). */
  status: OutboxStatus;
  transactionHash?: string;
  blockNumber?: number;
  result?: Record<string, unknown>;
  /** Why it is still pending, e.g. the node cannot be reached. */
  lastError?: string;
}

/**
 * Records a chain write in the outbox (with the documents it anchors) and, unless told not to
 * wait, drives it until the chain confirms or refuses it. A refusal is thrown as the matching
 * user error; an unreachable chain is not an error: the outcome says PENDING and the worker
 * keeps trying.
 */
export async function submitChainAction(
  ctx: Pick<GatewayContext, "outbox" | "worker" | "checkpoint" | "settleTimeoutMs">,
  request: {
    idempotencyKey: string;
    action: ChainAction;
    signer: string;
    documents?: readonly DocumentRecord[];
    wait?: boolean;
  },
): Promise<ActionOutcome> {
  const { entry: recorded } = await ctx.outbox.enqueue(
    { idempotencyKey: request.idempotencyKey, action: request.action, signer: request.signer },
    request.documents,
  );
  await ctx.checkpoint?.("stored", request.idempotencyKey);
  const entry =
    request.wait === false ? recorded : await ctx.worker.settle(request.idempotencyKey, ctx.settleTimeoutMs);
  if (entry.status === "FAILED") throw refusalError(entry);
  return {
    idempotencyKey: entry.idempotencyKey,
    status: entry.status,
    ...(typeof entry.result?.transactionHash === "string" && { transactionHash: entry.result.transactionHash }),
    ...(entry.blockNumber !== undefined && { blockNumber: entry.blockNumber }),
    ...(entry.result && { result: entry.result }),
    ...(entry.status !== "CONFIRMED" && {
      lastError: entry.lastError ?? "Queued: earlier actions of the same signing key are sent first.",
    }),
  };
}
