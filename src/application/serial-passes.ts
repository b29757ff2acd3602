import { BackgroundLoop } from "./background-loop.js";
import type { Clock } from "./ports/clock.js";

/**
 * Passes of a worker that never overlap: run on demand (`runOnce`) or in the background until
 * stopped, again at once while a pass did work (counted more than 0), otherwise after `idleMs`.
 */
export class SerialPasses {
  private running: Promise<number> = Promise.resolve(0);
  private readonly loop: BackgroundLoop;

  constructor(
    clock: Clock,
    private readonly pass: () => Promise<number>,
  ) {
    this.loop = new BackgroundLoop(clock, async () => (await this.runOnce()) > 0);
  }

  /** One pass after any running one; resolves to what the pass counted. */
  runOnce(): Promise<number> {
    this.running = this.running.then(
      () => this.pass(),
      () => this.pass(),
    );
    return this.running;
  }

  start(idleMs: number): void {
    this.loop.start(idleMs);
  }

  /** Stops the background passes and waits for the one under way. */
  async stop(): Promise<void> {
    await this.loop.stop();
    await this.running.catch(() => undefined);
  }
}
