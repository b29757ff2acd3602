import { z } from "zod";
import type { HttpDeps } from "../http-deps.js";
import { defineRoute, type RouteSpec } from "../route.js";
import { json } from "../schemas.js";

const PROBE = new TextEncoder().encode("tradeseal storage probe\n");
const CHECK_TIMEOUT_MS = 3_000;

const health = z
  .object({
    status: z.enum(["ok", "degraded"]),
    chain: z.object({ up: z.boolean(), block: z.number().int().optional(), error: z.string().optional() }),
    storage: z.object({ up: z.boolean(), error: z.string().optional() }),
    database: z.object({ up: z.boolean(), error: z.string().optional() }),
    index: z.object({ block: z.number().int().optional(), behind: z.number().int().optional() }),
  })
  .meta({ id: "Health" });

async function within<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** GET /healthz and GET /.well-known/jwks.json. */
export function metaRoutes({ ctx }: HttpDeps): RouteSpec[] {
  let probeCid: string | undefined;
  return [
    defineRoute({
      method: "get",
      path: "/healthz",
      operationId: "health",
      summary: "Chain, storage and database each up or down, and the indexed block",
      tag: "Operations",
      access: "public",
      responses: { "200": json(health, "All parts up."), "503": json(health, "A part is down.") },
      async handle({ res }) {
        const [chain, storage, database] = await Promise.allSettled([
          within(ctx.chain.block("latest")),
          within(
            (async () => {
              probeCid ??= await ctx.store.put(PROBE);
              if (!(await ctx.store.get(probeCid))) throw new Error("the probe object is missing");
            })(),
          ),
          within(ctx.index.position()),
        ]);
        const head = chain.status === "fulfilled" ? chain.value.number : undefined;
        const indexed = database.status === "fulfilled" ? database.value?.blockNumber : undefined;
        const up = [chain, storage, database].every((part) => part.status === "fulfilled");
        res.status(up ? 200 : 503).json({
          status: up ? "ok" : "degraded",
          chain: chain.status === "fulfilled" ? { up: true, block: head } : { up: false, error: reason(chain.reason) },
          storage: storage.status === "fulfilled" ? { up: true } : { up: false, error: reason(storage.reason) },
          database: database.status === "fulfilled" ? { up: true } : { up: false, error: reason(database.reason) },
          index: {
            ...(indexed !== undefined && { block: indexed }),
            ...(indexed !== undefined && head !== undefined && { behind: Math.max(0, head - indexed) }),
          },
        });
      },
    }),
    defineRoute({
      method: "get",
      path: "/.well-known/jwks.json",
      operationId: "jwks",
      summary: "The gateway's public keys: check receipts and status lists offline",
      tag: "Verification",
      access: "public",
      responses: { "200": json(z.object({ keys: z.array(z.record(z.string(), z.unknown())) }), "JWKS.") },
      async handle({ res }) {
        res.set("Cache-Control", "public, max-age=300").json(await ctx.gatewayKey.jwks());
      },
    }),
  ];
}
