/**
 * `npm start`: the whole gateway on this machine — a local Hardhat node on 127.0.0.1 with the
 * registries deployed, the gateway (embedded Helia and PGlite under ./data) with demo authorities
 * and certificates, and its HTTP API on 127.0.0.1.
 *   npm start                        chain on 8545, API on 8080
 *   PORT=8546 npm start              another chain port (or: npm start -- --port 8546)
 *   TRADESEAL_PORT=8081 npm start    another API port (0: any free one); TRADESEAL_DATA_DIR another ./data
 *   npm start -- --verbose           also show the node's own log (accounts, every JSON-RPC call)
 * Prints the API URL and one DEV-ONLY token per demo role, then runs until Ctrl-C or SIGTERM.
 * Each start is a fresh chain, so the deployment journal of chain 31337 and ./data are reset first.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createDevKeystore } from "../src/adapters/keys/dev-keystore.js";
import { apiConfigFromEnv, createGateway, startApiServer, type ApiServer, type Gateway } from "../src/main.js";
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

function readOptions(): { port: number; verbose: boolean } {
  const { values } = parseArgs({
    options: { port: { type: "string", short: "p" }, verbose: { type: "boolean", short: "v" } },
  });
  const given = values.port ?? process.env.PORT ?? String(DEFAULT_PORT);
  const port = Number(given);
  if (!/^\d+$/.test(given) || port < 1 || port > 65_535) {
    throw new StartError(`"${given}" is not a port number: give one from 1 to 65535 with --port or PORT.`);
  }
  return { port, verbose: values.verbose ?? false };
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

let node: ChildProcess | undefined;
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
  console.error(error instanceof StartError ? error.message : error);
  void stop(1);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    console.log(`\n${signal}: stopping the Hardhat node on ${url}`);
    void stop(0);
  });
}

async function main(): Promise<void> {
  process.chdir(ROOT);
  await ensurePortFree(options.port);

  // Compile before the node starts: the node picks up new build output while it runs, and
  // compiling now keeps that out of the way of the deployment.
  console.log("Compiling contracts (hardhat build)...");
  await runHardhat(["build", "--quiet", "--no-tests"]);

  console.log(`Starting a Hardhat node on ${url} ...`);
  node = spawn(process.execPath, [hardhatBin(), "node", "--hostname", HOST, "--port", String(options.port)], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
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
    node!.once("exit", (code, signal) => {
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

  await Promise.race([waitForNode(), exited]);

  console.log("Deploying the registries with Ignition (deploy/modules/Tradeseal.ts) ...");
  const addresses = await Promise.race([deploy(), exited]);

  console.log("Starting the gateway (Helia and PGlite under ./data) and seeding demo authorities ...");
  const dataDir = process.env.TRADESEAL_DATA_DIR || path.join(ROOT, "data");
  // The chain is new on every start, so an index or documents of an earlier chain would not match it.
  rmSync(dataDir, { recursive: true, force: true });
  const password = process.env.TRADESEAL_DEV_KEYSTORE_PASSWORD || "dev-only-demo-password";
  const keystore = createDevKeystore({ directory: path.join(dataDir, "dev-keystore"), password });
  const relayer = await keystore.importKey(devAccount(1).privateKey, "relayer (DEV-ONLY)");
  gateway = await createGateway(
    {
      dataDir,
      chain: {
        rpcUrl: url,
        chainId: 31_337n,
        certificateRegistry: addresses.certificateRegistry,
        authorityRegistry: addresses.authorityRegistry,
        deploymentBlock: 0,
        relayer: relayer.address,
      },
      keystorePassword: password,
    },
    { keys: keystore },
  );
  gateway.start();
  const seeded = await seedDemoWorld(gateway, keystore);
  await gateway.context.indexer.catchUp();
  api = await startApiServer(gateway, apiConfigFromEnv(dataDir));

  console.log("");
  console.log(`Gateway API         ${api.url}   (docs ${api.url}/docs, health ${api.url}/healthz)`);
  console.log(`RPC URL             ${url}`);
  console.log(`AuthorityRegistry   ${addresses.authorityRegistry}`);
  console.log(`CertificateRegistry ${addresses.certificateRegistry}`);
  console.log(`Demo certificates   ${seeded.certificates.join(" ")}`);
  console.log("");
  console.log("DEV-ONLY tokens (12 h; send as `Authorization: Bearer <jwt>`):");
  for (const caller of seeded.callers) {
    console.log(`${caller.role} ${caller.country ?? "--"}: ${await api.devTokens!.token(caller)}`);
  }
  console.log("");
  console.log(
    "Chain id 31337. Accounts are Hardhat's 20 default development accounts: their private keys are public,\n" +
      "for this local chain only. Account #0 is governance (DEFAULT_ADMIN_ROLE on both registries).\n" +
      "Press Ctrl-C to stop.",
  );
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

async function deploy(): Promise<{ authorityRegistry: string; certificateRegistry: string }> {
  // The `localhost` network of hardhat.config.ts reads RPC_URL when the config loads.
  process.env.RPC_URL = url;
  const [{ network }, { default: TradesealModule }] = await Promise.all([
    import("hardhat"),
    import("../deploy/modules/Tradeseal.js"),
  ]);
  const connection = await network.create("localhost");
  const chainId = BigInt((await connection.provider.request({ method: "eth_chainId" })) as string);
  // A fresh node every start: the journal of the previous chain would not match it.
  rmSync(path.join(ROOT, "deploy", "deployments", `chain-${chainId}`), { recursive: true, force: true });
  const deployed = await connection.ignition.deploy(TradesealModule);
  return {
    authorityRegistry: await deployed.authorityRegistry.getAddress(),
    certificateRegistry: await deployed.certificateRegistry.getAddress(),
  };
}

main().catch(fail);
