import { spawn } from "node:child_process";
import { once } from "node:events";
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer, Socket, type Server } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "chai";
import { issueCertificate } from "../../../src/application/issue-certificate.js";
import { verifyCertificate } from "../../../src/application/verify-certificate.js";
import { CertificateStatus } from "../../../src/domain/registry-types.js";
import { sampleCertificateOfOrigin } from "../../fixtures/documents.js";
import { freePort } from "../../fixtures/chain-node.js";
import {
  freshDatabaseUrl,
  openTestGateway,
  seedAuthorities,
  startTestChain,
  usingPostgres,
  type TestChain,
  type TestGateway,
  type World,
} from "../../fixtures/gateway.js";

const CHILD = fileURLToPath(new URL("./outbox-child.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

/** A TCP proxy to the chain node that can be taken down, as a network outage would. */
async function startProxy(
  target: number,
): Promise<{ url: string; down(): Promise<void>; up(): Promise<void>; close(): Promise<void> }> {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const up = async (): Promise<void> => {
    server = createServer((client) => {
      const upstream = new Socket();
      sockets.add(client).add(upstream);
      upstream.connect(target, "127.0.0.1");
      client.pipe(upstream).pipe(client);
      const drop = (): void => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
      };
      client.on("error", drop).on("close", drop);
      upstream.on("error", drop).on("close", drop);
    });
    server.listen(port, "127.0.0.1");
    await once(server, "listening");
  };
  const down = async (): Promise<void> => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    if (server) {
      const closed = once(server, "close");
      server.close();
      await closed;
      server = undefined;
    }
  };
  await up();
  return { url: `http://127.0.0.1:${port}`, down, up, close: down };
}

let sequence = 0;

describe(`Durable outbox: nothing lost, nothing twice (${usingPostgres() ? "PostgreSQL" : "PGlite"})`, function () {
  let chain: TestChain;
  let world: World;
  let seeded: TestGateway;

  before(async function () {
    chain = await startTestChain();
    seeded = await openTestGateway(chain);
    world = await seedAuthorities(seeded);
  });

  after(async function () {
    await seeded?.dispose();
    await chain?.node.stop();
  });

  const documents = (n: number) =>
    Array.from({ length: n }, () => {
      const sample = sampleCertificateOfOrigin();
      return {
        ...sample,
        certificateNumber: `PK-KCCI-R-${Date.now()}-${++sequence}`,
        issuer: { ...sample.issuer, authorityId: world.chamberPK.authorityId },
      };
    });

  /** Every CertificateIssued event on chain, per certificate id. */
  async function issuedOnChain(gateway: TestGateway): Promise<Map<string, number>> {
    const head = await gateway.context.chain.block("latest");
    const counts = new Map<string, number>();
    for (const event of await gateway.context.chain.events(0, head.number)) {
      if (event.name !== "CertificateIssued") continue;
      const id = String(event.args.id);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }

  /** A gateway with its own data directory (and database), sharing the seeded keystore's keys. */
  async function freshGatewayDir(): Promise<{ dataDir: string; databaseUrl?: string }> {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "tradeseal-outbox-"));
    return { dataDir, databaseUrl: await freshDatabaseUrl() };
  }

  /** A gateway at `place` that knows the chamber's signing key and whom its documents are encrypted for. */
  async function openAt(place: { dataDir: string; databaseUrl?: string }, rpcUrl?: string): Promise<TestGateway> {
    const gateway = await openTestGateway(chain, { ...place, rpcUrl, settleTimeoutMs: 2_000 });
    await copyKey(seeded, gateway, world.chamberPK.key);
    const publicOf = ({ d: _d, ...rest }: JsonWebKey): JsonWebKey => rest;
    await gateway.context.keyDirectory.add({
      kid: world.chamberPK.recipient.kid,
      publicJwk: publicOf(world.chamberPK.recipient.privateJwk),
      role: "ISSUER",
      authorityId: world.chamberPK.authorityId,
    });
    return gateway;
  }

  for (const crashAt of ["stored", "sent", "confirmed"] as const) {
    it(`a gateway killed ${crashAt === "confirmed" ? "before indexing" : `after ${crashAt === "stored" ? "storing" : "sending"}`} loses nothing and anchors nothing twice once restarted`, async function () {
      const place = await freshGatewayDir();
      const docs = documents(6);
      const setup = await openAt(place);
      const config = setup.config;
      await setup.close();

      const child = spawn(process.execPath, ["--import", "tsx", CHILD], {
        cwd: ROOT,
        env: {
          ...process.env,
          TRADESEAL_CHILD: JSON.stringify({
            config: { ...config, chain: { ...config.chain, chainId: config.chain.chainId.toString() } },
            crashAt,
            crashOn: 3,
            documents: docs,
            signer: world.chamberPK.key,
          }),
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const [code, signal] = (await once(child, "exit")) as [number | null, NodeJS.Signals | null];
      expect(signal, output).to.equal("SIGKILL");
      expect(output).to.contain(`crashing at ${crashAt} #3`);
      const confirmedBeforeCrash = output.split("\n").filter((l) => l.startsWith("issued")).length;
      expect(confirmedBeforeCrash, output).to.equal(crashAt === "confirmed" ? 2 : 2);
      void code;

      // Restart: the worker reconciles what was open, the client sends everything again.
      const restarted = await openAt(place);
      try {
        await restarted.context.worker.runOnce();
        for (const document of docs) {
          const issued = await issueCertificate(restarted.context, { document, signer: world.chamberPK.key });
          expect(issued.status).to.equal("CONFIRMED");
        }
        await restarted.context.indexer.catchUp();
        const onChain = await issuedOnChain(restarted);
        const head = await restarted.context.chain.block("latest");
        for (const document of docs) {
          const record = await restarted.context.documents.get(
            (await restarted.context.outbox.byKey(
              `certificate:${world.chamberPK.authorityId}:${document.certificateNumber}`,
            ))!.result!.certificateId as string,
          );
          expect(record, document.certificateNumber).to.not.equal(undefined);
          expect(onChain.get(record!.certificateId), document.certificateNumber).to.equal(1);
          expect((await restarted.context.chain.certificate(record!.certificateId, head.number)).status).to.equal(
            CertificateStatus.ISSUED,
          );
          expect((await restarted.context.index.certificate(record!.certificateId))?.digest).to.equal(record!.digest);
        }
        const counts = await restarted.context.outbox.counts();
        expect(counts).to.include({ PENDING: 0, SENT: 0, FAILED: 0 });
      } finally {
        await restarted.dispose();
      }
    });
  }

  it("keeps certificates while the chain node is unreachable and anchors each exactly once when it is back", async function () {
    const proxy = await startProxy(chain.node.port);
    const place = await freshGatewayDir();
    const gateway = await openAt(place, proxy.url);
    try {
      const docs = documents(4);
      await proxy.down();
      const pending = [];
      for (const document of docs) {
        pending.push(await issueCertificate(gateway.context, { document, signer: world.chamberPK.key }));
      }
      for (const outcome of pending) expect(outcome.status).to.be.oneOf(["PENDING", "SENT"]);
      expect(pending[0].lastError).to.match(/cannot be reached/);
      expect(pending[1].lastError).to.match(/cannot be reached|earlier actions of the same signing key/);
      const whileDown = await verifyCertificate(gateway.context, { id: pending[0].certificateId });
      expect(whileDown.status).to.equal("UNAVAILABLE");

      // The node is back: the gateway's background worker and indexer take it from here.
      await proxy.up();
      gateway.start();
      const deadline = Date.now() + 30_000;
      while ((await gateway.context.outbox.counts()).CONFIRMED < pending.length && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      for (const outcome of pending) {
        expect((await gateway.context.outbox.byKey(outcome.idempotencyKey))?.status).to.equal("CONFIRMED");
      }
      while (
        (await gateway.context.index.certificate(pending.at(-1)!.certificateId)) === undefined &&
        Date.now() < deadline
      ) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await gateway.context.index.certificate(pending.at(-1)!.certificateId)).to.not.equal(undefined);
      const onChain = await issuedOnChain(gateway);
      for (const outcome of pending) expect(onChain.get(outcome.certificateId)).to.equal(1);
      expect((await verifyCertificate(gateway.context, { id: pending[0].certificateId })).status).to.equal("VALID");
    } finally {
      await gateway.dispose();
      await proxy.close();
      await rm(place.dataDir, { recursive: true, force: true });
    }
  });

  it("two gateway instances sharing one PostgreSQL database send in turn: every certificate once, none lost", async function () {
    if (!usingPostgres()) this.skip(); // embedded PGlite belongs to one process: nothing to share
    const databaseUrl = await freshDatabaseUrl();
    const first = await openAt({ dataDir: await mkdtemp(path.join(os.tmpdir(), "tradeseal-a-")), databaseUrl });
    const second = await openAt({ dataDir: await mkdtemp(path.join(os.tmpdir(), "tradeseal-b-")), databaseUrl });
    try {
      const docs = documents(8);
      const outcomes = await Promise.all(
        docs.map((document, i) =>
          issueCertificate((i % 2 === 0 ? first : second).context, { document, signer: world.chamberPK.key }),
        ),
      );
      for (const outcome of outcomes) {
        const settled = await first.context.worker.settle(outcome.idempotencyKey, 30_000);
        expect(settled.status, settled.lastError).to.equal("CONFIRMED");
      }
      const onChain = await issuedOnChain(first);
      for (const outcome of outcomes) expect(onChain.get(outcome.certificateId)).to.equal(1);
      expect(await first.context.outbox.counts()).to.include({ CONFIRMED: docs.length, FAILED: 0 });
    } finally {
      for (const gateway of [first, second]) {
        await gateway.close();
        await rm(gateway.dataDir, { recursive: true, force: true });
      }
    }
  });
});

/** Gives `to`'s keystore the signing key that `from` holds (the same authority acting from another gateway). */
async function copyKey(from: TestGateway, to: TestGateway, address: string): Promise<void> {
  if ((await to.keystore.addresses()).includes(address)) return;
  await mkdir(path.join(to.dataDir, "dev-keystore"), { recursive: true, mode: 0o700 });
  await copyFile(
    path.join(from.dataDir, "dev-keystore", `${address}.json`),
    path.join(to.dataDir, "dev-keystore", `${address}.json`),
  );
}
