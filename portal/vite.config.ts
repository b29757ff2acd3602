/**
 * The portal's build: `npx vite build portal` writes portal/dist, which the gateway serves
 * (HttpConfig.portalDirectory). `npx vite portal` serves it for development and forwards API calls
 * to the gateway in TRADESEAL_API_URL (default http://127.0.0.1:8080, where `npm start` puts it).
 */
import { defineConfig } from "vite";

const api = process.env.TRADESEAL_API_URL ?? "http://127.0.0.1:8080";

export default defineConfig({
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 300 },
  server: {
    proxy: Object.fromEntries(["/v1", "/openapi.json", "/.well-known", "/healthz", "/docs"].map((path) => [path, api])),
  },
});
