import { NotFoundError, ValidationError } from "../domain/errors.js";
import type { GatewayContext } from "./gateway-context.js";
import type { HistoryEntry } from "./ports/registry-index.js";

/** Everything an authority did and had done to it (registration, keys, suspensions, certificates), in chain order. */
export async function traceAuthority(
  ctx: Pick<GatewayContext, "index">,
  input: { authorityId: number },
): Promise<{ authorityId: number; history: HistoryEntry[]; indexedToBlock?: number }> {
  if (!Number.isInteger(input.authorityId) || input.authorityId < 1) {
    throw new ValidationError(`"${input.authorityId}" is not an authority id; ids are whole numbers from 1.`);
  }
  const [history, position] = await Promise.all([ctx.index.authorityHistory(input.authorityId), ctx.index.position()]);
  if (history.length === 0) {
    throw new NotFoundError(
      `Authority ${input.authorityId} is not in the index; check the id, or wait until it is indexed.`,
    );
  }
  return { authorityId: input.authorityId, history, ...(position && { indexedToBlock: position.blockNumber }) };
}
