import { Command, CommanderError, Option } from "commander";
import { TradesealError } from "../domain/errors.js";
import type { CliRuntime } from "./cli-runtime.js";
import { CommandContext } from "./command-context.js";
import { defineAuthority } from "./commands/authority.js";
import { defineDeploy } from "./commands/deploy.js";
import { defineIssue } from "./commands/issue.js";
import { defineReindex } from "./commands/reindex.js";
import { defineReplace } from "./commands/replace.js";
import { defineRevoke } from "./commands/revoke.js";
import { defineStart } from "./commands/start.js";
import { defineToken } from "./commands/token.js";
import { defineTrace } from "./commands/trace.js";
import { defineVerify } from "./commands/verify.js";
import { ExitCode, exitCodeOf } from "./exit-codes.js";

const DEFAULT_GATEWAY_URL = "http://127.0.0.1:8080";

const OVERVIEW = `
Exit codes: 0 done (verify: VALID), 1 INVALID or refused, 2 UNAVAILABLE (cannot check or act now:
the gateway, its chain or storage is unreachable), 64 a mistake on the command line.

Examples:
  $ npx tradeseal start                                   # a demo gateway on this machine, with DEV-ONLY tokens
  $ export TRADESEAL_TOKEN=$(npx tradeseal token issuer --authority 1)
  $ npx tradeseal issue ./certificates/                   # issue every file of a folder
  $ npx tradeseal verify 0x3f…e1                          # exit code 0 VALID, 1 INVALID, 2 UNAVAILABLE
  $ npx tradeseal <command> --help                        # each command's options and an example`;

/** Runs the `tradeseal` command line; resolves to the process's exit code. */
export async function runCli(argv: readonly string[], runtime: CliRuntime): Promise<number> {
  const context = new CommandContext(runtime);
  const program = new Command("tradeseal")
    .description(
      "tradeseal: issue, verify and trace blockchain-anchored certificates of origin (e-CoO) and phytosanitary " +
        "certificates (ePhyto) through a tradeseal gateway.",
    )
    .addOption(new Option("--gateway <url>", "the gateway's URL").env("TRADESEAL_URL").default(DEFAULT_GATEWAY_URL))
    .addOption(
      new Option("--token <jwt>", "bearer token of the signed-in caller (the variable keeps it out of `ps`)").env(
        "TRADESEAL_TOKEN",
      ),
    )
    .configureOutput({
      writeOut: (text) => runtime.stdout.write(text),
      writeErr: (text) => runtime.stderr.write(text),
    })
    .exitOverride()
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText("after", OVERVIEW);

  defineStart(program, context);
  defineDeploy(program, context);
  defineAuthority(program, context);
  defineIssue(program, context);
  defineReplace(program, context);
  defineRevoke(program, context);
  defineVerify(program, context);
  defineTrace(program, context);
  defineReindex(program, context);
  defineToken(program, context);

  try {
    await program.parseAsync(argv, { from: "user" });
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are printed by commander itself; anything else is a usage mistake, already explained.
      return error.exitCode === 0 ? ExitCode.OK : ExitCode.USAGE;
    }
    context.err(error instanceof TradesealError ? `Error: ${error.message}` : `Unexpected error: ${stackOf(error)}`);
    return exitCodeOf(error);
  }
}

function stackOf(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
