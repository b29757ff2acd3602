/**
 * `npm start`: the whole gateway on this machine — a local Hardhat node on 127.0.0.1 with the
 * registries deployed, the gateway (embedded Helia and PGlite) with a demo world of authorities and
 * certificates, its HTTP API and the portal on 127.0.0.1.
 *   npm start                        chain on 8545, API and portal on 8080, data under ./data
 *   npm start -- --reset             forget ./data (chain, index, documents, keys) and start over
 *   PORT=8546 npm start              another chain port (or: npm start -- --port 8546)
 *   TRADESEAL_PORT=8081 npm start    another API port (0: any free one)
 *   TRADESEAL_DATA_DIR=/some/dir     another data directory than ./data
 *   npm start -- --verbose           also show the node's own log (accounts, every JSON-RPC call)
 * Prints the API and portal URL and one DEV-ONLY token per demo role, then runs until Ctrl-C or
 * SIGTERM.
 *
 * Everything is kept between runs under the data directory: the gateway's PGlite database, Helia
 * blocks and dev keys, and the chain, which Hardhat's node does not keep itself: scripts/chain-node.ts
 * writes every block to <data>/chain/blocks.jsonl and mines them again on the next start (same
 * hashes, same contract addresses). The first start deploys the registries and seeds the demo
 * world (scripts/demo-world.ts); later starts find them as they were left. The chain keeps the
 * contracts it was given: after changing them, start over with --reset to deploy the new ones.
 * With TRADESEAL_RPC_URL set it runs a production gateway instead: a Besu or GoQuorum network, Kubo,
 * PostgreSQL and an identity provider, all from the environment (src/main.ts; the README lists them).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createDevKeystore, type DevKeystore } from "../src/adapters/keys/dev-keystore.js";
import { buildPortal } from "../portal/build.js";
import {
  apiConfigFromEnv,
  configFromEnv,
  createGateway,
  startApiServer,
  type ApiServer,
  type Gateway,
} from "../src/main.js";
import { ChainJournal, JournalError, START_OVER } from "./chain-journal.js";
import type { ChainNodeReport } from "./chain-node.js";
import { readDemoState, writeDemoState, type DemoState } from "./demo-state.js";
import { devAccount, seedDemoWorld } from "./demo-world.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const HOST = "127.0.0.1";
const DEFAULT_PORT = 8545;
const NODE_READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/** A failure the user can act on: printed as is, without a stack trace. */
class StartError extends Error {}

function hardhatBin(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve("hardhat/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { bin: Record<string, string> };
  return path.join(path.dirname(manifestPath), manifest.bin.hardhat);
}

function readOptions(): { port: number; verbose: boolean; reset: boolean } {
  const { values } = parseArgs({
    options: {
      port: { type: "string", short: "p" },
      verbose: { type: "boolean", short: "v" },
      reset: { type: "boolean" },
    },
  });
  const given = values.port ?? process.env.PORT ?? String(DEFAULT_PORT);
  const port = Number(given);
  if (!/^\d+$/.test(given) || port < 1 || port > 65_535) {
    throw new StartError(`"${given}" is not a port number: give one from 1 to 65535 with --port or PORT.`);
  }
  return { port, verbose: values.verbose ?? false, reset: values.reset ?? false };
}

function portInUse(port: number): StartError {
  return new StartError(
    `Port ${port} on ${HOST} is already in use (another \`npm start\` or Hardhat node?). ` +
      `Stop it, or choose another port: PORT=${port + 1} npm start, or npm start -- --port ${port + 1}.`,
  );
}

function ensurePortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? portInUse(port)
          : new StartError(`Cannot listen on ${HOST}:${port}: ${error.message}`),
      ),
    );
    probe.listen(port, HOST, () => probe.close(() => resolve()));
  });
}

/** Runs a Hardhat command to completion with its output shown; fails with its exit code. */
function runHardhat(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [hardhatBin(), ...args], {
      cwd: ROOT,
      stdio: ["ignore", "inherit", "inherit"],
    });
    children.add(child);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (code === 0) resolve();
      else reject(new StartError(`\`hardhat ${args.join(" ")}\` failed (${code ?? signal}).`));
    });
  });
}

async function answersJsonRpc(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      signal: AbortSignal.timeout(2_000),
    });
    return response.ok && typeof ((await response.json()) as { result?: unknown }).result === "string";
  } catch {
    return false;
  }
}

const options = (() => {
  try {
    return readOptions();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
})();
const url = `http://${HOST}:${options.port}`;

/** Every child still running, stopped with this process. */
const children = new Set<ChildProcess>();
let stopping = false;
/** The node's recent output, shown when it fails. */
const nodeLog: string[] = [];

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

let gateway: Gateway | undefined;
let api: ApiServer | undefined;

async function stop(exitCode: number): Promise<void> {
  stopping = true;
  await api?.close().catch(() => undefined);
  await gateway?.close().catch(() => undefined);
  await Promise.all([...children].map(stopChild));
  process.exit(exitCode);
}

/** Reports why the start failed, once, and stops whatever was started. */
function fail(error: unknown): void {
  if (stopping) return;
  console.error(error instanceof StartError || error instanceof JournalError ? error.message : error);
  void stop(1);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    console.log(`\n${signal}: stopping the gateway and the Hardhat node on ${url}`);
    void stop(0);
  });
}

/** The portal's pages, built from portal/src into portal/dist (about a second) so the API serves them. */
async function buildPortalFirst(): Promise<void> {
  if (process.env.TRADESEAL_PORTAL_DIR) return;
  console.log("Building the portal (portal/src -> portal/dist) ...");
  await buildPortal({ quiet: true });
}

/**
 * With TRADESEAL_RPC_URL set, `npm start` runs a production gateway instead of the demo: the
 * chain, registries, storage, database and identity provider all come from the environment
 * (src/main.ts configFromEnv and apiConfigFromEnv; the README lists them). Nothing is deployed,
 * seeded or reset.
 */
async function startConfigured(): Promise<void> {
  const config = configFromEnv();
  console.log(`Starting the gateway on ${config.chain.rpcUrl} (data ${config.dataDir}) ...`);
  gateway = await createGateway(config);
  gateway.start();
  await buildPortalFirst();
  api = await startApiServer(gateway, apiConfigFromEnv(config.dataDir));
  console.log(`Gateway API  ${api.url}   (docs ${api.url}/docs, health ${api.url}/healthz)`);
  console.log(`Portal       ${api.url}/`);
  if (api.devTokens) {
    console.log("No identity provider is configured (TRADESEAL_AUTH_JWKS_FILE or _URL): DEV-ONLY tokens are accepted.");
  }
  console.log("Press Ctrl-C to stop.");
}

async function main(): Promise<void> {
  process.chdir(ROOT);
  if (process.env.TRADESEAL_RPC_URL) return startConfigured();
  await ensurePortFree(options.port);
  const dataDir = path.resolve(process.env.TRADESEAL_DATA_DIR || path.join(ROOT, "data"));
  const chainDir = path.join(dataDir, "chain");
  if (options.reset) {
    console.log(`--reset: removing ${dataDir} to start over ...`);
    rmSync(dataDir, { recursive: true, force: true });
  }
  const kept = ChainJournal.exists(chainDir) ? keptState(dataDir, chainDir) : undefined;
  // Without a chain journal, whatever the directory holds belongs to a chain that is gone.
  if (!kept) rmSync(dataDir, { recursive: true, force: true });

  // Compile before the node starts: the node picks up new build output while it runs, and
  // compiling now keeps that out of the way of the deployment.
  console.log("Compiling contracts (hardhat build)...");
  await runHardhat(["build", "--quiet", "--no-tests"]);

  console.log(
    kept
      ? `Starting a Hardhat node on ${url} and replaying the ${kept.blocks} blocks kept in ${chainDir} ...`
      : `Starting a Hardhat node on ${url} (a new chain, kept in ${chainDir}) ...`,
  );
  const { node, exited } = startChainNode(chainDir);
  const report = await Promise.race([nodeReport(node), exited]);
  if ("refused" in report) throw new StartError(report.refused);
  if (kept) {
    console.log(`Replayed ${report.replayed} blocks in ${Math.round(report.seconds * 1000)} ms.`);
    if (report.rehashed) {
      console.log(
        "The blocks came out with the journal's state but other hashes (another genesis time or Hardhat release):\n" +
          "the journal now holds the new hashes, and the gateway rebuilds its index from the chain.",
      );
    }
  }
  await Promise.race([waitForNode(), exited]);

  let registries = kept?.registries;
  if (!registries) {
    console.log("Deploying the registries with Ignition (deploy/modules/Tradeseal.ts) ...");
    registries = await Promise.race([deploy(), exited]);
  }

  const password = process.env.TRADESEAL_DEV_KEYSTORE_PASSWORD || "dev-only-demo-password";
  const keystore = createDevKeystore({ directory: path.join(dataDir, "dev-keystore"), password });
  const relayer = await devKey(keystore, 1, "relayer (DEV-ONLY)");
  console.log(
    kept
      ? `Starting the gateway on the demo data kept in ${dataDir} (npm start -- --reset starts over) ...`
      : `Starting the gateway (Helia and PGlite under ${dataDir}) and seeding the demo world ...`,
  );
  gateway = await createGateway(
    {
      dataDir,
      chain: {
        rpcUrl: url,
        chainId: 31_337n,
        ...registries,
        deploymentBlock: 0,
        relayer,
      },
      keystorePassword: password,
      // the demo runs on one machine: a webhook receiver there listens on localhost
      webhooksToPrivateAddresses: true,
    },
    { keys: keystore },
  );
  if (kept) await checkIndexWithinChain(gateway, dataDir);
  gateway.start();
  let world = kept?.world;
  if (!world) {
    world = await seedDemoWorld(gateway.context, keystore);
    writeDemoState(dataDir, { registries, world });
  }
  await gateway.context.indexer.catchUp();
  await buildPortalFirst();
  api = await startApiServer(gateway, apiConfigFromEnv(dataDir));

  const label = Math.max(...world.certificates.map((c) => c.label.length));
  console.log("");
  console.log(`Gateway API         ${api.url}   (docs ${api.url}/docs, health ${api.url}/healthz)`);
  console.log(`Portal              ${api.url}/`);
  console.log(`RPC URL             ${url}`);
  console.log(`AuthorityRegistry   ${registries.authorityRegistry}`);
  console.log(`CertificateRegistry ${registries.certificateRegistry}`);
  console.log(`Data                ${dataDir}   (kept between runs; npm start -- --reset starts over)`);
  console.log("");
  console.log("Demo certificates:");
  for (const { label: what, certificateId } of world.certificates)
    console.log(`  ${what.padEnd(label)}  ${certificateId}`);
  console.log("");
  console.log("DEV-ONLY tokens (12 h; send as `Authorization: Bearer <jwt>`, or sign in to the portal with one):");
  for (const caller of world.callers) {
    const who = `${caller.role} ${caller.country ?? "--"}${caller.name ? ` (${caller.name})` : ""}`;
    console.log(`${who}: ${await api.devTokens!.token(caller)}`);
  }
  console.log("");
  console.log(
    "Chain id 31337. Accounts are Hardhat's 20 default development accounts: their private keys are public,\n" +
      "for this local chain only. Account #0 is governance (DEFAULT_ADMIN_ROLE on both registries).\n" +
      "Press Ctrl-C to stop.",
  );
}

/**
 * What earlier starts left: the chain journal (read here to fail early if it is damaged) and the
 * demo it holds. A journal without a demo never finished its first start: only starting over helps.
 */
function keptState(dataDir: string, chainDir: string): DemoState & { blocks: number } {
  const { journal } = ChainJournal.read(chainDir);
  const state = readDemoState(dataDir);
  if (!state) {
    throw new StartError(
      `${dataDir} holds a chain but no finished demo: its first start was interrupted before the demo world ` +
        `was seeded. ${START_OVER}`,
    );
  }
  return { ...state, blocks: journal.headNumber };
}

/** The node in its own process (scripts/chain-node.ts), and a promise that fails with the reason when it stops. */
function startChainNode(chainDir: string): { node: ChildProcess; exited: Promise<never> } {
  const script = path.join(ROOT, "scripts", "chain-node.ts");
  const args = ["--hostname", HOST, "--port", String(options.port), "--journal", chainDir];
  const node = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  children.add(node);
  const keep = (chunk: Buffer, stream: NodeJS.WriteStream): void => {
    if (options.verbose) stream.write(chunk);
    nodeLog.push(...chunk.toString().split("\n"));
    nodeLog.splice(0, Math.max(0, nodeLog.length - 40));
  };
  node.stdout!.on("data", (chunk: Buffer) => keep(chunk, process.stdout));
  node.stderr!.on("data", (chunk: Buffer) => keep(chunk, process.stderr));
  const exited = new Promise<never>((_, reject) => {
    node.once("exit", (code, signal) => {
      // A Ctrl-C in the terminal reaches the node and this process together: give ours a moment.
      setTimeout(() => {
        const log = nodeLog.join("\n");
        if (/EADDRINUSE|address already in use/i.test(log)) reject(portInUse(options.port));
        else reject(new StartError(`The Hardhat node stopped (${code ?? signal}). Its last output:\n${log}`));
      }, 500);
    });
  });
  // Also after the start: an unexpected stop of the node ends this process with the reason.
  exited.catch(fail);
  return { node, exited };
}

/** How the node's start went: it reports once, before it listens. */
function nodeReport(node: ChildProcess): Promise<ChainNodeReport> {
  return new Promise((resolve) => node.once("message", (message) => resolve(message as ChainNodeReport)));
}

async function waitForNode(): Promise<void> {
  const deadline = Date.now() + NODE_READY_TIMEOUT_MS;
  while (!(await answersJsonRpc(url))) {
    if (Date.now() > deadline) {
      throw new StartError(
        `The Hardhat node did not answer JSON-RPC on ${url} within ${NODE_READY_TIMEOUT_MS / 1000} s.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The address of Hardhat dev account `index`, in the keystore (imported on the first start). */
async function devKey(keystore: DevKeystore, index: number, label: string): Promise<string> {
  const account = devAccount(index);
  if (!(await keystore.addresses()).includes(account.address)) await keystore.importKey(account.privateKey, label);
  return account.address;
}

/**
 * The index under the data directory must not be ahead of the replayed chain: it would hold
 * blocks the journal lost (only if the node was killed while writing one down).
 */
async function checkIndexWithinChain(opened: Gateway, dataDir: string): Promise<void> {
  const [position, head] = await Promise.all([opened.context.indexer.position(), opened.context.chain.block("latest")]);
  if (position && position.blockNumber > head.number) {
    throw new StartError(
      `The gateway's index in ${dataDir} has block ${position.blockNumber}, but the chain journal ends at block ` +
        `${head.number}: the journal lost blocks. ${START_OVER}`,
    );
  }
}

async function deploy(): Promise<DemoState["registries"]> {
  // The `localhost` network of hardhat.config.ts reads RPC_URL when the config loads.
  process.env.RPC_URL = url;
  const [{ network }, { default: TradesealModule }] = await Promise.all([
    import("hardhat"),
    import("../deploy/modules/Tradeseal.js"),
  ]);
  const connection = await network.create("localhost");
  const chainId = BigInt((await connection.provider.request({ method: "eth_chainId" })) as string);
  // A new chain: the deployment journal of an earlier chain 31337 would not match it.
  rmSync(path.join(ROOT, "deploy", "deployments", `chain-${chainId}`), { recursive: true, force: true });
  const deployed = await connection.ignition.deploy(TradesealModule);
  return {
    authorityRegistry: await deployed.authorityRegistry.getAddress(),
    certificateRegistry: await deployed.certificateRegistry.getAddress(),
  };
}

main().catch(fail);
