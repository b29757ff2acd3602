import { spawn } from "node:child_process";
import { constants } from "node:os";

const HANDED_ON = ["SIGTERM", "SIGHUP"] as const;

/**
 * Runs a Node program on this process's Node with the terminal handed over (stdio inherited) and
 * resolves to its exit code. Ctrl-C reaches the child from the terminal, which stops as it sees
 * fit; SIGTERM or SIGHUP sent to this process alone are passed on to it.
 */
export function runNode(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: "inherit",
    });
    const ignoreInterrupt = (): void => undefined;
    const handOn = (signal: NodeJS.Signals) => () => child.kill(signal);
    const handlers = HANDED_ON.map((signal) => [signal, handOn(signal)] as const);
    process.on("SIGINT", ignoreInterrupt);
    for (const [signal, handler] of handlers) process.on(signal, handler);
    const settle = (): void => {
      process.off("SIGINT", ignoreInterrupt);
      for (const [signal, handler] of handlers) process.off(signal, handler);
    };
    child.once("error", (error) => {
      settle();
      reject(error);
    });
    child.once("exit", (code, signal) => {
      settle();
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}
