import { readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { Command } from "commander";
import { TradesealError, UnavailableError, ValidationError } from "../../domain/errors.js";
import type { CommandContext } from "../command-context.js";
import { runNode } from "../run-node.js";

const DEFAULT_RPC_URL = "http://127.0.0.1:8545";
const MODULE = "deploy/modules/Tradeseal.ts";

interface DeployOptions {
  rpcUrl?: string;
  deploymentId?: string;
  reset?: boolean;
  yes?: boolean;
  settings?: string;
}

/** `tradeseal deploy`: the registries with Hardhat Ignition (the module npm start deploys), then their settings. */
export function defineDeploy(program: Command, context: CommandContext): void {
  program
    .command("deploy")
    .summary("deploy the registries to a chain node with Hardhat Ignition")
    .description(
      `Deploys the AuthorityRegistry and the CertificateRegistry behind their proxies (${MODULE}, as npm start does) ` +
        "through the node at --rpc-url, whose first account becomes governance. Prints the gateway's chain settings " +
        "(TRADESEAL_*); --settings also writes them to a file. A deployment already made on that chain is picked up, " +
        "not repeated, unless --reset.",
    )
    .option("--rpc-url <url>", "the chain node's JSON-RPC URL (default RPC_URL or http://127.0.0.1:8545)")
    .option(
      "--deployment-id <id>",
      "Ignition's deployment id, its folder under deploy/deployments (default chain-<chain id>)",
    )
    .option("--reset", "deploy anew, forgetting the earlier deployment of this id")
    .option("-y, --yes", "do not ask for confirmation on a chain other than a local one (31337)")
    .option("--settings <file>", "also write the settings to this file (keeping its other lines)")
    .addHelpText(
      "after",
      `
Example:
  $ npx hardhat node &                     # or a Besu/QBFT node whose first account is governance
  $ npx tradeseal deploy --rpc-url http://127.0.0.1:8545 --settings tradeseal.env`,
    )
    .action(
      context.action(async (options: DeployOptions) => {
        const rpcUrl = options.rpcUrl ?? process.env.RPC_URL ?? DEFAULT_RPC_URL;
        const chainId = await chainIdAt(rpcUrl);
        const deploymentId = options.deploymentId ?? `chain-${chainId}`;
        const { root } = context.runtime;
        const code = await runNode(
          [
            hardhatBin(),
            // The artifacts `hardhat build` makes (as npm start deploys them): Ignition's default, the
            // production profile, would rebuild every contract in isolation over them.
            "--build-profile",
            "default",
            "ignition",
            "deploy",
            MODULE,
            "--network",
            "localhost",
            "--deployment-id",
            deploymentId,
            ...(options.reset ? ["--reset"] : []),
          ],
          {
            cwd: root,
            env: {
              ...process.env,
              // The `localhost` network of hardhat.config.ts reads RPC_URL.
              RPC_URL: rpcUrl,
              ...(options.yes && { HARDHAT_IGNITION_CONFIRM_DEPLOYMENT: "yes", HARDHAT_IGNITION_CONFIRM_RESET: "yes" }),
            },
          },
        );
        if (code !== 0) {
          throw new TradesealError(
            "DEPLOY_FAILED",
            `The deployment did not complete (Ignition exited ${code}); see above.`,
          );
        }
        const chainSettings = await deployedSettings(
          path.join(root, "deploy", "deployments", deploymentId),
          rpcUrl,
          chainId,
        );
        context.out("");
        context.out(
          `Deployed on chain ${chainId}. The gateway's chain settings (its relayer key goes in TRADESEAL_RELAYER):`,
        );
        for (const [name, value] of chainSettings) context.out(`${name}=${value}`);
        if (options.settings) {
          await writeEnvFile(options.settings, chainSettings);
          context.out(`Written to ${options.settings}.`);
        }
      }),
    );
}

function hardhatBin(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve("hardhat/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { bin: Record<string, string> };
  return path.join(path.dirname(manifestPath), manifest.bin.hardhat);
}

async function chainIdAt(rpcUrl: string): Promise<bigint> {
  let answer: { result?: string };
  try {
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      signal: AbortSignal.timeout(10_000),
    });
    answer = (await response.json()) as { result?: string };
  } catch {
    throw new UnavailableError(
      `No chain node answers JSON-RPC at ${rpcUrl}: start one (\`npx hardhat node\`) or pass --rpc-url <url>.`,
    );
  }
  if (typeof answer.result !== "string")
    throw new ValidationError(`${rpcUrl} did not answer eth_chainId; check --rpc-url.`);
  return BigInt(answer.result);
}

/** The settings the gateway reads (src/main.ts configFromEnv), from Ignition's deployment folder. */
async function deployedSettings(folder: string, rpcUrl: string, chainId: bigint): Promise<[string, string][]> {
  const addresses = JSON.parse(await readFile(path.join(folder, "deployed_addresses.json"), "utf8")) as Record<
    string,
    string
  >;
  // The first block the deployment wrote to: the indexer reads nothing before it.
  const journal = await readFile(path.join(folder, "journal.jsonl"), "utf8");
  const blocks = [...journal.matchAll(/"blockNumber":(\d+)/g)].map((match) => Number(match[1]));
  return [
    ["TRADESEAL_RPC_URL", rpcUrl],
    ["TRADESEAL_CHAIN_ID", chainId.toString()],
    ["TRADESEAL_AUTHORITY_REGISTRY", addresses["Tradeseal#AuthorityRegistry"]],
    ["TRADESEAL_CERTIFICATE_REGISTRY", addresses["Tradeseal#CertificateRegistry"]],
    ["TRADESEAL_DEPLOYMENT_BLOCK", String(blocks.length > 0 ? Math.min(...blocks) : 0)],
  ];
}

async function writeEnvFile(file: string, settings: [string, string][]): Promise<void> {
  const names = new Set(settings.map(([name]) => name));
  let kept: string[] = [];
  try {
    kept = (await readFile(file, "utf8")).split("\n").filter((line) => line !== "" && !names.has(line.split("=")[0]));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await writeFile(file, [...kept, ...settings.map(([name, value]) => `${name}=${value}`)].join("\n") + "\n");
}
