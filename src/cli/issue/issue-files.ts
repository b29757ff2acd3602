import path from "node:path";
import { TradesealError } from "../../domain/errors.js";
import { readDocumentFile } from "../document-file.js";
import type { GatewayClient } from "../gateway-client.js";
import type { IssueJournal } from "./issue-journal.js";

export type IssueStatus = "ISSUED" | "PENDING" | "SKIPPED" | "FAILED" | "NOT SENT";

/** What became of one file. */
export interface IssueOutcome {
  file: string;
  status: IssueStatus;
  certificateId?: string;
  error?: string;
}

/** The API's answer to an issuance. */
interface Issued {
  certificateId: string;
  status: "CONFIRMED" | "PENDING" | "SENT";
  lastError?: string;
}

/** Errors that would fail every file alike: the run stops and leaves the rest for a rerun. */
const STOPPING = new Set(["UNAVAILABLE", "UNAUTHENTICATED"]);

/** Progress as it is shown (a bar on the terminal). */
export interface IssueProgress {
  fileDone(file: string): void;
}

/**
 * Issues each file through the gateway, `concurrency` at a time, skipping what the journal says
 * is done and writing down each issuance at once. Every request carries an Idempotency-Key from
 * the file's content digest, so a request retried after a lost answer never issues twice. When
 * the gateway cannot be reached (or refuses the token), the files not yet sent are left for a rerun.
 */
export async function issueFiles(input: {
  files: readonly string[];
  client: GatewayClient;
  journal: IssueJournal;
  concurrency: number;
  wait: boolean;
  progress: IssueProgress;
}): Promise<{ outcomes: IssueOutcome[]; stopped?: TradesealError }> {
  const outcomes: IssueOutcome[] = input.files.map((file) => ({ file, status: "NOT SENT" }));
  let stopped: TradesealError | undefined;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < input.files.length && !stopped) {
      const index = next++;
      const file = input.files[index];
      try {
        outcomes[index] = await issueOne(file, input);
      } catch (error) {
        if (error instanceof TradesealError && STOPPING.has(error.code)) {
          stopped ??= error;
          break;
        }
        outcomes[index] = { file, status: "FAILED", error: messageOf(error) };
      }
      input.progress.fileDone(file);
    }
  };
  await Promise.all(Array.from({ length: Math.min(input.concurrency, input.files.length) }, worker));
  return { outcomes, ...(stopped && { stopped }) };
}

async function issueOne(
  file: string,
  input: { client: GatewayClient; journal: IssueJournal; wait: boolean },
): Promise<IssueOutcome> {
  const document = await readDocumentFile(file, path.basename(file));
  const done = input.journal.issued(document.sha256, input.client.url);
  if (done) return { file, status: "SKIPPED", certificateId: done.certificateId };
  if (document.type === "application/vc+jwt") {
    return { file, status: "FAILED", error: "A credential is not issued again; give the document as JSON or XML." };
  }
  const answer = await input.client.request<Issued>({
    path: `/v1/certificates?wait=${input.wait}`,
    body: document.text,
    type: document.type,
    idempotencyKey: `tradeseal-issue-${document.sha256}`,
    signedIn: true,
  });
  const { certificateId, status } = answer.body;
  await input.journal.record({
    file: path.basename(file),
    sha256: document.sha256,
    gateway: input.client.url,
    certificateId,
    status,
    at: new Date().toISOString(),
  });
  return status === "CONFIRMED"
    ? { file, status: "ISSUED", certificateId }
    : { file, status: "PENDING", certificateId, error: answer.body.lastError };
}

function messageOf(error: unknown): string {
  if (error instanceof TradesealError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
