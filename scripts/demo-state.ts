import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DemoWorld } from "./demo-world.js";

/**
 * What `npm start` keeps about its demo beside the gateway's data: where the registries are and
 * what the seeded world holds. Written once the first start has seeded the world, so a data
 * directory without it never finished its first start.
 */
export interface DemoState {
  registries: { authorityRegistry: string; certificateRegistry: string };
  world: DemoWorld;
}

const fileIn = (dataDir: string): string => path.join(dataDir, "demo.json");

export function readDemoState(dataDir: string): DemoState | undefined {
  const file = fileIn(dataDir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as DemoState) : undefined;
}

export function writeDemoState(dataDir: string, state: DemoState): void {
  writeFileSync(fileIn(dataDir), `${JSON.stringify(state, null, 2)}\n`);
}
