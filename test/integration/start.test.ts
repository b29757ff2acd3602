import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createServer, type Server } from "node:net";
import { fileURLToPath } from "node:url";
import { expect } from "chai";
import { Contract, JsonRpcProvider } from "ethers";
import { freePort } from "../fixtures/chain-node.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const HOST = "127.0.0.1";
const READY_TIMEOUT_MS = 150_000;
const STOP_TIMEOUT_MS = 15_000;

interface Started {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exit: Promise<number | null>;
}

/** Runs scripts/start.ts as `npm start` does, in its own process group so that it can be stopped whole. */
function start(port: number, dataDir: string): Started {
  const env: NodeJS.ProcessEnv = { ...process.env, TRADESEAL_DATA_DIR: dataDir, TRADESEAL_PORT: "0" };
  delete env.PORT;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--port", String(port)], {
    cwd: ROOT,
    env,
    detached: true,
  });
  let text = "";
  child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => text, exit };
}

function killGroup(started: Started, signal: NodeJS.Signals): void {
  try {
    process.kill(-started.child.pid!, signal);
  } catch {
    // the group is already gone
  }
}

async function waitFor<T>(what: string, started: Started, found: () => T | undefined): Promise<T> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const value = found();
    if (value !== undefined) return value;
    if (started.child.exitCode !== null) {
      throw new Error(`npm start exited (${started.child.exitCode}) before ${what}:\n${started.output()}`);
    }
    if (Date.now() > deadline) throw new Error(`no ${what} within ${READY_TIMEOUT_MS / 1000} s:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function addressLine(output: string, name: string): string | undefined {
  return new RegExp(`^${name}\\s+(0x[0-9a-fA-F]{40})$`, "m").exec(output)?.[1];
}

describe("npm start", function () {
  this.timeout(READY_TIMEOUT_MS + 2 * STOP_TIMEOUT_MS);

  let port: number;
  let started: Started;
  let provider: JsonRpcProvider;
  let addresses: { authorityRegistry: string; certificateRegistry: string };
  let dataDir: string;

  before(async function () {
    port = await freePort();
    dataDir = await mkdtemp(path.join(os.tmpdir(), "tradeseal-start-"));
    started = start(port, dataDir);
    addresses = await waitFor("registry addresses", started, () => {
      const authorityRegistry = addressLine(started.output(), "AuthorityRegistry");
      const certificateRegistry = addressLine(started.output(), "CertificateRegistry");
      return authorityRegistry && certificateRegistry ? { authorityRegistry, certificateRegistry } : undefined;
    });
    provider = new JsonRpcProvider(`http://${HOST}:${port}`, undefined, { staticNetwork: true });
  });

  after(async function () {
    provider?.destroy();
    if (started && started.child.exitCode === null && started.child.signalCode === null) {
      killGroup(started, "SIGKILL");
      await started.exit;
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("serves the gateway API with seeded demo certificates, readable with the printed dev tokens", async function () {
    const api = await waitFor(
      "the API URL",
      started,
      () => /^Gateway API\s+(http:\/\/127\.0\.0\.1:\d+)/m.exec(started.output())?.[1],
    );
    const token = await waitFor("an auditor token", started, () => /^auditor DE: (\S+)$/m.exec(started.output())?.[1]);
    const health = await fetch(`${api}/healthz`);
    expect(health.status).to.equal(200);
    const listed = await fetch(`${api}/v1/certificates`, { headers: { authorization: `Bearer ${token}` } });
    expect(listed.status).to.equal(200);
    const { items } = (await listed.json()) as { items: { status: string }[] };
    expect(items.map((c) => c.status)).to.deep.equal(["ISSUED", "ISSUED"]);
    const anonymous = await fetch(`${api}/v1/certificates`);
    expect(anonymous.status).to.equal(401);
  });

  it("prints the RPC URL of a node on 127.0.0.1 at the chosen port", async function () {
    expect(started.output()).to.match(new RegExp(`^RPC URL\\s+http://127\\.0\\.0\\.1:${port}$`, "m"));
    expect(await provider.send("eth_chainId", [])).to.equal("0x7a69");
  });

  it("deploys both registries behind proxies that hold code and answer version() with 1", async function () {
    for (const address of [addresses.authorityRegistry, addresses.certificateRegistry]) {
      expect(await provider.getCode(address)).to.not.equal("0x");
      const registry = new Contract(address, ["function version() view returns (string)"], provider);
      expect(await registry.getFunction("version").staticCall()).to.equal("1");
    }
    expect(addresses.authorityRegistry).to.not.equal(addresses.certificateRegistry);
  });

  it("stops the node and frees the port when its process group is terminated", async function () {
    provider.destroy();
    killGroup(started, "SIGTERM");
    const exitCode = await Promise.race([
      started.exit,
      new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), STOP_TIMEOUT_MS)),
    ]);
    expect(exitCode, started.output()).to.equal(0);
    const probe: Server = createServer();
    probe.listen(port, HOST);
    await once(probe, "listening");
    probe.close();
  });

  it("refuses a port that is in use, naming it and how to choose another", async function () {
    const blocker = createServer();
    blocker.listen(0, HOST);
    await once(blocker, "listening");
    const busy = (blocker.address() as { port: number }).port;
    try {
      const refused = start(busy, dataDir);
      const exitCode = await refused.exit;
      expect(exitCode).to.equal(1);
      expect(refused.output()).to.include(`Port ${busy} on 127.0.0.1 is already in use`);
      expect(refused.output()).to.include(`--port ${busy + 1}`);
    } finally {
      blocker.close();
    }
  });
});
