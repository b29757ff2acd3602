import { stringify } from "csv-stringify/sync";
import { NotFoundError, ValidationError } from "../domain/errors.js";
import type { GatewayContext } from "./gateway-context.js";
import type { HistoryEntry } from "./ports/registry-index.js";
import { checkCertificateId } from "./reason.js";

/** One event of a history as exported: where it sits on chain, what it was, and its arguments as emitted. */
export interface HistoryRow {
  block: number;
  logIndex: number;
  /** The block's time, ISO 8601 UTC. */
  time: string;
  transaction: string;
  event: string;
  certificate: string | null;
  /** The acting authority (the issuer for issuance events). */
  authority: number | null;
  batch: string | null;
  /** Every argument of the event as the registry emitted it (quantities in thousandths of the unit, countries as bytes2). */
  arguments: Record<string, string | number | boolean>;
}

/**
 * The CSV columns, fixed whatever the events: the event's place and subject, then one column per
 * argument the registries' events carry (empty when an event has no such argument); anything
 * else an event carries (e.g. upgrade and role events) goes to `otherArguments` as JSON.
 */
export const HISTORY_CSV_COLUMNS = [
  "block",
  "logIndex",
  "time",
  "transaction",
  "event",
  "certificate",
  "authority",
  "batch",
  "issuer",
  "key",
  "oldKey",
  "newKey",
  "numberHash",
  "digest",
  "terms",
  "cid",
  "replacement",
  "declarationHash",
  "amount",
  "remaining",
  "importCountryUnnamed",
  "reasonCode",
  "reasonHash",
  "certificateTypes",
  "count",
  "country",
  "kind",
  "name",
  "accreditor",
  "previous",
  "current",
  "validFrom",
  "validUntil",
  "rotatedAt",
  "revokedAt",
  "otherArguments",
] as const;

/** Arguments that have a column of their own (the subject's are in certificate, authority and batch). */
const ARGUMENT_COLUMNS = new Set<string>(HISTORY_CSV_COLUMNS.slice(8, -1));
const SUBJECT_ARGUMENTS = new Set(["id", "authorityId", "root"]);

export type HistorySubject = { certificateId: string } | { authorityId: number };

export type HistoryExport = { format: "json"; rows: HistoryRow[] } | { format: "csv"; csv: string };

/**
 * The ordered history of a certificate (its events, and its replacement's issuance) or of an
 * authority (what it did and every event of its certificates and batches), from the index, as
 * JSON rows or as CSV with the columns of HISTORY_CSV_COLUMNS and a header line.
 */
export async function exportHistory(
  ctx: Pick<GatewayContext, "index" | "queries">,
  input: { subject: HistorySubject; format: "json" | "csv" },
): Promise<HistoryExport> {
  const entries = await historyOf(ctx, input.subject);
  const rows = entries.map(toRow);
  if (input.format === "json") return { format: "json", rows };
  const csv = stringify(rows.map(csvRecord), {
    header: true,
    columns: [...HISTORY_CSV_COLUMNS],
    // csv-stringify writes true as "1" and false as "" by default; a flag reads better as a word.
    cast: { boolean: (value) => String(value) },
  });
  return { format: "csv", csv };
}

async function historyOf(
  ctx: Pick<GatewayContext, "index" | "queries">,
  subject: HistorySubject,
): Promise<HistoryEntry[]> {
  if ("certificateId" in subject) {
    const id = checkCertificateId(subject.certificateId);
    if (!(await ctx.index.certificate(id))) {
      throw new NotFoundError(`Certificate ${id} is not in the index; check the id, or wait until it is indexed.`);
    }
    return ctx.index.certificateHistory(id);
  }
  const { authorityId } = subject;
  if (!Number.isSafeInteger(authorityId) || authorityId <= 0) {
    throw new ValidationError(`"${authorityId}" is not an authority id; it is a whole number from 1.`);
  }
  if (!(await ctx.queries.authority(authorityId))) {
    throw new NotFoundError(`Authority ${authorityId} is not in the index; check the id, or wait until it is indexed.`);
  }
  return ctx.index.authorityHistory(authorityId);
}

function toRow(entry: HistoryEntry): HistoryRow {
  return {
    block: entry.blockNumber,
    logIndex: entry.logIndex,
    time: new Date(entry.blockTime * 1000).toISOString(),
    transaction: entry.transactionHash,
    event: entry.name,
    certificate: entry.certificateId ?? null,
    authority: entry.authorityId ?? null,
    batch: entry.batchRoot ?? null,
    arguments: entry.args,
  };
}

function csvRecord(row: HistoryRow): Record<string, string | number | boolean> {
  const record: Record<string, string | number | boolean> = {
    block: row.block,
    logIndex: row.logIndex,
    time: row.time,
    transaction: row.transaction,
    event: row.event,
    certificate: row.certificate ?? "",
    authority: row.authority ?? "",
    batch: row.batch ?? "",
  };
  const other: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(row.arguments)) {
    if (ARGUMENT_COLUMNS.has(name)) record[name] = value;
    else if (!SUBJECT_ARGUMENTS.has(name)) other[name] = value;
  }
  if (Object.keys(other).length > 0) record.otherArguments = JSON.stringify(other);
  return record;
}
