import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const CLI = fileURLToPath(new URL("../../kubo-server/node_modules/ipfs/src/cli.js", import.meta.url));
const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 10_000;
/** Every listener on 127.0.0.1 and a port the system picks, so runs never collide on a port. */
const ADDRESSES = {
  Addresses: {
    API: "/ip4/127.0.0.1/tcp/0",
    Gateway: "/ip4/127.0.0.1/tcp/0",
    RPC: "/ip4/127.0.0.1/tcp/0",
    Swarm: ["/ip4/127.0.0.1/tcp/0"],
  },
};

/** Loaded into the daemon first: when its stdin (a pipe from this process) ends, it stops itself. */
const EXIT_WITH_PARENT = `data:text/javascript,${encodeURIComponent(
  'process.stdin.on("end", () => process.kill(process.pid, "SIGTERM")).resume();',
)}`;

export const KUBO_SERVER_MISSING =
  "The Kubo RPC test server is not installed: run `npm ci --prefix test/kubo-server` " +
  "(or set TRADESEAL_SKIP_KUBO=1 to skip the Kubo tests).";

export interface KuboServer {
  /** The RPC API, e.g. http://127.0.0.1:40123 */
  url: string;
  /** Stops the daemon and removes its repository. */
  stop(): Promise<void>;
}

/**
 * Starts the js-ipfs daemon (a Kubo-RPC-compatible server) offline, with a fresh repository in a
 * temporary directory, and resolves once its RPC API answers.
 */
export async function startKuboServer(): Promise<KuboServer> {
  if (!existsSync(CLI)) throw new Error(KUBO_SERVER_MISSING);
  const directory = await mkdtemp(path.join(tmpdir(), "tradeseal-kubo-"));
  const config = path.join(directory, "config.json");
  await writeFile(config, JSON.stringify(ADDRESSES));
  const args = ["daemon", "--offline", "--enable-preload=false", "--init-profile=test", `--init-config=${config}`];
  // Its own process group, so that stopping it stops everything it started; stdin is a pipe from
  // this process, so that the daemon also stops when this process dies without running a handler.
  const child = spawn(process.execPath, ["--import", EXIT_WITH_PARENT, CLI, ...args], {
    env: { ...process.env, IPFS_PATH: path.join(directory, "repo") },
    detached: true,
    stdio: ["pipe", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (name: NodeJS.Signals): void => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // the group is already gone
    }
  };
  // A run that ends without the after hook (a crash, process.exit, Ctrl-C) must not leave the
  // daemon or its repository behind.
  const killNow = (): void => {
    signal("SIGKILL");
    // Retries: the killed daemon may still be creating files for a moment.
    rmSync(directory, { recursive: true, force: true, maxRetries: 5 });
  };
  const onSignal = (name: NodeJS.Signals): void => {
    killNow();
    // Then end as the signal would have ended this process without the listener.
    process.kill(process.pid, name);
  };
  process.once("exit", killNow);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  const stop = async (): Promise<void> => {
    signal("SIGTERM");
    const timer = setTimeout(() => signal("SIGKILL"), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
    process.off("exit", killNow);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await rm(directory, { recursive: true, force: true });
  };

  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  try {
    const url = await apiUrl(() => output, exited);
    await untilAnswering(url);
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The API address the daemon prints once its servers listen, e.g. `HTTP API listening on /ip4/127.0.0.1/tcp/40123/http`. */
async function apiUrl(output: () => string, exited: Promise<void>): Promise<string> {
  let done = false;
  void exited.then(() => (done = true));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const port = /HTTP API listening on \/ip4\/127\.0\.0\.1\/tcp\/(\d+)\/http/.exec(output())?.[1];
    if (port !== undefined && output().includes("Daemon is ready")) return `http://127.0.0.1:${port}`;
    if (done) throw new Error(`The js-ipfs daemon exited before it was ready:\n${output()}`);
    if (Date.now() > deadline)
      throw new Error(`The js-ipfs daemon was not ready within ${READY_TIMEOUT_MS} ms:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Resolves when the RPC API answers `version`. */
async function untilAnswering(url: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const answered = await fetch(`${url}/api/v0/version`, { method: "POST", signal: AbortSignal.timeout(5_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return;
    if (Date.now() > deadline)
      throw new Error(`The js-ipfs RPC API at ${url} did not answer within ${READY_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
