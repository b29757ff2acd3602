import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createServer, type Server } from "node:net";
import { fileURLToPath } from "node:url";
import { expect } from "chai";
import { Contract, JsonRpcProvider } from "ethers";
import { openDatabase } from "../../src/adapters/db/open-database.js";
import { createSqlRegistryIndex } from "../../src/adapters/db/sql-registry-index.js";
import { createDevKeystore } from "../../src/adapters/keys/dev-keystore.js";
import { freePort } from "../fixtures/chain-node.js";
import { devAccount, KEYSTORE_PASSWORD, startTestChain, type TestChain } from "../fixtures/gateway.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const HOST = "127.0.0.1";
const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 15_000;
const READY = "Press Ctrl-C to stop.";

interface Started {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exit: Promise<number | null>;
}

/** Runs scripts/start.ts as `npm start` does, in its own process group so that it can be stopped whole. */
function start(port: number, dataDir: string, ...args: string[]): Started {
  const env: NodeJS.ProcessEnv = { ...process.env, TRADESEAL_DATA_DIR: dataDir, TRADESEAL_PORT: "0" };
  delete env.PORT;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--port", String(port), ...args], {
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

function running(started: Started | undefined): started is Started {
  return started !== undefined && started.child.exitCode === null && started.child.signalCode === null;
}

function killGroup(started: Started, signal: NodeJS.Signals): void {
  try {
    process.kill(-started.child.pid!, signal);
  } catch {
    // the group is already gone
  }
}

/** Stops the whole process group with `signal` (SIGINT: as Ctrl-C in a terminal does); resolves to the exit code. */
async function stopGroup(started: Started, signal: NodeJS.Signals): Promise<number | null | "timeout"> {
  killGroup(started, signal);
  return Promise.race([
    started.exit,
    new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), STOP_TIMEOUT_MS)),
  ]);
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

/** What a start printed once it is ready. */
interface Printed {
  api: string;
  registries: { authorityRegistry: string; certificateRegistry: string };
  /** Demo certificate ids by their printed label. */
  certificates: Map<string, string>;
  /** `<role> <country>[ (<authority>)]` → DEV-ONLY token. */
  tokens: Map<string, string>;
}

async function ready(started: Started): Promise<Printed> {
  await waitFor("the ready line", started, () => (started.output().includes(READY) ? true : undefined));
  const output = started.output();
  const line = (name: string) => new RegExp(`^${name}\\s+(\\S+)`, "m").exec(output)?.[1] ?? "";
  const listed = (pattern: RegExp) => [...output.matchAll(pattern)].map((m) => [m[1], m[2]] as [string, string]);
  return {
    api: line("Gateway API"),
    registries: { authorityRegistry: line("AuthorityRegistry"), certificateRegistry: line("CertificateRegistry") },
    certificates: new Map(listed(/^ {2}(\S.*?)\s+(0x[0-9a-f]{64})$/gm)),
    tokens: new Map(listed(/^((?:admin|accreditor|issuer|customs|nppo|auditor) [A-Z-]{2}(?: \([^)]+\))?): (\S+)$/gm)),
  };
}

async function getJson(url: string, token?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function statusOf(printed: Printed, label: string): Promise<unknown> {
  const id = printed.certificates.get(label);
  expect(id, `no demo certificate "${label}"`).to.be.a("string");
  return (await getJson(`${printed.api}/v1/certificates/${id}`)).body.status;
}

/** The certificate's status once the gateway's index has caught up to `expected` (or the last one seen). */
async function statusBecomes(printed: Printed, label: string, expected: string): Promise<unknown> {
  let status = await statusOf(printed, label);
  for (const deadline = Date.now() + 10_000; status !== expected && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    status = await statusOf(printed, label);
  }
  return status;
}

interface Listed {
  id: string;
  status: string;
  type: string;
  quantity?: unknown;
}

async function listed(printed: Printed, token: string): Promise<Listed[]> {
  const { status, body } = await getJson(`${printed.api}/v1/certificates?limit=100`, token);
  expect(status).to.equal(200);
  return body.items as Listed[];
}

const AUDITOR = "auditor GE (Consortium audit office)";
const SUSPENDED_PHYTO = "ePhyto GE→PK hazelnuts, suspended";

describe("npm start", function () {
  this.timeout(READY_TIMEOUT_MS + 2 * STOP_TIMEOUT_MS);

  let port: number;
  let dataDir: string;
  let journalFile: string;
  let current: Started | undefined;
  let first: Printed;
  /** What the first start listed for the auditor. */
  let firstListed: Listed[];
  /** The head block after the first start: its number and hash. */
  let firstHead: { number: number; hash: string };

  const rpc = async (method: string, params: unknown[] = []): Promise<unknown> => {
    const provider = new JsonRpcProvider(`http://${HOST}:${port}`, undefined, { staticNetwork: true });
    try {
      return await provider.send(method, params);
    } finally {
      provider.destroy();
    }
  };
  const head = async (): Promise<{ number: number; hash: string }> => {
    const block = (await rpc("eth_getBlockByNumber", ["latest", false])) as { number: string; hash: string };
    return { number: Number(block.number), hash: block.hash };
  };
  const journalLines = async (): Promise<string[]> => (await readFile(journalFile, "utf8")).trimEnd().split("\n");

  before(async function () {
    port = await freePort();
    dataDir = await mkdtemp(path.join(os.tmpdir(), "tradeseal-start-"));
    journalFile = path.join(dataDir, "chain", "blocks.jsonl");
  });

  /** Ends a start that a failed test left running, so that the next one finds the port free. */
  const endLeftover = async (): Promise<void> => {
    if (running(current)) {
      killGroup(current, "SIGKILL");
      await current.exit;
    }
  };

  after(async function () {
    await endLeftover();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  describe("the first start, on a new data directory", function () {
    after(endLeftover);

    before(async function () {
      current = start(port, dataDir);
      first = await ready(current);
      firstHead = await head();
    });

    it("seeds certificates of origin and ePhytos in every status, listed for the printed auditor token", async function () {
      const token = first.tokens.get(AUDITOR)!;
      const items = await listed(first, token);
      firstListed = items;
      expect(new Set(items.map((c) => c.status))).to.deep.equal(
        new Set(["ISSUED", "ACCEPTED", "EXHAUSTED", "SUPERSEDED", "REVOKED", "SUSPENDED", "REJECTED"]),
      );
      expect(new Set(items.map((c) => c.type))).to.include.members(["COO_PREFERENTIAL", "PHYTO"]);
      expect(await statusOf(first, "CoO CN→GE solar modules, partly drawn down")).to.equal("ISSUED");
      const solar = await getJson(
        `${first.api}/v1/certificates/${first.certificates.get("CoO CN→GE solar modules, partly drawn down")}`,
      );
      expect(solar.body.quantity).to.include({ certified: "1200", drawn: "480", left: "720" });
      expect([...first.certificates.keys()].filter((label) => label.endsWith("batch-issued"))).to.have.length(5);
      expect((await fetch(`${first.api}/healthz`)).status).to.equal(200);
      expect((await fetch(`${first.api}/v1/certificates`)).status).to.equal(401);
    });

    it("gives a CoO and an ePhyto the same consignment UCR", async function () {
      const token = first.tokens.get(AUDITOR);
      const rice = first.certificates.get("CoO PK→CN rice, issued (UCR shared with the ePhyto)");
      const { body } = await getJson(`${first.api}/v1/certificates/${rice}/document`, token);
      const ucr = (body.document as { ucr: string }).ucr;
      const shared = (await getJson(`${first.api}/v1/certificates?ucr=${encodeURIComponent(ucr)}`, token)).body;
      expect(
        (shared.items as { type: string; status: string }[]).map((c) => `${c.type} ${c.status}`).sort(),
      ).to.deep.equal(["COO_PREFERENTIAL ISSUED", "PHYTO ACCEPTED"]);
    });

    it("prints the portal URL, the RPC URL of a node at the chosen port, and a DEV-ONLY token per demo role", async function () {
      const output = current!.output();
      expect(output).to.match(new RegExp(`^Portal\\s+${first.api.replace(/\./g, "\\.")}/$`, "m"));
      expect(output).to.match(new RegExp(`^RPC URL\\s+http://127\\.0\\.0\\.1:${port}$`, "m"));
      expect(output).to.include("DEV-ONLY tokens");
      expect([...first.tokens.keys()]).to.include.members([
        "admin --",
        "accreditor PK",
        "accreditor CN",
        "accreditor GE",
        "issuer PK (Karachi Chamber of Commerce and Industry)",
        "issuer CN (GACC Department of Animal and Plant Quarantine)",
        "nppo CN (GACC Department of Animal and Plant Quarantine)",
        "customs CN (General Administration of Customs of China)",
        "customs GE (Revenue Service of Georgia)",
        AUDITOR,
      ]);
      expect(await rpc("eth_chainId")).to.equal("0x7a69");
    });

    it("deploys both registries behind proxies that hold code and answer version() with 1", async function () {
      const provider = new JsonRpcProvider(`http://${HOST}:${port}`, undefined, { staticNetwork: true });
      try {
        for (const address of Object.values(first.registries)) {
          expect(await provider.getCode(address)).to.not.equal("0x");
          const registry = new Contract(address, ["function version() view returns (string)"], provider);
          expect(await registry.getFunction("version").staticCall()).to.equal("1");
        }
      } finally {
        provider.destroy();
      }
      expect(first.registries.authorityRegistry).to.not.equal(first.registries.certificateRegistry);
    });

    it("writes every block it mines to the chain journal under the data directory, up to the head", async function () {
      const lines = await journalLines();
      expect(lines).to.have.length(firstHead.number + 1);
      expect(JSON.parse(lines.at(-1)!)).to.include({ number: firstHead.number, hash: firstHead.hash });
    });

    it("refuses JSON-RPC methods whose effect the journal could not replay", async function () {
      const error = await rpc("hardhat_setBalance", [first.registries.authorityRegistry, "0x1"]).catch((e: Error) => e);
      expect(String(error)).to.include("is not available on the chain of `npm start`");
    });

    it("stops the node and frees the port when its process group is terminated", async function () {
      expect(await stopGroup(current!, "SIGTERM"), current!.output()).to.equal(0);
      const probe: Server = createServer();
      probe.listen(port, HOST);
      await once(probe, "listening");
      probe.close();
    });
  });

  describe("a second start on the same data directory", function () {
    after(endLeftover);

    let second: Printed;

    before(async function () {
      current = start(port, dataDir);
      second = await ready(current);
    });

    it("replays the chain to the same blocks and registries, and finds the demo world without seeding it again", async function () {
      const output = current!.output();
      expect(output).to.include(`Replayed ${firstHead.number} blocks`);
      expect(output).to.not.include("seeding");
      const replayed = (await rpc("eth_getBlockByNumber", [`0x${firstHead.number.toString(16)}`, false])) as {
        hash: string;
      };
      expect(replayed.hash).to.equal(firstHead.hash);
      expect(second.registries).to.deep.equal(first.registries);
      expect(second.certificates).to.deep.equal(first.certificates);
    });

    it("serves the certificates as they were, to a token printed by the first start", async function () {
      // The same certificates in the same state; only the links name the new API address.
      const facts = (items: Listed[]) => items.map(({ id, status, quantity }) => ({ id, status, quantity }));
      expect(facts(await listed(second, first.tokens.get(AUDITOR)!))).to.deep.equal(facts(firstListed));
      expect(await statusOf(second, SUSPENDED_PHYTO)).to.equal("SUSPENDED");
    });

    it("records what happens next: a reinstatement, then a stop by Ctrl-C", async function () {
      const id = second.certificates.get(SUSPENDED_PHYTO)!;
      const response = await fetch(`${second.api}/v1/certificates/${id}/reinstate?wait=true`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${second.tokens.get("issuer GE (National Food Agency)")}`,
          "content-type": "application/json",
        },
        body: "{}",
      });
      expect(response.status, await response.clone().text()).to.equal(200);
      expect(await statusBecomes(second, SUSPENDED_PHYTO, "ISSUED")).to.equal("ISSUED");
      const { number } = await head();
      expect(number).to.be.greaterThan(firstHead.number);
      expect(await stopGroup(current!, "SIGINT"), current!.output()).to.equal(0);
      expect(await journalLines()).to.have.length(number + 1);
    });
  });

  describe("a start whose journal replays to the same state under other block hashes", function () {
    after(endLeftover);

    let third: Printed;
    let recordedHead: { number: number; hash: string };

    before(async function () {
      // Another genesis time changes every block hash and nothing in the state, as a Hardhat
      // release that derived prevrandao otherwise would.
      const lines = await journalLines();
      const genesis = JSON.parse(lines[0]) as { timestamp: number };
      lines[0] = JSON.stringify({ ...genesis, timestamp: genesis.timestamp - 60 });
      const last = JSON.parse(lines.at(-1)!) as { number: number; hash: string };
      recordedHead = { number: last.number, hash: last.hash };
      await writeFile(journalFile, `${lines.join("\n")}\n`);
      current = start(port, dataDir);
      third = await ready(current);
    });

    it("keeps the new hashes in the journal and rebuilds the index, which finds the reinstatement", async function () {
      expect(current!.output()).to.include("other hashes");
      const replayed = await head();
      expect(replayed.number).to.equal(recordedHead.number);
      expect(replayed.hash).to.not.equal(recordedHead.hash);
      expect(JSON.parse((await journalLines()).at(-1)!)).to.include({ hash: replayed.hash });
      expect(await statusBecomes(third, SUSPENDED_PHYTO, "ISSUED")).to.equal("ISSUED");
      expect(await listed(third, first.tokens.get(AUDITOR)!)).to.have.length(firstListed.length);
      expect(await stopGroup(current!, "SIGTERM")).to.equal(0);
      // The index stands on the new head: the indexer found its old block hash gone and indexed the chain again.
      const database = await openDatabase({ directory: path.join(dataDir, "pglite") });
      try {
        expect(await createSqlRegistryIndex(database.db).position()).to.deep.equal({
          blockNumber: replayed.number,
          blockHash: replayed.hash,
        });
      } finally {
        await database.close();
      }
    });
  });

  describe("a journal that cannot be replayed", function () {
    after(endLeftover);

    let kept: string;

    beforeEach(async function () {
      kept = await readFile(journalFile, "utf8");
    });

    afterEach(async function () {
      await writeFile(journalFile, kept);
    });

    it("is refused when damaged, naming the line and `npm start -- --reset`", async function () {
      const lines = await journalLines();
      await writeFile(journalFile, `${lines.join("\n")}\n{"number": "not a block"}\n`);
      current = start(port, dataDir);
      expect(await current.exit).to.equal(1);
      expect(current.output()).to.include(`damaged at line ${lines.length + 1}`);
      expect(current.output()).to.include("npm start -- --reset");
    });

    it("is refused when a block replays to another state, naming the block and `npm start -- --reset`", async function () {
      const lines = await journalLines();
      const last = JSON.parse(lines.at(-1)!) as { number: number };
      lines[lines.length - 1] = JSON.stringify({ ...last, stateRoot: `0x${"ab".repeat(32)}` });
      await writeFile(journalFile, `${lines.join("\n")}\n`);
      current = start(port, dataDir);
      expect(await current.exit).to.equal(1);
      expect(current.output()).to.include(`Block ${last.number} of the chain journal replays to another state`);
      expect(current.output()).to.include("npm start -- --reset");
    });
  });

  describe("npm start -- --reset", function () {
    after(endLeftover);

    before(async function () {
      current = start(port, dataDir, "--reset");
      await ready(current);
    });

    it("starts over with a new chain and a newly seeded demo world", async function () {
      const output = current!.output();
      expect(output).to.include(`--reset: removing ${dataDir}`);
      expect(output).to.include("seeding the demo world");
      const printed = await ready(current!);
      expect(printed.certificates.get(SUSPENDED_PHYTO)).to.equal(first.certificates.get(SUSPENDED_PHYTO));
      expect(await statusOf(printed, SUSPENDED_PHYTO)).to.equal("SUSPENDED");
      expect(await journalLines()).to.have.length((await head()).number + 1);
      expect(await stopGroup(current!, "SIGTERM")).to.equal(0);
    });
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

describe("npm start with TRADESEAL_RPC_URL: a gateway on a configured chain, no demo", function () {
  this.timeout(READY_TIMEOUT_MS + 2 * STOP_TIMEOUT_MS);

  let chain: TestChain;
  let dataDir: string;
  let started: Started | undefined;

  before(async function () {
    chain = await startTestChain();
    dataDir = await mkdtemp(path.join(os.tmpdir(), "tradeseal-configured-"));
    // The relayer's key, as an operator puts it in the (DEV-ONLY) keystore before the first start.
    const keystore = createDevKeystore({ directory: path.join(dataDir, "dev-keystore"), password: KEYSTORE_PASSWORD });
    await keystore.importKey(devAccount(1).privateKey, "relayer");
    const { deployment } = chain;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TRADESEAL_RPC_URL: chain.node.url,
      TRADESEAL_CHAIN_ID: String(deployment.chainId),
      TRADESEAL_CERTIFICATE_REGISTRY: deployment.certificateRegistry,
      TRADESEAL_AUTHORITY_REGISTRY: deployment.authorityRegistry,
      TRADESEAL_DEPLOYMENT_BLOCK: String(deployment.deploymentBlock),
      TRADESEAL_RELAYER: devAccount(1).address,
      TRADESEAL_DEV_KEYSTORE_PASSWORD: KEYSTORE_PASSWORD,
      TRADESEAL_DATA_DIR: dataDir,
      TRADESEAL_PORT: "0",
    };
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { cwd: ROOT, env, detached: true });
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString()));
    const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    started = { child, output: () => text, exit };
  });

  after(async function () {
    if (running(started)) await stopGroup(started, "SIGTERM");
    await chain?.node.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("serves the API and the portal over the chain, storage and database the environment names, deploying and seeding nothing", async function () {
    const printed = await ready(started!);
    expect(printed.api).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(started!.output()).to.not.include("Deploying").and.to.not.include("seeding");
    const health = await getJson(`${printed.api}/healthz`);
    expect(health.status).to.equal(200);
    expect(JSON.stringify(health.body)).to.include('"chain"');
    const portal = await fetch(`${printed.api}/`, { headers: { accept: "text/html" } });
    expect(portal.status).to.equal(200);
    expect(await portal.text()).to.include('<div id="app">');
    const authorities = await getJson(`${printed.api}/v1/authorities`);
    expect(authorities.body.items).to.deep.equal([]);
  });
});
