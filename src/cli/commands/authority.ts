import { InvalidArgumentError, Option, type Command } from "commander";
import { TradesealError, UnavailableError, ValidationError } from "../../domain/errors.js";
import { CertificateType } from "../../domain/registry-types.js";
import { describeOutcome, type ActionOutcome } from "../action-outcome.js";
import type { CommandContext } from "../command-context.js";
import type { GatewayClient } from "../gateway-client.js";
import { idempotencyKeyOf } from "../idempotency-key.js";
import { reasonCode } from "../reason-code.js";

const KINDS = ["CHAMBER", "NPPO", "CUSTOMS", "AUDITOR"] as const;
type Kind = (typeof KINDS)[number];
/** What each kind issues unless --types says otherwise. */
const DEFAULT_TYPES: Record<Kind, string[]> = {
  CHAMBER: ["COO_NONPREFERENTIAL", "COO_PREFERENTIAL"],
  NPPO: ["PHYTO", "PHYTO_REEXPORT"],
  CUSTOMS: [],
  AUDITOR: [],
};
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
/** How long a new authority may take to reach the gateway's index. */
const INDEX_WAIT_MS = 30_000;

interface SigningKey {
  address: string;
  validFrom: string;
  validUntil: string;
  endedBlock?: number;
}

/** `tradeseal authority add|suspend|reinstate|rotate-key`: an accreditor manages its country's authorities. */
export function defineAuthority(program: Command, context: CommandContext): void {
  const authority = program
    .command("authority")
    .summary("register, suspend, reinstate an authority or rotate its key (as accreditor)")
    .description(
      "An accreditor manages the authorities of its country through the gateway, which must hold that accreditor's " +
        "key. Needs an accreditor's token (--token or TRADESEAL_TOKEN).",
    )
    .addHelpText(
      "after",
      `
Example:
  $ export TRADESEAL_TOKEN=$(npx tradeseal token accreditor --country PK)
  $ npx tradeseal authority add --name "Lahore Chamber of Commerce" --kind CHAMBER`,
    );

  authority
    .command("add")
    .summary("register an authority of your country, with a signing key")
    .description(
      "Registers an authority of the accreditor's country: a CHAMBER issues certificates of origin, an NPPO " +
        "phytosanitary certificates, CUSTOMS and AUDITOR issue none. Then gives it a signing key: --key registers one " +
        "the authority holds; otherwise the gateway makes one in its key ring.",
    )
    .requiredOption("--name <name>", "the authority's legal name")
    .addOption(new Option("--kind <kind>", "what it is").choices(KINDS).makeOptionMandatory())
    .option(
      "--types <types>",
      `certificate types it may issue, comma-separated (${Object.keys(CertificateType).join(", ")})`,
      typeList,
    )
    .option("--key <address>", "its signing key's address (default: a new key in the gateway's key ring)", address)
    .option(
      "--valid-until <date>",
      "when the signing key stops being valid (a date, e.g. 2028-12-31)",
      oneYearFromNow(),
    )
    .option("--no-signing-key", "register it without a signing key")
    .addHelpText(
      "after",
      `
Example:
  $ npx tradeseal authority add --name "Lahore Chamber of Commerce" --kind CHAMBER --valid-until 2028-12-31`,
    )
    .action(
      context.action(
        async (
          options: {
            name: string;
            kind: Kind;
            types?: string[];
            key?: string;
            validUntil: string;
            signingKey: boolean;
          },
          command: Command,
        ) => {
          const client = context.client(command);
          const types = options.types ?? DEFAULT_TYPES[options.kind];
          const body = { name: options.name, kind: options.kind, certificateTypes: types };
          const registered = await client.request<ActionOutcome & { authorityId?: number }>({
            path: "/v1/authorities",
            json: body,
            idempotencyKey: idempotencyKeyOf("authority-add", JSON.stringify(body)),
            signedIn: true,
          });
          const { authorityId } = registered.body;
          if (authorityId === undefined) {
            context.out(`Registration of ${options.name} ${describeOutcome(registered.body)}.`);
            context.out("Run the same command again later to see its number and give it a signing key.");
            return;
          }
          context.out(
            `Registered authority ${authorityId}, ${options.name} (${options.kind}; ${types.join(", ") || "issues none"}): ` +
              `${describeOutcome(registered.body)}.`,
          );
          if (!options.signingKey) return;
          await untilIndexed(client, authorityId);
          const keyBody = { ...(options.key && { key: options.key }), validUntil: options.validUntil };
          const added = await client.request<ActionOutcome & { key: string }>({
            path: `/v1/authorities/${authorityId}/keys`,
            json: keyBody,
            idempotencyKey: idempotencyKeyOf("authority-key", String(authorityId), JSON.stringify(keyBody)),
            signedIn: true,
          });
          context.out(
            `Signing key ${added.body.key}, valid until ${options.validUntil}: ${describeOutcome(added.body)}.`,
          );
        },
      ),
    );

  authority
    .command("suspend")
    .summary("suspend an authority: it can no longer issue")
    .description("Suspends an authority of your country. Its certificates stay as they are; it cannot issue new ones.")
    .argument("<authority>", "the authority's number", authorityNumber)
    .addOption(new Option("--reason-code <code>", "the registry's reason code, 0–255").argParser(reasonCode).default(0))
    .addHelpText("after", "\nExample:\n  $ npx tradeseal authority suspend 7 --reason-code 3")
    .action(
      context.action(async (id: number, options: { reasonCode: number }, command: Command) => {
        const answer = await context.client(command).request<ActionOutcome>({
          path: `/v1/authorities/${id}/suspend`,
          json: { reasonCode: options.reasonCode },
          signedIn: true,
        });
        context.out(`Suspended authority ${id}: ${describeOutcome(answer.body)}.`);
      }),
    );

  authority
    .command("reinstate")
    .summary("reinstate a suspended authority")
    .description("Reinstates a suspended authority of your country: it may issue again.")
    .argument("<authority>", "the authority's number", authorityNumber)
    .addHelpText("after", "\nExample:\n  $ npx tradeseal authority reinstate 7")
    .action(
      context.action(async (id: number, _options: unknown, command: Command) => {
        const answer = await context.client(command).request<ActionOutcome>({
          path: `/v1/authorities/${id}/reinstate`,
          json: {},
          signedIn: true,
        });
        context.out(`Reinstated authority ${id}: ${describeOutcome(answer.body)}.`);
      }),
    );

  authority
    .command("rotate-key")
    .summary("rotate an authority's signing key")
    .description(
      "Ends a signing key of an authority of your country and starts a new one: --new-key registers one the " +
        "authority holds, otherwise the gateway makes one. Certificates signed with the old key stay valid. " +
        "Without --old-key, the authority's one key in force is rotated.",
    )
    .argument("<authority>", "the authority's number", authorityNumber)
    .option("--old-key <address>", "the key to end (default: its only key in force)", address)
    .option("--new-key <address>", "the new key's address (default: a new key in the gateway's key ring)", address)
    .option("--valid-until <date>", "when the new key stops being valid (a date, e.g. 2028-12-31)", oneYearFromNow())
    .addHelpText("after", "\nExample:\n  $ npx tradeseal authority rotate-key 7 --valid-until 2028-12-31")
    .action(
      context.action(
        async (id: number, options: { oldKey?: string; newKey?: string; validUntil: string }, command: Command) => {
          const client = context.client(command);
          const oldKey = options.oldKey ?? (await keyInForce(client, id));
          const answer = await client.request<ActionOutcome & { newKey: string }>({
            path: `/v1/authorities/${id}/keys/rotate`,
            json: { oldKey, ...(options.newKey && { newKey: options.newKey }), validUntil: options.validUntil },
            signedIn: true,
          });
          context.out(
            `Authority ${id}: key ${oldKey} ended, key ${answer.body.newKey} valid until ${options.validUntil}: ` +
              `${describeOutcome(answer.body)}.`,
          );
        },
      ),
    );
}

/**
 * Waits until the gateway's index has the new authority (it follows the chain a moment behind):
 * its key can be added only then.
 */
async function untilIndexed(client: GatewayClient, id: number): Promise<void> {
  const deadline = Date.now() + INDEX_WAIT_MS;
  for (;;) {
    try {
      await client.request({ path: `/v1/authorities/${id}` });
      return;
    } catch (error) {
      if (!(error instanceof TradesealError && error.code === "NOT_FOUND")) throw error;
      if (Date.now() > deadline) {
        throw new UnavailableError(
          `Authority ${id} is registered but not indexed by the gateway yet: run the same command again in a moment ` +
            "to give it its signing key.",
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** The authority's one signing key still in force, or an error listing its keys. */
async function keyInForce(client: GatewayClient, id: number): Promise<string> {
  const { body } = await client.request<{ signingKeys?: SigningKey[] }>({ path: `/v1/authorities/${id}` });
  const keys = body.signingKeys ?? [];
  const now = Date.now();
  const inForce = keys.filter((key) => key.endedBlock === undefined && Date.parse(key.validUntil) > now);
  if (inForce.length === 1) return inForce[0].address;
  if (inForce.length === 0) throw new ValidationError(`Authority ${id} has no signing key in force; add one instead.`);
  throw new ValidationError(
    `Authority ${id} has ${inForce.length} keys in force (${inForce.map((key) => key.address).join(", ")}); ` +
      "say which to end with --old-key.",
  );
}

function authorityNumber(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError("an authority number is a whole number from 1 up.");
  return Number(value);
}

function address(value: string): string {
  if (!ADDRESS.test(value)) throw new InvalidArgumentError("an address is 0x followed by 40 hex digits.");
  return value;
}

function typeList(value: string): string[] {
  const types = value
    .split(",")
    .map((type) => type.trim().toUpperCase())
    .filter((type) => type !== "");
  const unknown = types.filter((type) => !(type in CertificateType));
  if (unknown.length > 0) {
    throw new InvalidArgumentError(
      `unknown type ${unknown.join(", ")}; use ${Object.keys(CertificateType).join(", ")}.`,
    );
  }
  return types;
}

function oneYearFromNow(): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  return date.toISOString().slice(0, 10);
}
