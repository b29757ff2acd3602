import { defineConfig } from "drizzle-kit";

/** `npm run db:generate`: writes a migration for what changed in the schema. */
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/adapters/db/schema.ts",
  out: "./src/adapters/db/migrations",
});
