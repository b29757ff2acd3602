import path from "node:path";
import type { Command } from "commander";
import { ValidationError } from "../../domain/errors.js";
import type { CommandContext } from "../command-context.js";

interface ReindexOptions {
  dataDir?: string;
  settings?: string;
}

/** `tradeseal reindex`: rebuilds the gateway's SQL index from the chain, in this process. */
export function defineReindex(program: Command, context: CommandContext): void {
  program
    .command("reindex")
    .summary("rebuild the gateway's index from the chain (embedded, gateway stopped)")
    .description(
      "Forgets the gateway's SQL index and replays the registries' events from the deployment block: the index is a " +
        "function of the chain, so this repairs any drift. Runs the gateway in this process from its settings " +
        "(the TRADESEAL_* environment variables of src/main.ts, or --settings), so stop the gateway that uses the same " +
        "database first. Documents, keys and webhooks are not touched.",
    )
    .option("--data-dir <dir>", "the gateway's data directory (default TRADESEAL_DATA_DIR or ./data)")
    .option(
      "--settings <file>",
      "read the gateway's settings from this file first (as `tradeseal deploy --settings` writes)",
    )
    .addHelpText(
      "after",
      `
Example:
  $ npx tradeseal reindex --settings tradeseal.env --data-dir /var/lib/tradeseal`,
    )
    .action(
      context.action(async (options: ReindexOptions) => {
        if (options.settings) loadEnvFile(options.settings);
        const dataDir = path.resolve(options.dataDir ?? context.runtime.defaultDataDir);
        const started = Date.now();
        context.err(`Rebuilding the index of the gateway under ${dataDir} from the chain ...`);
        const gateway = await context.runtime.openGateway(dataDir);
        try {
          const position = await gateway.indexer.rebuild();
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          context.out(
            position
              ? `Index rebuilt up to block ${position.blockNumber} (${position.blockHash}) in ${seconds} s.`
              : `Index cleared in ${seconds} s: the chain holds no blocks after the deployment yet.`,
          );
        } finally {
          await gateway.close();
        }
      }),
    );
}

function loadEnvFile(file: string): void {
  try {
    process.loadEnvFile(file);
  } catch (error) {
    throw new ValidationError(`The settings file ${file} cannot be read (${(error as Error).message}).`);
  }
}
