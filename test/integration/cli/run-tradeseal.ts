/** Runs the real `tradeseal` command (bin/tradeseal.js) as a child process and collects what it prints. */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const BIN = fileURLToPath(new URL("../../../bin/tradeseal.js", import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function tradeseal(
  args: readonly string[],
  options: { gateway?: string; token?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  delete env.TRADESEAL_URL;
  delete env.TRADESEAL_TOKEN;
  if (options.gateway) env.TRADESEAL_URL = options.gateway;
  if (options.token) env.TRADESEAL_TOKEN = options.token;
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}
