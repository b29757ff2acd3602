import type { Command } from "commander";
import type { CliRuntime } from "./cli-runtime.js";
import { ExitCode } from "./exit-codes.js";
import { GatewayClient } from "./gateway-client.js";

/** The options every command takes (on the program, inherited by each command). */
export interface GlobalOptions {
  gateway: string;
  token?: string;
}

/**
 * What a command's action works with: the runtime, a client for the gateway named by the global
 * options, plain output, and the exit code the action decides.
 */
export class CommandContext {
  readonly runtime: CliRuntime;
  exitCode: number = ExitCode.OK;

  constructor(runtime: CliRuntime) {
    this.runtime = runtime;
  }

  /** Wraps an action: what it returns (a verdict's exit code) becomes the process's exit code. */
  action<A extends unknown[]>(run: (...args: A) => Promise<number | void>): (...args: A) => Promise<void> {
    return async (...args: A) => {
      this.exitCode = (await run(...args)) ?? ExitCode.OK;
    };
  }

  client(command: Command): GatewayClient {
    const options = command.optsWithGlobals<GlobalOptions>();
    return new GatewayClient({ url: options.gateway, token: options.token });
  }

  out(line = ""): void {
    this.runtime.stdout.write(`${line}\n`);
  }

  err(line = ""): void {
    this.runtime.stderr.write(`${line}\n`);
  }
}
