import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { create } from "kubo-rpc-client";
import type { DocumentStore } from "../../../src/application/ports/document-store.js";
import { createHeliaDocumentStore } from "../../../src/adapters/storage/helia-document-store.js";
import { createKuboDocumentStore } from "../../../src/adapters/storage/kubo-document-store.js";
import { UnavailableError } from "../../../src/domain/errors.js";
import { deterministicBytes } from "./deterministic-bytes.js";
import { shouldBehaveLikeDocumentStore } from "./document-store-behaviour.js";
import { startKuboServer, type KuboServer } from "./kubo-server.js";

const START_TIMEOUT_MS = 120_000;
/** Generous for the tests' small documents; a request that needs it has hung. */
const REQUEST_TIMEOUT_MS = 20_000;
const SKIP = process.env.TRADESEAL_SKIP_KUBO === "1";

/** A listening TCP server, and one that is not; both on 127.0.0.1. */
async function listen(onConnection: (socket: Socket) => void = () => {}): Promise<Server> {
  const server = createServer(onConnection);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return server;
}

function urlOf(server: Server): string {
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

(SKIP ? describe.skip : describe)(
  `Kubo document store (production), against a real Kubo RPC server${SKIP ? " — skipped: TRADESEAL_SKIP_KUBO=1" : ""}`,
  function () {
    let server: KuboServer;

    before(async function () {
      this.timeout(START_TIMEOUT_MS);
      server = await startKuboServer();
    });

    after(async function () {
      this.timeout(START_TIMEOUT_MS);
      await server?.stop();
    });

    shouldBehaveLikeDocumentStore(() =>
      Promise.resolve(createKuboDocumentStore({ url: server.url, timeoutMs: REQUEST_TIMEOUT_MS })),
    );

    describe("next to the embedded store", function () {
      let directory: string;
      let kubo: DocumentStore;
      let helia: DocumentStore;

      before(async function () {
        directory = await mkdtemp(path.join(tmpdir(), "tradeseal-helia-"));
        kubo = createKuboDocumentStore({ url: server.url, timeoutMs: REQUEST_TIMEOUT_MS });
        helia = await createHeliaDocumentStore({ directory });
      });

      after(async function () {
        await kubo?.close();
        await helia?.close();
        await rm(directory, { recursive: true, force: true });
      });

      for (const size of [0, 11, 262_144, 262_145, 1_048_577, 3_145_728]) {
        it(`gives the same CID as the embedded store for ${size.toLocaleString("en")} bytes`, async function () {
          const bytes = deterministicBytes(size, `kubo and helia ${size}`);
          expect(await kubo.put(bytes)).to.equal(await helia.put(bytes));
        });
      }

      it("treats a document that is no longer pinned as one it does not hold", async function () {
        const cid = await kubo.put(deterministicBytes(1_000, "unpinned later"));
        await create({ url: server.url }).pin.rm(cid);
        expect(await kubo.get(cid)).to.be.undefined;
      });
    });
  },
);

describe("Kubo document store (production), when the node cannot serve", function () {
  it("answers UnavailableError naming the URL when nothing listens there", async function () {
    const closed = await listen();
    const url = urlOf(closed);
    closed.close();
    await once(closed, "close");
    const store = createKuboDocumentStore({ url, timeoutMs: REQUEST_TIMEOUT_MS });

    const attempts = [
      () => store.put(new Uint8Array([1, 2, 3])),
      () => store.get("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e"),
    ];
    for (const attempt of attempts) {
      const error = await rejection(attempt());
      expect(error).to.be.instanceOf(UnavailableError);
      expect((error as Error).message)
        .to.include(`Cannot reach the IPFS node at ${url}`)
        .and.to.include("ECONNREFUSED")
        .and.to.include("Check that the IPFS (Kubo) daemon is running");
    }
  });

  it("answers UnavailableError when the node does not answer within timeoutMs", async function () {
    const sockets: Socket[] = [];
    const silent = await listen((socket) => sockets.push(socket));
    try {
      const store = createKuboDocumentStore({ url: urlOf(silent), timeoutMs: 300 });
      const error = await rejection(store.get("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e"));
      expect(error).to.be.instanceOf(UnavailableError);
      expect((error as Error).message).to.include(`did not answer within 300 ms`);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });
});
