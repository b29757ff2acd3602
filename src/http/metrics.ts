/** Prometheus metrics of one app instance (its own registry: no process-wide state). */
import type { RequestHandler } from "express";
import { collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { GatewayContext } from "../application/gateway-context.js";

export interface HttpMetrics {
  registry: Registry;
  middleware: RequestHandler;
}

export function createHttpMetrics(ctx: Pick<GatewayContext, "index">): HttpMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "tradeseal_" });
  const duration = new Histogram({
    name: "tradeseal_http_request_duration_seconds",
    help: "HTTP requests by route, method and status",
    labelNames: ["method", "route", "status"],
    buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: "tradeseal_indexed_block",
    help: "The block the index holds every event up to",
    registers: [registry],
    async collect() {
      const position = await ctx.index.position();
      this.set(position?.blockNumber ?? -1);
    },
  });
  const middleware: RequestHandler = (req, res, next) => {
    const end = duration.startTimer();
    res.on("finish", () => {
      // The route pattern, not the raw path: ids must not become label values.
      const route = (req.route as { path?: string } | undefined)?.path ?? "unmatched";
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
  return { registry, middleware };
}
