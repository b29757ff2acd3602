/**
 * Writes portal/src/api/schema.d.ts, the API's types for the portal, from the OpenAPI document the
 * gateway serves at /openapi.json. The document is built from the route declarations themselves,
 * so no gateway needs to run.
 *   npx tsx portal/scripts/api-types.ts           rewrite the file
 *   npx tsx portal/scripts/api-types.ts --check   fail if the file is out of date with the routes
 */
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import * as prettier from "prettier";
import type { GatewayContext } from "../../src/application/gateway-context.js";
import { UnauthenticatedError } from "../../src/domain/errors.js";
import { createApp } from "../../src/http/create-app.js";
import { openApiDocument } from "../../src/http/openapi.js";

const TARGET = fileURLToPath(new URL("../src/api/schema.d.ts", import.meta.url));

/** The API's OpenAPI document; the routes read the gateway context only when a request comes, so none is needed. */
export function apiDocument(): ReturnType<typeof openApiDocument> {
  const { routes } = createApp({
    ctx: {} as GatewayContext,
    tokens: { verify: () => Promise.reject(new UnauthenticatedError("No tokens are checked here.")) },
    config: { publicUrl: "", bodyLimitBytes: 0, batchBodyLimitBytes: 0, rateLimit: false },
  });
  return openApiDocument(routes, "");
}

/** The TypeScript declarations of the API, formatted as the repository formats its files. */
export async function apiTypes(): Promise<string> {
  const ast = await openapiTS(JSON.stringify(apiDocument()), { silent: true });
  const header =
    "/**\n * The gateway API's types, generated from its OpenAPI document by portal/scripts/api-types.ts.\n" +
    " * Do not edit: run `npx tsx portal/scripts/api-types.ts` after changing a route.\n */\n";
  const options = await prettier.resolveConfig(TARGET);
  return prettier.format(header + astToString(ast), { ...options, filepath: TARGET });
}

const types = await apiTypes();
if (process.argv.includes("--check")) {
  const current = await readFile(TARGET, "utf8").catch(() => "");
  if (current !== types) {
    console.error(`${TARGET} is out of date with the routes: run npx tsx portal/scripts/api-types.ts`);
    process.exit(1);
  }
} else {
  await writeFile(TARGET, types);
  console.log(`Wrote ${TARGET}`);
}
process.exit(0);
