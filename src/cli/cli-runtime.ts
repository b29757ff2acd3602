import type { ChainIndexer } from "../application/chain-indexer.js";
import type { Caller } from "../domain/caller.js";

/** A gateway opened in this process from the environment's settings, for what has no API (reindex). */
export interface EmbeddedGateway {
  indexer: Pick<ChainIndexer, "rebuild">;
  close(): Promise<void>;
}

/** DEV-ONLY: signs tokens with the embedded identity provider's key of a data directory. */
export interface DevTokenMinter {
  /** The identity provider's folder, where its key is. */
  directory: string;
  token(caller: Caller, ttlSeconds: number): Promise<string>;
}

/**
 * What the commands get from the CLI's composition root (src/cli.ts): output, the project's
 * folders, and the parts that need adapters. Commands import nothing else of the gateway.
 */
export interface CliRuntime {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** The project folder: scripts/start.ts, deploy/ and the default ./data live under it. */
  root: string;
  /** The data directory of the embedded gateway when none is given: TRADESEAL_DATA_DIR or <root>/data. */
  defaultDataDir: string;
  /** Opens the gateway the environment (TRADESEAL_* settings) describes; the data directory is `dataDir`. */
  openGateway(dataDir: string): Promise<EmbeddedGateway>;
  /** The embedded gateway's DEV-ONLY identity provider under `dataDir`. */
  devTokens(dataDir: string): Promise<DevTokenMinter>;
  /** Reads an XML trade document (SPS ePhyto, hub envelope, e-CoO XML) into the registry's data model. */
  readXml(xml: string): Promise<unknown>;
}
