/**
 * The HTTP API as an express 5 app, built from the use cases it is given: nothing here opens a
 * connection or reads configuration, so tests build the same app over other parts.
 */
import { createRequire } from "node:module";
import path from "node:path";
import express, { type Express, type RequestHandler, type Response } from "express";
import { rateLimit } from "express-rate-limit";
import type { HttpDeps } from "./http-deps.js";
import { createHttpMetrics } from "./metrics.js";
import { openApiDocument } from "./openapi.js";
import { problemHandler, sendProblem } from "./problem.js";
import { portalFallback } from "./portal-fallback.js";
import { mount, type RouteSpec } from "./route.js";
import { auditRoutes } from "./routes/audit.js";
import { authorityRoutes } from "./routes/authorities.js";
import { certificateReadRoutes } from "./routes/certificates-read.js";
import { certificateWriteRoutes } from "./routes/certificates-write.js";
import { consignmentRoutes } from "./routes/consignments.js";
import { credentialRoutes } from "./routes/credentials.js";
import { metaRoutes } from "./routes/meta.js";
import { notificationRoutes } from "./routes/notifications.js";
import { qrRoutes } from "./routes/qr.js";
import { verifyRoutes } from "./routes/verify.js";
import { JSON_TYPES } from "./request-document.js";
import { largeJsonAsText } from "./large-json.js";

const require = createRequire(import.meta.url);
const SWAGGER_UI = path.dirname(require.resolve("swagger-ui-dist/package.json"));
const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>tradeseal API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="api"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script><script src="/docs/init.js"></script></body></html>`;
const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#api", deepLinking: true });`;

const PORTAL_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/** Runs a body parser only for methods that carry a body: reads (GET, HEAD) skip it. */
function withBody(parser: RequestHandler): RequestHandler {
  return (req, res, next) => (req.method === "GET" || req.method === "HEAD" ? next() : parser(req, res, next));
}

export interface App {
  app: Express;
  routes: RouteSpec[];
}

export function createApp(deps: HttpDeps): App {
  const { config } = deps;
  const log = deps.log ?? ((message, error) => console.error(message, error));
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  const metrics = createHttpMetrics(deps.ctx);
  app.use(metrics.middleware);
  app.use((_req, res, next) => {
    // Node's own setHeader: these need none of express's content-type handling.
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    res.setHeader("X-Frame-Options", "DENY");
    next();
  });
  if (config.rateLimit) {
    app.use(
      rateLimit({
        windowMs: config.rateLimit.windowMs,
        limit: config.rateLimit.limit,
        standardHeaders: "draft-8",
        legacyHeaders: false,
        handler: (_req, res) =>
          sendProblem(
            res,
            429,
            "RATE_LIMITED",
            `More than ${config.rateLimit ? config.rateLimit.limit : 0} requests in ${config.rateLimit ? config.rateLimit.windowMs / 1000 : 0} s from this address: wait for the time in RateLimit-Reset (or Retry-After) and retry.`,
          ),
      }),
    );
  }
  const textTypes = ["application/xml", "text/xml", "application/vc+jwt", "application/jwt"];
  app.use("/v1/certificates/batch", withBody(express.json({ limit: config.batchBodyLimitBytes, type: JSON_TYPES })));
  // A document presented for verification may be large: parsed by the document preparer, off the event loop.
  app.use("/v1/verify", withBody(largeJsonAsText({ limit: config.bodyLimitBytes })));
  app.use(withBody(express.json({ limit: config.bodyLimitBytes, type: JSON_TYPES })));
  app.use(withBody(express.text({ limit: config.bodyLimitBytes, type: textTypes })));

  const routes = [
    ...metaRoutes(deps),
    ...certificateReadRoutes(deps),
    ...certificateWriteRoutes(deps),
    ...verifyRoutes(deps),
    ...authorityRoutes(deps),
    ...credentialRoutes(deps),
    ...consignmentRoutes(deps),
    ...qrRoutes(deps),
    ...notificationRoutes(deps),
    ...auditRoutes(deps),
  ];
  const router = express.Router();
  // Customs' clearance call first: express tries routes in order. Its path is no other route's.
  const verifyFirst = [...routes].sort((a, b) => Number(b.path === "/v1/verify") - Number(a.path === "/v1/verify"));
  mount(router, deps, verifyFirst);
  app.use(router);

  let openapi: string | undefined;
  app.get("/openapi.json", (_req, res) => {
    openapi ??= JSON.stringify(openApiDocument(routes, config.publicUrl));
    res.type("application/json").send(openapi);
  });
  app.get("/docs", (_req, res) => {
    res.type("html").send(DOCS_PAGE);
  });
  app.get("/docs/init.js", (_req, res) => {
    res.type("application/javascript").send(DOCS_INIT);
  });
  app.use("/docs/assets", express.static(SWAGGER_UI, { index: false, maxAge: "1h" }));
  app.get("/metrics", async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  if (config.portalDirectory) {
    // The portal's pages load only their own scripts and styles and talk only to this gateway.
    const portalHeaders = (res: Response) => res.setHeader("Content-Security-Policy", PORTAL_CSP);
    app.use(express.static(config.portalDirectory, { index: "index.html", setHeaders: portalHeaders }));
    app.use(portalFallback(config.portalDirectory, portalHeaders));
  }

  app.use((req, res) => {
    sendProblem(
      res,
      404,
      "NOT_FOUND",
      `There is no ${req.method} ${req.path}; see /openapi.json or /docs for the API.`,
    );
  });
  app.use(problemHandler(log));
  return { app, routes };
}
