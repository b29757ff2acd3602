/**
 * The `tradeseal` command's composition root (bin/tradeseal.js runs it): it hands the commands in
 * src/cli what needs adapters — a gateway wired from the environment for reindex, the DEV-ONLY
 * identity provider of a data directory, the XML reader — and loads those only when a command uses
 * them, so commands that talk to a gateway over HTTP start quickly.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConflictError, NotFoundError, ValidationError } from "./domain/errors.js";
import type { CliRuntime } from "./cli/cli-runtime.js";
import { runCli } from "./cli/program.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The runtime on this process: its streams, and the gateway's parts loaded on demand. */
function processRuntime(): CliRuntime {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    root: ROOT,
    defaultDataDir: process.env.TRADESEAL_DATA_DIR || path.join(ROOT, "data"),

    async openGateway(dataDir) {
      const { configFromEnv, createGateway } = await import("./main.js");
      const config = configFromEnv({ ...process.env, TRADESEAL_DATA_DIR: dataDir });
      // Embedded PGlite belongs to one process at a time; its server pid file is there while one has it open.
      if (!config.databaseUrl && existsSync(path.join(dataDir, "pglite", "postmaster.pid"))) {
        throw new ConflictError(
          `The embedded database under ${dataDir} is open in another process (a running gateway?): stop it first. ` +
            `If none runs (it was killed), remove ${path.join(dataDir, "pglite", "postmaster.pid")} and retry.`,
        );
      }
      const gateway = await createGateway(config);
      return { indexer: gateway.context.indexer, close: () => gateway.close() };
    },

    async devTokens(dataDir) {
      const [{ apiConfigFromEnv }, { createDevTokenIssuer }] = await Promise.all([
        import("./main.js"),
        import("./adapters/auth/dev-token-issuer.js"),
      ]);
      const { auth } = apiConfigFromEnv(dataDir);
      if (!("devDirectory" in auth)) {
        throw new ValidationError(
          "This gateway takes its identity provider's tokens (TRADESEAL_AUTH_JWKS_FILE or _URL is set): sign in there. " +
            "`tradeseal token` makes DEV-ONLY tokens for the demo identity provider only.",
        );
      }
      if (!existsSync(auth.devDirectory)) {
        throw new NotFoundError(
          `No demo identity provider under ${dataDir}: start the demo gateway first (\`npx tradeseal start\`), ` +
            "or pass --data-dir <its data directory>.",
        );
      }
      const issuer = await createDevTokenIssuer({
        directory: auth.devDirectory,
        issuer: auth.issuer,
        audience: auth.audience,
      });
      return {
        directory: auth.devDirectory,
        token: (caller, ttlSeconds) => issuer.token(caller, { ttlSeconds }),
      };
    },

    async readXml(xml) {
      const { readCertificateXml } = await import("./adapters/formats/read-certificate-xml.js");
      return readCertificateXml(xml).document;
    },
  };
}

// Output piped into a reader that stops early (`| head`) ends the command quietly, as other tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
}
process.exitCode = await runCli(process.argv.slice(2), processRuntime());
