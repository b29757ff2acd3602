import path from "node:path";
import { Argument, InvalidArgumentError, type Command } from "commander";
import { CallerRole, type Caller } from "../../domain/caller.js";
import { UnavailableError, ValidationError } from "../../domain/errors.js";
import type { CommandContext } from "../command-context.js";

/** The authority kinds each role's token may stand for. */
const KINDS_OF_ROLE: Partial<Record<CallerRole, string[]>> = {
  issuer: ["CHAMBER", "NPPO"],
  customs: ["CUSTOMS"],
  nppo: ["NPPO"],
  auditor: ["AUDITOR"],
};

interface TokenOptions {
  authority?: number;
  country?: string;
  subject?: string;
  hours: number;
  dataDir?: string;
}

/** `tradeseal token <role>`: a DEV-ONLY token from the embedded demo identity provider. */
export function defineToken(program: Command, context: CommandContext): void {
  program
    .command("token")
    .summary("make a DEV-ONLY token for the demo gateway")
    .description(
      "DEV-ONLY. Signs a token with the embedded identity provider's key that the demo gateway (npx tradeseal start) " +
        "keeps under its data directory; prints the token alone, for TRADESEAL_TOKEN. Issuers, customs, NPPOs and " +
        "auditors act for an authority (--authority; its country is looked up at the gateway unless --country is " +
        "given); accreditors for a country. A production gateway takes its identity provider's tokens, never these.",
    )
    .addArgument(new Argument("<role>", "who the token is for").choices(CallerRole))
    .option("--authority <number>", "the authority the caller acts for", authorityNumber)
    .option("--country <code>", "the caller's country, e.g. PK (ISO 3166-1 alpha-2)", countryCode)
    .option("--subject <name>", "the token's subject: the person or system (default cli-<role>-<authority|country>)")
    .option("--hours <n>", "hours the token is valid", hoursValid, 12)
    .option("--data-dir <dir>", "the demo gateway's data directory (default TRADESEAL_DATA_DIR or ./data)")
    .addHelpText(
      "after",
      `
Examples:
  $ export TRADESEAL_TOKEN=$(npx tradeseal token issuer --authority 1)
  $ npx tradeseal token accreditor --country PK
  $ npx tradeseal token auditor --authority 5 --hours 2`,
    )
    .action(
      context.action(async (role: CallerRole, options: TokenOptions, command: Command) => {
        const caller = await callerOf(context, command, role, options);
        const minter = await context.runtime.devTokens(path.resolve(options.dataDir ?? context.runtime.defaultDataDir));
        context.out(await minter.token(caller, options.hours * 3600));
        const who =
          caller.authorityId === undefined
            ? (caller.country ?? "the consortium")
            : `authority ${caller.authorityId} (${caller.country})`;
        context.err(
          `DEV-ONLY token: ${role} of ${who}, valid ${options.hours} h, signed with the demo identity provider key under ` +
            `${minter.directory}. Production tokens come from your identity provider.`,
        );
      }),
    );
}

async function callerOf(
  context: CommandContext,
  command: Command,
  role: CallerRole,
  options: TokenOptions,
): Promise<Caller> {
  const subject = (rest: string) => options.subject ?? `cli-${role}-${rest}`;
  if (role === "admin") return { subject: subject("consortium"), role };
  if (role === "accreditor") {
    if (!options.country) throw new ValidationError("An accreditor's token is for a country: add --country <code>.");
    return { subject: subject(options.country.toLowerCase()), role, country: options.country };
  }
  if (options.authority === undefined) {
    throw new ValidationError(`A token for the ${role} role acts for an authority: add --authority <number>.`);
  }
  const country = options.country ?? (await countryOfAuthority(context, command, role, options.authority));
  return { subject: subject(String(options.authority)), role, authorityId: options.authority, country };
}

/** The authority's country, from the gateway's public trust list; checks that the role fits its kind. */
async function countryOfAuthority(
  context: CommandContext,
  command: Command,
  role: CallerRole,
  id: number,
): Promise<string> {
  const client = context.client(command);
  let authority: { country: string; kind: string; name: string };
  try {
    authority = (
      await client.request<{ country: string; kind: string; name: string }>({ path: `/v1/authorities/${id}` })
    ).body;
  } catch (error) {
    if (error instanceof UnavailableError) {
      throw new UnavailableError(`${error.message}\nOr give the authority's country with --country <code>.`);
    }
    throw error;
  }
  const kinds = KINDS_OF_ROLE[role] ?? [];
  if (!kinds.includes(authority.kind)) {
    throw new ValidationError(
      `Authority ${id} (${authority.name}) is of kind ${authority.kind}; the ${role} role is for kind ${kinds.join(" or ")}.`,
    );
  }
  return authority.country;
}

function authorityNumber(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError("an authority number is a whole number from 1 up.");
  return Number(value);
}

function countryCode(value: string): string {
  if (!/^[A-Za-z]{2}$/.test(value)) throw new InvalidArgumentError("a country is two letters, e.g. PK.");
  return value.toUpperCase();
}

function hoursValid(value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0 || Number(value) > 24 * 30) {
    throw new InvalidArgumentError("give the hours as a number above 0, at most 720.");
  }
  return Number(value);
}
