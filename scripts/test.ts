/**
 * `npm test`: runs every test suite, one process each, and ends with one line that sums them:
 *   N passed, N failed[, N skipped]
 * Counts come from each runner's own closing summary. A suite that cannot run, runs no test, or
 * exits non-zero without reporting a failure counts as one failure, so the closing line never
 * reads "0 failed" when the run did not pass.
 *
 *   npm test                       all suites
 *   npm test -- solidity mocha     only the named suites (solidity, mocha, unit, integration, ...)
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** A suite that runs longer than this is stopped and counts as failed (a hung test must not hang CI). */
const SUITE_TIME_LIMIT_MS = 20 * 60_000;

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

interface Suite {
  name: string;
  what: string;
  argv: string[];
  /** A check that reports no test count: it counts as one test, passed when it exits 0. */
  check?: true;
  /** Runs only when this environment variable is set; otherwise counts as one skipped test, with the reason. */
  needsEnv?: { name: string; why: string };
  /** Extra environment for the suite's process. */
  env?: Record<string, string>;
}

const require = createRequire(import.meta.url);

/** The JavaScript file behind a package's command, run with this Node (npm's PATH order does not matter). */
function binOf(pkg: string, command = pkg): string {
  const manifestPath = require.resolve(`${pkg}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { bin: string | Record<string, string> };
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin[command];
  return path.join(path.dirname(manifestPath), bin);
}

const hardhat = binOf("hardhat");
const SUITES: Suite[] = [
  {
    name: "solidity",
    what: "Solidity tests (test/contracts/*.t.sol) with hardhat test solidity",
    argv: [hardhat, "test", "solidity"],
  },
  {
    name: "mocha",
    what: "contract tests (test/contracts/*.test.ts) with hardhat test mocha",
    argv: [hardhat, "test", "mocha"],
  },
  {
    name: "unit",
    what: "gateway unit tests (test/unit/**/*.test.ts) with mocha",
    argv: ["--import", "tsx", binOf("mocha"), "--timeout", "60000", "test/unit/**/*.test.ts"],
  },
  {
    name: "integration",
    what: "integration tests (test/integration/**/*.test.ts) with mocha; the gateway's on embedded PGlite",
    argv: ["--import", "tsx", binOf("mocha"), "--timeout", "180000", "test/integration/**/*.test.ts"],
    env: { TRADESEAL_TEST_DATABASE_URL: "" },
  },
  {
    name: "postgres",
    what: "the gateway's end-to-end tests again, on a PostgreSQL server (TRADESEAL_TEST_DATABASE_URL)",
    argv: ["--import", "tsx", binOf("mocha"), "--timeout", "180000", "test/integration/gateway/**/*.test.ts"],
    needsEnv: {
      name: "TRADESEAL_TEST_DATABASE_URL",
      why: "set TRADESEAL_TEST_DATABASE_URL to a PostgreSQL server (.ci/run starts a throwaway PostgreSQL 15 cluster)",
    },
  },
  {
    name: "e2e",
    what: "the web portal end to end in Chromium (test/e2e/**/*.test.ts, playwright-core) over a real gateway",
    argv: ["--import", "tsx", binOf("mocha"), "--timeout", "180000", "test/e2e/**/*.test.ts"],
    env: { TRADESEAL_TEST_DATABASE_URL: "" },
  },
  {
    name: "gas",
    what: "gas per action against the committed gas-report.json (npm run gas:check)",
    argv: ["--import", "tsx", "scripts/gas.ts", "--check"],
    check: true,
  },
  {
    name: "lint",
    what: "solhint, Prettier, dependency rules, typecheck and ESLint (npm run lint)",
    // npm sets npm_execpath to its own CLI when it runs `npm test`
    argv: [process.env.npm_execpath ?? binOf("npm", "npm"), "run", "--silent", "lint"],
    check: true,
  },
];

/**
 * Reads the closing summary both runners print: Mocha's `N passing (2s)`, `N pending`, `N failing`
 * and Hardhat's Solidity runner's `N passing`, `N failing`, `N skipped`. The last `passing` line
 * is the runner's summary; the count lines that follow it belong to it.
 */
function parseSummary(output: string): Counts | undefined {
  const lines = stripVTControlCharacters(output).split(/\r?\n/);
  let start = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/^\s*\d+ passing(?: \(\S+\))?\s*$/.test(lines[i])) {
      start = i;
      break;
    }
  }
  if (start < 0) return undefined;
  const counts: Counts = { passed: Number(/\d+/.exec(lines[start])![0]), failed: 0, skipped: 0 };
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === "") continue;
    const match = /^\s*(\d+) (failing|pending|skipped)\s*$/.exec(line);
    if (!match) break;
    if (match[2] === "failing") counts.failed = Number(match[1]);
    else counts.skipped += Number(match[1]);
  }
  return counts;
}

interface Outcome extends Counts {
  problem?: string;
  seconds: number;
}

function runSuite(suite: Suite): Promise<Outcome> {
  const started = Date.now();
  if (suite.needsEnv && !process.env[suite.needsEnv.name]) {
    console.log(`skipped: ${suite.needsEnv.why}`);
    return Promise.resolve({ passed: 0, failed: 0, skipped: 1, problem: `skipped: ${suite.needsEnv.why}`, seconds: 0 });
  }
  return new Promise((resolve) => {
    let output = "";
    let timedOut = false;
    const child = spawn(process.execPath, suite.argv, {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      // Keep colours when a person is watching; the parser strips them.
      env: { ...process.env, ...suite.env, ...(process.stdout.isTTY && { FORCE_COLOR: "1" }) },
    });
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => process.stderr.write(chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, SUITE_TIME_LIMIT_MS);
    const finish = (code: number | null, signal: NodeJS.Signals | null, spawnError?: Error): void => {
      clearTimeout(timer);
      const seconds = (Date.now() - started) / 1000;
      const counts = suite.check
        ? { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 }
        : parseSummary(output);
      const failedRun = (problem: string): Outcome => ({
        passed: counts?.passed ?? 0,
        failed: Math.max(counts?.failed ?? 0, 1),
        skipped: counts?.skipped ?? 0,
        problem,
        seconds,
      });
      if (spawnError) resolve(failedRun(`could not start: ${spawnError.message}`));
      else if (timedOut) resolve(failedRun(`stopped after ${SUITE_TIME_LIMIT_MS / 60_000} minutes`));
      else if (!counts) resolve(failedRun(`could not run: no test summary (exit ${code ?? signal})`));
      else if (counts.passed + counts.failed === 0) resolve(failedRun("ran no test"));
      else if (code !== 0 && counts.failed === 0) resolve(failedRun(`exited with ${code ?? signal} after its tests`));
      else resolve({ ...counts, seconds });
    };
    child.on("error", (error) => finish(null, null, error));
    child.on("close", (code, signal) => finish(code, signal));
  });
}

function countsLine({ passed, failed, skipped }: Counts): string {
  return `${passed} passed, ${failed} failed` + (skipped > 0 ? `, ${skipped} skipped` : "");
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !SUITES.some((s) => s.name === name));
if (unknown.length > 0) {
  console.error(`Unknown suite ${unknown.join(", ")}; the suites are ${SUITES.map((s) => s.name).join(", ")}.`);
  process.exit(2);
}
const suites = wanted.length > 0 ? SUITES.filter((s) => wanted.includes(s.name)) : SUITES;

const results: [Suite, Outcome][] = [];
for (const suite of suites) {
  console.log(`\n=== ${suite.name}: ${suite.what}\n`);
  results.push([suite, await runSuite(suite)]);
}

console.log("\n=== summary");
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
for (const [suite, outcome] of results) {
  total.passed += outcome.passed;
  total.failed += outcome.failed;
  total.skipped += outcome.skipped;
  const note = outcome.problem ? ` — ${outcome.problem}` : "";
  console.log(`${suite.name.padEnd(12)} ${countsLine(outcome)} in ${outcome.seconds.toFixed(1)} s${note}`);
}
console.log(countsLine(total));
process.exitCode = total.failed > 0 ? 1 : 0;
