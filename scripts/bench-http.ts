/**
 * The HTTP part of `npm run bench`: the API built by createApp over the bench's gateway, loaded
 * with autocannon on 127.0.0.1 side by side with a bare express endpoint returning a small JSON,
 * the baseline its ratios are taken against. A measurement: missed targets are reported, not thrown.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import autocannon from "autocannon";
import express from "express";
import { issueCertificate } from "../src/application/issue-certificate.js";
import { inlineDocumentPreparer } from "../src/application/ports/document-preparer.js";
import type { CertificateOfOrigin } from "../src/domain/documents/certificate-of-origin.js";
import { startTestApi } from "../test/fixtures/api.js";
import { cooFrom, largeCooFrom, type TestGateway, type World } from "../test/fixtures/gateway.js";

/** Load per endpoint; the load generator runs in a worker thread so it does not share the server's event loop. */
const LOAD = { connections: 10, seconds: 8, warmUpSeconds: 2, workers: 1 };
/** A new block this often while the API is loaded, as a permissioned QBFT network makes them: each one outdates what was read at the last. */
const BLOCK_EVERY_MS = 1_000;
const LARGE_DOCUMENT_BYTES = 50 * 1024;
const TARGET = { ratioToBare: 0.5, p99Ms: 20, largeVerifyPerSecond: 500 };

export interface HttpFigure {
  endpoint: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Requests/s over the bare GET endpoint's (the issue's baseline). */
  ratioToBare: number;
  /** For a POST: requests/s over the bare POST endpoint's, what reading a request body costs express alone. */
  ratioToBarePost?: number;
  target?: { wanted: string; met: boolean };
}

export interface HttpBench {
  figures: HttpFigure[];
  title: string;
  header: string[];
  rows: string[][];
}

interface Load {
  endpoint: string;
  url: string;
  method?: "GET" | "POST";
  body?: string;
}

/**
 * Issues a ~50 KB CoO and a sample CoO, serves the API and the baseline, and loads each endpoint in
 * turn while the chain at `chainUrl` makes a block every second. The large verification runs
 * twice: with the gateway's document threads, and with the document parsed on the event loop.
 */
export async function measureHttpApi(gateway: TestGateway, world: World, chainUrl: string): Promise<HttpBench> {
  const small = await issued(gateway, world, cooFrom(world));
  const large = await issued(gateway, world, largeCooFrom(world, LARGE_DOCUMENT_BYTES));
  await gateway.context.indexer.catchUp();
  const largeBody = JSON.stringify(large.document);

  const api = await startTestApi(gateway);
  // The same gateway with every document parsed on the event loop: what the document threads add.
  const eventLoopOnly = await startTestApi(gateway, {
    deps: { ctx: { ...gateway.context, preparer: inlineDocumentPreparer } },
  });
  const bare = await listen(bareApp());
  try {
    const verifyUrl = `${api.url}/v1/verify`;
    await expectOk(`${api.url}/v1/certificates/${small.id}`, undefined);
    await expectValid(verifyUrl, JSON.stringify({ id: small.id }));
    await expectValid(verifyUrl, largeBody);

    const loads: Load[] = [
      { endpoint: "bare express GET, small JSON (baseline)", url: `${bare.url}/ping` },
      {
        endpoint: "bare express POST, small JSON echoed (floor of a POST)",
        url: `${bare.url}/echo`,
        method: "POST",
        body: JSON.stringify({ id: small.id }),
      },
      { endpoint: "GET /v1/certificates/{id}", url: `${api.url}/v1/certificates/${small.id}` },
      { endpoint: "POST /v1/verify { id }", url: verifyUrl, method: "POST", body: JSON.stringify({ id: small.id }) },
      {
        endpoint: `POST /v1/verify, ${formatKb(Buffer.byteLength(largeBody))} CoO document`,
        url: verifyUrl,
        method: "POST",
        body: largeBody,
      },
      {
        endpoint: `POST /v1/verify, the same document parsed on the event loop (no document threads)`,
        url: `${eventLoopOnly.url}/v1/verify`,
        method: "POST",
        body: largeBody,
      },
    ];
    const results: autocannon.Result[] = [];
    const blocks = mineEvery(chainUrl, BLOCK_EVERY_MS);
    try {
      for (const load of loads) results.push(await loaded(load));
    } finally {
      await blocks.stop();
    }

    const bareRate = results[0].requests.average;
    const barePostRate = results[1].requests.average;
    const figures = results.map((result, i): HttpFigure => {
      const figure: HttpFigure = {
        endpoint: loads[i].endpoint,
        requestsPerSecond: result.requests.average,
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
        ratioToBare: result.requests.average / bareRate,
        ...(loads[i].method === "POST" && { ratioToBarePost: result.requests.average / barePostRate }),
      };
      const target = targetOf(i, figure);
      return target ? { ...figure, target } : figure;
    });
    return {
      figures,
      title:
        `4. HTTP API on 127.0.0.1 (autocannon: ${LOAD.connections} connections, ${LOAD.seconds} s each after ` +
        `${LOAD.warmUpSeconds} s warm-up; a block every ${BLOCK_EVERY_MS / 1_000} s; ${blocks.mined()} blocks made)`,
      header: ["endpoint", "req/s", "p50 ms", "p99 ms", "non-2xx", "errors", "vs bare GET", "vs bare POST", "target"],
      rows: figures.map((f) => [
        f.endpoint,
        fixed(f.requestsPerSecond),
        fixed(f.p50Ms, 1),
        fixed(f.p99Ms, 1),
        fixed(f.non2xx),
        fixed(f.errors),
        `${fixed(100 * f.ratioToBare, 1)} %`,
        f.ratioToBarePost === undefined ? "" : `${fixed(100 * f.ratioToBarePost, 1)} %`,
        f.target ? `${f.target.wanted}: ${f.target.met ? "met" : "not met"}` : "",
      ]),
    };
  } finally {
    await bare.close();
    await api.close();
    await eventLoopOnly.close();
  }
}

/** The issue's targets: the two small reads at half the bare rate with p99 ≤ 20 ms; the large verify at 500/s. */
function targetOf(index: number, figure: HttpFigure): HttpFigure["target"] {
  if (index === 2 || index === 3) {
    return {
      wanted: `≥ ${fixed(100 * TARGET.ratioToBare)} % of bare, p99 ≤ ${TARGET.p99Ms} ms`,
      met: figure.ratioToBare >= TARGET.ratioToBare && figure.p99Ms <= TARGET.p99Ms,
    };
  }
  if (index === 4) {
    return {
      wanted: `≥ ${fixed(TARGET.largeVerifyPerSecond)} req/s`,
      met: figure.requestsPerSecond >= TARGET.largeVerifyPerSecond,
    };
  }
  return undefined;
}

async function issued(
  gateway: TestGateway,
  world: World,
  document: CertificateOfOrigin,
): Promise<{ id: string; document: CertificateOfOrigin }> {
  const result = await issueCertificate(gateway.context, { document, signer: world.chamberPK.key, wait: true });
  if (result.status !== "CONFIRMED") throw new Error(`issuance ended ${result.status}: ${result.lastError}`);
  return { id: result.certificateId, document };
}

/** Asks the node for a block every `intervalMs` (evm_mine), as a chain with a fixed block time makes them. */
function mineEvery(chainUrl: string, intervalMs: number): { stop(): Promise<void>; mined(): number } {
  let mined = 0;
  let last = Promise.resolve();
  const timer = setInterval(() => {
    last = fetch(chainUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "evm_mine", params: [] }),
    }).then(
      () => void (mined += 1),
      () => undefined,
    );
  }, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await last;
    },
    mined: () => mined,
  };
}

function bareApp(): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.get("/ping", (_req, res) => {
    res.json({ status: "ok", service: "baseline" });
  });
  app.post("/echo", express.json(), (req, res) => {
    res.json({ status: "ok", received: req.body as unknown });
  });
  return app;
}

async function listen(app: express.Express): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** One warm-up run, discarded, then the measured run. */
async function loaded(load: Load): Promise<autocannon.Result> {
  const options = {
    url: load.url,
    method: load.method ?? "GET",
    connections: LOAD.connections,
    workers: LOAD.workers,
    ...(load.body !== undefined && { body: load.body, headers: { "content-type": "application/json" } }),
  };
  await autocannon({ ...options, duration: LOAD.warmUpSeconds });
  return autocannon({ ...options, duration: LOAD.seconds });
}

async function expectOk(url: string, body: string | undefined): Promise<unknown> {
  const response = await fetch(url, {
    method: body === undefined ? "GET" : "POST",
    ...(body !== undefined && { body, headers: { "content-type": "application/json" } }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${url} answered ${response.status} before the load: ${text}`);
  return JSON.parse(text);
}

async function expectValid(url: string, body: string): Promise<void> {
  const answer = (await expectOk(url, body)) as { status?: string };
  if (answer.status !== "VALID") {
    throw new Error(`${url} verified the bench's certificate as ${answer.status}: ${JSON.stringify(answer)}`);
  }
}

function fixed(value: number, digits = 0): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function formatKb(bytes: number): string {
  return `${fixed(bytes / 1024)} KB`;
}
