import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";
import { operationOf, type RouteSpec } from "./route.js";

/** The OpenAPI 3.1 document of the mounted routes, from the schemas that validate their requests. */
export function openApiDocument(routes: readonly RouteSpec[], publicUrl: string): ReturnType<typeof createDocument> {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    paths[route.path] = { ...paths[route.path], [route.method]: operationOf(route) };
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "tradeseal gateway API",
      version: "1",
      description:
        "Registry of electronic certificates of origin and phytosanitary certificates anchored on a permissioned EVM chain. " +
        "Errors are RFC 9457 problem details. Public verification needs no token.",
    },
    servers: [{ url: publicUrl }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
    },
    paths,
  });
}
