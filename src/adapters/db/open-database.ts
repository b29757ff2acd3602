import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { UnavailableError } from "../../domain/errors.js";
import * as schema from "./schema.js";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface OpenDatabase {
  db: Database;
  /** "pglite" (embedded) or "postgres" (a server). */
  dialect: "pglite" | "postgres";
  close(): Promise<void>;
}

const MIGRATIONS = fileURLToPath(new URL("./migrations", import.meta.url));
/** Serializes migrations when several gateway instances start against one server. */
const MIGRATION_LOCK = 727_3253;

/**
 * Opens the gateway's database and brings its schema up to date: a PostgreSQL server when `url`
 * is given (DATABASE_URL), otherwise embedded PGlite in `directory` (in memory when neither).
 */
export async function openDatabase(options: { url?: string; directory?: string }): Promise<OpenDatabase> {
  if (options.url) return openPostgres(options.url);
  if (options.directory) mkdirSync(options.directory, { recursive: true });
  const client = options.directory ? new PGlite(options.directory) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder: MIGRATIONS });
  return { db: db as unknown as Database, dialect: "pglite", close: () => client.close() };
}

async function openPostgres(url: string): Promise<OpenDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end();
    throw new UnavailableError(
      `The PostgreSQL server in DATABASE_URL cannot be reached (${(error as Error).message}); check that it runs and the URL is right.`,
      {},
      { cause: error },
    );
  }
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migratePostgres(drizzlePostgres(client, { schema }), { migrationsFolder: MIGRATIONS });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
  const db = drizzlePostgres(pool, { schema });
  return { db: db as unknown as Database, dialect: "postgres", close: () => pool.end() };
}
