import type { Clock } from "./ports/clock.js";

/**
 * Runs `step` over and over until stopped: again at once while it reports more work, otherwise
 * after `idleMs`. A step that throws (node or database away) is retried after `idleMs`.
 */
export class BackgroundLoop {
  private state?: { stop: boolean; done: Promise<void> };

  constructor(
    private readonly clock: Clock,
    private readonly step: () => Promise<boolean>,
  ) {}

  start(idleMs: number): void {
    if (this.state) return;
    const state = { stop: false, done: Promise.resolve() };
    state.done = (async () => {
      while (!state.stop) {
        let busy = false;
        try {
          busy = await this.step();
        } catch {
          // retried after the idle delay
        }
        if (!busy && !state.stop) await this.clock.sleep(idleMs);
      }
    })();
    this.state = state;
  }

  async stop(): Promise<void> {
    if (!this.state) return;
    this.state.stop = true;
    await this.state.done;
    this.state = undefined;
  }
}
