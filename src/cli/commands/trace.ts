import Table from "cli-table3";
import { InvalidArgumentError, type Command } from "commander";
import { stringify } from "csv-stringify/sync";
import type { CommandContext } from "../command-context.js";
import type { GatewayClient } from "../gateway-client.js";

/** One event as the API's history answers carry it. */
interface HistoryEntry {
  block: number;
  logIndex: number;
  time: string;
  transaction: string;
  event: string;
  certificateId?: string;
  authorityId?: number;
  args?: Record<string, string | number | boolean>;
}

interface CertificateHistory {
  certificate: {
    id: string;
    status: string;
    type: string;
    issuer: { id: number; name?: string; country?: string };
    exportCountry: string;
    importCountry: string;
  };
  lineage: string[];
  indexedToBlock?: number;
  history: HistoryEntry[];
}

interface AuthorityHistory {
  authorityId: number;
  indexedToBlock?: number;
  history: HistoryEntry[];
}

interface TraceOptions {
  csv?: boolean;
  json?: boolean;
}

const CSV_COLUMNS = ["block", "logIndex", "time", "event", "certificateId", "authorityId", "transaction", "args"];

/** `tradeseal trace <id>`: a certificate's (or an authority's) whole history, in chain order. */
export function defineTrace(program: Command, context: CommandContext): void {
  program
    .command("trace")
    .summary("a certificate's or an authority's history, as a table, CSV or JSON")
    .description(
      "Prints every event of a certificate (by registry id) or of an authority (by its number) in chain order: " +
        "issuance, acknowledgements, drawdowns, suspensions, revocation, replacement. Anyone sees a certificate's " +
        "status timeline; parties to it (issuer, importing side, auditors) also see each event's details with --token. " +
        "An authority's history is for auditors, its accreditor and the authority itself.",
    )
    .argument("<id>", "a certificate id (0x…) or an authority number", certificateOrAuthority)
    .option("--csv", "print CSV (one row per event) instead of a table")
    .option("--json", "print the gateway's answer as JSON")
    .addHelpText(
      "after",
      `
Examples:
  $ npx tradeseal trace 0x3f…e1
  $ npx tradeseal trace 0x3f…e1 --csv > history.csv
  $ npx tradeseal trace 3 --json          # authority 3, with an auditor's token`,
    )
    .action(
      context.action(async (id: string, options: TraceOptions, command: Command) => {
        const client = context.client(command);
        const trace = id.startsWith("0x") ? await certificateTrace(client, id) : await authorityTrace(client, id);
        if (options.json) {
          context.out(JSON.stringify(trace.answer, null, 2));
        } else if (options.csv) {
          context.runtime.stdout.write(
            stringify(trace.answer.history.map(csvRow), { header: true, columns: CSV_COLUMNS }),
          );
        } else {
          for (const line of trace.heading) context.out(line);
          context.out(historyTable(trace.answer.history, id));
          if (trace.answer.indexedToBlock !== undefined) {
            context.out(`Indexed to block ${trace.answer.indexedToBlock}: later events are not shown yet.`);
          }
        }
      }),
    );
}

function certificateOrAuthority(value: string): string {
  if (/^0x[0-9a-fA-F]{64}$/.test(value)) return value.toLowerCase();
  if (/^[1-9]\d*$/.test(value)) return value;
  throw new InvalidArgumentError("give a certificate id (0x followed by 64 hex digits) or an authority number.");
}

async function certificateTrace(
  client: GatewayClient,
  id: string,
): Promise<{ answer: CertificateHistory; heading: string[] }> {
  const { body } = await client.request<CertificateHistory>({ path: `/v1/certificates/${id}/history` });
  const { certificate } = body;
  const issuer = certificate.issuer.name
    ? `${certificate.issuer.name} (authority ${certificate.issuer.id}, ${certificate.issuer.country ?? "?"})`
    : `authority ${certificate.issuer.id}`;
  const route = `${certificate.exportCountry} → ${certificate.importCountry || "any country"}`;
  const heading = [
    `Certificate ${certificate.id}: ${certificate.type}, ${certificate.status}, ${route}, issued by ${issuer}`,
  ];
  if (body.lineage.length > 1) heading.push(`Lineage (oldest first): ${body.lineage.join(" → ")}`);
  return { answer: body, heading };
}

async function authorityTrace(
  client: GatewayClient,
  id: string,
): Promise<{ answer: AuthorityHistory; heading: string[] }> {
  const [authority, history] = await Promise.all([
    client.request<{ name: string; country: string; kind: string; status: string }>({ path: `/v1/authorities/${id}` }),
    client.request<AuthorityHistory>({ path: `/v1/authorities/${id}/history`, signedIn: true }),
  ]);
  const { name, country, kind, status } = authority.body;
  return { answer: history.body, heading: [`Authority ${id}: ${name}, ${kind} of ${country}, ${status}`] };
}

/** The history as a table; hashes are shortened (CSV and JSON carry them whole). */
function historyTable(history: HistoryEntry[], traced: string): string {
  if (history.length === 0) return "No events indexed yet.";
  const table = new Table({
    head: ["Block", "Time", "Event", "By", "Details", "Transaction"],
    style: { head: [], border: [] },
  });
  for (const entry of history) {
    // The certificate an event is about, unless it is the one traced; its `id` argument says the same.
    const about =
      entry.certificateId && entry.certificateId !== traced ? [`certificate: ${short(entry.certificateId)}`] : [];
    const details = Object.entries(entry.args ?? {})
      .filter(([key, value]) => !(key === "id" && value === entry.certificateId))
      .map(([key, value]) => `${key}: ${short(String(value))}`);
    table.push([
      String(entry.block),
      entry.time,
      entry.event,
      entry.authorityId === undefined ? "" : entry.authorityId === 0 ? "accreditor" : `authority ${entry.authorityId}`,
      [...about, ...details].join("\n"),
      short(entry.transaction),
    ]);
  }
  return table.toString();
}

/** A long hash or number as its first and last digits; words stay whole. */
function short(value: string): string {
  return value.length > 22 && /^(0x[0-9a-fA-F]+|\d+)$/.test(value) ? `${value.slice(0, 10)}…${value.slice(-6)}` : value;
}

function csvRow(entry: HistoryEntry): Record<string, string | number> {
  return {
    block: entry.block,
    logIndex: entry.logIndex,
    time: entry.time,
    event: entry.event,
    certificateId: entry.certificateId ?? "",
    authorityId: entry.authorityId ?? "",
    transaction: entry.transaction,
    args: entry.args ? JSON.stringify(entry.args) : "",
  };
}
