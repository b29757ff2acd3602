/**
 * `Idempotency-Key` on state-changing requests: the first answer is kept per (caller, key) and a
 * retry gets it again, marked `Idempotent-Replayed: true`; the same key with another body is
 * refused (422), and while the first is still running a retry gets 409.
 */
import { createHash } from "node:crypto";
import type { Request, Response } from "express";
import type { IdempotencyStore } from "../application/ports/idempotency-store.js";
import type { Caller } from "../domain/caller.js";
import { TradesealError, ValidationError } from "../domain/errors.js";

/** An answer a route produces: status and JSON body. */
export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export async function answerOnce(
  store: IdempotencyStore,
  req: Request,
  res: Response,
  caller: Caller | undefined,
  produce: () => Promise<Answer>,
): Promise<void> {
  const key = req.get("idempotency-key");
  if (key === undefined) {
    send(res, await produce());
    return;
  }
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new ValidationError("Idempotency-Key must be 1–255 visible ASCII characters, e.g. a UUID.");
  }
  const scoped = `${caller?.subject ?? "anonymous"}:${key}`;
  const hash = createHash("sha256")
    .update(`${req.method} ${req.path}\n`)
    .update(typeof req.body === "string" ? req.body : JSON.stringify(req.body ?? null))
    .digest("hex");
  const claim = await store.claim(scoped, hash);
  switch (claim.state) {
    case "replay":
      res.set("Idempotent-Replayed", "true");
      send(res, { status: claim.status, body: claim.body });
      return;
    case "mismatch":
      throw new TradesealError(
        "IDEMPOTENCY_KEY_REUSED",
        "This Idempotency-Key was used for another request; use a new key for a new request.",
      );
    case "in-flight":
      throw new TradesealError(
        "IDEMPOTENCY_KEY_IN_USE",
        "The first request with this Idempotency-Key is still being answered; retry in a moment.",
      );
    case "new":
      break;
  }
  let answer: Answer;
  try {
    answer = await produce();
  } catch (error) {
    // Refusals change nothing: the key is freed so a corrected request can use it.
    await store.release(scoped);
    throw error;
  }
  await store.complete(scoped, answer.status, answer.body);
  send(res, answer);
}

function send(res: Response, answer: Answer): void {
  if (answer.headers) res.set(answer.headers);
  res.status(answer.status).json(answer.body);
}
