/**
 * Builds the portal with Vite into portal/dist (or `outDir`), where the gateway serves it from
 * (HttpConfig.portalDirectory). `npm start` and the browser tests call it; `npm run build:portal`
 * runs the same build from the command line.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

const PORTAL = fileURLToPath(new URL(".", import.meta.url));

/** Where `npm start` serves the portal from unless TRADESEAL_PORTAL_DIR says otherwise. */
export const PORTAL_DIST = path.join(PORTAL, "dist");

export async function buildPortal(options: { outDir?: string; quiet?: boolean } = {}): Promise<string> {
  const outDir = path.resolve(options.outDir ?? PORTAL_DIST);
  // Imported here so that importing this module (for PORTAL_DIST) does not load Vite.
  const { build } = await import("vite");
  await build({
    root: PORTAL,
    configFile: path.join(PORTAL, "vite.config.ts"),
    logLevel: options.quiet ? "warn" : "info",
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}
