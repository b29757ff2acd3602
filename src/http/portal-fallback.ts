import path from "node:path";
import type { RequestHandler, Response } from "express";

/** Paths that belong to the API and the gateway's own pages, never to the portal. */
const GATEWAY_PATHS = /^\/(v1|docs|openapi\.json|metrics|healthz|\.well-known)(\/|$)/;
/** A file the build would have made (a missing one is a 404, not the page). */
const ASSET = /\.(js|mjs|css|map|png|jpe?g|gif|svg|ico|webp|woff2?|json|txt)$/i;

/**
 * The portal is one page that routes in the browser, so a page address opened directly
 * (/verify/0x…, the link in a certificate's QR code; /issuer…) gets its index.html. Only
 * browser navigations get it — GET or HEAD asking for text/html, outside the API, not for an
 * asset file — so a missing asset or API path still answers 404.
 */
export function portalFallback(
  directory: string,
  setHeaders: (res: Response) => void = () => undefined,
): RequestHandler {
  const root = path.resolve(directory);
  return (req, res, next) => {
    const navigation =
      (req.method === "GET" || req.method === "HEAD") &&
      (req.get("accept") ?? "").includes("text/html") &&
      !GATEWAY_PATHS.test(req.path) &&
      !ASSET.test(req.path);
    if (!navigation) {
      next();
      return;
    }
    res.set("Cache-Control", "no-cache");
    setHeaders(res);
    // Relative to its root, so a directory whose path has a dot-folder in it (.test-output) still serves.
    res.sendFile("index.html", { root }, (error) => {
      if (error) next();
    });
  };
}
