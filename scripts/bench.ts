/**
 * Speed of the gateway engine on real parts: a `hardhat node`, PGlite and Helia, built with the
 * test fixtures. Prints figures and ratios against baselines measured in the same run:
 *   1. issuance end to end, one by one and in batches, with where a batch's time goes;
 *   2. the indexer's replay rate against a bare eth_getLogs loop over the same block ranges;
 *   3. digest, encryption and storage cost per document against a bare SHA-256;
 *   4. the HTTP API under load against a bare express endpoint (bench-http.ts).
 * A measurement, not a test: a missed target is reported, and only a crash exits non-zero.
 *   npm run bench                   (runs the gas check first)
 *   npm run bench -- --only http    (one part: issuance, indexer, documents or http)
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PerformanceObserver, performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import * as prettier from "prettier";
import { hexlify, JsonRpcProvider, toQuantity } from "ethers";
import { openDatabase } from "../src/adapters/db/open-database.js";
import { createSqlDocumentRecords } from "../src/adapters/db/sql-document-records.js";
import { createSqlOutboxStore } from "../src/adapters/db/sql-outbox-store.js";
import { storeTerms, type ChainAction } from "../src/application/chain-actions.js";
import { ChainIndexer } from "../src/application/chain-indexer.js";
import type { GatewayContext } from "../src/application/gateway-context.js";
import { issueBatch } from "../src/application/issue-batch.js";
import { issueCertificate } from "../src/application/issue-certificate.js";
import type { DocumentRecord, DocumentRecords } from "../src/application/ports/document-records.js";
import type { OutboxStore } from "../src/application/ports/outbox-store.js";
import type { RegistryChain } from "../src/application/ports/registry-chain.js";
import type { RegistryIndex } from "../src/application/ports/registry-index.js";
import { idOfDocument, recipientsOf, sealWithSalt, type SealedDocument } from "../src/application/seal-document.js";
import { submitChainAction } from "../src/application/submit-chain-action.js";
import { buildBatchTree } from "../src/domain/batch-tree.js";
import { cidToBytes } from "../src/domain/cid-bytes.js";
import {
  parseCertificateDocument,
  type CertificateDocument,
  type CertificateKind,
} from "../src/domain/documents/certificate-document.js";
import { documentDigest, newSalt } from "../src/domain/documents/document-digest.js";
import { DEFAULT_DOCUMENT_THREADS, DEFAULT_HEAD_MAX_AGE_MS, systemClock } from "../src/main.js";
import { numberedCertificates } from "../test/fixtures/documents.js";
import {
  openTestGateway,
  seedAuthorities,
  startTestChain,
  type TestChain,
  type TestGateway,
  type World,
} from "../test/fixtures/gateway.js";
import { measureHttpApi } from "./bench-http.js";

/** Sizes chosen to keep the whole run under ~3 minutes on 2 cores. */
const SINGLE_ISSUANCES = 200;
const BATCH_SIZES = [2_000, 10_000];
const BATCH_TARGET_PER_SECOND = 2_000;
/** Issuances queued without waiting, on top of the single ones, to give the indexer a history. */
const HISTORY_ISSUANCES = 1_500;
const REPLAY_TARGET_RATIO = 0.5;
/** Repetitions of the replay measurements; the median is printed. */
const REPLAY_RUNS = 5;
/** Documents per kind for the per-document costs (CPU-bound steps, then the slower I/O ones). */
const PER_DOCUMENT_RUNS = { cpu: 2_000, io: 200, warmUp: 100, rounds: 5 };

const random = (length: number): Uint8Array => new Uint8Array(randomBytes(length));

// ---------------------------------------------------------------------------------------------
// Printing and statistics

function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

interface Table {
  title: string;
  header: string[];
  rows: string[][];
}

/** Every table this run printed, in order: what bench/results.json and the README's table hold. */
const printed: Table[] = [];

function printTable(title: string, header: string[], rows: string[][]): void {
  printed.push({ title, header, rows });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  // First column left-aligned (labels), the others right-aligned (figures).
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}

/** Nearest-rank percentile of values sorted ascending. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

/** Garbage-collection pauses so far, in ms (V8 reports them to performance observers). */
let gcPauseMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcPauseMs += entry.duration;
}).observe({ entryTypes: ["gc"] });

/** `timed`, plus the GC pauses inside it: large batches keep many objects alive, and pay for it. */
async function timedWithGc<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; gcMs: number }> {
  const before = gcPauseMs;
  const { result, ms } = await timed(work);
  // GC entries are delivered on a later turn of the event loop, not at once.
  await new Promise((resolve) => setTimeout(resolve, 1));
  return { result, ms, gcMs: gcPauseMs - before };
}

function verdict(met: boolean): string {
  return met ? "met" : "MISSED";
}

/**
 * Wall time during which at least one call of a kind was in flight: calls that overlap (the
 * indexer fetches block headers 50 at a time) count once, so phases add up to elapsed time.
 */
class BusyMeter {
  calls = 0;
  busyMs = 0;
  private inFlight = 0;
  private since = 0;

  get busy(): boolean {
    return this.inFlight > 0;
  }

  async time<T>(call: () => Promise<T>): Promise<T> {
    if (this.inFlight++ === 0) this.since = performance.now();
    this.calls++;
    try {
      return await call();
    } finally {
      if (--this.inFlight === 0) this.busyMs += performance.now() - this.since;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Documents

/** `n` fresh documents of one kind, under the seeded issuer of that kind. */
function documentsOf(kind: CertificateKind, n: number, world: World): CertificateDocument[] {
  const issuer = kind === "COO" ? world.chamberPK : world.nppoKE;
  return numberedCertificates(kind, n).map((d) => ({ ...d, issuer: { ...d.issuer, authorityId: issuer.authorityId } }));
}

const signerOf = (kind: CertificateKind, world: World): string =>
  kind === "COO" ? world.chamberPK.key : world.nppoKE.key;

const kindAt = (i: number): CertificateKind => (i % 2 === 0 ? "COO" : "PHYTO");

// ---------------------------------------------------------------------------------------------
// 1. Issuance throughput

async function measureSingleIssuance(ctx: GatewayContext, world: World): Promise<void> {
  const documents = Array.from({ length: SINGLE_ISSUANCES }, (_, i) => documentsOf(kindAt(i), 1, world)[0]);
  const latencies: number[] = [];
  const start = performance.now();
  for (const document of documents) {
    const { result, ms } = await timed(() =>
      issueCertificate(ctx, { document, signer: signerOf(document.kind, world), wait: true }),
    );
    if (result.status !== "CONFIRMED") throw new Error(`issuance ended ${result.status}: ${result.lastError}`);
    latencies.push(ms);
  }
  const seconds = (performance.now() - start) / 1_000;
  const sorted = [...latencies].sort((a, b) => a - b);
  printTable(
    `1a. Single issuance, wait: true (${SINGLE_ISSUANCES} certificates, CoO and ePhyto alternating)`,
    ["figure", "value"],
    [
      ["throughput", `${formatNumber(SINGLE_ISSUANCES / seconds, 1)} certificates/s`],
      ["latency p50", `${formatNumber(percentile(sorted, 50), 1)} ms`],
      ["latency p95", `${formatNumber(percentile(sorted, 95), 1)} ms`],
      ["latency p99", `${formatNumber(percentile(sorted, 99), 1)} ms`],
      ["latency max", `${formatNumber(sorted[sorted.length - 1], 1)} ms`],
    ],
  );
}

interface Phase {
  label: string;
  ms: number;
  gcMs: number;
}

/**
 * The steps issueBatch takes, timed one by one on the same documents with the same domain
 * functions and adapters. Records go to a scratch PGlite so they do not collide with the batch
 * already issued; the chain step anchors another root with the same count.
 */
async function timeBatchPhases(
  ctx: GatewayContext,
  scratch: { records: DocumentRecords; outbox: OutboxStore },
  documents: readonly CertificateDocument[],
  signer: string,
): Promise<Phase[]> {
  const phases: Phase[] = [];
  const step = async <T>(label: string, work: () => T | Promise<T>): Promise<T> => {
    const { result, ms, gcMs } = await timedWithGc(async () => work());
    phases.push({ label, ms, gcMs });
    return result;
  };
  const parsed = await step("parse (zod)", () => documents.map((d) => parseCertificateDocument(d)));
  const sealed = await step("digest: ids + seal (JCS, SHA-256, terms)", () => {
    // issueBatch derives the ids first, to look up numbers already issued
    parsed.forEach(idOfDocument);
    return parsed.map((d) => sealWithSalt(d, newSalt(random)));
  });
  const tree = await step("Merkle tree + proofs", () => buildBatchTree(sealed.map((s) => s.terms)));
  const parts = partsOf(sealed);
  const manifestCid = await step(`encrypt + store (${parts.length} part(s) + manifest)`, () =>
    encryptAndStoreParts(ctx, parts, tree.root),
  );
  const records = recordsOf(sealed, manifestCid, tree.root, tree.proofs);
  const action: ChainAction = {
    action: "AnchorBatch",
    root: tree.root,
    certificateTypes: sealed.reduce((mask, s) => mask | (1 << s.terms.certificateType), 0),
    count: sealed.length,
    cid: cidToBytes(manifestCid),
  };
  await step("DB records: lookup + outbox and document rows", async () => {
    await scratch.records.getMany(records.map((r) => r.certificateId));
    await scratch.outbox.enqueue({ idempotencyKey: `bench:${tree.root}`, action, signer }, records);
  });
  const otherRoot = hexlify(random(32));
  const anchored = await step("chain: sign, relay, confirm", () =>
    submitChainAction(ctx, { idempotencyKey: `bench:${otherRoot}`, action: { ...action, root: otherRoot }, signer }),
  );
  if (anchored.status !== "CONFIRMED") throw new Error(`anchoring ended ${anchored.status}`);
  return phases;
}

/** issueBatch's grouping: one encrypted part per (kind, importing country). */
function partsOf(sealed: readonly SealedDocument[]): SealedDocument[][] {
  const groups = new Map<string, SealedDocument[]>();
  for (const s of sealed) {
    const key = `${s.document.kind}:${s.document.importCountry ?? ""}`;
    const members = groups.get(key) ?? [];
    members.push(s);
    groups.set(key, members);
  }
  return [...groups.values()];
}

/** Encrypts and stores each part as issueBatch does, then a manifest; returns the manifest's CID. */
async function encryptAndStoreParts(ctx: GatewayContext, parts: SealedDocument[][], root: string): Promise<string> {
  const decoder = new TextDecoder();
  const cids: string[] = [];
  for (const members of parts) {
    const { issuer, document } = members[0];
    const recipients = await recipientsOf(ctx, {
      issuer,
      importCountry: document.importCountry ?? "",
      kind: document.kind,
    });
    const body = members.map((s) => decoder.decode(s.plaintext)).join(",");
    const plaintext = new TextEncoder().encode(`{"documents":[${body}],"root":"${root}"}`);
    cids.push(await ctx.store.put(await ctx.cipher.encrypt(plaintext, recipients)));
  }
  return ctx.store.put(new TextEncoder().encode(JSON.stringify({ version: 1, root, parts: cids })));
}

function recordsOf(sealed: readonly SealedDocument[], cid: string, root: string, proofs: string[][]): DocumentRecord[] {
  return sealed.map((s, i) => ({
    certificateId: s.certificateId,
    issuer: s.issuer,
    certificateNumber: s.document.certificateNumber,
    kind: s.document.kind,
    salt: s.salt,
    digest: s.digest,
    cid,
    terms: storeTerms(s.terms),
    batchRoot: root,
    proof: proofs[i],
  }));
}

async function measureBatchIssuance(ctx: GatewayContext, world: World, directory: string): Promise<void> {
  const scratch = await openDatabase({ directory: path.join(directory, "scratch-pglite") });
  try {
    const stores = {
      records: createSqlDocumentRecords(scratch.db),
      outbox: createSqlOutboxStore(scratch.db, scratch.dialect),
    };
    const throughput: string[][] = [];
    const breakdown: string[][] = [];
    for (const size of BATCH_SIZES) {
      const documents = documentsOf("COO", size, world);
      const signer = signerOf("COO", world);
      const endToEnd = await timedWithGc(() => issueBatch(ctx, { documents, signer, wait: true }));
      if (endToEnd.result.status !== "CONFIRMED") throw new Error(`batch ended ${endToEnd.result.status}`);
      const perSecond = size / (endToEnd.ms / 1_000);
      throughput.push([
        `${formatNumber(size)} CoOs`,
        formatNumber(endToEnd.ms / 1_000, 2),
        formatNumber(perSecond),
        `${formatNumber(BATCH_TARGET_PER_SECOND)}: ${verdict(perSecond >= BATCH_TARGET_PER_SECOND)}`,
      ]);
      const phases = await timeBatchPhases(ctx, stores, documents, signer);
      const sum: Phase = {
        label: "sum of phases",
        ms: phases.reduce((total, p) => total + p.ms, 0),
        gcMs: phases.reduce((total, p) => total + p.gcMs, 0),
      };
      for (const p of [...phases, sum, { ...endToEnd, label: "end to end (issueBatch)" }]) {
        breakdown.push([
          `${formatNumber(size)}: ${p.label}`,
          formatNumber(p.ms),
          formatNumber((p.ms * 1_000) / size, 1),
          `${formatNumber((100 * p.ms) / endToEnd.ms, 1)} %`,
          formatNumber(p.gcMs),
        ]);
      }
    }
    printTable(
      "1b. Batch issuance, issueBatch end to end (anchoring transaction confirmed)",
      ["batch", "seconds", "certificates/s", "target"],
      throughput,
    );
    printTable(
      "1c. Where a batch's time goes (each step timed alone on the same documents)",
      ["phase", "ms", "µs/certificate", "of end to end", "GC pauses ms"],
      breakdown,
    );
  } finally {
    await scratch.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Indexer replay against a bare eth_getLogs loop

/** Queues issuances without waiting and lets the worker drain them: many events in many blocks. */
async function buildHistory(ctx: GatewayContext, world: World): Promise<string[][]> {
  const documents = Array.from({ length: HISTORY_ISSUANCES }, (_, i) => documentsOf(kindAt(i), 1, world)[0]);
  ctx.worker.start(10);
  try {
    const queued = await timed(async () => {
      for (const document of documents) {
        await issueCertificate(ctx, { document, signer: signerOf(document.kind, world), wait: false });
      }
    });
    const drained = await timed(async () => {
      for (;;) {
        const counts = await ctx.outbox.counts();
        if (counts.FAILED > 0) throw new Error(`${counts.FAILED} outbox entries failed`);
        if (counts.PENDING + counts.SENT === 0) return;
        await systemClock.sleep(100);
      }
    });
    const total = queued.ms + drained.ms;
    return [
      [
        "issueCertificate wait: false (seal, encrypt, store, enqueue)",
        `${formatNumber(HISTORY_ISSUANCES / (queued.ms / 1_000), 1)} /s`,
      ],
      ["worker drained all (concurrently with queueing)", `${formatNumber(HISTORY_ISSUANCES / (total / 1_000), 1)} /s`],
    ];
  } finally {
    await ctx.worker.stop();
  }
}

function blockRanges(from: number, to: number, size: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (let start = from; start <= to; start += size) ranges.push([start, Math.min(to, start + size - 1)]);
  return ranges;
}

/** The baseline: the same filter over the same ranges, undecoded, one request at a time. */
async function rawLogLoop(provider: JsonRpcProvider, addresses: string[], ranges: [number, number][]): Promise<number> {
  let logs = 0;
  for (const [from, to] of ranges) {
    const page = (await provider.send("eth_getLogs", [
      { address: addresses, fromBlock: toQuantity(from), toBlock: toQuantity(to) },
    ])) as unknown[];
    logs += page.length;
  }
  return logs;
}

async function decodedLogLoop(chain: RegistryChain, ranges: [number, number][]): Promise<number> {
  let events = 0;
  for (const [from, to] of ranges) events += (await chain.events(from, to)).length;
  return events;
}

/** Median ms of `runs` runs. */
async function medianMs(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(work)).ms);
  return median(times);
}

/** One more rebuild by an indexer over the same chain and index, with each port call timed. */
async function rebuildBreakdown(gateway: TestGateway, blockRange: number) {
  const ctx = gateway.context;
  const meters = {
    clear: new BusyMeter(),
    events: new BusyMeter(),
    rangeEnd: new BusyMeter(),
    headers: new BusyMeter(),
    apply: new BusyMeter(),
  };
  let applied = 0;
  const chain: RegistryChain = {
    ...ctx.chain,
    events: (from, to) => meters.events.time(() => ctx.chain.events(from, to)),
    // The range's last block is read alongside its logs; the other headers are read for their timestamps.
    block: (tag) => (meters.events.busy ? meters.rangeEnd : meters.headers).time(() => ctx.chain.block(tag)),
  };
  const index: RegistryIndex = {
    ...ctx.index,
    clear: () => meters.clear.time(() => ctx.index.clear()),
    apply: (events, times, upTo) => {
      applied += events.length;
      return meters.apply.time(() => ctx.index.apply(events, times, upTo));
    },
  };
  const indexer = new ChainIndexer({
    chain,
    index,
    clock: systemClock,
    blockRange,
    startBlock: gateway.config.chain.deploymentBlock,
  });
  const { ms } = await timed(() => indexer.rebuild());
  return { ms, meters, applied };
}

async function measureIndexerReplay(gateway: TestGateway, world: World): Promise<void> {
  const ctx = gateway.context;
  const history = await buildHistory(ctx, world);
  const { chain: chainConfig } = gateway.config;
  const blockRange = gateway.config.blockRange ?? 2_000;
  const head = (await ctx.chain.block("latest")).number;
  const ranges = blockRanges(chainConfig.deploymentBlock, head, blockRange);
  const addresses = [chainConfig.certificateRegistry, chainConfig.authorityRegistry];
  const provider = new JsonRpcProvider(chainConfig.rpcUrl, chainConfig.chainId, {
    staticNetwork: true,
    batchMaxCount: 1,
  });
  try {
    const logs = await rawLogLoop(provider, addresses, ranges);
    const raw = await medianMs(REPLAY_RUNS, () => rawLogLoop(provider, addresses, ranges));
    const decoded = await medianMs(REPLAY_RUNS, () => decodedLogLoop(ctx.chain, ranges));
    const rebuild = await medianMs(REPLAY_RUNS, () => ctx.indexer.rebuild());
    const breakdown = await rebuildBreakdown(gateway, blockRange);

    const rate = (ms: number): number => logs / (ms / 1_000);
    const ratio = rate(rebuild) / rate(raw);
    printTable(
      `2a. History: ${formatNumber(logs)} registry events in blocks ${chainConfig.deploymentBlock}–${head}`,
      ["figure", "value"],
      history,
    );
    const row = (label: string, ms: number): string[] => [
      label,
      formatNumber(ms),
      formatNumber(rate(ms)),
      `${formatNumber((100 * rate(ms)) / rate(raw), 1)} %`,
    ];
    printTable(
      `2b. Replay of ${formatNumber(logs)} events over ${ranges.length} range(s) of ≤ ${formatNumber(blockRange)} blocks (median of ${REPLAY_RUNS})`,
      ["reader", "ms", "events/s", "vs raw"],
      [
        row("raw eth_getLogs loop, no decoding (baseline)", raw),
        row("chain.events(): getLogs + registry log decoding", decoded),
        row("indexer.rebuild(): clear + replay into PGlite", rebuild),
      ],
    );
    console.log(
      `target ≥ ${formatNumber(100 * REPLAY_TARGET_RATIO)} % of raw: ${verdict(ratio >= REPLAY_TARGET_RATIO)} (${formatNumber(100 * ratio, 1)} %)`,
    );

    const { meters } = breakdown;
    // The range-end header is read alongside getLogs and waits for it: not a cost of its own.
    const accounted = meters.clear.busyMs + meters.events.busyMs + meters.headers.busyMs + meters.apply.busyMs;
    const part = (label: string, calls: number | string, ms: number): string[] => [
      label,
      typeof calls === "number" ? formatNumber(calls) : calls,
      formatNumber(ms),
      `${formatNumber((100 * ms) / breakdown.ms, 1)} %`,
    ];
    printTable(
      `2c. Where a rebuild's time goes (one more rebuild: ${formatNumber(breakdown.applied)} events applied in ${formatNumber(breakdown.ms)} ms)`,
      ["step", "calls", "ms", "of rebuild"],
      [
        part("index.clear(): SQL deletes", meters.clear.calls, meters.clear.busyMs),
        part("chain.events(): eth_getLogs + decoding", meters.events.calls, meters.events.busyMs),
        part("  of which eth_getLogs (raw loop, 2b)", ranges.length, raw),
        part("  of which decoding (events time less the raw loop)", "", Math.max(0, meters.events.busyMs - raw)),
        part("chain.block(): head + one header per block with events", meters.headers.calls, meters.headers.busyMs),
        part("index.apply(): SQL, one transaction per range", meters.apply.calls, meters.apply.busyMs),
        part("other (indexer's own work)", "", Math.max(0, breakdown.ms - accounted)),
      ],
    );
  } finally {
    provider.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Per-document cost of digest, encryption and storage

/**
 * µs per document of a synchronous step: the median over rounds of consecutive documents, after
 * a warm-up, so one GC pause or JIT tier-up does not decide the figure.
 */
function microsPerDocument<T>(inputs: readonly T[], step: (input: T) => unknown): number {
  const { warmUp, rounds } = PER_DOCUMENT_RUNS;
  for (let i = 0; i < warmUp; i++) step(inputs[i % inputs.length]);
  const perRound = Math.floor(inputs.length / rounds);
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (const input of inputs.slice(r * perRound, (r + 1) * perRound)) step(input);
    samples.push(((performance.now() - start) * 1_000) / perRound);
  }
  return median(samples);
}

async function microsPerDocumentAsync<T>(inputs: readonly T[], step: (input: T) => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (const input of inputs) await step(input);
  return ((performance.now() - start) * 1_000) / inputs.length;
}

async function measurePerDocumentCosts(ctx: GatewayContext, world: World): Promise<void> {
  const rows: string[][] = [];
  for (const kind of ["COO", "PHYTO"] as const) {
    const { cpu, io } = PER_DOCUMENT_RUNS;
    const measured = documentsOf(kind, cpu, world);
    const salt = newSalt(random);
    const sealed = measured.map((d) => sealWithSalt(d, salt));
    const bytes = sealed.map((s) => s.plaintext);
    const recipients = await recipientsOf(ctx, {
      issuer: sealed[0].issuer,
      importCountry: sealed[0].document.importCountry ?? "",
      kind,
    });

    const sha256 = microsPerDocument(bytes, (b) => createHash("sha256").update(b).digest());
    const parse = microsPerDocument(measured, (d) => parseCertificateDocument(d));
    const digest = microsPerDocument(measured, (d) => documentDigest(parseCertificateDocument(d), salt));
    const seal = microsPerDocument(measured, (d) => sealWithSalt(parseCertificateDocument(d), salt));
    const envelopes: Uint8Array[] = [];
    const encrypt = await microsPerDocumentAsync(bytes.slice(0, io), async (b) => {
      envelopes.push(await ctx.cipher.encrypt(b, recipients));
    });
    // Every envelope has its own content key, so every put stores new blocks.
    const put = await microsPerDocumentAsync(envelopes, (e) => ctx.store.put(e));

    const size = `${formatNumber(bytes[0].length)} B`;
    const row = (step: string, micros: number, note = ""): string[] => [
      `${kind} ${step}`,
      formatNumber(micros, 1),
      `${formatNumber(micros / sha256, 1)}x`,
      note,
    ];
    rows.push(
      row("bare SHA-256 of the canonical JSON (baseline)", sha256, size),
      row("parse (zod, normalize)", parse),
      row("parse + RFC 8785 JSON + SHA-256 (documentDigest)", digest, "documentDigest parses again"),
      row("parse + seal (digest, plaintext, terms, id)", seal, "sealWithSalt: JCS once, no re-parse"),
      row(`JWE encrypt, ${recipients.length} recipients`, encrypt, `envelope ${formatNumber(envelopes[0].length)} B`),
      row("Helia put + pin", put),
    );
  }
  printTable("3. Per-document cost (µs per document)", ["step", "µs/doc", "vs SHA-256", "note"], rows);
}

// ---------------------------------------------------------------------------------------------
// 4. HTTP API under load

async function measureHttp(gateway: TestGateway, world: World): Promise<void> {
  const http = await measureHttpApi(gateway, world, gateway.config.chain.rpcUrl);
  printTable(http.title, http.header, http.rows);
}

// ---------------------------------------------------------------------------------------------

const PARTS = ["issuance", "indexer", "documents", "http"] as const;

/** The parts named by `--only` (all when it is absent). */
function selectedParts(): ReadonlySet<string> {
  const { only } = parseArgs({ options: { only: { type: "string" } } }).values;
  if (only === undefined) return new Set(PARTS);
  const named = only.split(",");
  const unknown = named.filter((part) => !(PARTS as readonly string[]).includes(part));
  if (unknown.length > 0)
    throw new Error(`--only takes ${PARTS.join(", ")} (comma-separated), not ${unknown.join(", ")}`);
  return new Set(named);
}

/** The run's temp directory is named after its process, so a later run can tell it is left over. */
const DIRECTORY_PREFIX = "tradeseal-bench-";
const DIRECTORY_OF_RUN = /^tradeseal-bench-(\d+)-/;

/**
 * Removes the directories of runs that were killed outright: tsx answers Ctrl-C with SIGKILL
 * when the process is too busy (a multi-second synchronous step) to acknowledge it at once.
 */
async function removeDirectoriesOfDeadRuns(): Promise<void> {
  for (const name of await readdir(os.tmpdir())) {
    const pid = Number(DIRECTORY_OF_RUN.exec(name)?.[1]);
    if (pid && !isAlive(pid)) await rm(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Runs one part of the bench and says how long it took, to keep the whole run within budget. */
async function section(measure: () => Promise<void>): Promise<void> {
  const { ms } = await timed(measure);
  console.log(`(${formatNumber(ms / 1_000, 1)} s)`);
}

async function main(): Promise<void> {
  const cleanups: (() => Promise<void>)[] = [];
  let cleaning: Promise<void> | undefined;
  // One cleanup, whether the run ends, fails or is interrupted: a second call waits for the first.
  const cleanUp = (): Promise<void> =>
    (cleaning ??= (async () => {
      for (const cleanup of cleanups.reverse()) await cleanup().catch((e: unknown) => console.error(e));
    })());
  // An interrupted run still stops the node and removes its temp dirs. Ctrl-C can deliver SIGINT
  // twice (to the process group, and relayed by tsx): the second must not cut the cleanup short.
  const interrupt = (): void => void cleanUp().finally(() => process.exit(130));
  process.on("SIGINT", interrupt);
  process.on("SIGTERM", interrupt);
  const started = performance.now();
  try {
    const parts = selectedParts();
    await removeDirectoriesOfDeadRuns();
    const directory = await mkdtemp(path.join(os.tmpdir(), `${DIRECTORY_PREFIX}${process.pid}-`));
    // Retries: after an interrupt, work still in flight may write a last file while it goes.
    cleanups.push(() => rm(directory, { recursive: true, force: true, maxRetries: 5 }));
    const chain: TestChain = await startTestChain();
    cleanups.push(() => chain.node.stop());
    // The gateway at its production settings for how old a verification's head may be and the
    // threads that parse large documents.
    const gateway = await openTestGateway(chain, {
      dataDir: path.join(directory, "gateway"),
      headMaxAgeMs: DEFAULT_HEAD_MAX_AGE_MS,
      documentThreads: DEFAULT_DOCUMENT_THREADS,
    });
    cleanups.push(() => gateway.close());
    const world = await seedAuthorities(gateway);
    console.log(
      `tradeseal bench: hardhat node (automine) + PGlite + Helia, Node ${process.version}, ${os.cpus().length} cores, ` +
        `${DEFAULT_DOCUMENT_THREADS} document threads`,
    );

    if (parts.has("issuance")) {
      await section(() => measureSingleIssuance(gateway.context, world));
      await section(() => measureBatchIssuance(gateway.context, world, directory));
    }
    if (parts.has("indexer")) await section(() => measureIndexerReplay(gateway, world));
    if (parts.has("documents")) await section(() => measurePerDocumentCosts(gateway.context, world));
    if (parts.has("http")) await section(() => measureHttp(gateway, world));
    const seconds = (performance.now() - started) / 1_000;
    console.log(`\nbench: done in ${formatNumber(seconds, 1)} s`);
    await writeReport({ parts: [...parts], seconds, tables: printed, complete: parts.size === PARTS.length });
  } finally {
    await cleanUp();
    process.removeListener("SIGINT", interrupt);
    process.removeListener("SIGTERM", interrupt);
  }
}

// ---------------------------------------------------------------------------------------------
// The report

const REPORT_DIRECTORY = fileURLToPath(new URL("../bench/", import.meta.url));
const README = fileURLToPath(new URL("../README.md", import.meta.url));
const README_START = "<!-- bench:start -->";
const README_END = "<!-- bench:end -->";

/**
 * Writes bench/results.json (every table, the gas per action from the committed gas report, the
 * machine) and bench/results.md; a run of every part also puts the tables in the README.
 */
async function writeReport(run: { parts: string[]; seconds: number; tables: Table[]; complete: boolean }) {
  const gasReport = JSON.parse(await readFile(new URL("../gas-report.json", import.meta.url), "utf8")) as {
    gas: Record<string, number>;
  };
  const machine = {
    node: process.version,
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.arch()}`,
  };
  const generatedAt = new Date().toISOString();
  await mkdir(REPORT_DIRECTORY, { recursive: true });
  const results = { generatedAt, command: "npm run bench", ...run, machine, gas: gasReport.gas };
  await writeFormatted(path.join(REPORT_DIRECTORY, "results.json"), JSON.stringify(results, null, 2));
  const markdown = [
    `Measured ${generatedAt.slice(0, 10)} with \`npm run bench\` (${run.parts.join(", ")}; ${formatNumber(run.seconds)} s) ` +
      `on ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}.`,
    "",
    ...run.tables.flatMap((table) => [`**${table.title}**`, "", ...markdownTable(table.header, table.rows), ""]),
    "**Gas per action** (deterministic; `npm run gas:check` compares against the committed gas-report.json)",
    "",
    ...markdownTable(
      ["action", "gas"],
      Object.entries(gasReport.gas).map(([action, gas]) => [action, formatNumber(gas)]),
    ),
  ].join("\n");
  await writeFormatted(path.join(REPORT_DIRECTORY, "results.md"), markdown);
  console.log(`bench: wrote ${path.relative(process.cwd(), REPORT_DIRECTORY)}/results.json and results.md`);
  if (run.complete) await putInReadme(markdown);
}

/** Writes a file as the project's Prettier settings format it, so `npm run lint` finds nothing to say. */
async function writeFormatted(file: string, text: string): Promise<void> {
  const options = await prettier.resolveConfig(file);
  await writeFile(file, await prettier.format(text, { ...options, filepath: file }));
}

function markdownTable(header: string[], rows: string[][]): string[] {
  const cells = (row: string[]) => `| ${row.map((cell) => cell.replaceAll("|", "\\|")).join(" | ")} |`;
  return [cells(header), `|${header.map((_, i) => (i === 0 ? " --- " : " ---: ")).join("|")}|`, ...rows.map(cells)];
}

/** Replaces what sits between the README's bench markers, if it has them. */
async function putInReadme(markdown: string): Promise<void> {
  const readme = await readFile(README, "utf8");
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) return;
  await writeFormatted(
    README,
    `${readme.slice(0, start + README_START.length)}\n\n${markdown}\n\n${readme.slice(end)}`,
  );
  console.log("bench: README's bench table updated");
}

await main();
