import path from "node:path";
import type { Command } from "commander";
import type { CommandContext } from "../command-context.js";
import { runNode } from "../run-node.js";

/** `tradeseal start`: what `npm start` runs (scripts/start.ts), with the same options passed through. */
export function defineStart(program: Command, context: CommandContext): void {
  program
    .command("start")
    .summary("run a demo gateway on this machine, as `npm start` does")
    .description(
      "Runs the whole gateway on this machine, as `npm start` does: a local Hardhat node with the registries deployed, " +
        "the gateway with embedded Helia and PGlite under ./data, demo authorities and certificates, and the HTTP API. " +
        "Prints the API URL and DEV-ONLY tokens, then runs until Ctrl-C. Every option is passed on to `npm start`.",
    )
    .allowUnknownOption()
    .allowExcessArguments()
    .addHelpText(
      "after",
      `
Options of npm start (passed through):
  -p, --port <port>   the chain node's port (default 8545, or PORT)
  -v, --verbose       also show the node's own log
  --reset             start over: forget ./data and the previous chain
The API listens on TRADESEAL_PORT (default 8080); TRADESEAL_DATA_DIR moves ./data.

Example:
  $ npx tradeseal start --port 8546`,
    )
    .action(
      context.action(async (_options: unknown, command: Command) => {
        const { root } = context.runtime;
        return runNode(["--import", "tsx", path.join(root, "scripts", "start.ts"), ...command.args], { cwd: root });
      }),
    );
}
