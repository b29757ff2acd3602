#!/usr/bin/env node
/**
 * The `tradeseal` command: runs src/cli.ts with tsx on the project's Node 24 (the `node` package in
 * node_modules), whatever Node started this launcher, and exits as the CLI does.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import process from "node:process";
import { fileURLToPath, URL } from "node:url";

const require = createRequire(import.meta.url);
const cli = fileURLToPath(new URL("../src/cli.ts", import.meta.url));

function projectNode() {
  try {
    const binary = path.join(path.dirname(require.resolve("node/package.json")), "bin", "node");
    if (existsSync(binary)) return binary;
  } catch {
    // No `node` package installed: the Node running this launcher is used.
  }
  return process.execPath;
}

let tsx;
try {
  tsx = import.meta.resolve("tsx");
} catch {
  process.stderr.write("tradeseal runs from the project's own install: run `npm ci` in the tradeseal folder first.\n");
  process.exit(1);
}

const child = spawn(projectNode(), ["--import", tsx, cli, ...process.argv.slice(2)], { stdio: "inherit" });
// Ctrl-C reaches the whole process group, the CLI included: it decides how to stop. Signals sent to
// this launcher alone are handed on.
process.on("SIGINT", () => undefined);
for (const signal of ["SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
child.on("error", (error) => {
  process.stderr.write(`Could not run the tradeseal CLI: ${error.message}\n`);
  process.exit(1);
});
child.on("exit", (code, signal) => {
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  } else {
    process.exit(code ?? 1);
  }
});
