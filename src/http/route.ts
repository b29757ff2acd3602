/**
 * A route is declared once — method, path, who may call it, the zod schemas of its parameters,
 * query and body, its answers — and that one declaration both validates requests and becomes its
 * operation in the OpenAPI document.
 */
import type { Request, Response, Router } from "express";
import { type z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiResponsesObject } from "zod-openapi";
import type { Caller } from "../domain/caller.js";
import { TradesealError, UnauthenticatedError, ValidationError } from "../domain/errors.js";
import type { HttpDeps } from "./http-deps.js";
import { JSON_TYPES } from "./request-document.js";

export type Access = "public" | "token";

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  caller: Caller | undefined;
  req: Request;
  res: Response;
}

export interface RouteSpec<P = unknown, Q = unknown, B = unknown> {
  method: "get" | "post" | "delete";
  /** OpenAPI form: /v1/certificates/{id}. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** "token": a valid bearer token is required; "public": optional (a token, if sent, must be valid). */
  access: Access;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  /** The body schema per media type, validated for JSON; other types arrive as text. */
  body?: {
    schema: z.ZodType<B>;
    types?: Record<string, z.ZodType>;
    description?: string;
    /** "handler": documented here, validated by the handler (e.g. with the domain's own messages). */
    validatedBy?: "handler";
  };
  responses: ZodOpenApiResponsesObject;
  handle(input: RouteInput<P, Q, B>): Promise<void>;
}

export function defineRoute<P, Q, B>(spec: RouteSpec<P, Q, B>): RouteSpec {
  return spec;
}

/** The caller of an authenticated route (its access is "token"). */
export function callerOf(input: { caller: Caller | undefined }): Caller {
  if (!input.caller) throw new UnauthenticatedError("Sign in: send `Authorization: Bearer <token>`.");
  return input.caller;
}

export function mount(router: Router, deps: HttpDeps, routes: readonly RouteSpec[]): void {
  for (const route of routes) {
    const expressPath = route.path.replaceAll(/\{(\w+)\}/g, ":$1");
    router[route.method](expressPath, async (req, res) => {
      const caller = await authenticate(deps, req, route.access);
      const params = parse(route.params, req.params, "path");
      const query = parse(route.query, req.query, "query");
      const body =
        route.body && route.body.validatedBy !== "handler" ? jsonBody(route.body.schema, req) : (req.body as unknown);
      await route.handle({ params, query, body, caller, req, res });
    });
  }
}

function isJson(req: Request): boolean {
  return Boolean(req.is(JSON_TYPES));
}

/** A JSON body validated by the route's schema; no body counts as {} (for actions that need nothing). */
function jsonBody<B>(schema: z.ZodType<B>, req: Request): B {
  if (req.is(JSON_TYPES) === false) {
    throw new TradesealError(
      "UNSUPPORTED_MEDIA_TYPE",
      `Send the body as application/json (got ${req.get("content-type")}).`,
    );
  }
  return parse(schema, isJson(req) ? req.body : {}, "body");
}

async function authenticate(deps: HttpDeps, req: Request, access: Access): Promise<Caller | undefined> {
  const header = req.get("authorization");
  if (header === undefined) {
    if (access === "token") {
      throw new UnauthenticatedError("This needs a signed-in caller: send `Authorization: Bearer <token>`.");
    }
    return undefined;
  }
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header.trim());
  if (!match) throw new UnauthenticatedError("Send the token as `Authorization: Bearer <token>`.");
  return deps.tokens.verify(match[1]);
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return value as T;
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = issue.code === "unrecognized_keys" ? issue.keys.join(", ") : issue.path.join(".");
    return `${where}${field ? ` ${field}` : ""}: ${issue.message}`;
  });
  throw new ValidationError(
    `The request is not valid: ${problems.slice(0, 5).join("; ")}. Correct it and send it again.`,
    {
      issues: result.error.issues,
    },
  );
}

/** The route's OpenAPI operation, from the same schemas. */
export function operationOf(route: RouteSpec): ZodOpenApiOperationObject {
  const content: Record<string, { schema: z.ZodType }> = {};
  if (route.body) {
    content["application/json"] = { schema: route.body.schema };
    for (const [type, schema] of Object.entries(route.body.types ?? {})) content[type] = { schema };
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description && { description: route.description }),
    tags: [route.tag],
    ...(route.access === "token" && { security: [{ bearer: [] }] }),
    requestParams: {
      ...(route.params && { path: route.params as z.ZodObject }),
      ...(route.query && { query: route.query as z.ZodObject }),
    },
    ...(route.body && {
      requestBody: { required: true, ...(route.body.description && { description: route.body.description }), content },
    }),
    responses: route.responses,
  };
}
