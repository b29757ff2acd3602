import path from "node:path";
import { Piscina } from "piscina";
import type { DocumentPreparer } from "../../application/ports/document-preparer.js";
import { inlineDocumentPreparer } from "../../application/ports/document-preparer.js";
import { TradesealError, UnavailableError, ValidationError } from "../../domain/errors.js";
import type { prepareDocumentText, prepareJsonBodyText, Refusal } from "./prepare-document-task.js";

export interface ThreadDocumentPreparerOptions {
  /** Threads that parse documents; each is a V8 isolate of its own (some 30 MB). */
  threads: number;
  /**
   * Documents whose JSON text is shorter than this are prepared on the calling thread: sending
   * them would cost more than parsing them (a typical certificate is 2–5 KB).
   */
  inlineBelowChars?: number;
  /** Documents waiting for a thread; beyond it the gateway answers 503 (try again). */
  maxQueue?: number;
}

/** 8 KiB: a certificate with some twenty goods lines. */
export const DEFAULT_INLINE_BELOW_CHARS = 8_192;
const DEFAULT_MAX_QUEUE = 1_024;

/**
 * Prepares large documents on a pool of worker threads (piscina), so that a certificate of many
 * goods lines neither stalls the event loop (every other request waiting behind it) nor leaves
 * the machine's other cores idle. The threads start with the gateway; `close` stops them.
 */
export function createThreadDocumentPreparer(options: ThreadDocumentPreparerOptions): DocumentPreparer {
  if (!Number.isInteger(options.threads) || options.threads < 1) {
    throw new RangeError(`A thread document preparer needs 1 or more threads; got ${options.threads}.`);
  }
  const inlineBelowChars = options.inlineBelowChars ?? DEFAULT_INLINE_BELOW_CHARS;
  // The task module sits beside this one, with the same extension (.ts run by tsx, or .js built).
  const extension = path.posix.extname(new URL(import.meta.url).pathname);
  const pool = new Piscina({
    filename: new URL(`./prepare-document-task${extension}`, import.meta.url).href,
    minThreads: options.threads,
    maxThreads: options.threads,
    maxQueue: options.maxQueue ?? DEFAULT_MAX_QUEUE,
    // Idle threads stay: starting one takes a few hundred ms.
    idleTimeout: Number.POSITIVE_INFINITY,
    // First come, first served: otherwise a task met while every thread is busy goes to the back
    // of the queue, and under steady load some requests wait seconds.
    stricterFIFO: true,
  });

  /** Runs a task on a thread; its refusal is thrown here as the error it was there. */
  async function run<T extends object>(name: string, text: string): Promise<Exclude<T, Refusal>> {
    let outcome: T | Refusal;
    try {
      outcome = (await pool.run(text, { name })) as T | Refusal;
    } catch (error) {
      if (error instanceof Error && /queue is at limit/i.test(error.message)) {
        throw new UnavailableError(
          `The gateway is checking ${pool.queueSize} large documents already: send this one again in a few seconds.`,
          {},
          { cause: error },
        );
      }
      throw error;
    }
    if ("refused" in outcome) {
      const { code, message, details } = outcome.refused;
      throw code === "VALIDATION_FAILED"
        ? new ValidationError(message, details)
        : new TradesealError(code, message, details);
    }
    return outcome as Exclude<T, Refusal>;
  }

  return {
    async prepare(input) {
      const text = jsonText(input);
      // Small documents, and values JSON cannot carry (the parser names what is wrong with them), stay here.
      if (text === undefined || text.length < inlineBelowChars) return inlineDocumentPreparer.prepare(input);
      const { prepared } = await run<ReturnType<typeof prepareDocumentText>>("prepareDocumentText", text);
      return prepared;
    },
    async prepareJsonBody(text) {
      if (text.length < inlineBelowChars) return inlineDocumentPreparer.prepareJsonBody(text);
      const { body } = await run<ReturnType<typeof prepareJsonBodyText>>("prepareJsonBodyText", text);
      return body;
    },
    async close() {
      await pool.destroy();
    },
  };
}

function jsonText(input: unknown): string | undefined {
  try {
    // undefined for a function or undefined itself, whatever the declared type says
    const text: string | undefined = JSON.stringify(input);
    return text;
  } catch {
    return undefined;
  }
}
